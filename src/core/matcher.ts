// Compiles lexicons into the structures the scanner needs: word slots, a trie of entries, a trie of cues,
// and a vocabulary cache from a token's hash to the slots it fills.
import { charClass, classAt, HAN, widthOf, WORD } from './chars';
import { sameWordFamily, stem } from './stem';
import { Vocabulary } from './vocabulary';
import { Category, CueEffect, CueSource, Language, LexiconSource, Polarity } from './types';

export interface CompiledEntry {
  readonly term: string;
  readonly category: string | null;
  readonly polarity: Polarity | null;
  /** Weight in thousandths, so sums stay exact however often they are updated. */
  readonly weightMilli: number;
  readonly tokens: number;
  readonly order: number;
}

export type CueKind = 'before' | 'after' | 'break';

export interface CompiledCue {
  readonly cue: string;
  readonly kind: CueKind;
  readonly effect: CueEffect | null;
  readonly window: number;
  readonly protectionCategory: string | null;
  readonly order: number;
}

export interface TrieNode<T> {
  next: Map<number, TrieNode<T>> | null;
  value: T | null;
}

interface WordSlot {
  word: string;
  wordStem: string;
  id: number;
}

/** Slots a token fills, or null for a token no entry or cue mentions. */
export type Slots = Int32Array | null;

export const ENTRY_START = 1;
export const CUE_START = 2;

const DEFAULT_WINDOW: Record<Language, number> = { en: 4, zh: 8 };
const VOCABULARY_LIMIT = 500_000;

export class Matcher {
  readonly entries = newNode<CompiledEntry>();
  readonly cues: Record<CueKind, TrieNode<CompiledCue>> = { before: newNode(), after: newNode(), break: newNode() };
  readonly categories = new Map<string, Category>();
  private readonly vocabulary = new Vocabulary(VOCABULARY_LIMIT);
  private readonly hanSlotIds = new Map<number, number>();
  private readonly hanSlotArrays = new Map<number, Int32Array>();
  private readonly wordSlotsByStem = new Map<string, WordSlot[]>();
  private readonly wordSlotsByKey = new Map<string, number>();
  private readonly prefixSlots: { prefix: string; id: number }[] = [];
  private slotCount = 0;
  private entryOrder = 0;
  private cueOrder = 0;
  readonly entryCount: number;
  /** Per slot, which tries have a path starting with it (bits: ENTRY_START, CUE_START). */
  startMask: Uint8Array = new Uint8Array(0);

  constructor(lexicons: readonly LexiconSource[]) {
    let count = 0;
    for (const lexicon of lexicons) {
      for (const category of lexicon.categories) {
        const existing = this.categories.get(category.id);
        if (!existing) this.categories.set(category.id, { ...category });
        else if (!existing.labelZh && category.labelZh) existing.labelZh = category.labelZh;
      }
    }
    for (const lexicon of lexicons) {
      const context = lexicon.context ?? {};
      const window = context.window ?? DEFAULT_WINDOW[lexicon.language];
      const protection = context.protectionCategory ?? null;
      for (const entry of lexicon.entries) {
        const category = entry.neutral ? null : (entry.category ?? null);
        const polarity = category === null ? null : this.categories.get(category)?.polarity;
        if (polarity === undefined) throw new Error(`lexicon ${lexicon.name}: entry "${entry.term}" names unknown category "${category}"`);
        const slots = this.slotsOfTerm(entry.term);
        const node = this.walk(this.entries, slots);
        if (node.value) continue;
        node.value = {
          term: entry.term,
          category,
          polarity,
          weightMilli: Math.round((entry.weight ?? 1) * 1000),
          tokens: slots.length,
          order: this.entryOrder++,
        };
        count++;
      }
      const cues: [CueKind, CueSource][] = [
        ...(context.before ?? []).map((c): [CueKind, CueSource] => ['before', c]),
        ...(context.after ?? []).map((c): [CueKind, CueSource] => ['after', c]),
      ];
      for (const [kind, source] of cues) {
        const node = this.walk(this.cues[kind], this.slotsOfTerm(source.cue));
        if (node.value) continue;
        node.value = { cue: source.cue, kind, effect: source.effect, window: source.window ?? window, protectionCategory: protection, order: this.cueOrder++ };
      }
      for (const cue of context.clauseBreaks ?? []) {
        const node = this.walk(this.cues.break, this.slotsOfTerm(cue));
        if (!node.value) node.value = { cue, kind: 'break', effect: null, window: 0, protectionCategory: null, order: this.cueOrder++ };
      }
    }
    this.entryCount = count;
    this.startMask = new Uint8Array(this.slotCount);
    for (const slot of this.entries.next?.keys() ?? []) this.startMask[slot] |= ENTRY_START;
    for (const trie of Object.values(this.cues)) for (const slot of trie.next?.keys() ?? []) this.startMask[slot] |= CUE_START;
  }

