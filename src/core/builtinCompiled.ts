// What esbuild.js computes from the built-in lexicons when it builds a bundle, so that the engine built at every
// start of the command-line tool need not: the stems of their words (stemming two thousand words in code not yet
// compiled was most of building the engine) and the SHA-256 that a report names them by. It computes them with this
// code's own stemmer and hash; test/unit/builtinCompiled.test.ts holds them equal to a fresh computation.
import type { LexiconSource } from './types';

/** JSON of { sha256, stems: [word, stem, word, stem, …] }, defined by esbuild.js; undeclared when the code runs unbundled. */
declare const POLICY_LENS_BUILTIN_COMPILED: string | undefined;

export interface BuiltinCompiled {
  /** The stem of each word of the built-in lexicons. */
  stems: ReadonlyMap<string, string>;
  /** SHA-256 of the JSON of the built-in lexicons, as Engine.lexiconInfo hashes them; null when not computed. */
  sha256: string | null;
}

let compiled: BuiltinCompiled | null = null;

/** Empty when the bundle was built without them (esbuild's watch mode, or code run unbundled). */
export function builtinCompiled(): BuiltinCompiled {
  if (compiled === null) {
    const given = typeof POLICY_LENS_BUILTIN_COMPILED === 'string' ? (JSON.parse(POLICY_LENS_BUILTIN_COMPILED) as { sha256: string; stems: string[] }) : { sha256: null, stems: [] };
    const stems = new Map<string, string>();
    for (let i = 0; i + 1 < given.stems.length; i += 2) stems.set(given.stems[i], given.stems[i + 1]);
    compiled = { stems, sha256: given.sha256 };
  }
  return compiled;
}

/** The built-in lexicon objects, once builtin.ts has loaded them (a CLI worker never does: it is sent its lexicons). */
let builtin: readonly LexiconSource[] = [];

export function setBuiltinLexicons(lexicons: readonly LexiconSource[]): void {
  builtin = lexicons;
}

/** The built-in lexicons' SHA-256 when `lexicons` are exactly them (the same objects, in order), else null. */
export function builtinSha256(lexicons: readonly LexiconSource[]): string | null {
  if (builtin.length === 0 || lexicons.length !== builtin.length || lexicons.some((l, i) => l !== builtin[i])) return null;
  return builtinCompiled().sha256;
}
