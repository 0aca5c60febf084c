// Running sums over blocks, kept exact (weights in thousandths) so that adding and removing blocks after
// an edit gives the same tally as counting from scratch; and the arithmetic of densities and the lean.
import { matchCount, MatchReader } from './matchList';
import { BlockResult } from './scan';
import { headingAt } from './headings';
import { EntryTerms } from './term';
import { Category, CategoryTally, Language, Lean, PolarityTally, SectionTally, Tally, TermCount, Units } from './types';

/** Below this many sentences holding a counted match, the lean is flagged as thin evidence. */
export const THIN_EVIDENCE = 5;
/** |index| below this reads as balanced. */
export const BALANCED_BAND = 0.2;

/** Counted annotations and their weight in thousandths. */
export interface Sum {
  matches: number;
  weightMilli: number;
}

interface CategorySum extends Sum {
  /**
   * A counter object per term, so that counting one is a single lookup; its weight in thousandths too. Null until the
   * category counts a term: most categories of a small document count none, and a map for each was garbage.
   */
  terms: Map<string, { count: number; weightMilli: number }> | null;
}

export class TallyAccumulator {
  words = 0;
  latinWords = 0;
  hanChars = 0;
  readonly units: Units = { sentences: 0, control: 0, engagement: 0, both: 0 };
  readonly control: Sum = { matches: 0, weightMilli: 0 };
  readonly engagement: Sum = { matches: 0, weightMilli: 0 };
  /**
   * The counted matches of the block last applied, by polarity, whatever the sign: a walk of the sections given the
   * same blocks adds these rather than reading the block's matches again (see SectionWalk.add).
   */
  readonly blockControl: Sum = { matches: 0, weightMilli: 0 };
  readonly blockEngagement: Sum = { matches: 0, weightMilli: 0 };
  /** By category index (see MatchReader.categoryIndex). */
  private readonly categories: CategorySum[];

  /** `terms` is shared by every analysis with the same lexicons: what it remembers does not depend on the document. */
  constructor(
    private readonly reader: MatchReader,
    private readonly terms: EntryTerms,
    categoryCount: number,
  ) {
    this.categories = Array.from({ length: categoryCount }, (): CategorySum => ({ matches: 0, weightMilli: 0, terms: null }));
  }

  /** Adds the counts of a block that starts at `base` in `text` (sign 1), or takes them away (sign −1). */
  apply(block: BlockResult, sign: 1 | -1, text: string, base: number): void {
    this.words += sign * block.words;
    this.latinWords += sign * block.latinWords;
    this.hanChars += sign * block.hanChars;
    addUnits(this.units, blockUnits(block, this.reader), sign);
    const list = block.matches;
    const reader = this.reader;
    const count = matchCount(list);
    const control = this.blockControl;
    const engagement = this.blockEngagement;
    control.matches = control.weightMilli = engagement.matches = engagement.weightMilli = 0;
    for (let m = 0; m < count; m++) {
      if (reader.negated(list, m)) continue;
      const weightMilli = reader.weightMilli(list, m);
      const polarity = reader.isControl(list, m) ? control : engagement;
      polarity.matches++;
      polarity.weightMilli += weightMilli;
      const category = reader.categoryIndex(list, m);
      if (category < 0) continue;
      const sum = this.categories[category];
      sum.matches += sign;
      sum.weightMilli += sign * weightMilli;
      const term = reader.termAt(list, m, this.terms, text, base);
      const terms = (sum.terms ??= new Map());
      let counter = terms.get(term);
      if (counter === undefined) {
        counter = { count: 0, weightMilli: 0 };
        terms.set(term, counter);
      }
      counter.count += sign;
      counter.weightMilli += sign * weightMilli;
      if (counter.count === 0) terms.delete(term);
    }
    addSum(this.control, control, sign);
    addSum(this.engagement, engagement, sign);
  }

