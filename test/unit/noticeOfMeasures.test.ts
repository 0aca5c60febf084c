// A receipt or a copy given to the person a measure was taken against (the samples taken, the property seized, the
// results of an analysis) tells that person what was done: notice to the person, transparency (lexicon en 1.15.1).
import * as assert from 'node:assert/strict';
import { countedAs } from './helpers/lexicons';

const engagement = (text: string): string[] => countedAs('engagement', text);

describe('receipts and copies given to the person a measure was taken against (lexicon en 1.15.1)', () => {
  it('a receipt, a copy of the results or a copy delivered to the person from whom property was taken is transparency', () => {
    assert.deepEqual(engagement('The officer shall give to the owner a receipt describing the samples obtained.'), ['engagement/transparency:receipt describing']);
    assert.deepEqual(engagement('The officer shall leave a receipt for the property taken.'), ['engagement/transparency:receipt for the']);
    assert.deepEqual(engagement('A copy of the results of such analysis shall be furnished promptly to the owner.'), ['engagement/transparency:copy of the results']);
    assert.deepEqual(engagement('The judge shall deliver a copy of the inventory to the person from whom the property was taken.'), ['engagement/transparency:to the person from whom']);
  });

  it('the receipt of a document by an agency is no notice', () => {
    assert.deepEqual(engagement('Within 30 days after receipt of the application, the agency shall decide.'), []);
  });
});
