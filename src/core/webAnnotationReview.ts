// What the store's annotations do to one document's matches: each match's review verdict (a review at its span,
// else a workspace-wide one for its entry), the manual codes and memos anchored in the current text, the orphans,
// and the "as reviewed" figures (rejected matches removed, manual codes with a polarity added).
import { lean, polarityTally, Sum } from './tally';
import type { Lean, Match, Polarity, PolarityTally, Units } from './types';
import type { AnnotationCollection, ReviewScope, ReviewValue, WebAnnotation } from './webAnnotation';
import { AnchorStatus, anchorQuote, anchorSelectors } from './webAnnotationSelectors';

/** A verdict on a match, with who gave it, when and why. */
export interface ReviewVerdict {
  id: string;
  value: ReviewValue;
  scope: ReviewScope;
  creator: string;
  modified: string;
  reason: string | null;
}

/** A manual code (classifying) or a memo (commenting), placed in the current text. */
export interface PlacedNote {
  id: string;
  kind: 'code' | 'memo';
  /** The code or category id; null for a memo. */
  code: string | null;
  /** The code's polarity when it is a lexicon category or a codebook code with one; null otherwise. */
  polarity: Polarity | null;
  memo: string | null;
  status: AnchorStatus;
  start: number;
  end: number;
  quote: string;
  creator: string;
  modified: string;
}

/** A review whose span is no longer in the text. */
export interface OrphanReview {
  id: string;
  value: ReviewValue;
  entry: string;
  quote: string;
  reason: string | null;
}

export interface DocumentReview {
  /** Parallel to the matches given: each one's verdict, or null. */
  verdicts: (ReviewVerdict | null)[];
  /** Manual codes and memos, anchored ones and orphans, in document order of where they were. */
  notes: PlacedNote[];
  orphanReviews: OrphanReview[];
  /** True when anything in the store applies to this document: a verdict, a code or a memo. */
  reviewed: boolean;
  /** Where each anchored annotation of the document stands now, by id: the hints for the next anchoring. */
  anchored: Map<string, number>;
}

/** What a code id means for the figures: its polarity (null: counted only as a code). */
export type CodePolarity = (code: string) => Polarity | null;

/** Workspace-wide verdicts by entry and category (the latest wins). */
export function workspaceVerdicts(collection: AnnotationCollection): Map<string, ReviewVerdict> {
  const out = new Map<string, ReviewVerdict>();
  for (const a of collection.first.items) {
    const body = a.body[0];
    if (body.purpose !== 'assessing' || body.scope !== 'workspace') continue;
    const key = entryKey(body.entry, body.category);
    const verdict = verdictOf(a);
    const existing = out.get(key);
    if (!existing || existing.modified < verdict.modified) out.set(key, verdict);
  }
  return out;
}

function entryKey(entry: string, category: string): string {
  return `${category}\u0000${entry}`;
}

/** The annotations of one document placed in its current text: everything but the per-match verdicts. */
export interface PlacedReview {
  notes: PlacedNote[];
  orphanReviews: OrphanReview[];
  anchored: Map<string, number>;
  /** False when no verdict can apply to any match of the document, so every verdict is null. */
  hasVerdicts: boolean;
  /** A match's verdict: a review at its span, else a workspace-wide one for its entry, else null. */
  verdictOf(match: Match): ReviewVerdict | null;
}

/**
 * Places the annotations of `source` in its current `text`, at a cost that grows with the annotations, not with the
 * document's matches.
 */