  /** The summed weight in thousandths of a term's counted annotations in category `category` (an index); undefined when it has none. */
  termWeightMilli(category: number, term: string): number | undefined {
    return this.categories[category]?.terms?.get(term)?.weightMilli;
  }

  /** `categories` are the lexicons' categories, in the order their indices count them. */
  categoryTallies(categories: readonly Category[]): CategoryTally[] {
    return categories.map((c, index) => {
      const sum = this.categories[index];
      return { id: c.id, label: c.label, polarity: c.polarity, matches: sum.matches, weight: sum.weightMilli / 1000, terms: termCounts(sum.terms) };
    });
  }
}

/** Above this many terms a category's are sorted by Array.prototype.sort; up to it, in place as they are added. */
const INSERTED_TERMS = 16;

/**
 * A category's terms, most counted first, then by term. A document holds a few terms per category, and a corpus of
 * small documents tallies thousands: spreading the map into pairs and Array.prototype.sort's work arrays were a good
 * part of the garbage each document left.
 */
function termCounts(terms: CategorySum['terms']): TermCount[] {
  const counts: TermCount[] = [];
  if (terms === null) return counts;
  if (terms.size > INSERTED_TERMS) {
    terms.forEach((counter, term) => counts.push({ term, count: counter.count }));
    return counts.sort((a, b) => (countedBefore(a, b) ? -1 : 1));
  }
  terms.forEach((counter, term) => {
    const added: TermCount = { term, count: counter.count };
    let i = counts.length;
    counts.push(added);
    for (; i > 0 && countedBefore(added, counts[i - 1]); i--) counts[i] = counts[i - 1];
    counts[i] = added;
  });
  return counts;
}

/** True when `a` comes before `b` among a category's terms: the one order of both paths above (a map's keys differ, so never a tie). */
function countedBefore(a: TermCount, b: TermCount): boolean {
  return a.count > b.count || (a.count === b.count && a.term < b.term);
}

/**
 * The sums a text's totals are made of, as plain numbers (no terms, no sections): parts of a text analysed apart, cut
 * where a block ends, add up to the whole text's. The CLI's table of totals counts a big file so, a part at a time.
 */
export interface TotalsPart {
  words: number;
  latinWords: number;
  hanChars: number;
  units: Units;
  control: Sum;
  engagement: Sum;
}

/** The totals of a text: the part of a Tally that its sums give, without categories or sections. */
export type TextTotals = Pick<Tally, 'language' | 'words' | 'units' | 'control' | 'engagement' | 'lean'>;

export function emptyTotals(): TotalsPart {
  return { words: 0, latinWords: 0, hanChars: 0, units: { sentences: 0, control: 0, engagement: 0, both: 0 }, control: { matches: 0, weightMilli: 0 }, engagement: { matches: 0, weightMilli: 0 } };
}

/** Adds a block's counts as TallyAccumulator.apply does, leaving out categories and terms. */
export function addBlockTotals(to: TotalsPart, block: BlockResult, reader: MatchReader): void {
  to.words += block.words;
  to.latinWords += block.latinWords;
  to.hanChars += block.hanChars;
  addUnits(to.units, blockUnits(block, reader), 1);
  addBlockMatches(to.control, to.engagement, block, reader);
}

/** Adds a block's counted matches (not negated) and their weights to the sum of their polarity. */
export function addBlockMatches(control: Sum, engagement: Sum, block: BlockResult, reader: MatchReader): void {
  const list = block.matches;
  const count = matchCount(list);
  for (let m = 0; m < count; m++) {
    if (reader.negated(list, m)) continue;
    const polarity = reader.isControl(list, m) ? control : engagement;
    polarity.matches++;
    polarity.weightMilli += reader.weightMilli(list, m);
  }
}

export function addTotals(to: TotalsPart, part: TotalsPart): void {
  to.words += part.words;
  to.latinWords += part.latinWords;
  to.hanChars += part.hanChars;
  addUnits(to.units, part.units, 1);
  addSum(to.control, part.control);
  addSum(to.engagement, part.engagement);
}

