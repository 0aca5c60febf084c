// Lexicon en 1.19.6: "compensation" names pay or a benefit ("unemployment compensation", "discrimination in
// compensation") as often as redress, so alone it is a topic noun, shown and not counted; it counts where the words
// around it make it redress for a person harmed ("just compensation", "receive compensation", "entitled to
// compensation", "ordered … to compensate the plaintiff").
// The sentences are written for the tests, not taken from the corpus.
import * as assert from 'node:assert/strict';
import { countedAs } from './helpers/lexicons';

describe('compensation as pay or as redress (lexicon en 1.19.6)', () => {
  it('does not count pay or a benefit', () => {
    assert.deepEqual(countedAs('engagement', 'The State shall pay unemployment compensation through its public employment offices.'), []);
    assert.deepEqual(countedAs('engagement', 'The fund may not be used for the compensation of any employee of the agency.'), []);
  });

  it('counts redress for a person harmed', () => {
    assert.deepEqual(countedAs('engagement', 'The owners shall receive just compensation for the use of the property.'), ['engagement/rights:just compensation']);
    assert.deepEqual(countedAs('engagement', 'Any person injured by the violation is entitled to compensation.'), ['engagement/rights:to compensation']);
    assert.deepEqual(countedAs('engagement', 'The court ordered the operator to compensate the residents.'), ['engagement/rights:to compensate']);
  });
});
