// Turns the paths found in one sentence into annotations: longest entries first, then the cues around them
// (negation, exemption, protection) and the direction rule for phrases that override a shorter entry of
// another polarity. Tokens are named by their ordinal in the sentence, which also measures cue windows. All
// working state lives in reusable typed arrays of a MatchState that the analysis owns: nothing is allocated per token
// or per candidate, and nothing is shared between analyses.
import { MatchListBuilder, RULE_DIRECTION, RULE_EXEMPTION, RULE_NEGATION, RULE_NONE, RULE_PROTECTION, RULE_SECRECY, RULE_TARGET, RULE_TOPIC, TOPIC_DEFINITION, TOPIC_NAME, TOPIC_NOUN, TOPIC_ORGANISED, TOPIC_TITLE } from './matchList';
import { namesField } from './competenceField';
import { isInName } from './names';
import { standsInObject } from './objectPhrase';
import { CompiledCue, CompiledEntry, EXEMPTION_WORDS, Matcher } from './matcher';
import { NO_PATH, PathAutomaton } from './pathAutomaton';
import { grown } from './grown';
import { ACT_CUES, CUE_AFTER, CUE_BEFORE, CUE_BREAK, CUE_GROUP_SHIFT, CUE_GROUPS, CUE_OBJECT, CUE_PHRASE, CUE_PREDICATE, CUE_SENTENCE, CUE_SHARES_HEAD, CUE_SUBJECT, DEFINE_CUES, ENTRY_COMMAND, ENTRY_CONDUCT, ENTRY_COUNTED, ENTRY_ENGAGEMENT, ENTRY_POLARITY, ENTRY_TOPIC, SECRET_CUES, STANCE_CUES } from './ruleFacts';

/** Spans of tokens `[first, last)` (ordinals) and characters `[start, end)` that spell a path, with the value found at its end. */
export class Candidates {
  count = 0;
  first = new Int32Array(64);
  last = new Int32Array(64);
  start = new Int32Array(64);
  end = new Int32Array(64);
  /** Punctuation-delimited clause (; and : open a new one); a path never crosses one. */
  clause = new Int32Array(64);
  value = new Int32Array(64);

  push(first: number, last: number, start: number, end: number, clause: number, value: number): void {
    if (this.count === this.first.length) this.grow();
    const i = this.count++;
    this.first[i] = first;
    this.last[i] = last;
    this.start[i] = start;
    this.end[i] = end;
    this.clause[i] = clause;
    this.value[i] = value;
  }

  private grow(): void {
    this.first = grown(this.first);
    this.last = grown(this.last);
    this.start = grown(this.start);
    this.end = grown(this.end);
    this.clause = grown(this.clause);
    this.value = grown(this.value);
  }
}

/** Up to this many candidates are ordered by insertion sort; more (a hostile sentence) by Array.sort. */
const INSERTION_SORT_LIMIT = 32;

const NO_SPAN = 0x7fffffff;


/**
 * The working state of the scan→match hand-off: the paths found in the sentence being read, and the arrays that
 * resolve them. An analysis owns one (through its ScanState), so two analyses never share it and can run interleaved.
 */
export class MatchState {
  readonly entries = new Candidates();
  readonly cues = new Candidates();
  /** Start offset of each token that opened or continued a path, by ordinal. */
  tokenStarts = new Int32Array(256);
  /** Per token, the accepted candidate covering it: entry i as i + 1, cue i as −(i + 1), none as 0. */
  owner = new Int32Array(256);
  order = new Int32Array(64);
  /** Per candidate length in tokens, where its candidates go in `order` (see resolve). */
  byLength = new Int32Array(16);
  /** Per token of the span, how many accepted clause-break cues start before it. */
  breaksBefore = new Int32Array(256);
  /** Per token of the span, how many accepted predicate words start before it. */
  predicatesBefore = new Int32Array(256);
  /** Whether the sentence has a clause-break or predicate candidate: without one, breaksBefore and predicatesBefore are not filled. */
  structured = false;
  /** Per group of cues, the nearest cue of the entry being resolved, and its distance (see nearestCues). */
  readonly nearest = new Int32Array(CUE_GROUPS);
  readonly nearestGap = new Int32Array(CUE_GROUPS);
  /** Groups (bit 1 << group) of the sentence's cues that may stand before their entry, and after it. */
  groupsBefore = 0;
  groupsAfter = 0;
  /** The tokens `[spanFirst, spanLast)` that the sentence's candidates cover: all that resolving needs to look at. */
  spanFirst = NO_SPAN;
  spanLast = 0;
  /**
   * Whether the block being read may hold a lexicon's exemption-sentence words: their path was found, or the scanner met
   * text whose word edges their pattern reads otherwise (see analyzeBlock). Cleared when a block begins.
   */
  mayExempt = false;
  /**
   * Whether the block read so far holds a 《: a match stands in a book title only after one in its line (names.ts), so
   * without one no Chinese match is read as a name. Cleared when a block begins.
   */
  bookTitle = false;
  /** How many accepted bans of phrase scope the sentence being resolved holds (see phraseBans), −1 until counted. */
  bansInSentence = -1;

