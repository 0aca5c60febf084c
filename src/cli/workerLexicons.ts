// The lexicons a CLI worker is started with: a built-in lexicon crosses as its index, so that the worker's engine is of
// the built-in objects themselves and loads their matcher's bundled tables instead of building it (builtinMatcherTables),
// and the main thread does not copy them over; any other lexicon crosses as itself.
import { builtinLexicons } from '../core';
import { builtinIndex } from '../core/builtinCompiled';
import type { LexiconSource } from '../core/types';

export type WorkerLexicons = Array<LexiconSource | number>;

/** In the main thread: the lexicons as a worker is sent them. */
export function lexiconsForWorker(lexicons: readonly LexiconSource[]): WorkerLexicons {
  return lexicons.map((l) => {
    const i = builtinIndex(l);
    return i >= 0 ? i : l;
  });
}

/** In a worker: the lexicons it was sent, a built-in one as the object itself. */
export function lexiconsFromMain(given: WorkerLexicons): LexiconSource[] {
  const builtin = given.some((l) => typeof l === 'number') ? builtinLexicons() : [];
  return given.map((l) => (typeof l === 'number' ? builtin[l] : l));
}
