// --lexicon files → the lexicon sources the engine is built from (added to the built-in ones, or replacing them).
// Our JSON lexicons, LIWC `.dic` and quanteda YAML dictionaries; the last two through a mapping of their categories.
import * as fs from 'node:fs';
import { LexiconError, builtinLexicons, parseLexicon } from '../core';
import type { LexiconSource } from '../core/types';
import { lexiconFileRefusal } from '../node/lexiconFile';
import { dictionaries } from './dictionaries';
import type { LexiconMode } from './args';
import { FatalError } from './fatalError';
import { describeFsError } from './inputs';

/**
 * Every file is read and checked before the engine is built, so a bad one stops the run with nothing half-loaded.
 * `warn` hears of dictionary categories that no mapping names (ignored, with their words). `workspace`: the
 * store's .policylens/lexicon.json, put first so its entries win, as in the editor.
 */
export function loadLexicons(
  files: string[],
  mode: LexiconMode,
  mapFile: string | null = null,
  warn: (line: string) => void = () => undefined,
  workspace: string | null = null,
): LexiconSource[] {
  const lexicons = mode === 'add' ? builtinLexicons() : [];
  const known = builtinLexicons().flatMap((l) => l.categories.map((c) => c.id));
  const first: LexiconSource[] = workspace === null ? [] : [readLexicon(workspace, known)];
  for (const file of files) {
    const text = readLexiconFile(file, 'lexicon');
    const { dictionaryFormat, importDictionary, mappingFileBeside } = dictionaries();
    try {
      if (dictionaryFormat(file) === null) {
        const knownCategories = lexicons.flatMap((l) => l.categories.map((c) => c.id));
        lexicons.push(parseLexicon(text, file, { knownCategories, earlier: lexicons, warn }));
        continue;
      }
      const beside = mappingFileBeside(file);
      const map = mapFile ?? (fs.existsSync(beside) ? beside : null);
      if (map === null) throw new FatalError(`${file}: a dictionary needs a mapping of its categories: give --lexicon-map FILE or write ${beside}`);
      const imported = importDictionary(text, file, readLexiconFile(map, 'mapping'), map);
      checkPolarities(imported.lexicons, lexicons, file);
      if (imported.unmapped.length > 0) warn(`warning: ${file}: categories not in the mapping, ignored: ${imported.unmapped.join(', ')}`);
      lexicons.push(...imported.lexicons);
    } catch (err: unknown) {
      if (err instanceof LexiconError) throw new FatalError(err.message);
      throw err;
    }
  }
  return [...first, ...lexicons];
}

function readLexicon(file: string, knownCategories: string[]): LexiconSource {
  const text = readLexiconFile(file, 'lexicon');
  try {
    return parseLexicon(text, file, { knownCategories });
  } catch (err: unknown) {
    if (err instanceof LexiconError) throw new FatalError(err.message);
    throw err;
  }
}

function readLexiconFile(file: string, what: string): string {
  try {
    const refusal = lexiconFileRefusal(fs.statSync(file));
    if (refusal !== null) throw new FatalError(`${file}: cannot read ${what}: ${refusal}`);
    return fs.readFileSync(file, 'utf8');
  } catch (err: unknown) {
    if (err instanceof FatalError) throw err;
    throw new FatalError(`${file}: cannot read ${what}: ${describeFsError(err)}`);
  }
}

/** A dictionary category that shares an id with a loaded one must share its polarity: the first definition wins. */
function checkPolarities(added: readonly LexiconSource[], loaded: readonly LexiconSource[], file: string): void {
  const known = new Map(loaded.flatMap((l) => l.categories.map((c) => [c.id, c.polarity] as const)));
  for (const c of added.flatMap((l) => l.categories)) {
    const polarity = known.get(c.id);
    if (polarity !== undefined && polarity !== c.polarity) {
      throw new FatalError(`${file}: category "${c.id}" is mapped to ${c.polarity}, but a loaded lexicon has it as ${polarity}: rename it or map it to ${polarity}`);
    }
  }
}
