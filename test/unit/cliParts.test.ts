// A big file in the text format is counted in parts, by every analysing thread at once (src/cli/bigText.ts). The
// parts' sums must add up to the whole text's totals exactly wherever the text may be cut, and the CLI must print the
// row it prints for the same text read whole (from standard input, which is never cut).
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { BIG_TEXT, firstPartSubject, isCut, partThreads, partTotals, THREADED_TEXT } from '../../src/cli/bigText';
import { decodeInput } from '../../src/core/decode';
import { addTotals, emptyTotals, TextTotals } from '../../src/core/tally';
import type { LanguageSetting, Tally } from '../../src/core/types';
import { document, paragraph } from './helpers/corpus';
import { builtinEngine, ROOT } from './helpers/lexicons';
import { Random } from './helpers/random';

const CLI = path.join(ROOT, 'dist/cli.js');
const LANGUAGES: LanguageSetting[] = ['auto', 'en', 'zh'];

function totalsOfTally(tally: Tally): TextTotals {
  return { language: tally.language, words: tally.words, units: tally.units, control: tally.control, engagement: tally.engagement, lean: tally.lean };
}

/** A document with what cutting must survive: a byte-order mark, CRLF and lone CR, blank-looking lines, U+FEFF, Chinese and astral text. */
function awkwardDocument(rng: Random): string {
  let text = document(rng, 5_000 + rng.int(30_000), rng.chance(0.3));
  // Lists whose lead-in and items are paragraphs apart, and titles that give a document its subject.
  const extras = ['\n\n第十四条 任何单位和个人不得非法制造下列设备：\n\n（一）窃听设备；\n\n（二）散布谣言的；\n\n', '\n\nThe court may impose a fine on any person who:\n\n(1) sells the records;\n\n', '\n\n公民举报危害国家安全行为奖励办法\n\n举报人向公安机关举报。\n', '\n\n\u3000\u3000第二条 监控。\n', '\n\n\ufeffThe authorities shall monitor users.\n', '\n\n \n\nArticle 9\n\n(1) Fines may be imposed.\n', 'a lone\rcarriage return\r\rParagraph after lone CRs.\r', '\r\n\r\nArticle 3 CRLF paragraph shall consult the public.\r\n', '\n\n𠀀 The state shall surveil.\n', '\n\n\n\n\n'];
  for (let k = rng.int(6); k > 0; k--) {
    const at = rng.int(text.length);
    text = text.slice(0, at) + rng.pick(extras) + text.slice(at);
  }
  const title = rng.chance(0.3) ? '公民举报危害国家安全行为奖励办法\n\n' : '';
  return (rng.chance(0.2) ? '\ufeff' : '') + title + text + (rng.chance(0.5) ? paragraph(rng) : '');
}

