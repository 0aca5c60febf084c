// What esbuild.js computes from the built-in lexicons when it builds a bundle, so that the engine built at every
// start of the command-line tool need not: the stems of their words (stemming two thousand words in code not yet
// compiled was most of building the engine) and the SHA-256 that a report names them by. It computes them with this
// code's own stemmer and hash; test/unit/builtinCompiled.test.ts holds them equal to a fresh computation.
// It also computes the matcher of both built-in lexicons, which the engine loads instead of building (see MatcherTables).
import type { MatcherTables } from './matcher';
import type { LexiconSource } from './types';

/**
 * JSON of { sha256, stems: [word, stem, word, stem, …], matchers: { "0,1": JSON of MatcherTables } },
 * keyed by the built-in lexicons' indices (each parsed only when its engine is built); defined by esbuild.js, undeclared
 * when the code runs unbundled.
 */
declare const POLICY_LENS_BUILTIN_COMPILED: string | undefined;

export interface BuiltinCompiled {
  /** The stem of each word of the built-in lexicons. */
  stems: ReadonlyMap<string, string>;
  /** SHA-256 of the JSON of the built-in lexicons, as Engine.lexiconInfo hashes them; null when not computed. */
  sha256: string | null;
  /** The JSON of the matcher's tables per set of built-in lexicons, by their indices ("0,1"); empty when not computed. */
  matchers: Readonly<Record<string, string>>;
}

/**
 * Read here, at the top of the module, rather than in builtinCompiled(): V8 scans a lazily compiled function's text
 * twice (when the bundle loads, and when the function first runs), and this literal is most of the bundle's growth.
 */
const COMPILED: string | null = typeof POLICY_LENS_BUILTIN_COMPILED === 'string' ? POLICY_LENS_BUILTIN_COMPILED : null;

let compiled: BuiltinCompiled | null = null;

/** Empty when the bundle was built without them (esbuild's watch mode, or code run unbundled). */
export function builtinCompiled(): BuiltinCompiled {
  if (compiled === null) {
    const given = COMPILED !== null ? (JSON.parse(COMPILED) as { sha256: string; stems: string[]; matchers: Record<string, string> }) : { sha256: null, stems: [], matchers: {} };
    const stems = new Map<string, string>();
    for (let i = 0; i + 1 < given.stems.length; i += 2) stems.set(given.stems[i], given.stems[i + 1]);
    compiled = { stems, sha256: given.sha256, matchers: given.matchers };
  }
  return compiled;
}

/** The built-in lexicon objects, once builtin.ts has loaded them (a CLI worker never does: it is sent its lexicons). */
let builtin: readonly LexiconSource[] = [];

export function setBuiltinLexicons(lexicons: readonly LexiconSource[]): void {
  builtin = lexicons;
}

/** The index of `lexicon` among the built-in lexicons (the same object), or −1: a CLI worker is sent the index instead. */
export function builtinIndex(lexicon: LexiconSource): number {
  return builtin.indexOf(lexicon);
}

/** The built-in lexicons' SHA-256 when `lexicons` are exactly them (the same objects, in order), else null. */
export function builtinSha256(lexicons: readonly LexiconSource[]): string | null {
  if (builtin.length === 0 || lexicons.length !== builtin.length || lexicons.some((l, i) => l !== builtin[i])) return null;
  return builtinCompiled().sha256;
}

/**
 * The sets of built-in lexicons whose matchers esbuild.js computes: both, as every engine builds (the language setting
 * `auto`). English or Chinese alone (`--language`) is built at run time: bundling them too cost more to load than it saved.
 */
export const BUILTIN_MATCHER_SETS: readonly (readonly number[])[] = [[0, 1]];

/** The bundled tables of the matcher of `lexicons` when they are built-in lexicons (the same objects, in order), else null. */
export function builtinMatcherTables(lexicons: readonly LexiconSource[]): MatcherTables | null {
  if (builtin.length === 0 || lexicons.length === 0) return null;
  const indices: number[] = [];
  for (const lexicon of lexicons) {
    const i = builtin.indexOf(lexicon);
    if (i < 0 || (indices.length > 0 && i <= indices[indices.length - 1])) return null;
    indices.push(i);
  }
  const tables = builtinCompiled().matchers[indices.join(',')];
  return tables === undefined ? null : (JSON.parse(tables) as MatcherTables);
}
