// What esbuild.js computes from the built-in lexicons when it builds a bundle, so that the engine built at every
// start of the command-line tool need not: the stems of their words (stemming two thousand words in code not yet
// compiled was most of building the engine) and the SHA-256 that a report names them by. It computes them with this
// code's own stemmer and hash; test/unit/builtinCompiled.test.ts holds them equal to a fresh computation.
// It also computes the matcher of both built-in lexicons, which the engine loads instead of building (see MatcherTables),
// and the same as an image (matcherImage.ts) that the command-line tool reads from a file beside its bundle.
import type { MatcherImage, MatcherTables } from './matcher';
import { decodeMatcherImage } from './matcherImage';
import type { LexiconSource } from './types';

/**
 * JSON of { sha256, stems: [word, stem, word, stem, …], matchers: { "0,1": JSON of MatcherTables }, image },
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
  /** The CRC-32 (8 hex digits) of the image of the matcher of all the built-in lexicons, as the build wrote it; null when not computed. */
  imageCrc32: string | null;
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
    const given: { sha256: string | null; stems: string[]; matchers: Record<string, string>; imageCrc32?: string } = COMPILED !== null ? JSON.parse(COMPILED) : { sha256: null, stems: [], matchers: {} };
    const stems = new Map<string, string>();
    for (let i = 0; i + 1 < given.stems.length; i += 2) stems.set(given.stems[i], given.stems[i + 1]);
    compiled = { stems, sha256: given.sha256, matchers: given.matchers, imageCrc32: given.imageCrc32 ?? null };
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
  return allBuiltin(lexicons) ? builtinCompiled().sha256 : null;
}

/** True when `lexicons` are exactly the built-in lexicons (the same objects, in order). */
function allBuiltin(lexicons: readonly LexiconSource[]): boolean {
  return builtin.length > 0 && lexicons.length === builtin.length && lexicons.every((l, i) => l === builtin[i]);
}

/**
 * The sets of built-in lexicons whose matchers esbuild.js computes: both, as every engine builds (the language setting
 * `auto`). English or Chinese alone (`--language`) is built at run time: bundling them too cost more to load than it saved.
 */
export const BUILTIN_MATCHER_SETS: readonly (readonly number[])[] = [[0, 1]];

let image: { bytes: Uint8Array; image: MatcherImage } | null = null;

/**
 * Has the matcher of all the built-in lexicons loaded from `bytes`, an image whose checksum the caller found to be the build's
 * (src/cli/matcherImageFile.ts). False, and nothing changed, when they hold no image.
 */
export function useBuiltinMatcherImage(bytes: Uint8Array): boolean {
  const decoded = decodeMatcherImage(bytes);
  if (decoded === null) return false;
  image = { bytes, image: decoded };
  return true;
}

/** The bytes of the image in use, for a CLI worker to load too; null when none is. */
export function builtinMatcherImageBytes(): Uint8Array | null {
  return image === null ? null : image.bytes;
}

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

/** What the matcher of `lexicons` loads: the image in use when they are all the built-in lexicons in order, else builtinMatcherTables. */
export function builtinMatcherSource(lexicons: readonly LexiconSource[]): MatcherTables | MatcherImage | null {
  if (image !== null && allBuiltin(lexicons)) return image.image;
  return builtinMatcherTables(lexicons);
}
