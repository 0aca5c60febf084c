// placeReview: the store's annotations placed in a document without a pass over its matches, and each match's
// verdict looked up on demand; the editor's review snapshot is built on it so that an update of a long document with
// nothing reviewed costs nothing per match.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { builtinLexicons, Engine } from '../../src/core/index';
import { collectionOf, WebAnnotation } from '../../src/core/webAnnotation';
import { entryReviewCounts, placeReview, reviewDocument, unreviewedEntryCounts } from '../../src/core/webAnnotationReview';
import { chineseText, englishText } from '../bench/corpus';
import { storeAnnotation } from './helpers/annotations';

const TEXT = 'The authority may monitor residents and keep a blacklist.\nResidents may appeal to the court within ten days.\nThe authority may monitor traffic.\n';
const GENERATOR = { type: 'Software' as const, name: 'policy-lens', version: '0.1.0' };

function annotation(id: string, source: string, start: number, end: number, body: WebAnnotation['body']): WebAnnotation {
  return storeAnnotation(TEXT, source, id, start, end, body);
}

describe('placeReview', () => {
  const engine = new Engine(builtinLexicons());
  const matches = engine.analyze(TEXT).matches();
  const polarity = new Map(engine.categories.map((c) => [c.id, c.polarity]));
  const codePolarity = (c: string): 'control' | 'engagement' | null => polarity.get(c) ?? null;
  const monitor = TEXT.indexOf('monitor');
  const monitored = matches.find((m) => m.start === monitor);

  it('finds the document has no verdicts when the store reviews only other documents', () => {
    assert.ok(monitored, 'the sample has a match on "monitor"');
    const elsewhere = annotation('urn:uuid:1', 'other.txt', monitor, monitor + 7, [
      { type: 'TextualBody', purpose: 'assessing', value: 'rejected', entry: monitored.entry, category: monitored.category, scope: 'here' },
    ]);
    const placed = placeReview(TEXT, 'a.txt', collectionOf([elsewhere], GENERATOR), codePolarity);
    assert.equal(placed.hasVerdicts, false);
    assert.deepEqual([placed.notes, placed.orphanReviews, placed.anchored.size], [[], [], 0]);
    assert.ok(matches.every((m) => placed.verdictOf(m) === null));
  });

  it('gives each match the verdict reviewDocument gives it: a review here, a workspace-wide one, or none', () => {
    assert.ok(monitored);
    const second = TEXT.lastIndexOf('monitor');
    const items = [
      annotation('urn:uuid:1', 'a.txt', monitor, monitor + 7, [
        { type: 'TextualBody', purpose: 'assessing', value: 'accepted', entry: monitored.entry, category: monitored.category, scope: 'here' },
      ]),
      annotation('urn:uuid:2', 'b.txt', second, second + 7, [
        { type: 'TextualBody', purpose: 'assessing', value: 'rejected', entry: monitored.entry, category: monitored.category, scope: 'workspace' },
      ]),
      annotation('urn:uuid:3', 'a.txt', TEXT.indexOf('Residents may'), TEXT.indexOf(' within'), [{ type: 'TextualBody', purpose: 'classifying', value: 'rights' }]),
    ];
    const collection = collectionOf(items, GENERATOR);
    const placed = placeReview(TEXT, 'a.txt', collection, codePolarity);
    const review = reviewDocument(TEXT, 'a.txt', matches, collection, codePolarity);
    assert.equal(placed.hasVerdicts, true);
    assert.deepEqual(matches.map(placed.verdictOf), review.verdicts);
    assert.deepEqual(placed.notes, review.notes);
    // The first "monitor" keeps its own acceptance; the second falls under the workspace-wide rejection.
    assert.equal(placed.verdictOf(monitored)?.value, 'accepted');
    assert.equal(placed.verdictOf(matches.find((m) => m.start === second) ?? monitored)?.value, 'rejected');
    assert.equal(placed.notes[0].polarity, codePolarity('rights'));
  });
});

describe('counted annotations read without making them', () => {
  const engine = new Engine(builtinLexicons());
  const samples = path.resolve(__dirname, '../../../media/samples');
  const texts: [string, string][] = [
    ['English bench text', englishText(7, 400_000)],
    ['Chinese bench text', chineseText(7, 300_000)],
    ...fs.readdirSync(samples).map((f): [string, string] => [f, fs.readFileSync(path.join(samples, f), 'utf8')]),
  ];
  for (const [name, text] of texts) {
    it(`${name}: per-entry counts and the first counted matches equal those read from every match`, () => {
      const analysis = engine.analyze(text);
      const matches = analysis.matches();
      const counted = matches.filter((m) => !m.negated);
      assert.ok(counted.length > 50, 'the text has counted matches');
      if (name.startsWith('English')) assert.ok(counted.length < matches.length, 'and negated ones, which are left out');
      assert.deepEqual(unreviewedEntryCounts(analysis.entryCounts()), entryReviewCounts(matches, matches.map(() => null)));
      for (const limit of [0, 1, 37, counted.length + 5]) assert.deepEqual(analysis.firstCounted(limit), counted.slice(0, limit));
    });
  }
});
