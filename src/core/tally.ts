// Running sums over blocks, kept exact (weights in thousandths) so that adding and removing blocks after
// an edit gives the same tally as counting from scratch; and the arithmetic of densities and the lean.
import { matchCount, matchEnd, MatchReader, matchStart } from './matchList';
import { BlockResult } from './scan';
import { headingAt } from './headings';
import { EntryTerms } from './term';
import { Category, CategoryTally, Language, Lean, PolarityTally, SectionTally, Tally, TermCount } from './types';

/** Below this many counted annotations the lean is flagged as thin evidence. */
export const THIN_EVIDENCE = 5;
/** |index| below this reads as balanced. */
export const BALANCED_BAND = 0.2;

/** Counted annotations and their weight in thousandths. */
export interface Sum {
  matches: number;
  weightMilli: number;
}

interface CategorySum extends Sum {
  /** A counter object per term, so that counting one is a single lookup. */
  terms: Map<string, { count: number }>;
}

export class TallyAccumulator {
  words = 0;
  latinWords = 0;
  hanChars = 0;
  sentences = 0;
  readonly control: Sum = { matches: 0, weightMilli: 0 };
  readonly engagement: Sum = { matches: 0, weightMilli: 0 };
  /** By category index (see MatchReader.categoryIndex). */
  private readonly categories: (CategorySum | undefined)[] = [];
  /** `terms` is shared by every analysis with the same lexicons: what it remembers does not depend on the document. */
  constructor(
    private readonly reader: MatchReader,
    private readonly terms: EntryTerms,
  ) {}

  /** Adds the counts of a block that starts at `base` in `text` (sign 1), or takes them away (sign −1). */
  apply(block: BlockResult, sign: 1 | -1, text: string, base: number): void {
    this.words += sign * block.words;
    this.latinWords += sign * block.latinWords;
    this.hanChars += sign * block.hanChars;
    this.sentences += sign * block.sentences;
    this.control.matches += sign * block.controlMatches;
    this.control.weightMilli += sign * block.controlWeightMilli;
    this.engagement.matches += sign * block.engagementMatches;
    this.engagement.weightMilli += sign * block.engagementWeightMilli;
    const list = block.matches;
    const reader = this.reader;
    const count = matchCount(list);
    for (let m = 0; m < count; m++) {
      if (reader.negated(list, m)) continue;
      const category = reader.categoryIndex(list, m);
      if (category < 0) continue;
      let sum = this.categories[category];
      if (sum === undefined) {
        while (this.categories.length < category) this.categories.push(undefined);
        sum = { matches: 0, weightMilli: 0, terms: new Map() };
        this.categories[category] = sum;
      }
      sum.matches += sign;
      sum.weightMilli += sign * reader.weightMilli(list, m);
      const term = this.terms.termAt(reader.entryIndex(list, m), text, base + matchStart(list, m), base + matchEnd(list, m));
      let counter = sum.terms.get(term);
      if (counter === undefined) {
        counter = { count: 0 };
        sum.terms.set(term, counter);
      }
      counter.count += sign;
      if (counter.count === 0) sum.terms.delete(term);
    }
  }

  /** `categories` are the lexicons' categories, in the order their indices count them. */
  categoryTallies(categories: readonly Category[]): CategoryTally[] {
    return categories.map((c, index) => {
      const sum = this.categories[index];
      const terms: TermCount[] = sum ? [...sum.terms].map(([term, counter]) => ({ term, count: counter.count })) : [];
      terms.sort((a, b) => b.count - a.count || (a.term < b.term ? -1 : a.term > b.term ? 1 : 0));
      return { id: c.id, label: c.label, polarity: c.polarity, matches: sum?.matches ?? 0, weight: (sum?.weightMilli ?? 0) / 1000, terms };
    });
  }
}

export function polarityTally(sum: Sum, words: number): PolarityTally {
  return { matches: sum.matches, weight: sum.weightMilli / 1000, per1000: words > 0 ? (sum.matches * 1000) / words : 0 };
}

export function lean(control: Sum, engagement: Sum): Lean {
  const total = control.weightMilli + engagement.weightMilli;
  if (total === 0) return { index: null, label: 'no signal', thin: true };
  const index = (engagement.weightMilli - control.weightMilli) / total;
  const label = index <= -BALANCED_BAND ? 'control-leaning' : index >= BALANCED_BAND ? 'engagement-leaning' : 'balanced';
  return { index, label, thin: control.matches + engagement.matches < THIN_EVIDENCE };
}

/** Columns of a section row in SectionRows. */
const LEVEL = 0;
const START_LINE = 1;
const END_LINE = 2;
const START_OFFSET = 3;
const END_OFFSET = 4;
const WORDS = 5;
const CONTROL_MATCHES = 6;
const CONTROL_WEIGHT = 7;
const ENGAGEMENT_MATCHES = 8;
const ENGAGEMENT_WEIGHT = 9;
/** 1 for a section that a heading opens, 0 for the preamble. */
const HEADED = 10;
const COLUMNS = 11;

/**
 * The sections' sums as rows of numbers. A statute has tens of thousands of articles, and a SectionTally is four
 * objects and a title: the rows cost one typed array, and the objects are made, and the titles read from the
 * heading lines, only when someone reads `Tally.sections`.
 */
