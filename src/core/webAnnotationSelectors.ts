// Selectors for a span of text and re-finding that span after the text changed. An annotation is found at its
// old position when the quote still stands there; else where the quote stands with the most of its prefix and
// suffix around it (nearest the old position among equals); else it is an orphan. It is never moved to a place
// where its quote does not stand, and never to a place whose surroundings do not vouch for it.
import type { TextPositionSelector, TextQuoteSelector } from './webAnnotation';

/** Characters of context kept on each side of a quote. */
export const QUOTE_CONTEXT = 32;

function quoteSelector(text: string, start: number, end: number): TextQuoteSelector {
  return {
    type: 'TextQuoteSelector',
    exact: text.slice(start, end),
    prefix: text.slice(Math.max(0, start - QUOTE_CONTEXT), start),
    suffix: text.slice(end, end + QUOTE_CONTEXT),
  };
}

function positionSelector(start: number, end: number): TextPositionSelector {
  return { type: 'TextPositionSelector', start, end };
}

/** Both selectors for `[start, end)` of `text`, in the order the store writes them. */
export function selectorsFor(text: string, start: number, end: number): [TextQuoteSelector, TextPositionSelector] {
  if (!(start >= 0 && end > start && end <= text.length)) throw new RangeError(`[${start}, ${end}) is not a non-empty span of a text of ${text.length} characters`);
  return [quoteSelector(text, start, end), positionSelector(start, end)];
}

/** How an annotation was found: where it was, somewhere else by its quote and context, or not at all. */
export type AnchorStatus = 'position' | 'quote' | 'orphan';

export interface Anchor {
  status: AnchorStatus;
  /** The span found; for an orphan, the old position (clamped to the text), which nothing should draw. */
  start: number;
  end: number;
}

/**
 * Re-finds a quote in `text`. `hint` is where it is expected: the stored position, or that position carried
 * through the edits seen since (the editor does that).
 */
export function anchorQuote(text: string, quote: TextQuoteSelector, hint: number): Anchor {
  const { exact } = quote;
  const length = exact.length;
  if (length === 0) return orphan(text, hint, length);
  if (hint >= 0 && text.startsWith(exact, hint)) return { status: 'position', start: hint, end: hint + length };
  const needed = contextNeeded(quote);
  let best = -1;
  let bestScore = -1;
  let bestDistance = Infinity;
  for (let at = text.indexOf(exact); at >= 0; at = text.indexOf(exact, at + 1)) {
    const score = commonSuffix(text, at, quote.prefix) + commonPrefix(text, at + length, quote.suffix);
    if (score < needed) continue;
    const distance = Math.abs(at - hint);
    if (score > bestScore || (score === bestScore && distance < bestDistance)) {
      best = at;
      bestScore = score;
      bestDistance = distance;
    }
  }
  return best < 0 ? orphan(text, hint, length) : { status: 'quote', start: best, end: best + length };
}

/** Re-finds the span two selectors describe, expecting it at the stored position. */
export function anchorSelectors(text: string, quote: TextQuoteSelector, position: TextPositionSelector): Anchor {
  return anchorQuote(text, quote, position.start);
}

/**
 * The context a new place must agree with: at least half of the stored prefix and suffix together, and never
 * less than one whole side when only one side is stored. A quote stored with no context at all (the whole
 * document) needs none.
 */
function contextNeeded(quote: TextQuoteSelector): number {
  return Math.ceil((quote.prefix.length + quote.suffix.length) / 2);
}

function orphan(text: string, hint: number, length: number): Anchor {
  const start = Math.max(0, Math.min(hint, text.length));
  return { status: 'orphan', start, end: Math.min(text.length, start + length) };
}

/** How many characters of `prefix`, from its end, stand just before `at`. */
function commonSuffix(text: string, at: number, prefix: string): number {
  let n = 0;
  while (n < prefix.length && at - n - 1 >= 0 && text.charCodeAt(at - n - 1) === prefix.charCodeAt(prefix.length - n - 1)) n++;
  return n;
}

/** How many characters of `suffix`, from its start, stand at `at`. */
function commonPrefix(text: string, at: number, suffix: string): number {
  let n = 0;
  while (n < suffix.length && at + n < text.length && text.charCodeAt(at + n) === suffix.charCodeAt(n)) n++;
  return n;
}

/**
 * Carries an offset through one edit that replaced `[start, oldEnd)` with `insertedLength` characters: offsets
 * before the edit stay, offsets after it move by the difference, offsets inside it go to the edit's start (the
 * quote check then decides whether the annotation is still there).
 */
export function shiftOffset(offset: number, start: number, oldEnd: number, insertedLength: number): number {
  if (offset < start) return offset;
  if (offset >= oldEnd) return offset + insertedLength - (oldEnd - start);
  return start;
}
