// A block's annotations as one flat array of numbers, two per annotation, rather than an object each. A long
// document holds hundreds of thousands of them for as long as it is open, and long-lived objects are what the
// garbage collector pays for; Match objects are made only when someone asks for them. A plain array, not an
// Int32Array: tens of thousands of tiny typed arrays, each with its own backing store, cost more to allocate
// than they save.
import { CompiledEntry, Matcher } from './matcher';
import { EntryTerms, listItemTerm } from './term';
import { Match, Polarity } from './types';

/**
 * Per annotation, two numbers that each pack two integers as high * 2^32 + low: the start (relative to the block) and
 * the end; then the rule's cue or overridden entry, plus one, and entry << 4 | rule. A high part stays below 2^21, so
 * the sum is an exact double: blocks are a few MAX_BLOCKs long at most, and the matcher refuses more cues or entries.
 * Doubles halve the memory of four small integers, and an array of doubles is copied, not traced, by the collector:
 * a 10 MB Chinese text, with 195,000 annotations, analyses 23% faster so.
 */
export type MatchList = readonly number[];

const FIELDS = 2;
const LOW = 4294967296;
const RULE_BITS = 4;
/** An array that holds doubles, so that the lists sliced from it do too: unboxed, and never traced by the collector. */
function doubles(): number[] {
  const list = [0.5];
  list.length = 0;
  return list;
}
const NO_MATCHES: MatchList = doubles();
const NO_SENTENCES: readonly number[] = [];

export const RULE_NONE = 0;
export const RULE_NEGATION = 1;
export const RULE_EXEMPTION = 2;
export const RULE_PROTECTION = 3;
export const RULE_DIRECTION = 4;
/** Shown, not counted: a topic noun with no act near it (argument TOPIC_NOUN), a match in a title line (TOPIC_TITLE), in a definition (TOPIC_DEFINITION) or in a name (TOPIC_NAME). */
export const RULE_TOPIC = 5;
/** A match aimed at someone its polarity does not fit (a fine on officials, a report to the police): counted in the cue's category. */
export const RULE_TARGET = 6;
/** A ban on disclosing a state measure, a secrecy duty: counted as control in the secret cue's category. */
export const RULE_SECRECY = 7;
/**
 * An item of a list that inherits its lead-in's control (listContext.ts): entry and argument are those of the lead-in's
 * match (a target or secrecy cue, or −1), or the lexicon's ban entry for a ban list.
 */
export const RULE_INHERITED = 8;
/** A match that the document's subject moves (listContext.ts): argument is the subject's index in `matcher.subjects`. */
export const RULE_SUBJECT = 9;
export const TOPIC_NOUN = 0;
export const TOPIC_TITLE = 1;
/** Shown, not counted: a match inside a definition or scope clause (a `define` cue). */
export const TOPIC_DEFINITION = 2;
/** Shown, not counted: a word of a name of a body, an office or a law ("the Privacy Office", 《…法》). */
export const TOPIC_NAME = 3;
/** Shown, not counted: a match in an item of an exemption list (listContext.ts); its explanation names the lead-in. */
export const TOPIC_EXEMPTION = 4;
/** Shown, not counted: an engagement match in a sentence that exempts from a duty or a protection (exemptionSentences.ts). */
export const TOPIC_EXEMPTION_SENTENCE = 5;
/** A control match in an item of a list whose lead-in grants a right, a remedy or a protection: the item names what it covers. */
export const TOPIC_COVERED = 6;
/** Shown, not counted: a practice that its clause organises rather than does (an `organise` cue). */
export const TOPIC_ORGANISED = 7;

export function matchCount(list: MatchList): number {
  return list.length / FIELDS;
}

export function matchStart(list: MatchList, i: number): number {
  return (list[i * FIELDS] / LOW) | 0;
}

export function matchEnd(list: MatchList, i: number): number {
  return list[i * FIELDS] >>> 0;
}

/** Annotation `i`'s entry, rule and the rule's argument, as one number: equal for two annotations when those are. */
export function matchKey(list: MatchList, i: number): number {
  return list[i * FIELDS + 1];
}

/** entry << 4 | rule */
function entryRule(list: MatchList, i: number): number {
  return list[i * FIELDS + 1] >>> 0;
}

function argument(list: MatchList, i: number): number {
  return ((list[i * FIELDS + 1] / LOW) | 0) - 1;
}