  /** Forgets any sentence left unresolved (a block cut short by an exception). */
  clear(): void {
    this.entries.count = 0;
    this.cues.count = 0;
    this.spanFirst = NO_SPAN;
    this.spanLast = 0;
  }
}

/**
 * Steps the automaton from `state` over the token `ordinal` at `[start, end)`, whose symbol is `symbol` (−1 for a token
 * the lexicon does not mention), collecting the paths that end there; returns the new state.
 */
export function stepToken(s: MatchState, automaton: PathAutomaton, state: number, symbol: number, ordinal: number, start: number, end: number, clause: number): number {
  const next = symbol < 0 ? NO_PATH : automaton.next(state, symbol);
  if (next !== NO_PATH) {
    if (ordinal >= s.tokenStarts.length) s.tokenStarts = grown(s.tokenStarts, ordinal * 2);
    s.tokenStarts[ordinal] = start;
    if (automaton.outStart[next] !== automaton.outStart[next + 1]) pathsEndingAt(s, automaton, next, ordinal, end, clause);
  }
  return next;
}

/** Adds the paths that end at the token `ordinal` (ending at offset `end`), found in automaton state `state`. */
export function pathsEndingAt(s: MatchState, automaton: PathAutomaton, state: number, ordinal: number, end: number, clause: number): void {
  for (let o = automaton.outStart[state]; o < automaton.outStart[state + 1]; o++) {
    const first = ordinal + 1 - automaton.outTokens[o];
    const value = automaton.outValues[o];
    if (value === EXEMPTION_WORDS) {
      s.mayExempt = true;
      continue;
    }
    if (first < s.spanFirst) s.spanFirst = first;
    s.spanLast = ordinal + 1;
    if (value >= 0) s.entries.push(first, ordinal + 1, s.tokenStarts[first], end, clause, value);
    else s.cues.push(first, ordinal + 1, s.tokenStarts[first], end, clause, ~value);
  }
}

/**
 * Resolves the sentence's paths (its tokens are ordinals `[0, tokens)`) into annotations in `out`, offsets relative to
 * `base`; then forgets them. In a title line (`title`) nothing is counted: a heading names its topic. `text` is the text
 * the offsets index, read to tell a word inside a name ("the Privacy Office"); without it no match is read as a name.
 */
export function endSentence(s: MatchState, matcher: Matcher, tokens: number, base: number, out: MatchListBuilder, title = false, text: string | null = null): void {
  const entries = s.entries;
  const cues = s.cues;
  if (entries.count > 0) annotate(s, matcher, tokens, base, out, title, text);
  entries.count = 0;
  cues.count = 0;
  s.spanFirst = NO_SPAN;
  s.spanLast = 0;
}

function annotate(s: MatchState, matcher: Matcher, tokens: number, base: number, out: MatchListBuilder, title: boolean, text: string | null): void {
  const entries = s.entries;
  const cues = s.cues;
  if (cues.count === 0 && disjoint(entries)) {
    // The commonest sentences: candidates that overlap nothing, and no cue to change them; each one stands as it is.
    const facts = matcher.entryFacts;
    for (let i = 0; i < entries.count; i++) {
      const fact = facts[entries.value[i]];
      // A command with no cue in the sentence names no authority: shown nowhere, like a neutral entry.
      if ((fact & ENTRY_COUNTED) === 0 || (fact & ENTRY_COMMAND) !== 0) continue;
      if (title) out.add(entries.start[i] - base, entries.end[i] - base, entries.value[i], RULE_TOPIC, TOPIC_TITLE);
      else if ((fact & ENTRY_TOPIC) !== 0) out.add(entries.start[i] - base, entries.end[i] - base, entries.value[i], RULE_TOPIC, TOPIC_NOUN);
      else if (text !== null && isInName(text, entries.start[i], entries.end[i], s.bookTitle)) out.add(entries.start[i] - base, entries.end[i] - base, entries.value[i], RULE_TOPIC, TOPIC_NAME);
      else out.add(entries.start[i] - base, entries.end[i] - base, entries.value[i], RULE_NONE, -1);
    }
    return;
  }
  annotateResolved(s, matcher, tokens, base, out, title, text);
}

