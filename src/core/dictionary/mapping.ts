// A mapping file (YAML or JSON): `category: control | engagement | neutral`. A key names a category by its id, its
// dotted path, or a parent key (which maps every category below it); the most specific key wins.
import { isMap, type Node } from 'yaml';
import type { LexiconError } from '../lexiconError';
import type { ForeignDictionary } from './types';
import { readYaml, stringOf } from './yamlSource';

export type MappedPolarity = 'control' | 'engagement' | 'neutral';
const VALUES: readonly MappedPolarity[] = ['control', 'engagement', 'neutral'];

export interface MappingRule {
  key: string;
  polarity: MappedPolarity;
  /** Where the key is, for the error when it names no category of the dictionary. */
  error(problem: string): LexiconError;
}

export function parseMapping(text: string, file: string): MappingRule[] {
  const source = readYaml(text, file, 'a mapping');
  if (!isMap(source.root)) throw source.at(source.root ?? 0, 'a mapping is an object of "category: control|engagement|neutral"');
  const rules: MappingRule[] = [];
  for (const pair of source.root.items) {
    const keyNode = pair.key as Node;
    const key = stringOf(keyNode);
    if (key === null || key.trim() === '') throw source.at(keyNode ?? source.root, 'a mapping key must be a category name');
    const valueNode = pair.value as Node | null;
    const value = stringOf(valueNode);
    const polarity = VALUES.find((v) => v === value);
    if (polarity === undefined) throw source.at(valueNode ?? keyNode, `"${key}" must map to control, engagement or neutral, not ${value === null ? 'that' : `"${value}"`}`);
    rules.push({ key, polarity, error: (problem) => source.at(keyNode, problem) });
  }
  if (rules.length === 0) throw source.at(source.root, 'the mapping names no category');
  return rules;
}

export interface CategoryMapping {
  /** Category id → polarity, for the mapped categories. */
  polarity: Map<string, MappedPolarity>;
  /** Category paths (dotted) that no key maps: reported and ignored. */
  unmapped: string[];
}

/** Applies the rules to a dictionary's categories; a key that matches none of them is an error at that key. */
export function mapCategories(dictionary: ForeignDictionary, rules: readonly MappingRule[]): CategoryMapping {
  const polarity = new Map<string, MappedPolarity>();
  const specificity = new Map<string, number>();
  const used = new Set<MappingRule>();
  for (const category of dictionary.categories) {
    const dotted = category.path.join('.');
    for (const rule of rules) {
      // Exact names beat parents; a deeper parent beats a shallower one.
      let rank = -1;
      if (rule.key === dotted || rule.key === category.id || rule.key === category.path[category.path.length - 1]) rank = 1000;
      else {
        const parts = rule.key.split('.');
        if (parts.length < category.path.length && parts.every((p, i) => p === category.path[i])) rank = parts.length;
      }
      if (rank < 0) continue;
      used.add(rule);
      if (rank > (specificity.get(category.id) ?? -1)) {
        specificity.set(category.id, rank);
        polarity.set(category.id, rule.polarity);
      }
    }
  }
  for (const rule of rules) {
    if (!used.has(rule)) {
      const names = dictionary.categories.map((c) => c.path.join('.'));
      const shown = names.length > 12 ? `${names.slice(0, 12).join(', ')}, …` : names.join(', ');
      throw rule.error(`"${rule.key}" names no category of ${dictionary.file} (its categories: ${shown})`);
    }
  }
  const unmapped = dictionary.categories.filter((c) => !polarity.has(c.id)).map((c) => c.path.join('.'));
  return { polarity, unmapped };
}
