// The blind second coding of part of the tuning half (test/corpus/labels/second-coding.tsv) and its join with
// the first coding: every row must name a sentence of the first coding, with the same text, once, and every
// document it codes must be coded whole, so that the agreement figures compare the same sentences.
import { codedCells, CorpusLabel, isCodedRow, labelRows } from './corpus';

export interface SecondCodingRow {
  doc: string;
  sentence: number;
  control: boolean;
  engagement: boolean;
  /** The second coder's note on a hard call: the scheme principle applied. */
  note: string;
  text: string;
  line: number;
}

/** A sentence as both coders coded it. */
export interface CodedTwice {
  first: CorpusLabel;
  second: SecondCodingRow;
}

const HEADER = 'doc\tsentence\tcontrol\tengagement\tnote\ttext';

/** Parses the second coding; throws naming the line of the first malformed row. */
export function parseSecondCoding(text: string, file: string): SecondCodingRow[] {
  return labelRows(text, file, HEADER, (cells) => isCodedRow(cells, 6), 'doc, sentence ordinal, control (0/1), engagement (0/1), note, text').map(({ cells, line }) => ({
    ...codedCells(cells),
    note: cells[4],
    text: cells[5],
    line,
  }));
}

/**
 * Pairs each second-coding row with the first coding's row of the same document and sentence. Throws naming the
 * line of a row whose document or sentence the first coding lacks, whose text differs, or that repeats an earlier
 * row, and naming a document the second coding does not code whole.
 */
export function joinCodings(first: readonly CorpusLabel[], second: readonly SecondCodingRow[], secondFile: string, firstFile: string): CodedTwice[] {
  const byKey = new Map(first.map((l) => [key(l.doc, l.sentence), l]));
  const docs = new Set(first.map((l) => l.doc));
  const seen = new Map<string, number>();
  const joined: CodedTwice[] = [];
  for (const row of second) {
    const at = `${secondFile}:${row.line}`;
    if (!docs.has(row.doc)) throw new Error(`${at}: ${row.doc} is not a document of ${firstFile}`);
    const label = byKey.get(key(row.doc, row.sentence));
    if (label === undefined) throw new Error(`${at}: ${row.doc} has no sentence ${row.sentence} in ${firstFile}`);
    if (label.text !== row.text) throw new Error(`${at}: the text of ${row.doc} sentence ${row.sentence} differs from ${firstFile}:${label.line}`);
    const earlier = seen.get(key(row.doc, row.sentence));
    if (earlier !== undefined) throw new Error(`${at}: ${row.doc} sentence ${row.sentence} is coded again (first at line ${earlier})`);
    seen.set(key(row.doc, row.sentence), row.line);
    joined.push({ first: label, second: row });
  }
  for (const doc of new Set(second.map((r) => r.doc))) {
    const missing = first.filter((l) => l.doc === doc && !seen.has(key(doc, l.sentence))).map((l) => l.sentence);
    if (missing.length > 0) throw new Error(`${secondFile}: ${doc} is not coded whole: sentences ${missing.join(', ')} of ${firstFile} are missing`);
  }
  return joined;
}

const key = (doc: string, sentence: number): string => `${doc}#${sentence}`;
