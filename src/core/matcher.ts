// Compiles lexicons into the structures the scanner needs: word slots, one trie of entries and cues, the
// automaton that walks it, and a vocabulary cache from a token's hash to its symbol. A token fills the slots of
// every lexicon word of its family and every wildcard prefix it starts with; its symbol names that set of slots,
// a single slot by its own number.
import { classAt, HAN, widthOf, WORD } from './chars';
import { PathAutomaton } from './pathAutomaton';
import { cueFacts, entryFacts } from './ruleFacts';
import { FrozenTrie, SlotTrie, TrieLists } from './slotTrie';
import { PrefixHashes } from './prefixHashes';
import { ShortWordStems } from './shortWordStems';
import { lexiconWordStem, MAX_SUFFIX_DIFFERENCE, sameWordFamily, stem } from './stem';
import { Vocabulary } from './vocabulary';
import type { ScanKernel } from './scan';
import { Category, CueEffect, CueSource, Language, LexiconEntrySource, LexiconSource, Polarity } from './types';

export interface CompiledEntry {
  readonly term: string;
  readonly category: string | null;
  readonly polarity: Polarity | null;
  /** Weight in thousandths, so sums stay exact however often they are updated. */
  readonly weightMilli: number;
  readonly tokens: number;
  readonly order: number;
  /** A topic noun: counted only with an act cue near it (see LexiconEntrySource.topic). */
  readonly topic: boolean;
  /** Conduct of the governed that a rule forbids: a ban on it stays control (see LexiconEntrySource.conduct). */
  readonly conduct: boolean;
  /** A command in a plain verb: counted only as an authority's act (see LexiconEntrySource.command). */
  readonly command: boolean;
}

export type CueKind = 'before' | 'after' | 'break' | 'predicate';

export interface CompiledCue {
  readonly cue: string;
  readonly kind: CueKind;
  readonly effect: CueEffect | null;
  readonly window: number;
  readonly protectionCategory: string | null;
  /** The polarity of protectionCategory: which way a target cue moves a match. */
  readonly polarity: Polarity | null;
  /** For a target cue, the categories of the matches it moves; null for all. */
  readonly moves: ReadonlySet<string> | null;
  /** Stops at a predicate word (CueSource.scope `phrase`). */
  readonly phrase: boolean;
  /** Also governs the act right after the clause's first predicate word after it (CueSource.scope `subject`). */
  readonly subject: boolean;
  /** Counts only inside the object of an object marker (CueSource.scope `object`). */
  readonly object: boolean;
  /** A before-cue that reaches every match after it in its clause, whatever its window (CueSource.scope `sentence`). */
  readonly sentence: boolean;
  /** For a target cue, what it aims a match at, for the explanation (CueSource.note); null for the default. */
  readonly note: string | null;
  /** For an organise cue, the head nouns one of which must follow the match (CueSource.heads); null for none. */
  readonly heads: readonly string[] | null;
  readonly order: number;
}

interface WordSlot {
  word: string;
  wordStem: string;
  id: number;
}

type CueRule = Pick<CompiledCue, 'effect' | 'window' | 'protectionCategory' | 'polarity' | 'moves' | 'phrase' | 'subject' | 'object' | 'sentence' | 'note' | 'heads'>;
const NO_RULE: CueRule = { effect: null, window: 0, protectionCategory: null, polarity: null, moves: null, phrase: false, subject: false, object: false, sentence: false, note: null, heads: null };

const DEFAULT_WINDOW: Record<Language, number> = { en: 4, zh: 8 };
const VOCABULARY_LIMIT = 500_000;
const MAX_RULE_INDEX = (1 << 21) - 1;
/**
 * The trie value at the end of a lexicon's exemption-sentence words (ListRules.exemption's `sentences`), which no entry
 * has (entries stay below MAX_RULE_INDEX): the scanner notes a block that holds them, and only such a block is read
 * for them again (exemptionSentences.ts).
 */
export const EXEMPTION_WORDS = MAX_RULE_INDEX;

/** Ban words of a lexicon as one pattern (Latin words whole, case ignored), and the entry a ban list's items count as. */
export interface ListBan {
  readonly pattern: RegExp;
  readonly entry: number;
  /** A party the ban shields, named other than as the ban's own subject (not right before a ban word), or null. */
  readonly shields: RegExp | null;
  /** Officials a ban may bind (D15): a ban whose subject names one lists acts by their direction, or null. */
  readonly officials?: RegExp | null;
  /** The entry the items of a ban that binds officials count as (`officialsEntry`, D15a), or −1: they only name what the ban covers. */
  readonly officialsEntry?: number;
}

