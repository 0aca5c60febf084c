// The short words (MAX_SUFFIX_DIFFERENCE letters or fewer) whose Porter stem is a lexicon word's stem. Such a word
// passes the prefix test of matcher.ts's mayBeInFamily whatever its letters, and most short words of a text reach no
// lexicon stem, so the matcher asks this set instead of stemming them. Porter changes a word this short only at its
// end, in the ways SHORT_ENDINGS lists (test/unit/shortWordStems.test.ts checks it on every such string), so the
// words that stem to a given stem are few and are found by putting the endings back.
import { porterStem } from './porterStemmer';
import { MAX_SUFFIX_DIFFERENCE } from './stem';

/** How Porter may end a short word's stem ("" or "i") and what the word then ended with. */
const SHORT_ENDINGS: ReadonlyArray<readonly [stemEnd: string, wordEnds: readonly string[]]> = [
  ['', ['', 's', 'e', 'ed', 'es', 'ing', 'eds']],
  ['i', ['y', 'ys', 'yed']],
];

export class ShortWordStems {
  private readonly words = new Set<string>();
  private readonly stems = new Set<string>();

  /** Records the short words whose stem is `wordStem`. */
  addStem(wordStem: string): void {
    if (wordStem.length > MAX_SUFFIX_DIFFERENCE || this.stems.has(wordStem)) return;
    this.stems.add(wordStem);
    for (const word of shortWordsStemmingTo(wordStem)) this.words.add(word);
  }

  /** The recorded stems and their short words, for a copy made without stemming (see of). */
  lists(): { stems: string[]; words: string[] } {
    return { stems: [...this.stems], words: [...this.words] };
  }

  /** The set that recording `lists.stems` makes, from its lists(). */
  static of(lists: { readonly stems: readonly string[]; readonly words: readonly string[] }): ShortWordStems {
    const set = new ShortWordStems();
    for (const stem of lists.stems) set.stems.add(stem);
    for (const word of lists.words) set.words.add(word);
    return set;
  }

  /** True when the lower-case `surface`, of MAX_SUFFIX_DIFFERENCE characters or fewer, stems to a recorded stem. */
  has(surface: string): boolean {
    return this.words.has(surface);
  }
}

/** Every word of MAX_SUFFIX_DIFFERENCE characters or fewer whose Porter stem is `wordStem`. */
export function shortWordsStemmingTo(wordStem: string): string[] {
  const words: string[] = [];
  for (const [stemEnd, wordEnds] of SHORT_ENDINGS) {
    if (!wordStem.endsWith(stemEnd)) continue;
    const base = wordStem.slice(0, wordStem.length - stemEnd.length);
    for (const end of wordEnds) {
      const word = base + end;
      if (word.length > 0 && word.length <= MAX_SUFFIX_DIFFERENCE && porterStem(word) === wordStem) words.push(word);
    }
  }
  return words;
}
