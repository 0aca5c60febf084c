// A matcher loaded from its tables (what esbuild.js computes from the built-in lexicons when it builds a bundle, see
// src/core/builtinCompiled.ts) must match exactly as one built from the lexicons at run time: the same tables, entries
// and cues, and the same matches and tallies on the development sets and on random texts in both languages. So must
// one loaded from its image (src/core/matcherImage.ts, which the CLI reads from a file beside its bundle).
import * as assert from 'node:assert/strict';
import { builtinLexicons, Engine, LexiconSource } from '../../src/core';
import { analysisContext, DocumentAnalysis } from '../../src/core/analysis';
import { BUILTIN_MATCHER_SETS, builtinCompiled, builtinMatcherTables } from '../../src/core/builtinCompiled';
import { Matcher, MatcherTables } from '../../src/core/matcher';
import { decodeMatcherImage, encodeMatcherImage } from '../../src/core/matcherImage';
import { Language } from '../../src/core/types';
import { parseDevSet } from '../devset/evaluate';
import { repoFile, testLexicon } from './helpers/lexicons';
import { Random } from './helpers/random';

const SUFFIXES = ['', '', '', 's', 'es', 'ed', 'ing', 'ion', 'ment', 'ly', 'er', 'ity'];
const FILLER = ['the', 'a', 'of', 'and', 'not', 'no', 'but', 'shall', 'may', 'must', 'without', 'unless', 'citizens', 'data', 'Article 5', '第三条', '的', '和', '不得', '应当'];
const PUNCTUATION = [' ', ' ', ' ', ', ', '. ', '; ', '，', '。', '、', '\n', '\n\n', '\n\n(1) ', '\n\n第二章 总则\n', '\r\n', ' (a) ', '？'];

/** A random text of the lexicons' own terms and cues (some inflected, some cut short), filler words and punctuation. */
function randomText(rng: Random, lexicons: readonly LexiconSource[], words: number): string {
  const terms = lexicons.flatMap((l) => [
    ...l.entries.map((e) => e.term.replace(/\*$/, rng.pick(['', 'ing', 'ed']))),
    ...(l.context?.before ?? []).map((c) => c.cue),
    ...(l.context?.after ?? []).map((c) => c.cue),
    ...(l.context?.clauseBreaks ?? []),
    ...(l.context?.predicates ?? []),
  ]);
  let out = '';
  for (let i = 0; i < words; i++) {
    let word = rng.chance(0.6) ? rng.pick(terms) : rng.pick(FILLER);
    if (rng.chance(0.1) && word.length > 3) word = word.slice(0, 2 + rng.int(word.length - 2));
    if (/[a-z]$/.test(word)) word += rng.pick(SUFFIXES);
    if (rng.chance(0.05)) word = word.toUpperCase();
    out += word + rng.pick(PUNCTUATION);
  }
  return out;
}

function sameAnalysis(built: Matcher, loaded: Matcher, language: Language | null, text: string, what: string): void {
  const a = DocumentAnalysis.create(analysisContext(built, language), text);
  const b = DocumentAnalysis.create(analysisContext(loaded, language), text);
  assert.deepEqual(b.matches(), a.matches(), what);
  if (text.length > 10_000) assert.ok(a.matches().length > 100, `${what}: ${a.matches().length} matches`);
  assert.deepEqual(b.tally(), a.tally(), what);
}

