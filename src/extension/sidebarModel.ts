// Turns stored tallies into the sidebar's data. Pure (no `vscode`), so unit tests can run it in plain Node.
import type { Lean, LeanLabel, Match, PolarityTally, SectionTally, Tally, Units } from '../core/types';
import type {
  SidebarActiveDocument,
  SidebarCategory,
  SidebarChartColumn,
  SidebarLean,
  SidebarModel,
  SidebarOpenDocument,
  SidebarPolarityCount,
  SidebarReviewed,
  SidebarSection,
  SidebarSectionChanges,
  SidebarStrings,
  SidebarTerm,
  SidebarUnits,
  ToWebviewMessage,
} from '../shared/sidebarMessages';
import { chartColumns, sameColumn, sameUnits } from './sidebarChart';
import { MEASUREMENT, type TermStanding } from './store';

/** How many of the most frequent terms the sidebar lists. */
export const TOP_TERM_COUNT = 12;

/** One annotated document as the sidebar needs it; the adapter fills it from the store. */
export interface SidebarSource {
  uri: string;
  name: string;
  detail: string;
  tally: Tally;
  complete: boolean;
  /** The standing of the terms keyed in `wanted` (the store's termStandings); asked only to rank top terms of equal count. */
  standings?: (wanted: ReadonlySet<string>) => ReadonlyMap<string, TermStanding>;
  /** The review store's figures for the document, when anything was reviewed. */
  reviewed?: ReviewedSource | null;
}

/** What the review store says of a document, as the sidebar shows it. */
export interface ReviewedSource {
  units: Units;
  lean: Lean;
  control: PolarityTally;
  engagement: PolarityTally;
  rejected: number;
  codes: number;
}

/** Localisation the model needs: interface strings, category labels and lean labels. */
export interface SidebarLabels {
  strings: SidebarStrings;
  category(id: string, englishLabel: string): string;
  lean(label: LeanLabel): string;
}

function unitsView(u: Units): SidebarUnits {
  return { sentences: u.sentences, control: u.control, engagement: u.engagement, both: u.both };
}

function leanView(lean: Lean, labels: SidebarLabels): SidebarLean {
  return { index: lean.index, labelId: lean.label, label: labels.lean(lean.label), thin: lean.thin };
}

function polarityView(p: PolarityTally): SidebarPolarityCount {
  return { matches: p.matches, weight: p.weight, perThousandWords: p.perThousandWords };
}

/** Categories that matched, control first, most matches first; bars are scaled to the most frequent category. */
function categoryViews(tally: Tally, labels: SidebarLabels): SidebarCategory[] {
  const present = tally.categories.filter((c) => c.matches > 0);
  const most = present.reduce((max, c) => Math.max(max, c.matches), 0);
  return present
    .map((c) => ({
      id: c.id,
      label: labels.category(c.id, c.label),
      polarity: c.polarity,
      matches: c.matches,
      weight: c.weight,
      share: most > 0 ? c.matches / most : 0,
    }))
    .sort((a, b) => (a.polarity === b.polarity ? b.matches - a.matches || b.weight - a.weight : a.polarity === 'control' ? -1 : 1));
}

/**
 * The most frequent terms. Equal counts: the heavier term first (the summed weight of its matches), then the one
 * that occurs first in the document; the alphabet says nothing about the text.
 */