export class SectionRows {
  private readonly values: Float64Array;
  private count = 0;

  /**
   * `text` is the document the rows sum up, for the titles; forgotten once they are read. Room for `capacity` rows is
   * taken at once: a typed array's memory lies outside the heap, and the collector counts every new one against its limits.
   */
  constructor(
    private text: string,
    capacity: number,
  ) {
    this.values = new Float64Array(capacity * COLUMNS);
  }

  /** Starts a section's row (rows are only ever appended, so its sums start at zero); the blocks after it add to it until the next one starts. */
  open(headed: boolean, level: number, startLine: number, startOffset: number): void {
    const at = this.count * COLUMNS;
    this.values[at + HEADED] = headed ? 1 : 0;
    this.values[at + LEVEL] = level;
    this.values[at + START_LINE] = startLine;
    this.values[at + START_OFFSET] = startOffset;
    this.count++;
  }

  /** Adds a block to the open section. */
  addBlock(block: BlockResult): void {
    const at = (this.count - 1) * COLUMNS;
    const v = this.values;
    v[at + WORDS] += block.words;
    v[at + CONTROL_MATCHES] += block.controlMatches;
    v[at + CONTROL_WEIGHT] += block.controlWeightMilli;
    v[at + ENGAGEMENT_MATCHES] += block.engagementMatches;
    v[at + ENGAGEMENT_WEIGHT] += block.engagementWeightMilli;
  }

  /** Ends the open section; its last line is never before its first. */
  close(endLine: number, endOffset: number): void {
    const at = (this.count - 1) * COLUMNS;
    this.values[at + END_LINE] = Math.max(this.values[at + START_LINE], endLine);
    this.values[at + END_OFFSET] = endOffset;
  }

  /** Every section as a SectionTally. */
  tallies(): SectionTally[] {
    const out: SectionTally[] = [];
    const v = this.values;
    const text = this.text;
    for (let i = 0; i < this.count; i++) {
      const at = i * COLUMNS;
      const start = v[at + START_OFFSET];
      const words = v[at + WORDS];
      const control = { matches: v[at + CONTROL_MATCHES], weightMilli: v[at + CONTROL_WEIGHT] };
      const engagement = { matches: v[at + ENGAGEMENT_MATCHES], weightMilli: v[at + ENGAGEMENT_WEIGHT] };
      out.push({
        title: v[at + HEADED] === 1 ? titleOfHeading(text, start) : '(preamble)',
        level: v[at + LEVEL],
        startLine: v[at + START_LINE],
        endLine: v[at + END_LINE],
        startOffset: v[at + START_OFFSET],
        endOffset: v[at + END_OFFSET],
        control: polarityTally(control, words),
        engagement: polarityTally(engagement, words),
        lean: lean(control, engagement),
      });
    }
    this.text = '';
    return out;
  }
}

/** The title of the heading line at `start`, which analysis found to be one. */
function titleOfHeading(text: string, start: number): string {
  const newline = text.indexOf('\n', start);
  return headingAt(text, start, newline < 0 ? text.length : newline)?.title ?? '';
}

/** Sections from heading blocks; text before the first heading is a preamble when there are headings. */
export function sectionRows(blocks: readonly BlockResult[], starts: readonly number[], text: string): SectionRows {
  let headings = 0;
  for (const block of blocks) if (block.headingLevel >= 0) headings++;
  if (headings === 0) return new SectionRows('', 0);
  // One row per heading, and one for a preamble.
  const rows = new SectionRows(text, headings + 1);
  let open = false;
  let line = 0;
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i];
    const headed = block.headingLevel >= 0;
    if (headed || (!open && block.words > 0)) {
      if (open) rows.close(line - 1, starts[i]);
      rows.open(headed, headed ? block.headingLevel : 0, line, starts[i]);
      open = true;
    }
    if (open) rows.addBlock(block);
    line += block.newlines;
  }
  if (open) rows.close(line, text.length);
  return rows;
}

/** Average characters per Chinese word, to weigh Han text against Latin words. */
const HAN_WORD_LENGTH = 1.7;

/** Chinese when at least 80% of the words are Han text, English at 20% or less, mixed between. */
export function detectLanguage(latinWords: number, hanChars: number): Language | 'mixed' {
  const hanWords = hanChars / HAN_WORD_LENGTH;
  const total = latinWords + hanWords;
  if (total === 0) return 'en';
  const share = hanWords / total;
  return share >= 0.8 ? 'zh' : share <= 0.2 ? 'en' : 'mixed';
}

export function assembleTally(acc: TallyAccumulator, language: Language | 'mixed', categories: readonly Category[], sections: SectionRows): Tally {
  const tally: Omit<Tally, 'sections'> = {
    language,
    words: acc.words,
    sentences: acc.sentences,
    control: polarityTally(acc.control, acc.words),
    engagement: polarityTally(acc.engagement, acc.words),
    lean: lean(acc.control, acc.engagement),
    categories: acc.categoryTallies(categories),
  };
  // Enumerable, so that JSON, spreads and structured clones see an ordinary property; built once, on first read.
  let built: SectionTally[] | null = null;
  Object.defineProperty(tally, 'sections', { enumerable: true, configurable: true, get: () => (built ??= sections.tallies()) });
  return tally as Tally;
}
