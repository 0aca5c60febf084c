// One document's analysis as a list of blocks. An edit re-analyses the blocks around it and updates the
// running tally by the difference; the result equals a fresh analysis of the new text.
import { AnnotationCursor } from './annotationCursor';
import { blockAt, BLOCK_READS, isBlank } from './blocks';
import { DocumentSubject, handedOn, inContext, LeadIn, sameLeadIn, sameSubject } from './listContext';
import { Matcher } from './matcher';
import { LeadInNote, matchCount, matchEnd, MatchReader, matchStart } from './matchList';
import { analyzeBlock, BlockResult, giveScanState, takeScanState, withScanState } from './scan';
import { patchSections } from './sectionPatch';
import { addBlockTotals, assembleTally, detectLanguage, emptyTotals, SectionTable, sectionTable, sectionTallies, TallyAccumulator, TotalsPart } from './tally';
import { EntryTerms } from './term';
import { Category, Language, Match, SectionTally, Tally } from './types';

/** Most characters analysed between two pauses when analysing in slices. */
const SLICE_CHARS = 256 * 1024;
/** Most milliseconds of work between two pauses, so a host's event loop never stalls for long. */
const SLICE_MS = 8;

export interface AnalysisContext {
  readonly matcher: Matcher;
  readonly reader: MatchReader;
  readonly terms: EntryTerms;
  readonly categories: readonly Category[];
  /** A fixed language, or null to detect it from the text. */
  readonly language: Language | null;
}

/** One sentence with a cue, the least that makes every class of an analysis's objects: see DocumentAnalysis.keepShapes. */
const SHAPES_SAMPLE = 'The authority shall monitor the platforms.\n';

/** Per context, the analysis DocumentAnalysis.keepShapes keeps. */
const keptAnalyses = new WeakMap<AnalysisContext, DocumentAnalysis>();

export function analysisContext(matcher: Matcher, language: Language | null): AnalysisContext {
  return { matcher, reader: new MatchReader(matcher), terms: new EntryTerms(matcher.entryCount), categories: [...matcher.categories.values()], language };
}

/**
 * The sums of `text`'s totals, its blocks analysed and dropped one by one: nothing of the text outlives the call, so
 * a big text costs the collector little (the blocks an analysis keeps are most of what it copies). `subject`: when the
 * text is a later part of a document, the document's (see subjectOfDocument); else the text's title is read.
 */
export function textTotals(context: AnalysisContext, text: string, subject?: DocumentSubject | null): TotalsPart {
  const part = emptyTotals();
  withScanState((scan) => {
    let pos = 0;
    let previous: BlockResult | undefined;
    while (pos < text.length) {
      const extent = blockAt(text, pos, scan.extent);
      const block = inContext(analyzeBlock(text, pos, extent, context.matcher, scan), text, pos, previous, context.matcher, context.reader, scan.found, subject);
      addBlockTotals(part, block, context.reader);
      previous = block;
      pos = extent.end;
    }
  });
  return part;
}

export class DocumentAnalysis {
  private content: string;
  private starts: number[] = [];
  private blocks: BlockResult[] = [];
  private readonly acc: TallyAccumulator;
  private cachedTally: Tally | null = null;
  /** Per block, the index in the document of its first sentence; made when annotations are read, dropped on change. */
  private sentenceStarts: number[] | null = null;
  /** Per block, the line it starts on; made when an inherited annotation's explanation is read, dropped on change. */
  private lineStarts: number[] | null = null;
  /** The block whose lead-in was last looked up, and the lead-in's block (see leadInNote); dropped on change. */
  private lastLeadIn: { block: number; leadIn: number } | null = null;
  /** The sections of the text as it is now, once read; patched by edits that change no heading, else dropped. */
  private sections: SectionTally[] | null = null;
  /** The last tally made, while its sections are unread: an edit first gives it what it needs to read them later. */
  private unread: UnreadSections | null = null;
  /** Where the terms asked for by termStandings occur first, by block, kept through edits. */
  private readonly firstBlocks = new FirstBlocks();

