// The CLI with LIWC and quanteda dictionaries: --lexicon, --lexicon-map, NAME.map.yml, `lexicon export`.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');
const CLI = path.join(ROOT, 'dist/cli.js');
const DICTS = path.join(ROOT, 'test/fixtures/dictionaries');
const SAMPLE = path.join(ROOT, 'media/samples/social-credit-outline.policy.txt');

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function cli(args: string[], cwd = DICTS): Run {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', maxBuffer: 1 << 28 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function ok(run: Run): string {
  assert.equal(run.status, 0, run.stderr);
  return run.stdout;
}

interface Doc {
  control: { matches: number };
  engagement: { matches: number };
  categories: Array<{ id: string; matches: number }>;
}

describe('CLI dictionaries', function () {
  this.timeout(60000);
  let dir: string;

  before(() => {
    if (!fs.existsSync(CLI)) assert.equal(spawnSync(process.execPath, ['esbuild.js', '--only=cli,cli-worker'], { cwd: ROOT }).status, 0);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-lens-dict-'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('--help lists the dictionary formats and lexicon export', () => {
    const help = ok(cli(['--help']));
    assert.match(help, /LIWC dictionary \(\.dic\) or quanteda dictionary \(\.yml\)/);
    assert.match(help, /--lexicon-map FILE/);
    assert.match(help, /policy-lens lexicon export --to dic\|yaml\|map/);
    assert.match(ok(cli(['lexicon', 'export', '--help'])), /LIWC-22/);
  });

  it('reads a .dic with NAME.map.yml beside it, warns of the unmapped category, counts its words', () => {
    fs.writeFileSync(path.join(dir, 'a.txt'), 'Police monitor the watch list. 依法召开听证会。\n');
    const run = cli(['--lexicon-mode', 'replace', '-l', 'policy.dic', path.join(dir, 'a.txt')]);
    const doc = (JSON.parse(ok(run)) as { documents: Doc[] }).documents[0];
    assert.match(run.stderr, /warning: policy\.dic: categories not in the mapping, ignored: filler/);
    assert.deepEqual(doc.categories.map((c) => [c.id, c.matches]), [['controlwords', 2], ['voice', 1]]);
  });

  it('reads a quanteda .yml with --lexicon-map in JSON, added to the built-in lexicons', () => {
    fs.writeFileSync(path.join(dir, 'b.txt'), 'They detain petitioners.\n');
    const run = cli(['-l', 'quanteda.yml', '--lexicon-map', 'quanteda-map.json', path.join(dir, 'b.txt')]);
    const doc = (JSON.parse(ok(run)) as { documents: Doc[] }).documents[0];
    assert.match(run.stderr, /ignored: society\.misc/);
    assert.ok(doc.categories.some((c) => c.id === 'coercion' && c.matches >= 1), JSON.stringify(doc.categories));
  });

  for (const [name, files, pattern] of [
    ['a dictionary without a mapping', { 'x.dic': '%\n1\ta\n%\nmonitor\t1\n' }, /x\.dic: a dictionary needs a mapping of its categories: give --lexicon-map FILE or write .*x\.map\.yml/],
    ['a malformed header', { 'x.dic': '%\n1 a\nmonitor 1\n', 'x.map.yml': 'a: control\n' }, /x\.dic:3:1: malformed category line/],
    ['an unknown category id', { 'x.dic': '%\n1\ta\n%\nmonitor\t2\n', 'x.map.yml': 'a: control\n' }, /x\.dic:4:9: unknown category number 2/],
    ['a mapping naming no category', { 'x.dic': '%\n1\ta\n%\nmonitor\t1\n', 'x.map.yml': 'a: control\nb: engagement\n' }, /x\.map\.yml:2:1: "b" names no category/],
    ['YAML with an alias', { 'x.yml': 'a: &l [monitor]\nb: *l\n', 'x.map.yml': 'a: control\n' }, /x\.yml:1:4: YAML anchors/],
    ['a category whose polarity contradicts a built-in one', { 'x.dic': '%\n1\tsanctions\n%\nfine*\t1\n', 'x.map.yml': 'sanctions: engagement\n' }, /category "sanctions" is mapped to engagement, but a loaded lexicon has it as control/],
  ] as Array<[string, Record<string, string>, RegExp]>) {
    it(`refuses ${name}: file:line:column, exit 2, nothing written`, () => {
      const sub = fs.mkdtempSync(path.join(dir, 'bad-'));
      for (const [file, text] of Object.entries(files)) fs.writeFileSync(path.join(sub, file), text);
      fs.writeFileSync(path.join(sub, 'doc.txt'), 'Police monitor fines.\n');
      const dictionary = Object.keys(files)[0];
      const run = cli(['-l', dictionary, '-o', 'out.json', 'doc.txt'], sub);
      assert.equal(run.status, 2, run.stderr);
      assert.match(run.stderr, pattern);
      assert.doesNotMatch(run.stderr, /\n\s+at /);
      assert.equal(run.stdout, '');
      assert.ok(!fs.existsSync(path.join(sub, 'out.json')));
    });
  }

  for (const format of ['dic', 'yaml'] as const) {
    it(`lexicon export --to ${format}, read back with the exported map, exports the same dictionary again`, () => {
      const file = path.join(dir, `policy-lens.${format}`);
      ok(cli(['lexicon', 'export', '--to', format, '-o', file]));
      ok(cli(['lexicon', 'export', '--to', 'map', '-o', path.join(dir, 'policy-lens.map.yml')]));
      const again = ok(cli(['lexicon', 'export', '--to', format, '--lexicon-mode', 'replace', '-l', file]));
      const body = (t: string): string => t.replace(/^#.*\n/gm, '');
      assert.equal(body(again), body(fs.readFileSync(file, 'utf8')));
      assert.ok(again.split('\n').length > 2000);
      // And it analyses: the sample's matches under replace equal the built-ins' without weights or context rules.
      const doc = (JSON.parse(ok(cli(['--lexicon-mode', 'replace', '-l', file, SAMPLE]))) as { documents: Doc[] }).documents[0];
      assert.ok(doc.control.matches > 10 && doc.engagement.matches > 10);
    });
  }

  it('lexicon export refuses a missing or unknown --to', () => {
    for (const args of [['lexicon', 'export'], ['lexicon', 'export', '--to', 'csv'], ['lexicon', 'import']]) {
      const run = cli(args);
      assert.equal(run.status, 2);
      assert.match(run.stderr, /--to must be dic, yaml, map or qdc|unknown command "import"/);
    }
  });
});
