// Turns the paths found in one sentence into annotations: longest entries first, then the cues around them
// (negation, exemption, protection) and the direction rule for phrases that override a shorter entry of
// another polarity. Tokens are named by their ordinal in the sentence, which also measures cue windows. All
// working state lives in reusable typed arrays of a MatchState that the analysis owns: nothing is allocated per token
// or per candidate, and nothing is shared between analyses.
import { MatchListBuilder, RULE_DIRECTION, RULE_EXEMPTION, RULE_NEGATION, RULE_NONE, RULE_PROTECTION, RULE_TARGET, RULE_TOPIC, TOPIC_DEFINITION, TOPIC_NOUN, TOPIC_TITLE } from './matchList';
import { CompiledCue, Matcher } from './matcher';
import { NO_PATH, PathAutomaton } from './pathAutomaton';
import { grown } from './grown';

/** Spans of tokens `[first, last)` (ordinals) and characters `[start, end)` that spell a path, with the value found at its end. */
class Candidates {
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
  /** Per token of the span, how many accepted clause-break cues start before it. */
  breaksBefore = new Int32Array(256);
  /** Per token of the span, how many accepted predicate words start before it. */
  predicatesBefore = new Int32Array(256);
  /** The tokens `[spanFirst, spanLast)` that the sentence's candidates cover: all that resolving needs to look at. */
  spanFirst = NO_SPAN;
  spanLast = 0;

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
function pathsEndingAt(s: MatchState, automaton: PathAutomaton, state: number, ordinal: number, end: number, clause: number): void {
  for (let o = automaton.outStart[state]; o < automaton.outStart[state + 1]; o++) {
    const first = ordinal + 1 - automaton.outTokens[o];
    const value = automaton.outValues[o];
    if (first < s.spanFirst) s.spanFirst = first;
    s.spanLast = ordinal + 1;
    if (value >= 0) s.entries.push(first, ordinal + 1, s.tokenStarts[first], end, clause, value);
    else s.cues.push(first, ordinal + 1, s.tokenStarts[first], end, clause, ~value);
  }
}

/**
 * Resolves the sentence's paths (its tokens are ordinals `[0, tokens)`) into annotations in `out`, offsets relative to
 * `base`; then forgets them. In a title line (`title`) nothing is counted: a heading names its topic.
 */
export function endSentence(s: MatchState, matcher: Matcher, tokens: number, base: number, out: MatchListBuilder, title = false): void {
  const entries = s.entries;
  const cues = s.cues;
  if (entries.count > 0) annotate(s, matcher, tokens, base, out, title);
  entries.count = 0;
  cues.count = 0;
  s.spanFirst = NO_SPAN;
  s.spanLast = 0;
}

function annotate(s: MatchState, matcher: Matcher, tokens: number, base: number, out: MatchListBuilder, title: boolean): void {
  const entries = s.entries;
  const cues = s.cues;
  if (cues.count === 0 && disjoint(entries)) {
    // The commonest sentences: candidates that overlap nothing, and no cue to change them; each one stands as it is.
    for (let i = 0; i < entries.count; i++) {
      const entry = matcher.entryList[entries.value[i]];
      if (entry.polarity === null || entry.category === null) continue;
      if (title) out.add(entries.start[i] - base, entries.end[i] - base, entries.value[i], RULE_TOPIC, TOPIC_TITLE);
      else if (entry.topic) out.add(entries.start[i] - base, entries.end[i] - base, entries.value[i], RULE_TOPIC, TOPIC_NOUN);
      else out.add(entries.start[i] - base, entries.end[i] - base, entries.value[i], RULE_NONE, -1);
    }
    return;
  }
  if (s.owner.length < tokens) s.owner = new Int32Array(tokens * 2);
  const owner = s.owner;
  const from = s.spanFirst;
  const to = s.spanLast;
  owner.fill(0, from, to);
  resolve(s, entries, 1);
  resolve(s, cues, -1);

  // breaksBefore[k − from]: accepted clause-break cues starting before token k, so "a break between" is one subtraction.
  if (s.breaksBefore.length < to - from + 1) {
    s.breaksBefore = new Int32Array((to - from + 1) * 2);
    s.predicatesBefore = new Int32Array((to - from + 1) * 2);
  }
  const breaksBefore = s.breaksBefore;
  const predicatesBefore = s.predicatesBefore;
  let breaks = 0;
  let predicates = 0;
  for (let k = from; k < to; k++) {
    breaksBefore[k - from] = breaks;
    predicatesBefore[k - from] = predicates;
    const o = owner[k];
    if (o < 0 && cues.first[-o - 1] === k) {
      const kind = matcher.cueList[cues.value[-o - 1]].kind;
      if (kind === 'break') breaks++;
      else if (kind === 'predicate') predicates++;
    }
  }
  breaksBefore[to - from] = breaks;
  predicatesBefore[to - from] = predicates;
  for (let k = from; k < to; k++) {
    const o = owner[k];
    if (o <= 0 || entries.first[o - 1] !== k) continue;
    const winner = o - 1;
    const entryIndex = entries.value[winner];
    const entry = matcher.entryList[entryIndex];
    if (entry.polarity === null || entry.category === null) continue;
    const overridden = entries.last[winner] - k > 1 ? overriddenEntry(s, matcher, winner) : -1;
    const cue = nearestCue(s, matcher, winner, from, to, false);
    let rule = overridden >= 0 ? RULE_DIRECTION : RULE_NONE;
    let argument = overridden;
    if (cue >= 0) {
      const cueRule = cueRuleFor(matcher.cueList[cue], entry.polarity === 'control');
      if (cueRule !== RULE_NONE) {
        rule = cueRule;
        // A definition keeps no cue index: the explanation names the clause, not the cue.
        argument = cueRule === RULE_TOPIC ? TOPIC_DEFINITION : cue;
      }
    }
    if (rule === RULE_NONE || rule === RULE_DIRECTION) {
      if (title) {
        rule = RULE_TOPIC;
        argument = TOPIC_TITLE;
      } else if (entry.topic && nearestCue(s, matcher, winner, from, to, true) < 0) {
        rule = RULE_TOPIC;
        argument = TOPIC_NOUN;
      }
    }
    out.add(entries.start[winner] - base, entries.end[winner] - base, entryIndex, rule, rule === RULE_NONE ? -1 : argument);
  }
}

/**
 * What a cue does to a match of the given polarity. Protection, target and object cues move a control match to
 * engagement; on an engagement match a protection cue negates and the others do nothing. A define cue marks a
 * definition or scope clause: its matches of either polarity are shown and not counted (scheme: definitions are
 * neutral).
 */
function cueRuleFor(cue: CompiledCue, control: boolean): number {
  switch (cue.effect) {
    case 'negate':
      return RULE_NEGATION;
    case 'exempt':
      return RULE_EXEMPTION;
    case 'protect':
      return control && cue.protectionCategory !== null ? RULE_PROTECTION : RULE_NEGATION;
    case 'target':
      return control && cue.protectionCategory !== null ? RULE_TARGET : RULE_NONE;
    case 'object':
      return control && cue.protectionCategory !== null ? RULE_PROTECTION : RULE_NONE;
    case 'define':
      return RULE_TOPIC;
    default:
      return RULE_NONE;
  }
}

/** True when no two candidates share a token. They come in the order of their last tokens, so each must start after the one before ends. */
function disjoint(c: Candidates): boolean {
  for (let i = 1; i < c.count; i++) if (c.first[i] < c.last[i - 1]) return false;
  return true;
}

/**
 * Longest first, then leftmost, then the earlier lexicon line; keeps those that overlap nothing kept, marking
 * their tokens in `owner` (entries with sign 1, cues with sign −1).
 */
function resolve(s: MatchState, c: Candidates, sign: 1 | -1): void {
  const n = c.count;
  if (s.order.length < n) s.order = new Int32Array(n * 2);
  const order = s.order;
  const owner = s.owner;
  for (let i = 0; i < n; i++) order[i] = i;
  if (n <= INSERTION_SORT_LIMIT) {
    for (let i = 1; i < n; i++) {
      const x = order[i];
      let j = i - 1;
      while (j >= 0 && compare(c, order[j], x) > 0) {
        order[j + 1] = order[j];
        j--;
      }
      order[j + 1] = x;
    }
  } else {
    order.set(Array.from(order.subarray(0, n)).sort((a, b) => compare(c, a, b)));
  }
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
  }
}