/** What the lexicons say of lists (listContext.ts): null when none turns lists on. */
export interface ListRules {
  /** Words by which a lead-in names its items, as one pattern, or null. */
  readonly refer: RegExp | null;
  readonly bans: readonly ListBan[];
  /** Lead-ins whose last words leave a governed person as the subject of the items' verbs (`lists.obliged`): the pattern holds at the lead-in's end. */
  readonly obliged: readonly ListBan[];
  /** Lead-ins that list the means of supervising authorities (`lists.oversight`): the pattern holds a supervision word, then a word of means. */
  readonly oversight: readonly ListBan[];
  /** Lead-ins that list the grounds of a right, a remedy or a protection (`lists.grounds`), or null. */
  readonly grounds: GroundsLeadIns | null;
  /** When a lead-in may end on a word (see LexiconSource's `lists.unpunctuated`), or null. */
  readonly unpunctuated: UnpunctuatedLeadIns | null;
  /** When a lead-in is an exemption (see LexiconSource's `lists.exemption`), or null. */
  readonly exemption: ExemptionLeadIns | null;
  /** When a lead-in's protective ban reaches its items (see LexiconSource's `lists.protective`), or null: `except` holds the words after which its items are the ban's exceptions. */
  readonly protective?: { readonly except: RegExp | null } | null;
}

/**
 * Exemption lead-ins: their words as one pattern, and the categories whose matches their items show as topics, by
 * index in `Matcher.categories` (as MatchReader.categoryIndex gives a match's).
 */
export interface ExemptionLeadIns {
  readonly pattern: RegExp;
  readonly categories: ReadonlySet<number>;
  /**
   * The words that make a sentence an exemption of its own (`sentences`), as one pattern, or null. Their paths are in the
   * matcher's trie too (EXEMPTION_WORDS), so that only a block the scanner found them in is tested against it.
   */
  readonly sentences: RegExp | null;
}

/**
 * Lead-ins that list the grounds on which a person obtains a right, a remedy or a protection: the words that name the
 * grounds as one pattern, the categories (by index, as MatchReader.categoryIndex gives a match's) of the lead-in's last
 * counted match that make it such a grant, and the entry its items are counted as.
 */
export interface GroundsLeadIns {
  readonly pattern: RegExp;
  readonly categories: ReadonlySet<number>;
  readonly entry: number;
}

/** Lead-ins without a colon or dash: the categories that make one (by index, as above), and its excepted last words as one pattern. */
export interface UnpunctuatedLeadIns {
  readonly categories: ReadonlySet<number>;
  readonly except: RegExp | null;
  /** Words anywhere in the sentence that keep it from being a lead-in, as one pattern, or null. */
  readonly exceptWith: RegExp | null;
}

/** A document subject as compiled: its title words, and where the matches it moves go. */
export interface CompiledSubject {
  readonly title: readonly string[];
  readonly category: string;
  readonly polarity: 'control' | 'engagement';
  readonly moves: ReadonlySet<string>;
  readonly note: string;
}

function compileSubjects(lexicons: readonly LexiconSource[], categories: ReadonlyMap<string, { polarity: 'control' | 'engagement' }>): CompiledSubject[] {
  return lexicons.flatMap((l) =>
    (l.context?.subjects ?? []).map((s) => ({ title: s.title, category: s.category, polarity: categories.get(s.category)?.polarity ?? 'control', moves: new Set(s.moves), note: s.note })),
  );
}