function rule(list: MatchList, i: number): number {
  return entryRule(list, i) & ((1 << RULE_BITS) - 1);
}

/** Reads annotations against the lexicons that produced them. */
export class MatchReader {
  /** Per entry, and per cue for the protection rule, the index of its category in `matcher.categories` (−1 for none). */
  private readonly entryCategory: Int32Array;
  private readonly cueCategory: Int32Array;
  /** Per cue, 1 when the category it moves a match to is of the control polarity. */
  private readonly cueControl: Uint8Array;
  /** Per entry, 1 when its polarity is control, and its weight in thousandths: read for every annotation counted. */
  private readonly entryControl: Uint8Array;
  private readonly entryWeightMilli: Int32Array;
  /** Per document subject, the index of its category and whether that is control. */
  private readonly subjectCategory: Int32Array;
  private readonly subjectControl: Uint8Array;
  /** Per entry, the term its inherited annotations are counted under, made when first needed. */
  private itemTerms: (string | undefined)[] | null = null;

  constructor(private readonly matcher: Matcher) {
    const ids = [...matcher.categories.keys()];
    this.entryCategory = Int32Array.from(matcher.entryList, (e) => (e.category === null ? -1 : ids.indexOf(e.category)));
    this.cueCategory = Int32Array.from(matcher.cueList, (c) => (c.protectionCategory === null ? -1 : ids.indexOf(c.protectionCategory)));
    this.cueControl = Uint8Array.from(matcher.cueList, (c) => (c.polarity === 'control' ? 1 : 0));
    this.entryControl = Uint8Array.from(matcher.entryList, (e) => (e.polarity === 'control' ? 1 : 0));
    this.entryWeightMilli = Int32Array.from(matcher.entryList, (e) => e.weightMilli);
    this.subjectCategory = Int32Array.from(matcher.subjects, (s) => ids.indexOf(s.category));
    this.subjectControl = Uint8Array.from(matcher.subjects, (s) => (s.polarity === 'control' ? 1 : 0));
  }

  /** Negated and exempted annotations are shown but not counted. */
  negated(list: MatchList, i: number): boolean {
    const r = rule(list, i);
    return r === RULE_NEGATION || r === RULE_EXEMPTION || r === RULE_TOPIC;
  }

  /** True when annotation `i` counts as control: its entry's polarity, unless a protection, target or secrecy rule moved it. */
  isControl(list: MatchList, i: number): boolean {
    const r = rule(list, i);
    if (r === RULE_PROTECTION) return false;
    if (r === RULE_TARGET || r === RULE_SECRECY || (r === RULE_INHERITED && argument(list, i) >= 0)) return this.cueControl[argument(list, i)] === 1;
    if (r === RULE_SUBJECT) return this.subjectControl[argument(list, i)] === 1;
    return this.entryControl[entryRule(list, i) >>> RULE_BITS] === 1;
  }

  /** The index of `category(list, i)` among the lexicons' categories (the order of `matcher.categories`), −1 when they do not define it. */
  categoryIndex(list: MatchList, i: number): number {
    const r = rule(list, i);
    if (r === RULE_PROTECTION || r === RULE_TARGET || r === RULE_SECRECY || (r === RULE_INHERITED && argument(list, i) >= 0)) return this.cueCategory[argument(list, i)];
    if (r === RULE_SUBJECT) return this.subjectCategory[argument(list, i)];
    return this.entryCategory[entryRule(list, i) >>> RULE_BITS];
  }

  /** The rule of annotation `i` (RULE_NONE, RULE_NEGATION, …). */
  rule(list: MatchList, i: number): number {
    return rule(list, i);
  }

  /** The rule's argument of annotation `i`: its cue or overridden entry, −1 for none. */
  argument(list: MatchList, i: number): number {
    return argument(list, i);
  }

  /** The term annotation `i` is counted under: as `terms` reads it off `text` (`base` the block's start), or its lead-in's for an inherited one. */
  termAt(list: MatchList, i: number, terms: EntryTerms, text: string, base: number): string {
    const entry = entryRule(list, i) >>> RULE_BITS;
    if (rule(list, i) !== RULE_INHERITED) return terms.termAt(entry, text, base + matchStart(list, i), base + matchEnd(list, i));
    if (this.itemTerms === null) this.itemTerms = new Array<string | undefined>(this.matcher.entryList.length).fill(undefined);
    return (this.itemTerms[entry] ??= listItemTerm(this.matcher.entryList[entry].term));
  }

