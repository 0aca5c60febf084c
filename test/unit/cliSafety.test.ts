// The CLI's --out (issue 15): it never replaces an input, writes devices and pipes through, replaces the file a link
// names and keeps its mode, writes through an exclusive temporary file with an unpredictable name, and removes it
// when interrupted. Also the inputs it refuses (non-regular lexicons) and the bounds of --jobs.
import * as assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseCliArgs } from '../../src/cli/args';
import { commitAtomic, openAtomic } from '../../src/node/atomicWrite';
import { scratchFolders } from './helpers/scratchFolders';

const ROOT = path.resolve(__dirname, '../../..');
const CLI = path.join(ROOT, 'dist/cli.js');
const TEXT = 'The agency shall monitor every resident and consult the public.\n';

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function cli(args: string[], cwd: string, input?: string): Run {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, input, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function assertRefused(run: Run, pattern: RegExp): void {
  assert.equal(run.status, 2, `${run.stdout}\n${run.stderr}`);
  assert.match(run.stderr, pattern);
  assert.equal(run.stderr.trim().split('\n').length, 1, run.stderr);
  assert.equal(run.stdout, '');
}

const tempDir = scratchFolders('policy-lens-safety-');

/** Files left in a folder whose names mark them as temporary. */
function temps(dir: string): string[] {
  return fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'));
}

function mkfifo(file: string): void {
  const r = spawnSync('mkfifo', [file]);
  assert.equal(r.status, 0, String(r.stderr));
}

describe('CLI --out safety', function () {
  this.timeout(60000);

  before(() => {
    if (!fs.existsSync(CLI) || !fs.existsSync(path.join(ROOT, 'dist/cliWorker.js'))) {
      const build = spawnSync(process.execPath, ['esbuild.js', '--only=cli,cli-worker'], { cwd: ROOT, encoding: 'utf8' });
      assert.equal(build.status, 0, build.stderr);
    }
  });

  it('refuses to write over an input file (--out v.txt v.txt), leaving it untouched', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'v.txt'), TEXT);
    assertRefused(cli(['--out', 'v.txt', 'v.txt'], dir), /--out v\.txt: is also an input/);
    assert.equal(fs.readFileSync(path.join(dir, 'v.txt'), 'utf8'), TEXT);
    assert.deepEqual(temps(dir), []);
  });

  it('refuses to write over an input reached through another name (a link, ./)', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'v.txt'), TEXT);
    fs.symlinkSync('v.txt', path.join(dir, 'alias.md'));
    assertRefused(cli(['--out', 'alias.md', './v.txt'], dir), /is also an input/);
    assert.equal(fs.readFileSync(path.join(dir, 'v.txt'), 'utf8'), TEXT);
  });

  it('refuses to write over a lexicon', () => {
    const dir = tempDir();
    const lexicon = fs.readFileSync(path.join(ROOT, 'test/fixtures/cli/lexicons/extra.json'), 'utf8');
    fs.writeFileSync(path.join(dir, 'lex.json'), lexicon);
    fs.writeFileSync(path.join(dir, 'v.txt'), TEXT);
    assertRefused(cli(['--out', 'lex.json', '--lexicon', 'lex.json', 'v.txt'], dir), /--out lex\.json: is also an input \(lex\.json\)/);
    assert.equal(fs.readFileSync(path.join(dir, 'lex.json'), 'utf8'), lexicon);
  });

  it('refuses a report inside an input folder that a later run would read as a document', () => {
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, 'docs'));
    fs.writeFileSync(path.join(dir, 'docs/a.txt'), TEXT);
    assertRefused(cli(['--out', 'docs/report.txt', '--format', 'text', 'docs'], dir), /inside the input folder docs/);
    assert.ok(!fs.existsSync(path.join(dir, 'docs/report.txt')));
    // A name the folder walk skips (not .txt or .md, or hidden) is no input: allowed.
    assert.equal(cli(['--out', 'docs/report.json', 'docs'], dir).status, 0);
    assert.equal(cli(['--out', 'docs/.report.txt', '--format', 'text', 'docs'], dir).status, 0);
    assert.equal(JSON.parse(cli(['docs'], dir).stdout).documents.length, 1);
  });

  it('--out - writes to standard output', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'v.txt'), TEXT);
    const run = cli(['--out', '-', 'v.txt'], dir);
    assert.equal(run.status, 0, run.stderr);
    assert.equal(JSON.parse(run.stdout).documents[0].source, 'v.txt');
    assert.ok(!fs.existsSync(path.join(dir, '-')));
  });

  it('writes through to a device: a null device stays a device', function () {
    // A private copy of /dev/null (made where the test may make device nodes), so that a regression replaces only it.
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'v.txt'), TEXT);
    const device = path.join(dir, 'null');
    if (spawnSync('mknod', ['-m', '666', device, 'c', '1', '3']).status !== 0 || !fs.statSync(device).isCharacterDevice()) this.skip();
    const run = cli(['--out', device, 'v.txt'], dir);
    assert.equal(run.status, 0, run.stderr);
    assert.ok(fs.statSync(device).isCharacterDevice(), 'the device was replaced by a file');
    assert.deepEqual(temps(dir), []);
  });

  it('writes through to a named pipe, which stays a pipe', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'v.txt'), TEXT);
    const fifo = path.join(dir, 'pipe');
    mkfifo(fifo);
    const reader = spawn('cat', [fifo], { stdio: ['ignore', 'pipe', 'inherit'] });
    const chunks: Buffer[] = [];
    reader.stdout.on('data', (c: Buffer) => chunks.push(c));
    const readerDone = new Promise<void>((resolve) => reader.on('close', () => resolve()));
    const writer = spawn(process.execPath, [CLI, '--out', fifo, 'v.txt'], { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
    const status = await new Promise<number | null>((resolve) => writer.on('close', (code) => resolve(code)));
    // A writer that replaced the pipe never opened it: stop the reader rather than wait for it forever.
    const stopReader = setTimeout(() => reader.kill(), 5000);
    await readerDone;
    clearTimeout(stopReader);
    assert.equal(status, 0);
    assert.ok(fs.statSync(fifo).isFIFO(), 'the pipe was replaced by a file');
    assert.equal(JSON.parse(Buffer.concat(chunks).toString('utf8')).documents[0].source, 'v.txt');
    assert.deepEqual(temps(dir), []);
  });

  it('replaces the file a symbolic link names, and keeps the link', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'v.txt'), TEXT);
    fs.mkdirSync(path.join(dir, 'reports'));
    fs.writeFileSync(path.join(dir, 'reports/real.json'), 'old');
    fs.symlinkSync('reports/real.json', path.join(dir, 'latest.json'));
    const run = cli(['--out', 'latest.json', 'v.txt'], dir);
    assert.equal(run.status, 0, run.stderr);
    assert.ok(fs.lstatSync(path.join(dir, 'latest.json')).isSymbolicLink(), 'the link was replaced');
    assert.equal(JSON.parse(fs.readFileSync(path.join(dir, 'reports/real.json'), 'utf8')).documents.length, 1);
    assert.deepEqual([...temps(dir), ...temps(path.join(dir, 'reports'))], []);
  });

  it('creates the file a dangling link names', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'v.txt'), TEXT);
    fs.symlinkSync('new.json', path.join(dir, 'link.json'));
    assert.equal(cli(['--out', 'link.json', 'v.txt'], dir).status, 0);
    assert.ok(fs.lstatSync(path.join(dir, 'link.json')).isSymbolicLink());
    assert.equal(JSON.parse(fs.readFileSync(path.join(dir, 'new.json'), 'utf8')).documents.length, 1);
  });

  it('keeps the mode of the file it replaces (600 stays 600)', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'v.txt'), TEXT);
    const out = path.join(dir, 'r.json');
    fs.writeFileSync(out, 'old', { mode: 0o600 });
    fs.chmodSync(out, 0o600);
    assert.equal(cli(['--out', 'r.json', 'v.txt'], dir).status, 0);
    assert.equal(fs.statSync(out).mode & 0o777, 0o600);
    fs.chmodSync(out, 0o640);
    assert.equal(cli(['--out', 'r.json', 'v.txt'], dir).status, 0);
    assert.equal(fs.statSync(out).mode & 0o777, 0o640);
  });

  it('uses an unpredictable temporary name each time, with no process id in it', () => {
    const dir = tempDir();
    const target = path.join(dir, 'r.json');
    const names = new Set<string>();
    for (let i = 0; i < 20; i++) {
      const opened = openAtomic(target);
      assert.ok(opened.temp !== null);
      names.add(path.basename(opened.temp));
      assert.ok(!opened.temp.includes(String(process.pid)));
      fs.closeSync(opened.fd);
      commitAtomic(opened);
    }
    assert.equal(names.size, 20);
  });

  it('never follows a symbolic link planted at the temporary name: the victim is untouched', () => {
    const dir = tempDir();
    const victim = path.join(dir, 'victim');
    fs.writeFileSync(victim, 'precious');
    const target = path.join(dir, 'r.json');
    const planted = ['.r.json.guess-1.tmp', '.r.json.guess-2.tmp'];
    for (const name of planted) fs.symlinkSync(victim, path.join(dir, name));
    let n = 0;
    // The first two names tried are the planted links (as if an attacker guessed them); the third is free.
    const opened = openAtomic(target, () => (n < planted.length ? planted[n++] : '.r.json.free.tmp'));
    fs.writeSync(opened.fd, 'report');
    fs.closeSync(opened.fd);
    commitAtomic(opened);
    assert.equal(fs.readFileSync(victim, 'utf8'), 'precious');
    assert.equal(fs.readFileSync(target, 'utf8'), 'report');
    for (const name of planted) assert.ok(fs.lstatSync(path.join(dir, name)).isSymbolicLink());
  });

  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    it(`removes the temporary file on ${signal}, leaving the earlier report`, async () => {
      const dir = tempDir();
      fs.writeFileSync(path.join(dir, 'r.json'), 'earlier');
      // Standard input that never ends keeps the run waiting after --out is open.
      const child = spawn(process.execPath, [CLI, '--out', 'r.json', '-'], { cwd: dir, stdio: ['pipe', 'ignore', 'pipe'] });
      child.stdin.write(TEXT);
      const closed = new Promise<NodeJS.Signals | null>((resolve) => child.on('close', (_code, sig) => resolve(sig)));
      const deadline = Date.now() + 20000;
      while (temps(dir).length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      assert.equal(temps(dir).length, 1, 'no temporary file appeared');
      child.kill(signal);
      assert.equal(await closed, signal);
      assert.deepEqual(temps(dir), []);
      assert.equal(fs.readFileSync(path.join(dir, 'r.json'), 'utf8'), 'earlier');
    });
  }

  it('refuses a folder as --out in one line', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'v.txt'), TEXT);
    fs.mkdirSync(path.join(dir, 'out'));
    assertRefused(cli(['--out', 'out', 'v.txt'], dir), /--out out: is a folder/);
  });
});

