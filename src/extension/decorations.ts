// Highlights annotations in visible editors with theme colours. Only visible editors are drawn, in a task of their
// own after the analysis that changed them (one draw per editor however many events asked for it); a very long or
// very dense document is drawn around its visible ranges and redrawn as the user scrolls.
import * as vscode from 'vscode';
import type { Match } from '../core/types';
import { offsetRange } from './positions';
import { onDidChangeSettings, readSettings } from './settings';
import type { AnalysisStore, StoredAnalysis } from './store';

export interface AppliedDecorations {
  readonly control: vscode.Range[];
  readonly engagement: vscode.Range[];
  readonly negated: vscode.Range[];
  /** Matches a reviewer rejected: shown struck through, not counted. */
  readonly rejected: vscode.Range[];
  /** Manual codes and memos from the annotation store. */
  readonly manual: vscode.Range[];
}

/** What the decorator needs from the review store: rejected spans and manual notes of a document. */
export interface ReviewMarks {
  marks(document: vscode.TextDocument): { rejected: { start: number; end: number }[]; manual: { start: number; end: number }[] } | undefined;
  readonly onDidChange: vscode.Event<void>;
}

/** Documents longer than this (UTF-16 units) are drawn around their visible ranges only. */
const DRAW_ALL_LENGTH = 500_000;
/** Documents with more annotations than this are drawn around their visible ranges only. */
const DRAW_ALL_MATCHES = 2_000;
/** Characters drawn beyond each visible range when drawing near the visible ranges only, at most. */
const DRAW_MARGIN = 20_000;
/**
 * Annotations drawn near the visible ranges, about: a dense text gets a narrower margin, since each drawn range is
 * sent to the renderer on every change, and thousands of them stall the extension host.
 */
const DRAW_NEAR = 2_000;

const EMPTY: AppliedDecorations = { control: [], engagement: [], negated: [], rejected: [], manual: [] };

/** Control is underlined solid and engagement dashed, so the two differ without relying on colour. */
function createTypes(): Record<keyof AppliedDecorations, vscode.TextEditorDecorationType> {
  return {
    control: vscode.window.createTextEditorDecorationType({
      backgroundColor: new vscode.ThemeColor('policyLens.controlBackground'),
      borderWidth: '0 0 1px 0',
      borderStyle: 'solid',
      borderColor: new vscode.ThemeColor('policyLens.controlBorder'),
      overviewRulerColor: new vscode.ThemeColor('policyLens.controlRuler'),
      overviewRulerLane: vscode.OverviewRulerLane.Left,
      rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
    }),
    engagement: vscode.window.createTextEditorDecorationType({
      backgroundColor: new vscode.ThemeColor('policyLens.engagementBackground'),
      borderWidth: '0 0 1px 0',
      borderStyle: 'dashed',
      borderColor: new vscode.ThemeColor('policyLens.engagementBorder'),
      overviewRulerColor: new vscode.ThemeColor('policyLens.engagementRuler'),
      overviewRulerLane: vscode.OverviewRulerLane.Right,
      rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
    }),
    negated: vscode.window.createTextEditorDecorationType({
      color: new vscode.ThemeColor('policyLens.negatedForeground'),
      textDecoration: 'line-through',
      opacity: '0.65',
      rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
    }),
    rejected: vscode.window.createTextEditorDecorationType({
      textDecoration: 'line-through wavy',
      borderWidth: '0 0 1px 0',
      borderStyle: 'dotted',
      borderColor: new vscode.ThemeColor('policyLens.negatedForeground'),
      rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
    }),
    manual: vscode.window.createTextEditorDecorationType({
      backgroundColor: new vscode.ThemeColor('policyLens.manualBackground'),
      outlineWidth: '1px',
      outlineStyle: 'solid',
      outlineColor: new vscode.ThemeColor('policyLens.manualBorder'),
      overviewRulerColor: new vscode.ThemeColor('policyLens.manualBorder'),
      overviewRulerLane: vscode.OverviewRulerLane.Center,
      rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
    }),
  };
}

export class Decorator implements vscode.Disposable {
  private readonly types = createTypes();
  private readonly applied = new Map<string, AppliedDecorations>();
  private readonly disposables: vscode.Disposable[] = [];
  private enabled = true;
  /** Editors waiting to be drawn; undefined when no draw is scheduled. */
  private pending: Set<vscode.TextEditor> | undefined;
  private drawnWaiters: (() => void)[] = [];
  /** Editors drawn near their visible ranges only, redrawn when they scroll. */
  private readonly windowed = new WeakSet<vscode.TextEditor>();

  constructor(
    private readonly store: AnalysisStore,
    private readonly reviews?: ReviewMarks,
  ) {
    if (reviews) this.disposables.push(reviews.onDidChange(() => this.redrawAll()));
    this.disposables.push(
      store.onDidChange((uri) => this.redrawDocument(uri)),
      vscode.window.onDidChangeVisibleTextEditors(() => this.redrawAll()),
      vscode.window.onDidChangeTextEditorVisibleRanges((e) => {
        if (this.windowed.has(e.textEditor)) this.schedule([e.textEditor]);
      }),
      onDidChangeSettings((e) => {
        if (e.affects('categories')) this.redrawAll();
      }),
    );
    this.redrawAll();
  }

  get highlightsEnabled(): boolean {
    return this.enabled;
  }

  /** Shows or hides every highlight at once: the user asked, so the draw is not deferred. */
  setEnabled(enabled: boolean): void {
    this.enabled = enabled;
    this.redrawAll();
    this.flush();
  }

  /** The ranges drawn in the first visible editor of a document, as the user sees them. */
  appliedTo(uri: vscode.Uri): AppliedDecorations {
    return this.applied.get(uri.toString()) ?? EMPTY;
  }