describe('matcher tables', function () {
  this.timeout(120_000);
  const lexicons = builtinLexicons();
  const bundledSets = BUILTIN_MATCHER_SETS.map((set) => set.map((i) => lexicons[i]));
  const sets = [[lexicons[0], lexicons[1]], [lexicons[0]], [lexicons[1]]];
  /** The bundled tables of the set, or (for a set whose tables are not bundled) those of a fresh build. */
  const tablesOf = (set: LexiconSource[]): MatcherTables => builtinMatcherTables(set) ?? new Matcher(set).tables();
  /** Matchers of the set loaded from its tables and from its image, as bytes and back. */
  const loadedOf = (set: LexiconSource[]): Matcher[] => {
    const image = decodeMatcherImage(encodeMatcherImage(new Matcher(set, tablesOf(set)).image()));
    assert.ok(image !== null);
    return [new Matcher(set, tablesOf(set)), new Matcher(set, image)];
  };

  it('are bundled for both built-in lexicons, equal to a fresh build', () => {
    assert.deepEqual(BUILTIN_MATCHER_SETS, [[0, 1]]);
    for (const set of bundledSets) {
      const bundled = builtinMatcherTables(set);
      assert.ok(bundled !== null, `the bundle was built without the tables of ${set.map((l) => l.name).join('+')}`);
      assert.deepEqual(bundled, new Matcher(set).tables());
    }
    assert.equal(Object.keys(builtinCompiled().matchers).length, bundledSets.length);
  });

  it('are not used for lexicons that are not exactly built-in ones, in order', () => {
    const [en, zh] = lexicons;
    const copy = JSON.parse(JSON.stringify(en)) as LexiconSource;
    const user = testLexicon([{ term: 'surveil*', category: 'surveillance' }]);
    for (const set of [[zh, en], [copy], [en, copy], [en, user], [user], [en, en], [en], [zh]]) assert.equal(builtinMatcherTables(set), null);
  });

  it('load a matcher equal to the one built from its lexicons', () => {
    for (const set of [...sets, [testLexicon([{ term: 'surveil*', category: 'surveillance' }, { term: 'public consultation', category: 'participation' }, { term: '监控', category: 'surveillance' }])]]) {
      const built = new Matcher(set);
      const image = decodeMatcherImage(encodeMatcherImage(built.image()));
      assert.ok(image !== null);
      for (const loaded of [new Matcher(set, built.tables()), new Matcher(set, image)]) {
        assert.deepEqual(loaded.tables(), built.tables());
        assert.deepEqual(loaded.entryList, built.entryList);
        assert.deepEqual(loaded.cueList, built.cueList);
        assert.deepEqual(loaded.hanSlotTable, built.hanSlotTable);
        assert.deepEqual([loaded.entryFacts, loaded.cueFacts, loaded.cueWindows], [built.entryFacts, built.cueFacts, built.cueWindows]);
        assert.deepEqual([loaded.lists, loaded.subjects, loaded.longestPath, loaded.widestCueWindow], [built.lists, built.subjects, built.longestPath, built.widestCueWindow]);
        assert.deepEqual(loaded.categories, built.categories);
      }
    }
  });

  it('give the same matches and tallies on the development sets, in every language setting', () => {
    const sentences = ['test/devset/en.tsv', 'test/devset/zh.tsv', 'test/devset/en.genres.tsv', 'test/devset/zh.genres.tsv'].flatMap((file) => parseDevSet(repoFile(file), file).map((s) => s.sentence));
    const text = sentences.join('\n\n');
    for (const [set, language] of [[sets[0], null], [sets[1], 'en'], [sets[2], 'zh']] as const) {
      const built = new Matcher(set);
      for (const loaded of loadedOf(set)) {
        sameAnalysis(built, loaded, language, text, `development sets, ${set.map((l) => l.name).join('+')}`);
        for (const sentence of sentences.slice(0, 300)) sameAnalysis(built, loaded, language, sentence, sentence);
      }
    }
  });

  it('give the same matches and tallies on random texts of both languages\' terms and cues', () => {
    for (const seed of [1, 2, 3, 20261206]) {
      const rng = new Random(seed);
      for (const [set, language] of [[sets[0], null], [sets[1], 'en'], [sets[2], 'zh']] as const) {
        const built = new Matcher(set);
        const text = randomText(rng, sets[0], 6000);
        const other = randomText(rng, set, 3000);
        for (const loaded of loadedOf(set)) {
          sameAnalysis(built, loaded, language, text, `seed ${seed}, ${set.map((l) => l.name).join('+')}`);
          // The loaded matcher first: each learns the text's words in its own order, which must not change a match.
          const b = DocumentAnalysis.create(analysisContext(loaded, language), other).matches();
          const a = DocumentAnalysis.create(analysisContext(built, language), other).matches();
          assert.deepEqual(b, a, `seed ${seed}, second text`);
        }
      }
    }
  });

  it('are what the engine runs on for the built-in lexicons', () => {
    const engine = new Engine(lexicons);
    const text = 'The authorities shall monitor online platforms and collect data on users.\n\n建立健全社会信用体系，实施联合惩戒，将失信主体列入黑名单。';
    assert.deepEqual(engine.analyze(text).matches(), DocumentAnalysis.create(analysisContext(new Matcher(lexicons), null), text).matches());
    assert.ok(engine.analyze(text).matches().length >= 2, `${engine.analyze(text).matches().length} matches`);
  });
});