/** The totals from the sums, as assembleTally makes them from an accumulator; `language` null: detected. */
export function totalsOf(part: TotalsPart, language: Language | null): TextTotals {
  return {
    language: language ?? detectLanguage(part.latinWords, part.hanChars),
    words: part.words,
    units: { ...part.units },
    control: polarityTally(part.control, part.words),
    engagement: polarityTally(part.engagement, part.words),
    lean: lean(part.units),
  };
}

/**
 * The sentence units of a block: a sentence is a control unit when it holds at least one counted control match, an
 * engagement unit when it holds a counted engagement match, and may be both. Kept on the block, which never changes.
 */
export function blockUnits(block: BlockResult, reader: MatchReader): Readonly<Units> {
  if (block.units !== null) return block.units;
  const list = block.matches;
  const sentenceOf = block.matchSentences;
  const count = matchCount(list);
  let controlUnits = 0;
  let engagementUnits = 0;
  let bothUnits = 0;
  let current = -1;
  let control = false;
  let engagement = false;
  for (let m = 0; m <= count; m++) {
    const sentence = m < count ? sentenceOf[m] : -2;
    if (sentence !== current) {
      if (control) controlUnits++;
      if (engagement) engagementUnits++;
      if (control && engagement) bothUnits++;
      current = sentence;
      control = engagement = false;
    }
    if (m === count || reader.negated(list, m)) continue;
    if (reader.isControl(list, m)) control = true;
    else engagement = true;
  }
  const units = sharedUnits(block.sentences, controlUnits, engagementUnits, bothUnits);
  block.units = units;
  return units;
}

/** Blocks whose four unit counts are each below this share one Units object per set of counts. */
const SHARED_UNITS_LIMIT = 16;
const SHARED_UNITS = new Map<number, Readonly<Units>>();

/**
 * Units of these counts, the same object for every block of small counts: a block keeps its units for its life, and
 * an object of its own per block was an eighth of what an analysis keeps, copied by every young collection it lives through.
 */
function sharedUnits(sentences: number, control: number, engagement: number, both: number): Readonly<Units> {
  if (sentences >= SHARED_UNITS_LIMIT || control >= SHARED_UNITS_LIMIT || engagement >= SHARED_UNITS_LIMIT || both >= SHARED_UNITS_LIMIT) return { sentences, control, engagement, both };
  const key = ((sentences * SHARED_UNITS_LIMIT + control) * SHARED_UNITS_LIMIT + engagement) * SHARED_UNITS_LIMIT + both;
  let units = SHARED_UNITS.get(key);
  if (units === undefined) {
    units = { sentences, control, engagement, both };
    SHARED_UNITS.set(key, units);
  }
  return units;
}

export function addUnits(to: Units, units: Readonly<Units>, sign: number): void {
  to.sentences += sign * units.sentences;
  to.control += sign * units.control;
  to.engagement += sign * units.engagement;
  to.both += sign * units.both;
}

/** A polarity's figures from its sum, into `into` when given. */
export function polarityTally(sum: Sum, words: number, into: PolarityTally = { matches: 0, weight: 0, perThousandWords: 0 }): PolarityTally {
  return polarityFigures(sum.matches, sum.weightMilli, words, into);
}

/** polarityTally of a sum given as its two numbers, into `into`: SectionTable.at fills a section per row without a sum for each. */
function polarityFigures(matches: number, weightMilli: number, words: number, into: PolarityTally): PolarityTally {
  into.matches = matches;
  into.weight = weightMilli / 1000;
  into.perThousandWords = words > 0 ? (matches * 1000) / words : 0;
  return into;
}

/** The lean of sentence units: (E − C) / (E + C), its band, and whether the evidence is thin; into `into` when given. */
export function lean(units: Units, into: Lean = { index: null, label: 'no signal', thin: true, basis: 'sentences' }): Lean {
  const total = units.control + units.engagement;
  const index = total === 0 ? null : (units.engagement - units.control) / total;
  into.index = index;
  into.label = index === null ? 'no signal' : index <= -BALANCED_BAND ? 'control-leaning' : index >= BALANCED_BAND ? 'engagement-leaning' : 'balanced';
  into.thin = index === null || total - units.both < THIN_EVIDENCE;
  into.basis = 'sentences';
  return into;
}