export function placeReview(
  text: string,
  source: string,
  collection: AnnotationCollection,
  codePolarity: CodePolarity,
  workspace: Map<string, ReviewVerdict> = workspaceVerdicts(collection),
  hints: ReadonlyMap<string, number> = new Map(),
): PlacedReview {
  const anchored = new Map<string, number>();
  const local = new Map<string, ReviewVerdict>();
  const notes: PlacedNote[] = [];
  const orphanReviews: OrphanReview[] = [];
  for (const a of collection.first.items) {
    if (a.target.source !== source) continue;
    const [quote, position] = a.target.selector;
    const hint = hints.get(a.id);
    const anchor = hint === undefined ? anchorSelectors(text, quote, position) : anchorQuote(text, quote, hint);
    if (anchor.status !== 'orphan') anchored.set(a.id, anchor.start);
    const body = a.body[0];
    if (body.purpose === 'assessing') {
      if (anchor.status === 'orphan') {
        orphanReviews.push({ id: a.id, value: body.value, entry: body.entry, quote: quote.exact, reason: memoOf(a) });
        continue;
      }
      // A span can hold one match per entry; the latest verdict on it wins.
      const key = `${anchor.start}:${anchor.end}:${entryKey(body.entry, body.category)}`;
      const verdict = verdictOf(a);
      const existing = local.get(key);
      if (!existing || existing.modified < verdict.modified) local.set(key, verdict);
      continue;
    }
    const code = body.purpose === 'classifying' ? body.value : null;
    notes.push({
      id: a.id,
      kind: code === null ? 'memo' : 'code',
      code,
      polarity: code === null ? null : codePolarity(code),
      memo: body.purpose === 'commenting' ? body.value : memoOf(a),
      status: anchor.status,
      start: anchor.start,
      end: anchor.end,
      quote: quote.exact,
      creator: a.creator.name,
      modified: a.modified,
    });
  }
  notes.sort((x, y) => x.start - y.start || x.end - y.end || (x.id < y.id ? -1 : 1));
  const hasVerdicts = local.size > 0 || workspace.size > 0;
  const verdictFor = (m: Match): ReviewVerdict | null => {
    if (!hasVerdicts) return null;
    const key = entryKey(m.entry, m.category);
    return local.get(`${m.start}:${m.end}:${key}`) ?? workspace.get(key) ?? null;
  };
  return { notes, orphanReviews, anchored, hasVerdicts, verdictOf: verdictFor };
}

/**
 * Applies the annotations of `source` (and the workspace-wide verdicts) to the matches of its current `text`.
 * `matches` are the analysis's, in document order.
 */
export function reviewDocument(
  text: string,
  source: string,
  matches: readonly Match[],
  collection: AnnotationCollection,
  codePolarity: CodePolarity,
  workspace: Map<string, ReviewVerdict> = workspaceVerdicts(collection),
  hints: ReadonlyMap<string, number> = new Map(),
): DocumentReview {
  const placed = placeReview(text, source, collection, codePolarity, workspace, hints);
  const verdicts = matches.map(placed.verdictOf);
  const reviewed = placed.notes.length > 0 || placed.orphanReviews.length > 0 || verdicts.some((v) => v !== null);
  return { verdicts, notes: placed.notes, orphanReviews: placed.orphanReviews, reviewed, anchored: placed.anchored };
}

function verdictOf(a: WebAnnotation): ReviewVerdict {
  const body = a.body[0];
  if (body.purpose !== 'assessing') throw new TypeError('not a review');
  return { id: a.id, value: body.value, scope: body.scope, creator: a.creator.name, modified: a.modified, reason: memoOf(a) };
}

function memoOf(a: WebAnnotation): string | null {
  const memo = a.body.find((b, i) => i > 0 && b.purpose === 'commenting');
  return memo ? memo.value : null;
}

/** How often reviewers rejected each entry's counted matches in a document: "rejected 4 of 10". */
export interface EntryReviewCount {
  entry: string;
  category: string;
  matches: number;
  accepted: number;
  rejected: number;
}

export function entryReviewCounts(matches: readonly Match[], verdicts: readonly (ReviewVerdict | null)[]): EntryReviewCount[] {
  const byEntry = new Map<string, EntryReviewCount>();
  matches.forEach((m, i) => {
    if (m.negated) return;
    const key = entryKey(m.entry, m.category);
    let row = byEntry.get(key);
    if (!row) byEntry.set(key, (row = { entry: m.entry, category: m.category, matches: 0, accepted: 0, rejected: 0 }));
    row.matches++;
    const v = verdicts[i];
    if (v?.value === 'rejected') row.rejected++;
    else if (v?.value === 'accepted') row.accepted++;
  });
  return [...byEntry.values()].sort(byRejections);
}