  private constructor(
    private readonly context: AnalysisContext,
    text: string,
  ) {
    this.content = text;
    this.acc = new TallyAccumulator(context.reader, context.terms, context.categories.length);
  }

  /** Analyses the whole text at once. */
  static create(context: AnalysisContext, text: string): DocumentAnalysis {
    DocumentAnalysis.keepShapes(context);
    const analysis = new DocumentAnalysis(context, text);
    analysis.extend(text.length);
    return analysis;
  }

  /** Analyses the text in slices of at most `sliceChars` characters and `sliceMs` milliseconds, awaiting `pause` between them. */
  static async createInSlices(context: AnalysisContext, text: string, pause: () => Promise<void>, sliceChars = SLICE_CHARS, sliceMs = SLICE_MS): Promise<DocumentAnalysis> {
    DocumentAnalysis.keepShapes(context);
    const analysis = new DocumentAnalysis(context, text);
    while (analysis.analyzedUpTo() < text.length) {
      analysis.extend(Math.min(text.length, analysis.analyzedUpTo() + sliceChars), performance.now() + sliceMs);
      if (analysis.analyzedUpTo() < text.length) await pause();
    }
    return analysis;
  }

  /**
   * Before a context's first analysis, analyses SHAPES_SAMPLE and keeps it for the context's life. Compiled code depends
   * on the hidden classes of the objects an analysis makes (the analysis, its accumulator and blocks), and a full
   * collection drops a hidden class no live object has, and with it that code; an editor or CLI collects between
   * analyses. The sample is kept small, so that the feedback it leaves is an ordinary sentence's.
   */
  private static keepShapes(context: AnalysisContext): void {
    if (keptAnalyses.has(context)) return;
    const kept = new DocumentAnalysis(context, SHAPES_SAMPLE);
    keptAnalyses.set(context, kept);
    kept.extend(SHAPES_SAMPLE.length);
  }

  get language(): Language | 'mixed' {
    return this.context.language ?? detectLanguage(this.acc.latinWords, this.acc.hanChars);
  }

  text(): string {
    return this.content;
  }

  /** Every annotation, negated ones included, in document order with absolute offsets. */
  matches(): Match[] {
    return this.collect(0, this.blocks.length, 0, Infinity);
  }

  /** The annotations `matches()` returns, read one at a time without making them. */
  annotationCursor(): AnnotationCursor {
    return new AnnotationCursor(this.context.reader, this.content, this.blocks, this.starts, this.sentenceStartsOfBlocks(), (i) => this.leadInNote(i));
  }

  /** How many annotations `matches()` returns, without making them. */
  matchCount(): number {
    let count = 0;
    for (const block of this.blocks) count += matchCount(block.matches);
    return count;
  }

  /** Annotations that overlap `[start, end)`. */
  matchesInRange(start: number, end: number): Match[] {
    const first = Math.max(0, this.blockIndexAt(start));
    let last = first;
    while (last < this.blocks.length && this.starts[last] < end) last++;
    return this.collect(first, last, start, end);
  }

  /**
   * Where each term keyed in `wanted` (`category\u0000term`, as the tally lists terms) stands among the counted
   * matches: their summed weight in thousandths and the first one's offset. The weight is the running tally's; the
   * first occurrence is looked for once and then kept through edits (see FirstBlocks), so a post after typing costs
   * what the edit touched, not a pass over every annotation of the document.
   */
  termStandings(wanted: ReadonlySet<string>): Map<string, { weight: number; first: number }> {
    const standings = new Map<string, { weight: number; first: number }>();
    const { categories } = this.context;
    const asked: { key: string; category: number; term: string; weight: number }[] = [];
    for (const key of wanted) {
      const cut = key.indexOf('\u0000');
      const id = key.slice(0, cut);
      const term = key.slice(cut + 1);
      const category = categories.findIndex((c) => c.id === id);
      const weight = category < 0 ? undefined : this.acc.termWeightMilli(category, term);
      if (weight !== undefined) asked.push({ key, category, term, weight });
    }
    const firsts = this.firstBlocks.find(
      asked.map((a) => a.key),
      (i, pending) => this.firstOfKeys(i, pending),
      this.blocks.length,
    );
    for (const a of asked) {
      const found = firsts.get(a.key);
      if (found !== undefined) standings.set(a.key, { weight: a.weight, first: this.starts[found.block] + found.offset });
    }
    return standings;
  }

