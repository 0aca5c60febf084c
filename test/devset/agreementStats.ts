// Agreement between two binary codings of the same sentences: the cross table (coder 1 read as the truth,
// coder 2 as the guess, so that F1 is that of coder 2 against coder 1; F1 is symmetric in the two), observed
// agreement and Cohen's kappa.
import { countOutcome, emptyScores, finishScores, Scores } from './evaluate';

export interface Agreement {
  /** Sentences coded by both. */
  n: number;
  positivesFirst: number;
  positivesSecond: number;
  /** Share of sentences both code alike. */
  observed: number;
  /** Cohen's kappa; NaN when chance agreement is 1 (both coders give every sentence one value). */
  kappa: number;
  /** F1 of coder 2 against coder 1. */
  f1: number;
  table: Scores;
}

/** The cross table of two codings, pair by pair (first, second), with precision, recall and F1 filled. */
export function crossTable(pairs: readonly (readonly [boolean, boolean])[]): Scores {
  const s = emptyScores();
  for (const [first, second] of pairs) countOutcome(s, first, second);
  finishScores(s);
  return s;
}

/** Share of the table's sentences on which both codings agree (0 for an empty table). */
export function observedAgreement(s: Scores): number {
  const n = s.tp + s.fp + s.fn + s.tn;
  return n === 0 ? 0 : (s.tp + s.tn) / n;
}

/** Cohen's kappa: (observed − chance) / (1 − chance), chance from each coder's own share of positives. */
export function cohensKappa(s: Scores): number {
  const n = s.tp + s.fp + s.fn + s.tn;
  if (n === 0) return NaN;
  const first = (s.tp + s.fn) / n;
  const second = (s.tp + s.fp) / n;
  const chance = first * second + (1 - first) * (1 - second);
  return chance === 1 ? NaN : (observedAgreement(s) - chance) / (1 - chance);
}

/** All agreement figures of two codings, pair by pair (first, second). */
export function agreement(pairs: readonly (readonly [boolean, boolean])[]): Agreement {
  const table = crossTable(pairs);
  return {
    n: pairs.length,
    positivesFirst: table.tp + table.fn,
    positivesSecond: table.tp + table.fp,
    observed: observedAgreement(table),
    kappa: cohensKappa(table),
    f1: table.f1,
    table,
  };
}