describe('a big file counted in parts', function () {
  this.timeout(120_000);
  const engine = builtinEngine();
  let dir: string;

  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-lens-parts-'));
  });

  after(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('gives the totals of a whole analysis from the sums of its blocks', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const text = awkwardDocument(new Random(seed));
      for (const language of LANGUAGES) {
        assert.deepEqual(engine.totals(engine.totalsPart(text, { language }), { language }), totalsOfTally(engine.analyze(text, { language }).tally()), `seed ${seed}, ${language}`);
      }
    }
  });

  it('cuts only after an empty line, before a character that is not blank', () => {
    const cuts = (s: string): number[] => {
      const bytes = Buffer.from(s);
      return [...bytes.keys()].filter((i) => isCut(bytes, i, bytes.length));
    };
    assert.deepEqual(cuts('a\n\nb'), [3]);
    assert.deepEqual(cuts('a\n\r\nb'), [4]);
    assert.deepEqual(cuts('a\n\n第'), [3]);
    assert.deepEqual(cuts('a\r\n\r\nb'), [5]);
    assert.deepEqual(cuts('a\nb\n c\n\n d\n\n\u3000e\n\n\ufefff\n\n\tg\r\rh\r\ni'), []);
    assert.deepEqual(cuts('a\n\n'), []);
    // Not before a list's item, which takes its lead-in from the paragraph before.
    assert.deepEqual(cuts('a:\n\n(1) b\n\n1. c\n\n（一）d\n\n一、e\n\n- f\n\n(iv) g\n\nh'), [51]);
  });

  it('adds the parts up to the whole text, wherever it is cut, in every language setting', () => {
    let cutsTried = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const rng = new Random(seed);
      const bytes = Buffer.from(awkwardDocument(rng));
      const file = path.join(dir, `doc-${seed}.txt`);
      fs.writeFileSync(file, bytes);
      const all = [...bytes.keys()].filter((i) => isCut(bytes, i, bytes.length));
      const chosen = all.filter(() => rng.chance(0.3));
      cutsTried += chosen.length;
      const bounds = [0, ...chosen, bytes.length];
      const whole = decodeInput(bytes);
      assert.ok(whole.ok);
      const fd = fs.openSync(file, 'r');
      try {
        for (const language of LANGUAGES) {
          const sum = emptyTotals();
          const subject = firstPartSubject(engine, fd, bounds[1], language);
          for (let k = 0; k + 1 < bounds.length; k++) {
            const part = partTotals(engine, fd, bounds[k], bounds[k + 1], language, subject);
            assert.ok(part !== null, `seed ${seed}: part ${k} not text`);
            addTotals(sum, part);
          }
          assert.deepEqual(engine.totals(sum, { language }), totalsOfTally(engine.analyze(whole.text, { language }).tally()), `seed ${seed}, ${language}, cut at ${chosen.join(', ')}`);
        }
      } finally {
        fs.closeSync(fd);
      }
    }
    assert.ok(cutsTried > 200, `${cutsTried} cuts tried`);
  });

  it('is counted by one thread per core from THREADED_TEXT bytes on, else by the main thread, unless --jobs says', () => {
    assert.ok(THREADED_TEXT > BIG_TEXT);
    assert.equal(partThreads(THREADED_TEXT - 1, null, 4), 1);
    assert.equal(partThreads(THREADED_TEXT, null, 4), 4);
    assert.equal(partThreads(THREADED_TEXT, null, 1), 1);
    assert.equal(partThreads(THREADED_TEXT * 2, 1, 4), 1);
    assert.equal(partThreads(BIG_TEXT, 3, 2), 3);
  });

  describe('the CLI', () => {
    let big: string;
    let bytes: Buffer;

    before(() => {
      const rng = new Random(7);
      // A title first: every part is under the subject it gives the document.
      const parts: string[] = ['公民举报危害国家安全行为奖励办法'];
      let length = 0;
      while (length < BIG_TEXT * 1.3) {
        const p = awkwardDocument(rng);
        parts.push(p.replace(/^\ufeff/, ''));
        length += Buffer.byteLength(p);
      }
      bytes = Buffer.from(parts.join('\n\n'));
      big = path.join(dir, 'big.txt');
      fs.writeFileSync(big, bytes);
    });

    function run(args: string[], input?: Buffer): { status: number | null; stdout: string; stderr: string } {
      const r = spawnSync(process.execPath, [CLI, ...args], { input, encoding: 'utf8', maxBuffer: 1 << 26 });
      return { status: r.status, stdout: r.stdout, stderr: r.stderr };
    }

    it('prints the row of the whole text, with one thread or several', () => {
      const whole = run(['--format', 'text', '-'], bytes);
      assert.equal(whole.status, 0, whole.stderr);
      for (const jobs of [[], ['--jobs', '1'], ['--jobs', '3']]) {
        const parted = run(['--format', 'text', ...jobs, big]);
        assert.equal(parted.status, 0, parted.stderr);
        assert.equal(parted.stdout.split(big).join('<stdin>'), whole.stdout, jobs.join(' '));
      }
      for (const language of ['en', 'zh']) {
        const parted = run(['--format', 'text', '--language', language, big]);
        assert.equal(parted.stdout.split(big).join('<stdin>'), run(['--format', 'text', '--language', language, '-'], bytes).stdout, language);
      }
    });

    it('still names a file that is not text, whichever part holds the bad bytes', () => {
      for (const [what, bad, message] of [
        ['a NUL byte', Buffer.from([0]), 'binary file (contains NUL bytes), skipped'],
        ['invalid UTF-8', Buffer.from([0xc3, 0x28]), 'binary file (not valid UTF-8), skipped'],
      ] as const) {
        for (const at of [10, Math.floor(bytes.length / 2), bytes.length - 10]) {
          const file = path.join(dir, 'bad.txt');
          fs.writeFileSync(file, Buffer.concat([bytes.subarray(0, at), bad, bytes.subarray(at)]));
          const r = run(['--format', 'text', file]);
          assert.equal(r.status, 2, `${what} at ${at}`);
          assert.equal(r.stdout, '');
          assert.ok(r.stderr.includes(`warning: ${file}: ${message}`), `${what} at ${at}: ${r.stderr}`);
        }
      }
    });
  });
});