/** A section being summed: its own text and, once they close, its subsections'. */
interface OpenSection {
  index: number;
  /** The heading's rank (see headings.ts): a heading closes every open section of the same or a deeper rank. */
  rank: number;
  /** The heading's title, or "(preamble)". */
  title: string;
  startLine: number;
  startOffset: number;
  words: number;
  units: Units;
  control: Sum;
  engagement: Sum;
}

/**
 * The sections of a text analysed as `blocks` starting at `starts`, as a tree in document order: one per heading
 * block, and a preamble for the text before the first heading when there are headings. A heading closes the open
 * sections of its rank or deeper and opens inside the rest, so headings out of order still make a tree. Each
 * section's figures include its subsections. Titles are read from the heading lines.
 */
export function sectionTallies(blocks: readonly BlockResult[], starts: readonly number[], text: string, reader: MatchReader): SectionTally[] {
  const sections: SectionTally[] = [];
  const hasHeading = countSections(blocks, starts, text, reader, (s, title, level, parent, endLine, endOffset) => {
    sections[s.index] = {
      title,
      level,
      parent,
      startLine: s.startLine,
      endLine,
      startOffset: s.startOffset,
      endOffset,
      words: s.words,
      units: s.units,
      control: polarityTally(s.control, s.words),
      engagement: polarityTally(s.engagement, s.words),
      lean: lean(s.units),
    };
  });
  return hasHeading ? sections : [];
}

/**
 * The same sections as sectionTallies, kept as numbers in one typed array and made into SectionTally objects one at a
 * time when read: a report reads each section once, in order. A statute has a section per article, and as objects
 * kept until the report is written (five each), they were most of what the collector copied while a JSON report was
 * made (10 MB of text, 20,000 sections).
 */
export function sectionTable(blocks: readonly BlockResult[], starts: readonly number[], text: string, reader: MatchReader): SectionTable {
  // Room for a section per heading and the preamble, so the rows are allocated once and at their size.
  let headings = 0;
  for (const block of blocks) if (block.headingLevel >= 0) headings++;
  const table = new SectionTable(headings === 0 ? 0 : headings + 1);
  return countSections(blocks, starts, text, reader, (s, title, level, parent, endLine, endOffset) => table.set(s, title, level, parent, endLine, endOffset)) ? table : new SectionTable(0);
}

/** A section's numbers in a SectionTable row, in this order. */
const ROW_LEVEL = 0;
const ROW_PARENT = 1;
const ROW_START_LINE = 2;
const ROW_END_LINE = 3;
const ROW_START_OFFSET = 4;
const ROW_END_OFFSET = 5;
const ROW_WORDS = 6;
const ROW_SENTENCES = 7;
const ROW_CONTROL_UNITS = 8;
const ROW_ENGAGEMENT_UNITS = 9;
const ROW_BOTH_UNITS = 10;
const ROW_CONTROL_MATCHES = 11;
const ROW_CONTROL_WEIGHT = 12;
const ROW_ENGAGEMENT_MATCHES = 13;
const ROW_ENGAGEMENT_WEIGHT = 14;
const ROW = 15;

/** A section of no figures, for SectionTable.at to fill. */
function blankSection(): SectionTally {
  const units: Units = { sentences: 0, control: 0, engagement: 0, both: 0 };
  return { title: '', level: 0, parent: null, startLine: 0, endLine: 0, startOffset: 0, endOffset: 0, words: 0, units, control: polarityTally({ matches: 0, weightMilli: 0 }, 0), engagement: polarityTally({ matches: 0, weightMilli: 0 }, 0), lean: lean(units) };
}

