// Splits text into blocks: runs of lines that no sentence crosses. A block ends at a blank line, around a
// heading, before an enumerated item, or at a sentence-final line once it is long enough. Analysis is per
// block, so an edit only re-analyses the blocks around it. A boundary depends only on the text from the
// block's start up to the line after it, which lets incremental re-blocking resynchronise with the old blocks.
import { headingLevelAt, startsEnumeration } from './headings';

/** Blocks longer than this end at the next line break, or inside a long line at a sentence end. */
export const MAX_BLOCK = 8192;
/**
 * How far past its start a block's extent reads inside a line longer than MAX_BLOCK: the line end searched up to
 * 2 × MAX_BLOCK + 2, a cut searched up to that, and the character after a full stop. Text further on cannot move
 * the block's end, so an edit there leaves the block as it was.
 */
export const BLOCK_READS = 2 * MAX_BLOCK + 4;
/** Past this length a block ends at the first line that ends a sentence: small enough for cheap edits, large enough to keep per-block costs low. */
const TARGET_BLOCK = 1024;

const NEWLINE = 10;

export interface BlockExtent {
  end: number;
  newlines: number;
  /** The level of the heading the block is, −1 when it is none. */
  headingLevel: number;
}

/**
 * End (exclusive) of the block that starts at `start`, and how many line breaks it holds, written into `into` when
 * given (a loop over a text's blocks reuses one extent, so that no object is made per block) or into a new extent.
 */
export function blockAt(text: string, start: number, into?: BlockExtent): BlockExtent {
  const extent = into ?? { end: 0, newlines: 0, headingLevel: -1 };
  const length = text.length;
  let lineStart = start;
  let newlines = 0;
  while (lineStart < length) {
    // The search for the line's end stops where a long line would be cut anyway, so that the blocks of one huge line
    // do not each search the rest of it (quadratic in the line's length). A line found to run past the bound is cut.
    const lineEnd = lineEndWithin(text, lineStart, Math.max(lineStart, start + MAX_BLOCK) + MAX_BLOCK + 2);
    if (lineEnd - start > MAX_BLOCK && lineEnd - lineStart > MAX_BLOCK) {
      const cut = cutLongLine(text, Math.max(lineStart, start + MAX_BLOCK), lineEnd);
      if (cut < lineEnd) return extentOf(extent, cut, newlines, -1);
    }
    const next = lineEnd < length ? lineEnd + 1 : length;
    const atLineStart = lineStart === 0 || text.charCodeAt(lineStart - 1) === NEWLINE;
    const heading = atLineStart ? headingLevelAt(text, lineStart, lineEnd) : -1;
    if (lineStart > start && atLineStart && (heading >= 0 || startsEnumeration(text, lineStart))) return extentOf(extent, lineStart, newlines, -1);
    if (lineEnd < length) newlines++;
    if (heading >= 0) return withBlankLines(extent, text, start, next, newlines, heading);
    if (isBlank(text, lineStart, lineEnd)) return withBlankLines(extent, text, start, next, newlines, -1);
    if (next - start > MAX_BLOCK || (next - start > TARGET_BLOCK && endsSentence(text, lineStart, lineEnd))) {
      return extentOf(extent, next, newlines, -1);
    }
    lineStart = next;
  }
  return extentOf(extent, length, newlines, -1);
}

function extentOf(extent: BlockExtent, end: number, newlines: number, headingLevel: number): BlockExtent {
  extent.end = end;
  extent.newlines = newlines;
  extent.headingLevel = headingLevel;
  return extent;
}

/**
 * The block ending at `end`, extended over the blank lines that follow it. A blank line on its own would be a block
 * of its own: in a statute, with a blank line after every article, that was every other block, and each block has a
 * fixed cost. The extent still depends only on the text up to the first line that is not blank.
 */
function withBlankLines(extent: BlockExtent, text: string, start: number, end: number, newlines: number, headingLevel: number): BlockExtent {
  const length = text.length;
  let lines = newlines;
  let pos = end;
  while (pos < length && pos - start <= MAX_BLOCK) {
    let lineEnd = text.indexOf('\n', pos);
    if (lineEnd < 0) lineEnd = length;
    if (!isBlank(text, pos, lineEnd)) break;
    if (lineEnd < length) lines++;
    pos = lineEnd < length ? lineEnd + 1 : length;
  }
  return extentOf(extent, pos, lines, headingLevel);
}

/** The first line break at or after `from`, or `bound` when there is none before it, or the text's length. */
function lineEndWithin(text: string, from: number, bound: number): number {
  // One path for a bound inside the text and past its end: compiled code met only the first would be thrown away at
  // a text's last lines.
  const limit = Math.min(bound, text.length);
  // From a line's start the search runs to the line's end, past the bound or not: a pass over a text searches each
  // line so once or twice, and the blocks cut inside a long line start past its start. Unsliced: every line comes here.
  if (from === 0 || text.charCodeAt(from - 1) === NEWLINE) {
    const found = text.indexOf('\n', from);
    return found < 0 || found > limit ? limit : found;
  }
  // Inside a long line, a slice of a flat string shares its characters: indexOf then reads at most limit − from of them.
  const found = text.slice(from, limit).indexOf('\n');
  return found < 0 ? limit : from + found;
}

/** Where to cut a line that is too long: after a sentence end, else after a space, else anywhere safe. */
function cutLongLine(text: string, from: number, lineEnd: number): number {
  const limit = Math.min(lineEnd, from + MAX_BLOCK);
  for (let i = from; i < limit; i++) {
    const c = text.charCodeAt(i);
    if ((c === 46 || c === 33 || c === 63) && text.charCodeAt(i + 1) === 32) return i + 2;
    if (c === 0x3002 || c === 0xff01 || c === 0xff1f || c === 0xff1b) return i + 1;
  }
  for (let i = from; i < limit; i++) if (text.charCodeAt(i) === 32) return i + 1;
  const c = text.charCodeAt(limit - 1);
  return c >= 0xd800 && c <= 0xdbff ? limit + 1 : limit;
}

/** True when `[start, end)` holds only what a blank line may hold. */
export function isBlank(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 13 && c !== 0x3000) return false;
  }
  return true;
}

/** True when a line ends with sentence-final punctuation (closing quotes and brackets aside). */
function endsSentence(text: string, start: number, end: number): boolean {
  let i = end - 1;
  while (i >= start) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 13 || c === 34 || c === 39 || c === 41 || c === 0x201d || c === 0x2019 || c === 0xff09 || c === 0x300d) i--;
    else break;
  }
  if (i < start) return false;
  const c = text.charCodeAt(i);
  return c === 46 || c === 33 || c === 63 || c === 59 || c === 0x3002 || c === 0xff01 || c === 0xff1f || c === 0xff1b;
}
