// Corpora beyond one process: --files-from, --shard K/N, merge, and the GNU parallel recipe of docs/scale.md.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');
const CLI = path.join(ROOT, 'dist/cli.js');

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function cli(args: string[], cwd: string, input?: string): Run {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, input, encoding: 'utf8', maxBuffer: 1 << 28 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function ok(run: Run): string {
  assert.equal(run.status, 0, run.stderr);
  return run.stdout;
}

const SENTENCES = [
  'The authority shall monitor every platform and impose fines on those who refuse.',
  'Residents may submit comments during the public consultation and appeal any decision.',
  '有关部门应当加强监控，对违法行为予以处罚。',
  '公民有权提出意见和建议，政府应当公开信息。',
  'The weather was mild and the harvest good.',
];

/** A corpus whose names test path order: a folder and a file of the same stem, hyphens, Chinese, upper case. */
function makeCorpus(dir: string, files: number): void {
  const names = ['2020', '2020.txt', 'a-b', 'a', 'Zeta', '公告'];
  for (let i = 0; i < files; i++) {
    const folder = path.join(dir, names[i % names.length] === '2020.txt' ? '' : names[i % names.length], i % 3 === 0 ? 'sub' : '');
    fs.mkdirSync(folder, { recursive: true });
    const name = i % names.length === 1 ? `2020-${i}.txt` : `${i % 7 === 0 ? 'n' : 'd'}${i}.${i % 5 === 0 ? 'md' : 'txt'}`;
    const body = Array.from({ length: 1 + (i % 4) }, (_, k) => SENTENCES[(i + k) % SENTENCES.length]).join('\n');
    fs.writeFileSync(path.join(folder, name), `Article ${i}\n${body}\n`);
  }
  fs.writeFileSync(path.join(dir, '2020.txt'), `${SENTENCES[0]}\n`);
}

describe('CLI shards and merge', function () {
  this.timeout(120000);
  let dir: string;
  let corpus: string;

  before(() => {
    if (!fs.existsSync(CLI)) assert.equal(spawnSync(process.execPath, ['esbuild.js', '--only=cli,cli-worker'], { cwd: ROOT }).status, 0);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-lens-shard-'));
    corpus = path.join(dir, 'corpus');
    makeCorpus(corpus, 60);
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('--help lists --files-from, --shard and merge', () => {
    const help = ok(cli(['--help'], dir));
    assert.match(help, /--files-from FILE/);
    assert.match(help, /--shard K\/N/);
    assert.match(help, /policy-lens merge/);
    assert.match(ok(cli(['merge', '--help'], dir)), /lexicon\.sha256/);
  });

  it('--shard K/N splits the inputs into disjoint parts that cover them all, the same whatever the path spelling', () => {
    const sources = (args: string[]): string[] => ok(cli(['--jsonl', ...args], dir)).trim().split('\n').slice(1).map((l) => (JSON.parse(l) as { source: string }).source);
    const all = sources(['corpus']);
    assert.equal(all.length, 61);
    const parts = [1, 2, 3].map((k) => sources(['--shard', `${k}/3`, 'corpus']));
    assert.deepEqual(parts.flat().sort(), [...all].sort());
    assert.ok(parts.every((p) => p.length > 5), parts.map((p) => p.length).join(' '));
    assert.deepEqual(sources(['--shard', '2/3', './corpus/']).map((s) => s.replace(/^\.\/corpus\/\/?/, 'corpus/')), parts[1]);
  });

  it('refuses a bad --shard and --shard with standard input', () => {
    for (const value of ['0/3', '4/3', '1/0', 'a/b', '1']) {
      const run = cli(['--shard', value, 'corpus'], dir);
      assert.equal(run.status, 2);
      assert.match(run.stderr, /--shard must be K\/N/);
    }
    assert.match(cli(['--shard', '1/2', '-'], dir, 'x').stderr, /--shard cannot split standard input/);
  });

  it('--files-from reads paths from a file or standard input; a missing one is named and the rest analysed', () => {
    fs.writeFileSync(path.join(dir, 'list.txt'), 'corpus/2020.txt\r\n\ncorpus/Zeta/d4.txt\n');
    const fromFile = JSON.parse(ok(cli(['--files-from', 'list.txt'], dir))) as { documents: Array<{ source: string }> };
    assert.deepEqual(fromFile.documents.map((d) => d.source), ['corpus/2020.txt', 'corpus/Zeta/d4.txt']);
    const fromStdin = cli(['--files-from', '-', 'corpus/a-b/d2.txt'], dir, 'corpus/2020.txt\ncorpus/missing.txt\n');
    assert.equal(fromStdin.status, 2);
    assert.match(fromStdin.stderr, /corpus\/missing\.txt: no such file or folder/);
    assert.deepEqual((JSON.parse(fromStdin.stdout) as { documents: Array<{ source: string }> }).documents.map((d) => d.source), ['corpus/a-b/d2.txt', 'corpus/2020.txt']);
  });

  it('merge of the shards is byte-identical to one run, as JSON and as JSON Lines; an empty shard merges too', () => {
    const shards = [1, 2, 3, 4, 5, 6, 7, 8].map((k) => {
      const file = path.join(dir, `m${k}.jsonl`);
      ok(cli(['--jsonl', '--shard', `${k}/8`, '-o', file, '--jobs', '1', 'corpus'], dir));
      return file;
    });
    // Enough shards that some hold one document or none.
    const single = ok(cli(['corpus'], dir));
    assert.equal(ok(cli(['merge', ...shards.reverse()], dir)), single);
    assert.equal(ok(cli(['merge', '--format', 'jsonl', ...shards], dir)), ok(cli(['--jsonl', 'corpus'], dir)));
    // One file in two shards: one of them holds it, the other writes a report listing no document.
    const halves = [1, 2].map((k) => {
      const file = path.join(dir, `half${k}.jsonl`);
      const run = cli(['--jsonl', '--shard', `${k}/2`, '-o', file, 'corpus/2020.txt'], dir);
      assert.equal(run.status, 0, run.stderr);
      return { file, empty: /shard \d\/2 holds no document/.test(run.stderr) };
    });
    assert.deepEqual(halves.map((h) => h.empty).sort(), [false, true]);
    assert.equal(ok(cli(['merge', ...halves.map((h) => h.file)], dir)), ok(cli(['corpus/2020.txt'], dir)));
  });

  describe('merge refuses', () => {
    let a: string;
    let b: string;
    before(() => {
      a = path.join(dir, 'r1.jsonl');
      b = path.join(dir, 'r2.jsonl');
      ok(cli(['--jsonl', '--shard', '1/2', '-o', a, 'corpus'], dir));
      ok(cli(['--jsonl', '--shard', '2/2', '-o', b, 'corpus'], dir));
    });

    const refused = (args: string[], pattern: RegExp): void => {
      const run = cli(['merge', ...args], dir);
      assert.equal(run.status, 2, run.stderr);
      assert.match(run.stderr, pattern);
      assert.doesNotMatch(run.stderr, /\n\s+at /);
      assert.equal(run.stdout, '');
    };

    it('shards made with other lexicons', () => {
      const lexicon = path.join(dir, 'extra.lexicon.json');
      fs.writeFileSync(lexicon, JSON.stringify({ name: 'extra', version: '1', language: 'en', categories: [], entries: [{ term: 'harvest', category: 'sanctions' }] }));
      const other = path.join(dir, 'other-lexicon.jsonl');
      ok(cli(['--jsonl', '--shard', '2/2', '-l', lexicon, '-o', other, 'corpus'], dir));
      refused([a, other], /other-lexicon\.jsonl: made with other lexicons \(policy-lens-en\+policy-lens-zh\+extra .*sha256 [0-9a-f]{12}…\) than .*r1\.jsonl/);
    });

    it('shards made by another version', () => {
      const lines = fs.readFileSync(b, 'utf8').split('\n');
      const header = JSON.parse(lines[0]) as { generator: { version: string } };
      header.generator.version = '9.9.9';
      const other = path.join(dir, 'other-version.jsonl');
      fs.writeFileSync(other, [JSON.stringify(header), ...lines.slice(1)].join('\n'));
      refused([a, other], /other-version\.jsonl: made by policy-lens 9\.9\.9, format policy-lens\.tally version \d+, but .*r1\.jsonl by policy-lens \d/);
    });

    it('a truncated shard, naming its last line', () => {
      const text = fs.readFileSync(b, 'utf8');
      const cut = path.join(dir, 'cut.jsonl');
      fs.writeFileSync(cut, text.slice(0, text.length - 40));
      refused([a, cut], new RegExp(`cut\\.jsonl:${text.trimEnd().split('\n').length}: truncated`));
      fs.writeFileSync(cut, text.slice(0, text.lastIndexOf('\n', text.length - 2) + 1) + '{"source":');
      refused([a, cut], /truncated/);
      fs.writeFileSync(cut, '');
      refused([a, cut], /cut\.jsonl: empty/);
    });

    it('a document found twice', () => refused([a, b, a], /the document is in the shards twice \(.*r1\.jsonl:2 and .*r1\.jsonl:2\)/));

    it('a JSON report instead of JSON Lines, and a shard out of path order', () => {
      const json = path.join(dir, 'report.json');
      ok(cli(['-o', json, 'corpus'], dir));
      refused([json], /report\.json:1: not valid JSON|not the header of a JSON Lines/);
      const list = path.join(dir, 'backwards.txt');
      fs.writeFileSync(list, 'corpus/Zeta/d4.txt\ncorpus/2020.txt\n');
      const backwards = path.join(dir, 'backwards.jsonl');
      ok(cli(['--jsonl', '--files-from', list, '-o', backwards], dir));
      refused([backwards], /backwards\.jsonl:3: corpus\/2020\.txt comes before corpus\/Zeta\/d4\.txt, out of path order/);
    });
  });

  it('the docs/scale.md recipe: GNU parallel runs 4 shards, merge equals one run', () => {
    const parallel = spawnSync('parallel', ['--version'], { encoding: 'utf8' });
    assert.equal(parallel.status, 0, "GNU parallel is missing: .ci/run installs Debian's parallel (apt-get install parallel)");
    const big = path.join(dir, 'big');
    makeCorpus(big, 400);
    const out = path.join(dir, 'parallel-out');
    fs.mkdirSync(out);
    const run = spawnSync('parallel', ['--will-cite', '--halt', 'now,fail=1', '-j4', process.execPath, CLI, '--jsonl', '--jobs', '1', '--shard', '{}/4', '-o', path.join(out, 'shard-{}.jsonl'), 'big', ':::', '1', '2', '3', '4'], {
      cwd: dir,
      encoding: 'utf8',
    });
    assert.equal(run.status, 0, run.stderr);
    const shards = [1, 2, 3, 4].map((k) => path.join(out, `shard-${k}.jsonl`));
    assert.equal(ok(cli(['merge', ...shards], dir)), ok(cli(['big'], dir)));
  });
});
