// The sentences of a text exactly as the scanner delimits them (blocks, then sentence-final marks), so that
// labels written per sentence line up with the engine's own units. The scanner keeps no spans in its hot
// loop; this walks the text the same way, and a unit test holds the two to the same count.
import { blockAt } from './blocks';
import { classAt, HAN, widthOf, WORD } from './chars';
import { isFullStop } from './scan';

export interface SentenceSpan {
  /** Offset of the sentence's first token. */
  start: number;
  /** Offset just after its final mark, or after its last token when none ends it. */
  end: number;
}

/** Every sentence of `text` in order; a sentence holds at least one word or Han character. */
export function sentenceSpans(text: string): SentenceSpan[] {
  const spans: SentenceSpan[] = [];
  let pos = 0;
  while (pos < text.length) {
    const extent = blockAt(text, pos);
    sentencesOfBlock(text, pos, extent.end, spans);
    pos = extent.end;
  }
  return spans;
}

function sentencesOfBlock(text: string, start: number, end: number, spans: SentenceSpan[]): void {
  let first = -1;
  let lastTokenEnd = -1;
  let lastWordStart = -1;
  let lastWordEnd = -1;
  let i = start;
  while (i < end) {
    const c = text.charCodeAt(i);
    const cls = classAt(text, i, end, c);
    const width = widthOf(c, cls);
    if (cls === WORD) {
      const tokenStart = i;
      i += width;
      while (i < end) {
        const d = text.charCodeAt(i);
        const dc = classAt(text, i, end, d);
        if (dc !== WORD) break;
        i += widthOf(d, dc);
      }
      if (first < 0) first = tokenStart;
      lastWordStart = tokenStart;
      lastWordEnd = i;
      lastTokenEnd = i;
      continue;
    }
    if (cls === HAN) {
      if (first < 0) first = i;
      i += width;
      lastTokenEnd = i;
      continue;
    }
    let ends = false;
    if (c === 46) ends = isFullStop(text, i, end, lastWordStart, lastWordEnd);
    else if (c === 33 || c === 63 || c === 0x3002 || c === 0xff01 || c === 0xff1f || c === 0xff1b) ends = true;
    if (ends && first >= 0) {
      spans.push({ start: first, end: i + width });
      first = -1;
    }
    i += width;
  }
  if (first >= 0) spans.push({ start: first, end: lastTokenEnd });
}

