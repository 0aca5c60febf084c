// The W3C Web Annotation export: the model's required shape, the store's selectors, read back and re-anchored.
import * as assert from 'node:assert/strict';
import { builtinLexicons, Engine } from '../../src/core';
import { webAnnotationCollection } from '../../src/core/w3cExport';
import { ANNOTATION_CONTEXT, type TextPositionSelector, type TextQuoteSelector, type WebAnnotation } from '../../src/core/webAnnotation';
import { anchorSelectors, selectorsFor } from '../../src/core/webAnnotationSelectors';

const TEXT = 'The agency shall monitor every platform.\nResidents may comment at a public hearing. 有关部门应当加强监控。\n';

describe('W3C Web Annotation export', () => {
  const engine = new Engine(builtinLexicons());
  const analysis = engine.analyze(TEXT);
  const matches = analysis.matchesInRange(0, TEXT.length);
  const memo: WebAnnotation = {
    id: 'urn:uuid:3f0c1a5e-0000-4000-8000-000000000001',
    type: 'Annotation',
    motivation: 'classifying',
    creator: { type: 'Person', name: 'A. Researcher' },
    created: '2026-12-05T10:00:00.000Z',
    modified: '2026-12-05T10:00:00.000Z',
    body: [
      { type: 'TextualBody', purpose: 'classifying', value: 'participation' },
      { type: 'TextualBody', purpose: 'commenting', value: 'residents, not officials' },
    ],
    target: { source: 'notice.txt', selector: selectorsFor(TEXT, 41, 50) },
  };
  const other: WebAnnotation = { ...memo, id: 'urn:uuid:3f0c1a5e-0000-4000-8000-000000000002', target: { ...memo.target, source: 'other.txt' } };
  const collection = JSON.parse(JSON.stringify(webAnnotationCollection('notice.txt', TEXT, matches, [memo, other], { name: 'policy-lens', version: '0.1.0' }))) as Record<string, unknown> & {
    first: { type: string; startIndex: number; items: Array<Record<string, unknown> & { body: Array<Record<string, string>>; target: { source: string; selector: Array<Record<string, unknown>> } }> };
  };

  it('is an AnnotationCollection with the required properties and one embedded page', () => {
    assert.equal(collection['@context'], ANNOTATION_CONTEXT);
    assert.equal(collection.type, 'AnnotationCollection');
    assert.match(String(collection.id), /^urn:policy-lens:collection:[0-9a-f]{32}$/);
    assert.equal(collection.first.type, 'AnnotationPage');
    assert.equal(collection.first.startIndex, 0);
    assert.equal(collection.total, collection.first.items.length);
    assert.equal(collection.first.items.length, matches.length + 1);
    assert.ok(matches.length >= 3);
  });

  it('every annotation has an IRI id, type Annotation, bodies and a target with both selectors of the store', () => {
    const ids = new Set<string>();
    for (const item of collection.first.items) {
      assert.match(String(item.id), /^urn:(uuid|policy-lens:match):[0-9a-f-]+$/);
      ids.add(String(item.id));
      assert.equal(item.type, 'Annotation');
      assert.ok(['classifying', 'assessing', 'commenting'].includes(String(item.motivation)));
      assert.ok(item.body.length >= 1 && item.body.every((b) => b.type === 'TextualBody' && typeof b.value === 'string'));
      assert.equal(item.target.source, 'notice.txt');
      const [quote, position] = item.target.selector;
      assert.deepEqual(Object.keys(quote).sort(), ['exact', 'prefix', 'suffix', 'type']);
      assert.equal(quote.type, 'TextQuoteSelector');
      assert.deepEqual(Object.keys(position).sort(), ['end', 'start', 'type']);
      assert.equal(position.type, 'TextPositionSelector');
      assert.equal(TEXT.slice(Number(position.start), Number(position.end)), quote.exact);
    }
    assert.equal(ids.size, collection.first.items.length);
  });

  it('automatic matches carry their category and polarity; the stored code keeps its id, creator and memo', () => {
    for (const [i, m] of matches.entries()) {
      const item = collection.first.items[i];
      assert.deepEqual(item.target.selector, selectorsFor(TEXT, m.start, m.end));
      assert.equal(item.body[0].value, m.category);
      assert.match(item.body[1].value, new RegExp(`^${m.polarity}: `));
    }
    const stored = collection.first.items[matches.length];
    assert.equal(stored.id, memo.id);
    assert.deepEqual(stored.creator, memo.creator);
    assert.equal(stored.body[1].value, 'residents, not officials');
  });

  it('reads back: every selector re-anchors at its position in the text, and the export is deterministic', () => {
    for (const item of collection.first.items) {
      const [quote, position] = item.target.selector as unknown as [TextQuoteSelector, TextPositionSelector];
      const anchor = anchorSelectors(TEXT, quote, position);
      assert.equal(anchor.status, 'position');
    }
    const again = JSON.stringify(webAnnotationCollection('notice.txt', TEXT, engine.analyze(TEXT).matchesInRange(0, TEXT.length), [memo, other], { name: 'policy-lens', version: '0.1.0' }));
    assert.equal(again, JSON.stringify(collection));
  });
});
