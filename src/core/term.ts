// The term an annotation is counted under in the tally: its text, lower-cased, with spacing normalised (a list item's
// inherited annotation: its lead-in's entry).
import { detached } from './detach';
import { Match } from './types';

/** Distinct surfaces remembered; past this the memo starts over (hostile text must not grow it without end). */
const MEMO_LIMIT = 50_000;
const memo = new Map<string, string>();

export function termOf(text: string): string {
  const lower = text.toLowerCase();
  return /\s/.test(lower) ? lower.replace(/\s+/g, ' ') : lower;
}

/**
 * The term a list item's inherited annotation is counted under: its lead-in's entry, marked as reaching an item. The
 * annotation sits on the item's number, which says nothing by itself ("一", "1").
 */
export function listItemTerm(entry: string): string {
  return `${termOf(entry)} (list item)`;
}

/** The term annotation `m` is counted under in the tally. */
export function matchTerm(m: Pick<Match, 'text' | 'rule' | 'entry'>): string {
  return m.rule === 'inherited' ? listItemTerm(m.entry) : termOf(m.text);
}

/** termOf through a memo: the same few hundred surfaces recur all through a document. */
function termOfSurface(surface: string): string {
  let term = memo.get(surface);
  if (term === undefined) {
    if (memo.size >= MEMO_LIMIT) memo.clear();
    term = detached(termOf(surface));
    memo.set(detached(surface), term);
  }
  return term;
}

/** Surfaces remembered per lexicon entry: an entry is mostly written in one or two ways all through a document. */
const SURFACES_PER_ENTRY = 4;

/**
 * The terms of annotations, by entry: a surface seen before for the same entry is recognised by comparing its
 * characters in place, with no slice of the document and no hashing of one. One per set of lexicons, shared by
 * the analyses that use them; its surfaces are copies, so it keeps no document alive.
 */
export class EntryTerms {
  private readonly surfaces: (string | undefined)[];
  private readonly terms: string[];
  private readonly next: Uint8Array;

  constructor(entries: number) {
    this.surfaces = new Array<string | undefined>(entries * SURFACES_PER_ENTRY).fill(undefined);
    this.terms = new Array<string>(entries * SURFACES_PER_ENTRY).fill('');
    this.next = new Uint8Array(entries);
  }

  /** The term of entry `entry`'s annotation `text[start, end)`. */
  termAt(entry: number, text: string, start: number, end: number): string {
    const first = entry * SURFACES_PER_ENTRY;
    for (let k = first; k < first + SURFACES_PER_ENTRY; k++) {
      const surface = this.surfaces[k];
      if (surface !== undefined && surface.length === end - start && sameAt(text, start, surface)) return this.terms[k];
    }
    const surface = detached(text.slice(start, end));
    const term = termOfSurface(surface);
    const k = first + this.next[entry];
    this.next[entry] = (this.next[entry] + 1) % SURFACES_PER_ENTRY;
    this.surfaces[k] = surface;
    this.terms[k] = term;
    return term;
  }
}

/** True when `text` holds `surface` at `start` (its length checked before): compared in a loop, since a surface is a few characters and startsWith's call costs more. */
function sameAt(text: string, start: number, surface: string): boolean {
  for (let i = 0; i < surface.length; i++) if (text.charCodeAt(start + i) !== surface.charCodeAt(i)) return false;
  return true;
}
