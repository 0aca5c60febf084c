// Character classes for the scanner, looked up by UTF-16 code unit. Lazily filled so startup stays cheap.

export const OTHER = 0;
/** Letters and digits of alphabetic scripts: they form word tokens. */
export const WORD = 1;
/** Han ideographs: each one is a token of its own (Chinese has no spaces). */
export const HAN = 2;
/** A high surrogate: the class depends on the code point it starts. */
const HIGH_SURROGATE = 3;
const UNKNOWN = 255;

const classes = new Uint8Array(65536).fill(UNKNOWN);
const lowers = new Uint16Array(65536);
const LETTER_OR_DIGIT = /^[\p{L}\p{N}\p{M}]$/u;

for (let c = 0; c < 128; c++) {
  const isWord = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  classes[c] = isWord ? WORD : OTHER;
  lowers[c] = c >= 65 && c <= 90 ? c + 32 : c;
}

function isHanCodePoint(cp: number): boolean {
  return (
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    cp === 0x3007 ||
    (cp >= 0x20000 && cp <= 0x323af)
  );
}

function fill(c: number): number {
  let cls: number;
  if (c >= 0xd800 && c <= 0xdbff) cls = HIGH_SURROGATE;
  else if (isHanCodePoint(c)) cls = HAN;
  else if (c >= 0xdc00 && c <= 0xdfff) cls = OTHER;
  else cls = LETTER_OR_DIGIT.test(String.fromCharCode(c)) ? WORD : OTHER;
  classes[c] = cls;
  const lower = String.fromCharCode(c).toLowerCase();
  lowers[c] = lower.length === 1 ? lower.charCodeAt(0) : c;
  return cls;
}

/** The class of a UTF-16 code unit. */
export function charClass(c: number): number {
  const cls = classes[c];
  return cls === UNKNOWN ? fill(c) : cls;
}

/** Lower-case form of a code unit (itself when lower-casing would change its length). */
export function lowerChar(c: number): number {
  if (classes[c] === UNKNOWN) fill(c);
  return lowers[c];
}

/**
 * Class of the character whose first code unit `c` stands at `i`: a surrogate pair takes the class of its code
 * point, a lone surrogate is OTHER. A pair whose class is not OTHER is two code units wide.
 */
export function classAt(text: string, i: number, end: number, c: number): number {
  const cls = charClass(c);
  if (cls !== HIGH_SURROGATE) return cls;
  const low = text.charCodeAt(i + 1);
  return i + 1 < end && low >= 0xdc00 && low <= 0xdfff ? astralClass(((c - 0xd800) << 10) + (low - 0xdc00) + 0x10000) : OTHER;
}

/** Code units taken by a character of class `cls` whose first unit is `c` (see classAt). */
export function widthOf(c: number, cls: number): number {
  return cls !== OTHER && c >= 0xd800 && c <= 0xdbff ? 2 : 1;
}

/** Class of the astral code point formed by a surrogate pair. */
function astralClass(cp: number): number {
  if (isHanCodePoint(cp)) return HAN;
  return LETTER_OR_DIGIT.test(String.fromCodePoint(cp)) ? WORD : OTHER;
}

function isWhitespace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0 || c === 0x3000 || c === 0x2028 || c === 0x2029;
}

/** A space that a pattern's `\s` matches but that is no phrase joiner: it breaks a lexicon path that a pattern reads across. */
export function isUnjoiningSpace(c: number): boolean {
  return c === 11 || c === 12 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x202f || c === 0x205f || c === 0xfeff;
}

/** What a regular expression's `\s` matches. */
export function isPatternSpace(c: number): boolean {
  return isWhitespace(c) || isUnjoiningSpace(c);
}

/** Characters that may stand between the words of a phrase: spaces, hyphens, apostrophes. */
export function isPhraseJoiner(c: number): boolean {
  return isWhitespace(c) || c === 45 || c === 0x2010 || c === 0x2011 || c === 39 || c === 0x2019;
}
