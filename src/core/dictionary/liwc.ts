// LIWC dictionaries (`.dic`): a category header between two lines holding only `%` (`1<TAB>name` per line), then one
// word or phrase per line followed by the ids of its categories. Everything is checked before anything is returned.
import { LexiconError } from '../lexiconError';
import { categoryId, DictionaryCategory, DictionaryEntry, ForeignDictionary, patternTerm } from './types';

export function parseLiwcDic(text: string, file: string): ForeignDictionary {
  const lines = (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).split(/\r\n|\n|\r/);
  const at = (line: number, column: number, problem: string): LexiconError => new LexiconError(file, line, column, problem);
  let i = 0;
  while (i < lines.length && lines[i].trim() === '') i++;
  if (i === lines.length) throw at(1, 1, 'the file is empty');
  if (lines[i].trim() !== '%') throw at(i + 1, 1, 'a LIWC dictionary starts with a line holding only "%", then its categories, then "%"');
  const categories: DictionaryCategory[] = [];
  const byNumber = new Map<string, DictionaryCategory>();
  const ids = new Map<string, number>();
  for (i++; ; i++) {
    if (i === lines.length) throw at(i, 1, 'the category header has no closing "%" line');
    const line = lines[i];
    if (line.trim() === '%') break;
    if (line.trim() === '') continue;
    const m = /^(\s*)(\d+)([\t ]+)(\S[^\t]*?)\s*(\t.*)?$/.exec(line);
    if (!m) throw at(i + 1, 1, `malformed category line "${line.trim()}": expected a number, a tab and a name`);
    const number = String(Number(m[2]));
    const column = m[1].length + m[2].length + m[3].length + 1;
    if (byNumber.has(number)) throw at(i + 1, m[1].length + 1, `category number ${m[2]} is declared twice`);
    const id = categoryId(m[4]);
    const first = ids.get(id);
    if (first !== undefined) throw at(i + 1, column, `category "${m[4]}" has the same id "${id}" as the category on line ${first}`);
    const category: DictionaryCategory = { id, path: [m[4]], line: i + 1, column };
    ids.set(id, i + 1);
    byNumber.set(number, category);
    categories.push(category);
  }
  if (categories.length === 0) throw at(i + 1, 1, 'the category header declares no category');
  const entries: DictionaryEntry[] = [];
  const seen = new Map<string, number>();
  for (i++; i < lines.length; i++) {
    const line = lines[i];
    if (line.trim() === '') continue;
    const { raw, rawColumn, fields } = splitEntry(line);
    if (fields.length === 0) throw at(i + 1, line.length + 1, `"${raw.trim()}" names no category: expected a tab and category numbers`);
    const term = patternTerm(raw, file, i + 1, rawColumn);
    const own: string[] = [];
    for (const field of fields) {
      if (!/^\d+$/.test(field.text)) {
        const why = /[()<>/]/.test(field.text) ? 'conditional categories (LIWC2007 "(02 134)") are not supported' : 'expected a category number';
        throw at(i + 1, field.column, `unsupported category reference "${field.text}": ${why}`);
      }
      const category = byNumber.get(String(Number(field.text)));
      if (!category) throw at(i + 1, field.column, `unknown category number ${field.text} (the header declares ${[...byNumber.keys()].join(', ')})`);
      if (!own.includes(category.id)) own.push(category.id);
    }
    const key = term.toLowerCase();
    const earlier = seen.get(key);
    if (earlier !== undefined) throw at(i + 1, rawColumn, `"${term}" is listed twice (first on line ${earlier}); put all its category numbers on one line`);
    seen.set(key, i + 1);
    entries.push({ term, categories: own, line: i + 1, column: rawColumn });
  }
  return { file, format: 'dic', categories, entries };
}

interface Field {
  text: string;
  column: number;
}

/**
 * A line → the pattern and its category fields. With a tab, the pattern is everything before the first one (LIWC-22
 * phrases hold spaces); without, the trailing numbers are the categories.
 */
function splitEntry(line: string): { raw: string; rawColumn: number; fields: Field[] } {
  const fieldsOf = (from: number): Field[] => {
    const out: Field[] = [];
    const re = /\S+/g;
    re.lastIndex = from;
    for (let m = re.exec(line); m; m = re.exec(line)) out.push({ text: m[0], column: m.index + 1 });
    return out;
  };
  const lead = line.length - line.trimStart().length;
  const tab = line.indexOf('\t', lead);
  if (tab >= 0) return { raw: line.slice(lead, tab), rawColumn: lead + 1, fields: fieldsOf(tab) };
  const all = fieldsOf(lead);
  let k = all.length;
  while (k > 1 && /^[\d()<>/]+$/.test(all[k - 1].text)) k--;
  const raw = all.slice(0, k).map((f) => f.text).join(' ');
  return { raw, rawColumn: lead + 1, fields: all.slice(k) };
}

/** A LIWC dictionary's text: categories numbered from 1 in the order given, then one line per term. */
export function writeLiwcDic(categories: readonly string[], entries: ReadonlyArray<{ term: string; categories: readonly string[] }>): string {
  const numbers = new Map(categories.map((c, i) => [c, i + 1]));
  let out = '%\n';
  for (const [c, n] of numbers) out += `${n}\t${c}\n`;
  out += '%\n';
  for (const e of entries) out += `${e.term}\t${e.categories.map((c) => numbers.get(c)).join('\t')}\n`;
  return out;
}
