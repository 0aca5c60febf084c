// Small lexicons built in the tests, so each mechanism is tested apart from the tuning of the built-in ones.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { builtinLexicons, Category, CueSource, Engine, Language, LexiconEntrySource, LexiconSource, Match } from '../../../src/core/index';

/** The repository's root, from out/test/unit where the compiled tests run. */
export const ROOT = path.resolve(__dirname, '../../..');

export function repoFile(relative: string): string {
  return fs.readFileSync(path.join(ROOT, relative), 'utf8');
}

function category(id: string, polarity: 'control' | 'engagement'): Category {
  return { id, label: `label of ${id}`, polarity, description: `test category ${id}` };
}

/** The 14 shared category ids, control first, as the built-in lexicons order them. */
export const CATEGORIES: readonly Category[] = [
  category('surveillance', 'control'),
  category('data-collection', 'control'),
  category('sanctions', 'control'),
  category('restrictions', 'control'),
  category('censorship', 'control'),
  category('scoring', 'control'),
  category('coercion', 'control'),
  category('consultation', 'engagement'),
  category('complaints', 'engagement'),
  category('participation', 'engagement'),
  category('transparency', 'engagement'),
  category('accountability', 'engagement'),
  category('rights', 'engagement'),
  category('privacy', 'engagement'),
];

export interface TestLexiconOptions {
  language?: Language;
  context?: LexiconSource['context'];
  categories?: readonly Category[];
  name?: string;
}

export function testLexicon(entries: LexiconEntrySource[], options: TestLexiconOptions = {}): LexiconSource {
  const lexicon: LexiconSource = {
    name: options.name ?? 'test',
    version: '0.0.1',
    language: options.language ?? 'en',
    categories: [...(options.categories ?? CATEGORIES)],
    entries,
  };
  if (options.context) lexicon.context = options.context;
  return lexicon;
}

export function engineWith(entries: LexiconEntrySource[], options: TestLexiconOptions = {}): Engine {
  return new Engine([testLexicon(entries, options)]);
}

/** A before-cue list written compactly: [cue, effect, window?]. */
export function cues(...list: [string, CueSource['effect'], number?][]): CueSource[] {
  return list.map(([cue, effect, window]) => (window === undefined ? { cue, effect } : { cue, effect, window }));
}

/** The fields a test usually asserts, in a fixed order that reads well in a diff. */
export type Brief = [number, number, string, string, string | null, boolean];

export function brief(m: Match): Brief {
  return [m.start, m.end, m.text, m.category, m.rule, m.negated];
}

export function briefs(engine: Engine, text: string): Brief[] {
  return engine.analyze(text).matches().map(brief);
}

let builtin: Engine | null = null;

/** The engine over the built-in lexicons, built once. */
export function builtinEngine(): Engine {
  builtin ??= new Engine(builtinLexicons());
  return builtin;
}

/** The counted matches of a text on the built-in lexicons, as "polarity/category:text". */
export function counted(text: string): string[] {
  return builtinEngine()
    .analyze(text)
    .matches()
    .filter((m) => !m.negated)
    .map((m) => `${m.polarity}/${m.category}:${m.text}`);
}

/** The counted matches of a text on the built-in lexicons, as [text, polarity, category]. */
export function countedMatches(text: string): [string, string, string][] {
  return builtinEngine()
    .analyze(text)
    .matches()
    .filter((m) => !m.negated)
    .map((m) => [m.text, m.polarity, m.category]);
}

/** The counted matches of one polarity, as `counted` gives them. */
export function countedAs(polarity: 'control' | 'engagement', text: string): string[] {
  return counted(text).filter((c) => c.startsWith(`${polarity}/`));
}
