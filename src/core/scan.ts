// The hot loop: one pass over a block's characters finds word tokens, Han characters, sentence and clause
// ends, and steps the lexicon's path automaton on each token. It hashes tokens in place instead of slicing
// strings, so a token the lexicon does not mention costs a table lookup and no allocation.
import { charClass, classAt, HAN, isPhraseJoiner, isUnjoiningSpace, lowerChar, widthOf, WORD } from './chars';
import { TextEncoder } from 'node:util';
import { countHanWords } from './cjkWords';
import { BlockExtent, MAX_BLOCK } from './blocks';
import { endSentence, MatchState, pathsEndingAt } from './match';
import { grown } from './grown';
import { Matcher } from './matcher';
import { MatchList, MatchListBuilder } from './matchList';
import { NO_PATH, START_SYMBOLS, TRANSITION_MASK, transitionHash, UNKNOWN } from './pathAutomaton';
import { EMPTY, mixLength, ROW, VOCABULARY_MASK } from './vocabulary';
import { ENDS_ON_AND_OR, endsOnLineBreak, HAN_CHARACTER, inTitleCase, isLabelledHeading, OPENS_ARTICLE, OPENS_CAPITALISED_WORD, OPENS_TO } from './titleLines';
import type { DocumentSubject, LeadIn } from './listContext';
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
  /** False when the block holds none of a lexicon's exemption-sentence words (see MatchState.mayExempt). */
  readonly mayExempt: boolean;
  /**
   * The heading's title, once a section has read it. A block's text never changes (an edit makes new blocks), so it
   * holds for the block's life, and after an edit only the new headings are read again.
   */
  title: string | null;
  /** The block's sentence units, once the tally has counted them (they depend only on the block). */
  units: Readonly<Units> | null;
  /** The lead-in of the list the block is an item of, when that lead-in is control (listContext.ts), else null. */
  readonly leadIn: LeadIn | null;
  /** The lead-in the block's last sentence is, set once when the block is put in context (listContext.ts). */
  opens: LeadIn | null;
  /** The subject of the document the block is in, from its title line (listContext.ts), else null. */
  readonly subject: DocumentSubject | null;
  /** The same block in its context: `matches` in place of its own, the lead-in and subject it received. */
  withMatches(matches: MatchList, matchSentences: readonly number[], leadIn: LeadIn | null, subject: DocumentSubject | null): BlockResult;
}