  redrawAll(): void {
    const shown = new Set<string>();
    for (const editor of vscode.window.visibleTextEditors) shown.add(editor.document.uri.toString());
    for (const key of [...this.applied.keys()]) if (!shown.has(key)) this.applied.delete(key);
    this.schedule(vscode.window.visibleTextEditors);
  }

  /** Resolves once every draw asked for so far is done. */
  whenDrawn(): Promise<void> {
    if (!this.pending) return Promise.resolve();
    return new Promise((resolve) => this.drawnWaiters.push(resolve));
  }

  dispose(): void {
    this.pending = undefined;
    for (const type of Object.values(this.types)) type.dispose();
    for (const d of this.disposables) d.dispose();
    this.release();
  }

  private redrawDocument(uri: vscode.Uri): void {
    const key = uri.toString();
    const editors = vscode.window.visibleTextEditors.filter((e) => e.document.uri.toString() === key);
    if (editors.length === 0) this.applied.delete(key);
    this.schedule(editors);
  }

  /** Draws the editors in the next task: the analysis that asked has yielded, and repeated asks draw once. */
  private schedule(editors: readonly vscode.TextEditor[]): void {
    if (editors.length === 0) return;
    if (!this.pending) {
      this.pending = new Set();
      setImmediate(() => this.flush());
    }
    for (const editor of editors) this.pending.add(editor);
  }

  private flush(): void {
    const editors = this.pending;
    this.pending = undefined;
    if (!editors) return;
    const visible = new Set(vscode.window.visibleTextEditors);
    for (const editor of editors) if (visible.has(editor)) this.draw(editor);
    this.release();
  }

  private release(): void {
    const waiters = this.drawnWaiters;
    this.drawnWaiters = [];
    for (const resolve of waiters) resolve();
  }

  private draw(editor: vscode.TextEditor): void {
    const document = editor.document;
    const stored = this.store.get(document.uri);
    // A result for an older version is left as drawn: VS Code has already moved those ranges with the edit.
    if (stored && this.enabled && stored.version !== document.version) return;
    const marks = stored && this.enabled ? this.reviews?.marks(document) : undefined;
    const spans = stored && this.enabled ? drawnSpans(editor, this.store, stored) : undefined;
    if (spans) this.windowed.add(editor);
    else this.windowed.delete(editor);
    const result = stored && this.enabled ? rangesFor(editor, this.store, marks, spans) : EMPTY;
    editor.setDecorations(this.types.control, result.control);
    editor.setDecorations(this.types.engagement, result.engagement);
    editor.setDecorations(this.types.negated, result.negated);
    editor.setDecorations(this.types.rejected, result.rejected);
    editor.setDecorations(this.types.manual, result.manual);
    this.applied.set(document.uri.toString(), result);
  }
}

function rangesFor(editor: vscode.TextEditor, store: AnalysisStore, marks: ReturnType<ReviewMarks['marks']>, spans: readonly Span[] | undefined): AppliedDecorations {
  const document = editor.document;
  const shown = new Set(readSettings(document.uri).categories);
  const result: AppliedDecorations = { control: [], engagement: [], negated: [], rejected: [], manual: [] };
  const rejected = new Set((marks?.rejected ?? []).map((r) => `${r.start}:${r.end}`));
  for (const m of drawnMatches(editor.document.uri, store, spans)) {
    if (shown.size > 0 && !shown.has(m.category)) continue;
    const range = offsetRange(document, m.start, m.end);
    if (m.negated) result.negated.push(range);
    else if (rejected.has(`${m.start}:${m.end}`)) result.rejected.push(range);
    else result[m.polarity].push(range);
  }
  for (const n of marks?.manual ?? []) result.manual.push(offsetRange(document, n.start, n.end));
  return result;
}

interface Span {
  readonly from: number;
  readonly to: number;
}

/**
 * Where to draw: undefined for the whole document (an ordinary one), else sorted, disjoint offset spans around the
 * visible ranges, with a margin that keeps the drawn annotations near DRAW_NEAR.
 */
function drawnSpans(editor: vscode.TextEditor, store: AnalysisStore, stored: StoredAnalysis): Span[] | undefined {
  const document = editor.document;
  const count = store.matchCount(document.uri);
  const length = stored.text.length;
  if (count <= DRAW_ALL_MATCHES && length <= DRAW_ALL_LENGTH) return undefined;
  const density = count / Math.max(1, length);
  const margin = Math.max(1_000, Math.min(DRAW_MARGIN, Math.round(DRAW_NEAR / (2 * Math.max(density, 1e-9)))));
  return mergeSpans(editor.visibleRanges.map((r) => ({ from: document.offsetAt(r.start) - margin, to: document.offsetAt(r.end) + margin })));
}

function mergeSpans(spans: Span[]): Span[] {
  const sorted = spans.map((s) => ({ from: Math.max(0, s.from), to: s.to })).sort((a, b) => a.from - b.from);
  const out: { from: number; to: number }[] = [];
  for (const span of sorted) {
    const last = out[out.length - 1];
    if (last && span.from <= last.to) last.to = Math.max(last.to, span.to);
    else out.push(span);
  }
  return out;
}

/** Every match, or those overlapping the spans, each once. */
function drawnMatches(uri: vscode.Uri, store: AnalysisStore, spans: readonly Span[] | undefined): Match[] {
  if (!spans) return store.matches(uri);
  const out: Match[] = [];
  let covered = -1;
  for (const span of spans) {
    for (const m of store.matchesInRange(uri, span.from, span.to)) {
      if (m.start < covered) continue;
      out.push(m);
    }
    covered = span.to;
  }
  return out;
}
