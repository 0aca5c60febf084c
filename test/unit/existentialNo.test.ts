// Lexicon en 1.19.3: an existential "there is / are no" denies that something exists; it does not open the clause's
// subject, so it negates within its window only and not the act after the next predicate word ("Where there is no
// authorized representative, the Secretary shall consult with employees" still consults). The subject-scoped "no"
// keeps its reach ("No agency shall disclose any record").
// The sentences are written for the tests, not taken from the corpus.
import * as assert from 'node:assert/strict';
import { countedAs } from './helpers/lexicons';

describe('an existential "there is no" (lexicon en 1.19.3)', () => {
  it('does not reach the act of the main clause after a condition', () => {
    assert.deepEqual(countedAs('engagement', 'Where there is no authorized employee representative, the Secretary shall consult with a reasonable number of employees.'), ['engagement/consultation:consult']);
    assert.deepEqual(countedAs('engagement', 'If the Secretary determines there are no reasonable grounds to believe that a violation exists he shall notify the employees of such determination.'), [
      'engagement/transparency:notify the employees',
    ]);
  });

  it('still negates what it denies nearby, and a subject "no" keeps its reach', () => {
    assert.deepEqual(countedAs('engagement', 'There is no right to appeal.'), []);
    assert.deepEqual(countedAs('engagement', 'No agency that holds the record shall disclose it.'), []);
  });
});
