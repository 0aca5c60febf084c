// Lexicon en 1.17.0 (docs/validity.md, twelfth round): consulting officials is advice within government, not
// engagement (codebook D8); forfeiture is a sanction; the whereabouts of a relative described and witnesses summoned to
// a hearing are other senses than tracking and summons. The sentences are written for the tests, not taken from the corpus.
import * as assert from 'node:assert/strict';
import { counted, countedAs } from './helpers/lexicons';

describe('consultation of officials, forfeiture and two word senses (lexicon en 1.17.0)', () => {
  it('consulting an official or a commission takes no stance', () => {
    assert.deepEqual(countedAs('engagement', 'Before issuing the rule, the Director shall consult with the Secretary of the Treasury.'), []);
    assert.deepEqual(countedAs('engagement', 'The Administrator, in consultation with the Attorney General, shall designate the agencies.'), []);
  });

  it('consulting the public or the persons affected still counts', () => {
    assert.deepEqual(countedAs('engagement', 'The agency shall consult the residents of the affected area before it decides.'), ['engagement/consultation:consult']);
  });

  it('property subject to forfeiture is a sanction', () => {
    assert.deepEqual(countedAs('control', 'All vessels used in the violation shall be subject to forfeiture.'), ['control/sanctions:forfeiture']);
  });

  it('a judge issuing a warrant on sworn evidence of probable cause is judicial approval (en 1.17.1)', () => {
    assert.deepEqual(countedAs('engagement', 'A magistrate may, upon proper oath or affirmation showing probable cause, issue warrants for inspections.'), ['engagement/accountability:oath or affirmation showing probable cause']);
  });

  it('a court disposing of a case on review is a step of redress, and a sustainable plan is not (en 1.17.2)', () => {
    assert.deepEqual(countedAs('engagement', 'The findings of the Board, if supported by substantial evidence, shall be conclusive.'), ['engagement/rights:shall be conclusive']);
    assert.deepEqual(countedAs('engagement', 'The court may affirm, modify, or set aside the order of the Board.'), ['engagement/rights:set aside the order']);
    assert.deepEqual(counted('The plan promotes sustainable development, and funds are set aside for parks.'), []);
  });

  it('a relative whose whereabouts are unknown and witnesses summoned to a hearing are not control', () => {
    assert.deepEqual(counted('The child has no relative who is living or whose whereabouts are known.'), []);
    assert.deepEqual(counted('Witnesses summoned shall be paid the fees paid to witnesses in court.'), []);
    assert.deepEqual(countedAs('control', 'Officers note the whereabouts of every petitioner.'), ['control/surveillance:whereabouts']);
  });
});
