// The hot loop: one pass over a block's characters finds word tokens, Han characters, sentence and clause
// ends, and steps the lexicon's path automaton on each token. It hashes tokens in place instead of slicing
// strings, so a token the lexicon does not mention costs a table lookup and no allocation.
import { charClass, classAt, HAN, isPhraseJoiner, lowerChar, widthOf, WORD } from './chars';
import { countHanWords } from './cjkWords';
import { BlockExtent } from './blocks';
import { endSentence, MatchState, stepToken } from './match';
import { Matcher } from './matcher';
import { MatchList, MatchListBuilder } from './matchList';
import { NO_PATH } from './pathAutomaton';
import { isLabelledHeading } from './titleLines';
import type { Units } from './types';

export interface BlockResult {
  readonly length: number;
  readonly newlines: number;
  readonly words: number;
  readonly latinWords: number;
  readonly hanChars: number;
  readonly sentences: number;
  /** Annotations, offsets relative to the block's start. */
  readonly matches: MatchList;
  /** Per annotation, the index of its sentence among the block's `sentences`. */
  readonly matchSentences: readonly number[];
  /** The level of the heading the block is, −1 when it is none; its title is read from the text when a section is shown. */
  readonly headingLevel: number;
  /**
   * The heading's title, once a section has read it. A block's text never changes (an edit makes new blocks), so it
   * holds for the block's life, and after an edit only the new headings are read again.
   */
  title: string | null;
  /** The block's sentence units, once the tally has counted them (they depend only on the block). */
  units: Units | null;
}

