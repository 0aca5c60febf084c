// Lexicon en 1.21.2: a notice delivered to governed persons named in the plural without an article ("notice to users of
// the database", "to employees", "to all persons") counts as the singular recipients do ("to the individual", "to such
// borrower"); a notice sent to an authority, or with no recipient, stays a topic. The bare plurals whose stem is also a
// verb's ("to requesters": "to request", "to respondents", "to residents", "to defendants") are left out.
// The sentences are written for the tests, not taken from the corpus.
import * as assert from 'node:assert/strict';
import { countedAs } from './helpers/lexicons';

describe('a notice delivered to governed persons in the plural (lexicon en 1.21.2)', () => {
  it('counts a notice to users, employees or all persons', () => {
    assert.deepEqual(countedAs('engagement', 'The Commission shall provide clear notice to users of the database that it does not guarantee its accuracy.'), ['engagement/transparency:notice']);
    assert.deepEqual(countedAs('engagement', 'The employer shall post notice to employees of the results of the inspection.'), ['engagement/transparency:notice']);
    assert.deepEqual(countedAs('engagement', 'Notice of the hearing shall be given to all persons who filed claims.'), ['engagement/transparency:Notice']);
  });

  it('leaves a notice to an authority or to no one a topic', () => {
    assert.deepEqual(countedAs('engagement', 'Notice of the transfer shall be sent to agencies of the State.'), []);
    assert.deepEqual(countedAs('engagement', 'The notice is filed to request the redetermination.'), []);
  });
});
