// What esbuild.js computes from the built-in lexicons at build time (src/core/builtinCompiled.ts) must be what the
// engine would compute at run time: every stem the stemmer's, the hash the one a report names, and every word of the
// built-in lexicons covered, so that the CLI's engine stems none of them at start.
import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { builtinLexicons, Engine, LexiconSource } from '../../src/core';
import { builtinCompiled, builtinSha256 } from '../../src/core/builtinCompiled';
import { Matcher } from '../../src/core/matcher';
import { porterStem } from '../../src/core/porterStemmer';

describe('built-in lexicons compiled at build time', () => {
  it('holds the stemmer\'s stem for every word it lists, and lists every word of the built-in lexicons', () => {
    const { stems } = builtinCompiled();
    assert.ok(stems.size > 1000, `the bundle was built without the table (${stems.size} stems)`);
    for (const [word, stem] of stems) assert.equal(stem, porterStem(word), word);
    const compiled = new Matcher(builtinLexicons()).wordStems();
    assert.equal(compiled.length, stems.size);
    for (const [word, stem] of compiled) {
      assert.equal(stems.get(word), stem, word);
      assert.equal(stem, porterStem(word), word);
    }
  });

  it('names the built-in lexicons by the hash of their JSON, and computes any other set\'s', () => {
    const fresh = (lexicons: readonly LexiconSource[]): string => createHash('sha256').update(JSON.stringify(lexicons)).digest('hex');
    assert.equal(builtinCompiled().sha256, fresh(builtinLexicons()));
    assert.equal(new Engine(builtinLexicons()).lexiconInfo.sha256, fresh(builtinLexicons()));
    const [en, zh] = builtinLexicons();
    // The same lexicons as copies, in another order, or with another beside them are not the built-in set.
    const copies = builtinLexicons().map((l): LexiconSource => JSON.parse(JSON.stringify(l)) as LexiconSource);
    assert.equal(builtinSha256(builtinLexicons()), builtinCompiled().sha256);
    assert.equal(builtinSha256(copies), null);
    assert.equal(builtinSha256([zh, en]), null);
    assert.equal(builtinSha256([en]), null);
    const extra: LexiconSource = { ...en, name: 'extra', version: '1', entries: [{ term: 'oversee', category: en.entries[0].category }] };
    for (const set of [[zh, en], [en], [en, zh, extra]]) assert.equal(new Engine(set).lexiconInfo.sha256, fresh(set));
  });
});
