// Lexicon en 1.20.1: a complaint, an appeal or a hearing named inside a condition ("if", "whenever") or a relative
// clause ("with respect to whom") is the occasion of the main clause's act, not a procedure the sentence grants: it is
// shown and not counted. Granted in the main clause, the same procedure counts.
// The sentences are written for the tests, not taken from the corpus.
import * as assert from 'node:assert/strict';
import { countedAs } from './helpers/lexicons';

describe('a procedure named in a condition or a relative clause (lexicon en 1.20.1)', () => {
  it('does not count a procedure that only conditions the act', () => {
    assert.deepEqual(countedAs('engagement', 'If the Director finds that a complaint is frivolous, the Director may award costs to the employer.'), []);
    assert.deepEqual(countedAs('engagement', 'The agency shall visit any resident with respect to whom a complaint has been received.'), []);
  });

  it('counts the procedure that the main clause grants', () => {
    assert.deepEqual(countedAs('engagement', 'Any employee may file a complaint with the Director.'), ['engagement/complaints:complaint']);
    assert.deepEqual(countedAs('engagement', 'If any, the Director shall give the employee an opportunity for a hearing.'), ['engagement/rights:opportunity for a hearing']);
  });
});
