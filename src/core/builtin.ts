// The built-in lexicons, bundled into every build as data.
import en from './lexicons/en.json';
import zh from './lexicons/zh.json';
import { LexiconSource } from './types';

/** English and Simplified Chinese, with the same category ids. */
export function builtinLexicons(): LexiconSource[] {
  return [en as LexiconSource, zh as LexiconSource];
}
