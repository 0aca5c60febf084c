// The sidebar's data and the messages between the extension and its webview. Shared by both sides, so it
// imports nothing from `vscode` and holds plain JSON-safe data only.

export type SidebarPolarity = 'control' | 'engagement';
export type SidebarLeanLabel = 'control-leaning' | 'balanced' | 'engagement-leaning' | 'no signal';

/** Every piece of interface text the webview shows, already localised by the extension. */
export interface SidebarStrings {
  lean: string;
  leanScale: string;
  thinEvidence: string;
  control: string;
  engagement: string;
  /** Column headings in the narrow section tree: control and engagement sentences. */
  controlShort: string;
  engagementShort: string;
  matches: string;
  perThousandWords: string;
  words: string;
  sentences: string;
  controlSentences: string;
  engagementSentences: string;
  both: string;
  /** How the lean is computed, under the meter. */
  leanFormula: string;
  /** What a section row counts. */
  sectionsHint: string;
  expandSection: string;
  categories: string;
  topTerms: string;
  topTermsHint: string;
  sections: string;
  section: string;
  openDocuments: string;
  noDocument: string;
  notAnnotated: string;
  analysing: string;
  noMatches: string;
  noSections: string;
  jumpToTerm: string;
  jumpToSection: string;
  openDocument: string;
  activeDocument: string;
  /** The short mark beside a lean that rests on too few matches. */
  thinShort: string;
  /** Heading of the chart of the lean along the sections. */
  leanBySection: string;
  /** A chart column of several sections: "{0} – {1} ({2} sections)", first and last title and how many. */
  sectionRange: string;
  /** The comparison shown once anything in the document was reviewed: its heading and column heads. */
  reviewComparison: string;
  automatic: string;
  asReviewed: string;
  /** "Rejected matches: {0} · manual codes: {1}" */
  reviewSummary: string;
}

export interface SidebarLean {
  /** −1 (all control) … +1 (all engagement); null without signal. */
  index: number | null;
  labelId: SidebarLeanLabel;
  /** Localised lean label. */
  label: string;
  thin: boolean;
}

/** Counted matches of one polarity, their weight, and matches per 1,000 words. */
export interface SidebarPolarityCount {
  matches: number;
  weight: number;
  perThousandWords: number;
}

/** Sentences, and how many hold a counted control match, an engagement match, both. */
export interface SidebarUnits {
  sentences: number;
  control: number;
  engagement: number;
  both: number;
}

export interface SidebarCategory {
  id: string;
  label: string;
  polarity: SidebarPolarity;
  matches: number;
  weight: number;
  /** Matches relative to the most frequent category, 0…1, for the bar length. */
  share: number;
}

export interface SidebarTerm {
  term: string;
  category: string;
  categoryLabel: string;
  polarity: SidebarPolarity;
  count: number;
}

export interface SidebarSection {
  /** Index into the document's section list; the webview sends it back to jump there. */
  index: number;
  title: string;
  /** Depth in the tree, 1 = outermost. */
  level: number;
  /** Index of the enclosing section, or null. */
  parent: number | null;
  startLine: number;
  /** Sentence units of the section and everything inside it. */
  units: SidebarUnits;
  lean: SidebarLean;
}

/**
 * One column of the chart of the lean along the sections: consecutive innermost sections in document order (one
 * section, or a group of them when there are more than the chart has columns). Its figures are the sums of its
 * sections' sentence counts, and its lean is computed from those sums as a section's is.
 */
export interface SidebarChartColumn {
  /** Position in the chart, from 0. */
  column: number;
  /** Index of the first and the last section it covers (a click jumps to the first). */
  first: number;
  last: number;
  /** How many innermost sections it covers. */
  sections: number;
  units: SidebarUnits;
  lean: SidebarLean;
}

/** The figures as reviewed (rejected matches removed, manual codes added), in the automatic figures' shape. */
export interface SidebarReviewed {
  units: SidebarUnits;
  lean: SidebarLean;
  control: SidebarPolarityCount;
  engagement: SidebarPolarityCount;
  /** Counted matches a reviewer rejected, and manual codes that count. */
  rejected: number;
  codes: number;
}

export interface SidebarActiveDocument {
  uri: string;
  name: string;
  /** Workspace-relative path or full URI, for a tooltip. */
  detail: string;
  language: string;
  words: number;
  units: SidebarUnits;
  /** False while an analysis of a long document is still under way. */
  complete: boolean;
  lean: SidebarLean;
  control: SidebarPolarityCount;
  engagement: SidebarPolarityCount;
  categories: SidebarCategory[];
  terms: SidebarTerm[];
  sections: SidebarSection[];
  /** The chart of the lean along the innermost sections, in document order, at most CHART_COLUMNS columns. */
  chart: SidebarChartColumn[];
  /** As reviewed, beside the automatic figures above; null when nothing in the annotation store applies. */
  reviewed: SidebarReviewed | null;
}

export interface SidebarOpenDocument {
  uri: string;
  name: string;
  detail: string;
  lean: SidebarLean;
  words: number;
  active: boolean;
}

export interface SidebarModel {
  strings: SidebarStrings;
  /** The active document's tally; null when no annotated document is active. */
  active: SidebarActiveDocument | null;
  /** Name of the active document when it is not annotated, so the view can say so. */
  unannotatedName: string | null;
  documents: SidebarOpenDocument[];
  /** |lean| below this reads as balanced: the meters shade that band. */
  balancedBand: number;
}

/**
 * An update of the active document's sections, when only some rows' figures changed (typing inside a section changes
 * that section's and its ancestors'): the rows to replace, by index, in a list of `count` sections otherwise as last
 * posted. A shift of later sections' start lines is not sent: the view does not show them.
 */
export interface SidebarSectionChanges {
  uri: string;
  count: number;
  changed: SidebarSection[];
  /** The same for the chart's columns: `chartCount` columns, of which those in `chart` changed. */
  chartCount: number;
  chart: SidebarChartColumn[];
}

/**
 * Extension → webview: a whole model, or a model whose active document's sections and chart are those last posted
 * with `sections` applied (its own `active.sections` and `active.chart` are empty). Ten thousand sections posted and drawn on each update
 * stalled the workbench while the user typed.
 */
export type ToWebviewMessage = { type: 'model'; model: SidebarModel } | { type: 'update'; model: SidebarModel; sections: SidebarSectionChanges };

/** Webview → extension. */
export type FromWebviewMessage =
  | { type: 'ready' }
  | { type: 'revealTerm'; uri: string; term: string; category: string }
  | { type: 'revealSection'; uri: string; index: number }
  | { type: 'openDocument'; uri: string };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** The webview is untrusted input: accept only well-formed messages. */
export function isFromWebviewMessage(value: unknown): value is FromWebviewMessage {
  if (!isRecord(value)) {
    return false;
  }
  switch (value.type) {
    case 'ready':
      return true;
    case 'revealTerm':
      return typeof value.uri === 'string' && typeof value.term === 'string' && typeof value.category === 'string';
    case 'revealSection':
      return typeof value.uri === 'string' && typeof value.index === 'number' && Number.isInteger(value.index);
    case 'openDocument':
      return typeof value.uri === 'string';
    default:
      return false;
  }
}
