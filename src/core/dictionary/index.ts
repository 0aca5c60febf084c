// Foreign dictionaries ↔ lexicons: LIWC `.dic` and quanteda YAML in, with a mapping of their categories to our
// polarities; the lexicons out in the same two formats, so other tools can run our categories.
import { createHash } from 'node:crypto';
import { LexiconError } from '../lexiconError';
import type { Category, Language, LexiconEntrySource, LexiconSource, Polarity } from '../types';
import { parseLiwcDic, writeLiwcDic } from './liwc';
import { CategoryMapping, mapCategories, MappingRule, parseMapping } from './mapping';
import type { ForeignDictionary } from './types';
import { parseYamlDictionary, writeYamlDictionary, YamlTree } from './yamlDictionary';

export { parseLiwcDic, parseMapping, parseYamlDictionary, mapCategories };
export type { ForeignDictionary, MappingRule, CategoryMapping };

export type DictionaryFormat = 'dic' | 'yaml';

/** The dictionary format a file name implies, or null for our own JSON lexicons. */
export function dictionaryFormat(file: string): DictionaryFormat | null {
  if (/\.dic$/i.test(file)) return 'dic';
  if (/\.ya?ml$/i.test(file)) return 'yaml';
  return null;
}

/** `dict.dic` → `dict.map.yml`: where the editor (and the CLI, without --lexicon-map) looks for the mapping. */
export function mappingFileBeside(file: string): string {
  return file.replace(/\.(dic|ya?ml)$/i, '') + '.map.yml';
}

export interface ImportedDictionary {
  lexicons: LexiconSource[];
  /** Dotted category names no mapping key names; their words are ignored. */
  unmapped: string[];
}

/**
 * Parses a dictionary and its mapping and builds the lexicons (one per language present: terms with Han characters
 * are Chinese). Throws a LexiconError at the first problem in either file; nothing is returned half-built.
 */
export function importDictionary(text: string, file: string, mapText: string, mapFile: string): ImportedDictionary {
  const format = dictionaryFormat(file);
  const dictionary = format === 'dic' ? parseLiwcDic(text, file) : parseYamlDictionary(text, file);
  const mapping = mapCategories(dictionary, parseMapping(mapText, mapFile));
  const categories: Category[] = [];
  for (const c of dictionary.categories) {
    const polarity = mapping.polarity.get(c.id);
    if (polarity === 'control' || polarity === 'engagement') {
      categories.push({ id: c.id, label: c.path[c.path.length - 1], polarity, description: `${c.path.join('.')} in ${baseName(file)}` });
    }
  }
  const byLanguage: Record<Language, LexiconEntrySource[]> = { en: [], zh: [] };
  for (const entry of dictionary.entries) {
    const mapped = entry.categories.filter((id) => mapping.polarity.has(id));
    if (mapped.length === 0) continue;
    // The matcher counts a term in one category; the first counted one listed wins, neutral only if all are.
    const counted = mapped.find((id) => mapping.polarity.get(id) !== 'neutral');
    const source: LexiconEntrySource = counted === undefined ? { term: entry.term, neutral: true } : { term: entry.term, category: counted };
    byLanguage[/\p{Script=Han}/u.test(entry.term) ? 'zh' : 'en'].push(source);
  }
  if (byLanguage.en.length === 0 && byLanguage.zh.length === 0) {
    throw new LexiconError(mapFile, 1, 1, `the mapping leaves no word of ${file} in a mapped category`);
  }
  const version = `sha256:${createHash('sha256').update(text).digest('hex').slice(0, 12)}`;
  const lexicons = (['en', 'zh'] as const)
    .filter((language) => byLanguage[language].length > 0)
    .map((language): LexiconSource => ({ name: baseName(file), version, language, categories, entries: byLanguage[language] }));
  return { lexicons, unmapped: mapping.unmapped };
}

interface FlatEntry {
  term: string;
  categories: string[];
}

/** Every term once (the first wins, as in the matcher), neutral entries under the category "neutral". */
function flatten(lexicons: readonly LexiconSource[]): { categories: Array<{ id: string; polarity: Polarity | 'neutral' }>; entries: FlatEntry[] } {
  const categories = new Map<string, Polarity | 'neutral'>();
  for (const l of lexicons) for (const c of l.categories) if (!categories.has(c.id)) categories.set(c.id, c.polarity);
  const entries: FlatEntry[] = [];
  const seen = new Set<string>();
  for (const l of lexicons) {
    for (const e of l.entries) {
      const key = e.term.toLowerCase();
      if (seen.has(key)) continue;
      seen.add(key);
      entries.push({ term: e.term, categories: [e.neutral ? 'neutral' : (e.category ?? 'neutral')] });
    }
  }
  if (entries.some((e) => e.categories[0] === 'neutral')) categories.set('neutral', 'neutral');
  return { categories: [...categories].map(([id, polarity]) => ({ id, polarity })), entries };
}

export type ExportFormat = 'dic' | 'yaml' | 'map';

/** The lexicons as a LIWC dictionary, a quanteda YAML dictionary, or the mapping that reads either back. */
export function exportLexicons(lexicons: readonly LexiconSource[], to: ExportFormat, about: string): string {
  const { categories, entries } = flatten(lexicons);
  if (to === 'dic') return writeLiwcDic(categories.map((c) => c.id), entries);
  if (to === 'map') {
    const lines = categories.map((c) => `${c.id}: ${c.polarity}`);
    return `# Maps the categories of the exported dictionary to Policy Lens polarities (--lexicon-map).\n${lines.join('\n')}\n`;
  }
  const tree: YamlTree = {};
  const terms = new Map<string, string[]>(categories.map((c) => [c.id, []]));
  for (const e of entries) terms.get(e.categories[0])?.push(e.term);
  for (const c of categories) {
    if (c.polarity === 'neutral') tree[c.id] = terms.get(c.id) ?? [];
    else {
      const group = (tree[c.polarity] ??= {}) as YamlTree;
      group[c.id] = terms.get(c.id) ?? [];
    }
  }
  return writeYamlDictionary(tree, about);
}

function baseName(file: string): string {
  return file.split(/[\\/]/).pop() ?? file;
}
