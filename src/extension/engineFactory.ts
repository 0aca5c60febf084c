// The engine factory: with the store, the only module of the extension that imports values from the core. It turns
// lexicon sources into an Engine, which goes to the store and nowhere else.
import { builtinLexicons, Engine, LexiconError, parseLexicon } from '../core';
import { dictionaryFormat, importDictionary, mappingFileBeside } from '../core/dictionary';
import type { LexiconSource } from '../core/types';

/** Where a lexicon file is wrong, 1-based as LexiconError reports it. */
export interface LexiconFault {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly problem: string;
}

export function builtinSources(): LexiconSource[] {
  return builtinLexicons();
}

/**
 * Parses a lexicon file's text; throws when it is malformed (lexiconFault says where). `warn` hears, as
 * `file:line:column: warning: …`, of entries repeating a term of `earlier` lexicons or of the same file, categories
 * redefining one of theirs, and weights below the smallest step, as the CLI prints them.
 */
export function parseLexiconFile(text: string, file: string, knownCategories: readonly string[], earlier: readonly LexiconSource[] = [], warn?: (warning: string) => void): LexiconSource {
  return parseLexicon(text, file, { knownCategories, earlier, warn });
}

/** The position and message of a malformed lexicon, or undefined for any other error. */
export function lexiconFault(err: unknown): LexiconFault | undefined {
  return err instanceof LexiconError ? { file: err.file, line: err.line, column: err.column, problem: err.problem } : undefined;
}

/** Compiles the lexicons; throws when they conflict. */
export function buildEngine(sources: readonly LexiconSource[]): Engine {
  return new Engine(sources);
}

/** LIWC and quanteda dictionaries, read with a mapping of their categories (src/core/dictionary). */
export { dictionaryFormat, importDictionary, mappingFileBeside };
