// The built-in lexicons, bundled into every build as data.
import en from './lexicons/en.json';
import zh from './lexicons/zh.json';
import { setBuiltinLexicons } from './builtinCompiled';
import { LexiconSource } from './types';

/** English and Simplified Chinese, with the same category ids. */
export function builtinLexicons(): LexiconSource[] {
  const lexicons = [en as LexiconSource, zh as LexiconSource];
  // So that an engine of exactly these objects is named by the hash computed at build time (builtinCompiled.ts).
  setBuiltinLexicons(lexicons);
  return lexicons;
}
