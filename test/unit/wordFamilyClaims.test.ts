// Lexicons en 1.21: a one-word neutral entry claims the forms of its own word from a shorter or sibling word of the
// same Porter stem. "prisoner" stems to "prison" and was read as the sanction; "penal" stems to "penalize". A neutral
// entry of one word claims the surfaces that begin with it, unless another word of the family shares a longer prefix
// with the surface ("penalized" stays "penalize"'s), and holds no other form ("prison" stays the sanction). The English
// lexicon is the only one with Latin word families; the mechanism is the matcher's, tested here on a test lexicon too.
// The sentences are written for the tests, not taken from the corpus.
import * as assert from 'node:assert/strict';
import { briefs, countedAs, engineWith } from './helpers/lexicons';

describe('one-word neutral entries claim their word family (lexicons en 1.21)', () => {
  it('reads a person noun as no sanction, and the measure its stem names still as one', () => {
    assert.deepEqual(countedAs('control', 'The Bureau shall provide prisoners with information on benefits.'), []);
    assert.deepEqual(countedAs('control', 'The prisoner’s name and address.'), []);
    assert.deepEqual(countedAs('control', 'The court may sentence the defendant to prison.'), ['control/sanctions:prison']);
    assert.deepEqual(countedAs('control', 'Federal prisons shall hold such persons.'), ['control/sanctions:prisons']);
  });

  it('reads the adjective penal as no penalty, and the verb penalize still as one', () => {
    assert.deepEqual(countedAs('control', 'This section shall not apply to military penal or correctional institutions.'), []);
    assert.deepEqual(countedAs('control', 'The agency may penalize a firm that fails to report.'), ['control/sanctions:penalize']);
    assert.deepEqual(countedAs('control', 'A firm that failed to report was penalized.'), ['control/sanctions:penalized']);
  });

  it('gives a claiming word the forms that begin with it, and a closer family word the rest (test lexicon)', () => {
    const engine = engineWith([
      { term: 'prison', category: 'sanctions' },
      { term: 'prisoner', neutral: true },
      { term: 'penalize', category: 'sanctions' },
      { term: 'penal', neutral: true },
    ]);
    assert.deepEqual(briefs(engine, 'prisoners'), []);
    assert.deepEqual(briefs(engine, 'prison'), [[0, 6, 'prison', 'sanctions', null, false]]);
    assert.deepEqual(briefs(engine, 'penal'), []);
    assert.deepEqual(briefs(engine, 'penalized'), [[0, 9, 'penalized', 'sanctions', null, false]]);
  });

  it('leaves a word family alone when no one-word neutral entry is in it (test lexicon)', () => {
    const engine = engineWith([{ term: 'prison', category: 'sanctions' }]);
    assert.deepEqual(briefs(engine, 'prisoners'), [[0, 9, 'prisoners', 'sanctions', null, false]]);
  });
});