function topTerms(source: SidebarSource, labels: SidebarLabels): SidebarTerm[] {
  const terms: SidebarTerm[] = [];
  for (const c of source.tally.categories) {
    const categoryLabel = labels.category(c.id, c.label);
    for (const t of c.terms) {
      if (t.count > 0) {
        terms.push({ term: t.term, category: c.id, categoryLabel, polarity: c.polarity, count: t.count });
      }
    }
  }
  terms.sort((a, b) => b.count - a.count);
  const cut = terms[Math.min(TOP_TERM_COUNT, terms.length) - 1]?.count ?? 0;
  const counts = new Map<number, number>();
  for (const t of terms) if (t.count >= cut) counts.set(t.count, (counts.get(t.count) ?? 0) + 1);
  const key = (t: SidebarTerm): string => `${t.category}\u0000${t.term}`;
  const tied = new Set(terms.filter((t) => t.count >= cut && (counts.get(t.count) ?? 0) > 1).map(key));
  const standings: ReadonlyMap<string, TermStanding> = tied.size > 0 && source.standings ? source.standings(tied) : new Map();
  const unknown: TermStanding = { weight: 0, first: Number.MAX_SAFE_INTEGER };
  // Array.prototype.sort is stable: terms with no standing keep the tally's order.
  terms.sort((a, b) => {
    if (a.count !== b.count) return b.count - a.count;
    const sa = standings.get(key(a)) ?? unknown;
    const sb = standings.get(key(b)) ?? unknown;
    return sb.weight - sa.weight || sa.first - sb.first;
  });
  return terms.slice(0, TOP_TERM_COUNT);
}

/** The row shows the section as it is now (the start line included, for the API and the tests). */
function sameSection(row: SidebarSection, s: SectionTally, index: number, leanLabel: string): boolean {
  return (
    row.index === index &&
    row.title === s.title &&
    row.level === s.level &&
    row.parent === s.parent &&
    row.startLine === s.startLine &&
    sameUnits(row.units, s.units) &&
    row.lean.index === s.lean.index &&
    row.lean.labelId === s.lean.label &&
    row.lean.thin === s.lean.thin &&
    row.lean.label === leanLabel
  );
}

/**
 * Per array of section rows, the sections they show, index for index. The store's patched tree keeps the sections an
 * edit did not reach as the same objects, and those after it share their figures (`units`, `lean`), so most rows of
 * the next update are known to be unchanged without comparing them field by field.
 */
const rowSources = new WeakMap<readonly SidebarSection[], readonly SectionTally[]>();

/** `s` shows as the row made from `from` did: the same object, or the same tree place, start line and figure objects. */
function sameSource(from: SectionTally | undefined, s: SectionTally): boolean {
  return (
    from !== undefined &&
    (from === s || (from.units === s.units && from.lean === s.lean && from.title === s.title && from.level === s.level && from.parent === s.parent && from.startLine === s.startLine))
  );
}

/**
 * The section rows; a row of `previous` (the rows last built for the document) that still shows its section is
 * reused, so that an update after typing in one section makes and posts only the rows that changed.
 */
function sectionViews(tally: Tally, labels: SidebarLabels, previous: readonly SidebarSection[] | undefined): SidebarSection[] {
  const sections = tally.sections;
  const sources = previous && rowSources.get(previous);
  const rows = sections.map((s, index) => {
    const known = previous?.[index];
    // The lean's label is asked anew: the display language may have changed since.
    if (known && sources && sameSource(sources[index], s) && known.lean.label === labels.lean(s.lean.label)) return known;
    const leanLabel = labels.lean(s.lean.label);
    if (known && sameSection(known, s, index, leanLabel)) return known;
    return {
      index,
      title: s.title,
      level: s.level,
      parent: s.parent,
      startLine: s.startLine,
      units: unitsView(s.units),
      lean: { index: s.lean.index, labelId: s.lean.label, label: leanLabel, thin: s.lean.thin },
    };
  });
  rowSources.set(rows, sections);
  return rows;
}

function activeView(source: SidebarSource, labels: SidebarLabels, previous: SidebarActiveDocument | null | undefined): SidebarActiveDocument {
  const { tally } = source;
  const same = previous?.uri === source.uri ? previous : undefined;
  const sections = sectionViews(tally, labels, same?.sections);
  return {
    uri: source.uri,
    name: source.name,
    detail: source.detail,
    language: tally.language,
    words: tally.words,
    units: unitsView(tally.units),
    complete: source.complete,
    lean: leanView(tally.lean, labels),
    control: polarityView(tally.control),
    engagement: polarityView(tally.engagement),
    categories: categoryViews(tally, labels),
    terms: topTerms(source, labels),
    sections,
    chart: chartColumns(sections, labels.lean, same?.chart),
    reviewed: source.reviewed ? reviewedView(source.reviewed, labels) : null,
  };
}

