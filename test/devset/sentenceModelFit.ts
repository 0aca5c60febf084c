// Fitting and choosing a sentence model for one polarity, with every choice made on training documents only:
// documents are split into seeded folds (never a document across folds), the regularisation and the decision
// threshold are picked by F1 on out-of-fold predictions, and the model is then refitted on all its documents.
import { Match, Polarity } from '../../src/core/index';
import { countOutcome, emptyScores, finishScores, Scores } from './evaluate';
import { DEFAULT_LOGISTIC, fitLogistic, LogisticModel, probability } from './logistic';
import { seededOrder } from './seededOrder';
import { schemeFeatures, SchemeSentence } from './schemeFeatures';
import { engineDecision, FeatureBag, FeatureSet, sentenceFeatures, Vocabulary } from './sentenceFeatures';

/** One labelled sentence with the engine's output and its features. */
export interface Example {
  doc: string;
  labels: Record<Polarity, boolean>;
  engine: Record<Polarity, boolean>;
  bags: Record<FeatureSet, FeatureBag>;
}

/**
 * A model form: logistic regression on a feature set deciding alone, or a gate that keeps the engine's decision
 * only where the model, fitted on the sentences the engine counts, agrees.
 */
export interface ModelSpec {
  name: string;
  features: FeatureSet;
  gate: boolean;
  /** Train only on the documents of the retired fresh groups (--round), not on the whole rest. */
  freshOnly?: boolean;
}

export interface FittedModel {
  spec: ModelSpec;
  polarity: Polarity;
  vocabulary: Vocabulary;
  model: LogisticModel;
  c: number;
  threshold: number;
}

export interface SelectionOptions {
  /** Folds of the inner split that picks C and the threshold. */
  innerFolds: number;
  seed: number;
}

const C_GRID: readonly number[] = [0.3, 1, 3];
const THRESHOLDS: readonly number[] = Array.from({ length: 19 }, (_, i) => (i + 1) / 20);
/** A feature must occur in this many training sentences to get a weight. */
const MIN_ROWS = 2;

/**
 * An example from a labelled sentence, the engine's matches in it and in the sentence before it; `document` (the
 * document's sentences in order and this one's index among them) gives the scheme features a list item's lead-in.
 */
export function makeExample(
  doc: string,
  text: string,
  language: 'en' | 'zh',
  labels: Record<Polarity, boolean>,
  matches: readonly Match[],
  previous: readonly Match[],
  document: { sentences: readonly SchemeSentence[]; index: number } = { sentences: [{ text, matches }], index: 0 },
): Example {
  return {
    doc,
    labels,
    engine: { control: engineDecision(matches, 'control'), engagement: engineDecision(matches, 'engagement') },
    bags: {
      words: sentenceFeatures('words', text, language, matches),
      engine: sentenceFeatures('engine', text, language, matches),
      both: sentenceFeatures('both', text, language, matches),
      context: sentenceFeatures('context', text, language, matches, previous),
      scheme: schemeFeatures(document.sentences, document.index, language),
      'scheme-decision': schemeFeatures(document.sentences, document.index, language, true),
    },
  };
}

/** The documents split into `k` folds, after a shuffle seeded by `seed`; each document in exactly one fold. */
export function documentFolds(docs: readonly string[], k: number, seed: number): string[][] {
  const order = seededOrder(docs, seed);
  const folds: string[][] = Array.from({ length: Math.min(k, order.length) }, () => []);
  order.forEach((doc, i) => folds[i % folds.length].push(doc));
  return folds;
}

/** Fits at a given C and threshold, on all of `train`, or for a gate on the sentences the engine counts. */
export function fitWith(spec: ModelSpec, polarity: Polarity, train: readonly Example[], c: number, threshold: number): FittedModel {
  const rows = spec.gate ? train.filter((e) => e.engine[polarity]) : train;
  const bags = rows.map((e) => e.bags[spec.features]);
  const vocabulary = Vocabulary.fit(bags, MIN_ROWS);
  const model = fitLogistic(
    bags.map((b) => vocabulary.encode(b)),
    rows.map((e) => e.labels[polarity]),
    vocabulary.names.length,
    { ...DEFAULT_LOGISTIC, c },
  );
  return { spec, polarity, vocabulary, model, c, threshold };
}

