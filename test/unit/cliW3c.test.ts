// policy-lens --format w3c: one W3C Web Annotation collection (JSON-LD) of every document's annotations, automatic
// and from the editor's store, checked against the model's required shape and read back by re-anchoring.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { builtinLexicons, Engine } from '../../src/core/index';
import { GENERATOR } from '../../src/node/generator';
import { collectionId, exportedAnnotations } from '../../src/core/w3cExport';
import { ANNOTATION_CONTEXT, collectionOf, serializeCollection, TextPositionSelector, TextQuoteSelector, WebAnnotation } from '../../src/core/webAnnotation';
import { anchorSelectors, selectorsFor } from '../../src/core/webAnnotationSelectors';

const ROOT = path.resolve(__dirname, '../../..');
const CLI = path.join(ROOT, 'dist/cli.js');
const TEXTS: Record<string, string> = {
  'notes/a.txt': 'The authority may monitor residents and keep a blacklist.\nResidents may appeal to the court within ten days.\n',
  'notes/b.txt': '有关部门应当加强监控，对违法行为予以处罚。\n公民有权提出意见和建议。\n',
  'notes/c.txt': 'The weather was mild.\n',
};

function stored(id: string, source: string, exact: string, motivation: WebAnnotation['motivation'], body: WebAnnotation['body']): WebAnnotation {
  const start = TEXTS[source].indexOf(exact);
  return { id, type: 'Annotation', motivation, creator: { type: 'Person', name: 'Ana' }, created: '2026-12-05T10:00:00.000Z', modified: '2026-12-05T10:00:00.000Z', body, target: { source, selector: selectorsFor(TEXTS[source], start, start + exact.length) } };
}

export const STORE_ITEMS: WebAnnotation[] = [
  stored('urn:uuid:00000000-0000-4000-8000-000000000001', 'notes/a.txt', 'monitor', 'assessing', [
    { type: 'TextualBody', purpose: 'assessing', value: 'rejected', entry: 'monitor', category: 'surveillance', scope: 'here' },
    { type: 'TextualBody', purpose: 'commenting', value: 'traffic cameras, <not> people & "things"' },
  ]),
  stored('urn:uuid:00000000-0000-4000-8000-000000000002', 'notes/a.txt', 'Residents may appeal to the court', 'classifying', [
    { type: 'TextualBody', purpose: 'classifying', value: 'rights' },
    { type: 'TextualBody', purpose: 'commenting', value: 'a right of appeal' },
  ]),
  stored('urn:uuid:00000000-0000-4000-8000-000000000003', 'notes/b.txt', '公民有权', 'commenting', [{ type: 'TextualBody', purpose: 'commenting', value: '权利条款' }]),
];

interface Item {
  id: string;
  type: string;
  motivation: string;
  body: Array<{ type: string; purpose: string; value: string }>;
  target: { source: string; selector: [TextQuoteSelector, TextPositionSelector] };
}
interface Collection {
  '@context': string;
  id: string;
  type: string;
  label: string;
  total: number;
  first: { type: string; startIndex: number; items: Item[] };
}

describe('CLI --format w3c', function () {
  this.timeout(60_000);
  let dir: string;

  before(() => {
    if (!fs.existsSync(CLI)) assert.equal(spawnSync(process.execPath, ['esbuild.js', '--only=cli,cli-worker'], { cwd: ROOT }).status, 0);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-lens-w3c-'));
    fs.mkdirSync(path.join(dir, 'notes'));
    fs.mkdirSync(path.join(dir, '.policylens'));
    for (const [name, text] of Object.entries(TEXTS)) fs.writeFileSync(path.join(dir, name), text);
    fs.writeFileSync(path.join(dir, '.policylens', 'annotations.json'), serializeCollection(collectionOf(STORE_ITEMS, { type: 'Software', name: 'policy-lens', version: '0.1.0' })));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  function run(args: string[]): string {
    const r = spawnSync(process.execPath, [CLI, ...args], { cwd: dir, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    return r.stdout;
  }

  it('writes one AnnotationCollection with the model\'s required properties, every annotation with both selectors', () => {
    const c = JSON.parse(run(['--format', 'w3c', 'notes'])) as Collection;
    assert.equal(c['@context'], ANNOTATION_CONTEXT);
    assert.equal(c.type, 'AnnotationCollection');
    assert.equal(c.id, collectionId(Object.keys(TEXTS)));
    assert.equal(c.first.type, 'AnnotationPage');
    assert.equal(c.first.startIndex, 0);
    assert.equal(c.total, c.first.items.length);
    const ids = new Set<string>();
    for (const item of c.first.items) {
      assert.match(item.id, /^urn:(uuid|policy-lens:match):[0-9a-f-]+$/);
      ids.add(item.id);
      assert.equal(item.type, 'Annotation');
      assert.ok(['classifying', 'assessing', 'commenting'].includes(item.motivation));
      assert.ok(item.body.length >= 1 && item.body.every((b) => b.type === 'TextualBody' && typeof b.value === 'string'));
      const [quote, position] = item.target.selector;
      assert.deepEqual(Object.keys(quote).sort(), ['exact', 'prefix', 'suffix', 'type']);
      assert.deepEqual(Object.keys(position).sort(), ['end', 'start', 'type']);
      const text = TEXTS[item.target.source];
      assert.equal(text.slice(position.start, position.end), quote.exact);
      assert.equal(anchorSelectors(text, quote, position).status, 'position');
    }
    assert.equal(ids.size, c.first.items.length);
    for (const s of STORE_ITEMS) assert.ok(ids.has(s.id), `stored ${s.id} exported`);
  });

  it('holds, document by document, the annotations the core export gives, with the store\'s own selectors', () => {
    const c = JSON.parse(run(['--format', 'w3c', 'notes'])) as Collection;
    const engine = new Engine(builtinLexicons());
    const expected = Object.entries(TEXTS).flatMap(([source, text]) => exportedAnnotations(source, text, engine.analyze(text).matches(), STORE_ITEMS, GENERATOR));
    assert.deepEqual(c.first.items, JSON.parse(JSON.stringify(expected)));
    const memo = c.first.items.find((i) => i.id === STORE_ITEMS[0].id);
    assert.deepEqual(memo?.target.selector, STORE_ITEMS[0].target.selector);
    assert.equal(memo?.body[1].value, 'traffic cameras, <not> people & "things"');
  });

  it('is deterministic whatever the threads; a document without annotations adds none; --jsonl is refused', () => {
    assert.equal(run(['--format', 'w3c', '-j', '1', 'notes']), run(['--format', 'w3c', '-j', '3', 'notes/a.txt', 'notes/b.txt', 'notes/c.txt']));
    const weather = JSON.parse(run(['--format', 'w3c', 'notes/c.txt'])) as Collection;
    assert.equal(weather.total, 0);
    assert.deepEqual(weather.first.items, []);
    const r = spawnSync(process.execPath, [CLI, '--format', 'w3c', '--jsonl', 'notes'], { cwd: dir, encoding: 'utf8' });
    assert.equal(r.status, 2);
  });
});
