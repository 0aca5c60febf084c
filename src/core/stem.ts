// Word families: the Porter stem (porterStemmer.ts, natural's algorithm with its hot parts as char-code loops) and
// the guard against its conflations.
import { builtinCompiled } from './builtinCompiled';
import { porterStem } from './porterStemmer';

/** Porter stem of a lower-case word. */
export function stem(word: string): string {
  return porterStem(word);
}

/** Porter stem of a lower-case lexicon word: stem(word), read from the built-in table when the word is in it. */
export function lexiconWordStem(word: string): string {
  return builtinCompiled().stems.get(word) ?? porterStem(word);
}

/** Characters a word may differ by at its end and still count as an inflection of a term. */
export const MAX_SUFFIX_DIFFERENCE = 4;

/**
 * True when `surface` is the term `word` or an inflection of it: the same Porter stem and a common prefix
 * that leaves at most four trailing characters, or the plural of such a form (punish → punishment →
 * punishments). The guard stops Porter's conflations (accountability → account, organization → organ) from
 * matching across senses.
 */
export function sameWordFamily(word: string, wordStem: string, surface: string, surfaceStem: string): boolean {
  if (wordStem !== surfaceStem) return false;
  if (withinSuffix(word, surface)) return true;
  return surface.length > word.length + 1 && surface.charCodeAt(surface.length - 1) === 115 && withinSuffix(word, surface.slice(0, -1));
}

function withinSuffix(word: string, surface: string): boolean {
  const longer = Math.max(word.length, surface.length);
  const shorter = Math.min(word.length, surface.length);
  let common = 0;
  while (common < shorter && word.charCodeAt(common) === surface.charCodeAt(common)) common++;
  return common >= longer - MAX_SUFFIX_DIFFERENCE;
}
