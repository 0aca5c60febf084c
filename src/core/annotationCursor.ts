// A whole analysis's annotations read one at a time, in document order, from their numbers (matchList.ts): a report
// writes most of them without a Match (see writeMatches in report.ts), and a corpus of small documents has thousands.
import { LeadInNote, MatchList, matchCount, matchEnd, MatchReader, matchStart } from './matchList';
import type { BlockResult } from './scan';
import type { Match } from './types';

const NONE: MatchList = [];

export class AnnotationCursor {
  /** The current annotation's block's list and its place in it. */
  list: MatchList = NONE;
  index = -1;
  /** The current annotation's offsets in the text and its sentence's index in the document. */
  start = 0;
  end = 0;
  sentence = 0;
  private block = -1;
  private count = 0;
  private base = 0;
  private note: LeadInNote | null = null;

  /**
   * `sentenceStarts`: per block, the index of its first sentence in the document; `leadInNote`: the lead-in block `i`'s
   * inherited annotations name (see DocumentAnalysis), asked for each block with a lead-in, in order.
   */
  constructor(
    readonly reader: MatchReader,
    private readonly text: string,
    private readonly blocks: readonly BlockResult[],
    private readonly starts: readonly number[],
    private readonly sentenceStarts: readonly number[],
    private readonly leadInNote: (block: number) => LeadInNote | null,
  ) {}

  /** Moves to the next annotation; false after the last. */
  next(): boolean {
    while (++this.index >= this.count) {
      if (++this.block >= this.blocks.length) return false;
      const block = this.blocks[this.block];
      this.list = block.matches;
      this.count = matchCount(this.list);
      this.index = -1;
      this.base = this.starts[this.block];
      this.note = block.leadIn === null ? null : this.leadInNote(this.block);
    }
    const block = this.blocks[this.block];
    this.start = matchStart(this.list, this.index) + this.base;
    this.end = matchEnd(this.list, this.index) + this.base;
    this.sentence = this.sentenceStarts[this.block] + block.matchSentences[this.index];
    return true;
  }

  /** The current annotation as a Match, as DocumentAnalysis.matches() gives it. */
  match(): Match {
    const block = this.blocks[this.block];
    return this.reader.toMatch(this.list, this.index, this.text, this.base, this.sentence, this.note, block.subject?.title ?? null);
  }
}