/** annotate's path for a sentence whose candidates overlap or hold a cue: resolved, then each entry read against its cues. */
function annotateResolved(s: MatchState, matcher: Matcher, tokens: number, base: number, out: MatchListBuilder, title: boolean, text: string | null): void {
  const entries = s.entries;
  const cues = s.cues;
  if (s.owner.length < tokens) s.owner = new Int32Array(tokens * 2);
  const owner = s.owner;
  const from = s.spanFirst;
  const to = s.spanLast;
  // A loop, not fill(): spans are a few tokens, and the builtin's call costs more than the stores.
  for (let k = from; k < to; k++) owner[k] = 0;
  resolve(s, entries, 1, null);
  resolve(s, cues, -1, matcher.cueFacts);

  const cueFacts = matcher.cueFacts;
  let kinds = 0;
  let groupsBefore = 0;
  let groupsAfter = 0;
  // The first accepted before-cue of scope sentence (a definition's 是指): every entry after it in its clause is defined;
  // the last accepted after-cue of that scope (a scope clause's 适用本法): every entry before it.
  let definedFrom = -1;
  let definedUntil = -1;
  for (let i = 0; i < cues.count; i++) {
    const fact = cueFacts[cues.value[i]];
    kinds |= fact;
    const bit = 1 << ((fact >>> CUE_GROUP_SHIFT) & 3);
    if ((fact & CUE_BEFORE) !== 0) groupsBefore |= bit;
    if ((fact & CUE_AFTER) !== 0) groupsAfter |= bit;
    if ((fact & CUE_SENTENCE) !== 0 && owner[cues.first[i]] === -(i + 1)) {
      if ((fact & CUE_BEFORE) !== 0 && (definedFrom < 0 || cues.first[i] < cues.first[definedFrom])) definedFrom = i;
      if ((fact & CUE_AFTER) !== 0 && (definedUntil < 0 || cues.first[i] > cues.first[definedUntil])) definedUntil = i;
    }
  }
  s.groupsBefore = groupsBefore;
  s.groupsAfter = groupsAfter;
  // Most sentences have no clause break or predicate word among their cues: then nothing stands between two tokens.
  s.structured = (kinds & (CUE_BREAK | CUE_PREDICATE)) !== 0;
  if (s.structured) countBreaks(s, cueFacts, from, to);
  // A cue of scope subject ("no provider … shall disclose") reaches past its window only through a predicate word.
  const subjects = s.structured && (kinds & CUE_SUBJECT) !== 0;
  s.bansInSentence = -1;
  for (let k = from; k < to; k++) {
    const o = owner[k];
    if (o <= 0 || entries.first[o - 1] !== k) continue;
    const winner = o - 1;
    const entryIndex = entries.value[winner];
    const fact = matcher.entryFacts[entryIndex];
    if ((fact & ENTRY_COUNTED) === 0) continue;
    // A command in a plain verb is an authority's act only when its clause's subject names one ("The Secretary shall
    // order the person …"); "the court may order" or "the requirements" command no one, and are not shown.
    if ((fact & ENTRY_COMMAND) !== 0 && (title || !subjects || subjectCue(s, matcher, winner, from, ACT_CUES) < 0)) continue;
    const overridden = entries.last[winner] - k > 1 ? overriddenEntry(s, matcher, winner) : -1;
    // A definition or scope clause decides before any other cue: it says what a term covers and takes no stance; so
    // does a clause that organises the practice (an organise cue of the entry's category).
    const near = nearestCues(s, matcher, winner, from, to, text);
    if (subjects && near[STANCE_CUES] < 0) near[STANCE_CUES] = subjectCue(s, matcher, winner, from, STANCE_CUES);
    if (near[DEFINE_CUES] >= 0 || definedFrom >= 0 || definedUntil >= 0) near[DEFINE_CUES] = definingCue(s, matcher, winner, near[DEFINE_CUES], definedFrom, definedUntil, text);
    const definition = near[DEFINE_CUES];
    const cue = definition >= 0 ? definition : near[STANCE_CUES];
    let rule = overridden >= 0 ? RULE_DIRECTION : RULE_NONE;
    let argument = overridden;
    if (cue >= 0) {
      const cueRule = cueRuleFor(matcher.cueList[cue], matcher.entryList[entryIndex]);
      if (cueRule !== RULE_NONE) {
        rule = cueRule;
        // A definition keeps no cue index: the explanation names the clause, not the cue.
        argument = cueRule !== RULE_TOPIC ? cue : matcher.cueList[cue].effect === 'organise' ? TOPIC_ORGANISED : TOPIC_DEFINITION;
      }
    }
    if (rule === RULE_PROTECTION && !protects(s, matcher, winner, argument, from)) rule = RULE_NONE;
    // Conduct towards people that a ban forbids them to suffer (不得误导消费者) is the protection itself: the ban keeps it. So
    // does a subject's "no" ("No covered entity shall discriminate"): it negates who may act, as "shall not" does.
    else if (rule === RULE_NEGATION && (fact & (ENTRY_CONDUCT | ENTRY_ENGAGEMENT)) === (ENTRY_CONDUCT | ENTRY_ENGAGEMENT) && (matcher.cueList[argument].effect === 'protect' || matcher.cueList[argument].subject)) rule = RULE_NONE;
    const banned = rule === RULE_NEGATION && bans(matcher.cueList[argument]);
    // Asked of every engagement entry with no rule, secret cue or not: a read or call reached only with a secret cue
    // would have no feedback when this is optimised, and V8 would drop the optimised code on the first one.
    const secret = near[SECRET_CUES];
    if ((fact & ENTRY_ENGAGEMENT) !== 0 && (banned || rule === RULE_NONE) && keepsSecret(matcher, secret, entryIndex, banned)) {
      rule = RULE_SECRECY;
      argument = secret;
    }
    if (title && rule !== RULE_NEGATION && rule !== RULE_EXEMPTION) {
      // A heading names its topic whatever cue stands in it ("Protection from arbitrary detention").
      rule = RULE_TOPIC;
      argument = TOPIC_TITLE;
    } else if (rule === RULE_NONE || rule === RULE_DIRECTION) {
      // An act cue of scope subject names an authority for a command; it gives a topic noun no stance. An act cue that
      // names categories acts only on topics of those ("mailed to the individual" delivers a notice, not an inquiry).
      if ((fact & ENTRY_TOPIC) !== 0 && (near[ACT_CUES] < 0 || (cueFacts[near[ACT_CUES]] & CUE_SUBJECT) !== 0 || !decidesFor(matcher.cueList[near[ACT_CUES]], matcher.entryList[entryIndex].category ?? ''))) {
        rule = RULE_TOPIC;
        argument = TOPIC_NOUN;
      } else if (text !== null && isInName(text, entries.start[winner], entries.end[winner], s.bookTitle)) {
        // A word of a name says which body or law is meant, whatever stands near it: "the Privacy Office shall".
        rule = RULE_TOPIC;
        argument = TOPIC_NAME;
      }
    }
    out.add(entries.start[winner] - base, entries.end[winner] - base, entryIndex, rule, rule === RULE_NONE ? -1 : argument);
  }
}