  /** The offset in block `i` of the first counted annotation of each key in `pending` it holds. */
  private firstOfKeys(i: number, pending: ReadonlySet<string>): Map<string, number> {
    const found = new Map<string, number>();
    const { reader, categories, terms } = this.context;
    const base = this.starts[i];
    const list = this.blocks[i].matches;
    const count = matchCount(list);
    for (let m = 0; m < count && found.size < pending.size; m++) {
      if (reader.negated(list, m)) continue;
      const category = reader.categoryIndex(list, m);
      if (category < 0) continue;
      const key = `${categories[category].id}\u0000${reader.termAt(list, m, terms, this.content, base)}`;
      if (pending.has(key) && !found.has(key)) found.set(key, matchStart(list, m));
    }
    return found;
  }

  /** The keys of `wanted` that `block` (starting at `base` of `text`) has a counted annotation of. */
  private keysIn(block: BlockResult, base: number, text: string, wanted: ReadonlySet<string>): Set<string> {
    const found = new Set<string>();
    const { reader, categories, terms } = this.context;
    const list = block.matches;
    const count = matchCount(list);
    for (let m = 0; m < count; m++) {
      if (reader.negated(list, m)) continue;
      const category = reader.categoryIndex(list, m);
      if (category < 0) continue;
      const key = `${categories[category].id}\u0000${reader.termAt(list, m, terms, text, base)}`;
      if (wanted.has(key)) found.add(key);
    }
    return found;
  }

  /**
   * How many counted (not negated) annotations each lexicon entry has, keyed `category\u0000entry` in the order of
   * their first annotation; read from the packed annotations, without making them.
   */
  entryCounts(): Map<string, number> {
    // Counted by number first: a string per annotation cost a long document a hundred milliseconds.
    const byId = new Map<number, number>();
    const keyOf = new Map<number, string>();
    const { reader } = this.context;
    for (const block of this.blocks) {
      const list = block.matches;
      const count = matchCount(list);
      for (let m = 0; m < count; m++) {
        if (reader.negated(list, m)) continue;
        const id = reader.entryKeyId(list, m);
        const seen = byId.get(id);
        if (seen === undefined) {
          byId.set(id, 1);
          keyOf.set(id, reader.entryKey(list, m));
        } else byId.set(id, seen + 1);
      }
    }
    const counts = new Map<string, number>();
    for (const [id, n] of byId) {
      const key = keyOf.get(id) as string;
      counts.set(key, (counts.get(key) ?? 0) + n);
    }
    return counts;
  }

  /** The first `limit` counted annotations, in document order, made without making the others. */
  firstCounted(limit: number): Match[] {
    const out: Match[] = [];
    const sentenceStarts = this.sentenceStartsOfBlocks();
    const { reader } = this.context;
    for (let i = 0; i < this.blocks.length && out.length < limit; i++) {
      const block = this.blocks[i];
      const list = block.matches;
      const count = matchCount(list);
      const note = block.leadIn === null ? null : this.leadInNote(i);
      for (let m = 0; m < count && out.length < limit; m++) {
        if (reader.negated(list, m)) continue;
        out.push(reader.toMatch(list, m, this.content, this.starts[i], sentenceStarts[i] + block.matchSentences[m], note, block.subject?.title ?? null));
      }
    }
    return out;
  }

