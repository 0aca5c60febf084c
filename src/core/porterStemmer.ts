// The Porter stemmer exactly as natural's `porter_stemmer` module computes it (quirks included: a `y` after a
// consonant run counts as a vowel group, step 2 and 3 apply every matching rule in turn), with its hot parts as
// loops over char codes: natural builds three regular-expression replacements per measure and compiles a RegExp
// per suffix rule that applies, which cost about 12 µs a word warm and 60 µs cold, and a new word of a text or of
// a lexicon is stemmed once. test/unit/porterStemmer.test.ts holds it equal to natural's on every word it tries.

/** a e i o u */
function isVowel(c: number): boolean {
  return c === 97 || c === 101 || c === 105 || c === 111 || c === 117;
}

const Y = 121;
const V = 86;

/** natural's categorizeChars: a character other than a e i o u y before a `y` and the `y` become "CV"; then each vowel "V", anything else "C". */
function categorizeChars(token: string): string {
  let out = '';
  const n = token.length;
  let i = 0;
  while (i < n) {
    const c = token.charCodeAt(i);
    if (!isVowel(c) && c !== Y && i + 1 < n && token.charCodeAt(i + 1) === Y) {
      out += 'CV';
      i += 2;
      continue;
    }
    out += isVowel(c) || c === V ? 'V' : 'C';
    i++;
  }
  return out;
}

/** natural's measure: the groups without a leading C and a trailing V, halved; −1 for no token. */
function measure(token: string | null): number {
  if (!token) return -1;
  scanGroups(token);
  const start = groups.firstIsC ? 1 : 0;
  let end = groups.count;
  if (end > start && groups.lastIsV) end--;
  return (end - start) / 2;
}

/** What scanGroups found: how many groups categorizeGroups gives, how many are V, and the first's and last's kinds. */
const groups = { count: 0, vowels: 0, firstIsC: false, lastIsV: false };

/**
 * Reads natural's categorizeGroups(token) into `groups` without making its strings (measure runs several times a
 * word): its two passes fused. The first gives a vowel or `y` as itself and a consonant run as itself, or as "CV" when a `y`
 * follows it (which it takes); the second makes each of its "V" a group of its own, a run of a e i o u one V, and a run
 * of anything else (consonants, a `y` given as itself, the "C" of a "CV") one C.
 */
function scanGroups(token: string): void {
  groups.count = 0;
  groups.vowels = 0;
  groups.firstIsC = false;
  groups.lastIsV = false;
  // The last group's kind: 0 none, 1 C, 2 a run of vowels (a vowel joins it), 3 a "V" of "CV" (nothing joins it).
  let last = 0;
  const n = token.length;
  let i = 0;
  while (i < n) {
    const c = token.charCodeAt(i);
    if (isVowel(c)) {
      if (last !== 2) last = addGroup(2);
      i++;
      continue;
    }
    if (c === Y) {
      if (last !== 1) last = addGroup(1);
      i++;
      continue;
    }
    let j = i;
    while (j < n && !isVowel(token.charCodeAt(j)) && token.charCodeAt(j) !== Y) j++;
    if (last !== 1) last = addGroup(1);
    if (j < n && token.charCodeAt(j) === Y) {
      last = addGroup(3);
      i = j + 1;
    } else i = j;
  }
}

function addGroup(kind: number): number {
  if (groups.count === 0) groups.firstIsC = kind === 1;
  groups.count++;
  if (kind !== 1) groups.vowels++;
  groups.lastIsV = kind !== 1;
  return kind;
}

/** The token with `suffix` replaced by `replacement` when it ends so, else null (natural's attemptReplace with a string pattern). */
function replaceSuffix(token: string, suffix: string, replacement: string): string | null {
  if (!token.endsWith(suffix)) return null;
  return token.slice(0, token.length - suffix.length) + replacement;
}

type Rule = readonly [suffix: string, measured: string, replacement: string];
/** A step's rules by the last character of their suffix, in their order. */
type RuleTable = ReadonlyMap<number, readonly Rule[]>;

function byLastChar(rules: readonly Rule[]): RuleTable {
  const table = new Map<number, Rule[]>();
  for (const rule of rules) {
    const last = rule[0].charCodeAt(rule[0].length - 1);
    table.set(last, [...(table.get(last) ?? []), rule]);
  }
  return table;
}

const NO_RULES: readonly Rule[] = [];

/**
 * natural's attemptReplacePatterns: every rule whose measured form passes is applied in turn to the running result.
 * Only the rules whose suffix ends as the token does are read: another's measured form is null, whose measure (−1)
 * passes no threshold.
 */
function replacePatterns(token: string, table: RuleTable, threshold: number): string {
  let replacement = token;
  for (const [suffix, measured, by] of table.get(token.charCodeAt(token.length - 1)) ?? NO_RULES) {
    if (measure(replaceSuffix(token, suffix, measured)) > threshold) replacement = replaceSuffix(replacement, suffix, by) || replacement;
  }
  return replacement || token;
}

function step1a(token: string): string {
  if (token.endsWith('sses') || token.endsWith('ies')) return token.slice(0, -2);
  if (token.endsWith('s') && token.charCodeAt(token.length - 2) !== 115 && token.length > 2) return token.slice(0, -1);
  return token;
}

const STEP1B_RULES: readonly Rule[] = [
  ['at', '', 'ate'],
  ['bl', '', 'ble'],
  ['iz', '', 'ize'],
];