/**
 * The rows of `entryReviewCounts` for a document nothing reviews, from its counted annotations per entry
 * (`category\u0000entry`, in the order of their first annotation).
 */
export function unreviewedEntryCounts(counts: ReadonlyMap<string, number>): EntryReviewCount[] {
  const rows: EntryReviewCount[] = [];
  for (const [key, matches] of counts) {
    const cut = key.indexOf('\u0000');
    rows.push({ entry: key.slice(cut + 1), category: key.slice(0, cut), matches, accepted: 0, rejected: 0 });
  }
  return rows.sort(byRejections);
}

function byRejections(a: EntryReviewCount, b: EntryReviewCount): number {
  return b.rejected - a.rejected || b.matches - a.matches || (a.entry < b.entry ? -1 : a.entry > b.entry ? 1 : 0);
}

/** One counted item of the reviewed figures: a match kept by review, or a manual code with a polarity. */
export interface ReviewedItem {
  start: number;
  polarity: Polarity;
  weight: number;
  /** The sentence unit it falls in: the match's sentence, or for a code the sentence of a match inside it. */
  unit: number | string;
}

/**
 * The items the reviewed figures count: matches not negated and not rejected, then anchored manual codes with a
 * polarity (weight 1). A code counts in the sentence of a match it covers; a code covering no match is a unit of
 * its own (the engine's sentence boundaries are not exposed by offset).
 */
export function reviewedItems(matches: readonly Match[], review: { readonly verdicts: readonly (ReviewVerdict | null)[]; readonly notes: readonly PlacedNote[] }): ReviewedItem[] {
  const items: ReviewedItem[] = [];
  matches.forEach((m, i) => {
    if (!m.negated && review.verdicts[i]?.value !== 'rejected') items.push({ start: m.start, polarity: m.polarity, weight: m.weight, unit: m.sentence });
  });
  for (const n of review.notes) {
    if (n.kind !== 'code' || n.status === 'orphan' || n.polarity === null) continue;
    const inside = matches.find((m) => m.start >= n.start && m.start < n.end);
    items.push({ start: n.start, polarity: n.polarity, weight: 1, unit: inside ? inside.sentence : `code:${n.id}` });
  }
  return items;
}

/** The automatic figures' shape (units, matches, lean), recomputed from reviewed items. */
export interface ReviewedFigures {
  units: Units;
  control: PolarityTally;
  engagement: PolarityTally;
  lean: Lean;
}

/** Figures of the items starting in `[from, to)`, over `words` words and `sentences` sentences. */
export function reviewedFigures(items: readonly ReviewedItem[], words: number, sentences: number, from = 0, to = Infinity): ReviewedFigures {
  const control: Sum = { matches: 0, weightMilli: 0 };
  const engagement: Sum = { matches: 0, weightMilli: 0 };
  const controlUnits = new Set<number | string>();
  const engagementUnits = new Set<number | string>();
  for (const item of items) {
    if (item.start < from || item.start >= to) continue;
    const sum = item.polarity === 'control' ? control : engagement;
    sum.matches++;
    sum.weightMilli += Math.round(item.weight * 1000);
    (item.polarity === 'control' ? controlUnits : engagementUnits).add(item.unit);
  }
  let both = 0;
  for (const u of controlUnits) if (engagementUnits.has(u)) both++;
  // Codes covering no match are units of their own, beyond the engine's sentence count.
  const extra = new Set([...controlUnits, ...engagementUnits].filter((u) => typeof u === 'string')).size;
  const units: Units = { sentences: sentences + extra, control: controlUnits.size, engagement: engagementUnits.size, both };
  return { units, control: polarityTally(control, words), engagement: polarityTally(engagement, words), lean: lean(units) };
}
