// A big file's JSON and JSON Lines report is made from its text in parts (src/cli/bigReport.ts, src/core/reportParts.ts):
// each part is analysed in the context of the one before it and its blocks dropped. The report must be the whole
// text's, byte for byte, wherever the text is cut: lists whose lead-in is before a cut, a title that gives the
// whole document its subject, headings, CRLF, byte-order marks, Chinese. And the CLI must name a file that is not
// text, and lose nothing when its output cannot be written.
import * as assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { BIG_TEXT, isParagraphCut, readPart } from '../../src/cli/bigText';
import { decodeInput } from '../../src/core/decode';
import { documentBytes, documentSummarySource, ReportStyle } from '../../src/core/report';
import { reportEntry } from '../../src/core/webAnnotationReport';
import type { LanguageSetting } from '../../src/core/types';
import { document, paragraph } from './helpers/corpus';
import { builtinEngine, ROOT } from './helpers/lexicons';
import { Random } from './helpers/random';

const CLI = path.join(ROOT, 'dist/cli.js');
const LANGUAGES: LanguageSetting[] = ['auto', 'en', 'zh'];
const STYLES: ReportStyle[] = ['json', 'jsonl'];

const TITLE = '公民举报危害国家安全行为奖励办法';
const LEAD_INS = ['第十四条 任何单位和个人不得非法制造下列设备：', '有下列行为之一的，由公安机关处以罚款：', '受害人有取得赔偿的权利：', 'It shall be unlawful for any person to—', 'The court may impose a fine on any person who:', 'Subsections (a) and (b) shall not prohibit the disclosure of'];
const ITEMS = ['（一）窃听设备；', '（二）散布谣言的；', '(1) sell the records;', '(A) keep them; or', '1、伪造证件；', '- a bullet', '(ii) monitor the firm;', '(2) to make public the records;'];
const PLAIN = ['拨打举报受理电话，国家安全机关应当受理。', 'The Board shall publish a report.', '第十五条 其他事项。', 'Section 3. Definitions', 'Chapter 2 Monitoring\r\n', '举报人向公安机关举报。'];

/** Lists (lead-ins, then items, often a paragraph apart so that a cut falls between them), headings and prose, CRLF, a BOM, Chinese and astral text. */
function partedDocument(rng: Random): string {
  const out: string[] = [];
  if (rng.chance(0.5)) out.push(TITLE);
  for (let k = 6 + rng.int(30); k > 0; k--) {
    const kind = rng.next();
    if (kind < 0.2) out.push(rng.pick(LEAD_INS));
    else if (kind < 0.55) out.push(rng.pick(ITEMS));
    else if (kind < 0.75) out.push(rng.pick(PLAIN));
    else if (kind < 0.9) out.push(paragraph(rng));
    else out.push(document(rng, 500 + rng.int(3_000), rng.chance(0.2)));
    if (rng.chance(0.1)) out.push(rng.pick(['\u3000\u3000第二条 监控。', '𠀀 The state shall surveil.', 'a lone\rcarriage return\r', '']));
  }
  const join = (): string => rng.pick(['\n', '\n\n', '\r\n\r\n', '\n\n\n', '\n \n\n']);
  let text = out[0];
  for (let i = 1; i < out.length; i++) text += join() + out[i];
  return (rng.chance(0.2) ? '\ufeff' : '') + text + (rng.chance(0.5) ? '\n' : '');
}

function bytesOf(chunks: Iterable<Uint8Array>): Buffer {
  return Buffer.concat(Array.from(chunks));
}

