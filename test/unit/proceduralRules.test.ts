// A control measure that is only the subject of a procedural passive ("Each such inspection shall be commenced and
// completed with reasonable promptness", "Orders … of suspension, revocation … shall be served in person") is named, not
// imposed: how a measure is timed, served or carried out is a procedural rule, neutral by principle 5 (lexicon en 1.16.1;
// docs/validity.md). The after-cue has phrase scope: it reaches back over its subject only, not after another predicate word.
// The sentences are written for the tests, not taken from the corpus.
import * as assert from 'node:assert/strict';
import { counted, countedAs } from './helpers/lexicons';

describe('a measure named as the subject of a procedural rule (lexicon en 1.16.1)', () => {
  it('the subject of shall be commenced, served, carried out or executed takes no stance', () => {
    assert.deepEqual(countedAs('control', 'Each such inspection shall be commenced and completed within a reasonable time.'), []);
    assert.deepEqual(countedAs('control', 'An order of suspension or revocation shall be served on the holder by registered mail.'), []);
    assert.deepEqual(countedAs('control', 'Such searches shall be carried out by officers designated by the Director.'), []);
  });

  it('the same measure imposed, or a grant of the power before a predicate word, still counts', () => {
    assert.deepEqual(countedAs('control', 'The Director may suspend or revoke the license.'), ['control/sanctions:suspend', 'control/sanctions:revoke']);
    assert.deepEqual(countedAs('control', 'The Secretary may revoke the permit, and the order shall be served on the holder.'), ['control/sanctions:revoke']);
  });

  it('an engagement duty in the same shape keeps its count outside the reach', () => {
    assert.deepEqual(counted('The agency shall publish the decision, and the notice shall be served on the applicant.'), ['engagement/transparency:publish']);
  });
});