  tally(): Tally {
    if (!this.cachedTally) {
      // The sections are those of the text as it is now, whatever edits come before they are read (see keepUnread).
      const unread: UnreadSections = { sections: null, blocks: null, starts: null, text: this.content };
      this.unread = unread;
      this.cachedTally = assembleTally(this.acc, this.language, this.context.categories, () => {
        if (unread.sections) return unread.sections;
        if (unread.blocks && unread.starts) return sectionTallies(unread.blocks, unread.starts, unread.text, this.context.reader);
        if (this.unread === unread) this.unread = null;
        return this.currentSections();
      });
    }
    return this.cachedTally;
  }

  /**
   * The sections of the text as it is now, for a report that reads each once: the tally's own when they were read,
   * else counted into a SectionTable and not kept (see sectionTable).
   */
  sectionList(): SectionTally[] | SectionTable {
    return this.sections ?? sectionTable(this.blocks, this.starts, this.content, this.context.reader);
  }

  /** The sections of the text as it is now: kept from the last read and patched since, or counted. */
  private currentSections(): SectionTally[] {
    return (this.sections ??= sectionTallies(this.blocks, this.starts, this.content, this.context.reader));
  }

  /** Before the blocks change: an unread tally keeps the current sections, or what counts them. */
  private keepUnread(): void {
    const unread = this.unread;
    if (!unread) return;
    this.unread = null;
    if (this.sections) unread.sections = this.sections;
    else {
      unread.blocks = this.blocks.slice();
      unread.starts = this.starts.slice();
    }
  }

  /**
   * Applies an edit that replaced `[start, oldEnd)` of the previous text; `newText` is the whole new text, and
   * returns how many characters were re-analysed. Re-analysis starts a line before the edit (a boundary depends on
   * the line before it), or inside a long line at the last block that reads no text of the edit, and stops at the
   * first new boundary after the edit that was also an old one, from where the old blocks still hold.
   */
  applyEdit(start: number, oldEnd: number, newText: string): number {
    const oldLength = this.content.length;
    if (start < 0 || oldEnd < start || oldEnd > oldLength) throw new RangeError(`edit [${start}, ${oldEnd}) is outside a text of ${oldLength} characters`);
    const delta = newText.length - oldLength;
    const newEnd = oldEnd + delta;
    if (newEnd < start) throw new RangeError('edit end precedes its start in the new text');
    const old = this.content;
    this.keepUnread();
    this.content = newText;
    this.cachedTally = null;
    this.sentenceStarts = null;
    this.lineStarts = null;
    this.lastLeadIn = null;

    // lastIndexOf clamps a negative start to 0, so the first line needs its own case.
    const lineStart = start === 0 ? 0 : old.lastIndexOf('\n', start - 1) + 1;
    const previousLineStart = lineStart < 2 ? 0 : old.lastIndexOf('\n', lineStart - 2) + 1;
    // Deep inside a long line, blocks are cuts that read a bounded stretch; unless the line could turn blank (a blank
    // line joins the block before it), the blocks ending well before the edit stay as they were.
    const deep = start - BLOCK_READS;
    const from = deep > lineStart && !isBlank(newText, lineStart, deep) ? deep : previousLineStart;
    const first = Math.max(0, this.blockIndexAt(from));
    let resync = first;
    const newStarts: number[] = [];
    const newBlocks: BlockResult[] = [];
    const pos = withScanState((scan) => {
      let at = this.blocks.length > 0 ? this.starts[first] : 0;
      let previous = first > 0 ? this.blocks[first - 1] : undefined;
      const { matcher, reader } = this.context;
      while (at < newText.length) {
        const extent = blockAt(newText, at, scan.extent);
        const block = inContext(analyzeBlock(newText, at, extent, matcher, scan), newText, at, previous, matcher, reader, scan.found);
        newStarts.push(at);
        newBlocks.push(block);
        previous = block;
        at = extent.end;
        if (at >= newEnd && at < newText.length) {
          while (resync < this.starts.length && this.starts[resync] < at - delta) resync++;
          // The old blocks hold from here only if the block here gets the lead-in and the subject it got before (a list's
          // items follow their lead-in; a title's subject, the whole document).
          const before = this.blocks[resync - 1];
          if (resync < this.starts.length && this.starts[resync] === at - delta && this.starts[resync] >= oldEnd && sameLeadIn(handedOn(block), handedOn(before)) && sameSubject(block.subject, before?.subject ?? null)) break;
        }
      }
      return at;
    });
    const last = pos >= newText.length ? this.blocks.length : resync;
    if (this.sections) {
      const removed = { blocks: this.blocks, starts: this.starts, first, end: last };
      const added = { blocks: newBlocks, starts: newStarts, first: 0, end: newBlocks.length };
      this.sections = patchSections(this.sections, start, delta, removed, added, this.context.reader);
    }
    if (this.firstBlocks.size > 0) {
      // The first occurrences asked for before: those in the new blocks found there, the others moved past them.
      const keys = this.firstBlocks.keys();
      const inNew = new Map<string, number>();
      newBlocks.forEach((block, n) => {
        for (const key of this.keysIn(block, newStarts[n], newText, keys)) if (!inNew.has(key)) inNew.set(key, n);
      });
      this.firstBlocks.edit(first, last, newBlocks.length, inNew);
    }
    for (let i = first; i < last; i++) this.acc.apply(this.blocks[i], -1, old, this.starts[i]);
    newBlocks.forEach((block, i) => this.acc.apply(block, 1, newText, newStarts[i]));
    for (let i = last; i < this.starts.length; i++) this.starts[i] += delta;
    this.starts.splice(first, last - first, ...newStarts);
    this.blocks.splice(first, last - first, ...newBlocks);
    return newStarts.length === 0 ? 0 : pos - newStarts[0];
  }

