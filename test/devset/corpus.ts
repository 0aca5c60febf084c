// Scores the engine on the real-text corpus (test/corpus): each document is analysed whole, as a user would
// open it, and each match is counted in the sentence (as the engine splits them) where it starts. A labelled
// row names its document, the sentence's ordinal and its text, which must equal the engine's sentence.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Engine, Match, Polarity } from '../../src/core/index';
import { sentenceSpans } from '../../src/core/sentences';
import { countOutcome, emptyScores, finishScores, Scores } from './evaluate';

export interface CorpusLabel {
  doc: string;
  sentence: number;
  control: boolean;
  engagement: boolean;
  text: string;
  line: number;
}

export interface CorpusOutcome {
  label: CorpusLabel;
  predicted: Record<Polarity, boolean>;
  matches: Match[];
}

export interface EntryPrecision {
  entry: string;
  polarity: Polarity;
  /** Sentences where the entry made a counted match. */
  sentences: number;
  /** Of those, sentences labelled with the entry's polarity. */
  correct: number;
  precision: number;
}

export interface CorpusEvaluation {
  language: 'en' | 'zh';
  sentences: number;
  scores: Record<Polarity, Scores>;
  outcomes: CorpusOutcome[];
}

const HEADER = 'doc\tsentence\tcontrol\tengagement\ttext';

/** Parses a label file; throws naming the line of the first malformed row. */
export function parseCorpusLabels(text: string, file: string): CorpusLabel[] {
  return labelRows(text, file, HEADER, (cells) => isCodedRow(cells, 5), 'doc, sentence ordinal, control (0/1), engagement (0/1), text').map(({ cells, line }) => ({
    ...codedCells(cells),
    text: cells[4],
    line,
  }));
}

/** True for a row of `width` cells that starts with a document id, a sentence ordinal and two 0/1 codes. */
export function isCodedRow(cells: readonly string[], width: number): boolean {
  return cells.length === width && /^\d+$/.test(cells[1]) && /^[01]$/.test(cells[2]) && /^[01]$/.test(cells[3]);
}

/** A coded row's first four cells: document, sentence ordinal and the two codes. */
export function codedCells(cells: readonly string[]): Pick<CorpusLabel, 'doc' | 'sentence' | 'control' | 'engagement'> {
  return { doc: cells[0], sentence: Number(cells[1]), control: cells[2] === '1', engagement: cells[3] === '1' };
}

export function labelRows(text: string, file: string, header: string, valid: (cells: string[]) => boolean, expected: string): { cells: string[]; line: number }[] {
  const lines = text.split(/\r?\n/);
  if (lines[0] !== header) throw new Error(`${file}:1: the header must be ${header.replace(/\t/g, '<TAB>')}`);
  const rows: { cells: string[]; line: number }[] = [];
  for (let i = 1; i < lines.length; i++) {
    if (lines[i] === '') continue;
    const cells = lines[i].split('\t');
    if (!valid(cells)) throw new Error(`${file}:${i + 1}: expected ${expected}, tab-separated`);
    rows.push({ cells, line: i + 1 });
  }
  return rows;
}

/** A sentence's text as a label row holds it: runs of white space as one space. */
export function labelText(text: string): string {
  return text.replace(/\s+/g, ' ');
}

/** The language of a document, from its id's prefix (en…, zh…). */
export function docLanguage(doc: string): 'en' | 'zh' {
  return doc.startsWith('zh') ? 'zh' : 'en';
}

/**
 * Analyses each labelled document once and pairs every labelled sentence with the engine's prediction; `spansOf`
 * splits sentences (another build's engine brings its own).
 */
export function predictCorpus(engine: Pick<Engine, 'analyze'>, labels: readonly CorpusLabel[], corpusDir: string, file: string, spansOf: (text: string) => readonly { start: number; end: number }[] = sentenceSpans): CorpusOutcome[] {
  const byDoc = new Map<string, CorpusLabel[]>();
  for (const label of labels) byDoc.set(label.doc, [...(byDoc.get(label.doc) ?? []), label]);
  const outcomes: CorpusOutcome[] = [];
  for (const [doc, rows] of byDoc) {
    const text = readFileSync(join(corpusDir, docLanguage(doc), `${doc}.txt`), 'utf8');
    const spans = spansOf(text);
    const perSentence: Match[][] = spans.map(() => []);
    let s = 0;
    for (const m of engine.analyze(text).matches()) {
      while (s < spans.length - 1 && m.start >= spans[s].end) s++;
      if (m.start >= spans[s].start && m.start < spans[s].end) perSentence[s].push(m);
    }
    for (const label of rows) {
      const span = spans[label.sentence];
      const actual = span ? labelText(text.slice(span.start, span.end)) : '(none)';
      if (actual !== label.text) throw new Error(`${file}:${label.line}: sentence ${label.sentence} of ${doc} is "${actual}", not the labelled text`);
      const matches = perSentence[label.sentence];
      const predicted = {
        control: matches.some((m) => !m.negated && m.polarity === 'control'),
        engagement: matches.some((m) => !m.negated && m.polarity === 'engagement'),
      };
      outcomes.push({ label, predicted, matches });
    }
  }
  return outcomes;
}

/** Precision, recall and F1 per polarity of the outcomes of one language. */
export function scoreCorpus(outcomes: readonly CorpusOutcome[], language: 'en' | 'zh'): CorpusEvaluation {
  const mine = outcomes.filter((o) => docLanguage(o.label.doc) === language);
  const scores: Record<Polarity, Scores> = { control: emptyScores(), engagement: emptyScores() };
  for (const o of mine) {
    for (const polarity of ['control', 'engagement'] as const) {
      countOutcome(scores[polarity], o.label[polarity], o.predicted[polarity]);
    }
  }
  for (const s of Object.values(scores)) finishScores(s);
  return { language, sentences: mine.length, scores, outcomes: mine };
}

/** Per lexicon entry: in how many sentences it made a counted match, and how many of those carry its polarity's label. */
export function entryPrecision(outcomes: readonly CorpusOutcome[]): EntryPrecision[] {
  const table = new Map<string, EntryPrecision>();
  for (const o of outcomes) {
    const seen = new Set<string>();
    for (const m of o.matches) {
      if (m.negated) continue;
      const key = `${m.polarity}\u0000${m.entry}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const row = table.get(key) ?? { entry: m.entry, polarity: m.polarity, sentences: 0, correct: 0, precision: 0 };
      row.sentences++;
      if (o.label[m.polarity]) row.correct++;
      table.set(key, row);
    }
  }
  const rows = [...table.values()];
  for (const r of rows) r.precision = r.correct / r.sentences;
  return rows.sort((a, b) => a.precision - b.precision || b.sentences - a.sentences || a.entry.localeCompare(b.entry));
}
