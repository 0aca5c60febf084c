// A report's analysis of a long text given in consecutive parts, each cut where a block of the whole text ends (the
// CLI cuts a big file at paragraph breaks, src/cli/bigReport.ts). Every block is analysed in its context (the block
// before it, across a cut too), counted into the tally and the sections, its annotations kept as numbers, and then
// dropped: the blocks a whole analysis keeps until its report is written were most of what the collector copied.
// The report reads the same figures, sections and annotations, in the same order, as from a whole analysis.
import type { AnalysisContext } from './analysis';
import { blockAt } from './blocks';
import { inContext, LeadIn } from './listContext';
import { LineIndex } from './lineIndex';
import { LeadInNote, matchCount, matchEnd, matchStart } from './matchList';
import { EncodedBytes, JsonBytes } from './jsonBytes';
import { AnnotationWriter, ReportAnnotation, round, writeMatchAt, writeWithStance } from './report';
import { StanceBytes } from './stanceBytes';
import { analyzeBlock, BlockResult, withScanState } from './scan';
import { assembleTally, detectLanguage, SectionTable, SectionWalk, TallyAccumulator } from './tally';
import type { Match, Tally } from './types';

/** What a finished analysis in parts gives a report: the tally, its sections as a table, and the annotations. */
export interface PartedResult {
  tally: Tally;
  sections: SectionTable;
  annotations: HeldAnnotations;
}

export class PartedAnalysis {
  private readonly acc: TallyAccumulator;
  private readonly table = new SectionTable(0);
  private readonly walk: SectionWalk;
  private readonly held: HeldAnnotations;
  /** The last block analysed: the next part's first block is read in its context. */
  private previous: BlockResult | undefined = undefined;
  /** Characters, line breaks and sentences of the parts so far. */
  private length = 0;
  private lines = 0;
  private sentences = 0;
  /**
   * The zero-based line of the last lead-in a block opened, by its entry and words (see DocumentAnalysis.leadInNote: an
   * outer list taken up again after a nested one names its own lead-in, further back than the nested one).
   */
  private readonly openerLines = new Map<string, number>();

  constructor(private readonly context: AnalysisContext) {
    this.acc = new TallyAccumulator(context.reader, context.terms, context.categories.length);
    this.walk = new SectionWalk(context.reader, (s, title, level, parent, endLine, endOffset) => this.table.set(s, title, level, parent, endLine, endOffset), false);
    this.held = new HeldAnnotations(context);
  }

  /** Analyses the next part: `text` follows the last part's text, and a block of the whole text ends where it ends. */
  add(text: string): void {
    const { matcher, reader } = this.context;
    this.held.beginPart(text, this.length, this.lines);
    withScanState((scan) => {
      let pos = 0;
      while (pos < text.length) {
        const extent = blockAt(text, pos, scan.extent);
        const block = inContext(analyzeBlock(text, pos, extent, matcher, scan), text, pos, this.previous, matcher, reader, scan.found);
        this.acc.apply(block, 1, text, pos);
        this.walk.add(block, text, pos, this.length + pos, this.acc);
        const leadIn = block.leadIn;
        const openerLine = leadIn === null ? undefined : this.openerLines.get(openerKey(leadIn));
        const note = leadIn === null || openerLine === undefined ? null : { line: openerLine, text: leadIn.text, ban: leadIn.ban, oversight: leadIn.covers && leadIn.entry >= 0 && leadIn.grounds !== true && leadIn.officials !== true && leadIn.protective !== true, grounds: leadIn.grounds === true, officials: leadIn.officials === true, protective: leadIn.protective === true };
        this.held.add(block, pos, this.sentences, note);
        if (block.opens !== null) {
          let line = this.lines;
          for (let k = pos, at = pos + block.opens.offset; k < at; k++) if (text.charCodeAt(k) === 10) line++;
          this.openerLines.set(openerKey(block.opens), line);
        }
        this.lines += block.newlines;
        this.sentences += block.sentences;
        this.previous = block;
        pos = extent.end;
      }
    });
    this.length += text.length;
  }

  /** The tally, sections and annotations of all the parts given; the analysis takes no more parts after. */
  finish(): PartedResult {
    const sections = this.walk.end(this.length) ? this.table : new SectionTable(0);
    const language = this.context.language ?? detectLanguage(this.acc.latinWords, this.acc.hanChars);
    const tally = assembleTally(this.acc, language, this.context.categories, () => Array.from({ length: sections.length }, (_, i) => sections.at(i)));
    this.held.subject = this.previous?.subject?.title ?? null;
    return { tally, sections, annotations: this.held };
  }
}

/** A part's text and where it starts in the whole; its annotations are `[from, to)` of the held ones. */
interface HeldPart {
  text: string;
  offset: number;
  line: number;
  from: number;
  to: number;
}

/** Per annotation, its two packed numbers (see matchList.ts) and, as integers, its block's start in its part, its sentence and its note. */
const INTS = 3;