  /** Slots filled by the Latin word `text[start, end)`, whose lower-case form hashes to `hash` and `check`. */
  latinSlots(hash: number, check: number, text: string, start: number, end: number): Slots {
    const row = this.vocabulary.find(hash, check, end - start);
    if (row >= 0) return this.vocabulary.value(row);
    const slots = this.slotsOfSurface(text.slice(start, end).toLowerCase());
    this.vocabulary.add(hash, check, end - start, slots);
    return slots;
  }

  /** Slots of a Han character (one at most), or null. */
  hanSlots(codePoint: number): Slots {
    const id = this.hanSlotIds.get(codePoint);
    if (id === undefined) return null;
    let slots = this.hanSlotArrays.get(id);
    if (!slots) {
      slots = Int32Array.of(id);
      this.hanSlotArrays.set(id, slots);
    }
    return slots;
  }

  private slotsOfSurface(surface: string): Slots {
    const found: number[] = [];
    const surfaceStem = stem(surface);
    const candidates = this.wordSlotsByStem.get(surfaceStem);
    if (candidates) {
      for (const slot of candidates) if (sameWordFamily(slot.word, slot.wordStem, surface, surfaceStem)) found.push(slot.id);
    }
    for (const { prefix, id } of this.prefixSlots) if (surface.startsWith(prefix)) found.push(id);
    return found.length === 0 ? null : Int32Array.from(found);
  }

  private walk<T>(root: TrieNode<T>, slots: readonly number[]): TrieNode<T> {
    let node = root;
    for (const slot of slots) {
      if (!node.next) node.next = new Map();
      let child = node.next.get(slot);
      if (!child) {
        child = newNode<T>();
        node.next.set(slot, child);
      }
      node = child;
    }
    return node;
  }

  /** Splits a term the way the scanner splits text, and returns a slot per token. */
  private slotsOfTerm(term: string): number[] {
    const slots: number[] = [];
    let i = 0;
    while (i < term.length) {
      const c = term.charCodeAt(i);
      const cls = classAt(term, i, term.length, c);
      const width = widthOf(c, cls);
      if (cls === HAN) {
        const cp = term.codePointAt(i) ?? c;
        let id = this.hanSlotIds.get(cp);
        if (id === undefined) {
          id = this.slotCount++;
          this.hanSlotIds.set(cp, id);
        }
        slots.push(id);
        i += width;
        continue;
      }
      if (cls !== WORD) {
        i += width;
        continue;
      }
      let end = i;
      while (end < term.length && charClass(term.charCodeAt(end)) === WORD) end++;
      const word = term.slice(i, end).toLowerCase();
      const wildcard = term.charCodeAt(end) === 42;
      slots.push(wildcard ? this.prefixSlot(word) : this.wordSlot(word));
      i = wildcard ? end + 1 : end;
    }
    return slots;
  }

  private wordSlot(word: string): number {
    const key = `w:${word}`;
    const existing = this.wordSlotsByKey.get(key);
    if (existing !== undefined) return existing;
    const id = this.slotCount++;
    const wordStem = stem(word);
    const list = this.wordSlotsByStem.get(wordStem) ?? [];
    list.push({ word, wordStem, id });
    this.wordSlotsByStem.set(wordStem, list);
    this.wordSlotsByKey.set(key, id);
    return id;
  }

  private prefixSlot(prefix: string): number {
    const key = `p:${prefix}`;
    const existing = this.wordSlotsByKey.get(key);
    if (existing !== undefined) return existing;
    const id = this.slotCount++;
    this.prefixSlots.push({ prefix, id });
    this.wordSlotsByKey.set(key, id);
    return id;
  }
}

function newNode<T>(): TrieNode<T> {
  return { next: null, value: null };
}
