// Word counts for runs of Han characters. Intl.Segmenter's dictionary gives sensible counts (lexicon
// matching never depends on it); where it is missing, an average word length of 1.7 characters stands in.
const segmenter: Intl.Segmenter | null = typeof Intl.Segmenter === 'function' ? new Intl.Segmenter('zh', { granularity: 'word' }) : null;
const AVERAGE_WORD_LENGTH = 1.7;

/** Number of words in a run of Han characters. */
export function countHanWords(run: string, hanChars: number): number {
  if (hanChars <= 1) return hanChars;
  if (segmenter === null) return Math.max(1, Math.round(hanChars / AVERAGE_WORD_LENGTH));
  let words = 0;
  for (const segment of segmenter.segment(run)) if (segment.isWordLike) words++;
  return words;
}

export const hasSegmenter = segmenter !== null;