/**
 * The cue of the define group that decides for the entry `winner` (the one at its first token `k`): its nearest such
 * cue `nearest` if it decides for the entry's category, else the sentence's first before-cue of scope sentence
 * (`definedFrom`, a definition's 是指) when it ends before the entry in its clause and allocatesField holds, else the last after-cue of that scope
 * (`definedUntil`, a scope clause's 适用本法) when it starts after the entry in its clause; −1 for none.
 */
function definingCue(s: MatchState, matcher: Matcher, winner: number, nearest: number, definedFrom: number, definedUntil: number, text: string | null): number {
  const entries = s.entries;
  const cues = s.cues;
  const category = matcher.entryList[entries.value[winner]].category ?? '';
  if (nearest >= 0 && decidesFor(matcher.cueList[nearest], category)) return nearest;
  if (definedFrom >= 0 && cues.last[definedFrom] <= entries.first[winner] && cues.clause[definedFrom] === entries.clause[winner] && decidesFor(matcher.cueList[cues.value[definedFrom]], category) && allocatesField(s, matcher, definedFrom, winner, text)) return cues.value[definedFrom];
  if (definedUntil >= 0 && entries.last[winner] <= cues.first[definedUntil] && cues.clause[definedUntil] === entries.clause[winner] && decidesFor(matcher.cueList[cues.value[definedUntil]], category)) return cues.value[definedUntil];
  return -1;
}

/**
 * Whether the protection cue `cue` protects people from the control entry `winner`. A ban on conduct of the governed
 * (不得散布谣言) is the ban itself: control, not a protection of people; so is an item of a list of prohibitions that
 * its ban reaches only from afar (listedBanTooFar).
 */
function protects(s: MatchState, matcher: Matcher, winner: number, cue: number, from: number): boolean {
  if ((matcher.entryFacts[s.entries.value[winner]] & ENTRY_CONDUCT) !== 0 && matcher.cueList[cue].effect === 'protect') return false;
  if (s.bansInSentence < 0) s.bansInSentence = phraseBans(s, matcher);
  return !listedBanTooFar(s, matcher, winner, cue, from, s.bansInSentence);
}

