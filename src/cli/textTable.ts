// The --format text table: one row per document with a lean bar, then a total over all documents.
import type { DocumentFigures } from './analyse';

const BAR_HALF = 10;


export function textRow(d: DocumentFigures): string {
  const label = d.lean.label + (d.lean.thin && d.lean.index !== null ? ' (thin)' : '');
  return row(d.lean.index, label, d.control.weight, d.engagement.weight, d.words, d.language, d.source);
}

/** Adds up the documents as they are written, for the corpus line under the table. */
export class TextTotals {
  private control = 0;
  private engagement = 0;
  private words = 0;
  private count = 0;

  add(d: DocumentFigures): void {
    this.control += d.control.weight;
    this.engagement += d.engagement.weight;
    this.words += d.words;
    this.count++;
  }

  footer(): string {
    const sum = this.control + this.engagement;
    const index = sum === 0 ? null : (this.engagement - this.control) / sum;
    const documents = `${this.count} document${this.count === 1 ? '' : 's'}`;
    return `${'-'.repeat(TEXT_HEADER.length - 1)}\n${row(index, 'all documents', this.control, this.engagement, this.words, '', documents)}`;
  }
}

/** `[------#---|----------]`: the marker sits left of the centre for control, right for engagement. */
export function leanBar(index: number | null): string {
  const cells: string[] = Array.from({ length: 2 * BAR_HALF + 1 }, (_, i) => (i === BAR_HALF ? '|' : '-'));
  if (index !== null) cells[BAR_HALF + Math.round(index * BAR_HALF)] = '#';
  return `[${cells.join('')}]`;
}

function row(index: number | null, label: string, control: number, engagement: number, words: number, language: string, source: string): string {
  const lean = index === null ? '-' : index.toFixed(2);
  return columns(lean, label, leanBar(index), control.toFixed(2), engagement.toFixed(2), String(words), language, source);
}

function columns(lean: string, label: string, bar: string, control: string, engagement: string, words: string, language: string, source: string): string {
  return `${lean.padStart(6)}  ${label.padEnd(23)}${bar}  ${control.padStart(10)}  ${engagement.padStart(10)}  ${words.padStart(9)}  ${language.padEnd(5)}  ${source}\n`;
}

export const TEXT_HEADER = columns('lean', 'label', `C <${'-'.repeat(BAR_HALF - 2)}|${'-'.repeat(BAR_HALF - 2)}> E`, 'control', 'engagement', 'words', 'lang', 'source');
