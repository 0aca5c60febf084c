// Subdivision headings of statutes that end on a full stop: "c) Prohibition of Certain Disclosure.", "2) Motions
// to quash or modify .". The US Code and many regulations print them so; they name a topic and take no stance,
// like the unterminated title lines the scanner recognises itself.
import { isPatternSpace } from './chars';

/** An enumeration label opening the line: "(c)", "iv)", "2.", "A)". */
const LABEL = /^(?:\(?[0-9A-Za-z]{1,5}[).]\s*)+/;
/** Words a heading never holds: modals, auxiliaries and clause openers belong to sentences and lead-ins. */
const NOT_IN_HEADING = /\b(?:shall|may|must|will|would|should|can|could|is|are|was|were|be|been|has|have|had|if|when|where|whether|which|who|that)\b/i;
/** A heading's body opens with a capitalised word. */
export const OPENS_CAPITALISED_WORD = /^[A-Z][A-Za-z]/;
/**
 * An article opening a labelled line: an item of a list ("5) The right to confer with the attorney for the
 * Government.", "6) An opportunity for any party to present a complaint"). The Code's catchlines name their topic
 * without one ("(c) Prohibition of certain disclosure.").
 */
export const OPENS_ARTICLE = /^(?:The|A|An)\s/;
/** "to" opening an item: an infinitive ("A) to communicate with"). */
export const OPENS_TO = /^to\b/i;
/** "and" or "or" closing an item of a list. */
export const ENDS_ON_AND_OR = /\b(?:and|or)$/i;
/** Any Han character. */
export const HAN_CHARACTER = /[\u3400-\u9fff]/;
const HEADING_STOPS = /[:;，：；、]/;
const LONG_WORDS = /[A-Za-z]{4,}/g;
/** Longest line read as a heading. */
const HEADING_CHARS = 200;

/**
 * True when the block's first sentence, `text[start, stop]` with its full stop at `stop`, is a labelled heading:
 * only white space and a line break follow it in the block, it opens with an enumeration label and then a capital,
 * holds no colon or semicolon, no comma unless in title case, no modal or clause word, does not open with "to" (an
 * infinitive item) or an article (a noun phrase item) and does not end on "and" or "or" (an item of a list). Latin script only: a Chinese line ending
 * in 。 is a sentence.
 */
export function isLabelledHeading(text: string, start: number, stop: number, end: number): boolean {
  if (stop - start > HEADING_CHARS || text.charCodeAt(stop) !== 46) return false;
  // Most full stops are followed by the next sentence: a printable ASCII character there fails the test below, unsliced.
  const next = text.charCodeAt(stop + 1);
  if (stop + 1 >= end || (next > 32 && next < 127)) return false;
  // The rest of the block and the label are read in place: most blocks fail here, and need no slice.
  if (!onlySpaceAndLineBreak(text, stop + 1, end) || !opensWithLabel(text, start, stop)) return false;
  const line = text.slice(start, stop).trim();
  const label = LABEL.exec(line);
  if (label === null) return false;
  const body = line.slice(label[0].length).trim();
  // A comma may stand in a heading in title case ("Temporary Detention To Permit Revocation of Conditional Release,
  // Deportation, or Exclusion ."), not in an item.
  if (!OPENS_CAPITALISED_WORD.test(body) || HEADING_STOPS.test(body) || (body.includes(',') && !inTitleCase(body)) || HAN_CHARACTER.test(body)) return false;
  return !NOT_IN_HEADING.test(body) && !OPENS_TO.test(body) && !OPENS_ARTICLE.test(body) && !ENDS_ON_AND_OR.test(body);
}

/** What `/\n\s*$/` tells of `text[start, end)`, read in place: a line break with only `\s` after it ends it. */
export function endsOnLineBreak(text: string, start: number, end: number): boolean {
  for (let i = end - 1; i >= start; i--) {
    const c = text.charCodeAt(i);
    if (c === 10) return true;
    if (!isPatternSpace(c)) return false;
  }
  return false;
}

/** True when `text[start, end)` holds only what `\s` matches, and a line break among it. */
function onlySpaceAndLineBreak(text: string, start: number, end: number): boolean {
  let lineBreak = false;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (!isPatternSpace(c)) return false;
    if (c === 10) lineBreak = true;
  }
  return lineBreak;
}

/**
 * True when `text[start, stop)`, its leading `\s` skipped (as `trim` does), opens as LABEL's first label does: an
 * optional "(", one to five ASCII letters or digits, then ")" or ".". LABEL needs that much, so a false here is its null.
 */
function opensWithLabel(text: string, start: number, stop: number): boolean {
  let i = start;
  while (i < stop && isPatternSpace(text.charCodeAt(i))) i++;
  if (i < stop && text.charCodeAt(i) === 40) i++;
  const first = i;
  while (i < stop && isAsciiLetterOrDigit(text.charCodeAt(i))) i++;
  const c = text.charCodeAt(i);
  return i > first && i - first <= 5 && i < stop && (c === 41 || c === 46);
}

function isAsciiLetterOrDigit(c: number): boolean {
  return (c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 122);
}

/** Every word of four letters or more opens with a capital, and there are at least two: "Remedies, Exceptions, and Definitions". */
export function inTitleCase(line: string): boolean {
  const long = line.match(LONG_WORDS) ?? [];
  return long.length >= 2 && long.every((w) => w.charCodeAt(0) >= 65 && w.charCodeAt(0) <= 90);
}