describe('CLI non-regular lexicons and --jobs bounds', function () {
  this.timeout(60000);

  it('refuses a named pipe as a lexicon instead of waiting on it', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'v.txt'), TEXT);
    mkfifo(path.join(dir, 'lex.json'));
    assertRefused(cli(['--lexicon', 'lex.json', 'v.txt'], dir), /lex\.json: cannot read lexicon: not a regular file/);
  });

  it('refuses /dev/zero as a lexicon instead of reading it forever', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'v.txt'), TEXT);
    assertRefused(cli(['--lexicon', '/dev/zero', 'v.txt'], dir), /\/dev\/zero: cannot read lexicon: not a regular file/);
  });

  it('refuses a lexicon file larger than 64 MB', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'v.txt'), TEXT);
    const big = path.join(dir, 'big.json');
    fs.writeFileSync(big, '');
    fs.truncateSync(big, 65 * 1024 * 1024);
    assertRefused(cli(['--lexicon', 'big.json', 'v.txt'], dir), /big\.json: cannot read lexicon: larger than 64 MB/);
  });

  for (const value of ['0', '65', '1e2', '0x10', '-1', '+4']) {
    it(`refuses --jobs ${JSON.stringify(value)} in one line`, () => {
      const dir = tempDir();
      fs.writeFileSync(path.join(dir, 'v.txt'), TEXT);
      const run = cli(['--jobs', value, 'v.txt'], dir);
      assert.equal(run.status, 2, run.stderr);
      const lines = run.stderr.trim().split('\n');
      assert.match(lines[0], /^policy-lens: --jobs must be a whole number from 1 to 64, not ".*"$/);
      assert.match(lines[1], /^Try 'policy-lens --help'\.$/);
      assert.equal(lines.length, 2);
    });
  }

  it('accepts --jobs from 1 to 64', () => {
    for (const value of ['1', '9', '64']) assert.equal(parseCliArgs(['--jobs', value, 'v.txt']).jobs, Number(value));
    const dir = tempDir();
    for (const f of ['a', 'b', 'c']) fs.writeFileSync(path.join(dir, `${f}.txt`), TEXT);
    assert.equal(cli(['--jobs', '2', 'a.txt', 'b.txt', 'c.txt'], dir).status, 0);
  });
});
