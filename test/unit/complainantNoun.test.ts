// Lexicon en 1.21.1: the noun "complainant" names the person whose complaint a procedure answers, so a sentence that
// says what is done for or by the complainant is a step of that procedure (codebook D9) and counts; the verb
// ("residents complain that …", "the complaining party" of a private takedown notice) stays a topic, shown and not
// counted. The sentences are written for the tests, not taken from the corpus.
import * as assert from 'node:assert/strict';
import { countedAs } from './helpers/lexicons';

describe('the complainant as a party to a complaint procedure (lexicon en 1.21.1)', () => {
  it('counts the noun', () => {
    assert.deepEqual(countedAs('engagement', 'The court may appoint an attorney for the complainant.'), ['engagement/complaints:complainant']);
    assert.deepEqual(countedAs('engagement', 'The proceeding may be ended by an agreement between the Secretary and the complainants.'), ['engagement/complaints:complainants']);
  });

  it('does not count the verb', () => {
    assert.deepEqual(countedAs('engagement', 'Residents complain that the new parking sensors are used to issue fines.'), []);
    assert.deepEqual(countedAs('engagement', 'The notice shall give the address of the complaining party.'), []);
  });
});