  /** The lexicon entry of annotation `i`, as an index. */
  entryIndex(list: MatchList, i: number): number {
    return entryRule(list, i) >>> RULE_BITS;
  }

  /** A number shared by annotations of one entry counted in one category the same way (entry, or entry and the cue that moved it). */
  entryKeyId(list: MatchList, i: number): number {
    const r = rule(list, i);
    const moved = r === RULE_SECRECY || r === RULE_PROTECTION || r === RULE_TARGET || r === RULE_SUBJECT || (r === RULE_INHERITED && argument(list, i) >= 0);
    return (entryRule(list, i) >>> RULE_BITS) * 65536 + (moved ? argument(list, i) + 1 : 0);
  }

  /** `category\u0000entry` of annotation `i`: its lexicon entry and the category it is counted in, as `toMatch` gives them. */
  entryKey(list: MatchList, i: number): string {
    const r = rule(list, i);
    const entry = this.entry(list, i);
    if (r === RULE_SUBJECT) return `${this.matcher.subjects[argument(list, i)].category}\u0000${entry.term}`;
    const moved = r === RULE_SECRECY || r === RULE_PROTECTION || r === RULE_TARGET || (r === RULE_INHERITED && argument(list, i) >= 0);
    const category = moved ? this.matcher.cueList[argument(list, i)].protectionCategory : entry.category;
    return `${category as string}\u0000${entry.term}`;
  }

  weightMilli(list: MatchList, i: number): number {
    return this.entryWeightMilli[entryRule(list, i) >>> RULE_BITS];
  }