/**
 * The annotations of an analysis in parts, as numbers in typed arrays (with each part's text), until the report
 * writes them: a Match is made for each only then, as a whole analysis's report makes them.
 */
export class HeldAnnotations implements AnnotationWriter {
  private packed = new Float64Array(1 << 12);
  private ints = new Int32Array((1 << 11) * INTS);
  private count = 0;
  private readonly parts: HeldPart[] = [];
  private readonly notes: LeadInNote[] = [];
  /** The title line that gave the document its subject, or null. */
  subject: string | null = null;

  constructor(private readonly context: AnalysisContext) {
    this.stances = new StanceBytes(context.reader);
  }

  get length(): number {
    return this.count;
  }

  beginPart(text: string, offset: number, line: number): void {
    this.parts.push({ text, offset, line, from: this.count, to: this.count });
  }

  /** The annotations of `block`, at `base` in the current part; `sentences`: those of the blocks before it. */
  add(block: BlockResult, base: number, sentences: number, note: LeadInNote | null): void {
    const list = block.matches;
    const n = matchCount(list);
    if (n === 0) return;
    let noteIndex = -1;
    if (note !== null) {
      const last = this.notes.length > 0 ? this.notes[this.notes.length - 1] : null;
      if (last === null || last.line !== note.line || last.text !== note.text || last.ban !== note.ban) this.notes.push(note);
      noteIndex = this.notes.length - 1;
    }
    if ((this.count + n) * 2 > this.packed.length) this.grow(this.count + n);
    const packed = this.packed;
    const ints = this.ints;
    const sentenceOf = block.matchSentences;
    for (let m = 0; m < n; m++) {
      const at = this.count++;
      packed[2 * at] = list[2 * m];
      packed[2 * at + 1] = list[2 * m + 1];
      ints[INTS * at] = base;
      ints[INTS * at + 1] = sentences + sentenceOf[m];
      ints[INTS * at + 2] = noteIndex;
    }
    this.parts[this.parts.length - 1].to = this.count;
  }

  [Symbol.iterator](): Iterator<ReportAnnotation> {
    return this.annotations();
  }

  /** Writes every annotation as documentBytes does from a whole analysis (see writeMatches in report.ts). */
  *writeInto(out: JsonBytes, first: EncodedBytes, separator: EncodedBytes, chunkSize: number): Generator<Uint8Array, number> {
    let count = 0;
    const one = this.one;
    for (const part of this.parts) {
      const lines = new LineIndex(part.text);
      let line = 0;
      for (let a = part.from; a < part.to; a++) {
        out.copied(count === 0 ? first : separator);
        one[0] = this.packed[2 * a];
        one[1] = this.packed[2 * a + 1];
        const stance = this.stances.of(one, 0);
        if (stance === null) line = writeMatchAt(out, lines, line, part.line, part.offset, this.match(part, a));
        else {
          const base = this.ints[INTS * a];
          line = writeWithStance(out, part.text, lines, line, part.line, part.offset, base + matchStart(one, 0), base + matchEnd(one, 0), this.ints[INTS * a + 1], stance);
        }
        count++;
        if (out.length >= chunkSize) yield out.take();
      }
    }
    return count;
  }

  private *annotations(): Generator<ReportAnnotation> {
    for (const part of this.parts) {
      const lines = new LineIndex(part.text);
      for (let a = part.from; a < part.to; a++) {
        const { start, end, ...rest } = this.match(part, a);
        const at = (offset: number): ReportAnnotation['start'] => {
          const { line, character } = lines.positionAt(offset);
          return { line: part.line + line, character, offset: part.offset + offset };
        };
        yield { start: at(start), end: at(end), ...rest, weight: round(rest.weight), review: null, origin: 'lexicon' };
      }
    }
  }

  private readonly stances: StanceBytes;

  /** Annotation `a` as a Match with offsets in its part's text. */
  private match(part: HeldPart, a: number): Match {
    const one = this.one;
    one[0] = this.packed[2 * a];
    one[1] = this.packed[2 * a + 1];
    const ints = this.ints;
    const note = ints[INTS * a + 2];
    return this.context.reader.toMatch(one, 0, part.text, ints[INTS * a], ints[INTS * a + 1], note < 0 ? null : this.notes[note], this.subject);
  }

  /** One annotation's packed numbers, as a list toMatch reads. */
  private readonly one: number[] = [0.5, 0.5];

  private grow(needed: number): void {
    const size = Math.max(needed, 2 * (this.packed.length / 2));
    const packed = new Float64Array(size * 2);
    packed.set(this.packed.subarray(0, this.count * 2));
    this.packed = packed;
    const ints = new Int32Array(size * INTS);
    ints.set(this.ints.subarray(0, this.count * INTS));
    this.ints = ints;
  }
}

/** What tells the lead-ins of a text apart for an explanation: their entry and words (see DocumentAnalysis.leadInNote). */
function openerKey(leadIn: LeadIn): string {
  return `${leadIn.entry}\u0000${leadIn.text}`;
}
