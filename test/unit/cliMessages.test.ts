// Messages for unusual input (issue 15): each problem is named once, in one line, with its file and place, and
// the run goes on where it can.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseLexicon } from '../../src/core/index';
import { builtinLexicons } from '../../src/core/index';
import { scratchFolders } from './helpers/scratchFolders';

const ROOT = path.resolve(__dirname, '../../..');
const CLI = path.join(ROOT, 'dist/cli.js');
const TEXT = 'The agency shall monitor every resident and consult the public.\n';

function cli(args: string[], cwd: string, input?: string | Buffer): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, input, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const tempDir = scratchFolders('policy-lens-messages-');

const DUPLICATES = `{
  "name": "dups",
  "version": "1",
  "language": "en",
  "categories": [
    { "id": "surveillance", "label": "Mine", "polarity": "engagement", "description": "redefined" }
  ],
  "entries": [
    { "term": "monitor", "category": "surveillance" },
    { "term": "zzword", "category": "surveillance" },
    { "term": "ZZword", "category": "surveillance", "weight": 2 },
    { "term": "tinyword", "category": "surveillance", "weight": 0.0004 }
  ]
}
`;

describe('lexicon warnings', () => {
  it('warns, with file, line and column, of repeated terms, a redefined built-in category and a weight below 0.001', () => {
    const warnings: string[] = [];
    const lexicon = parseLexicon(DUPLICATES, 'dups.json', { earlier: builtinLexicons(), knownCategories: ['surveillance'], warn: (w) => warnings.push(w) });
    assert.equal(lexicon.entries.length, 4);
    assert.deepEqual(warnings, [
      'dups.json:6:5: warning: category "surveillance" is already defined by lexicon "policy-lens-en"; that definition (label, polarity, description) is kept and this one ignored',
      'dups.json:9:15: warning: entry "monitor" is already in lexicon "policy-lens-en"; that entry counts and this one is ignored',
      'dups.json:11:15: warning: entry "ZZword" repeats the entry on line 10; only the first counts',
      'dups.json:12:65: warning: weight 0.0004 is below 0.001, the smallest step, and counts as 0',
    ]);
  });

  it('the CLI prints the warnings and still analyses (exit 0)', function () {
    this.timeout(30000);
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'dups.json'), DUPLICATES);
    fs.writeFileSync(path.join(dir, 'v.txt'), TEXT);
    const run = cli(['--lexicon', 'dups.json', 'v.txt'], dir);
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stderr.split('\n').filter((l) => /^policy-lens: dups\.json:\d+:\d+: warning: /.test(l)).length, 4, run.stderr);
  });
});

describe('file names and system errors in messages', function () {
  this.timeout(60000);

  function lines(stderr: string): string[] {
    return stderr.split('\n').filter((l) => l !== '');
  }

  it('reads files whose names are not valid UTF-8, from a folder and from --files-from, naming their bytes', () => {
    const dir = tempDir();
    const docs = path.join(dir, 'docs');
    fs.mkdirSync(docs);
    const name = Buffer.concat([Buffer.from('caf'), Buffer.from([0xe9]), Buffer.from('.txt')]);
    fs.writeFileSync(Buffer.concat([Buffer.from(`${docs}/`), name]), TEXT);
    for (const args of [['--format', 'text', 'docs'], ['--format', 'text', '--jobs', '2', 'docs', 'docs'], ['--format', 'text', '--files-from', 'list.txt']]) {
      fs.writeFileSync(path.join(dir, 'list.txt'), Buffer.concat([Buffer.from('docs/'), name, Buffer.from('\n')]));
      const run = cli(args, dir);
      assert.equal(run.status, 0, `${args.join(' ')}: ${run.stderr}`);
      assert.doesNotMatch(run.stderr, /no such file/);
      assert.match(run.stdout, /docs\/caf\\xe9\.txt\n/, run.stdout);
    }
  });

  it('escapes control characters and line breaks of file names in messages and in the text table', () => {
    const dir = tempDir();
    const forged = 'x\npolicy-lens: warning: forged.txt';
    fs.writeFileSync(path.join(dir, forged), '');
    fs.writeFileSync(path.join(dir, 'row\n  +1.00  forged row\u001b[31m.txt'), TEXT);
    const run = cli(['--format', 'text', '.'], dir);
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual(lines(run.stderr), ['policy-lens: warning: x\\x0apolicy-lens: warning: forged.txt: empty file, skipped']);
    assert.ok(!run.stdout.includes('\u001b'), 'no escape sequence reaches the terminal');
    assert.match(run.stdout, /  row\\x0a  \+1\.00  forged row\\x1b\[31m\.txt\n/);
    assert.ok(!run.stdout.split('\n').some((l) => l.startsWith('  +1.00  forged')), run.stdout);
  });

  it('names a link loop and a name too long in one line each, without the system message or the path twice', () => {
    const dir = tempDir();
    fs.symlinkSync('b.txt', path.join(dir, 'a.txt'));
    fs.symlinkSync('a.txt', path.join(dir, 'b.txt'));
    const loop = cli(['a.txt'], dir);
    assert.equal(loop.status, 2);
    assert.deepEqual(lines(loop.stderr), ['policy-lens: a.txt: too many levels of symbolic links (a link that leads back to itself?)']);
    const long = `${'n'.repeat(100)}/${'x'.repeat(4000)}.txt`;
    const tooLong = cli([long], dir);
    assert.equal(tooLong.status, 2);
    const [line, ...more] = lines(tooLong.stderr);
    assert.deepEqual(more, []);
    assert.match(line, /^policy-lens: n{60}…x+\.txt: the name is too long for the file system$/);
    assert.ok(line.length < 300, `${line.length} characters`);
    assert.doesNotMatch(line, /ENAMETOOLONG|ELOOP/);
  });

  it('says standard input is a folder rather than empty', () => {
    const dir = tempDir();
    const fd = fs.openSync(dir, 'r');
    try {
      const r = spawnSync(process.execPath, [CLI, '-'], { cwd: dir, stdio: [fd, 'pipe', 'pipe'], encoding: 'utf8' });
      assert.equal(r.status, 2);
      assert.deepEqual(lines(r.stderr).slice(0, 1), ['policy-lens: <stdin>: cannot read: standard input is a folder; give the folder as a PATH instead']);
      assert.doesNotMatch(r.stderr, /empty input/);
    } finally {
      fs.closeSync(fd);
    }
  });

  it('refuses an --out that a --files-from list names as an input, and leaves it as it was', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'v.txt'), TEXT);
    fs.mkdirSync(path.join(dir, 'in'));
    fs.writeFileSync(path.join(dir, 'in', 'w.txt'), TEXT);
    fs.writeFileSync(path.join(dir, 'list.txt'), 'in\nv.txt\n');
    const run = cli(['--files-from', 'list.txt', '--out', 'v.txt'], dir);
    assert.equal(run.status, 2, run.stderr);
    assert.match(run.stderr, /^policy-lens: --out v\.txt: is also an input \(v\.txt\); refusing to overwrite it\n$/);
    assert.equal(fs.readFileSync(path.join(dir, 'v.txt'), 'utf8'), TEXT);
    const inside = cli(['--files-from', 'list.txt', '--out', 'in/report.txt'], dir);
    assert.equal(inside.status, 2, inside.stderr);
    assert.match(inside.stderr, /is inside the input folder in\b/);
    assert.ok(!fs.existsSync(path.join(dir, 'in', 'report.txt')));
    assert.deepEqual(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp')), []);
  });
});