  /**
   * Annotation `i` as a Match, with offsets shifted by `base`; `text` is the document, `sentence` its sentence's index,
   * `leadIn` the lead-in an inherited annotation's list hangs from (its zero-based line and words), `title` the title
   * line that gave the document its subject.
   */
  toMatch(list: MatchList, i: number, text: string, base: number, sentence: number, leadIn: LeadInNote | null = null, title: string | null = null): Match {
    const start = matchStart(list, i) + base;
    const end = matchEnd(list, i) + base;
    const entry = this.entry(list, i);
    const r = rule(list, i);
    const surface = text.slice(start, end);
    const match: Match = {
      start,
      end,
      text: surface,
      polarity: entry.polarity as Polarity,
      category: entry.category as string,
      entry: entry.term,
      weight: entry.weightMilli / 1000,
      rule: null,
      ruleDetail: null,
      negated: false,
      sentence,
    };
    const detail = argument(list, i);
    if (r === RULE_SUBJECT) {
      const subject = this.matcher.subjects[detail];
      match.polarity = subject.polarity;
      match.category = subject.category;
      match.rule = 'subject';
      match.ruleDetail = `the document's subject, its title "${title ?? ''}", makes "${surface}" ${subject.note}`;
    } else if (r === RULE_INHERITED) {
      const cue = detail >= 0 ? this.matcher.cueList[detail] : null;
      if (cue !== null) {
        match.polarity = cue.polarity as Polarity;
        match.category = cue.protectionCategory as string;
      }
      match.rule = 'inherited';
      const where = leadInPlace(leadIn);
      const words = leadInQuote(leadIn);
      match.ruleDetail =
        leadIn?.ban === true
          ? `item of the ban list ${where}${words}`
          : leadIn?.oversight === true
            ? `item of a list whose lead-in ${where} lists the means of supervising authorities ("${entry.term}")${words}`
          : leadIn?.grounds === true
            ? `item of a list whose lead-in ${where} grants a right, a remedy or a protection on the grounds its items state ("${entry.term}")${words}`
          : leadIn?.officials === true
            ? `item of a ban list that binds officials ${where}: it forbids them an act on the governed, which it shields ("${entry.term}")${words}`
          : leadIn?.protective === true
            ? `item of a list whose lead-in ${where} is a ban that protects people ("${entry.term}"): the item names what it shields${words}`
            : `item of a list whose lead-in ${where} is control ("${entry.term}")${words}`;
    } else if (r === RULE_DIRECTION) {
      const overridden = this.matcher.entryList[detail];
      match.rule = 'direction';
      match.ruleDetail = `the phrase "${entry.term}" overrides "${overridden.term}" (${overridden.polarity})`;
    } else if (r === RULE_TOPIC) {
      match.negated = true;
      match.rule = 'topic';
      match.ruleDetail =
        detail === TOPIC_TITLE
          ? 'a title line names its topic and takes no stance'
          : detail === TOPIC_EXEMPTION
            ? `item of a list whose lead-in ${leadInPlace(leadIn)} is an exemption${leadInQuote(leadIn)}: it names what the exemption covers and takes no stance`
          : detail === TOPIC_COVERED && leadIn?.oversight === true
            ? `item of a list whose lead-in ${leadInPlace(leadIn)} lists the means of supervising authorities${leadInQuote(leadIn)}: "${entry.term}" is aimed at the authorities supervised and takes no stance of control`
          : detail === TOPIC_COVERED
            ? `item of a list whose lead-in ${leadInPlace(leadIn)} grants a right, a remedy or a protection${leadInQuote(leadIn)}: "${entry.term}" names what it covers and takes no stance`
          : detail === TOPIC_EXEMPTION_SENTENCE
            ? `the sentence exempts from a duty or a protection: "${entry.term}" names what the exemption reaches and takes no stance`
          : detail === TOPIC_DEFINITION
            ? 'a definition or scope clause says what a term covers and takes no stance'
          : detail === TOPIC_ORGANISED
            ? `"${entry.term}" names a practice that the clause organises (its principles, its body, staff or plan) and takes no stance`
            : detail === TOPIC_NAME
              ? `"${entry.term}" is part of a name (of a body, an office or a law) and takes no stance`
              : `"${entry.term}" names a topic; no act near it gives it a stance`;
    } else if (r !== RULE_NONE) {
      const cue = this.matcher.cueList[detail];
      if (r === RULE_SECRECY) {
        match.polarity = cue.polarity as Polarity;
        match.category = cue.protectionCategory as string;
        match.rule = 'secrecy';
        // A secret cue of an engagement category names what a confidentiality duty protects: people's own data.
        match.ruleDetail =
          cue.polarity === 'engagement' ? `a ban on disclosing people's data ("${cue.cue}"): a duty of confidentiality that protects them` : `a ban on disclosing a state measure ("${cue.cue}"): a secrecy duty`;
      } else if (r === RULE_PROTECTION || r === RULE_TARGET) {
        match.polarity = r === RULE_TARGET ? (cue.polarity as Polarity) : 'engagement';
        match.category = cue.protectionCategory as string;
        match.rule = r === RULE_TARGET ? 'target' : 'protection';
        match.ruleDetail =
          r === RULE_TARGET
            ? cue.note !== null
              ? `"${cue.cue}" aims "${surface}" ${cue.note}`
              : cue.polarity === 'control'
              ? `"${cue.cue}" aims "${surface}" at the police or security organs: recruited reporting`
              : `"${cue.cue}" aims "${surface}" at officials or agencies: accountability`
            : cue.effect === 'object'
              ? `"${surface}" is the object of a right or of redress ("${cue.cue}")`
              : `"${cue.cue}" protects people from "${surface}"`;
      } else {
        match.negated = true;
        match.rule = r === RULE_EXEMPTION ? 'exemption' : 'negation';
        match.ruleDetail = r === RULE_EXEMPTION ? `exempted by "${cue.cue}"` : `negated by "${cue.cue}"`;
      }
    }
    return match;
  }

  private entry(list: MatchList, i: number): CompiledEntry {
    return this.matcher.entryList[entryRule(list, i) >>> RULE_BITS];
  }
}

/** Where a list's lead-in stands, for an item's explanation. */
function leadInPlace(leadIn: LeadInNote | null): string {
  return leadIn === null ? 'before it' : `at line ${leadIn.line + 1}`;
}

/** A list's lead-in quoted after a colon, for an item's explanation ('' when unknown). */
function leadInQuote(leadIn: LeadInNote | null): string {
  return leadIn === null ? '' : `: "${leadIn.text}"`;
}

/** What the explanation of an inherited annotation names: its list's lead-in. */
export interface LeadInNote {
  /** Zero-based line of the lead-in sentence. */
  readonly line: number;
  /** The lead-in's words, shortened. */
  readonly text: string;
  /** True for a ban list (a ban word of the lexicons in the lead-in). */
  readonly ban: boolean;
  /** True for a list of the means of supervising authorities (the lexicons' `lists.oversight`). */
  readonly oversight: boolean;
  /** True for a list of the grounds of a right, a remedy or a protection (the lexicons' `lists.grounds`). */
  readonly grounds?: boolean;
  /** True for a ban list that binds officials whose items count as the lexicons' `officialsEntry` (codebook D15a). */
  readonly officials?: boolean;
  /** True for a list whose lead-in is a protective ban that reaches its items (the lexicons' `lists.protective`). */
  readonly protective?: boolean;
}