  private analyzedUpTo(): number {
    const n = this.blocks.length;
    return n === 0 ? 0 : this.starts[n - 1] + this.blocks[n - 1].length;
  }

  /** Analyses blocks up to `until`, or until the clock passes `deadline`. */
  private extend(until: number, deadline = Infinity): void {
    const text = this.content;
    this.keepUnread();
    this.sections = null;
    // The loop stays in the method, not in a closure for withScanState: TurboFan compiles it better so (performance-notes.md).
    const scan = takeScanState();
    const { starts, blocks } = this;
    // Without a deadline the text is analysed to `until` in one run: the lists get room for its blocks at the rate so
    // far (see room) and are written by index, then cut to their length. Slices push, so that each keeps the room the
    // one before made.
    const reserve = deadline === Infinity;
    let count = blocks.length;
    let room = count;
    try {
      let pos = this.analyzedUpTo();
      while (pos < until) {
        const extent = blockAt(text, pos, scan.extent);
        const { matcher, reader } = this.context;
        const block = inContext(analyzeBlock(text, pos, extent, matcher, scan), text, pos, count > 0 ? blocks[count - 1] : undefined, matcher, reader, scan.found);
        if (!reserve) {
          starts.push(pos);
          blocks.push(block);
        } else {
          if (count === room) {
            room = roomFor(count, pos, until);
            starts.length = room;
            blocks.length = room;
          }
          starts[count] = pos;
          blocks[count] = block;
        }
        count++;
        this.acc.apply(block, 1, text, pos);
        pos = extent.end;
        if (deadline !== Infinity && performance.now() > deadline) break;
      }
    } finally {
      if (reserve) {
        starts.length = count;
        blocks.length = count;
      }
      giveScanState(scan);
    }
    this.cachedTally = null;
    this.sentenceStarts = null;
    this.lineStarts = null;
    this.lastLeadIn = null;
  }

