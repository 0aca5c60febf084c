// Highlights annotations in visible editors with theme colours. Only visible editors are drawn; a document with
// very many annotations is drawn around its visible ranges and redrawn as the user scrolls.
import * as vscode from 'vscode';
import type { Match } from '../core/types';
import { offsetRange } from './positions';
import { onDidChangeSettings, readSettings } from './settings';
import type { AnalysisStore } from './store';

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
/** Characters drawn beyond each visible range when drawing near the visible ranges only. */
const DRAW_MARGIN = 20_000;

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

  constructor(
    private readonly store: AnalysisStore,
    private readonly reviews?: ReviewMarks,
  ) {
    if (reviews) this.disposables.push(reviews.onDidChange(() => this.redrawAll()));
    this.disposables.push(
      store.onDidChange((uri) => this.redrawDocument(uri)),
      vscode.window.onDidChangeVisibleTextEditors(() => this.redrawAll()),
      vscode.window.onDidChangeTextEditorVisibleRanges((e) => {
        if (isLong(e.textEditor.document)) this.draw(e.textEditor);
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

  setEnabled(enabled: boolean): void {
    this.enabled = enabled;
    this.redrawAll();
  }

  /** The ranges drawn in the first visible editor of a document, as the user sees them. */
  appliedTo(uri: vscode.Uri): AppliedDecorations {
    return this.applied.get(uri.toString()) ?? EMPTY;
  }

  redrawAll(): void {
    const shown = new Set<string>();
    for (const editor of vscode.window.visibleTextEditors) {
      this.draw(editor);
      shown.add(editor.document.uri.toString());
    }
    for (const key of [...this.applied.keys()]) if (!shown.has(key)) this.applied.delete(key);
  }

  dispose(): void {
    for (const type of Object.values(this.types)) type.dispose();
    for (const d of this.disposables) d.dispose();
  }

  private redrawDocument(uri: vscode.Uri): void {
    const key = uri.toString();
    let drawn = false;
    for (const editor of vscode.window.visibleTextEditors) {
      if (editor.document.uri.toString() !== key) continue;
      this.draw(editor);
      drawn = true;
    }
    if (!drawn) this.applied.delete(key);
  }

  private draw(editor: vscode.TextEditor): void {
    const document = editor.document;
    const stored = this.store.get(document.uri);
    // A result for an older version is left as drawn: VS Code has already moved those ranges with the edit.
    if (stored && this.enabled && stored.version !== document.version) return;
    const marks = stored && this.enabled ? this.reviews?.marks(document) : undefined;
    const result = stored && this.enabled ? rangesFor(editor, this.store, marks) : EMPTY;
    editor.setDecorations(this.types.control, result.control);
    editor.setDecorations(this.types.engagement, result.engagement);
    editor.setDecorations(this.types.negated, result.negated);
    editor.setDecorations(this.types.rejected, result.rejected);
    editor.setDecorations(this.types.manual, result.manual);
    this.applied.set(document.uri.toString(), result);
  }
}

function rangesFor(editor: vscode.TextEditor, store: AnalysisStore, marks: ReturnType<ReviewMarks['marks']>): AppliedDecorations {
  const document = editor.document;
  const shown = new Set(readSettings(document.uri).categories);
  const result: AppliedDecorations = { control: [], engagement: [], negated: [], rejected: [], manual: [] };
  const rejected = new Set((marks?.rejected ?? []).map((r) => `${r.start}:${r.end}`));
  for (const m of drawnMatches(editor, store)) {
    if (shown.size > 0 && !shown.has(m.category)) continue;
    const range = offsetRange(document, m.start, m.end);
    if (m.negated) result.negated.push(range);
    else if (rejected.has(`${m.start}:${m.end}`)) result.rejected.push(range);
    else result[m.polarity].push(range);
  }
  for (const n of marks?.manual ?? []) result.manual.push(offsetRange(document, n.start, n.end));
  return result;
}

/** Every match of an ordinary document; around the visible ranges only for a very long one. */
function drawnMatches(editor: vscode.TextEditor, store: AnalysisStore): Match[] {
  const document = editor.document;
  if (!isLong(document)) return store.matches(document.uri);
  const out: Match[] = [];
  let covered = -1;
  for (const range of editor.visibleRanges) {
    const from = Math.max(covered, document.offsetAt(range.start) - DRAW_MARGIN, 0);
    const to = document.offsetAt(range.end) + DRAW_MARGIN;
    if (to <= from) continue;
    for (const m of store.matchesInRange(document.uri, from, to)) if (m.start >= covered) out.push(m);
    covered = to;
  }
  return out;
}

export function isLong(document: vscode.TextDocument): boolean {
  return document.offsetAt(document.lineAt(document.lineCount - 1).range.end) > DRAW_ALL_LENGTH;
}