/** The model's probability that the example carries the polarity. */
export function scoreExample(fitted: FittedModel, example: Example): number {
  return probability(fitted.model, fitted.vocabulary.encode(example.bags[fitted.spec.features]));
}

/** The sentence-level prediction: the model alone, or the engine's decision kept where the model agrees. */
export function decide(fitted: FittedModel, example: Example, p: number = scoreExample(fitted, example)): boolean {
  if (fitted.spec.gate && !example.engine[fitted.polarity]) return false;
  return p >= fitted.threshold;
}

/** Picks C and the threshold by F1 over inner folds of `train`, then refits on all of `train`. */
export function fitSelected(spec: ModelSpec, polarity: Polarity, train: readonly Example[], options: SelectionOptions): FittedModel {
  const folds = documentFolds(
    train.map((e) => e.doc),
    options.innerFolds,
    options.seed,
  );
  let best = { c: C_GRID[0], threshold: 0.5, f1: -1 };
  for (const c of C_GRID) {
    const scored: { example: Example; p: number }[] = [];
    for (const fold of folds) {
      const held = new Set(fold);
      const fitted = fitWith(
        spec,
        polarity,
        train.filter((e) => !held.has(e.doc)),
        c,
        0.5,
      );
      for (const example of train.filter((e) => held.has(e.doc))) scored.push({ example, p: scoreExample(fitted, example) });
    }
    // A gate may also keep every engine decision (threshold 0): choosing it means the model did not help.
    for (const threshold of spec.gate ? [0, ...THRESHOLDS] : THRESHOLDS) {
      const s = emptyScores();
      for (const { example, p } of scored) countOutcome(s, example.labels[polarity], (!spec.gate || example.engine[polarity]) && p >= threshold);
      finishScores(s);
      if (s.f1 > best.f1) best = { c, threshold, f1: s.f1 };
    }
  }
  return fitWith(spec, polarity, train, best.c, best.threshold);
}

/** Scores of a fitted model's decisions on examples. */
export function scoreDecisions(examples: readonly Example[], polarity: Polarity, guess: (e: Example) => boolean): Scores {
  const s = emptyScores();
  for (const e of examples) countOutcome(s, e.labels[polarity], guess(e));
  finishScores(s);
  return s;
}

/** Margins |p − threshold| a flag may require, and the flag precision on the rest that picks the smallest. */
export const MARGINS: readonly number[] = [0, 0.1, 0.2, 0.3, 0.4];
export const FLAG_PRECISION = 0.6;

/** The review flag's counts on a set of sentences. */
export interface Flags {
  margin: number;
  flags: number;
  /** Sentences where the engine's decision differs from the label. */
  engineErrors: number;
  /** Of those, the flagged ones: the flags where the label sides with the model (a flag's model and engine differ). */
  caught: number;
}

/** A model's decisions on examples it did not train on: the probability and the threshold it used. */
export type Scored = Map<Example, { p: number; threshold: number; decision: boolean }>;

/** The review flag: the sentences where the model's decision differs from the engine's by at least `margin`. */
export function flagCounts(examples: readonly Example[], polarity: Polarity, scored: Scored, margin: number): Flags {
  const flags: Flags = { margin, flags: 0, engineErrors: 0, caught: 0 };
  for (const e of examples) {
    const s = scored.get(e);
    const engineWrong = e.engine[polarity] !== e.labels[polarity];
    if (engineWrong) flags.engineErrors++;
    if (s === undefined || s.decision === e.engine[polarity] || Math.abs(s.p - s.threshold) < margin) continue;
    flags.flags++;
    if (engineWrong) flags.caught++;
  }
  return flags;
}

/** The smallest margin whose flags on the rest's cross-validation are right in FLAG_PRECISION of cases; else the best. */
export function chooseMargin(pool: readonly Example[], polarity: Polarity, scored: Scored): number {
  let best = { margin: MARGINS[MARGINS.length - 1], precision: -1 };
  for (const margin of MARGINS) {
    const f = flagCounts(pool, polarity, scored, margin);
    if (f.flags === 0) continue;
    const precision = f.caught / f.flags;
    if (precision >= FLAG_PRECISION) return margin;
    if (precision > best.precision) best = { margin, precision };
  }
  return best.margin;
}
