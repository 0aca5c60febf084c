// Shared by the tests of ban lists' lead-ins: an engine whose Chinese ban list has only the parties under test, and
// which item lines hold a counted control match.
import { builtinLexicons, Engine, LexiconSource } from '../../../src/core/index';

/** The built-in engine with the Chinese ban list reduced to 不得/禁止, plus the given `shields` or `officials`. */
export function withBanParties(parties: { shields?: string[]; officials?: string[] }): Engine {
  return new Engine(
    builtinLexicons().map((l): LexiconSource => {
      if (l.language !== 'zh') return l;
      return { ...l, context: { ...l.context, lists: { refer: ['下列'], ban: { words: ['不得', '禁止'], entry: '禁止', ...parties } } } };
    }),
  );
}

/** Per item line (1-based), whether it holds a counted control match. */
export function controlByLine(engine: Engine, text: string): boolean[] {
  const lines = text.split('\n');
  const starts = lines.map((_, i) => lines.slice(0, i).reduce((n, l) => n + l.length + 1, 0));
  const counted = engine.analyze(text).matches().filter((m) => m.polarity === 'control' && !m.negated);
  return lines.map((line, i) => counted.some((m) => m.start >= starts[i] && m.start < starts[i] + line.length));
}