function compileListRules(lexicons: readonly LexiconSource[], entries: readonly CompiledEntry[], categories: ReadonlyMap<string, Category>): ListRules | null {
  const on = lexicons.filter((l) => l.context?.lists !== undefined);
  if (on.length === 0) return null;
  const refer = on.flatMap((l) => l.context?.lists?.refer ?? []);
  const bans: ListBan[] = [];
  const obliged: ListBan[] = [];
  const oversight: ListBan[] = [];
  for (const lexicon of on) {
    const ban = lexicon.context?.lists?.ban;
    if (ban !== undefined) bans.push({ pattern: wordsPattern(ban.words), entry: listEntry(lexicon, entries, 'ban', ban.entry), shields: shieldsPattern(ban.shields, ban.words), officials: ban.officials === undefined || ban.officials.length === 0 ? null : wordsPattern(ban.officials), officialsEntry: ban.officialsEntry === undefined ? -1 : listEntry(lexicon, entries, 'ban', ban.officialsEntry) });
    const oblige = lexicon.context?.lists?.obliged;
    if (oblige !== undefined) obliged.push({ pattern: new RegExp(`(?:${wordsPattern(oblige.words).source})[\\s:\u2014\u2013-]*$`, 'i'), entry: listEntry(lexicon, entries, 'obliged', oblige.entry), shields: null });
    const watch = lexicon.context?.lists?.oversight;
    if (watch !== undefined) oversight.push({ pattern: new RegExp(`(?:${wordsPattern(watch.words).source})[^]*?(?:${wordsPattern(watch.means).source})`, 'i'), entry: listEntry(lexicon, entries, 'oversight', watch.entry), shields: null });
  }
  const granting = on.flatMap((l) => (l.context?.lists?.grounds === undefined ? [] : [{ lexicon: l, grounds: l.context.lists.grounds }]));
  const grounds =
    granting.length === 0
      ? null
      : {
          pattern: wordsPattern(granting.flatMap((g) => g.grounds.words)),
          categories: categoryIndices(categories, granting.flatMap((g) => g.grounds.categories)),
          entry: listEntry(granting[0].lexicon, entries, 'grounds', granting[0].grounds.entry),
        };
  const open = on.flatMap((l) => (l.context?.lists?.unpunctuated === undefined ? [] : [l.context.lists.unpunctuated]));
  const except = open.flatMap((u) => u.except);
  const exceptWith = open.flatMap((u) => u.exceptWith ?? []);
  const unpunctuated =
    open.length === 0
      ? null
      : { categories: categoryIndices(categories, open.flatMap((u) => u.categories)), except: except.length === 0 ? null : new RegExp(`(?:${wordsPattern(except).source})$`, 'i'), exceptWith: exceptWith.length === 0 ? null : wordsPattern(exceptWith) };
  const exempting = on.flatMap((l) => (l.context?.lists?.exemption === undefined ? [] : [l.context.lists.exemption]));
  const sentenceWords = exemptionSentenceWords(on);
  const exemption =
    exempting.length === 0
      ? null
      : {
          pattern: wordsPattern(exempting.flatMap((e) => e.words)),
          categories: categoryIndices(categories, exempting.flatMap((e) => e.categories)),
          sentences: sentenceWords.length === 0 ? null : wordsPattern(sentenceWords),
        };
  const shielding = on.flatMap((l) => (l.context?.lists?.protective === undefined ? [] : [l.context.lists.protective]));
  const shieldExcept = shielding.flatMap((p) => p.except);
  const protective = shielding.length === 0 ? null : { except: shieldExcept.length === 0 ? null : wordsPattern(shieldExcept) };
  return { refer: refer.length === 0 ? null : wordsPattern(refer), bans, obliged, oversight, grounds, unpunctuated, exemption, protective };
}

/** The index of the entry a list rule (`lists.<rule>`) names for its items, which must have a category. */
function listEntry(lexicon: LexiconSource, entries: readonly CompiledEntry[], rule: string, term: string): number {
  const key = term.toLowerCase();
  const entry = entries.findIndex((e) => e.term.toLowerCase() === key);
  if (entry < 0 || entries[entry].polarity === null) throw new Error(`lexicon ${lexicon.name}: lists.${rule} names "${term}", which is no entry with a category`);
  return entry;
}

/** The exemption-sentence words of the lexicons that turn lists on (see compileListRules). */
function exemptionSentenceWords(lexicons: readonly LexiconSource[]): string[] {
  return lexicons.flatMap((l) => l.context?.lists?.exemption?.sentences ?? []);
}

/** The indices in `categories` (in its order) of the given ids. */
function categoryIndices(categories: ReadonlyMap<string, Category>, ids: readonly string[]): ReadonlySet<number> {
  const order = [...categories.keys()];
  return new Set(ids.map((id) => order.indexOf(id)).filter((i) => i >= 0));
}

/** Words as one pattern: Latin words whole, case ignored, any run of spaces between them. */
/** A shielded party's word not followed by a ban word (上网消费者不得… binds the party itself), or null for none. */
function shieldsPattern(shields: readonly string[] | undefined, banWords: readonly string[]): RegExp | null {
  if (shields === undefined || shields.length === 0) return null;
  return new RegExp(`(?:${wordsPattern(shields).source})(?!\\s*(?:${wordsPattern(banWords).source}))`, 'i');
}

function wordsPattern(words: readonly string[]): RegExp {
  const parts = words.map((w) => {
    const escaped = w.trim().replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
    return /^[A-Za-z]/.test(w.trim()) ? `\\b${escaped}\\b` : escaped;
  });
  return new RegExp(parts.join('|'), 'i');
}