/**
 * Whether the secret cue `secret` makes the engagement entry `entryIndex` a secrecy duty: a ban on disclosing a state
 * measure ("must not disclose the existence of the order", `banned`), or a confidentiality entry written with its ban
 * (不得泄露) when the secret cue names its category.
 */
function keepsSecret(matcher: Matcher, secret: number, entryIndex: number, banned: boolean): boolean {
  if (secret < 0) return false;
  const cue = matcher.cueList[secret];
  return cue.protectionCategory !== null && (banned || cue.moves?.has(matcher.entryList[entryIndex].category ?? '') === true);
}

/** breaksBefore[k − from]: accepted clause-break cues starting before token k, so "a break between" is one subtraction; the same for predicate words. */
function countBreaks(s: MatchState, cueFacts: Uint16Array, from: number, to: number): void {
  if (s.breaksBefore.length < to - from + 1) {
    s.breaksBefore = new Int32Array((to - from + 1) * 2);
    s.predicatesBefore = new Int32Array((to - from + 1) * 2);
  }
  const owner = s.owner;
  const cues = s.cues;
  const breaksBefore = s.breaksBefore;
  const predicatesBefore = s.predicatesBefore;
  let breaks = 0;
  let predicates = 0;
  for (let k = from; k < to; k++) {
    breaksBefore[k - from] = breaks;
    predicatesBefore[k - from] = predicates;
    const o = owner[k];
    if (o < 0 && cues.first[-o - 1] === k) {
      const fact = cueFacts[cues.value[-o - 1]];
      if ((fact & CUE_BREAK) !== 0) breaks++;
      else if ((fact & CUE_PREDICATE) !== 0) predicates++;
    }
  }
  breaksBefore[to - from] = breaks;
  predicatesBefore[to - from] = predicates;
}

/**
 * What a cue does to a match. Protection and object cues move a control match to engagement; on an engagement match
 * a protection cue negates and an object cue does nothing. A target cue moves a match of the other polarity than its
 * category's (of the categories it names, if it names any): control aimed at officials becomes accountability,
 * reporting aimed at the police becomes control. A define cue marks a definition or scope clause: its matches of
 * either polarity are shown and not counted (scheme: definitions are neutral); an organise cue a practice that its
 * clause organises rather than does (of its categories: decidesFor).
 */
function cueRuleFor(cue: CompiledCue, entry: CompiledEntry): number {
  const control = entry.polarity === 'control';
  switch (cue.effect) {
    case 'negate':
      return RULE_NEGATION;
    case 'exempt':
      return RULE_EXEMPTION;
    case 'protect':
      return control && cue.protectionCategory !== null ? RULE_PROTECTION : RULE_NEGATION;
    case 'target':
      return cue.polarity !== null && cue.polarity !== entry.polarity && (cue.moves === null || cue.moves.has(entry.category ?? '')) ? RULE_TARGET : RULE_NONE;
    case 'object':
      return control && cue.protectionCategory !== null ? RULE_PROTECTION : RULE_NONE;
    case 'define':
    case 'organise':
      return RULE_TOPIC;
    default:
      return RULE_NONE;
  }
}

/** True when a cue of the define group decides for a match of `category`: a define cue always, an organise cue for its categories. */
function decidesFor(cue: CompiledCue, category: string): boolean {
  return cue.moves === null || cue.moves.has(category);
}

/**
 * True unless the sentence-scope cue `i` names head nouns (负责…工作) and the entry `winner` is not the field of work
 * its competence clause allocates: the cue and the entry in one phrase, no object marker between, a head after.
 */
function allocatesField(s: MatchState, matcher: Matcher, i: number, winner: number, text: string | null): boolean {
  const heads = matcher.cueList[s.cues.value[i]].heads;
  return heads === null || (text !== null && namesField(text, s.cues.end[i], s.entries.start[winner], s.entries.end[winner], heads, matcher.objectMarkers));
}

/** How many tokens after its ban word an item of a list of prohibitions may name the act it forbids (不得扣押, 不得对其). */
const LIST_ITEM_REACH = 1;

/**
 * True when a ban of phrase scope (不得) protects the control match `winner` from further than LIST_ITEM_REACH tokens,
 * and the sentence holds more than one such ban: a list of prohibitions (不得…，不得…，不得…). Each item's ban forbids
 * the act that follows it; a control word deeper in the item is what the list bans, so the list stays control.
 */
function listedBanTooFar(s: MatchState, matcher: Matcher, winner: number, cue: number, from: number, bansInSentence: number): boolean {
  if (bansInSentence < 2 || !matcher.cueList[cue].phrase) return false;
  const first = s.entries.first[winner];
  for (let k = first - 1; k >= from && first - 1 - k <= LIST_ITEM_REACH; k--) {
    const o = s.owner[k];
    if (o < 0 && s.cues.value[-o - 1] === cue) return false;
  }
  return true;
}

