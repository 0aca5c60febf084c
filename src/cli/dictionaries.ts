// Foreign dictionaries (src/core/dictionary), loaded when a run first reads or writes one: they bring the `yaml`
// parser, whose set-up every start of the command paid, though only .dic/.yml lexicons and `lexicon export` use it.
import type * as Dictionary from '../core/dictionary';

let loaded: typeof Dictionary | null = null;

export function dictionaries(): typeof Dictionary {
  loaded ??= require('../core/dictionary') as typeof Dictionary;
  return loaded;
}