/** The slots, entries and cues a matcher computes from its lexicons, as MatcherTables and MatcherImage both hold them. */
export interface MatcherSlots {
  slotCount: number;
  /** Han slots: code point, slot, code point, slot, … */
  han: ArrayLike<number>;
  /** Word slots in slot order, with their stems and slots. */
  words: string[];
  wordStems: string[];
  wordSlots: ArrayLike<number>;
  /** Wildcard prefixes in slot order, with their slots. */
  prefixes: string[];
  prefixSlots: ArrayLike<number>;
  /** Per compiled entry: the index of its lexicon, its index in the lexicon's entries, its tokens. */
  entries: ArrayLike<number>;
  /** Per compiled cue: the index of its lexicon, its kind (CUE_KINDS), its index in that kind's list. */
  cues: ArrayLike<number>;
}

/**
 * What building a matcher computes from its lexicons, as numbers and words: a matcher loaded from them (esbuild.js
 * bundles the built-in lexicons', see builtinCompiled.ts) matches exactly as one built from the lexicons.
 */
export interface MatcherTables extends MatcherSlots {
  han: number[];
  wordSlots: number[];
  prefixSlots: number[];
  trie: TrieLists;
  entries: number[];
  cues: number[];
}

/**
 * The same with the structures that loading lists still builds (the trie's hash table, the word prefixes' hashes, the
 * short words) as they stand built, so that loading them only wraps them (matcherImage.ts keeps it as one buffer).
 */
export interface MatcherImage extends MatcherSlots {
  built: {
    trie: FrozenTrie;
    prefixTable: Int32Array;
    prefixCount: number;
    shortStems: string[];
    shortWords: string[];
  };
}

const CUE_KINDS: readonly CueKind[] = ['before', 'after', 'break', 'predicate'];

export class Matcher {
  /** Paths of entry and cue slots; a value v ≥ 0 is `entryList[v]`, v < 0 is `cueList[~v]`. */
  readonly paths: SlotTrie;
  readonly automaton: PathAutomaton;
  readonly entryList: CompiledEntry[] = [];
  readonly cueList: CompiledCue[] = [];
  readonly categories = new Map<string, Category>();
  /** Symbol (slot) of each Han character of the Basic Multilingual Plane, −1 for none; the scanner reads it directly. */
  readonly hanSlotTable = new Int32Array(65536).fill(-1);
  private readonly astralHanSlots = new Map<number, number>();
  /** The scanner's loop for this matcher, made at its first block (scan.ts). */
  scanKernel: ScanKernel | null = null;
  /** Each word met, by its hashes, and its symbol: the scanner's kernel probes its fixed table itself (scan.ts). */
  readonly vocabulary = new Vocabulary(VOCABULARY_LIMIT);
  private readonly wordSlotsByStem = new Map<string, WordSlot[]>();
  /** Every prefix of every lexicon word (see mayBeInFamily). */
  private wordPrefixes = new PrefixHashes();
  /** The short words that stem to a lexicon word's stem (see mayBeInFamily). */
  private shortWords = new ShortWordStems();
  /** The slot of each lexicon word, by its text. */
  private readonly wordSlotIds = new Map<string, number>();
  /** The slots of words that a one-word neutral entry holds: each claims the forms closest to it in its family (see claimed). */
  private claims: ReadonlySet<number> = new Set();
  /** Wildcard prefixes by their text, and the lengths they come in: a new word looks up one prefix per length, not every prefix. */
  private readonly prefixSlots = new Map<string, number>();
  private prefixLengths: number[] = [];
  private slotCount = 0;
  /** Slot sets of more than one slot, as symbols slotCount + k, and their keys. */
  private readonly slotSets: Int32Array[] = [];
  private readonly slotSetIds = new Map<string, number>();
  readonly entryCount: number;
  /** The most tokens of any entry's path, and the widest cue window: how far apart two tokens that interact can be. */
  readonly longestPath: number;
  readonly widestCueWindow: number;
  /** Per entry and per cue, what resolving a sentence reads of it (see ruleFacts.ts), and each cue's window. */
  readonly entryFacts: Uint8Array;
  readonly cueFacts: Uint16Array;
  readonly cueWindows: Int32Array;
  /** What the lexicons say of lists and their lead-ins; null when lists are off. */
  readonly lists: ListRules | null;
  /** Document subjects of the lexicons, in order: the first whose title words a title holds applies. */
  readonly subjects: readonly CompiledSubject[];
  /** The lexicons' object markers (LexiconSource's `context.objectMarkers`): where a cue of scope `object` may stand. */
  readonly objectMarkers: readonly string[];
  /** Where each compiled entry and cue came from (see MatcherTables). */
  private readonly entrySources: number[] = [];
  private readonly cueSources: number[] = [];