/** How many accepted cues of the sentence are bans of phrase scope (不得): two or more make a list of prohibitions. */
function phraseBans(s: MatchState, matcher: Matcher): number {
  const cues = s.cues;
  let n = 0;
  for (let i = 0; i < cues.count; i++) {
    const cue = matcher.cueList[cues.value[i]];
    if (cue.phrase && cue.effect === 'protect' && s.owner[cues.first[i]] === -(i + 1)) n++;
  }
  return n;
}

/** A cue that bans or negates the act it governs: a disclosure it governs is withheld. */
function bans(cue: CompiledCue): boolean {
  return cue.effect === 'negate' || cue.effect === 'protect';
}

/** True when no two candidates share a token. They come in the order of their last tokens, so each must start after the one before ends. */
function disjoint(c: Candidates): boolean {
  for (let i = 1; i < c.count; i++) if (c.first[i] < c.last[i - 1]) return false;
  return true;
}

/**
 * Longest first, then leftmost, then the earlier lexicon line; keeps those that overlap nothing kept, marking
 * their tokens in `owner` (entries with sign 1, cues with sign −1). A cue that shares its head (cueFacts given) is
 * kept too when only entries hold its first words and its last word is free, and it marks only the words it holds:
 * "opportunity to" still makes the object after it a right when "opportunity" is counted as a right itself.
 */
function resolve(s: MatchState, c: Candidates, sign: 1 | -1, cueFacts: Uint16Array | null): void {
  const n = c.count;
  if (s.order.length < n) s.order = new Int32Array(n * 2);
  const order = s.order;
  const owner = s.owner;
  if (n <= INSERTION_SORT_LIMIT) {
    for (let i = 0; i < n; i++) order[i] = i;
    for (let i = 1; i < n; i++) {
      const x = order[i];
      let j = i - 1;
      while (j >= 0 && compare(c, order[j], x) > 0) {
        order[j + 1] = order[j];
        j--;
      }
      order[j + 1] = x;
    }
  } else orderByLength(s, c, n);
  for (let r = 0; r < n; r++) {
    const i = order[r];
    const first = c.first[i];
    const last = c.last[i];
    let free = true;
    for (let k = first; k < last; k++) {
      if (owner[k] !== 0) {
        free = false;
        break;
      }
    }
    if (free) for (let k = first; k < last; k++) owner[k] = sign * (i + 1);
    else if (cueFacts !== null && (cueFacts[c.value[i]] & CUE_SHARES_HEAD) !== 0 && sharesHead(owner, first, last)) {
      for (let k = first; k < last; k++) if (owner[k] === 0) owner[k] = sign * (i + 1);
    }
  }
}

/**
 * Puts the `n` candidates in `s.order` in compare's order, for more than INSERTION_SORT_LIMIT of them (a long sentence,
 * a cue flood): by length, longest first, each length's candidates in the order they came, which is the order of their
 * last tokens and so, at one length, of their first; then an insertion sort puts candidates of one span in the order of
 * their lexicon lines. Its steps are the candidates and the few of one span, not n log n compares, and nothing is
 * allocated. The order is Array.prototype.sort's with compare, which is stable: ties keep the order they came in.
 */
export function orderByLength(s: MatchState, c: Candidates, n: number): void {
  let longest = 0;
  for (let i = 0; i < n; i++) if (c.last[i] - c.first[i] > longest) longest = c.last[i] - c.first[i];
  if (s.byLength.length < longest + 2) s.byLength = new Int32Array((longest + 2) * 2);
  const at = s.byLength;
  for (let length = 0; length <= longest + 1; length++) at[length] = 0;
  // Counted under longest − length, so that the running sum puts longer candidates first.
  for (let i = 0; i < n; i++) at[longest - (c.last[i] - c.first[i]) + 1]++;
  for (let k = 1; k <= longest; k++) at[k] += at[k - 1];
  const order = s.order;
  for (let i = 0; i < n; i++) order[at[longest - (c.last[i] - c.first[i])]++] = i;
  // Ordered by length and first token now; candidates of one span (first and last) follow each other.
  for (let r = 1; r < n; r++) {
    const x = order[r];
    const first = c.first[x];
    const last = c.last[x];
    const value = c.value[x];
    let j = r - 1;
    while (j >= 0 && c.first[order[j]] === first && c.last[order[j]] === last && c.value[order[j]] > value) {
      order[j + 1] = order[j];
      j--;
    }
    order[j + 1] = x;
  }
}

