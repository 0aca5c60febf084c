// Features of one labelled sentence for the sentence-model experiment: its words (English: the engine's Porter
// stems; Chinese: character bigrams), the engine's own output for it (counted and shown matches per category,
// the rules that explain them, and the engine's decision per polarity), or the facts the coding scheme names
// (schemeFeatures.ts).
import { Match, Polarity } from '../../src/core/index';
import { stem } from '../../src/core/stem';
import { SparseRow } from './logistic';
import { schemeFeatures } from './schemeFeatures';

export type FeatureSet = 'words' | 'engine' | 'both' | 'context' | 'scheme' | 'scheme-decision';

/** Feature names and their values; a name absent is 0. */
export type FeatureBag = Map<string, number>;

const POLARITIES: readonly Polarity[] = ['control', 'engagement'];

/** Word features: presence of each stem (English) or Han character bigram (Chinese). */
export function wordFeatures(text: string, language: 'en' | 'zh'): FeatureBag {
  const bag: FeatureBag = new Map();
  for (const word of text.toLowerCase().match(/[a-z]+/g) ?? []) bag.set(`w:${stem(word)}`, 1);
  if (language === 'zh') {
    for (const run of text.match(/\p{Script=Han}+/gu) ?? []) {
      const chars = [...run];
      for (let i = 0; i + 1 < chars.length; i++) bag.set(`b:${chars[i]}${chars[i + 1]}`, 1);
    }
  }
  return bag;
}

/**
 * Engine features, counts as log(1 + n): counted and shown matches per polarity and category, the rule kinds on
 * them, and the engine's own decision per polarity (a counted match of it).
 */
export function engineFeatures(matches: readonly Match[]): FeatureBag {
  const counts = new Map<string, number>();
  const add = (name: string): void => {
    counts.set(name, (counts.get(name) ?? 0) + 1);
  };
  for (const m of matches) {
    const state = m.negated ? 'shown' : 'counted';
    add(`${state}:${m.polarity}/${m.category}`);
    if (m.rule) add(`rule:${m.rule}:${state}:${m.polarity}`);
  }
  const bag: FeatureBag = new Map();
  for (const [name, n] of counts) bag.set(name, Math.log1p(n));
  for (const p of POLARITIES) if (engineDecision(matches, p)) bag.set(`engine:${p}`, 1);
  return bag;
}

/** The engine's sentence-level prediction, as the corpus scorer makes it: a counted match of the polarity. */
export function engineDecision(matches: readonly Match[], polarity: Polarity): boolean {
  return matches.some((m) => !m.negated && m.polarity === polarity);
}

/**
 * The features of a sentence for one feature set; `context` adds to both the engine features of the sentence
 * before it (a list item takes its sense from its lead-in), under `prev:`.
 */
export function sentenceFeatures(set: FeatureSet, text: string, language: 'en' | 'zh', matches: readonly Match[], previous: readonly Match[] = []): FeatureBag {
  if (set === 'scheme' || set === 'scheme-decision') return schemeFeatures([{ text, matches }], 0, language, set === 'scheme-decision');
  if (set === 'words') return wordFeatures(text, language);
  if (set === 'engine') return engineFeatures(matches);
  const both: FeatureBag = new Map([...wordFeatures(text, language), ...engineFeatures(matches)]);
  if (set === 'context') for (const [name, value] of engineFeatures(previous)) both.set(`prev:${name}`, value);
  return both;
}

/** Feature names to column indices, built from training rows only; unseen names are dropped when encoding. */
export class Vocabulary {
  readonly names: string[] = [];
  private readonly index = new Map<string, number>();

  /** The names that occur in at least `minRows` of `bags`. */
  static fit(bags: readonly FeatureBag[], minRows: number): Vocabulary {
    const rows = new Map<string, number>();
    for (const bag of bags) for (const name of bag.keys()) rows.set(name, (rows.get(name) ?? 0) + 1);
    const vocabulary = new Vocabulary();
    for (const [name, n] of [...rows].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
      if (n < minRows) continue;
      vocabulary.index.set(name, vocabulary.names.length);
      vocabulary.names.push(name);
    }
    return vocabulary;
  }

  encode(bag: FeatureBag): SparseRow {
    const indices: number[] = [];
    const values: number[] = [];
    for (const [name, value] of bag) {
      const i = this.index.get(name);
      if (i === undefined || value === 0) continue;
      indices.push(i);
      values.push(value);
    }
    return { indices, values };
  }
}
