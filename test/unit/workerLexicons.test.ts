// A CLI worker is sent a built-in lexicon as its index and rebuilds the very object from it, so that its engine loads
// the matcher's bundled tables (src/cli/workerLexicons.ts); any other lexicon is sent as itself.
import * as assert from 'node:assert/strict';
import { builtinLexicons, LexiconSource } from '../../src/core';
import { builtinMatcherTables } from '../../src/core/builtinCompiled';
import { lexiconsForWorker, lexiconsFromMain } from '../../src/cli/workerLexicons';
import { testLexicon } from './helpers/lexicons';

/** As structured cloning (a worker's workerData) copies it. */
function cloned<T>(value: T): T {
  return structuredClone(value);
}

describe('lexicons sent to a CLI worker', () => {
  const [en, zh] = builtinLexicons();
  const user = testLexicon([{ term: 'surveil*', category: 'surveillance' }], { name: 'user' });

  it('sends the built-in lexicons as their indices, and the worker gets the objects whose tables are bundled', () => {
    for (const set of [[en, zh], [en], [zh]]) {
      const sent = cloned(lexiconsForWorker(set));
      assert.deepEqual(sent, set.map((l) => (l === en ? 0 : 1)));
      const got = lexiconsFromMain(sent);
      got.forEach((l, i) => assert.equal(l, set[i]));
      assert.equal(builtinMatcherTables(got) !== null, set.length === 2);
    }
  });

  it('sends any other lexicon as itself, in its place among built-in ones', () => {
    const copy = JSON.parse(JSON.stringify(en)) as LexiconSource;
    for (const set of [[user], [en, user], [user, zh], [copy, zh]]) {
      const got = lexiconsFromMain(cloned(lexiconsForWorker(set)));
      assert.deepEqual(got, set);
      got.forEach((l, i) => assert.equal(l === en || l === zh, set[i] === en || set[i] === zh));
      assert.equal(builtinMatcherTables(got), null);
    }
  });
});
