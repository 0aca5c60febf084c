// The short words the matcher lets through to stemming (src/core/shortWordStems.ts) must be exactly those whose Porter
// stem is a lexicon word's stem. Checked on every string of up to MAX_SUFFIX_DIFFERENCE characters over a-z and two
// characters Porter has no rule for (it reads any such character as a consonant, so they stand for all others).
import * as assert from 'node:assert/strict';
import { builtinLexicons } from '../../src/core';
import { Matcher } from '../../src/core/matcher';
import { porterStem } from '../../src/core/porterStemmer';
import { ShortWordStems, shortWordsStemmingTo } from '../../src/core/shortWordStems';
import { MAX_SUFFIX_DIFFERENCE } from '../../src/core/stem';

const LETTERS = [...'abcdefghijklmnopqrstuvwxyz', 'é', '0'];

/** Every string of 1 to MAX_SUFFIX_DIFFERENCE characters of LETTERS. */
function* shortStrings(prefix = ''): Generator<string> {
  if (prefix.length > 0) yield prefix;
  if (prefix.length < MAX_SUFFIX_DIFFERENCE) for (const c of LETTERS) yield* shortStrings(prefix + c);
}

describe('short word stems', () => {
  it('finds every short word from its stem, and only words of that stem', () => {
    const missing: string[] = [];
    let count = 0;
    for (const word of shortStrings()) {
      count++;
      const wordStem = porterStem(word);
      const found = shortWordsStemmingTo(wordStem);
      if (!found.includes(word)) missing.push(`${word} → ${wordStem}`);
      for (const other of found) assert.equal(porterStem(other), wordStem, `${other} found for ${wordStem}`);
    }
    assert.equal(count, [1, 2, 3, 4].reduce((sum, n) => sum + LETTERS.length ** n, 0));
    assert.deepEqual(missing.slice(0, 20), []);
  });

  it('answers as stemming does for the built-in lexicons, on every short word', () => {
    const lexiconStems = new Set(new Matcher(builtinLexicons()).wordStems().map(([, wordStem]) => wordStem));
    const short = new ShortWordStems();
    for (const wordStem of lexiconStems) short.addStem(wordStem);
    const wrong: string[] = [];
    let reached = 0;
    for (const word of shortStrings()) {
      const expected = lexiconStems.has(porterStem(word));
      if (expected) reached++;
      if (short.has(word) !== expected) wrong.push(word);
    }
    assert.deepEqual(wrong.slice(0, 20), []);
    assert.ok(reached > 0);
  });
});