function step1b(token: string): string {
  if (token.endsWith('eed')) {
    if (measure(token.slice(0, -3)) > 0) return `${token.slice(0, -3)}ee`;
    return token;
  }
  // natural: /(ed|ing)$/ replaced by nothing; an empty result ends the step with the token unchanged.
  const bare = token.endsWith('ed') ? token.slice(0, -2) : token.endsWith('ing') ? token.slice(0, -3) : null;
  if (!bare) return token;
  scanGroups(bare);
  if (groups.vowels === 0) return token;
  const replaced = replacePatternsNoMeasure(bare, STEP1B_RULES);
  if (replaced !== bare) return replaced;
  const n = bare.length;
  const last = bare.charCodeAt(n - 1);
  // natural: /([^aeiou])\1$/ and /[^lsz]$/
  if (n >= 2 && last === bare.charCodeAt(n - 2) && !isVowel(last) && last !== 108 && last !== 115 && last !== 122) return bare.slice(0, -1);
  if (measure(bare) === 1 && categorizeChars(bare).slice(-3) === 'CVC' && last !== 119 && last !== 120 && last !== Y) return `${bare}e`;
  return bare;
}

/** natural's attemptReplacePatterns with no threshold: every rule that matches applies in turn. */
function replacePatternsNoMeasure(token: string, rules: readonly Rule[]): string {
  let replacement = token;
  for (const [suffix, , by] of rules) replacement = replaceSuffix(replacement, suffix, by) || replacement;
  return replacement;
}

function step1c(token: string): string {
  if (token.endsWith('y')) {
    // A V among the groups before the last.
    scanGroups(token);
    if (groups.vowels > (groups.lastIsV ? 1 : 0)) return `${token.slice(0, -1)}i`;
  }
  return token;
}

const STEP2_RULES = byLastChar([
  ['ational', '', 'ate'],
  ['tional', '', 'tion'],
  ['enci', '', 'ence'],
  ['anci', '', 'ance'],
  ['izer', '', 'ize'],
  ['abli', '', 'able'],
  ['bli', '', 'ble'],
  ['alli', '', 'al'],
  ['entli', '', 'ent'],
  ['eli', '', 'e'],
  ['ousli', '', 'ous'],
  ['ization', '', 'ize'],
  ['ation', '', 'ate'],
  ['ator', '', 'ate'],
  ['alism', '', 'al'],
  ['iveness', '', 'ive'],
  ['fulness', '', 'ful'],
  ['ousness', '', 'ous'],
  ['aliti', '', 'al'],
  ['iviti', '', 'ive'],
  ['biliti', '', 'ble'],
  ['logi', '', 'log'],
]);

const STEP3_RULES = byLastChar([
  ['icate', '', 'ic'],
  ['ative', '', ''],
  ['alize', '', 'al'],
  ['iciti', '', 'ic'],
  ['ical', '', 'ic'],
  ['ful', '', ''],
  ['ness', '', ''],
]);

const STEP4_SUFFIXES = ['al', 'ance', 'ence', 'er', 'ic', 'able', 'ible', 'ant', 'ement', 'ment', 'ent', 'ou', 'ism', 'ate', 'iti', 'ous', 'ive', 'ize'];
const STEP4_LONGEST = Math.max(...STEP4_SUFFIXES.map((suffix) => suffix.length));

/** True when `token` ends with a step 4 suffix of `length` characters (token.slice(-length) is one, without the slice). */
function endsWithStep4Suffix(token: string, length: number): boolean {
  for (const suffix of STEP4_SUFFIXES) if (suffix.length === length && token.endsWith(suffix)) return true;
  return false;
}

function step4(token: string): string {
  // natural: /^(.+?)(al|ance|…|ize)$/ keeps the shortest non-empty stem, so the longest suffix that leaves one.
  let stem: string | null = null;
  // No suffix is longer than STEP4_LONGEST: shorter cuts leave tails that cannot match.
  for (let cut = Math.max(1, token.length - STEP4_LONGEST); cut < token.length && stem === null; cut++) {
    if (endsWithStep4Suffix(token, token.length - cut)) stem = token.slice(0, cut);
  }
  if (stem !== null && measure(stem) > 1) return stem;
  // natural: /^(.+?)(s|t)(ion)$/ keeping the stem and the s or t.
  if (token.length >= 5 && token.endsWith('ion')) {
    const st = token.charCodeAt(token.length - 4);
    if (st === 115 || st === 116) {
      const kept = token.slice(0, -3);
      if (measure(kept) > 1) return kept;
    }
  }
  return token;
}

function step5a(token: string): string {
  const m = measure(token.endsWith('e') ? token.slice(0, -1) : token);
  if (m > 1 || (m === 1 && !(categorizeChars(token).substr(-4, 3) === 'CVC' && /[^wxy].$/.test(token)))) {
    return token.endsWith('e') ? token.slice(0, -1) : token;
  }
  return token;
}

function step5b(token: string): string {
  if (token.endsWith('ll') && measure(token) > 1) return token.slice(0, -1);
  return token;
}

/** The Porter stem of `token`, as natural's PorterStemmer.stem gives it. */
export function porterStem(token: string): string {
  if (token.length < 3) return token;
  return step5b(step5a(step4(step3(step2(step1c(step1b(step1a(token.toLowerCase()))))))));
}

function step2(token: string): string {
  return replacePatterns(token, STEP2_RULES, 0);
}

function step3(token: string): string {
  return replacePatterns(token, STEP3_RULES, 0);
}
