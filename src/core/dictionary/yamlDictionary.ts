// quanteda's YAML dictionaries: nested keys whose leaves are lists of glob patterns (`dictionary(file =, format =
// "YAML")` reads and writes them). A category is a key holding patterns; its id is that key, its path the keys above.
import { isMap, isScalar, isSeq, stringify, type Node } from 'yaml';
import { categoryId, DictionaryCategory, DictionaryEntry, ForeignDictionary, patternTerm } from './types';
import { lineColumnAt } from '../lineColumn';
import { readYaml, stringOf, YamlSource } from './yamlSource';

export function parseYamlDictionary(text: string, file: string): ForeignDictionary {
  const source = readYaml(text, file, 'a dictionary');
  if (!isMap(source.root)) throw source.at(source.root ?? 0, 'a YAML dictionary is a mapping of category names to lists of patterns');
  const categories: DictionaryCategory[] = [];
  const entries: DictionaryEntry[] = [];
  const byTerm = new Map<string, DictionaryEntry>();
  const ids = new Map<string, DictionaryCategory>();
  const body = text.charCodeAt(0) === 0xfeff ? ` ${text.slice(1)}` : text;
  const walk = (map: Node, path: string[]): void => {
    if (!isMap(map)) return;
    for (const pair of map.items) {
      const keyNode = pair.key as Node;
      const key = stringOf(keyNode) ?? (isScalar(keyNode) ? String(keyNode.value) : null);
      if (key === null || key.trim() === '') throw source.at(keyNode ?? map, 'a category name must be a non-empty string');
      const value = pair.value as Node | null;
      if (isMap(value)) {
        walk(value, [...path, key]);
        continue;
      }
      const id = categoryId(key);
      const { line, column } = lineColumnAt(body, keyNode.range?.[0] ?? 0);
      const clash = ids.get(id);
      if (clash) throw source.at(keyNode, `category "${[...path, key].join('.')}" has the same id "${id}" as "${clash.path.join('.')}" on line ${clash.line}`);
      const category: DictionaryCategory = { id, path: [...path, key], line, column };
      ids.set(id, category);
      categories.push(category);
      for (const item of patternNodes(value, keyNode, key, source)) addPattern(item, id);
    }
  };
  const addPattern = (node: Node, id: string): void => {
    const raw = stringOf(node);
    if (raw === null) throw source.at(node, `patterns must be strings; quote ${isScalar(node) ? `"${String(node.value)}"` : 'this value'}`);
    const { line, column } = lineColumnAt(body, node.range?.[0] ?? 0);
    const term = patternTerm(raw, file, line, column);
    const known = byTerm.get(term.toLowerCase());
    if (known) {
      if (!known.categories.includes(id)) known.categories.push(id);
      return;
    }
    const entry: DictionaryEntry = { term, categories: [id], line, column };
    byTerm.set(term.toLowerCase(), entry);
    entries.push(entry);
  };
  walk(source.root, []);
  if (categories.length === 0) throw source.at(source.root, 'the dictionary has no category');
  return { file, format: 'yaml', categories, entries };
}

function patternNodes(value: Node | null, keyNode: Node, key: string, source: YamlSource): Node[] {
  if (isSeq(value)) return value.items as Node[];
  if (isScalar(value) && value.value !== null) return [value];
  throw source.at(keyNode, `category "${key}" needs a list of patterns`);
}

/** Nested keys → pattern lists, in the order given; for quanteda and any YAML reader. */
export function writeYamlDictionary(tree: YamlTree, comment: string): string {
  const text = stringify(tree, { lineWidth: 0, defaultStringType: 'PLAIN', defaultKeyType: 'PLAIN' });
  return `${comment
    .split('\n')
    .map((l) => `# ${l}`.trimEnd())
    .join('\n')}\n${text}`;
}

export interface YamlTree {
  [key: string]: string[] | YamlTree;
}
