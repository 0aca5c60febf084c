// The analysis of a window of a long document, presented with the document's own offsets and lines, so views can
// show it while the whole text is still being analysed.
import type { DocumentAnalysis } from '../core';
import type { Language, Match, SectionTally, Tally } from '../core/types';

/** What views read from an analysis; a DocumentAnalysis is one, and so is a window of one. */
export interface AnalysisView {
  readonly language: Language | 'mixed';
  /** Sorted by start offset, in document offsets. */
  matches(): Match[];
  /** How many annotations `matches()` would return, without making them. */
  matchCount(): number;
  matchesInRange(start: number, end: number): Match[];
  tally(): Tally;
  /** The whole document text the offsets refer to. */
  text(): string;
}

export class WindowAnalysis implements AnalysisView {
  constructor(
    private readonly fullText: string,
    /** Document offsets of the window, and the line where it starts. */
    private readonly offset: number,
    private readonly end: number,
    private readonly line: number,
    private readonly window: DocumentAnalysis,
  ) {}

  get language(): Language | 'mixed' {
    return this.window.language;
  }

  matches(): Match[] {
    return this.window.matches().map((m) => this.shift(m));
  }

  matchCount(): number {
    return this.window.matchCount();
  }

  matchesInRange(start: number, end: number): Match[] {
    return this.window.matchesInRange(start - this.offset, end - this.offset).map((m) => this.shift(m));
  }

  /** The window's tally (counts cover the window only), with sections placed in the document. */
  tally(): Tally {
    const tally = this.window.tally();
    return { ...tally, sections: tally.sections.map((s) => this.shiftSection(s)) };
  }

  text(): string {
    return this.fullText;
  }

  covers(start: number, end: number): boolean {
    return start >= this.offset && end <= this.end;
  }

  private shift(m: Match): Match {
    return { ...m, start: m.start + this.offset, end: m.end + this.offset };
  }

  private shiftSection(s: SectionTally): SectionTally {
    return {
      ...s,
      startOffset: s.startOffset + this.offset,
      endOffset: s.endOffset + this.offset,
      startLine: s.startLine + this.line,
      endLine: s.endLine + this.line,
    };
  }
}
