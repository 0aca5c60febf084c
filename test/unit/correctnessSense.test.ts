// Lexicon en 1.21.3: "correctness" of records or reports that an authority verifies is its own check, not a person's
// correction of a record, so it is a neutral entry; written with a wildcard, since the stem of "correctness" is
// "correct", which would otherwise take "correction" and "correct" too.
// The sentences are written for the tests, not taken from the corpus.
import * as assert from 'node:assert/strict';
import { countedAs } from './helpers/lexicons';

describe('correctness as an authority checking records (lexicon en 1.21.3)', () => {
  it('does not count the correctness of records an authority verifies', () => {
    assert.deepEqual(countedAs('engagement', 'The inspector may verify the correctness of records kept under this chapter.'), []);
  });

  it('still counts a person correcting a record', () => {
    assert.deepEqual(countedAs('engagement', 'Any individual may request correction of a record pertaining to him.'), ['engagement/rights:correction']);
  });
});