/** True when the words first..last−1 are held by entries only, and the last of them by none. */
function sharesHead(owner: Int32Array, first: number, last: number): boolean {
  if (owner[last - 1] !== 0) return false;
  for (let k = first; k < last - 1; k++) if (owner[k] < 0) return false;
  return true;
}

function compare(c: Candidates, a: number, b: number): number {
  return c.last[b] - c.first[b] - (c.last[a] - c.first[a]) || c.first[a] - c.first[b] || c.value[a] - c.value[b];
}

/** Above every entry index. */
const NOT_FOUND = 0x7fffffff;

/** The earliest-listed shorter entry inside a phrase whose polarity the phrase reverses (a command in a plain verb is none), or −1. */
function overriddenEntry(s: MatchState, matcher: Matcher, winner: number): number {
  const c = s.entries;
  const first = c.first[winner];
  const last = c.last[winner];
  const facts = matcher.entryFacts;
  const polarity = facts[c.value[winner]] & ENTRY_POLARITY;
  // A sentinel rather than −1 and a compare for every candidate: optimised code never meets a compare that has not run.
  let found = NOT_FOUND;
  // Candidates come in the order of their last tokens; only those ending within the phrase or a longest path after it can overlap it.
  let lo = 0;
  let hi = c.count;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (c.last[mid] <= first) lo = mid + 1;
    else hi = mid;
  }
  const lastEnd = last + matcher.longestPath;
  for (let i = lo; i < c.count && c.last[i] < lastEnd; i++) {
    if (i === winner || c.first[i] >= last) continue;
    const value = c.value[i];
    const other = facts[value] & ENTRY_POLARITY;
    // A command in a plain verb is no reading of its own ("reward informants" holds no notice by "inform").
    const candidate = other === 0 || other === polarity || (facts[value] & ENTRY_COMMAND) !== 0 ? NOT_FOUND : value;
    if (candidate < found) found = candidate;
  }
  return found === NOT_FOUND ? -1 : found;
}

/**
 * For each group of cues (stance, act, secret, define), the closest before- or after-cue in the same clause and within
 * the cue's window, as a cue index in `s.nearest[group]`, or −1; on a tie the cue before. One walk serves every group.
 * Only the tokens within the longest window on either side are looked at, so a sentence of thousands of cues costs a
 * bounded amount per entry.
 */
function nearestCues(s: MatchState, matcher: Matcher, winner: number, from: number, to: number, text: string | null): Int32Array {
  const cues = s.cues;
  const entries = s.entries;
  const owner = s.owner;
  const nearest = s.nearest;
  const gaps = s.nearestGap;
  const facts = matcher.cueFacts;
  const windows = matcher.cueWindows;
  const first = entries.first[winner];
  const last = entries.last[winner];
  const clause = entries.clause[winner];
  // Four stores each, not fill(): this runs for every entry resolved, and the builtin's call costs more.
  nearest[STANCE_CUES] = nearest[ACT_CUES] = nearest[SECRET_CUES] = nearest[DEFINE_CUES] = -1;
  gaps[STANCE_CUES] = gaps[ACT_CUES] = gaps[SECRET_CUES] = gaps[DEFINE_CUES] = NO_SPAN;
  // The walk ends once every group the sentence's before-cues belong to has its nearest: a cue flood ("no fine no
  // fine …") then costs a step or two per entry, not the widest cue window.
  let open = bitCount(s.groupsBefore);
  // Before-cues end at token k < first; for each group the nearest is found first, walking left.
  for (let k = first - 1; k >= from && first - 1 - k <= matcher.widestCueWindow && open > 0; k--) {
    const o = owner[k];
    if (o >= 0) continue;
    const i = -o - 1;
    if (cues.last[i] - 1 !== k) continue;
    const value = cues.value[i];
    const fact = facts[value];
    const gap = first - cues.last[i];
    const group = (fact >>> CUE_GROUP_SHIFT) & 3;
    if (nearest[group] >= 0 || (fact & CUE_BEFORE) === 0 || cues.clause[i] !== clause || gap > windows[value]) continue;
    // A cue with head nouns organises only through its sentence scope (allocatesField), so it shadows no nearer cue here.
    if ((fact & CUE_SENTENCE) !== 0 && matcher.cueList[value].heads !== null) continue;
    if (breakBetween(s, cues.last[i] - 1, first, from)) continue;
    if ((fact & CUE_PHRASE) !== 0 && s.structured && s.predicatesBefore[first - from] - s.predicatesBefore[cues.last[i] - from] > 0) continue;
    // A body named as the clause's subject acts; only as the object of 对 is it what the measure is aimed at.
    if ((fact & CUE_OBJECT) !== 0 && (text === null || !standsInObject(text, cues.start[i], matcher.objectMarkers))) continue;
    // A cue's index is its order.
    nearest[group] = value;
    gaps[group] = gap;
    open--;
  }
  // After-cues start at token k ≥ last; one wins only when strictly nearer than its group's before-cue.
  // An after-cue wins only nearer than its group's before-cue, so the walk ends at the farthest of those distances.
  let reach = -1;
  for (let group = 0; group < CUE_GROUPS; group++) if ((s.groupsAfter & (1 << group)) !== 0 && gaps[group] > reach) reach = gaps[group];
  for (let k = last; k < to && k - last <= matcher.widestCueWindow && k - last < reach; k++) {
    const o = owner[k];
    if (o >= 0) continue;
    const i = -o - 1;
    if (cues.first[i] !== k) continue;
    const value = cues.value[i];
    const fact = facts[value];
    const gap = k - last;
    const group = (fact >>> CUE_GROUP_SHIFT) & 3;
    if (gap >= gaps[group] || (fact & CUE_AFTER) === 0 || cues.clause[i] !== clause || gap > windows[value]) continue;
    if (breakBetween(s, last - 1, k, from)) continue;
    // An after-cue of phrase scope is a predicate that reaches back over its subject only ("Each such inspection shall
    // be commenced …"): after an earlier predicate word the entry is that verb's ("Officers may search …, and …").
    if ((fact & CUE_PHRASE) !== 0 && s.structured && s.predicatesBefore[k - from] > 0) continue;
    nearest[group] = value;
    // Settled: a later after-cue is further away.
    gaps[group] = -1;
  }
  return nearest;
}