  /** `tables`: what building these lexicons computed (see MatcherTables, MatcherImage), loaded instead of building; null builds. */
  constructor(lexicons: readonly LexiconSource[], tables: MatcherTables | MatcherImage | null = null) {
    for (const lexicon of lexicons) {
      for (const category of lexicon.categories) {
        const existing = this.categories.get(category.id);
        if (!existing) this.categories.set(category.id, { ...category });
        else if (!existing.labelZh && category.labelZh) existing.labelZh = category.labelZh;
      }
    }
    this.paths = tables === null ? this.build(lexicons) : this.load(lexicons, tables);
    this.entryCount = this.entryList.length;
    this.claims = this.claimingSlots();
    this.lists = compileListRules(lexicons, this.entryList, this.categories);
    this.subjects = compileSubjects(lexicons, this.categories);
    this.objectMarkers = lexicons.flatMap((l) => l.context?.objectMarkers ?? []);
    this.longestPath = this.entryList.reduce((most, e) => Math.max(most, e.tokens), 0);
    this.widestCueWindow = this.cueList.reduce((most, c) => Math.max(most, c.window), 0);
    this.entryFacts = entryFacts(this.entryList);
    this.cueFacts = cueFacts(this.cueList);
    this.cueWindows = Int32Array.from(this.cueList, (c) => c.window);
    // An annotation packs the index of its cue or overridden entry into 21 bits (see matchList.ts).
    if (Math.max(this.entryCount, this.cueList.length) >= MAX_RULE_INDEX) throw new Error(`the lexicons hold more than ${MAX_RULE_INDEX - 1} entries or cues`);
    this.automaton = new PathAutomaton(this.paths, (symbol) => this.slotsOf(symbol));
  }

  /** Compiles the lexicons' entries and cues into slots and one trie of their paths. */
  private build(lexicons: readonly LexiconSource[]): SlotTrie {
    const paths = new SlotTrie();
    lexicons.forEach((lexicon, l) => {
      const context = lexicon.context ?? {};
      lexicon.entries.forEach((entry, e) => {
        const slots = this.slotsOfTerm(entry.term);
        const compiled = this.entryOf(lexicon, entry, slots.length, this.entryList.length);
        const node = paths.add(slots);
        if (paths.valuesAt(node).some((v) => v >= 0)) return;
        this.entryList.push(compiled);
        this.entrySources.push(l, e, slots.length);
        paths.addValue(node, compiled.order);
      });
      const counts = [context.before?.length ?? 0, context.after?.length ?? 0, context.clauseBreaks?.length ?? 0, context.predicates?.length ?? 0];
      counts.forEach((count, k) => {
        for (let c = 0; c < count; c++) {
          const cue = this.cueOf(lexicon, k, c, this.cueList.length);
          const node = paths.add(this.slotsOfTerm(cue.cue));
          if (paths.valuesAt(node).some((v) => v < 0 && this.cueList[~v].kind === cue.kind)) continue;
          this.cueList.push(cue);
          this.cueSources.push(l, k, c);
          paths.addValue(node, ~cue.order);
        }
      });
    });
    for (const words of exemptionSentenceWords(lexicons)) {
      const node = paths.add(this.slotsOfTerm(words));
      if (!paths.valuesAt(node).includes(EXEMPTION_WORDS)) paths.addValue(node, EXEMPTION_WORDS);
    }
    paths.freeze(this.slotCount);
    return paths;
  }