  /** Index of the block holding `offset` (the last block starting at or before it), −1 before any. */
  private blockIndexAt(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.starts[mid] <= offset) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  }

  private collect(first: number, last: number, from: number, to: number): Match[] {
    const out: Match[] = [];
    const sentenceStarts = this.sentenceStartsOfBlocks();
    for (let i = first; i < last; i++) {
      const base = this.starts[i];
      const block = this.blocks[i];
      const list = block.matches;
      const count = matchCount(list);
      const note = block.leadIn === null ? null : this.leadInNote(i);
      for (let m = 0; m < count; m++) {
        if (matchEnd(list, m) + base <= from || matchStart(list, m) + base >= to) continue;
        out.push(this.context.reader.toMatch(list, m, this.content, base, sentenceStarts[i] + block.matchSentences[m], note, block.subject?.title ?? null));
      }
    }
    return out;
  }

  /**
   * What the explanation of block `i`'s inherited annotation names: the lead-in of its list, the nearest block before it
   * that opens one (the blocks between are items of the same list), with its line.
   */
  private leadInNote(i: number): LeadInNote | null {
    const leadIn = this.blocks[i].leadIn;
    // The last block before it that opened this lead-in (an outer list taken up again after a nested one names its own
    // lead-in, further back than the nested one's). Read in document order, that is the last item's unless the block
    // between opens one or hands on another.
    const memo = this.lastLeadIn;
    let j = i - 1;
    const previous = j >= 0 ? this.blocks[j] : null;
    if (memo !== null && memo.block === i - 1 && previous !== null && previous.opens === null && leadIn !== null && previous.leadIn !== null && opener(previous.leadIn, leadIn)) j = memo.leadIn;
    else if (leadIn !== null) while (j >= 0 && !opener(this.blocks[j].opens, leadIn)) j--;
    this.lastLeadIn = { block: i, leadIn: j };
    const opens = j >= 0 ? this.blocks[j].opens : null;
    if (leadIn === null || opens === null) return null;
    const at = this.starts[j] + opens.offset;
    let line = this.lineStartsOfBlocks()[j];
    for (let k = this.starts[j]; k < at; k++) if (this.content.charCodeAt(k) === 10) line++;
    return { line, text: leadIn.text, ban: leadIn.ban, oversight: leadIn.covers && leadIn.entry >= 0 && leadIn.grounds !== true && leadIn.officials !== true && leadIn.protective !== true, grounds: leadIn.grounds === true, officials: leadIn.officials === true, protective: leadIn.protective === true };
  }

  /** Per block, the zero-based line it starts on; made when an explanation needs it, dropped on change. */
  private lineStartsOfBlocks(): number[] {
    return (this.lineStarts ??= runningStarts(this.blocks, (b) => b.newlines));
  }

  private sentenceStartsOfBlocks(): number[] {
    return (this.sentenceStarts ??= runningStarts(this.blocks, (b) => b.sentences));
  }
}

/**
 * How many blocks a list that holds `count` blocks of a text analysed up to `pos` makes room for, on the way to
 * `until`: those of the rest at the rate so far, and a tenth more, but at least as many more as a push would make room
 * for and at most four times as many plus a thousand (a dense opening, a table of contents, is no rate for the rest). A
 * list grown by push is copied at every growth by half, about three times its final length in all.
 */
function roomFor(count: number, pos: number, until: number): number {
  const rate = pos > 0 ? Math.ceil(((count * (until - pos)) / pos) * 1.1) : 0;
  return Math.min(4 * count + 1024, Math.max(count + (count >> 1) + 16, count + rate));
}

/** Per block, the sum of `count` over the blocks before it: where its lines or sentences start. */
function runningStarts(blocks: readonly BlockResult[], count: (block: BlockResult) => number): number[] {
  const starts = new Array<number>(blocks.length);
  let sum = 0;
  for (let i = 0; i < blocks.length; i++) {
    starts[i] = sum;
    sum += count(blocks[i]);
  }
  return starts;
}