function compare(c: Candidates, a: number, b: number): number {
  return c.last[b] - c.first[b] - (c.last[a] - c.first[a]) || c.first[a] - c.first[b] || c.value[a] - c.value[b];
}

/** The earliest-listed shorter entry inside a phrase whose polarity the phrase reverses, or −1. */
function overriddenEntry(s: MatchState, matcher: Matcher, winner: number): number {
  const c = s.entries;
  const first = c.first[winner];
  const last = c.last[winner];
  const polarity = matcher.entryList[c.value[winner]].polarity;
  let found = -1;
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
    const other = matcher.entryList[value].polarity;
    if (other === null || other === polarity) continue;
    if (found < 0 || value < found) found = value;
  }
  return found;
}

/**
 * The closest before- or after-cue in the same clause and within the cue's window, or −1; on a tie the cue before.
 * Only the tokens within the longest window on either side are looked at, so a sentence of thousands of cues costs
 * a bounded amount per entry.
 */
function nearestCue(s: MatchState, matcher: Matcher, winner: number, from: number, to: number, acts: boolean): number {
  const cues = s.cues;
  const entries = s.entries;
  const owner = s.owner;
  const first = entries.first[winner];
  const last = entries.last[winner];
  const clause = entries.clause[winner];
  let best = -1;
  let bestGap = Infinity;
  // Before-cues end at token k < first; the nearest is found first, walking left.
  for (let k = first - 1; k >= from && first - 1 - k <= matcher.widestCueWindow; k--) {
    const o = owner[k];
    if (o >= 0) continue;
    const i = -o - 1;
    if (cues.last[i] - 1 !== k) continue;
    const cue = matcher.cueList[cues.value[i]];
    const gap = first - cues.last[i];
    if (cue.kind !== 'before' || cue.effect === 'none' || (cue.effect === 'act') !== acts || cues.clause[i] !== clause || gap > cue.window) continue;
    if (breakBetween(s, cues.last[i] - 1, first, from)) continue;
    if (cue.phrase && s.predicatesBefore[first - from] - s.predicatesBefore[cues.last[i] - from] > 0) continue;
    best = cue.order;
    bestGap = gap;
    break;
  }
  // After-cues start at token k ≥ last; one wins only when strictly nearer.
  for (let k = last; k < to && k - last < bestGap && k - last <= matcher.widestCueWindow; k++) {
    const o = owner[k];
    if (o >= 0) continue;
    const i = -o - 1;
    if (cues.first[i] !== k) continue;
    const cue = matcher.cueList[cues.value[i]];
    const gap = k - last;
    if (cue.kind !== 'after' || cue.effect === 'none' || (cue.effect === 'act') !== acts || cues.clause[i] !== clause || gap > cue.window) continue;
    if (breakBetween(s, last - 1, k, from)) continue;
    return cue.order;
  }
  return best;
}

/** True when a clause-break cue starts strictly between tokens a < b. */
function breakBetween(s: MatchState, a: number, b: number, from: number): boolean {
  return s.breaksBefore[b - from] - s.breaksBefore[a + 1 - from] > 0;
}
