// Turns the lexicon-relevant tokens of one sentence into annotations: longest entries first, then the cues
// around them (negation, exemption, protection) and the direction rule for phrases that override a
// shorter entry of another polarity. Runs once per sentence, so all its working state lives in reusable
// typed arrays: nothing is allocated per token or per candidate.
import { isPhraseJoiner } from './chars';
import { MatchListBuilder, RULE_DIRECTION, RULE_EXEMPTION, RULE_NEGATION, RULE_NONE, RULE_PROTECTION } from './matchList';
import { Matcher } from './matcher';
import { SentenceBuffer } from './sentenceBuffer';
import { SlotTrie } from './slotTrie';

/** Spans of tokens `[first, last)` that spell a trie path, with the value found at its end. */
class Candidates {
  count = 0;
  first = new Int32Array(64);
  last = new Int32Array(64);
  value = new Int32Array(64);

  push(first: number, last: number, value: number): void {
    if (this.count === this.first.length) {
      this.first = grown(this.first);
      this.last = grown(this.last);
      this.value = grown(this.value);
    }
    this.first[this.count] = first;
    this.last[this.count] = last;
    this.value[this.count] = value;
    this.count++;
  }
}

/** Up to this many candidates are ordered by insertion sort; more (a hostile sentence) by Array.sort. */
const INSERTION_SORT_LIMIT = 32;

const entryCandidates = new Candidates();
const cueCandidates = new Candidates();
/** Per token, the accepted candidate covering it: entry i as i + 1, cue i as −(i + 1), none as 0. */
let owner = new Int32Array(256);
let order = new Int32Array(64);
/** Accepted cues, by first token. */
let acceptedCues = new Int32Array(64);
let frontier = new Int32Array(64);
let nextFrontier = new Int32Array(64);

/** Adds the sentence's annotations to `out`, with offsets relative to `base`. */
export function matchSentence(text: string, buf: SentenceBuffer, matcher: Matcher, base: number, out: MatchListBuilder): void {
  const n = buf.count;
  const entries = entryCandidates;
  const cues = cueCandidates;
  entries.count = 0;
  cues.count = 0;
  for (let k = 0; k < n; k++) walk(matcher.paths, text, buf, k);
  if (entries.count === 0) return;
  if (owner.length < n) owner = new Int32Array(n * 2);
  owner.fill(0, 0, n);
  resolve(entries, 1);
  resolve(cues, -1);

  let cueCount = 0;
  if (acceptedCues.length < cues.count) acceptedCues = new Int32Array(cues.count * 2);
  for (let k = 0; k < n; k++) {
    const o = owner[k];
    if (o < 0 && cues.first[-o - 1] === k) acceptedCues[cueCount++] = -o - 1;
  }
  for (let k = 0; k < n; k++) {
    const o = owner[k];
    if (o <= 0 || entries.first[o - 1] !== k) continue;
    const winner = o - 1;
    const entryIndex = entries.value[winner];
    const entry = matcher.entryList[entryIndex];
    if (entry.polarity === null || entry.category === null) continue;
    const last = entries.last[winner];
    const overridden = last - k > 1 ? overriddenEntry(matcher, winner) : -1;
    const cue = nearestCue(matcher, winner, cueCount, buf);
    let rule = overridden >= 0 ? RULE_DIRECTION : RULE_NONE;
    if (cue >= 0) {
      const rules = matcher.cueList[cue];
      if (rules.effect === 'protect' && entry.polarity === 'control' && rules.protectionCategory !== null) rule = RULE_PROTECTION;
      else rule = rules.effect === 'exempt' ? RULE_EXEMPTION : RULE_NEGATION;
    }
    out.add(buf.starts[k] - base, buf.ends[last - 1] - base, entryIndex, rule, rule === RULE_DIRECTION ? overridden : cue);
  }
}

/** Every path of `trie` that starts at token k, as entry and cue candidates. */
function walk(trie: SlotTrie, text: string, buf: SentenceBuffer, k: number): void {
  const from = buf.slotStart[k];
  const to = buf.slotStart[k + 1];
  if (to - from > 1) {
    let size = 0;
    for (let s = from; s < to; s++) {
      const child = trie.child(0, buf.slots[s]);
      if (child !== 0) {
        if (size === frontier.length) frontier = grown(frontier);
        frontier[size++] = child;
      }
    }
    walkFrontier(trie, text, buf, k, k, size, false);
    return;
  }
  // Most tokens fill one slot: follow a single path.
  let node = trie.child(0, buf.slots[from]);
  let j = k;
  while (node !== 0) {
    candidates(trie, node, k, j + 1);
    if (trie.inner[node] === 0 || !continues(text, buf, j)) return;
    const next = buf.slotStart[j + 1];
    if (buf.slotStart[j + 2] - next > 1) {
      frontier[0] = node;
      walkFrontier(trie, text, buf, k, j, 1, true);
      return;
    }
    node = trie.child(node, buf.slots[next]);
    j++;
  }
}