/** Collects a block's annotations, and hands each block a list of its own. */
export class MatchListBuilder {
  /** Kept at its largest size, so that it is not grown again for every block. */
  private readonly data: number[] = doubles();
  private size = 0;
  /** Per annotation, the index of its sentence in the block; filled by markSentence. */
  private readonly sentenceOf: number[] = [];
  private marked = 0;

  reset(): void {
    this.size = 0;
    this.marked = 0;
  }

  /** The annotations added since the last call belong to the block's sentence `sentence`. */
  markSentence(sentence: number): void {
    const count = this.size / FIELDS;
    for (let i = this.marked; i < count; i++) this.sentenceOf[i] = sentence;
    this.marked = count;
  }

  /** `argument` is the cue of a cue rule, the overridden entry of the direction rule, else −1. */
  add(start: number, end: number, entry: number, rule: number, argument: number): void {
    const data = this.data;
    let at = this.size;
    const position = start * LOW + end;
    const rules = (argument + 1) * LOW + ((entry << RULE_BITS) | rule);
    if (at === data.length) data.push(position, rules);
    else {
      data[at++] = position;
      data[at] = rules;
    }
    this.size += FIELDS;
  }

  /** Adds annotation `i` of `list` as it is. */
  copy(list: MatchList, i: number): void {
    const data = this.data;
    const at = this.size;
    const position = list[i * FIELDS];
    const rules = list[i * FIELDS + 1];
    if (at === data.length) data.push(position, rules);
    else {
      data[at] = position;
      data[at + 1] = rules;
    }
    this.size += FIELDS;
  }

  /** The annotations so far, copied to an array of their own; blocks without any share one empty list. */
  finish(): MatchList {
    return this.size === 0 ? NO_MATCHES : this.data.slice(0, this.size);
  }

  /** Per annotation of the list `finish` returns, the index of its sentence in the block, in ascending order. */
  finishSentences(): readonly number[] {
    const count = this.size / FIELDS;
    if (count === 0) return NO_SENTENCES;
    const key = count <= SHARED_SENTENCES_COUNT ? sentencesKey(this.sentenceOf, count) : -1;
    if (key < 0) return this.sentenceOf.slice(0, count);
    let shared = SHARED_SENTENCES.get(key);
    if (shared === undefined) {
      shared = this.sentenceOf.slice(0, count);
      if (SHARED_SENTENCES.size < SHARED_SENTENCES_MAX) SHARED_SENTENCES.set(key, shared);
    }
    return shared;
  }
}

/**
 * Lists of sentence indices of up to this many annotations, each index below SHARED_SENTENCE_LIMIT, are shared: a
 * list's key (sentencesKey) then has at most 1 + SHARED_SENTENCES_COUNT + SHARED_SENTENCE_LIMIT − 1 = 30 bits.
 */
const SHARED_SENTENCES_COUNT = 22;
const SHARED_SENTENCE_LIMIT = 8;
/** Most lists kept for sharing; past it a new list is a block's own. */
const SHARED_SENTENCES_MAX = 16384;
/**
 * One array per such list, shared by every block whose annotations stand in those sentences (most blocks hold a few
 * annotations in their first sentences): a block keeps its list for its life, and an array of its own per block was a
 * fifth of what an analysis keeps, copied by every young collection it lives through. Lists ascend, so the blocks of
 * a document share a few thousand of them at most.
 */
const SHARED_SENTENCES = new Map<number, readonly number[]>();

/**
 * The first `count` indices of `sentenceOf` as a number, or −1 when one is too large or they do not ascend: after a leading 1,
 * each index is a 0 bit, preceded by a 1 bit for each step it rises above the one before it (from 0).
 */
function sentencesKey(sentenceOf: readonly number[], count: number): number {
  let key = 1;
  let previous = 0;
  for (let i = 0; i < count; i++) {
    const sentence = sentenceOf[i];
    if (sentence >= SHARED_SENTENCE_LIMIT || sentence < previous) return -1;
    for (; previous < sentence; previous++) key = (key << 1) | 1;
    key <<= 1;
  }
  return key;
}
