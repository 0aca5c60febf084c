// The --format text table: a legend and column header, one row per document with a lean bar, then a total over
// all documents. The figures and their names are those of the JSON report and the sidebar (docs/measurement.md).
import { BALANCED_BAND, lean, THIN_EVIDENCE } from '../core/tally';
import type { Lean, PolarityTally, Units } from '../core/types';
import { printable } from './printable';

/** What the text table's footer adds up, and all a row needs. */
export interface DocumentFigures {
  source: string;
  language: string;
  words: number;
  units: Units;
  control: PolarityTally;
  engagement: PolarityTally;
  lean: Lean;
}

/** A row's figures picked out of a report summary, so the summary's categories and sections are not kept with them. */
export function tableFigures(source: string, summary: Omit<DocumentFigures, 'source'>): DocumentFigures {
  return { source, language: summary.language, words: summary.words, units: summary.units, control: summary.control, engagement: summary.engagement, lean: summary.lean };
}

const BAR_HALF = 10;
/** Fits "engagement-leaning (thin)" and a space. */
const LABEL_WIDTH = 26;

export function textRow(d: DocumentFigures): string {
  return row(d.lean.index, leanLabel(d.lean.label, d.lean.thin, d.lean.index), d.units, d.control.matches, d.engagement.matches, d.words, d.language, printable(d.source));
}

function leanLabel(label: string, thin: boolean, index: number | null): string {
  return label + (thin && index !== null ? ' (thin)' : '');
}

/** Adds up the documents as they are written, for the corpus line under the table. */
export class TextTotals {
  private readonly units: Units = { sentences: 0, control: 0, engagement: 0, both: 0 };
  private control = 0;
  private engagement = 0;
  private words = 0;
  private count = 0;

  add(d: DocumentFigures): void {
    this.units.sentences += d.units.sentences;
    this.units.control += d.units.control;
    this.units.engagement += d.units.engagement;
    this.units.both += d.units.both;
    this.control += d.control.matches;
    this.engagement += d.engagement.matches;
    this.words += d.words;
    this.count++;
  }

  footer(): string {
    const total = lean(this.units);
    const documents = `${this.count} document${this.count === 1 ? '' : 's'}`;
    const label = `all documents${total.thin && total.index !== null ? ' (thin)' : ''}`;
    return `${'-'.repeat(COLUMNS.length - 1)}\n${row(total.index, label, this.units, this.control, this.engagement, this.words, '', documents)}`;
  }
}

/** `[------#---|----------]`: the marker sits left of the centre for control, right for engagement. */
function leanBar(index: number | null): string {
  const cells: string[] = Array.from({ length: 2 * BAR_HALF + 1 }, (_, i) => (i === BAR_HALF ? '|' : '-'));
  if (index !== null) cells[BAR_HALF + Math.round(index * BAR_HALF)] = '#';
  return `[${cells.join('')}]`;
}

function row(index: number | null, label: string, units: Units, control: number, engagement: number, words: number, language: string, source: string): string {
  const lean = index === null ? '-' : index > 0 ? `+${index.toFixed(2)}` : index.toFixed(2);
  return columns(lean, label, leanBar(index), [units.sentences, units.control, units.engagement, units.both, control, engagement].map(String), String(words), language, source);
}

/** Widths of the six counts: sentences (all, control, engagement, both), then matches (control, engagement). */
const COUNT_WIDTHS = [9, 7, 10, 5, 7, 10];

function columns(lean: string, label: string, bar: string, counts: readonly string[], words: string, language: string, source: string): string {
  const figures = counts.map((c, i) => c.padStart(COUNT_WIDTHS[i])).join('  ');
  return `${lean.padStart(6)}  ${label.padEnd(LABEL_WIDTH)}${bar}  ${figures}  ${words.padStart(9)}  ${language.padEnd(5)}  ${source}\n`;
}

const COLUMNS = columns('lean', 'label', `C <${'-'.repeat(BAR_HALF - 2)}|${'-'.repeat(BAR_HALF - 2)}> E`, ['all', 'control', 'engagement', 'both', 'control', 'engagement'], 'words', 'lang', 'source');

/** Where the two groups of counts sit in a row, for the line that names them. */
function groupLine(): string {
  const before = 6 + 2 + LABEL_WIDTH + 2 * BAR_HALF + 3 + 2;
  const sentences = COUNT_WIDTHS.slice(0, 4).reduce((a, b) => a + b, 0) + 3 * 2;
  const matches = COUNT_WIDTHS.slice(4).reduce((a, b) => a + b, 0) + 2;
  const group = (name: string, width: number): string => {
    const dashes = width - name.length - 2;
    return `${'-'.repeat(Math.floor(dashes / 2))} ${name} ${'-'.repeat(Math.ceil(dashes / 2))}`;
  };
  return `${' '.repeat(before)}${group('sentences', sentences)}  ${group('matches', matches)}\n`;
}

/** What each column is, then the column names. */
export const TEXT_HEADER =
  '# lean = (E - C) / (E + C), where E and C count sentences holding at least one counted engagement or control match\n' +
  `# (a sentence can be both); labels: control-leaning <= -${BALANCED_BAND.toFixed(2)} < balanced < +${BALANCED_BAND.toFixed(2)} <= engagement-leaning;\n` +
  `# (thin) = fewer than ${THIN_EVIDENCE} sentences hold a match. sentences: all, control, engagement, both. matches: counted\n` +
  '# matches (negated and exempted ones excluded). words: Latin words plus Chinese words (docs/measurement.md).\n' +
  groupLine() +
  COLUMNS;
