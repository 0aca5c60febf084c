// Turns the lexicon-relevant tokens of one sentence into annotations: longest entries first, then the cues
// around them (negation, exemption, protection) and the direction rule for phrases that override a
// shorter entry of another polarity.
import { isPhraseJoiner } from './chars';
import { CompiledCue, CompiledEntry, CUE_START, ENTRY_START, Matcher, TrieNode } from './matcher';
import { SentenceBuffer } from './sentenceBuffer';
import { Match } from './types';

interface Candidate<T> {
  first: number;
  /** Exclusive. */
  last: number;
  value: T;
}

let covered = new Uint8Array(256);

/** Appends the sentence's annotations to `out`, with offsets relative to `base`. */
export function matchSentence(text: string, buf: SentenceBuffer, matcher: Matcher, base: number, out: Match[]): void {
  const n = buf.count;
  const entries: Candidate<CompiledEntry>[] = [];
  for (let k = 0; k < n; k++) if (startsWith(buf, k, matcher.startMask, ENTRY_START)) walk(matcher.entries, text, buf, k, entries);
  if (entries.length === 0) return;
  const cues: Candidate<CompiledCue>[] = [];
  for (let k = 0; k < n; k++) {
    if (!startsWith(buf, k, matcher.startMask, CUE_START)) continue;
    walk(matcher.cues.before, text, buf, k, cues);
    walk(matcher.cues.after, text, buf, k, cues);
    walk(matcher.cues.break, text, buf, k, cues);
  }
  if (covered.length < n) covered = new Uint8Array(n * 2);
  covered.fill(0, 0, n);
  const accepted = resolve(entries, covered);
  const acceptedCues = resolve(
    cues.filter((c) => !overlapsCovered(c, covered)),
    covered,
  );
  for (const winner of accepted) {
    const entry = winner.value;
    if (entry.polarity === null || entry.category === null) continue;
    const start = buf.starts[winner.first];
    const end = buf.ends[winner.last - 1];
    const match: Match = {
      start: start - base,
      end: end - base,
      text: text.slice(start, end),
      polarity: entry.polarity,
      category: entry.category,
      entry: entry.term,
      weight: entry.weightMilli / 1000,
      rule: null,
      ruleDetail: null,
      negated: false,
    };
    const overridden = winner.last - winner.first > 1 ? overriddenEntry(winner, entries) : null;
    if (overridden) {
      match.rule = 'direction';
      match.ruleDetail = `the phrase "${entry.term}" overrides "${overridden.term}" (${overridden.polarity})`;
    }
    const cue = nearestCue(winner, acceptedCues, buf);
    if (cue) applyCue(match, cue.value);
    out.push(match);
  }
}

function startsWith(buf: SentenceBuffer, k: number, mask: Uint8Array, bit: number): boolean {
  const slots = buf.slots[k];
  if (slots === null) return false;
  for (let s = 0; s < slots.length; s++) if ((mask[slots[s]] & bit) !== 0) return true;
  return false;
}

function walk<T>(root: TrieNode<T>, text: string, buf: SentenceBuffer, k: number, out: Candidate<T>[]): void {
  const first = buf.slots[k];
  if (first === null || root.next === null) return;
  if (first.length > 1) {
    const frontier: TrieNode<T>[] = [];
    for (let s = 0; s < first.length; s++) {
      const child = root.next.get(first[s]);
      if (child) frontier.push(child);
    }
    walkFrontier(frontier, text, buf, k, k, out);
    return;
  }
  // Most tokens fill one slot: follow a single path without allocating.
  let node = root.next.get(first[0]);
  let j = k;
  while (node) {
    if (node.value !== null) out.push({ first: k, last: j + 1, value: node.value });
    if (node.next === null || !continues(text, buf, j)) return;
    const nextSlots = buf.slots[j + 1] as Int32Array;
    if (nextSlots.length > 1) {
      walkFrontier([node], text, buf, k, j, out, true);
      return;
    }
    node = node.next.get(nextSlots[0]);
    j++;
  }
}