const ASCII_CLASS = Uint8Array.from({ length: 128 }, (_, c) => charClass(c));
/** Words after which a full stop does not end a sentence. */
const ABBREVIATIONS: readonly string[] = ['no', 'nos', 'art', 'arts', 'para', 'paras', 'sec', 'secs', 'cf', 'mr', 'mrs', 'ms', 'dr', 'st', 'vs', 'eg', 'ie', 'etc', 'vol', 'ch', 'pp', 'p', 'fig', 'approx', 'inc', 'ltd', 'co', 'corp', 'dept', 'govt', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec'];
const ABBREVIATION_LENGTH = 6;
/** The abbreviations as numbers (see asciiWordCode), so that the word before each full stop need not be sliced out. */
const ABBREVIATION_CODES = new Set(ABBREVIATIONS.map((a) => asciiWordCode(a, 0, a.length)));
const ABBREVIATION_SET = new Set(ABBREVIATIONS);

/**
 * What analysing a block works in: the annotations being collected and the matcher's state for the sentence being
 * read. Each analysis owns one, so analyses can be interleaved (a block of one between blocks of another) safely.
 */
export class ScanState {
  readonly found = new MatchListBuilder();
  readonly match = new MatchState();
}

/** Analyses `text[start, end)`, one block, working in `scan`. */
export function analyzeBlock(text: string, start: number, extent: BlockExtent, matcher: Matcher, scan: ScanState): BlockResult {
  const end = extent.end;
  const automaton = matcher.automaton;
  automaton.trim();
  const found = scan.found;
  const match = scan.match;
  // Only locals in this loop, no closures over them: captured variables would live on the heap.
  found.reset();
  let latinWords = 0;
  let hanChars = 0;
  let hanWords = 0;
  let sentences = 0;
  let ordinal = 0;
  let clause = 0;
  let hanRunStart = -1;
  let hanRunChars = 0;
  let lastWordStart = -1;
  let lastWordEnd = -1;
  /** The automaton's state: the lexicon paths still open after the last token. */
  let state = NO_PATH;

  let i = start;
  while (i < end) {
    let c = text.charCodeAt(i);
    // Spaces are most of what is not a word: skip them before any class lookup.
    if (c === 32 && hanRunStart < 0) {
      i++;
      continue;
    }
    let cls = c < 128 ? ASCII_CLASS[c] : classAt(text, i, end, c);
    let width = c < 128 ? 1 : widthOf(c, cls);
    if (cls === WORD) {
      if (hanRunStart >= 0) {
        hanWords += countHanWords(hanRunChars);
        hanRunStart = -1;
        hanRunChars = 0;
      }
      const tokenStart = i;
      let h1 = 0;
      let h2 = 0x811c9dc5;
      for (;;) {
        if (c < 128) {
          // ASCII letters and digits lower-case by setting bit 5.
          const lc = c | 32;
          h1 = (Math.imul(h1, 31) + lc) | 0;
          h2 = Math.imul(h2 ^ lc, 16777619);
        } else {
          for (let w = 0; w < width; w++) {
            const lc = lowerChar(text.charCodeAt(i + w));
            h1 = (Math.imul(h1, 31) + lc) | 0;
            h2 = Math.imul(h2 ^ lc, 16777619);
          }
        }
        i += width;
        if (i >= end) break;
        c = text.charCodeAt(i);
        if (c < 128) {
          if (ASCII_CLASS[c] !== WORD) break;
          width = 1;
          continue;
        }
        cls = classAt(text, i, end, c);
        width = widthOf(c, cls);
        if (cls !== WORD) break;
      }
      const symbol = matcher.latinSymbol(h1, h2, text, tokenStart, i);
      state = stepToken(match, automaton, state, symbol >= 0 && isNumberAbbreviation(text, tokenStart, i, end) ? -1 : symbol, ordinal, tokenStart, i, clause);
      ordinal++;
      latinWords++;
      lastWordStart = tokenStart;
      lastWordEnd = i;
      // The character that ended the word is still in c; most often it is the space before the next one.
      if (i < end && c === 32) i++;
      continue;
    }
    if (cls === HAN && width === 1) {
      // A run of Han characters of the Basic Multilingual Plane, most of a Chinese text, in a loop of its own.
      if (hanRunStart < 0) hanRunStart = i;
      const runStart = i;
      const hanSlots = matcher.hanSlotTable;
      for (;;) {
        state = stepToken(match, automaton, state, hanSlots[c], ordinal, i, i + 1, clause);
        ordinal++;
        i++;
        if (i >= end) break;
        c = text.charCodeAt(i);
        if (charClass(c) !== HAN) break;
      }
      hanRunChars += i - runStart;
      hanChars += i - runStart;
      continue;
    }
    if (cls === HAN) {
      if (hanRunStart < 0) hanRunStart = i;
      hanRunChars++;
      hanChars++;
      state = stepToken(match, automaton, state, matcher.hanSymbol(width === 2 ? (text.codePointAt(i) ?? c) : c), ordinal, i, i + width, clause);
      ordinal++;
      i += width;
      continue;
    }
    if (hanRunStart >= 0) {
      hanWords += countHanWords(hanRunChars);
      hanRunStart = -1;
      hanRunChars = 0;
    }
    // Only spaces, hyphens and apostrophes may stand between the words of a phrase.
    if (!isPhraseJoiner(c)) state = NO_PATH;
    let sentenceEnds = false;
    switch (c) {
      case 46: // .
        sentenceEnds = isFullStop(text, i, end, lastWordStart, lastWordEnd);
        break;
      case 33: // !
      case 63: // ?
      case 0x3002: // 。
      case 0xff01: // ！
      case 0xff1f: // ？
      case 0xff1b: // ；
        sentenceEnds = true;
        break;
      case 59: // ;
      case 58: // :
      case 0xff1a: // ：
        clause++;
        break;
    }
    if (sentenceEnds) {
      if (ordinal > 0) {
        endSentence(match, matcher, ordinal, start, found, c === 46 && sentences === 0 && ordinal <= TITLE_TOKENS && isLabelledHeading(text, start, i, end));
        found.markSentence(sentences++);
      }
      ordinal = 0;
      clause = 0;
    }
    i += width;
  }
  if (hanRunStart >= 0) hanWords += countHanWords(hanRunChars);
  if (ordinal > 0) {
    endSentence(match, matcher, ordinal, start, found, sentences === 0 && ordinal <= TITLE_TOKENS && looksLikeTitle(text, start, end));
    found.markSentence(sentences++);
  }

  return new Block(end - start, extent.newlines, latinWords + hanWords, latinWords, hanChars, sentences, found.finish(), found.finishSentences(), extent.headingLevel);
}

class Block implements BlockResult {
  constructor(
    readonly length: number,
    readonly newlines: number,
    readonly words: number,
    readonly latinWords: number,
    readonly hanChars: number,
    readonly sentences: number,
    readonly matches: MatchList,
    readonly matchSentences: readonly number[],
    readonly headingLevel: number,
  ) {}

  title: string | null = null;
  units: Units | null = null;
}

/** A title line holds at most this many tokens (words, or Han characters). */
const TITLE_TOKENS = 20;

/** Longest block read as a title line; longer blocks are never titles, so the check costs little. */
const TITLE_CHARS = 400;
/** An enumeration label before a title ("(c)", "iv)", "2."), skipped before the first word is read. */
const TITLE_LABEL = /^(?:\s*(?:\(?[0-9A-Za-z]{1,5}[).]|[(（]?[一二三四五六七八九十]+[)）、]))+\s*/u;
/** Words a title never holds: modals, auxiliaries and clause openers belong to sentences and lead-ins. */
const NOT_IN_TITLE = /\b(?:shall|may|must|will|would|should|can|could|is|are|was|were|be|been|has|have|had|if|when|where|whether|which|who|that)\b/i;

/**
 * True when the block, a single sentence with no sentence-final mark, is a title line: a line break follows it
 * (a bare phrase, such as a selection or a search term, is no title), it ends on a word, a Han character or a closing bracket (not on a clause mark, as a list item "(3) imprisonment;" does), holds no comma or
 * colon, and, in Latin script, opens with a capital and holds no modal or clause word (a lead-in cut before its
 * list, "2) the provider shall disclose the", is none).
 */
function looksLikeTitle(text: string, start: number, end: number): boolean {
  if (end - start > TITLE_CHARS) return false;
  const block = text.slice(start, end);
  const line = block.trim();
  if (!/\n\s*$/.test(block)) return false;
  // A semicolon may join the parts of a Latin heading ("Civil action; damages; fees"); a list item ends on one.
  if (line === '' || /[,，、:：；]/.test(line) || (line.includes(';') && !/[A-Za-z]/.test(line))) return false;
  const last = line.charCodeAt(line.length - 1);
  const cls = classAt(line, line.length - 1, line.length, last);
  if (cls !== HAN && cls !== WORD && last !== 41 && last !== 93 && last !== 0xff09) return false;
  if (!/[A-Za-z]/.test(line)) return true;
  const body = line.replace(TITLE_LABEL, '');
  // "to" opens an infinitive item ("A) to communicate with"); inside a heading it is a preposition ("Access to records").
  return /^[A-Z]/.test(body) && !NOT_IN_TITLE.test(body) && !/^to\b/i.test(body) && !/\b(?:and|or)$/i.test(body);
}

/**
 * "No. 5", "Nos. 3", "Decree No 7": an abbreviation for "number" is no negation, whatever the lexicon says of
 * "no". Without the full stop only the capitalised form counts, so that "no 3 persons" stays a negation.
 */
function isNumberAbbreviation(text: string, start: number, end: number, blockEnd: number): boolean {
  const length = end - start;
  if (length < 2 || length > 3) return false;
  // Compared in place: this runs for every short word the lexicon mentions.
  const first = text.charCodeAt(start);
  if ((first | 32) !== 110 || (text.charCodeAt(start + 1) | 32) !== 111 || (length === 3 && (text.charCodeAt(start + 2) | 32) !== 115)) return false;
  const stop = text.charCodeAt(end) === 46;
  if (!stop && first !== 78) return false;
  let j = stop ? end + 1 : end;
  while (j < blockEnd && (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 0xa0)) j++;
  const c = text.charCodeAt(j);
  return j > end && c >= 48 && c <= 57;
}

/** A full stop ends a sentence unless it belongs to a number, an initial or an abbreviation, or lower case follows. */
export function isFullStop(text: string, i: number, end: number, wordStart: number, wordEnd: number): boolean {
  const next = i + 1 < end ? text.charCodeAt(i + 1) : 32;
  if (charClass(next) === WORD) return false;
  if (wordEnd === i) {
    if (i - wordStart === 1) return false;
    if (i - wordStart <= ABBREVIATION_LENGTH && isAbbreviation(text, wordStart, i)) return false;
  }
  for (let j = i + 1; j < end && j < i + 4; j++) {
    const c = text.charCodeAt(j);
    if (c === 32 || c === 9 || c === 10 || c === 13) continue;
    return !(c >= 97 && c <= 122);
  }
  return true;
}

function isAbbreviation(text: string, start: number, end: number): boolean {
  const code = asciiWordCode(text, start, end);
  return code >= 0 ? ABBREVIATION_CODES.has(code) : ABBREVIATION_SET.has(text.slice(start, end).toLowerCase());
}

/** A short word of ASCII letters as a number, case ignored (base 27, so "a" and "aa" differ); −1 for anything else. */
function asciiWordCode(text: string, start: number, end: number): number {
  let code = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i) | 32;
    if (c < 97 || c > 122) return -1;
    code = code * 27 + (c - 96);
  }
  return code;
}
