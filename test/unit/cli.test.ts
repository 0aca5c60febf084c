// Runs the built CLI (node dist/cli.js) as a user would, for every case the CLI promises to handle.
import * as assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { scratchFolders } from './helpers/scratchFolders';

const ROOT = path.resolve(__dirname, '../../..');
const CLI = path.join(ROOT, 'dist/cli.js');
const FIXTURES = path.join(ROOT, 'test/fixtures/cli');
const CORPUS = path.join(FIXTURES, 'corpus');
const PACKAGE = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };

const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
ajv.addSchema(JSON.parse(fs.readFileSync(path.join(ROOT, 'src/core/schema/tally.schema.json'), 'utf8')) as object, 'tally');
const validateReport = ajv.getSchema('tally');
const validateHeader = ajv.compile({ $ref: 'tally#/$defs/header' });
const validateDocument = ajv.compile({ $ref: 'tally#/$defs/document' });

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

interface ReportDoc {
  source: string;
  language: string;
  words: number;
  control: { matches: number; weight: number };
  engagement: { matches: number; weight: number };
  lean: { index: number | null; label: string };
  annotations: Array<{ entry: string; category: string; text: string; start: { offset: number; line: number } }>;
  sections: Array<{ title: string; startLine: number }>;
}

interface ParsedReport {
  format: string;
  version: number;
  generator: { name: string; version: string };
  lexicon: { name: string; entries: number };
  timestamp?: string;
  documents: ReportDoc[];
}