/** What a tally needs to read its sections after the analysis moved on: the sections, or the blocks to count them. */
interface UnreadSections {
  sections: SectionTally[] | null;
  blocks: BlockResult[] | null;
  starts: number[] | null;
  text: string;
}

/** Where a term's first counted annotation is: in block `block` (known), or not before it (not known). */
interface FirstBlock {
  block: number;
  known: boolean;
}

/**
 * For the term keys termStandings was asked about, the block of each one's first counted annotation, kept as blocks
 * are replaced (edit) or added after the last (an analysis in slices), and looked for from where it may be when an
 * edit removed it. A few keys are asked (the sidebar's tied top terms), so a handful are kept.
 */
class FirstBlocks {
  private readonly known = new Map<string, FirstBlock>();

  get size(): number {
    return this.known.size;
  }

  keys(): Set<string> {
    return new Set(this.known.keys());
  }

  /**
   * The first block and offset of each key in `keys` that occurs; `firstIn(i, pending)` gives the offsets in block `i`
   * of the pending keys it holds, and blocks are looked at from each key's earliest possible one, in one pass.
   */
  find(keys: readonly string[], firstIn: (i: number, pending: ReadonlySet<string>) => Map<string, number>, blocks: number): Map<string, { block: number; offset: number }> {
    const out = new Map<string, { block: number; offset: number }>();
    if (this.known.size + keys.length > MAX_FIRST_KEYS) for (const key of this.known.keys()) if (!keys.includes(key)) this.known.delete(key);
    const searching = new Map<string, number>();
    for (const key of keys) {
      const place = this.known.get(key);
      if (place?.known) {
        const offset = firstIn(place.block, new Set([key])).get(key);
        if (offset !== undefined) {
          out.set(key, { block: place.block, offset });
          continue;
        }
      }
      // Not looked for yet, or moved out of its block by an edit: looked for from where it may be.
      searching.set(key, place && !place.known ? place.block : 0);
    }
    if (searching.size === 0) return out;
    let from = Math.min(...searching.values());
    const pending = new Set<string>();
    for (let i = from; i < blocks && searching.size > 0; i++) {
      for (const [key, start] of searching) if (start <= i) pending.add(key);
      if (pending.size === 0) {
        from = Math.min(...searching.values());
        i = from - 1;
        continue;
      }
      for (const [key, offset] of firstIn(i, pending)) {
        out.set(key, { block: i, offset });
        this.known.set(key, { block: i, known: true });
        searching.delete(key);
        pending.delete(key);
      }
    }
    // Not in the text (yet: an analysis in slices adds blocks after the last).
    for (const key of searching.keys()) this.known.set(key, { block: blocks, known: false });
    return out;
  }

  /**
   * Blocks `[first, last)` were replaced by `added` new ones, and `inNew` gives the first new block (0-based among
   * them) of the kept keys that occur in them.
   */
  edit(first: number, last: number, added: number, inNew: ReadonlyMap<string, number>): void {
    const shift = added - (last - first);
    for (const [key, place] of this.known) {
      if (place.block < first) continue;
      const n = inNew.get(key);
      if (n !== undefined) this.known.set(key, { block: first + n, known: true });
      else if (place.block >= last) this.known.set(key, { block: place.block + shift, known: place.known });
      else this.known.set(key, { block: first + added, known: false });
    }
  }
}

/** Most term keys FirstBlocks keeps. */
const MAX_FIRST_KEYS = 64;

/** True when `opens`, a block's own lead-in, is the lead-in `leadIn` an item inherits: the same words and entry (reportParts.ts's openerKey). */
function opener(opens: LeadIn | null, leadIn: LeadIn): boolean {
  return opens !== null && opens.text === leadIn.text && opens.entry === leadIn.entry;
}
