// Scores the engine against a labelled development set: a sentence is predicted control (engagement) when
// it holds at least one annotation of that polarity that is not negated.
import { Engine, Match, Polarity } from '../../src/core/index';

export interface LabelledSentence {
  line: number;
  control: boolean;
  engagement: boolean;
  tag: string;
  genre: string;
  sentence: string;
}

export interface Scores {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface Outcome {
  item: LabelledSentence;
  predicted: Record<Polarity, boolean>;
  matches: Match[];
}

export interface Evaluation {
  sentences: number;
  hard: number;
  scores: Record<Polarity, Scores>;
  byTag: Map<string, { sentences: number; correct: number }>;
  errors: Outcome[];
}

const HEADER = ['control', 'engagement', 'tag', 'genre', 'sentence'];

/** Parses a development-set TSV; throws naming the line of the first malformed row. */
export function parseDevSet(text: string, file: string): LabelledSentence[] {
  const lines = text.split(/\r?\n/);
  if (lines[0]?.split('\t').join(',') !== HEADER.join(',')) throw new Error(`${file}:1: the header must be ${HEADER.join('<TAB>')}`);
  const items: LabelledSentence[] = [];
  for (let i = 1; i < lines.length; i++) {
    if (lines[i].trim() === '') continue;
    const cells = lines[i].split('\t');
    if (cells.length !== 5 || !/^[01]$/.test(cells[0]) || !/^[01]$/.test(cells[1]) || cells[4].trim() === '') {
      throw new Error(`${file}:${i + 1}: expected control(0/1) engagement(0/1) tag genre sentence, tab-separated`);
    }
    items.push({ line: i + 1, control: cells[0] === '1', engagement: cells[1] === '1', tag: cells[2], genre: cells[3], sentence: cells[4] });
  }
  return items;
}

export function evaluate(engine: Engine, items: readonly LabelledSentence[]): Evaluation {
  const counts: Record<Polarity, Scores> = { control: emptyScores(), engagement: emptyScores() };
  const byTag = new Map<string, { sentences: number; correct: number }>();
  const errors: Outcome[] = [];
  for (const item of items) {
    const matches = engine.analyze(item.sentence).matches();
    const predicted = {
      control: matches.some((m) => !m.negated && m.polarity === 'control'),
      engagement: matches.some((m) => !m.negated && m.polarity === 'engagement'),
    };
    for (const polarity of ['control', 'engagement'] as const) {
      countOutcome(counts[polarity], item[polarity], predicted[polarity]);
    }
    const correct = predicted.control === item.control && predicted.engagement === item.engagement;
    const tag = byTag.get(item.tag) ?? { sentences: 0, correct: 0 };
    tag.sentences++;
    if (correct) tag.correct++;
    byTag.set(item.tag, tag);
    if (!correct) errors.push({ item, predicted, matches });
  }
  for (const s of Object.values(counts)) finishScores(s);
  return { sentences: items.length, hard: items.filter((i) => i.tag !== '-').length, scores: counts, byTag, errors };
}

/** Adds one prediction to the counts. */
export function countOutcome(s: Scores, truth: boolean, guess: boolean): void {
  if (truth && guess) s.tp++;
  else if (!truth && guess) s.fp++;
  else if (truth && !guess) s.fn++;
  else s.tn++;
}

/** All counts 0. */
export function emptyScores(): Scores {
  return { tp: 0, fp: 0, fn: 0, tn: 0, precision: 0, recall: 0, f1: 0 };
}

/** Fills precision, recall and F1 from the counts. */
export function finishScores(s: Scores): void {
  s.precision = s.tp + s.fp === 0 ? 0 : s.tp / (s.tp + s.fp);
  s.recall = s.tp + s.fn === 0 ? 0 : s.tp / (s.tp + s.fn);
  s.f1 = s.precision + s.recall === 0 ? 0 : (2 * s.precision * s.recall) / (s.precision + s.recall);
}
