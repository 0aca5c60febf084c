// REFI-QDA export: the codebook (.qdc) and the project (.qdpx) validated with xmllint against the standard's XML
// Schemas (test/fixtures/refi-qda, MIT), and the project read back with Python's zip and XML readers, as an
// importer would: every annotation a selection at the right characters, coded when it counts, memos as notes.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { builtinLexicons, Engine } from '../../src/core/index';
import { codeGuid } from '../../src/core/refiQda';
import { collectionOf, serializeCollection, WebAnnotation } from '../../src/core/webAnnotation';
import { selectorsFor } from '../../src/core/webAnnotationSelectors';

const ROOT = path.resolve(__dirname, '../../..');
const CLI = path.join(ROOT, 'dist/cli.js');
const SCHEMAS = path.join(ROOT, 'test/fixtures/refi-qda');
const READER = path.join(ROOT, 'test/unit/helpers/readQdpx.py');
const TEXTS: Record<string, string> = {
  'notes/a.txt': 'The authority may monitor residents and keep a blacklist.\nResidents may appeal to the court within ten days.\n',
  'notes/b.txt': '有关部门应当加强监控，对违法行为予以处罚。\n公民有权提出意见和建议。\n',
  'notes/emoji.txt': '😀 𠀀 The agency shall monitor 📱 platforms; residents may comment.\n',
};

function stored(id: number, source: string, exact: string, motivation: WebAnnotation['motivation'], body: WebAnnotation['body']): WebAnnotation {
  const start = TEXTS[source].indexOf(exact);
  const uuid = `urn:uuid:00000000-0000-4000-8000-${String(id).padStart(12, '0')}`;
  return { id: uuid, type: 'Annotation', motivation, creator: { type: 'Person', name: 'Ana' }, created: '2026-12-05T10:00:00.000Z', modified: '2026-12-05T10:00:00.000Z', body, target: { source, selector: selectorsFor(TEXTS[source], start, start + exact.length) } };
}

const ITEMS: WebAnnotation[] = [
  stored(1, 'notes/a.txt', 'monitor', 'assessing', [
    { type: 'TextualBody', purpose: 'assessing', value: 'rejected', entry: 'monitor', category: 'surveillance', scope: 'here' },
    { type: 'TextualBody', purpose: 'commenting', value: 'traffic cameras, <not> people & "things"' },
  ]),
  stored(2, 'notes/a.txt', 'Residents may appeal to the court', 'classifying', [
    { type: 'TextualBody', purpose: 'classifying', value: 'my-own-code' },
    { type: 'TextualBody', purpose: 'commenting', value: 'a right of appeal' },
  ]),
  stored(3, 'notes/b.txt', '公民有权', 'commenting', [{ type: 'TextualBody', purpose: 'commenting', value: '权利条款' }]),
];

interface Selection {
  name: string;
  quoted: string;
  start: number;
  end: number;
  description: string;
  codes: string[];
  notes: string[];
}
interface Read {
  bad: string | null;
  entries: string[];
  users: string[];
  codes: Array<{ name: string; codable: string }>;
  sources: Array<{ name: string; text: string; selections: Selection[] }>;
}

function run(args: string[], cwd: string): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function xmllint(schema: string, file: string): void {
  const r = spawnSync('xmllint', ['--noout', '--schema', path.join(SCHEMAS, schema), file], { encoding: 'utf8' });
  assert.equal(r.status, 0, `${file} against ${schema}: ${r.stderr}`);
}