function bitCount(bits: number): number {
  let n = 0;
  for (let b = bits; b !== 0; b &= b - 1) n++;
  return n;
}

/** How many tokens after its clause's predicate word an act governed by a subject cue may start ("shall disclose", "may not be"). */
const SUBJECT_ACT_REACH = 1;
/** The same for a command: right after the predicate word, so that a passive ("shall be required") is none. */
const SUBJECT_COMMAND_REACH = 0;
/** How many tokens a subject may hold between its cue and the predicate word. */
const SUBJECT_REACH = 40;

/**
 * The cue of scope `subject` and of `group` (a stance or an act cue) that governs the entry `winner` through its
 * clause's predicate word, or −1: the entry starts at most SUBJECT_ACT_REACH tokens after a predicate word, and before
 * that word, in the same clause with no clause break and no other predicate word between, stands a subject cue ("no
 * provider that receives a request …, shall disclose"; "the Secretary of Labor shall order"). Called only when the
 * sentence holds a subject cue: for a stance, when no stance cue is in the entry's window; for an act, for a command,
 * which must follow the predicate word at once, and whose subject is the nearest subject cue of any kind ("the court
 * may order", after "before the Administrator,", names the court).
 */
function subjectCue(s: MatchState, matcher: Matcher, winner: number, from: number, group: number): number {
  const cues = s.cues;
  const owner = s.owner;
  const facts = matcher.cueFacts;
  const first = s.entries.first[winner];
  const clause = s.entries.clause[winner];
  let predicate = -1;
  const reach = group === ACT_CUES ? SUBJECT_COMMAND_REACH : SUBJECT_ACT_REACH;
  for (let k = first - 1; k >= from && first - 1 - k <= reach; k--) {
    const o = owner[k];
    if (o < 0 && (facts[cues.value[-o - 1]] & CUE_PREDICATE) !== 0) {
      predicate = -o - 1;
      break;
    }
  }
  if (predicate < 0 || cues.clause[predicate] !== clause) return -1;
  const at = cues.first[predicate];
  for (let k = at - 1; k >= from && at - 1 - k <= SUBJECT_REACH; k--) {
    const o = owner[k];
    if (o >= 0) continue;
    const i = -o - 1;
    if (cues.last[i] - 1 !== k) continue;
    const fact = facts[cues.value[i]];
    // Another predicate word: the subject cue, if any, belongs to an earlier clause's predicate.
    if ((fact & (CUE_PREDICATE | CUE_BREAK)) !== 0 || cues.clause[i] !== clause) return -1;
    if ((fact & CUE_SUBJECT) === 0) continue;
    if ((fact & CUE_BEFORE) !== 0 && ((fact >>> CUE_GROUP_SHIFT) & 3) === group) return cues.value[i];
    if (group === ACT_CUES) return -1;
  }
  return -1;
}

/** True when a clause-break cue starts strictly between tokens a < b. */
function breakBetween(s: MatchState, a: number, b: number, from: number): boolean {
  return s.structured && s.breaksBefore[b - from] - s.breaksBefore[a + 1 - from] > 0;
}
