// The sections of an analysed text, counted into one array of numbers, a row per section: a report writes them from
// it, with no object per section (a statute has one per article, and 10 MB of them made 20,000 SectionTally objects
// of five objects each, which the collector copied as they outlived the young generation). Views read the objects
// that tallies() makes from the same rows.
import { headingAt } from './headings';
import { matchCount } from './matchList';
import type { MatchReader } from './matchList';
import type { BlockResult } from './scan';
import { blockUnits, lean, polarityTally } from './tally';
import type { SectionTally, Units } from './types';

const LEVEL = 0;
/** The enclosing section's row, −1 for none. */
const PARENT = 1;
const START_LINE = 2;
const END_LINE = 3;
const START_OFFSET = 4;
const END_OFFSET = 5;
const WORDS = 6;
const SENTENCES = 7;
const UNITS_CONTROL = 8;
const UNITS_ENGAGEMENT = 9;
const UNITS_BOTH = 10;
const CONTROL_MATCHES = 11;
const CONTROL_WEIGHT_MILLI = 12;
const ENGAGEMENT_MATCHES = 13;
const ENGAGEMENT_WEIGHT_MILLI = 14;
/** The heading's block, −1 for the preamble. */
const HEADING = 15;
const FIELDS = 16;

export class SectionTable {
  /** FIELDS numbers per section, in document order. */
  private rows = new Float64Array(FIELDS * 64);
  private size = 0;

  private constructor(
    private readonly blocks: readonly BlockResult[],
    private readonly text: string,
  ) {}

  /**
   * The sections of a text analysed as `blocks` starting at `starts`, as a tree in document order: one per heading
   * block, and a preamble for the text before the first heading when there are headings. A heading closes the open
   * sections of its rank or deeper and opens inside the rest, so headings out of order still make a tree. Each
   * section's figures include its subsections.
   */
  static count(blocks: readonly BlockResult[], starts: readonly number[], text: string, reader: MatchReader): SectionTable {
    const table = new SectionTable(blocks, text);
    /** The open sections' rows, innermost last, and their headings' ranks (see headings.ts). */
    const open: number[] = [];
    const ranks: number[] = [];
    let hasHeading = false;
    const close = (endLine: number, endOffset: number): void => {
      const s = open.pop() as number;
      ranks.pop();
      const rows = table.rows;
      const at = s * FIELDS;
      rows[at + LEVEL] = open.length + 1;
      rows[at + END_LINE] = Math.max(rows[at + START_LINE], endLine);
      rows[at + END_OFFSET] = endOffset;
      if (open.length === 0) return;
      const parent = open[open.length - 1];
      rows[at + PARENT] = parent;
      // The parent's figures include this section's.
      const to = parent * FIELDS;
      for (let f = WORDS; f <= ENGAGEMENT_WEIGHT_MILLI; f++) rows[to + f] += rows[at + f];
    };
    let line = 0;
    for (let i = 0; i < blocks.length; i++) {
      const block = blocks[i];
      if (block.headingLevel >= 0 || (table.size === 0 && block.words > 0)) {
        const rank = block.headingLevel >= 0 ? block.headingLevel : Infinity;
        while (open.length > 0 && ranks[ranks.length - 1] >= rank) close(line - 1, starts[i]);
        hasHeading ||= block.headingLevel >= 0;
        const row = table.add();
        const at = row * FIELDS;
        table.rows[at + PARENT] = -1;
        table.rows[at + START_LINE] = line;
        table.rows[at + START_OFFSET] = starts[i];
        table.rows[at + HEADING] = block.headingLevel >= 0 ? i : -1;
        open.push(row);
        ranks.push(rank);
      }
      if (open.length > 0) {
        const rows = table.rows;
        const at = open[open.length - 1] * FIELDS;
        rows[at + WORDS] += block.words;
        const units = blockUnits(block, reader);
        rows[at + SENTENCES] += units.sentences;
        rows[at + UNITS_CONTROL] += units.control;
        rows[at + UNITS_ENGAGEMENT] += units.engagement;
        rows[at + UNITS_BOTH] += units.both;
        const list = block.matches;
        const count = matchCount(list);
        for (let m = 0; m < count; m++) {
          if (reader.negated(list, m)) continue;
          const control = reader.isControl(list, m);
          rows[at + (control ? CONTROL_MATCHES : ENGAGEMENT_MATCHES)]++;
          rows[at + (control ? CONTROL_WEIGHT_MILLI : ENGAGEMENT_WEIGHT_MILLI)] += reader.weightMilli(list, m);
        }
      }
      line += block.newlines;
    }
    while (open.length > 0) close(line, text.length);
    if (!hasHeading) table.size = 0;
    return table;
  }

