// --format csv read back with a real CSV parser (csv-parse), as R's read.csv or pandas would read it.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parse } from 'csv-parse/sync';

const ROOT = path.resolve(__dirname, '../../..');
const CLI = path.join(ROOT, 'dist/cli.js');

function cli(args: string[], cwd: string): string {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', maxBuffer: 1 << 28 });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout;
}

interface JsonDoc {
  source: string;
  words: number;
  units: { sentences: number; control: number; engagement: number; both: number };
  control: { matches: number; perThousandWords: number };
  engagement: { matches: number };
  lean: { index: number | null; label: string; thin: boolean };
  categories: Array<{ id: string; matches: number }>;
  sections: Array<{ title: string; level: number; parent: number | null; startLine: number; units: { sentences: number } }>;
}

describe('CLI CSV', function () {
  this.timeout(60000);
  let dir: string;
  const odd = ['comma, "quoted" name.txt', 'line\nbreak.txt', '中文，标题.txt'];

  before(() => {
    if (!fs.existsSync(CLI)) assert.equal(spawnSync(process.execPath, ['esbuild.js', '--only=cli,cli-worker'], { cwd: ROOT }).status, 0);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-lens-csv-'));
    fs.mkdirSync(path.join(dir, 'c'));
    fs.writeFileSync(path.join(dir, 'c', odd[0]), 'Chapter I "Duties", and powers\nThe agency shall monitor platforms and impose fines.\nChapter II Voice\nResidents may comment at a public hearing.\n');
    fs.writeFileSync(path.join(dir, 'c', odd[1]), 'The weather was mild.\n');
    fs.writeFileSync(path.join(dir, 'c', odd[2]), '第一章 总则，目的\n第一条 有关部门应当加强监控，对违法行为予以处罚。\n第二条 公民有权提出意见和建议。\n');
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('one row per document in the documented column order, the same figures as the JSON report', () => {
    const text = cli(['--format', 'csv', 'c'], dir);
    assert.ok(text.endsWith('\r\n') && !text.startsWith('\ufeff'));
    const rows = parse(text, { columns: true, relax_column_count: false }) as Array<Record<string, string>>;
    const header = (parse(text, { to_line: 1 }) as string[][])[0];
    assert.deepEqual(header.slice(0, 16), ['source', 'language', 'words', 'sentences', 'control_sentences', 'engagement_sentences', 'both_sentences', 'control_matches', 'engagement_matches', 'control_weight', 'engagement_weight', 'control_per_1000_words', 'engagement_per_1000_words', 'lean_index', 'lean_label', 'lean_thin']);
    const json = (JSON.parse(cli(['c'], dir)) as { documents: JsonDoc[] }).documents;
    assert.deepEqual(header.slice(16), json[0].categories.map((c) => c.id));
    assert.deepEqual(rows.map((r) => r.source), json.map((d) => d.source));
    assert.ok(rows.some((r) => r.source === 'c/line\nbreak.txt') && rows.some((r) => r.source === 'c/comma, "quoted" name.txt') && rows.some((r) => r.source === 'c/中文，标题.txt'));
    for (const [i, d] of json.entries()) {
      const r = rows[i];
      assert.equal(Number(r.words), d.words);
      assert.equal(Number(r.sentences), d.units.sentences);
      assert.equal(Number(r.control_sentences), d.units.control);
      assert.equal(Number(r.engagement_sentences), d.units.engagement);
      assert.equal(Number(r.control_matches), d.control.matches);
      assert.equal(Number(r.control_per_1000_words), d.control.perThousandWords);
      assert.equal(r.lean_index === '' ? null : Number(r.lean_index), d.lean.index);
      assert.equal(r.lean_label, d.lean.label);
      assert.equal(r.lean_thin, d.lean.thin ? 'TRUE' : 'FALSE');
      for (const c of d.categories) assert.equal(Number(r[c.id]), Math.round((c.matches / d.words) * 1e7) / 1e4);
    }
    assert.ok(rows.some((r) => Number(r.control_matches) > 0 && Number(r.surveillance) > 0));
  });

  it('--csv-rows sections: one row per section with level and parent; titles with commas, quotes and Chinese', () => {
    const rows = parse(cli(['--format', 'csv', '--csv-rows', 'sections', 'c'], dir), { columns: true }) as Array<Record<string, string>>;
    const json = (JSON.parse(cli(['c'], dir)) as { documents: JsonDoc[] }).documents;
    const expected = json.flatMap((d) => d.sections.map((s, i) => [d.source, String(i), s.title, String(s.level), s.parent === null ? '' : String(s.parent), String(s.startLine), String(s.units.sentences)]));
    assert.deepEqual(rows.map((r) => [r.source, r.section, r.title, r.level, r.parent, r.start_line, r.sentences]), expected);
    assert.ok(rows.some((r) => r.title === 'Chapter I "Duties", and powers'), JSON.stringify(rows.map((r) => r.title)));
    assert.ok(rows.some((r) => r.title.startsWith('第一条') && r.parent !== ''));
  });

  it('merge --format csv equals one run with --format csv', () => {
    const shards = [1, 2].map((k) => {
      const file = path.join(dir, `s${k}.jsonl`);
      cli(['--jsonl', '--shard', `${k}/2`, '-o', file, 'c'], dir);
      return file;
    });
    assert.equal(cli(['merge', '--format', 'csv', ...shards], dir), cli(['--format', 'csv', 'c'], dir));
  });

  it('merge --format csv --csv-rows sections equals one run with --csv-rows sections', () => {
    const shards = [1, 2, 3].map((k) => {
      const file = path.join(dir, `t${k}.jsonl`);
      cli(['--jsonl', '--shard', `${k}/3`, '-o', file, 'c'], dir);
      return file;
    });
    const single = cli(['--format', 'csv', '--csv-rows', 'sections', 'c'], dir);
    assert.equal(cli(['merge', '--format', 'csv', '--csv-rows', 'sections', ...shards], dir), single);
    const rows = parse(single, { columns: true }) as Array<Record<string, string>>;
    assert.ok(rows.some((r) => r.level === '2' && r.parent !== ''), 'nested sections have a level and a parent');
    const r = spawnSync(process.execPath, [CLI, 'merge', '--csv-rows', 'sections', ...shards], { cwd: dir, encoding: 'utf8' });
    assert.equal(r.status, 2);
    assert.match(r.stderr, /--csv-rows needs --format csv/);
  });

  it('leaves values that start with = + - @ intact (as R, Stata and pandas read them), as docs/cli.md says', () => {
    fs.mkdirSync(path.join(dir, 'f'));
    fs.writeFileSync(path.join(dir, 'f', '=HYPERLINK(1).txt'), '# =SUM(A1:A9)\nThe agency shall monitor platforms.\n# +1 -2 @x\nResidents may comment.\n');
    const rows = parse(cli(['--format', 'csv', '--csv-rows', 'sections', 'f'], dir), { columns: true }) as Array<Record<string, string>>;
    assert.deepEqual(rows.map((r) => r.title), ['=SUM(A1:A9)', '+1 -2 @x']);
    assert.equal(rows[0].source, 'f/=HYPERLINK(1).txt');
    assert.match(fs.readFileSync(path.join(ROOT, 'docs/cli.md'), 'utf8'), /formula injection/i);
  });

  it('refuses --csv-rows without --format csv, and --jsonl with csv', () => {
    for (const args of [['--csv-rows', 'sections', 'c'], ['--jsonl', '--format', 'csv', 'c'], ['--format', 'csv', '--csv-rows', 'pages', 'c']]) {
      const r = spawnSync(process.execPath, [CLI, ...args], { cwd: dir, encoding: 'utf8' });
      assert.equal(r.status, 2);
      assert.match(r.stderr, /--csv-rows needs --format csv|--jsonl cannot be combined with --format csv|--csv-rows must be documents or sections/);
    }
  });
});
