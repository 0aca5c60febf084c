// --lexicon files → the lexicon sources the engine is built from (added to the built-in ones, or replacing them).
import * as fs from 'node:fs';
import { LexiconError, builtinLexicons, parseLexicon } from '../core';
import type { LexiconSource } from '../core/types';
import type { LexiconMode } from './args';
import { FatalError } from './fatalError';
import { describeFsError } from './inputs';

export function loadLexicons(files: string[], mode: LexiconMode): LexiconSource[] {
  const lexicons = mode === 'add' ? builtinLexicons() : [];
  for (const file of files) {
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (err: unknown) {
      throw new FatalError(`${file}: cannot read lexicon: ${describeFsError(err)}`);
    }
    const knownCategories = lexicons.flatMap((l) => l.categories.map((c) => c.id));
    try {
      lexicons.push(parseLexicon(text, file, { knownCategories }));
    } catch (err: unknown) {
      if (err instanceof LexiconError) throw new FatalError(err.message);
      throw err;
    }
  }
  return lexicons;
}