describe('REFI-QDA export', function () {
  this.timeout(60_000);
  let dir: string;
  const engine = new Engine(builtinLexicons());

  before(() => {
    if (!fs.existsSync(CLI)) assert.equal(spawnSync(process.execPath, ['esbuild.js', '--only=cli,cli-worker'], { cwd: ROOT }).status, 0);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-lens-refi-'));
    fs.mkdirSync(path.join(dir, 'notes'));
    fs.mkdirSync(path.join(dir, '.policylens'));
    for (const [name, text] of Object.entries(TEXTS)) fs.writeFileSync(path.join(dir, name), text);
    fs.writeFileSync(path.join(dir, '.policylens', 'annotations.json'), serializeCollection(collectionOf(ITEMS, { type: 'Software', name: 'policy-lens', version: '0.1.0' })));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('lexicon export --to qdc: a codebook valid against Codebook.xsd, every category a codable code once', () => {
    const r = run(['lexicon', 'export', '--to', 'qdc', '-o', 'codebook.qdc'], dir);
    assert.equal(r.status, 0, r.stderr);
    const file = path.join(dir, 'codebook.qdc');
    xmllint('Codebook.xsd', file);
    const xml = fs.readFileSync(file, 'utf8');
    assert.match(xml, /^<\?xml version="1.0" encoding="utf-8"\?>\n<CodeBook xmlns="urn:QDA-XML:codebook:1\.0"/);
    for (const c of engine.categories) {
      assert.equal(xml.split(`guid="${codeGuid(c.id)}"`).length - 1, 1, c.id);
      assert.match(xml, new RegExp(`guid="${codeGuid(c.id)}" name="[^"]+" isCodable="true"`));
    }
    assert.equal((xml.match(/isCodable="false"/g) ?? []).length, 2, 'one group per polarity');
  });

  it('--format qdpx: a zip whose project.qde is valid against Project.xsd, with the texts under sources/', () => {
    const r = run(['--format', 'qdpx', '-o', 'p.qdpx', 'notes'], dir);
    assert.equal(r.status, 0, r.stderr);
    const read = readBack(path.join(dir, 'p.qdpx'));
    assert.equal(read.bad, null);
    assert.deepEqual(read.entries.filter((e) => e.startsWith('sources/')).length, 3);
    assert.ok(read.entries.every((e) => e === 'project.qde' || /^sources\/[0-9a-f-]{36}\.txt$/.test(e)));
    const qde = path.join(dir, 'project.qde');
    fs.writeFileSync(qde, unzipEntry(path.join(dir, 'p.qdpx'), 'project.qde'));
    xmllint('Project.xsd', qde);
    assert.match(fs.readFileSync(qde, 'utf8'), /<Project xmlns="urn:QDA-XML:project:1\.0" name="Policy Lens: /);
    assert.deepEqual(read.sources.map((s) => [s.name, s.text]), Object.entries(TEXTS));
    assert.deepEqual(read.users, ['policy-lens 0.1.0', 'Ana']);
  });

  it('every annotation is a selection at its characters: counted matches coded, rejected ones not, memos as notes', () => {
    const read = readBack(path.join(dir, 'p.qdpx'));
    const label = new Map(engine.categories.map((c) => [c.id, c.label]));
    for (const source of read.sources) {
      for (const s of source.selections) assert.equal(s.quoted, s.name, `${source.name} ${s.start}-${s.end}`);
      const matches = engine.analyze(TEXTS[source.name]).matches();
      const automatic = source.selections.filter((s) => s.description.includes('lexicon entry'));
      assert.equal(automatic.length, matches.length, source.name);
      for (const [i, m] of matches.entries()) {
        const s = automatic[i];
        assert.equal(s.name, m.text);
        const rejected = source.name === 'notes/a.txt' && m.text === 'monitor';
        assert.deepEqual(s.codes, m.negated || rejected ? [] : [label.get(m.category)], `${source.name} ${m.text}`);
      }
    }
    const a = read.sources[0].selections;
    const monitor = a.find((s) => s.name === 'monitor');
    assert.match(monitor?.description ?? '', /rejected by Ana: not counted/);
    assert.deepEqual(monitor?.notes, ['traffic cameras, <not> people & "things"']);
    const code = a.find((s) => s.name === 'Residents may appeal to the court');
    assert.deepEqual(code?.codes, ['my-own-code']);
    assert.deepEqual(code?.notes, ['a right of appeal']);
    assert.ok(read.codes.some((c) => c.name === 'Researcher codes' && c.codable === 'false'));
    const memo = read.sources[1].selections.find((s) => s.name === '公民有权' && !s.description.includes('lexicon entry'));
    assert.deepEqual(memo?.codes, []);
    assert.deepEqual(memo?.notes, ['权利条款']);
    const emoji = read.sources[2].selections.find((s) => s.name === 'monitor');
    assert.equal(emoji?.start, TEXTS['notes/emoji.txt'].indexOf('monitor') - 2, 'positions count characters, not UTF-16 units');
  });

  it('is deterministic whatever the threads, and needs --out', () => {
    assert.equal(run(['--format', 'qdpx', '-j', '3', '-o', 'q.qdpx', 'notes/a.txt', 'notes/b.txt', 'notes/emoji.txt'], dir).status, 0);
    assert.ok(fs.readFileSync(path.join(dir, 'q.qdpx')).equals(fs.readFileSync(path.join(dir, 'p.qdpx'))));
    const r = run(['--format', 'qdpx', 'notes'], dir);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /--format qdpx writes a zip archive: name it with --out FILE\.qdpx/);
  });
});

function readBack(file: string): Read {
  const r = spawnSync('python3', [READER, file], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout) as Read;
}

function unzipEntry(file: string, name: string): Buffer {
  const r = spawnSync('python3', ['-c', 'import sys,zipfile; sys.stdout.buffer.write(zipfile.ZipFile(sys.argv[1]).read(sys.argv[2]))', file, name]);
  assert.equal(r.status, 0, String(r.stderr));
  return r.stdout;
}