  /** Loads what build() computed for the same lexicons (see tables() and image()). */
  private load(lexicons: readonly LexiconSource[], tables: MatcherTables | MatcherImage): SlotTrie {
    this.slotCount = tables.slotCount;
    for (let i = 0; i + 1 < tables.han.length; i += 2) {
      const cp = tables.han[i];
      if (cp < 65536) this.hanSlotTable[cp] = tables.han[i + 1];
      else this.astralHanSlots.set(cp, tables.han[i + 1]);
    }
    const built = 'built' in tables ? tables.built : null;
    if (built !== null) {
      this.wordPrefixes = PrefixHashes.fromTable(built.prefixTable, built.prefixCount);
      this.shortWords = ShortWordStems.of({ stems: built.shortStems, words: built.shortWords });
    }
    for (let i = 0; i < tables.words.length; i++) {
      if (built === null) this.addWordSlot(tables.words[i], tables.wordStems[i], tables.wordSlots[i]);
      else this.addWordFamily(tables.words[i], tables.wordStems[i], tables.wordSlots[i]);
    }
    tables.prefixes.forEach((prefix, i) => this.addPrefixSlot(prefix, tables.prefixSlots[i]));
    for (let i = 0; i + 2 < tables.entries.length; i += 3) {
      const lexicon = lexicons[tables.entries[i]];
      this.entryList.push(this.entryOf(lexicon, lexicon.entries[tables.entries[i + 1]], tables.entries[i + 2], this.entryList.length));
    }
    for (let i = 0; i + 2 < tables.cues.length; i += 3) this.cueList.push(this.cueOf(lexicons[tables.cues[i]], tables.cues[i + 1], tables.cues[i + 2], this.cueList.length));
    this.entrySources.push(...Array.from(tables.entries));
    this.cueSources.push(...Array.from(tables.cues));
    return built !== null ? SlotTrie.fromFrozen(built.trie) : SlotTrie.fromLists((tables as MatcherTables).trie, this.slotCount);
  }

  /** What build() computed, for load() (esbuild.js bundles the built-in lexicons', see builtinCompiled.ts). */
  tables(): MatcherTables {
    const han: number[] = [];
    this.hanSlotTable.forEach((slot, cp) => {
      if (slot >= 0) han.push(cp, slot);
    });
    for (const [cp, slot] of this.astralHanSlots) han.push(cp, slot);
    const words = [...this.wordSlotsByStem.values()].flat().sort((a, b) => a.id - b.id);
    const prefixes = [...this.prefixSlots].sort((a, b) => a[1] - b[1]);
    return {
      slotCount: this.slotCount,
      han,
      words: words.map((w) => w.word),
      wordStems: words.map((w) => w.wordStem),
      wordSlots: words.map((w) => w.id),
      prefixes: prefixes.map(([prefix]) => prefix),
      prefixSlots: prefixes.map(([, slot]) => slot),
      trie: this.paths.lists(),
      entries: [...this.entrySources],
      cues: [...this.cueSources],
    };
  }

  /** What build() computed with the structures loading lists would build again, as they stand (see MatcherImage). */
  image(): MatcherImage {
    const { slotCount, han, words, wordStems, wordSlots, prefixes, prefixSlots, entries, cues } = this.tables();
    const prefixHashes = this.wordPrefixes.frozen();
    const short = this.shortWords.lists();
    return {
      slotCount,
      han,
      words,
      wordStems,
      wordSlots,
      prefixes,
      prefixSlots,
      entries,
      cues,
      built: { trie: this.paths.frozen(), prefixTable: prefixHashes.table, prefixCount: prefixHashes.size, shortStems: short.stems, shortWords: short.words },
    };
  }

  private entryOf(lexicon: LexiconSource, entry: LexiconEntrySource, tokens: number, order: number): CompiledEntry {
    const category = entry.neutral ? null : (entry.category ?? null);
    const polarity = category === null ? null : this.categories.get(category)?.polarity;
    if (polarity === undefined) throw new Error(`lexicon ${lexicon.name}: entry "${entry.term}" names unknown category "${category}"`);
    return { term: entry.term, category, polarity, weightMilli: Math.round((entry.weight ?? 1) * 1000), tokens, order, topic: entry.topic === true, conduct: entry.conduct === true, command: entry.command === true };
  }

  /** The cue at `index` of the lexicon's list of kind `CUE_KINDS[kind]`, compiled. */
  private cueOf(lexicon: LexiconSource, kind: number, index: number, order: number): CompiledCue {
    const context = lexicon.context ?? {};
    if (kind === 2) return { cue: (context.clauseBreaks ?? [])[index], kind: 'break', ...NO_RULE, order };
    if (kind === 3) return { cue: (context.predicates ?? [])[index], kind: 'predicate', ...NO_RULE, order };
    const source = (kind === 0 ? context.before : context.after)?.[index];
    if (source === undefined) throw new Error(`lexicon ${lexicon.name}: no cue ${index} of kind ${CUE_KINDS[kind]}`);
    const moved = cueCategory(source, context.protectionCategory ?? null);
    const polarity = moved === null ? null : (this.categories.get(moved)?.polarity ?? null);
    const window = source.window ?? context.window ?? DEFAULT_WINDOW[lexicon.language];
    return { cue: source.cue, kind: CUE_KINDS[kind], effect: source.effect, window, protectionCategory: polarity === null ? null : moved, polarity, moves: source.categories ? new Set(source.categories) : null, phrase: source.scope === 'phrase', subject: source.scope === 'subject', object: source.scope === 'object', sentence: source.scope === 'sentence', note: source.note ?? null, heads: source.heads ?? null, order };
  }