/** Sections as rows of numbers and their titles (see sectionTable); `at(i)` makes section i's SectionTally anew, or fills one given. */
export class SectionTable {
  private rows: Float64Array;
  private readonly titles: string[] = [];

  /** `capacity`: the sections expected; more are room made for. */
  constructor(capacity: number) {
    this.rows = new Float64Array(capacity * ROW);
  }

  get length(): number {
    return this.titles.length;
  }

  /**
   * Section `i`; with `reuse`, written into it and its figures' objects and returned: a report reads each section once
   * and in order, and a statute's thousands of sections need not be made one by one for it.
   */
  at(i: number, reuse?: SectionTally): SectionTally {
    const r = this.rows;
    const at = i * ROW;
    const s = reuse ?? blankSection();
    const words = r[at + ROW_WORDS];
    const parent = r[at + ROW_PARENT];
    s.title = this.titles[i];
    s.level = r[at + ROW_LEVEL];
    s.parent = parent < 0 ? null : parent;
    s.startLine = r[at + ROW_START_LINE];
    s.endLine = r[at + ROW_END_LINE];
    s.startOffset = r[at + ROW_START_OFFSET];
    s.endOffset = r[at + ROW_END_OFFSET];
    s.words = words;
    const units = s.units;
    units.sentences = r[at + ROW_SENTENCES];
    units.control = r[at + ROW_CONTROL_UNITS];
    units.engagement = r[at + ROW_ENGAGEMENT_UNITS];
    units.both = r[at + ROW_BOTH_UNITS];
    polarityFigures(r[at + ROW_CONTROL_MATCHES], r[at + ROW_CONTROL_WEIGHT], words, s.control);
    polarityFigures(r[at + ROW_ENGAGEMENT_MATCHES], r[at + ROW_ENGAGEMENT_WEIGHT], words, s.engagement);
    lean(units, s.lean);
    return s;
  }

  /** Section `s.index`, closed. Sections close out of order (a parent after its children), so rows are placed by index. */
  set(s: OpenSection, title: string, level: number, parent: number | null, endLine: number, endOffset: number): void {
    if ((s.index + 1) * ROW > this.rows.length) {
      const bigger = new Float64Array(Math.max(this.rows.length * 2, (s.index + 1) * ROW));
      bigger.set(this.rows);
      this.rows = bigger;
    }
    while (this.titles.length <= s.index) this.titles.push('');
    this.titles[s.index] = title;
    const r = this.rows;
    const at = s.index * ROW;
    r[at + ROW_LEVEL] = level;
    r[at + ROW_PARENT] = parent ?? -1;
    r[at + ROW_START_LINE] = s.startLine;
    r[at + ROW_END_LINE] = endLine;
    r[at + ROW_START_OFFSET] = s.startOffset;
    r[at + ROW_END_OFFSET] = endOffset;
    r[at + ROW_WORDS] = s.words;
    r[at + ROW_SENTENCES] = s.units.sentences;
    r[at + ROW_CONTROL_UNITS] = s.units.control;
    r[at + ROW_ENGAGEMENT_UNITS] = s.units.engagement;
    r[at + ROW_BOTH_UNITS] = s.units.both;
    r[at + ROW_CONTROL_MATCHES] = s.control.matches;
    r[at + ROW_CONTROL_WEIGHT] = s.control.weightMilli;
    r[at + ROW_ENGAGEMENT_MATCHES] = s.engagement.matches;
    r[at + ROW_ENGAGEMENT_WEIGHT] = s.engagement.weightMilli;
  }
}

/**
 * Walks the blocks as sectionTallies describes, giving each section to `closed` when it closes (children before their
 * parent) with its title, level, parent index, end line and end offset. True when the text has a heading: without
 * one, the preamble given is not a section.
 */
function countSections(
  blocks: readonly BlockResult[],
  starts: readonly number[],
  text: string,
  reader: MatchReader,
  closed: SectionClosed,
): boolean {
  const walk = new SectionWalk(reader, closed);
  for (let i = 0; i < blocks.length; i++) walk.add(blocks[i], text, starts[i], starts[i]);
  return walk.end(text.length);
}

