// Recognises the headings that open a document's sections, one line at a time.
import { isPatternSpace } from './chars';
import { detached } from './detach';

export interface Heading {
  title: string;
  /**
   * The heading's rank: a heading closes the open sections of its rank or a deeper (larger) one and nests inside
   * the rest (see RANK). Sections report their depth in the tree instead, which is what readers count.
   */
  level: number;
}

/** Ranks of the kinds of heading, outermost first; Markdown's `#` to `######` take 10 to 60. */
const RANK = { part: 10, subpart: 15, chapter: 20, section: 30, article: 40, clause: 50 } as const;

const MAX_TITLE = 120;
const LONG_HEADING = 60;
const HAN_NUMERALS = '一二三四五六七八九十百千零〇两';
/** What follows 第X条 in a reference to another provision rather than a heading. */
const REFERENCE_FOLLOWERS = '的之至第、，,和及与或规款项中所';
const HAN_NUMERAL = `[${HAN_NUMERALS}\\d]+`;
const NOT_REFERENCE = `(?![${REFERENCE_FOLLOWERS}])`;

interface HeadingPattern {
  pattern: RegExp;
  /** A fixed level, or one read from the match; a fixed level lets analysis test the line without making a match. */
  level: number | ((m: RegExpExecArray) => number);
  /** The level from the character the line opens with, when that is all `level` reads of the match: as a fixed level does, it spares analysis the match. */
  levelByOpening?: (c: number) => number;
}

