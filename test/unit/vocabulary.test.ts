// The vocabulary keeps its first words in a table of fixed size, which the scanner's kernel probes itself, and later
// words in a table that grows: every word is found in either, and an analysis gives the same result whichever holds
// the text's words.
import * as assert from 'node:assert/strict';
import { builtinLexicons, Engine } from '../../src/core';
import { VOCABULARY_ROWS, Vocabulary } from '../../src/core/vocabulary';
import { document } from './helpers/corpus';
import { Random } from './helpers/random';

describe('vocabulary', () => {
  it('finds every word added, past its fixed table and after starting over at its limit', () => {
    const random = new Random(20261208);
    const limit = VOCABULARY_ROWS * 2;
    const vocabulary = new Vocabulary(limit);
    const words = Array.from({ length: limit }, (_, k) => [random.int(2 ** 31) | 0, random.int(2 ** 31) | 0, 1 + (k % 20), (k % 7) - 1]);
    words.forEach(([hash, check, length, symbol], k) => {
      assert.equal(vocabulary.find(hash, check, length), -2, `word ${k} before it is added`);
      vocabulary.add(hash, check, length, symbol);
    });
    words.forEach(([hash, check, length, symbol], k) => assert.equal(vocabulary.find(hash, check, length), symbol, `word ${k}`));
    // The limit reached, the next word starts the tables over.
    vocabulary.add(1, 2, 3, 4);
    assert.equal(vocabulary.find(1, 2, 3), 4);
    assert.equal(vocabulary.find(words[0][0], words[0][1], words[0][2]), -2);
  });

  it('gives the same analysis when the text’s words are past the fixed table', () => {
    const text = document(new Random(3), 60_000);
    const fresh = new Engine(builtinLexicons());
    const filled = new Engine(builtinLexicons());
    // More distinct words than the fixed table holds, none of them the text's: its words then all go to the second table.
    const random = new Random(7);
    const junk = Array.from({ length: VOCABULARY_ROWS }, () => `zq${random.int(2 ** 30).toString(36)}x`).join(' ');
    filled.analyze(junk);
    const a = fresh.analyze(text);
    const b = filled.analyze(text);
    assert.deepEqual(b.matches(), a.matches());
    assert.deepEqual(b.tally(), a.tally());
  });
});
