// The annotation store's file: parsed into the documented W3C shape, every malformed file reported at the line
// and column of its problem, written sorted with a fixed key order (bytes stable over a round trip), a store of
// a newer version read-only, and changes from two windows merged without losing either.
import * as assert from 'node:assert/strict';
import {
  AnnotationCollection,
  AnnotationStoreError,
  applyChanges,
  collectionOf,
  parseCollection,
  serializeCollection,
  STORE_VERSION,
  WebAnnotation,
} from '../../src/core/webAnnotation';
import { selectorsFor } from '../../src/core/webAnnotationSelectors';

const GENERATOR = { type: 'Software' as const, name: 'policy-lens', version: '0.1.0' };
const TEXT = 'The authority may monitor residents. Residents may appeal to the court.';

function review(id: string, start: number, end: number, value: 'accepted' | 'rejected', modified = '2026-12-05T10:00:00.000Z'): WebAnnotation {
  return {
    id,
    type: 'Annotation',
    motivation: 'assessing',
    creator: { type: 'Person', name: 'Ana' },
    created: '2026-12-05T10:00:00.000Z',
    modified,
    body: [
      { type: 'TextualBody', purpose: 'assessing', value, entry: 'monitor', category: 'surveillance', scope: 'here' },
      { type: 'TextualBody', purpose: 'commenting', value: 'about traffic, not people' },
    ],
    target: { source: 'docs/a.txt', selector: selectorsFor(TEXT, start, end) },
  };
}

function code(id: string, source: string, start: number, end: number, memo?: string): WebAnnotation {
  return {
    id,
    type: 'Annotation',
    motivation: 'classifying',
    creator: { type: 'Person', name: 'Bo' },
    created: '2026-12-05T11:00:00.000Z',
    modified: '2026-12-05T11:00:00.000Z',
    body: [{ type: 'TextualBody', purpose: 'classifying', value: 'rights' }, ...(memo ? [{ type: 'TextualBody' as const, purpose: 'commenting' as const, value: memo }] : [])],
    target: { source, selector: selectorsFor(TEXT, start, end) },
  };
}

function errorOf(text: string): AnnotationStoreError {
  try {
    parseCollection(text, 'annotations.json');
  } catch (e) {
    assert.ok(e instanceof AnnotationStoreError, `expected an AnnotationStoreError, got ${String(e)}`);
    return e;
  }
  assert.fail('parsed without error');
}

/** The store's text with `from` replaced once by `to` (the mutation must apply). */
function mutate(text: string, from: string, to: string): string {
  assert.ok(text.includes(from), `fixture lacks ${from}`);
  return text.replace(from, to);
}

/** 1-based line and column of the first occurrence of `needle`. */
function place(text: string, needle: string): [number, number] {
  const offset = text.indexOf(needle);
  const before = text.slice(0, offset).split('\n');
  return [before.length, before[before.length - 1].length + 1];
}