function reviewedView(r: ReviewedSource, labels: SidebarLabels): SidebarReviewed {
  return {
    units: unitsView(r.units),
    lean: leanView(r.lean, labels),
    control: polarityView(r.control),
    engagement: polarityView(r.engagement),
    rejected: r.rejected,
    codes: r.codes,
  };
}

/**
 * The sidebar's whole model: the active document in detail (if it is annotated) and every annotated open
 * document with its lean, sorted by name so the list does not jump around as the user switches editors.
 */
export function buildSidebarModel(
  active: SidebarSource | undefined,
  all: readonly SidebarSource[],
  labels: SidebarLabels,
  unannotatedName: string | null = null,
  /** The model built before, whose unchanged section rows are reused. */
  previous?: SidebarModel,
): SidebarModel {
  const documents: SidebarOpenDocument[] = all
    .map((d) => ({
      uri: d.uri,
      name: d.name,
      detail: d.detail,
      lean: leanView(d.tally.lean, labels),
      words: d.tally.words,
      active: d.uri === active?.uri,
    }))
    .sort((a, b) => a.name.localeCompare(b.name) || a.uri.localeCompare(b.uri));
  return {
    strings: labels.strings,
    active: active ? activeView(active, labels, previous?.active) : null,
    unannotatedName: active ? null : unannotatedName,
    documents,
    balancedBand: MEASUREMENT.balancedBand,
  };
}

/**
 * The occurrence a "next" jump lands on (`occurrences` in document order, as the store's occurrences() gives them):
 * the first one starting after the cursor, wrapping to the first. A selection (as left by the previous jump) is
 * passed over; an empty cursor on a match's start lands on it.
 */
export function nextOccurrence(occurrences: readonly Match[], cursor: number, hasSelection: boolean): Match | undefined {
  return occurrences.find((m) => (hasSelection ? m.start > cursor : m.start >= cursor)) ?? occurrences[0];
}

/** Two rows show the same: title, place in the tree and figures (the start line is not shown). */
function sameRow(a: SidebarSection, b: SidebarSection): boolean {
  return (
    sameUnits(a.units, b.units) &&
    a.lean.index === b.lean.index &&
    a.lean.labelId === b.lean.labelId &&
    a.lean.label === b.lean.label &&
    a.lean.thin === b.lean.thin
  );
}

/**
 * The message that brings a webview showing `previous` (undefined: nothing yet) to `next`: the rows of the active
 * document's sections that changed when it is the same document with the same tree, else the whole model.
 */
export function modelMessage(previous: SidebarModel | undefined, next: SidebarModel): ToWebviewMessage {
  const before = previous?.active;
  const after = next.active;
  if (!before || !after || before.uri !== after.uri || before.sections.length !== after.sections.length) return { type: 'model', model: next };
  const changed: SidebarSection[] = [];
  for (let i = 0; i < after.sections.length; i++) {
    const a = before.sections[i];
    const b = after.sections[i];
    if (a === b) continue;
    if (a.title !== b.title || a.level !== b.level || a.parent !== b.parent || a.index !== b.index) return { type: 'model', model: next };
    if (!sameRow(a, b)) changed.push(b);
  }
  // The chart's columns follow the tree: the same tree has the same columns.
  if (before.chart.length !== after.chart.length) return { type: 'model', model: next };
  const chart: SidebarChartColumn[] = after.chart.filter((c, k) => c !== before.chart[k] && !sameColumn(before.chart[k], c));
  const sections: SidebarSectionChanges = { uri: after.uri, count: after.sections.length, changed, chartCount: after.chart.length, chart };
  return { type: 'update', model: { ...next, active: { ...after, sections: [], chart: [] } }, sections };
}