function cli(args: string[], input?: string | Buffer, cwd = FIXTURES): Run {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, input, encoding: 'utf8', maxBuffer: 1 << 28 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function report(run: Run): ParsedReport {
  assert.equal(run.status, 0, run.stderr);
  const parsed = JSON.parse(run.stdout) as ParsedReport;
  assert.ok(validateReport?.(parsed), ajv.errorsText(validateReport?.errors));
  return parsed;
}

/** One line naming the problem, no stack trace, exit status 2, nothing on stdout. */
function assertRefused(run: Run, pattern: RegExp): void {
  assert.equal(run.status, 2, `${run.stdout}\n${run.stderr}`);
  assert.match(run.stderr, pattern);
  assert.doesNotMatch(run.stderr, /\n\s+at /);
  assert.equal(run.stdout, '');
}

const tempDir = scratchFolders('policy-lens-cli-');

describe('CLI', function () {
  this.timeout(60000);

  before(() => {
    if (!fs.existsSync(CLI) || !fs.existsSync(path.join(ROOT, 'dist/cliWorker.js'))) {
      const build = spawnSync(process.execPath, ['esbuild.js', '--only=cli,cli-worker'], { cwd: ROOT, encoding: 'utf8' });
      assert.equal(build.status, 0, build.stderr);
    }
  });

  describe('usage', () => {
    it('--help says which lexicon mode is the default and exits 0', () => {
      const run = cli(['--help']);
      assert.equal(run.status, 0);
      assert.match(run.stdout, /^Usage: policy-lens \[options\] PATH\.\.\./);
      assert.match(run.stdout, /--lexicon-mode MODE\s+add \(default\)/);
      assert.match(run.stdout, /replace: only the --lexicon files are used/);
    });

    it('--help lists every output format and says tally format version 2, as the README does', () => {
      const help = cli(['--help']).stdout;
      assert.match(help, /policy-lens\.tally, version 2/);
      assert.doesNotMatch(help, /version 1\b/);
      const readme = fs.readFileSync(path.join(__dirname, '../../../README.md'), 'utf8');
      for (const format of ['json', 'text', 'csv', 'w3c', 'qdpx']) {
        assert.match(help, new RegExp(`^ {28}${format}(?: \\(default\\))?: `, 'm'), format);
        assert.match(readme, new RegExp(`\`${format}\``), `README lists ${format}`);
      }
      assert.match(help, /--csv-rows ROWS/);
      assert.match(help, /lexicon export --to dic\|yaml\|map\|qdc/);
    });

    it('--version prints the package version', () => {
      const run = cli(['--version']);
      assert.equal(run.status, 0);
      assert.equal(run.stdout, `policy-lens ${PACKAGE.version}\n`);
    });

    for (const [args, pattern] of [
      [[], /no input/],
      [['--bogus', 'x.txt'], /Unknown option '--bogus'/],
      [['--format', 'xml', 'plain.txt'], /--format must be json or text or csv or w3c or qdpx, not "xml"/],
      [['--language', 'fr', 'plain.txt'], /--language must be auto or en or zh, not "fr"/],
      [['--lexicon-mode', 'merge', 'plain.txt'], /--lexicon-mode must be add or replace/],
      [['--lexicon-mode', 'replace', 'plain.txt'], /replace needs at least one --lexicon/],
      [['--jsonl', '--format', 'text', 'plain.txt'], /--jsonl cannot be combined with --format text/],
      [['--jobs', '0', 'plain.txt'], /--jobs must be a whole number from 1 to 64/],
      [['-', '-'], /standard input\) can be given only once/],
    ] as Array<[string[], RegExp]>) {
      it(`refuses ${args.join(' ') || 'no arguments'}`, () => {
        const run = cli(args);
        assertRefused(run, pattern);
        assert.match(run.stderr, /Try 'policy-lens --help'/);
      });
    }
  });

  describe('json output', () => {
    it('analyses a folder recursively: .txt and .md only, hidden entries skipped, sorted', () => {
      const parsed = report(cli(['corpus']));
      assert.equal(parsed.format, 'policy-lens.tally');
      assert.equal(parsed.version, 2);
      assert.deepEqual(parsed.generator, { name: 'policy-lens', version: PACKAGE.version });
      assert.deepEqual(
        parsed.documents.map((d) => d.source),
        ['corpus/a-notice.txt', 'corpus/d-neutral.TXT', 'corpus/sub/b-plan.md', 'corpus/sub/c-zh.txt'],
      );
    });

    it('finds both polarities in the sample notice, with offsets that point at the text', () => {
      const parsed = report(cli(['corpus/a-notice.txt']));
      const doc = parsed.documents[0];
      const text = fs.readFileSync(path.join(CORPUS, 'a-notice.txt'), 'utf8');
      assert.ok(doc.control.matches > 0 && doc.engagement.matches > 0, JSON.stringify(doc.lean));
      for (const a of doc.annotations) assert.equal(text.slice(a.start.offset, a.start.offset + a.text.length), a.text);
    });

    it('is byte-identical across runs, and with or without worker threads', () => {
      const first = cli(['corpus', 'plain.txt']);
      assert.equal(first.status, 0, first.stderr);
      assert.equal(cli(['corpus', 'plain.txt']).stdout, first.stdout);
      assert.equal(cli(['--jobs', '1', 'corpus', 'plain.txt']).stdout, first.stdout);
      assert.equal(cli(['--jobs', '2', 'corpus', 'plain.txt']).stdout, first.stdout);
    });

    it('--timestamp adds the time of the run', () => {
      const parsed = report(cli(['--timestamp', 'plain.txt']));
      assert.match(parsed.timestamp ?? '', /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      assert.equal(report(cli(['plain.txt'])).timestamp, undefined);
    });

    it('reads standard input for -', () => {
      const parsed = report(cli(['-'], 'The agency shall monitor traders and publish its decisions.\n'));
      assert.equal(parsed.documents[0].source, '<stdin>');
      assert.ok(parsed.documents[0].annotations.length > 0);
    });

    it('reads Chinese from standard input and detects its language', () => {
      const parsed = report(cli(['-'], '对失信被执行人实施联合惩戒。公开征求意见，接受社会监督。\n'));
      const doc = parsed.documents[0];
      assert.equal(doc.language, 'zh');
      assert.deepEqual(
        doc.annotations.map((a) => `${a.category}:${a.text}`),
        ['sanctions:失信被执行人', 'sanctions:联合惩戒', 'consultation:公开征求意见', 'accountability:接受社会监督'],
      );
    });

    it('reads a file of many chunks as it reads the same bytes whole: BOM dropped, characters split across chunks kept', () => {
      const dir = tempDir();
      const file = path.join(dir, 'long.txt');
      // Three-byte characters after one ASCII byte fall across every 64 KB chunk boundary sooner or later.
      const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('x对失信被执行人实施联合惩戒。The agency shall monitor traders.\n'.repeat(3000))]);
      fs.writeFileSync(file, bytes);
      const fromFile = report(cli([file])).documents[0];
      const fromStdin = report(cli(['-'], bytes)).documents[0];
      assert.ok(bytes.length > 3 * 64 * 1024);
      assert.deepEqual({ ...fromFile, source: '' }, { ...fromStdin, source: '' });
    });

    it('reads a lone carriage return as a line end: sections and lines as in the editor, offsets unchanged', () => {
      const dir = tempDir();
      const text = 'Article 1\rThe agency shall monitor vendors.\rArticle 2\rResidents may appeal the decision.\r\nArticle 3\r\nNo more.';
      fs.writeFileSync(path.join(dir, 'mac.txt'), text);
      const doc = report(cli([path.join(dir, 'mac.txt')])).documents[0];
      assert.deepEqual(
        doc.sections.map((s) => [s.title, s.startLine]),
        [
          ['Article 1', 0],
          ['Article 2', 2],
          ['Article 3', 4],
        ],
      );
      assert.deepEqual(
        doc.annotations.map((a) => [a.text, a.start.offset, a.start.line]),
        [
          ['monitor', text.indexOf('monitor'), 1],
          ['appeal', text.indexOf('appeal'), 3],
        ],
      );
    });

    it('--language zh and en are passed to the engine', () => {
      const zh = report(cli(['--language', 'zh', 'corpus/sub/c-zh.txt']));
      assert.ok(zh.documents[0].annotations.length > 0);
      report(cli(['--language', 'en', 'plain.txt']));
    });
  });

  describe('jsonl output', () => {
    it('is a header line, then one line per document equal to the json documents', () => {
      const json = report(cli(['corpus']));
      const run = cli(['--jsonl', 'corpus']);
      assert.equal(run.status, 0, run.stderr);
      const lines = run.stdout.split('\n');
      assert.equal(lines.pop(), '');
      const header = JSON.parse(lines[0]) as object;
      assert.ok(validateHeader(header), ajv.errorsText(validateHeader.errors));
      const { documents, ...jsonHeader } = json;
      assert.deepEqual(header, jsonHeader);
      const docs = lines.slice(1).map((l) => JSON.parse(l) as object);
      for (const d of docs) assert.ok(validateDocument(d), ajv.errorsText(validateDocument.errors));
      assert.deepEqual(docs, documents);
    });
  });

  describe('ending', () => {
    // The CLI ends itself once its output is written (cli.ts, leave): nothing written may be lost on the way out.
    it('a report through a pipe read slowly arrives whole, and the run exits 0', async () => {
      const dir = tempDir();
      const text = fs.readFileSync(path.join(CORPUS, 'a-notice.txt'), 'utf8');
      fs.writeFileSync(path.join(dir, 'big.txt'), `${text}\n\n`.repeat(Math.ceil(600_000 / text.length)));
      const whole = cli(['--format', 'json', 'big.txt'], undefined, dir);
      assert.equal(whole.status, 0, whole.stderr);
      assert.ok(whole.stdout.length > 1_000_000, `${whole.stdout.length}`);
      const child = spawn(process.execPath, [CLI, '--format', 'json', 'big.txt'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
      const pieces: Buffer[] = [];
      child.stdout.on('data', (piece: Buffer) => {
        pieces.push(piece);
        child.stdout.pause();
        setTimeout(() => child.stdout.resume(), 2);
      });
      const status = await new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
      assert.equal(status, 0);
      assert.equal(Buffer.concat(pieces).toString('utf8'), whole.stdout);
    });

    it('keeps the exit status of a refused run', () => {
      assertRefused(cli(['--format', 'text', 'no-such-file.txt']), /no-such-file\.txt/);
    });
  });

  describe('text output', () => {
    it('prints a table with a lean bar per document and a total', () => {
      const run = cli(['--format', 'text', 'corpus']);
      assert.equal(run.status, 0, run.stderr);
      const all = run.stdout.trimEnd().split('\n');
      // A legend says what the lean, the labels, (thin) and each group of columns are.
      const legend = all.filter((l) => l.startsWith('# ')).join(' ');
      assert.match(legend, /lean = \(E - C\) \/ \(E \+ C\), where E and C count sentences/);
      assert.match(legend, /\(thin\) = fewer than 5 sentences hold a match/);
      const lines = all.filter((l) => !l.startsWith('# '));
      assert.match(lines[0], /^ +-+ sentences -+ +-+ matches -+$/);
      assert.match(lines[1], /lean\s+label\s+C <-+\|-+> E\s+all\s+control\s+engagement\s+both\s+control\s+engagement\s+words\s+lang\s+source/);
      assert.equal(lines.length, 2 + 4 + 2);
      for (const row of lines.slice(2, 6)) assert.match(row, /\[[-#|]{21}\]/);
      // a-notice: 6 sentences, 1 control, 4 engagement, none both; 3 control and 8 engagement matches: (4 − 1) / 5.
      assert.match(lines[2], /^ +\+0\.60 +engagement-leaning +\[-{10}\|-{5}#-{4}\] +6 +1 +4 +0 +3 +8 +81 +en +corpus\/a-notice\.txt$/);
      assert.match(lines[3], /^ +- +no signal +\[-{10}\|-{10}\] .*corpus\/d-neutral\.TXT$/);
      assert.match(lines[4], /engagement-leaning \(thin\) +\[.*corpus\/sub\/b-plan\.md$/);
      // The total adds sentences up across documents before taking the lean: (8 − 2) / 10. ("Open Data" in the
      // heading "Open Data Plan" names the plan and is not counted.)
      assert.match(lines[7], /^ +\+0\.64 +all documents .* 15 +2 +9 +0 +6 +18 +174 +4 documents$/);
    });
  });

  describe('lexicons', () => {
    it('--lexicon adds to the built-in lexicons by default', () => {
      const builtin = report(cli(['plain.txt']));
      const added = report(cli(['--lexicon', 'lexicons/extra.json', '-'], 'Every night the lantern patrol walks the market.\n'));
      assert.equal(added.lexicon.entries, builtin.lexicon.entries + 1);
      assert.ok(added.documents[0].annotations.some((a) => a.entry === 'lantern patrol' && a.category === 'surveillance'));
    });

    it('--lexicon-mode replace uses only the given lexicons', () => {
      const parsed = report(cli(['--lexicon-mode', 'replace', '--lexicon', 'lexicons/only.json', 'weather.txt']));
      assert.equal(parsed.lexicon.entries, 2);
      assert.deepEqual(parsed.documents[0].annotations.map((a) => a.category), ['weather-control', 'weather-voice']);
    });

    it('an invalid lexicon is named with its line and column', () => {
      assertRefused(cli(['--lexicon', 'lexicons/bad-category.json', 'plain.txt']), /^policy-lens: lexicons\/bad-category\.json:7:\d+: .*no-such-category.*\n$/);
      assertRefused(cli(['--lexicon', 'lexicons/bad-json.json', 'plain.txt']), /^policy-lens: lexicons\/bad-json\.json:4:\d+: invalid JSON.*\n$/);
    });

    it('a missing lexicon file is named', () => {
      assertRefused(cli(['--lexicon', 'lexicons/none.json', 'plain.txt']), /^policy-lens: lexicons\/none\.json: cannot read lexicon: no such file or folder\n$/);
    });
  });

  describe('bad input', () => {
    it('a missing file: one line naming it, exit 2, no output', () => {
      assertRefused(cli(['plain.txt', 'nowhere.txt']), /^policy-lens: nowhere\.txt: no such file or folder\n$/);
    });

    it('a binary file among others is skipped with a warning; the others are analysed, exit 0', () => {
      const run = cli(['binary-nul.txt', 'latin1.txt', 'plain.txt']);
      assert.equal(run.stderr, 'policy-lens: warning: binary-nul.txt: binary file (contains NUL bytes), skipped\npolicy-lens: warning: latin1.txt: binary file (not valid UTF-8), skipped\n');
      assert.deepEqual(report(run).documents.map((d) => d.source), ['plain.txt']);
    });

    it('a NUL byte makes a file binary even after invalid UTF-8 in an earlier chunk', () => {
      const dir = tempDir();
      const file = path.join(dir, 'mixed.txt');
      fs.writeFileSync(file, Buffer.concat([Buffer.from('monitor '.repeat(100)), Buffer.from([0xff]), Buffer.alloc(200_000, 0x61), Buffer.from([0])]));
      assertRefused(cli([file]), /mixed\.txt: binary file \(contains NUL bytes\), skipped\n/);
    });

    it('only binary or empty input: nothing analysed, exit 2', () => {
      assertRefused(cli(['binary-nul.txt']), /binary-nul\.txt: binary file .*\n.*no document was analysed\n$/);
      assertRefused(cli(['empty.txt']), /^policy-lens: warning: empty\.txt: empty file, skipped\npolicy-lens: no document was analysed\n$/);
      assertRefused(cli(['blank.md']), /blank\.md: empty file/);
      assertRefused(cli(['-'], ''), /<stdin>: empty input/);
    });

    it('an unreadable file found in a folder is named, the rest is still written, exit 2', () => {
      const dir = tempDir();
      fs.copyFileSync(path.join(FIXTURES, 'plain.txt'), path.join(dir, 'a.txt'));
      fs.symlinkSync(path.join(dir, 'gone.txt'), path.join(dir, 'b.txt'));
      const run = cli([dir]);
      assert.equal(run.status, 2);
      assert.equal(run.stderr, `policy-lens: ${dir}/b.txt: no such file or folder\n`);
      assert.deepEqual((JSON.parse(run.stdout) as ParsedReport).documents.map((d) => path.basename(d.source)), ['a.txt']);
    });

    it('a folder without .txt or .md files warns; nothing analysed exits 2', () => {
      assertRefused(cli(['lexicons']), /no \.txt or \.md files in this folder\n.*no document was analysed/);
    });
  });

  describe('--out', () => {
    it('writes the report to the file, the same bytes as standard output', () => {
      const out = path.join(tempDir(), 'report.json');
      const run = cli(['--out', out, 'corpus']);
      assert.equal(run.status, 0, run.stderr);
      assert.equal(run.stdout, '');
      assert.equal(fs.readFileSync(out, 'utf8'), cli(['corpus']).stdout);
    });

    it('an unwritable --out is refused before any work: a folder, or a folder that does not exist', () => {
      const dir = tempDir();
      assertRefused(cli(['--out', dir, 'plain.txt']), /^policy-lens: --out .*: is a folder\n$/);
      assertRefused(cli(['--out', path.join(dir, 'no', 'such', 'x.json'), 'plain.txt']), /^policy-lens: --out .*x\.json: cannot write: its folder does not exist\n$/);
    });

    it('a run that analyses nothing leaves an existing --out file as it was', () => {
      const out = path.join(tempDir(), 'keep.json');
      fs.writeFileSync(out, 'earlier report');
      assert.equal(cli(['--out', out, 'empty.txt']).status, 2);
      assert.equal(fs.readFileSync(out, 'utf8'), 'earlier report');
      assert.deepEqual(fs.readdirSync(path.dirname(out)), ['keep.json']);
    });
  });

  describe('many files', () => {
    it('uses worker threads and keeps the input order, with problems reported in place', () => {
      const dir = tempDir();
      const sentences = ['The bureau shall monitor vendors.', 'The bureau shall consult residents.', 'Fines apply to late filings.', 'Decisions are published online.'];
      // Some files are 300 times longer than the rest, so that the workers finish out of order.
      for (let i = 0; i < 40; i++) fs.writeFileSync(path.join(dir, `${String(i).padStart(2, '0')}.txt`), `${sentences[i % 4]} Item ${i}.\n`.repeat(i % 5 === 0 ? 300 : 1));
      fs.writeFileSync(path.join(dir, '17.txt'), Buffer.from([0x41, 0x00, 0x42]));
      const pooled = cli(['--jobs', '2', '--jsonl', dir]);
      const single = cli(['--jobs', '1', '--jsonl', dir]);
      const twoWorkers = cli(['--jobs', '3', '--jsonl', dir]);
      assert.equal(pooled.status, 0, pooled.stderr);
      assert.equal(pooled.stdout, single.stdout);
      assert.equal(twoWorkers.stdout, single.stdout);
      assert.equal(pooled.stderr, `policy-lens: warning: ${dir}/17.txt: binary file (contains NUL bytes), skipped\n`);
      const sources = pooled.stdout.trim().split('\n').slice(1).map((l) => path.basename((JSON.parse(l) as ReportDoc).source));
      assert.deepEqual(sources, Array.from({ length: 40 }, (_, i) => `${String(i).padStart(2, '0')}.txt`).filter((n) => n !== '17.txt'));
    });

    it('gives the same report with threads as without, past the window of files in flight and around a big file', () => {
      const dir = tempDir();
      const sentences = ['The bureau shall monitor vendors.', 'Residents may appeal the decision.', 'Fines apply to late filings.', 'Comments are invited from the public.'];
      // More files than are ever in flight at once, of uneven lengths, so that threads take them out of turn; one of
      // them big enough to be analysed in the main thread in its turn, and one that is not text.
      for (let i = 0; i < 300; i++) fs.writeFileSync(path.join(dir, `${String(i).padStart(3, '0')}.txt`), `${sentences[i % 4]} Item ${i}.\n`.repeat(1 + ((i * 37) % 23)));
      fs.writeFileSync(path.join(dir, '120.txt'), `${sentences.join(' ')}\n\n`.repeat(2400));
      // A few whose report is over the 64 KB that output gathers, so that --out writes them as they are (a buffer
      // holding one is used again only once it is written).
      for (const i of [50, 51, 52, 53]) fs.writeFileSync(path.join(dir, `0${i}.txt`), `${sentences.join(' ')}\n\n`.repeat(250));
      fs.writeFileSync(path.join(dir, '211.txt'), Buffer.from([0x41, 0x00, 0x42]));
      const single = cli(['--jobs', '1', '--format', 'json', dir]);
      assert.equal(single.status, 0, single.stderr);
      assert.ok(fs.statSync(path.join(dir, '120.txt')).size > 256 * 1024);
      for (const jobs of ['2', '3']) {
        const pooled = cli(['--jobs', jobs, '--format', 'json', dir]);
        assert.equal(pooled.status, 0, pooled.stderr);
        assert.equal(pooled.stdout, single.stdout, `--jobs ${jobs}`);
        assert.equal(pooled.stderr, single.stderr);
      }
      assert.equal((JSON.parse(single.stdout) as { documents: unknown[] }).documents.length, 299);
      // The same bytes written to a file by --out, in blocks of gathered pieces, as to standard output.
      const out = path.join(tempDir(), 'report.json');
      const toFile = cli(['--jobs', '2', '--format', 'json', '--out', out, dir]);
      assert.equal(toFile.status, 0, toFile.stderr);
      assert.ok(single.stdout.length > 40 * 64 * 1024);
      assert.equal(fs.readFileSync(out, 'utf8'), single.stdout);
      // And with standard output a file, to which a worker's answers are written from the memory they came in.
      for (const format of ['json', 'csv']) {
        const expected = format === 'json' ? single.stdout : cli(['--jobs', '1', '--format', format, dir]).stdout;
        const stdoutFile = path.join(tempDir(), `stdout.${format}`);
        const fd = fs.openSync(stdoutFile, 'w');
        try {
          const toStdoutFile = spawnSync(process.execPath, [CLI, '--jobs', '2', '--format', format, dir], { stdio: ['ignore', fd, 'pipe'], encoding: 'utf8' });
          assert.equal(toStdoutFile.status, 0, toStdoutFile.stderr);
        } finally {
          fs.closeSync(fd);
        }
        assert.equal(fs.readFileSync(stdoutFile, 'utf8'), expected, format);
      }
    });
  });
});