  /** How many sections. */
  get length(): number {
    return this.size;
  }

  title(i: number): string {
    const heading = this.rows[i * FIELDS + HEADING];
    if (heading < 0) return '(preamble)';
    const block = this.blocks[heading];
    return (block.title ??= titleOfHeading(this.text, this.rows[i * FIELDS + START_OFFSET]));
  }

  level(i: number): number {
    return this.rows[i * FIELDS + LEVEL];
  }

  parent(i: number): number | null {
    const parent = this.rows[i * FIELDS + PARENT];
    return parent < 0 ? null : parent;
  }

  startLine(i: number): number {
    return this.rows[i * FIELDS + START_LINE];
  }

  endLine(i: number): number {
    return this.rows[i * FIELDS + END_LINE];
  }

  words(i: number): number {
    return this.rows[i * FIELDS + WORDS];
  }

  units(i: number): Units {
    const at = i * FIELDS;
    const rows = this.rows;
    return { sentences: rows[at + SENTENCES], control: rows[at + UNITS_CONTROL], engagement: rows[at + UNITS_ENGAGEMENT], both: rows[at + UNITS_BOTH] };
  }

  /** Counted matches and their weight in thousandths, of the control or the engagement polarity. */
  matches(i: number, control: boolean): number {
    return this.rows[i * FIELDS + (control ? CONTROL_MATCHES : ENGAGEMENT_MATCHES)];
  }

  weightMilli(i: number, control: boolean): number {
    return this.rows[i * FIELDS + (control ? CONTROL_WEIGHT_MILLI : ENGAGEMENT_WEIGHT_MILLI)];
  }

  /** Section `i` as views read it. */
  tally(i: number): SectionTally {
    const at = i * FIELDS;
    const rows = this.rows;
    const words = rows[at + WORDS];
    const units = this.units(i);
    return {
      title: this.title(i),
      level: rows[at + LEVEL],
      parent: this.parent(i),
      startLine: rows[at + START_LINE],
      endLine: rows[at + END_LINE],
      startOffset: rows[at + START_OFFSET],
      endOffset: rows[at + END_OFFSET],
      words,
      units,
      control: polarityTally({ matches: rows[at + CONTROL_MATCHES], weightMilli: rows[at + CONTROL_WEIGHT_MILLI] }, words),
      engagement: polarityTally({ matches: rows[at + ENGAGEMENT_MATCHES], weightMilli: rows[at + ENGAGEMENT_WEIGHT_MILLI] }, words),
      lean: lean(units),
    };
  }

  /** Every section as views read them. */
  tallies(): SectionTally[] {
    const out = new Array<SectionTally>(this.size);
    for (let i = 0; i < this.size; i++) out[i] = this.tally(i);
    return out;
  }

  /** A new row of zeros. */
  private add(): number {
    if ((this.size + 1) * FIELDS > this.rows.length) {
      const bigger = new Float64Array(this.rows.length * 2);
      bigger.set(this.rows);
      this.rows = bigger;
    }
    return this.size++;
  }
}

/** The sections of a text analysed as `blocks` starting at `starts` (see SectionTable.count), as objects. */
export function sectionTallies(blocks: readonly BlockResult[], starts: readonly number[], text: string, reader: MatchReader): SectionTally[] {
  return SectionTable.count(blocks, starts, text, reader).tallies();
}

/** The title of the heading line at `start`, which analysis found to be one. */
function titleOfHeading(text: string, start: number): string {
  const newline = text.indexOf('\n', start);
  return headingAt(text, start, newline < 0 ? text.length : newline)?.title ?? '';
}
