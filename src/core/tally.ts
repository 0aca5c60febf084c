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
  private readonly categories: CategorySum[];

  /** `terms` is shared by every analysis with the same lexicons: what it remembers does not depend on the document. */
  constructor(
    private readonly reader: MatchReader,
    private readonly terms: EntryTerms,
    categoryCount: number,
  ) {
    this.categories = Array.from({ length: categoryCount }, () => ({ matches: 0, weightMilli: 0, terms: new Map() }));
  }

  /** Adds the counts of a block that starts at `base` in `text` (sign 1), or takes them away (sign −1). */
  apply(block: BlockResult, sign: 1 | -1, text: string, base: number): void {
    this.words += sign * block.words;
    this.latinWords += sign * block.latinWords;
    this.hanChars += sign * block.hanChars;
    this.sentences += sign * block.sentences;
    const list = block.matches;
    const reader = this.reader;
    const count = matchCount(list);
    for (let m = 0; m < count; m++) {
      if (reader.negated(list, m)) continue;
      const weightMilli = reader.weightMilli(list, m);
      const polarity = reader.isControl(list, m) ? this.control : this.engagement;
      polarity.matches += sign;
      polarity.weightMilli += sign * weightMilli;
      const category = reader.categoryIndex(list, m);
      if (category < 0) continue;
      const sum = this.categories[category];
      sum.matches += sign;
      sum.weightMilli += sign * weightMilli;
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
      const terms: TermCount[] = [...sum.terms].map(([term, counter]) => ({ term, count: counter.count }));
      terms.sort((a, b) => b.count - a.count || (a.term < b.term ? -1 : a.term > b.term ? 1 : 0));
      return { id: c.id, label: c.label, polarity: c.polarity, matches: sum.matches, weight: sum.weightMilli / 1000, terms };
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

/**
 * The sections of a text analysed as `blocks` starting at `starts`: one per heading block, and a preamble for the
 * text before the first heading when there are headings. Titles are read from the heading lines.
 */
export function sectionTallies(blocks: readonly BlockResult[], starts: readonly number[], text: string, reader: MatchReader): SectionTally[] {
  const sections: SectionTally[] = [];
  let hasHeading = false;
  let open = false;
  let heading: BlockResult | null = null;
  let level = 0;
  let startLine = 0;
  let startOffset = 0;
  const sum = { words: 0, control: { matches: 0, weightMilli: 0 }, engagement: { matches: 0, weightMilli: 0 } };
  const close = (endLine: number, endOffset: number): void => {
    sections.push({
      title: heading === null ? '(preamble)' : (heading.title ??= titleOfHeading(text, startOffset)),
      level,
      startLine,
      endLine: Math.max(startLine, endLine),
      startOffset,
      endOffset,
      control: polarityTally(sum.control, sum.words),
      engagement: polarityTally(sum.engagement, sum.words),
      lean: lean(sum.control, sum.engagement),
    });
  };
  let line = 0;
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i];
    if (block.headingLevel >= 0 || (!open && block.words > 0)) {
      if (open) close(line - 1, starts[i]);
      heading = block.headingLevel >= 0 ? block : null;
      hasHeading ||= heading !== null;
      level = heading === null ? 0 : block.headingLevel;
      startLine = line;
      startOffset = starts[i];
      sum.words = 0;
      sum.control.matches = sum.control.weightMilli = sum.engagement.matches = sum.engagement.weightMilli = 0;
      open = true;
    }
    if (open) {
      sum.words += block.words;
      const list = block.matches;
      for (let m = 0; m < matchCount(list); m++) {
        if (reader.negated(list, m)) continue;
        const polarity = reader.isControl(list, m) ? sum.control : sum.engagement;
        polarity.matches++;
        polarity.weightMilli += reader.weightMilli(list, m);
      }
    }
    line += block.newlines;
  }
  if (open) close(line, text.length);
  return hasHeading ? sections : [];
}

/** The title of the heading line at `start`, which analysis found to be one. */
function titleOfHeading(text: string, start: number): string {
  const newline = text.indexOf('\n', start);
  return headingAt(text, start, newline < 0 ? text.length : newline)?.title ?? '';
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

/** Where a tally keeps what computes its sections, and then the sections: a symbol, so JSON and spreads skip it. */
const PENDING_SECTIONS = Symbol('pending sections');

interface PendingSections {
  [PENDING_SECTIONS]: (() => SectionTally[]) | SectionTally[];
}

/**
 * `Tally.sections`: enumerable, so that JSON, spreads and structured clones see an ordinary property, and one getter
 * shared by every tally. A getter of its own per tally gave each tally object a hidden class of its own, and a
 * corpus of small files kept thousands of them.
 */
const SECTIONS_PROPERTY: PropertyDescriptor = {
  enumerable: true,
  configurable: true,
  get(this: PendingSections): SectionTally[] {
    const pending = this[PENDING_SECTIONS];
    if (typeof pending !== 'function') return pending;
    const sections = pending();
    this[PENDING_SECTIONS] = sections;
    return sections;
  },
};

/**
 * The tally of an analysis. Its sections are made on the first read of `sections`, by `sections()`: a statute has a
 * section per article, each four objects and a title, and the status bar and the totals never read them.
 */
export function assembleTally(acc: TallyAccumulator, language: Language | 'mixed', categories: readonly Category[], sections: () => SectionTally[]): Tally {
  const tally: Omit<Tally, 'sections'> = {
    language,
    words: acc.words,
    sentences: acc.sentences,
    control: polarityTally(acc.control, acc.words),
    engagement: polarityTally(acc.engagement, acc.words),
    lean: lean(acc.control, acc.engagement),
    categories: acc.categoryTallies(categories),
  };
  Object.defineProperty(tally, PENDING_SECTIONS, { value: sections, writable: true, enumerable: false });
  Object.defineProperty(tally, 'sections', SECTIONS_PROPERTY);
  return tally as Tally;
}
