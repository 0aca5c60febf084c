// Dictionaries written for other tools (LIWC `.dic`, quanteda YAML), parsed into one neutral shape before a mapping
// says which of their categories are control, engagement or neutral.
import { LexiconError } from '../lexiconError';
import { normalizeTerm } from '../lexicon';

export interface DictionaryCategory {
  /** The id the tally uses: the last key of its path (LIWC: its name), lower-cased, non-letters as hyphens. */
  id: string;
  /** Keys from the root (YAML nesting); a LIWC category has one. */
  path: string[];
  line: number;
  column: number;
}

export interface DictionaryEntry {
  term: string;
  /** Category ids, in the order the file gives them. */
  categories: string[];
  line: number;
  column: number;
}

export interface ForeignDictionary {
  file: string;
  format: 'dic' | 'yaml';
  categories: DictionaryCategory[];
  entries: DictionaryEntry[];
}

/** A category name → the id the tally and the mapping use. */
export function categoryId(name: string): string {
  const slug = name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  return /^\p{L}/u.test(slug) ? slug : `c-${slug}`;
}

/**
 * A LIWC or quanteda pattern → a lexicon term, or a LexiconError at `line:column`. Both tools mark a prefix with a
 * trailing `*`, which is also ours. Other glob syntax (`?`, a leading or inner `*`, brackets) has no equivalent in
 * the matcher and is refused rather than read differently. A `*` after Han characters is dropped: Han terms already
 * match inside longer runs of characters.
 */
export function patternTerm(raw: string, file: string, line: number, column: number): string {
  const refuse = (why: string): LexiconError => new LexiconError(file, line, column, `unsupported pattern "${raw}": ${why}`);
  const pattern = raw.trim().replace(/(\p{Script=Han})\*(?=\s|$)/gu, '$1');
  if (pattern === '') throw refuse('it is empty');
  if (/[?[\]{}]/.test(pattern)) throw refuse('only a "*" at the end of a word is supported (no "?", brackets or braces)');
  if (/(^|\s)\*/.test(pattern) || /\*[^\s]/.test(pattern)) throw refuse('"*" may only end a word');
  const term = normalizeTerm(pattern);
  if (term === null) throw refuse('a pattern needs a letter, digit or Han character in each word');
  return term;
}