/** The general walk over `frontier[0, size)`, for tokens that fill several slots; `advanced` when the frontier's values are already out. */
function walkFrontier(trie: SlotTrie, text: string, buf: SentenceBuffer, k: number, j: number, size: number, advanced: boolean): void {
  let skipValues = advanced;
  while (size > 0) {
    if (!skipValues) for (let f = 0; f < size; f++) candidates(trie, frontier[f], k, j + 1);
    skipValues = false;
    if (!continues(text, buf, j)) return;
    let nextSize = 0;
    for (let f = 0; f < size; f++) {
      const node = frontier[f];
      if (trie.inner[node] === 0) continue;
      for (let s = buf.slotStart[j + 1]; s < buf.slotStart[j + 2]; s++) {
        const child = trie.child(node, buf.slots[s]);
        if (child === 0) continue;
        if (nextSize === nextFrontier.length) nextFrontier = grown(nextFrontier);
        nextFrontier[nextSize++] = child;
      }
    }
    const swap = frontier;
    frontier = nextFrontier;
    nextFrontier = swap;
    size = nextSize;
    j++;
  }
}

/** The entries and cues at `node` as candidates spanning tokens `[first, last)`. */
function candidates(trie: SlotTrie, node: number, first: number, last: number): void {
  for (let v = trie.valueStart[node]; v < trie.valueStart[node + 1]; v++) {
    const value = trie.valueList[v];
    if (value >= 0) entryCandidates.push(first, last, value);
    else cueCandidates.push(first, last, ~value);
  }
}

/** True when token j + 1 exists, is adjacent to token j, and only joiners stand between them. */
function continues(text: string, buf: SentenceBuffer, j: number): boolean {
  return j + 1 < buf.count && buf.ordinals[j + 1] === buf.ordinals[j] + 1 && joinable(text, buf.ends[j], buf.starts[j + 1]);
}

function joinable(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!isPhraseJoiner(text.charCodeAt(i))) return false;
  return true;
}

/**
 * Longest first, then leftmost, then the earlier lexicon line; keeps those that overlap nothing kept, marking
 * their tokens in `owner` (entries with sign 1, cues with sign −1).
 */
function resolve(c: Candidates, sign: 1 | -1): void {
  const n = c.count;
  if (order.length < n) order = new Int32Array(n * 2);
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
    if (free) owner.fill(sign * (i + 1), first, last);
  }
}

function compare(c: Candidates, a: number, b: number): number {
  return c.last[b] - c.first[b] - (c.last[a] - c.first[a]) || c.first[a] - c.first[b] || c.value[a] - c.value[b];
}

/** The earliest-listed shorter entry inside a phrase whose polarity the phrase reverses, or −1. */
function overriddenEntry(matcher: Matcher, winner: number): number {
  const c = entryCandidates;
  const first = c.first[winner];
  const last = c.last[winner];
  const polarity = matcher.entryList[c.value[winner]].polarity;
  let found = -1;
  for (let i = 0; i < c.count; i++) {
    if (i === winner || c.first[i] >= last || c.last[i] <= first) continue;
    const value = c.value[i];
    const other = matcher.entryList[value].polarity;
    if (other === null || other === polarity) continue;
    if (found < 0 || value < found) found = value;
  }
  return found;
}

/** The closest before- or after-cue in the same clause and within the cue's window, or −1. */
function nearestCue(matcher: Matcher, winner: number, cueCount: number, buf: SentenceBuffer): number {
  const cues = cueCandidates;
  const first = entryCandidates.first[winner];
  const last = entryCandidates.last[winner];
  let best = -1;
  let bestGap = Infinity;
  for (let a = 0; a < cueCount; a++) {
    const i = acceptedCues[a];
    const cue = matcher.cueList[cues.value[i]];
    if (cue.effect === 'none') continue;
    let gap: number;
    if (cue.kind === 'before' && cues.last[i] <= first) {
      gap = buf.ordinals[first] - buf.ordinals[cues.last[i] - 1] - 1;
      if (!sameClause(matcher, buf, cueCount, cues.last[i] - 1, first)) continue;
    } else if (cue.kind === 'after' && cues.first[i] >= last) {
      gap = buf.ordinals[cues.first[i]] - buf.ordinals[last - 1] - 1;
      if (!sameClause(matcher, buf, cueCount, last - 1, cues.first[i])) continue;
    } else continue;
    if (gap <= cue.window && gap < bestGap) {
      best = cue.order;
      bestGap = gap;
    }
  }
  return best;
}

/** No clause punctuation and no clause-break word between tokens a < b. */
function sameClause(matcher: Matcher, buf: SentenceBuffer, cueCount: number, a: number, b: number): boolean {
  if (buf.clauses[a] !== buf.clauses[b]) return false;
  const cues = cueCandidates;
  for (let x = 0; x < cueCount; x++) {
    const i = acceptedCues[x];
    if (matcher.cueList[cues.value[i]].kind === 'break' && cues.first[i] > a && cues.first[i] < b) return false;
  }
  return true;
}

function grown(a: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}
