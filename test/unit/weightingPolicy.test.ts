// One weighting policy for both built-in lexicons (docs/lexicons.md#weights): every entry weighs 1, so a weight
// tally counts matches the same way in English and Chinese, and the coding scheme's mechanisms are used by both.
import * as assert from 'node:assert/strict';
import { builtinLexicons, LexiconSource } from '../../src/core/index';

const byLanguage = (language: 'en' | 'zh'): LexiconSource => {
  const found = builtinLexicons().find((l) => l.language === language);
  assert.ok(found, `a built-in ${language} lexicon`);
  return found;
};

describe('weighting policy of the built-in lexicons', () => {
  for (const language of ['en', 'zh'] as const) {
    it(`${language}: every entry has the default weight 1`, () => {
      const weighted = byLanguage(language).entries.filter((e) => e.weight !== undefined && e.weight !== 1);
      assert.deepEqual(weighted.map((e) => `${e.term}: ${e.weight}`), []);
    });

    it(`${language}: uses topic entries and act and target cues`, () => {
      const lexicon = byLanguage(language);
      assert.ok(lexicon.entries.some((e) => e.topic === true), 'a topic entry');
      const cues = [...(lexicon.context?.before ?? []), ...(lexicon.context?.after ?? [])];
      for (const effect of ['act', 'target'] as const) assert.ok(cues.some((c) => c.effect === effect), `an ${effect} cue`);
    });
  }

  it('a weight tally of built-in matches equals their count, in both languages', () => {
    for (const language of ['en', 'zh'] as const) {
      const total = byLanguage(language).entries.reduce((sum, e) => sum + (e.weight ?? 1), 0);
      assert.equal(total, byLanguage(language).entries.length);
    }
  });
});