const MARKDOWN: readonly HeadingPattern[] = [{ pattern: /^(#{1,6})[ \t]+\S/, level: (m) => m[1].length * 10 }];
const PART_CHAPTER_TITLE: readonly HeadingPattern[] = [
  { pattern: /^[ \t]*(part|chapter|title)[ \t]+([0-9]+|[ivxlcdm]+|one|two|three|four|five|six|seven|eight|nine|ten)\b(?![ \t]+of\b)/i, level: (m) => (m[1].toLowerCase() === 'chapter' ? RANK.chapter : RANK.part), levelByOpening: (c) => ((c | 32) === 99 ? RANK.chapter : RANK.part) },
];
const SECTION: readonly HeadingPattern[] = [{ pattern: /^[ \t]*(section[ \t]+|sec\.[ \t]*)[0-9]+[a-z]?(\.[0-9]+)*\b(?![ \t]+of\b)/i, level: RANK.section }];
const ARTICLE: readonly HeadingPattern[] = [{ pattern: /^[ \t]*article[ \t]+([0-9]+|[ivxlcdm]+)\b(?![ \t]+of\b)/i, level: RANK.article }];
// Not a reference to another provision: 第三十条的规定, 第三条第二款, 第四条至第六条. One pattern for the four units,
// since a line can only end its numeral in one of them.
const ORDINAL_LEVELS: Readonly<Record<string, number>> = { 编: RANK.part, 部分: RANK.part, 分编: RANK.subpart, 章: RANK.chapter, 节: RANK.section, 条: RANK.article };
const ORDINAL: readonly HeadingPattern[] = [
  { pattern: new RegExp(`^[ \\t　]*第${HAN_NUMERAL}(编|部分|分编|章|节|条)${NOT_REFERENCE}`), level: (m) => ORDINAL_LEVELS[m[1]] },
];
const ENUMERATED: readonly HeadingPattern[] = [{ pattern: /^[ \t　]*[一二三四五六七八九十]+、/, level: RANK.section }];
const BRACKETED: readonly HeadingPattern[] = [
  { pattern: /^[ \t　]*[（(][一二三四五六七八九十]+[）)]/, level: RANK.clause },
  // "(1) Development situation.": an outline's clause title, not "(1) The Secretary of State may…".
  { pattern: /^[ \t]*\(\d{1,3}\)[ \t]*(\p{Lu}[^.;:!?]{0,100}\.?)[ \t]*$/u, level: (m) => (isTitleLike(m[1]) ? RANK.clause : -1) },
];
/** "I. The overall thinking", "IV. Safeguards": an outline's top headings. */
const ROMAN: readonly HeadingPattern[] = [
  { pattern: /^[ \t]*[IVX]{1,6}\.[ \t]+(\p{Lu}[^.;:!?]{0,100}\.?)[ \t]*$/u, level: (m) => (isTitleLike(m[1]) ? RANK.section : -1) },
];
/** Patterns whose title is the line up to its first sentence end, however long the line. */
const TITLED_BY_LINE: ReadonlySet<readonly HeadingPattern[]> = new Set([ENUMERATED, BRACKETED, ROMAN]);

/** Finite verbs that make a numbered line a sentence of the body rather than a title. */
const FINITE_VERB = /\b(shall|may|must|will|is|are|was|were|has|have|had|should|would|can|cannot|could|does|do|did|applies|apply|means|includes)\b/i;

/** A title: at most 14 words, and no finite verb ("Powers to require retention of data", not "This Part applies"). */
export function isTitleLike(words: string): boolean {
  return !FINITE_VERB.test(words) && spaceRuns(words) < 14;
}

/** How many runs of `\s` `text` holds: split(/\s+/) cuts it into one piece more. Counted, not split: headings are read on every line. */
function spaceRuns(text: string): number {
  let runs = 0;
  let inRun = false;
  for (let i = 0; i < text.length; i++) {
    const space = isPatternSpace(text.charCodeAt(i));
    if (space && !inRun) runs++;
    inRun = space;
  }
  return runs;
}
const NONE: readonly HeadingPattern[] = [];

/**
 * The only patterns that can match a line whose first character after indentation is `c`: a statute has a
 * heading every few lines, and trying every pattern on each was a tenth of the analysis of Chinese text.
 */
function patternsFor(c: number): readonly HeadingPattern[] {
  if (c === 35) return MARKDOWN; // #
  if (c === 0x7b2c) return ORDINAL; // 第
  if (c === 0xff08 || c === 40) return BRACKETED; // （ (
  if (c === 73 || c === 86 || c === 88) return ROMAN; // I V X
  if (HAN_DIGITS.includes(c)) return ENUMERATED;
  switch (c | 32) {
    case 112: // p
    case 99: // c
    case 116: // t
      return PART_CHAPTER_TITLE;
    case 115: // s
      return SECTION;
    case 97: // a
      return ARTICLE;
  }
  return NONE;
}

const HAN_DIGITS: readonly number[] = [...'一二三四五六七八九十'].map((d) => d.charCodeAt(0));

/** A numbered clause title such as "2.1 Scope" or "3. Credit Repair": short, capitalised, unpunctuated. */
const NUMBERED_TITLE = /^[ \t]*\d+(\.\d+)*\.?[ \t]*(\p{Lu}[^.;:!?。；！？]{0,100})$/u;

/** Lines that start an enumerated item: a block boundary, though not a heading. */
const ENUMERATION = /[ \t　]*(\(\d+\)|\([a-z]\)|\d+[.)][ \t]|[a-z]\)[ \t]|[-*•][ \t]|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\d+[、．])/y;

/** What every heading starts with, tested in place so that ordinary lines cost no string copies. */
const OPENING = /[ \t　]*(#|\d|(part|chapter|title|section|article)[ \t]|sec\.|第|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|\(\d|[ivx]+\.[ \t])/iy;

/** The line and pattern match that the last findHeading call recognised, for headingAt to title. */
let matchedLine = '';
let matched: RegExpExecArray | null = null;
let matchedPatterns: readonly HeadingPattern[] = NONE;

/**
 * The level of the heading on the line `text[start, end)` (end excludes the newline), or −1 when the line is not
 * one. Analysis needs only this; the title is made when a section is shown (headingAt).
 */
export function headingLevelAt(text: string, start: number, end: number): number {
  return findHeading(text, start, end, false);
}

/** The heading on the line `text[start, end)`, with its title, or null. */
export function headingAt(text: string, start: number, end: number): Heading | null {
  OPENING.lastIndex = start;
  if (!OPENING.test(text) || OPENING.lastIndex > end) return null;
  const limit = lineLimit(text, start, end);
  let first = start;
  while (first < limit && isIndent(text.charCodeAt(first))) first++;
  if (first === limit) return null;
  const c = text.charCodeAt(first);
  let level = -1;
  let numberEnd = -1;
  if (c === ORDINAL_MARK) {
    level = ordinalLevel(text, first + 1, limit);
    if (level < 0) return null;
    numberEnd = ordinalEnd;
  } else {
    // Tested in place as levelInPlace does when the tested part ends at a line break, else on the line's slice; the
    // match ends where the sticky pattern stopped.
    const inText = limit === text.length || text.charCodeAt(limit) === 10 || text.charCodeAt(limit) === 13;
    const subject = inText ? text : text.slice(start, limit);
    const from = inText ? start : 0;
    for (const pattern of patternsFor(c)) {
      const inPlace = IN_PLACE.get(pattern.pattern);
      if (inPlace === undefined) return headingByPatterns(text, start, end);
      inPlace.sticky.lastIndex = from;
      if (inPlace.sticky.test(subject)) {
        level = inPlace.level(c);
        numberEnd = start + inPlace.sticky.lastIndex - from;
        break;
      }
    }
    if (level < 0) return c >= 48 && c <= 57 ? headingByPatterns(text, start, end) : null;
    if (TITLED_BY_LINE.has(patternsFor(c))) numberEnd = -1;
  }
  if (numberEnd < 0 || limit - start <= LONG_HEADING) return { title: title(text.slice(start, limit)), level };
  const titleEnd = runInTitleEnd(text, numberEnd, limit);
  return { title: title(text.slice(start, titleEnd < 0 ? runInTitleByPattern(text.slice(start, limit), numberEnd - start) + start : titleEnd)), level };
}

/**
 * headingAt by slicing the line and matching the full patterns, which the shortcuts above must agree with; it reads
 * the lines they do not take (a Markdown heading, a bracketed or Roman title, a numbered title, a line cut at 400).
 */
export function headingByPatterns(text: string, start: number, end: number): Heading | null {
  const level = findHeading(text, start, end, true);
  const line = matchedLine;
  const match = matched;
  // The line is a slice of the text: kept here, it would keep the whole text alive after its document closed.
  matchedLine = '';
  matched = null;
  if (level < 0) return null;
  // A clause keeps its title whatever its length; a numbered article that runs on into its text is named by its
  // number, and by the short title that follows it when there is one ("Section 12. Definitions. In this Act…").
  if (match === null || TITLED_BY_LINE.has(matchedPatterns) || line.length <= LONG_HEADING) return { title: title(line), level };
  return { title: title(line.slice(0, runInTitleByPattern(line, match[0].length))), level };
}

/** The heading's level or −1; with `keepMatch`, leaves the line and the match in matchedLine and matched. */
function findHeading(text: string, start: number, end: number, keepMatch: boolean): number {
  if (!keepMatch) {
    let first = start;
    while (first < end && isIndent(text.charCodeAt(first))) first++;
    if (text.charCodeAt(first) === ORDINAL_MARK && first < end) return ordinalLevel(text, first + 1, lineLimit(text, start, end));
  }
  OPENING.lastIndex = start;
  if (!OPENING.test(text) || OPENING.lastIndex > end) return -1;
  const limit = lineLimit(text, start, end);
  if (!keepMatch && (limit === text.length || text.charCodeAt(limit) === 10 || text.charCodeAt(limit) === 13)) {
    const level = levelInPlace(text, start, limit);
    if (level !== UNDECIDED) return level;
  }
  const line = text.slice(start, limit);
  let first = 0;
  while (first < line.length && isIndent(line.charCodeAt(first))) first++;
  // OPENING found a heading's start on the line, so only a line cut at 400 characters can be blank here.
  if (first === line.length) return -1;
  if (keepMatch) matchedLine = line;
  matched = null;
  const patterns = patternsFor(line.charCodeAt(first));
  matchedPatterns = patterns;
  for (const { pattern, level } of patterns) {
    if (typeof level === 'number' && !keepMatch) {
      if (pattern.test(line)) return level;
      continue;
    }
    const m = pattern.exec(line);
    if (m) {
      if (keepMatch) matched = m;
      return typeof level === 'number' ? level : level(m);
    }
  }
  const numbered = NUMBERED_TITLE.exec(line);
  return numbered !== null && isTitleLike(numbered[2]) ? RANK.article : -1;
}

/** levelInPlace's answer when the line must be sliced and matched. */
const UNDECIDED = -2;

/**
 * A pattern tested on the text itself, sticky at the line's start, in place of the pattern on a slice of the line:
 * for a pattern with no `$` none of whose tokens reads a line break, the same answer when the line's tested part ends
 * at a line break (or the text's end), since the pattern then reads no further than that break, which it treats as
 * it would the slice's end.
 */
interface InPlace {
  sticky: RegExp;
  level: (c: number) => number;
}

/** What in a pattern's source may match at a line break, or test the end: `$`, `\s`, `\W`, `\D`, `\P{…}`, `\n`, `\r`, `[^…]`. */
const READS_LINE_BREAK = /\$|\\[sWDPnr]|\[\^/;
const IN_PLACE = new Map<RegExp, InPlace>();
for (const { pattern, level, levelByOpening } of [MARKDOWN, PART_CHAPTER_TITLE, SECTION, ARTICLE, ORDINAL, ENUMERATED, BRACKETED, ROMAN].flat()) {
  const byOpening = typeof level === 'number' ? () => level : levelByOpening;
  if (byOpening === undefined || READS_LINE_BREAK.test(pattern.source) || !pattern.source.startsWith('^')) continue;
  IN_PLACE.set(pattern, { sticky: new RegExp(pattern.source.slice(1), `${pattern.flags}y`), level: byOpening });
}

/**
 * findHeading's level for the line `text[start, limit)`, tested in place, when its tested part ends at a line break or
 * the text's end; UNDECIDED when a pattern needs its match, or the line may be a numbered title. Most lines a heading's
 * opening passes are headings of a fixed level ("Article 12 …"), and are read without a slice.
 */
function levelInPlace(text: string, start: number, limit: number): number {
  let first = start;
  while (first < limit && isIndent(text.charCodeAt(first))) first++;
  if (first === limit) return -1;
  const c = text.charCodeAt(first);
  for (const { pattern } of patternsFor(c)) {
    const inPlace = IN_PLACE.get(pattern);
    if (inPlace === undefined) return UNDECIDED;
    inPlace.sticky.lastIndex = start;
    if (inPlace.sticky.test(text)) return inPlace.level(c);
  }
  // A numbered title opens with a digit after spaces and tabs.
  return c >= 48 && c <= 57 ? UNDECIDED : -1;
}

const ORDINAL_MARK = 0x7b2c; // 第
const ORDINAL_NUMERALS = codes(`${HAN_NUMERALS}0123456789`);
/** The one-character units, by code; 部分 and 分编 are the ones of two. */
const ORDINAL_UNITS = new Map([...'编章节条'].map((c) => [c.charCodeAt(0), ORDINAL_LEVELS[c]]));
const NOT_AFTER_ORDINAL = codes(REFERENCE_FOLLOWERS);

function codes(chars: string): Set<number> {
  return new Set([...chars].map((c) => c.charCodeAt(0)));
}

/** Where the unit of the number that ordinalLevel last read ends, when it found a heading. */
let ordinalEnd = -1;

/**
 * What the ORDINAL pattern decides for a line whose text after 第 starts at `i` and whose tested part ends at `limit`,
 * without a slice of the line or a match: a statute has one such line every few sentences.
 */
function ordinalLevel(text: string, i: number, limit: number): number {
  const digits = i;
  while (i < limit && ORDINAL_NUMERALS.has(text.charCodeAt(i))) i++;
  if (i === digits || i === limit) return -1;
  const unit = text.charCodeAt(i);
  let level = ORDINAL_UNITS.get(unit);
  let next = i + 1;
  if (unit === 0x90e8 && text.charCodeAt(i + 1) === 0x5206 && i + 1 < limit) {
    level = ORDINAL_LEVELS['部分'];
    next = i + 2;
  } else if (unit === 0x5206 && text.charCodeAt(i + 1) === 0x7f16 && i + 1 < limit) {
    level = ORDINAL_LEVELS['分编'];
    next = i + 2;
  }
  if (level === undefined) return -1;
  ordinalEnd = next;
  return next < limit && NOT_AFTER_ORDINAL.has(text.charCodeAt(next)) ? -1 : level;
}

/** The end of the part of a line that headings are tested on: its first 400 characters, without a carriage return. */
function lineLimit(text: string, start: number, end: number): number {
  const limit = Math.min(end, start + 400);
  return limit > start && text.charCodeAt(limit - 1) === 13 ? limit - 1 : limit;
}

function isIndent(c: number): boolean {
  return c === 32 || c === 9 || c === 0x3000;
}

/** True when the line at `start` begins an enumerated item. */
export function startsEnumeration(text: string, start: number): boolean {
  ENUMERATION.lastIndex = start;
  return ENUMERATION.test(text);
}

/**
 * The number of a run-in heading (`line` up to `numberEnd`), with the short title that follows it up to the next
 * sentence end, when that reads as a title: "Section 12. Definitions. In this Act…" gives "Section 12. Definitions".
 */
export function runInTitle(line: string, numberEnd: number): string {
  const end = runInTitleEnd(line, numberEnd, line.length);
  return line.slice(0, end < 0 ? runInTitleByPattern(line, numberEnd) : end);
}

/** runInTitle's end by RUN_IN_TITLE, for the lines runInTitleEnd leaves to it. */
function runInTitleByPattern(line: string, numberEnd: number): number {
  RUN_IN_TITLE.lastIndex = numberEnd;
  const rest = RUN_IN_TITLE.exec(line);
  return rest !== null && isTitleLike(rest[1]) ? RUN_IN_TITLE.lastIndex - rest[2].length - 1 : numberEnd;
}

/**
 * Where runInTitle's title ends for a line of `text` ending at `limit` whose number ends at `numberEnd`, read as RUN_IN_TITLE
 * reads it: `.`, then spaces or tabs, a capital, up to 80 characters before the first of `.;:!?`, which must be `.`
 * or `:` followed by a space, a tab or the line's end. None of its tokens can backtrack to another match, so one
 * forward pass decides. −1 when a surrogate is met (the pattern counts code points), left to the pattern.
 */
function runInTitleEnd(text: string, numberEnd: number, limit: number): number {
  let i = numberEnd;
  if (i < limit && text.charCodeAt(i) === 46) i++;
  const spaces = i;
  while (i < limit && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
  if (i === spaces || i === limit) return numberEnd;
  const capital = text.charCodeAt(i);
  if (capital >= 0xd800 && capital <= 0xdfff) return -1;
  if (!isCapital(capital)) return numberEnd;
  const words = i;
  // The stop may come after the capital and up to 80 characters more.
  const max = Math.min(limit, i + 82);
  i++;
  let c = 0;
  for (; i < max; i++) {
    c = text.charCodeAt(i);
    if (c < 128 ? RUN_IN_STOPS[c] !== 0 : (c & 0xf800) === 0xd800) break;
  }
  if (i === max) return numberEnd;
  if (c >= 128) return -1;
  if (c !== 46 && c !== 58) return numberEnd;
  if (i + 1 < limit && text.charCodeAt(i + 1) !== 32 && text.charCodeAt(i + 1) !== 9) return numberEnd;
  return isTitleLike(text.slice(words, i)) ? i : numberEnd;
}

/** `.;:!?`, the stops RUN_IN_TITLE's words end at, by code. */
const RUN_IN_STOPS = new Uint8Array(128);
for (const c of '.;:!?') RUN_IN_STOPS[c.charCodeAt(0)] = 1;

const CAPITAL = /\p{Lu}/u;

/** What `\p{Lu}` matches, for a character of the BMP; CJK's symbols, kana and ideographs (U+3000-U+9FFF) have no case. */
function isCapital(c: number): boolean {
  if (c < 128) return c >= 65 && c <= 90;
  if (c >= 0x3000 && c < 0xa000) return false;
  return CAPITAL.test(String.fromCharCode(c));
}

/** A run-in heading's short title after its number, read in place (sticky) rather than from a copy of the rest of the line. */
const RUN_IN_TITLE = /\.?[ \t]+(\p{Lu}[^.;:!?]{0,80})[.:]([ \t]|$)/uy;

/** The heading's words, up to the first sentence end: "（一）完善制度。正文……" is titled "（一）完善制度". */
function title(line: string): string {
  // A stop before any words ("## 。voiceprint") ends nothing: the title is the words after it.
  let from = 0;
  while (from < line.length && isLeading(line.charCodeAt(from))) from++;
  const full = line.indexOf('。', from);
  const semicolon = line.indexOf('；', from);
  const stop = full < 0 ? semicolon : semicolon < 0 ? full : Math.min(full, semicolon);
  const words = stop < 0 ? line : line.slice(0, stop);
  let clean = isClean(words) ? words : line.replace(/^[ \t　#。；]+/, '').replace(/\s+/g, ' ').trim().replace(/[。；].*$/u, '');
  // A heading of nothing but marks ("# 。") is titled by its marks rather than left nameless.
  if (clean === '') clean = line.replace(/^[ \t　#]+/, '').replace(/\s+/g, ' ').trim() || line.trim();
  return detached(clean.length > MAX_TITLE ? `${clean.slice(0, MAX_TITLE - 1)}…` : clean);
}

/** What a title's words come after: indentation, Markdown's #, and stops that end no words. */
function isLeading(c: number): boolean {
  return c === 32 || c === 9 || c === 0x3000 || c === 35 || c === 0x3002 || c === 0xff1b; // space tab 　 # 。 ；
}

/** True when cleaning would leave `s` as it is: no leading #, no whitespace but single inner spaces. Most titles are, and need no regular expressions. */
function isClean(s: string): boolean {
  if (s.length === 0) return true;
  if (s.charCodeAt(0) === 35 || isSpace(s.charCodeAt(0)) || isSpace(s.charCodeAt(s.length - 1))) return false;
  for (let i = 1; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (isSpace(c) && (c !== 32 || s.charCodeAt(i - 1) === 32)) return false;
  }
  return true;
}

/** What `\s` matches in a regular expression. */
function isSpace(c: number): boolean {
  return (c >= 9 && c <= 13) || c === 32 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}