  /** Each lexicon word with its stem, as compiled: esbuild.js bundles the built-in lexicons' (see builtinWordStems). */
  wordStems(): Array<[string, string]> {
    return [...this.wordSlotsByStem.values()].flatMap((slots) => slots.map((s): [string, string] => [s.word, s.wordStem]));
  }

  /** The symbol of the Latin word `text[start, end)`, whose lower-case form hashes to `hash` and `check`; −1 when no entry or cue mentions it. */
  latinSymbol(hash: number, check: number, text: string, start: number, end: number): number {
    const known = this.vocabulary.find(hash, check, end - start);
    return known !== -2 ? known : this.learnSymbol(hash, check, text, start, end);
  }

  /** latinSymbol() for a word the vocabulary's fixed table does not hold, which the scanner's kernel probed (`mixed`: see mixLength). */
  latinSymbolBeyond(hash: number, check: number, mixed: number, text: string, start: number, end: number): number {
    const known = this.vocabulary.findMore(hash, mixed);
    return known !== -2 ? known : this.learnSymbol(hash, check, text, start, end);
  }

  /** The symbol of a word not seen before, remembered in the vocabulary. */
  private learnSymbol(hash: number, check: number, text: string, start: number, end: number): number {
    const symbol = this.symbolOf(this.slotsOfSurface(text.slice(start, end).toLowerCase()));
    this.vocabulary.add(hash, check, end - start, symbol);
    return symbol;
  }

  /** The symbol of a Han character (its slot), −1 when no entry or cue mentions it. */
  hanSymbol(codePoint: number): number {
    return codePoint < 65536 ? this.hanSlotTable[codePoint] : (this.astralHanSlots.get(codePoint) ?? -1);
  }

  /** The symbol for a set of slots: the slot itself when there is one, −1 for none. */
  private symbolOf(slots: readonly number[]): number {
    if (slots.length === 0) return -1;
    if (slots.length === 1) return slots[0];
    const key = slots.join(',');
    let id = this.slotSetIds.get(key);
    if (id === undefined) {
      id = this.slotCount + this.slotSets.length;
      this.slotSets.push(Int32Array.from(slots));
      this.slotSetIds.set(key, id);
    }
    return id;
  }

  private slotsOf(symbol: number): Int32Array {
    return symbol < this.slotCount ? Int32Array.of(symbol) : this.slotSets[symbol - this.slotCount];
  }

  private slotsOfSurface(surface: string): number[] {
    const found: number[] = [];
    if (this.mayBeInFamily(surface)) {
      const surfaceStem = stem(surface);
      const candidates = this.wordSlotsByStem.get(surfaceStem) ?? [];
      for (const slot of candidates) if (sameWordFamily(slot.word, slot.wordStem, surface, surfaceStem)) found.push(slot.id);
      if (found.length > 1 && this.claims.size > 0) this.claimed(surface, candidates, found);
    }
    for (const length of this.prefixLengths) {
      if (length > surface.length) break;
      const id = this.prefixSlots.get(surface.slice(0, length));
      if (id !== undefined) found.push(id);
    }
    return found;
  }

  /**
   * The slots of the words one-word neutral entries hold ("prisoner"): such a word claims the surfaces that begin with
   * it from the shorter or sibling words of its stem ("prison"), so that a person noun is not read as the measure its stem
   * names.
   */
  private claimingSlots(): ReadonlySet<number> {
    const claims = new Set<number>();
    for (const entry of this.entryList) {
      if (entry.category !== null || entry.tokens !== 1 || !/^[a-z]+$/i.test(entry.term)) continue;
      const slot = this.wordSlotIds.get(entry.term.toLowerCase());
      if (slot !== undefined) claims.add(slot);
    }
    return claims;
  }