const ASCII_CLASS = Uint8Array.from({ length: 128 }, (_, c) => charClass(c));
/** Words after which a full stop does not end a sentence. */
const ABBREVIATIONS: readonly string[] = ['no', 'nos', 'art', 'arts', 'para', 'paras', 'sec', 'secs', 'cf', 'mr', 'mrs', 'ms', 'dr', 'st', 'vs', 'eg', 'ie', 'etc', 'vol', 'ch', 'pp', 'p', 'fig', 'approx', 'inc', 'ltd', 'co', 'corp', 'dept', 'govt', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec'];
const ABBREVIATION_LENGTH = 6;
/** The abbreviations as numbers (see asciiWordCode), so that the word before each full stop need not be sliced out. */
const ABBREVIATION_CODES = new Set(ABBREVIATIONS.map((a) => asciiWordCode(a, 0, a.length)));
const ABBREVIATION_SET = new Set(ABBREVIATIONS);

/**
 * What analysing a block works in: the annotations being collected, the matcher's state for the sentence being read,
 * and the block's running counts and cursor. Each analysis owns one, so analyses can be interleaved (a block of one
 * between blocks of another) safely. The stages of analyzeBlock below read and write its fields.
 */
export class ScanState {
  readonly found = new MatchListBuilder();
  readonly match = new MatchState();
  start = 0;
  end = 0;
  latinWords = 0;
  hanChars = 0;
  hanWords = 0;
  sentences = 0;
  /** Tokens read in the current sentence (a token's ordinal). */
  ordinal = 0;
  /** Clause of the current sentence: ; and : open a new one. */
  clause = 0;
  /** Where the current run of Han characters began, −1 outside one. */
  hanRunStart = -1;
  hanRunChars = 0;
  lastWordStart = -1;
  lastWordEnd = -1;
  /** The automaton's state: the lexicon paths still open after the last token. */
  state = NO_PATH;
  /** The extent of the block being read, rewritten by blockAt for each block of a loop over a text. */
  readonly extent: BlockExtent = { end: 0, newlines: 0, headingLevel: -1 };
  /** Where asciiBytes copies a block. */
  private bytes = new Uint8Array(MAX_BLOCK);

  /** Starts the block `[start, end)`. */
  begin(start: number, end: number): void {
    this.found.reset();
    this.match.clear();
    this.match.mayExempt = false;
    this.match.bookTitle = false;
    this.start = start;
    this.end = end;
    this.latinWords = 0;
    this.hanChars = 0;
    this.hanWords = 0;
    this.sentences = 0;
    this.ordinal = 0;
    this.clause = 0;
    this.hanRunStart = -1;
    this.hanRunChars = 0;
    this.lastWordStart = -1;
    this.lastWordEnd = -1;
    this.state = NO_PATH;
  }

  /**
   * The block `text[start, end)` as bytes when it is all ASCII, else null. The word loop reads a byte array in fewer
   * steps than a string, whose every charCodeAt tests how the string is stored; the copy is made natively.
   */
  asciiBytes(text: string, start: number, end: number): Uint8Array | null {
    const length = end - start;
    // A block that opens past ASCII (most of a Chinese text) is not copied at all.
    if (text.charCodeAt(start) >= 128) return null;
    if (this.bytes.length < length) this.bytes = new Uint8Array(length);
    const { read, written } = ENCODER.encodeInto(text.substring(start, end), this.bytes);
    // A character past ASCII takes more than one byte in UTF-8: the buffer fills, or more is written than read.
    return read === length && written === length ? this.bytes : null;
  }
}

const ENCODER = new TextEncoder();

/** ScanStates left by calls that ended: a state holds nothing between calls (a block resolves its last sentence). */
const idle: ScanState[] = [];

/**
 * Runs `work` (a synchronous run of analyzeBlock calls: one slice of an analysis, or an edit) with a ScanState of its
 * own, taken from those idle or made, and given back after. A call made while another runs gets another state, so
 * nothing passes between them; reusing idle ones spares each analysis the allocation, which cost the bench 2-3x.
 */
export function withScanState<T>(work: (scan: ScanState) => T): T {
  const scan = takeScanState();
  try {
    return work(scan);
  } finally {
    giveScanState(scan);
  }
}

/** A ScanState of its own for a run of analyzeBlock calls, to be given back with giveScanState when it ends (see withScanState). */
export function takeScanState(): ScanState {
  return idle.pop() ?? new ScanState();
}

/** Gives back a ScanState taken with takeScanState. */
export function giveScanState(scan: ScanState): void {
  idle.push(scan);
}

/** analyzeBlock for one matcher: see makeKernel. */
export type ScanKernel = (text: string, start: number, extent: BlockExtent, scan: ScanState) => BlockResult;

/**
 * Analyses `text[start, end)`, one block, working in `scan`, with the matcher's kernel (makeKernel): each character is
 * a space, the start of a word, Han script or a mark, and each kind has its stage. The stages keep what they work on
 * in `scan`, not in variables of the closure, which would live on the heap.
 */
export function analyzeBlock(text: string, start: number, extent: BlockExtent, matcher: Matcher, scan: ScanState): BlockResult {
  let kernel = matcher.scanKernel;
  if (kernel === null) {
    kernel = makeKernel(matcher);
    matcher.scanKernel = kernel;
  }
  return kernel(text, start, extent, scan);
}

/**
 * The scan loop for one matcher, made at its first block. The tables it probes for each token (the vocabulary's fixed
 * rows, the automaton's transitions out of NO_PATH and its fixed transition table, the Han slots) are arrays the matcher
 * never replaces, held here as constants of the closure: V8 specialises a function of which one closure exists to its
 * context, and compiles such an array's base and length into the probe instead of loading them through the matcher for
 * every token. What the fixed tables do not hold takes the matcher's and the automaton's own paths. A process that makes
 * a second matcher runs its kernel without that specialisation, as fast as a loop reading the tables through the matcher.
 */
function makeKernel(matcher: Matcher): ScanKernel {
  const automaton = matcher.automaton;
  const VOCABULARY: Int32Array = matcher.vocabulary.rows;
  const FROM_START: Int32Array = automaton.fromStart;
  const TRANSITIONS: Int32Array = automaton.table;
  const HAN_SLOTS: Int32Array = matcher.hanSlotTable;

  /** The symbol of the Latin word `text[start, end)`, whose lower-case form hashes to `h1` and `h2` (Matcher.latinSymbol). */
  function latinSymbol(h1: number, h2: number, text: string, start: number, end: number): number {
    const mixed = mixLength(h2, end - start);
    let i = h1 & VOCABULARY_MASK;
    for (;;) {
      const at = i * ROW;
      const mark = VOCABULARY[at + 2];
      if (mark === EMPTY) return matcher.latinSymbolBeyond(h1, h2, mixed, text, start, end);
      if (VOCABULARY[at] === h1 && VOCABULARY[at + 1] === mixed) return mark - 2;
      i = (i + 1) & VOCABULARY_MASK;
    }
  }

  /** PathAutomaton.next. */
  function next(state: number, symbol: number): number {
    if (state === NO_PATH) {
      if (symbol < START_SYMBOLS) {
        const known = FROM_START[symbol];
        if (known !== UNKNOWN) return known;
      }
      return automaton.nextFromStart(symbol);
    }
    let i = transitionHash(state, symbol) & TRANSITION_MASK;
    for (;;) {
      const at = i * 3;
      const nextState = TRANSITIONS[at + 2];
      if (nextState === UNKNOWN) return automaton.nextBeyond(state, symbol);
      if (TRANSITIONS[at] === state && TRANSITIONS[at + 1] === symbol) return nextState;
      i = (i + 1) & TRANSITION_MASK;
    }
  }

  /** stepToken (match.ts). */
  function stepToken(s: MatchState, state: number, symbol: number, ordinal: number, start: number, end: number, clause: number): number {
    const nextState = symbol < 0 ? NO_PATH : next(state, symbol);
    if (nextState !== NO_PATH) {
      if (ordinal >= s.tokenStarts.length) s.tokenStarts = grown(s.tokenStarts, ordinal * 2);
      s.tokenStarts[ordinal] = start;
      if (automaton.outStart[nextState] !== automaton.outStart[nextState + 1]) pathsEndingAt(s, automaton, nextState, ordinal, end, clause);
    }
    return nextState;
  }

  /** The word `text[start, end)`, with hashes `h1`, `h2`, as a token: stepped in the automaton and counted. */
  function stepWord(scan: ScanState, text: string, start: number, end: number, h1: number, h2: number): void {
    const symbol = latinSymbol(h1, h2, text, start, end);
    // The length test first: only two- and three-letter words can be "No."/"Nos.", and the call costs more than it.
    const counted = symbol >= 0 && end - start <= 3 && isNumberAbbreviation(text, start, end, scan.end) ? -1 : symbol;
    scan.state = stepToken(scan.match, scan.state, counted, scan.ordinal, start, end, scan.clause);
    scan.ordinal++;
    scan.latinWords++;
    scan.lastWordStart = start;
    scan.lastWordEnd = end;
  }

  /** A run of Han characters of the Basic Multilingual Plane from `i`, most of a Chinese text, each one a token. */
  function scanHanRun(scan: ScanState, text: string, i: number, c: number): number {
    const end = scan.end;
    if (scan.hanRunStart < 0) scan.hanRunStart = i;
    const runStart = i;
    const match = scan.match;
    const clause = scan.clause;
    let state = scan.state;
    let ordinal = scan.ordinal;
    for (;;) {
      state = stepToken(match, state, HAN_SLOTS[c], ordinal, i, i + 1, clause);
      ordinal++;
      i++;
      if (i >= end) break;
      c = text.charCodeAt(i);
      if (charClass(c) !== HAN) break;
    }
    scan.state = state;
    scan.ordinal = ordinal;
    scan.hanRunChars += i - runStart;
    scan.hanChars += i - runStart;
    return i;
  }

  /** One Han character outside the run loop (a surrogate pair, or one the class table marks wide). */
  function scanHanChar(scan: ScanState, text: string, i: number, c: number, width: number): number {
    if (scan.hanRunStart < 0) scan.hanRunStart = i;
    scan.hanRunChars++;
    scan.hanChars++;
    const symbol = matcher.hanSymbol(width === 2 ? (text.codePointAt(i) ?? c) : c);
    scan.state = stepToken(scan.match, scan.state, symbol, scan.ordinal, i, i + width, scan.clause);
    scan.ordinal++;
    return i + width;
  }

  return function scanBlock(text: string, start: number, extent: BlockExtent, scan: ScanState): BlockResult {
    const end = extent.end;
    automaton.trim();
    scan.begin(start, end);
    const ascii = scan.asciiBytes(text, start, end);
    let i = start;
    while (i < end) {
      let c = ascii !== null ? ascii[i - start] : text.charCodeAt(i);
      // Spaces are most of what is not a word: skip them before any class lookup.
      if (c === 32 && scan.hanRunStart < 0) {
        i++;
        continue;
      }
      let cls = c < 128 ? ASCII_CLASS[c] : classAt(text, i, end, c);
      let width = c < 128 ? 1 : widthOf(c, cls);
      if (cls === WORD) {
        if (scan.hanRunStart >= 0) closeHanRun(scan);
        // A word token, hashed in place. This loop runs for every Latin word: it stays here, where the hashes are locals.
        const tokenStart = i;
        let h1 = 0;
        let h2 = 0x811c9dc5 | 0;
        // An ASCII block's words are read from its bytes in a loop of their own: no width, no test for a wider letter.
        if (ascii !== null) {
          for (;;) {
            const lc = c | 32;
            h1 = (Math.imul(h1, 31) + lc) | 0;
            h2 = Math.imul(h2 ^ lc, 16777619);
            if (++i >= end) break;
            c = ascii[i - start];
            if (ASCII_CLASS[c] !== WORD) break;
          }
        } else {
          for (;;) {
            if (c < 128) {
              // ASCII letters and digits lower-case by setting bit 5.
              const lc = c | 32;
              h1 = (Math.imul(h1, 31) + lc) | 0;
              h2 = Math.imul(h2 ^ lc, 16777619);
            } else {
              // A pattern's word edges fall beside a non-ASCII letter, where a token runs on: exemption words read there are left to it.
              scan.match.mayExempt = true;
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
        }
        stepWord(scan, text, tokenStart, i, h1, h2);
        // The character that ended the word is still in c; most often it is the space before the next one.
        if (i < end && c === 32) i++;
      } else if (cls === HAN) i = width === 1 ? scanHanRun(scan, text, i, c) : scanHanChar(scan, text, i, c, width);
      else i = scanMark(scan, text, matcher, i, c, width);
    }
    return finishBlock(scan, text, matcher, extent);
  };
}

/** A run of Han characters ended: its words are counted (Chinese has no spaces to count them by). */
function closeHanRun(scan: ScanState): void {
  scan.hanWords += countHanWords(scan.hanRunChars);
  scan.hanRunStart = -1;
  scan.hanRunChars = 0;
}

/** A mark, space inside a Han run, or other character that is no token: it may break a phrase, a clause or a sentence. */
function scanMark(scan: ScanState, text: string, matcher: Matcher, i: number, c: number, width: number): number {
  if (scan.hanRunStart >= 0) closeHanRun(scan);
  // Only spaces, hyphens and apostrophes may stand between the words of a phrase.
  if (!isPhraseJoiner(c)) {
    scan.state = NO_PATH;
    if (isUnjoiningSpace(c)) scan.match.mayExempt = true;
  }
  let sentenceEnds = false;
  switch (c) {
    case 46: // .
      sentenceEnds = isFullStop(text, i, scan.end, scan.lastWordStart, scan.lastWordEnd);
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
      scan.clause++;
      break;
    case 0x300a: // 《
      scan.match.bookTitle = true;
      break;
  }
  if (sentenceEnds) {
    // A block's first sentence that is a labelled heading is a title line.
    if (scan.ordinal > 0) closeSentence(scan, text, matcher, c === 46 && scan.sentences === 0 && scan.ordinal <= TITLE_TOKENS && isLabelledHeading(text, scan.start, i, scan.end));
    scan.ordinal = 0;
    scan.clause = 0;
  }
  return i + width;
}

/** Resolves the sentence read so far into annotations (`title`: a title line, where nothing is counted). */
function closeSentence(scan: ScanState, text: string, matcher: Matcher, title: boolean): void {
  endSentence(scan.match, matcher, scan.ordinal, scan.start, scan.found, title, text);
  scan.found.markSentence(scan.sentences++);
}

/** The block's end: the last run and sentence closed, and the result. */
function finishBlock(scan: ScanState, text: string, matcher: Matcher, extent: BlockExtent): BlockResult {
  const { start, end } = scan;
  if (scan.hanRunStart >= 0) scan.hanWords += countHanWords(scan.hanRunChars);
  if (scan.ordinal > 0) closeSentence(scan, text, matcher, scan.ordinal <= PARTS_TITLE_TOKENS && scan.sentences <= 1 && titleStart(text, start, end, scan.sentences, scan.ordinal) >= 0);
  const found = scan.found;
  return new Block(end - start, extent.newlines, scan.latinWords + scan.hanWords, scan.latinWords, scan.hanChars, scan.sentences, found.finish(), found.finishSentences(), extent.headingLevel, scan.match.mayExempt);
}

/** Counts below 2^NARROW_BITS are held two to a field (see Block). */
const NARROW_BITS = 15;
const NARROW = 1 << NARROW_BITS;
const NARROW_MASK = NARROW - 1;

/**
 * A block's rarely set fields: the lead-in and subject it received, the lead-in it opens and its heading's title, and
 * its counts when one of them is too large to be held two to a field. Most blocks have none, and share no object for
 * them; a block is kept for the document's life and copied by every young collection it lives through, so each field
 * it need not hold is memory and copying saved.
 */
class BlockContext {
  constructor(
    readonly leadIn: LeadIn | null,
    readonly subject: DocumentSubject | null,
    public opens: LeadIn | null,
    public title: string | null,
    readonly length: number,
    readonly words: number,
    readonly newlines: number,
    readonly sentences: number,
    readonly latinWords: number,
    readonly hanChars: number,
  ) {}
}

class Block implements BlockResult {
  units: Readonly<Units> | null = null;
  /** (headingLevel + 1) * 2, plus 1 when mayExempt. */
  private readonly kind: number;
  /** Two counts each, the second shifted by NARROW_BITS, when all six counts are below NARROW; else −1, and they are the context's. */
  private readonly sizes: number;
  private readonly lines: number;
  private readonly script: number;
  private context: BlockContext | null;

  constructor(
    length: number,
    newlines: number,
    words: number,
    latinWords: number,
    hanChars: number,
    sentences: number,
    readonly matches: MatchList,
    readonly matchSentences: readonly number[],
    headingLevel: number,
    mayExempt: boolean,
    leadIn: LeadIn | null = null,
    subject: DocumentSubject | null = null,
  ) {
    this.kind = (headingLevel + 1) * 2 + (mayExempt ? 1 : 0);
    const narrow = length < NARROW && words < NARROW && newlines < NARROW && sentences < NARROW && latinWords < NARROW && hanChars < NARROW;
    this.sizes = narrow ? length | (words << NARROW_BITS) : -1;
    this.lines = narrow ? newlines | (sentences << NARROW_BITS) : -1;
    this.script = narrow ? latinWords | (hanChars << NARROW_BITS) : -1;
    this.context = narrow && leadIn === null && subject === null ? null : new BlockContext(leadIn, subject, null, null, length, words, newlines, sentences, latinWords, hanChars);
  }

  get length(): number {
    return this.sizes >= 0 ? this.sizes & NARROW_MASK : (this.context as BlockContext).length;
  }

  get words(): number {
    return this.sizes >= 0 ? this.sizes >> NARROW_BITS : (this.context as BlockContext).words;
  }

  get newlines(): number {
    return this.lines >= 0 ? this.lines & NARROW_MASK : (this.context as BlockContext).newlines;
  }

  get sentences(): number {
    return this.lines >= 0 ? this.lines >> NARROW_BITS : (this.context as BlockContext).sentences;
  }

  get latinWords(): number {
    return this.script >= 0 ? this.script & NARROW_MASK : (this.context as BlockContext).latinWords;
  }

  get hanChars(): number {
    return this.script >= 0 ? this.script >> NARROW_BITS : (this.context as BlockContext).hanChars;
  }

  get headingLevel(): number {
    return (this.kind >> 1) - 1;
  }

  get mayExempt(): boolean {
    return (this.kind & 1) === 1;
  }

  get leadIn(): LeadIn | null {
    return this.context === null ? null : this.context.leadIn;
  }

  get subject(): DocumentSubject | null {
    return this.context === null ? null : this.context.subject;
  }

  get opens(): LeadIn | null {
    return this.context === null ? null : this.context.opens;
  }

  set opens(opens: LeadIn | null) {
    if (this.context !== null) this.context.opens = opens;
    else if (opens !== null) this.context = new BlockContext(null, null, opens, null, this.length, this.words, this.newlines, this.sentences, this.latinWords, this.hanChars);
  }

  get title(): string | null {
    return this.context === null ? null : this.context.title;
  }

  set title(title: string | null) {
    if (this.context !== null) this.context.title = title;
    else if (title !== null) this.context = new BlockContext(null, null, null, title, this.length, this.words, this.newlines, this.sentences, this.latinWords, this.hanChars);
  }

  withMatches(matches: MatchList, matchSentences: readonly number[], leadIn: LeadIn | null, subject: DocumentSubject | null): BlockResult {
    return new Block(this.length, this.newlines, this.words, this.latinWords, this.hanChars, this.sentences, matches, matchSentences, this.headingLevel, this.mayExempt, leadIn, subject);
  }
}

/** A title line holds at most this many tokens (words, or Han characters). */
const TITLE_TOKENS = 20;
/** A title line in Han script alone may hold this many characters: a law's name runs to thirty or more (最高人民法院关于…的规定). */
const HAN_TITLE_TOKENS = 40;
/** A statute's labelled subsection heading that lists its parts ("b) Release of education records; parental consent requirement; exceptions; …") may hold this many. */
const PARTS_TITLE_TOKENS = 120;
/** Longest block read as such a heading: the US Code lists up to a dozen parts in one. */
const PARTS_TITLE_CHARS = 1000;

/** Longest block read as a title line; longer blocks are never titles, so the check costs little. */
const TITLE_CHARS = 400;
/** An enumeration label before a title ("(c)", "iv)", "2."), skipped before the first word is read. */
const TITLE_LABEL = /^(?:\s*(?:\(?[0-9A-Za-z]{1,5}[).]|[(（]?[一二三四五六七八九十]+[)）、]))+\s*/u;
/** Words a title never holds: modals, auxiliaries and clause openers belong to sentences and lead-ins. */
const NOT_IN_TITLE = /\b(?:shall|may|must|will|would|should|can|could|is|are|was|were|be|been|has|have|had|if|when|where|whether|which|who|that)\b/i;

// The title tests' patterns, made once: a literal in a function body makes a new RegExp object each time it is run.
const TITLE_STOPS = /[，、:：；]/;
const LATIN_LETTER = /[A-Za-z]/;
const OPENS_CAPITAL = /^[A-Z]/;
const PART_SEPARATOR = /[,;]/;
const COLON = /[:：]/;
const ENDS_ON_LATIN_LETTER = /[A-Za-z]$/;
const TO_BE = /\bto be\b/gi;

/** A section sign and number opening a line ("§ 2703. ", "§§ 12a. "): what follows on the line is the section's title. */
const SECTION_NUMBER = /^§{1,2}\s*[0-9][0-9A-Za-z\u2010-\u2015-]*\.[ \t\u00a0\u202f]+/;

/**
 * Where the block's title line starts, or −1 when it has none: the whole block when it is one sentence that looks like a
 * title; after a section number when that number is the block's only other sentence ("§ 2703. Required disclosure of
 * customer communications or records"): statutes print a section's title on its number's line, in sentence case and
 * with commas between its parts ("§ 44709. Amendments, modifications, suspensions, and revocations of certificates").
 */
function titleStart(text: string, start: number, end: number, sentencesBefore: number, tokens: number): number {
  if (sentencesBefore === 0) return (tokens <= TITLE_TOKENS && looksLikeTitle(text, start, end)) || (tokens <= HAN_TITLE_TOKENS && tokens > TITLE_TOKENS && looksLikeHanTitle(text, start, end)) || looksLikePartsHeading(text, start, end) ? start : -1;
  if (text.charCodeAt(start) !== 0xa7) return -1;
  const number = SECTION_NUMBER.exec(text.slice(start, Math.min(end, start + 24)));
  if (number === null) return -1;
  const from = start + number[0].length;
  return (tokens <= TITLE_TOKENS && looksLikeTitle(text, from, end)) || looksLikeCatchline(text, from, end) ? from : -1;
}

/**
 * True when the rest of a section number's line is the section's catchline: one line after a line break, a capital, no
 * colon, no modal or clause word, ending on a word; commas and semicolons may join its parts in any case, since the
 * section sign already says the line is a heading.
 */
function looksLikeCatchline(text: string, start: number, end: number): boolean {
  if (end - start > PARTS_TITLE_CHARS || !endsOnLineBreak(text, start, end)) return false;
  const line = text.slice(start, end).trim();
  return !line.includes('\n') && isPartsBody(line);
}

/**
 * True when the block, a single sentence with no sentence-final mark, is a title line: a line break follows it
 * (a bare phrase, such as a selection or a search term, is no title), it ends on a word, a Han character or a closing bracket (not on a clause mark, as a list item "(3) imprisonment;" does), holds no comma or
 * colon, and, in Latin script, opens with a capital and holds no modal or clause word (a lead-in cut before its
 * list, "2) the provider shall disclose the", is none).
 */
function looksLikeTitle(text: string, start: number, end: number): boolean {
  if (end - start > TITLE_CHARS || !endsOnLineBreak(text, start, end)) return false;
  const line = text.slice(start, end).trim();
  // A semicolon may join the parts of a Latin heading ("Civil action; damages; fees"); a list item ends on one. A
  // comma may stand in a heading in title case ("Part B— Remedies, Exceptions, and Definitions"), not in an item.
  if (line === '' || TITLE_STOPS.test(line) || (line.includes(',') && !inTitleCase(line)) || (line.includes(';') && !LATIN_LETTER.test(line))) return false;
  const last = line.charCodeAt(line.length - 1);
  const cls = classAt(line, line.length - 1, line.length, last);
  if (cls !== HAN && cls !== WORD && last !== 41 && last !== 93 && last !== 0xff09) return false;
  if (!LATIN_LETTER.test(line)) return true;
  const body = line.replace(TITLE_LABEL, '');
  // "to" opens an infinitive item ("A) to communicate with"); inside a heading it is a preposition ("Access to records").
  // An article after a label opens a noun phrase item ("6) An opportunity for any party to present a complaint").
  return OPENS_CAPITAL.test(body) && !NOT_IN_TITLE.test(body) && !OPENS_TO.test(body) && !(body.length < line.length && OPENS_ARTICLE.test(body)) && !ENDS_ON_AND_OR.test(body);
}

/** True when the block is a title line (looksLikeTitle) with no Latin letter: a Chinese law's name, however long. */
function looksLikeHanTitle(text: string, start: number, end: number): boolean {
  return looksLikeTitle(text, start, end) && !LATIN_LETTER.test(text.slice(start, end));
}

/**
 * True when the block is a statute's labelled subsection heading that lists its parts, as the US Code prints them
 * ("a) Arrest, detention, and release", "b) Release of education records; parental consent requirement; exceptions"):
 * one line after a line break, an enumeration label, then a capital, commas or semicolons between the parts, no colon,
 * no modal or clause word, ending on a word. An item of a list opens in lower case ("(A) investigate, regulate, or
 * prohibit") or ends on a clause mark or a full stop.
 */
function looksLikePartsHeading(text: string, start: number, end: number): boolean {
  if (end - start > PARTS_TITLE_CHARS || !endsOnLineBreak(text, start, end)) return false;
  const line = text.slice(start, end).trim();
  const label = TITLE_LABEL.exec(line);
  if (label === null || label[0].length === 0 || line.includes('\n')) return false;
  const body = line.slice(label[0].length);
  return PART_SEPARATOR.test(body) && isPartsBody(body);
}

/** A heading's words after its label: a capital first, no colon or Han character, no modal or clause word, ending on a word other than "and" or "or". */
function isPartsBody(body: string): boolean {
  if (!OPENS_CAPITALISED_WORD.test(body) || HAN_CHARACTER.test(body) || COLON.test(body)) return false;
  // "to be" qualifies a part's noun ("specific information to be made available"); a sentence's "be" follows a modal.
  return ENDS_ON_LATIN_LETTER.test(body) && !NOT_IN_TITLE.test(body.replace(TO_BE, '')) && !ENDS_ON_AND_OR.test(body);
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