/** The general walk, for tokens that fill several slots; `advanced` when the frontier's terminals are already out. */
function walkFrontier<T>(frontier: TrieNode<T>[], text: string, buf: SentenceBuffer, k: number, j: number, out: Candidate<T>[], advanced = false): void {
  let skipTerminals = advanced;
  while (frontier.length > 0) {
    if (!skipTerminals) for (const node of frontier) if (node.value !== null) out.push({ first: k, last: j + 1, value: node.value });
    skipTerminals = false;
    if (!continues(text, buf, j)) return;
    const nextSlots = buf.slots[j + 1] as Int32Array;
    const next: TrieNode<T>[] = [];
    for (const node of frontier) {
      if (node.next === null) continue;
      for (let s = 0; s < nextSlots.length; s++) {
        const child = node.next.get(nextSlots[s]);
        if (child) next.push(child);
      }
    }
    frontier = next;
    j++;
  }
}

/** True when token j + 1 is relevant, adjacent to token j, and only joiners stand between them. */
function continues(text: string, buf: SentenceBuffer, j: number): boolean {
  return j + 1 < buf.count && buf.slots[j + 1] !== null && buf.ordinals[j + 1] === buf.ordinals[j] + 1 && joinable(text, buf.ends[j], buf.starts[j + 1]);
}

function joinable(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!isPhraseJoiner(text.charCodeAt(i))) return false;
  return true;
}

interface Ordered {
  order: number;
}

/** Longest first, then leftmost, then the earlier lexicon line; keeps those that overlap nothing kept. */
function resolve<T extends Ordered>(candidates: Candidate<T>[], taken: Uint8Array): Candidate<T>[] {
  candidates.sort((a, b) => b.last - b.first - (a.last - a.first) || a.first - b.first || a.value.order - b.value.order);
  const kept: Candidate<T>[] = [];
  for (const c of candidates) {
    if (overlapsCovered(c, taken)) continue;
    taken.fill(1, c.first, c.last);
    kept.push(c);
  }
  return kept.sort((a, b) => a.first - b.first);
}

function overlapsCovered<T>(c: Candidate<T>, taken: Uint8Array): boolean {
  for (let k = c.first; k < c.last; k++) if (taken[k] === 1) return true;
  return false;
}

/** The earliest-listed shorter entry inside a phrase whose polarity the phrase reverses. */
function overriddenEntry(winner: Candidate<CompiledEntry>, all: Candidate<CompiledEntry>[]): CompiledEntry | null {
  let found: CompiledEntry | null = null;
  for (const c of all) {
    if (c === winner || c.first >= winner.last || c.last <= winner.first) continue;
    if (c.value.polarity === null || c.value.polarity === winner.value.polarity) continue;
    if (found === null || c.value.order < found.order) found = c.value;
  }
  return found;
}

/** The closest before- or after-cue in the same clause and within the cue's window. */
function nearestCue(winner: Candidate<CompiledEntry>, cues: Candidate<CompiledCue>[], buf: SentenceBuffer): Candidate<CompiledCue> | null {
  let best: Candidate<CompiledCue> | null = null;
  let bestGap = Infinity;
  for (const cue of cues) {
    if (cue.value.effect === 'none') continue;
    let gap: number;
    if (cue.value.kind === 'before' && cue.last <= winner.first) {
      gap = buf.ordinals[winner.first] - buf.ordinals[cue.last - 1] - 1;
      if (!sameClause(buf, cues, cue.last - 1, winner.first)) continue;
    } else if (cue.value.kind === 'after' && cue.first >= winner.last) {
      gap = buf.ordinals[cue.first] - buf.ordinals[winner.last - 1] - 1;
      if (!sameClause(buf, cues, winner.last - 1, cue.first)) continue;
    } else continue;
    if (gap <= cue.value.window && gap < bestGap) {
      best = cue;
      bestGap = gap;
    }
  }
  return best;
}

/** No clause punctuation and no clause-break word between tokens a < b. */
function sameClause(buf: SentenceBuffer, cues: Candidate<CompiledCue>[], a: number, b: number): boolean {
  if (buf.clauses[a] !== buf.clauses[b]) return false;
  for (const cue of cues) if (cue.value.kind === 'break' && cue.first > a && cue.first < b) return false;
  return true;
}

function applyCue(match: Match, cue: CompiledCue): void {
  if (cue.effect === 'protect' && match.polarity === 'control' && cue.protectionCategory !== null) {
    match.polarity = 'engagement';
    match.category = cue.protectionCategory;
    match.rule = 'protection';
    match.ruleDetail = `"${cue.cue}" protects people from "${match.text}"`;
    return;
  }
  match.negated = true;
  if (cue.effect === 'exempt') {
    match.rule = 'exemption';
    match.ruleDetail = `exempted by "${cue.cue}"`;
  } else {
    match.rule = 'negation';
    match.ruleDetail = `negated by "${cue.cue}"`;
  }
}