/** Receives a section as it closes (see SectionWalk). */
type SectionClosed = (s: OpenSection, title: string, level: number, parent: number | null, endLine: number, endOffset: number) => void;

/**
 * The walk of countSections a block at a time, so that a text analysed in parts (src/core/reportParts.ts) counts its
 * sections without keeping its blocks: each is given once, in order, with the text it was read from.
 */
export class SectionWalk {
  private readonly open: OpenSection[] = [];
  private count = 0;
  private hasHeading = false;
  private line = 0;

  /**
   * `keepTitles`: a heading block keeps the title read from it, for the next walk over the same blocks (an open
   * document's sections are read again after each edit); a text analysed in parts drops its blocks at once.
   */
  constructor(
    private readonly reader: MatchReader,
    private readonly closed: SectionClosed,
    private readonly keepTitles = true,
  ) {}

  /**
   * The next block, at `start` in the document and at `local` in `text`, the text its heading's title is read from.
   * `counted`: the block's counted matches by polarity, when the caller has summed them (TallyAccumulator.blockControl
   * and blockEngagement after applying the block); else they are read from the block.
   */
  add(block: BlockResult, text: string, local: number, start: number, counted: TallyAccumulator | null = null): void {
    const open = this.open;
    const reader = this.reader;
    if (block.headingLevel >= 0 || (this.count === 0 && block.words > 0)) {
      const rank = block.headingLevel >= 0 ? block.headingLevel : Infinity;
      while (open.length > 0 && open[open.length - 1].rank >= rank) this.close(this.line - 1, start);
      this.hasHeading ||= block.headingLevel >= 0;
      open.push({
        index: this.count++,
        rank,
        title: block.headingLevel < 0 ? '(preamble)' : this.keepTitles ? (block.title ??= titleOfHeading(text, local)) : (block.title ?? titleOfHeading(text, local)),
        startLine: this.line,
        startOffset: start,
        words: 0,
        units: { sentences: 0, control: 0, engagement: 0, both: 0 },
        control: { matches: 0, weightMilli: 0 },
        engagement: { matches: 0, weightMilli: 0 },
      });
    }
    const top = open.length > 0 ? open[open.length - 1] : null;
    if (top !== null) {
      top.words += block.words;
      addUnits(top.units, blockUnits(block, reader), 1);
      if (counted === null) addBlockMatches(top.control, top.engagement, block, reader);
      else {
        addSum(top.control, counted.blockControl);
        addSum(top.engagement, counted.blockEngagement);
      }
    }
    this.line += block.newlines;
  }

  /** Closes the sections still open at the text's end (`length` characters); true when the text has a heading. */
  end(length: number): boolean {
    while (this.open.length > 0) this.close(this.line, length);
    return this.hasHeading;
  }

  private close(endLine: number, endOffset: number): void {
    const open = this.open;
    const s = open.pop() as OpenSection;
    const parent = open.length > 0 ? open[open.length - 1] : null;
    this.closed(s, s.title, open.length + 1, parent === null ? null : parent.index, Math.max(s.startLine, endLine), endOffset);
    if (parent !== null) {
      parent.words += s.words;
      addUnits(parent.units, s.units, 1);
      addSum(parent.control, s.control);
      addSum(parent.engagement, s.engagement);
    }
  }
}

function addSum(to: Sum, sum: Sum, sign = 1): void {
  to.matches += sign * sum.matches;
  to.weightMilli += sign * sum.weightMilli;
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
    units: { ...acc.units },
    control: polarityTally(acc.control, acc.words),
    engagement: polarityTally(acc.engagement, acc.words),
    lean: lean(acc.units),
    categories: acc.categoryTallies(categories),
  };
  Object.defineProperty(tally, PENDING_SECTIONS, { value: sections, writable: true, enumerable: false });
  Object.defineProperty(tally, 'sections', SECTIONS_PROPERTY);
  return tally as Tally;
}