  /**
   * Narrows `found`, the family slots of `surface` (its stem's words `candidates`), when a claiming word is among them. A
   * claiming word holds only the forms that begin with it ("prisoner" is no form of "prisoner"'s when it reads "prison").
   * Of those, when no other word of the family shares a longer prefix with the surface, it holds them alone ("prisoners"
   * is "prisoner"'s, not "prison"'s; "penal" is "penal"'s, not "penalize"'s); when one does, that word keeps the surface
   * ("penalized" is "penalize"'s).
   */
  private claimed(surface: string, candidates: readonly WordSlot[], found: number[]): void {
    let claim: WordSlot | null = null;
    for (const slot of candidates) {
      if (!this.claims.has(slot.id) || !found.includes(slot.id)) continue;
      if (surface.startsWith(slot.word) && (claim === null || slot.word.length > claim.word.length)) claim = slot;
    }
    const kept = found.filter((id) => !this.claims.has(id));
    if (claim !== null) {
      const length = claim.word.length;
      const closer = candidates.some((c) => kept.includes(c.id) && commonPrefix(c.word, surface) > length);
      if (!closer) kept.splice(0, kept.length, claim.id);
    }
    found.splice(0, found.length, ...kept);
  }

  /**
   * False when no lexicon word can be of the surface's family, without stemming it: sameWordFamily needs a common
   * prefix of at least the surface's length minus its suffix allowance. Most words of a corpus fail this, and the
   * stemmer allocates about 1.5 KB a word (34,000 new words in the 10 MB bench text).
   */
  private mayBeInFamily(surface: string): boolean {
    const prefix = surface.length - MAX_SUFFIX_DIFFERENCE;
    // Any common prefix will do for a word this short: only its stem decides.
    if (prefix <= 0) return this.shortWords.has(surface);
    if (this.wordPrefixes.hasPrefix(surface, prefix)) return true;
    // A plural of a family member ("punishments") reaches one character further (see sameWordFamily).
    return prefix > 1 && surface.charCodeAt(surface.length - 1) === 115 && this.wordPrefixes.hasPrefix(surface, prefix - 1);
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
        let id = this.hanSymbol(cp);
        if (id < 0) {
          id = this.slotCount++;
          if (cp < 65536) this.hanSlotTable[cp] = id;
          else this.astralHanSlots.set(cp, id);
        }
        slots.push(id);
        i += width;
        continue;
      }
      if (cls !== WORD) {
        i += width;
        continue;
      }
      // A word runs over letters of any plane: an astral letter (𝐀) is a surrogate pair, read whole as the scanner does.
      let end = i + width;
      while (end < term.length) {
        const u = term.charCodeAt(end);
        const uClass = classAt(term, end, term.length, u);
        if (uClass !== WORD) break;
        end += widthOf(u, uClass);
      }
      const word = term.slice(i, end).toLowerCase();
      const wildcard = term.charCodeAt(end) === 42;
      slots.push(wildcard ? this.prefixSlot(word) : this.wordSlot(word));
      i = wildcard ? end + 1 : end;
    }
    return slots;
  }

  private wordSlot(word: string): number {
    const existing = this.wordSlotIds.get(word);
    if (existing !== undefined) return existing;
    const id = this.slotCount++;
    this.addWordSlot(word, lexiconWordStem(word), id);
    return id;
  }

  private addWordSlot(word: string, wordStem: string, id: number): void {
    this.wordPrefixes.addPrefixesOf(word);
    this.shortWords.addStem(wordStem);
    this.addWordFamily(word, wordStem, id);
  }

  /** The word's slot by its text and in its stem's family (a built image holds its prefixes and short words already). */
  private addWordFamily(word: string, wordStem: string, id: number): void {
    this.wordSlotIds.set(word, id);
    const list = this.wordSlotsByStem.get(wordStem);
    if (list) list.push({ word, wordStem, id });
    else this.wordSlotsByStem.set(wordStem, [{ word, wordStem, id }]);
  }

  private prefixSlot(prefix: string): number {
    const existing = this.prefixSlots.get(prefix);
    if (existing !== undefined) return existing;
    const id = this.slotCount++;
    this.addPrefixSlot(prefix, id);
    return id;
  }

  private addPrefixSlot(prefix: string, id: number): void {
    this.prefixSlots.set(prefix, id);
    if (!this.prefixLengths.includes(prefix.length)) this.prefixLengths = [...this.prefixLengths, prefix.length].sort((a, b) => a - b);
  }
}

/** The length of the common prefix of two words. */
function commonPrefix(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/** The category a cue moves a match to: its own, else accountability for a target cue, censorship for a secret cue, else the lexicon's protection category. */
function cueCategory(source: CueSource, protection: string | null): string | null {
  if (source.category !== undefined) return source.category;
  if (source.effect === 'target') return 'accountability';
  if (source.effect === 'secret') return 'censorship';
  return source.effect === 'protect' || source.effect === 'object' ? protection : null;
}