describe('web annotation store', () => {
  const collection = collectionOf([code('urn:uuid:2', 'docs/a.txt', 37, 46, 'a right'), review('urn:uuid:1', 18, 25, 'rejected'), code('urn:uuid:0', 'b.txt', 0, 3)], GENERATOR);
  const written = serializeCollection(collection);

  it('writes the W3C collection shape with both selectors, sorted by document and position', () => {
    const json = JSON.parse(written) as AnnotationCollection;
    assert.equal(json['@context'], 'http://www.w3.org/ns/anno.jsonld');
    assert.equal(json.type, 'AnnotationCollection');
    assert.equal(json.version, STORE_VERSION);
    assert.deepEqual(json.generator, GENERATOR);
    assert.equal(json.total, 3);
    assert.deepEqual(
      json.first.items.map((a) => [a.target.source, a.target.selector[1].start]),
      [['b.txt', 0], ['docs/a.txt', 18], ['docs/a.txt', 37]],
    );
    const item = json.first.items[1];
    assert.equal(item.type, 'Annotation');
    assert.equal(item.motivation, 'assessing');
    assert.deepEqual(item.target.selector, [
      { type: 'TextQuoteSelector', exact: 'monitor', prefix: 'The authority may ', suffix: ' residents. Residents may appeal' },
      { type: 'TextPositionSelector', start: 18, end: 25 },
    ]);
    assert.ok(written.startsWith('{\n  "@context": "http://www.w3.org/ns/anno.jsonld",\n  "type": "AnnotationCollection",'));
    assert.ok(written.endsWith('}\n'));
  });

  it('round-trips: parse(write(x)) equals x and writes the same bytes, whatever the input key order', () => {
    const parsed = parseCollection(written, 'a.json');
    assert.deepEqual(parsed.collection, collection);
    assert.equal(parsed.readOnly, false);
    assert.equal(serializeCollection(parsed.collection), written);
    // Every object's keys reversed and the items reversed: the same bytes once written again.
    const reversed = (v: unknown): unknown => {
      if (Array.isArray(v)) return v.map(reversed);
      if (v === null || typeof v !== 'object') return v;
      return Object.fromEntries(Object.entries(v as Record<string, unknown>).reverse().map(([k, x]) => [k, reversed(x)]));
    };
    const shuffled = reversed(JSON.parse(written)) as AnnotationCollection;
    shuffled.first.items.reverse();
    const text = JSON.stringify(shuffled, null, 1);
    assert.ok(text.trimStart().startsWith('{\n "first"'));
    assert.equal(serializeCollection(parseCollection(text, 'b.json').collection), written);
  });

  it('reads a flat "items" list as other tools write it', () => {
    const json = JSON.parse(written) as Record<string, unknown>;
    const items = (json.first as { items: unknown[] }).items;
    delete json.first;
    json.items = items;
    assert.equal(serializeCollection(parseCollection(JSON.stringify(json), 'flat.json').collection), written);
  });

  it('opens a store written by a newer version read-only', () => {
    const newer = mutate(written, `"version": ${STORE_VERSION},`, `"version": ${STORE_VERSION + 1},`);
    const parsed = parseCollection(newer, 'new.json');
    assert.equal(parsed.readOnly, true);
    assert.equal(parsed.collection.first.items.length, 3);
  });

  const cases: Array<[string, string, string, string, RegExp]> = [
    ['a syntax error', '"total": 3,', '"total": 3', '"first"', /invalid JSON: comma expected/],
    ['a wrong context', '"http://www.w3.org/ns/anno.jsonld"', '"http://example.org"', '"http://example.org"', /"@context" must be/],
    ['an unknown motivation', '"motivation": "assessing"', '"motivation": "liking"', '"liking"', /"motivation" must be one of/],
    ['a review without a verdict value', '"value": "rejected"', '"value": "maybe"', '"maybe"', /"value" must be one of "accepted", "rejected"/],
    ['an absolute source', '"source": "b.txt"', '"source": "/etc/passwd"', '"/etc/passwd"', /relative to the workspace/],
    ['a source climbing out', '"source": "b.txt"', '"source": "../x.txt"', '"../x.txt"', /relative to the workspace/],
    ['an end before the start', '"end": 25', '"end": 2', '2\n', /"end" \(2\) must be greater/],
    ['a bad date', '"created": "2026-12-05T10:00:00.000Z"', '"created": "yesterday"', '"yesterday"', /ISO 8601/],
    ['an unknown property', '"motivation": "assessing",', '"motivation": "assessing", "colour": "red",', '"colour"', /unknown property "colour"/],
    ['a wrong total', '"total": 3', '"total": 4', '4,', /"total" says 4/],
  ];
  for (const [what, from, to, needle, problem] of cases) {
    it(`reports ${what} at its line and column`, () => {
      const text = mutate(written, from, to);
      const error = errorOf(text);
      const [line, column] = place(text, needle);
      assert.deepEqual([error.line, error.column], [line, column], error.message);
      assert.match(error.problem, problem);
      assert.equal(error.message, `annotations.json:${line}:${column}: ${error.problem}`);
    });
  }

  it('reports a quote that does not fit its position, and a duplicate id', () => {
    assert.match(errorOf(mutate(written, '"exact": "monitor"', '"exact": "monitors"')).problem, /spans 7 characters but "exact" has 8/);
    assert.match(errorOf(mutate(written, '"id": "urn:uuid:1"', '"id": "urn:uuid:0"')).problem, /duplicate annotation id "urn:uuid:0"/);
    assert.match(errorOf('').problem, /empty/);
  });

  it('merges two windows: each one\'s changes replayed onto the file as the other left it', () => {
    const base = collectionOf([review('urn:uuid:1', 18, 25, 'rejected')], GENERATOR);
    // Window A adds a code; window B (which read the same base) changes the review and adds its own code.
    const fromA = applyChanges(base, [{ kind: 'put', annotation: code('urn:uuid:a', 'docs/a.txt', 37, 46) }], GENERATOR);
    const fromB = applyChanges(fromA, [
      { kind: 'put', annotation: review('urn:uuid:1', 18, 25, 'accepted', '2026-12-05T12:00:00.000Z') },
      { kind: 'put', annotation: code('urn:uuid:b', 'b.txt', 0, 3) },
    ], GENERATOR);
    assert.deepEqual(fromB.first.items.map((a) => a.id).sort(), ['urn:uuid:1', 'urn:uuid:a', 'urn:uuid:b']);
    // An older put does not overwrite a newer edit from the other window; a delete removes.
    const stale = applyChanges(fromB, [{ kind: 'put', annotation: review('urn:uuid:1', 18, 25, 'rejected') }, { kind: 'delete', id: 'urn:uuid:b' }], GENERATOR);
    const kept = stale.first.items.find((a) => a.id === 'urn:uuid:1');
    assert.equal(kept?.body[0].value, 'accepted');
    assert.deepEqual(stale.first.items.map((a) => a.id).sort(), ['urn:uuid:1', 'urn:uuid:a']);
    assert.equal(stale.total, 2);
  });
});
