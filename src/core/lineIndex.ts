// Offset ↔ line/character conversion, counted as VS Code counts: zero-based, UTF-16 code units, lines end at
// \r\n, \n or a lone \r.

export interface LinePosition {
  line: number;
  character: number;
}

export class LineIndex {
  private readonly lineStarts: number[] = [0];

  constructor(text: string) {
    if (text.indexOf('\r') < 0) {
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.lineStarts.push(i + 1);
      return;
    }
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) this.lineStarts.push(i + 1);
    }
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  positionAt(offset: number): LinePosition {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: offset - this.lineStarts[lo] };
  }

  /** The line of positionAt(offset), without making the position; `from`, a line at or before it, makes offsets asked for in order cheap. */
  lineOf(offset: number, from = 0): number {
    const starts = this.lineStarts;
    let lo = from > 0 && from < starts.length && starts[from] <= offset ? from : 0;
    // A few steps on first: a report's offsets come in order, most on the line of the one before or the next.
    for (let step = 0; step < 4; step++) {
      if (lo + 1 >= starts.length || starts[lo + 1] > offset) return lo;
      lo++;
    }
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  offsetAt(line: number): number {
    return this.lineStarts[Math.max(0, Math.min(line, this.lineStarts.length - 1))];
  }
}

export function lineIndex(text: string): LineIndex {
  return new LineIndex(text);
}