describe('a big file reported in parts', function () {
  this.timeout(300_000);
  const engine = builtinEngine();
  let dir: string;

  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-lens-report-parts-'));
  });

  after(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('writes the whole text’s report, byte for byte, wherever it is cut, in json and jsonl and every language setting', () => {
    let cutsTried = 0;
    let inherited = 0;
    let subjects = 0;
    let exempted = 0;
    for (let seed = 1; seed <= 60; seed++) {
      const rng = new Random(seed);
      const bytes = Buffer.from(partedDocument(rng));
      const file = path.join(dir, `doc-${seed}.txt`);
      fs.writeFileSync(file, bytes);
      // Any paragraph break, before a list's item too (the CLI does not cut there, but the analysis carries the lead-in).
      const all = [...bytes.keys()].filter((i) => isParagraphCut(bytes, i, bytes.length));
      const share = rng.pick([0.1, 0.4, 1]);
      const chosen = all.filter(() => rng.chance(share));
      cutsTried += chosen.length;
      const bounds = [0, ...chosen, bytes.length];
      const whole = decodeInput(bytes);
      assert.ok(whole.ok);
      const fd = fs.openSync(file, 'r');
      try {
        for (const language of LANGUAGES) {
          const analysis = engine.analyzeInParts({ language });
          for (let k = 0; k + 1 < bounds.length; k++) {
            const part = readPart(fd, bounds[k], bounds[k + 1], true);
            assert.ok(part.ok, `seed ${seed}: part ${k} not text`);
            analysis.add(part.text);
          }
          const parted = analysis.finish();
          const entry = reportEntry('doc.txt', engine.analyze(whole.text, { language }), null);
          const rules = Array.from(entry.annotations, (a) => a.rule);
          inherited += rules.filter((r) => r === 'inherited').length;
          subjects += rules.filter((r) => r === 'subject').length;
          exempted += Array.from(entry.annotations, (a) => a.ruleDetail).filter((d) => d?.includes('is an exemption') === true).length;
          assert.deepEqual(Array.from(parted.annotations), Array.from(entry.annotations), `seed ${seed}, ${language}: annotations`);
          for (const style of STYLES) {
            const expected = bytesOf(documentBytes(entry.summary, entry.annotations, style));
            const got = bytesOf(documentBytes(documentSummarySource('doc.txt', parted.tally, parted.sections), parted.annotations, style));
            assert.ok(got.equals(expected), `seed ${seed}, ${language}, ${style}, cut at ${chosen.join(', ')}`);
          }
        }
      } finally {
        fs.closeSync(fd);
      }
    }
    assert.ok(cutsTried > 300, `${cutsTried} cuts tried`);
    assert.ok(inherited > 100 && subjects > 100 && exempted > 0, `${inherited} inherited, ${subjects} subject and ${exempted} exempted annotations`);
  });

  describe('the CLI', () => {
    let big: string;
    let bytes: Buffer;

    before(() => {
      const rng = new Random(11);
      // A title first, so every part is under its subject; then lists and prose, cut wherever a paragraph ends.
      const parts: string[] = [TITLE];
      let length = 0;
      while (length < BIG_TEXT * 1.3) {
        const p = partedDocument(rng).replace(/^\ufeff/, '');
        parts.push(p);
        length += Buffer.byteLength(p);
      }
      bytes = Buffer.from(parts.join('\n\n'));
      big = path.join(dir, 'big.txt');
      fs.writeFileSync(big, bytes);
    });

    function run(args: string[], input?: Buffer): { status: number | null; stdout: Buffer; stderr: string } {
      const r = spawnSync(process.execPath, [CLI, ...args], { input, maxBuffer: 1 << 28 });
      return { status: r.status, stdout: r.stdout, stderr: r.stderr.toString('utf8') };
    }

    it('prints the report of the whole text read from standard input, in json and jsonl', () => {
      for (const [format, language] of [
        [['--format', 'json'], []],
        [['--jsonl'], ['--language', 'zh']],
      ]) {
        const whole = run([...format, ...language, '-'], bytes);
        assert.equal(whole.status, 0, whole.stderr);
        const parted = run([...format, ...language, big]);
        assert.equal(parted.status, 0, parted.stderr);
        const expected = whole.stdout.toString('utf8').split('"source":"<stdin>"').join(`"source":${JSON.stringify(big)}`).split('"source": "<stdin>"').join(`"source": ${JSON.stringify(big)}`);
        assert.ok(parted.stdout.toString('utf8') === expected, `${format.join(' ')} ${language.join(' ')}`);
        assert.ok(expected.includes('"rule":"inherited"') && expected.includes('"rule":"subject"'));
      }
    });

    it('writes the same report into --out as to standard output', () => {
      const out = path.join(dir, 'same.json');
      for (const format of [['--format', 'json'], ['--jsonl']]) {
        const printed = run([...format, big]);
        assert.equal(printed.status, 0, printed.stderr);
        const written = run([...format, '--out', out, big]);
        assert.equal(written.status, 0, written.stderr);
        assert.ok(fs.readFileSync(out).equals(printed.stdout), format.join(' '));
      }
    });

    it('names a file that is not text, whichever part holds the bad bytes, and keeps an earlier --out report', () => {
      const out = path.join(dir, 'report.json');
      const nul = [Buffer.from([0]), 'binary file (contains NUL bytes), skipped'] as const;
      const invalid = [Buffer.from([0xc3, 0x28]), 'binary file (not valid UTF-8), skipped'] as const;
      for (const [[bad, message], at, format] of [
        [nul, 10, ['--format', 'json']],
        [invalid, Math.floor(bytes.length / 2), ['--jsonl']],
        [nul, bytes.length - 10, ['--jsonl']],
        [invalid, bytes.length - 10, ['--format', 'json']],
      ] as const) {
        const file = path.join(dir, 'bad.txt');
        fs.writeFileSync(file, Buffer.concat([bytes.subarray(0, at), bad, bytes.subarray(at)]));
        fs.writeFileSync(out, 'earlier report');
        const r = run([...format, file]);
        assert.equal(r.status, 2, `${message} at ${at}`);
        assert.equal(r.stdout.length, 0);
        assert.ok(r.stderr.includes(`warning: ${file}: ${message}`), `${message} at ${at}: ${r.stderr}`);
        assert.equal(run([...format, '--out', out, file]).status, 2);
        assert.equal(fs.readFileSync(out, 'utf8'), 'earlier report');
      }
      assert.deepEqual(fs.readdirSync(dir).filter((f) => f.includes('report.json') && f !== 'report.json'), []);
    });

    it('says it could not write when the reader of --out stops, rather than report success', async () => {
      const fifo = path.join(dir, 'pipe');
      if (spawnSync('mkfifo', [fifo]).status !== 0) throw new Error('mkfifo failed');
      const writer = spawn(process.execPath, [CLI, '--format', 'json', '--out', fifo, big], { stdio: ['ignore', 'ignore', 'pipe'] });
      let stderr = '';
      writer.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
      // Read the first bytes, then close the pipe with the report half written.
      const fd = await new Promise<number>((resolve, reject) => fs.open(fifo, 'r', (err, opened) => (err ? reject(err) : resolve(opened))));
      const head = Buffer.alloc(4096);
      const n = await new Promise<number>((resolve, reject) => fs.read(fd, head, 0, head.length, null, (err, read) => (err ? reject(err) : resolve(read))));
      fs.closeSync(fd);
      const status = await new Promise<number | null>((resolve) => writer.on('close', (code) => resolve(code)));
      assert.ok(n > 0 && head.subarray(0, n).toString('utf8').startsWith('{'));
      assert.notEqual(status, 0);
      assert.match(stderr, /--out .*pipe: cannot write/);
      assert.ok(fs.statSync(fifo).isFIFO());
    });
  });
});
