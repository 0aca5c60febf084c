// The term an annotation is counted under in the tally: its text, lower-cased, with spacing normalised.
import { detached } from './detach';

/** Distinct surfaces remembered; past this the memo starts over (hostile text must not grow it without end). */
const MEMO_LIMIT = 50_000;
const memo = new Map<string, string>();

export function termOf(text: string): string {
  const lower = text.toLowerCase();
  return /\s/.test(lower) ? lower.replace(/\s+/g, ' ') : lower;
}

/** termOf through a memo: the same few hundred surfaces recur all through a document. */
export function termOfSurface(surface: string): string {
  let term = memo.get(surface);
  if (term === undefined) {
    if (memo.size >= MEMO_LIMIT) memo.clear();
    term = detached(termOf(surface));
    memo.set(detached(surface), term);
  }
  return term;
}
