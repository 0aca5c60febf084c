// The palette commands. Each returns something a script or test can check, and none waits on a message box.
import * as vscode from 'vscode';
import type { Match } from '../core/types';
import { CategoryLabels, polarityLabel, t } from './l10n';
import type { Decorator } from './decorations';
import { exportAnalyses, exportWorkspace, ExportResult, ReportReviewer, reportText } from './export';
import { revealOffsets } from './reveal';
import { readSettings } from './settings';
import type { AnalysisStore, StoredAnalysis } from './store';

const COMMANDS = {
  toggleHighlights: 'policyLens.toggleHighlights',
  hideHighlights: 'policyLens.hideHighlights',
  showHighlights: 'policyLens.showHighlights',
  annotateDocument: 'policyLens.annotateDocument',
  nextAnnotation: 'policyLens.nextAnnotation',
  previousAnnotation: 'policyLens.previousAnnotation',
  listAnnotations: 'policyLens.listAnnotations',
  showTally: 'policyLens.showTally',
  exportTally: 'policyLens.exportTally',
  exportAllOpen: 'policyLens.exportAllOpen',
  exportWorkspace: 'policyLens.exportWorkspace',
  copyTally: 'policyLens.copyTally',
} as const;

/** Characters of context shown on each side of an annotation in the list. */
const CONTEXT_CHARS = 40;

interface AnnotationItem extends vscode.QuickPickItem {
  readonly match: Match;
}

export function registerCommands(store: AnalysisStore, decorator: Decorator, reviews?: ReportReviewer): vscode.Disposable[] {
  const register = (id: string, run: (...args: unknown[]) => unknown): vscode.Disposable => vscode.commands.registerCommand(id, run);
  // The view title shows Hide or Show by the highlights' state (an icon that says what a click does).
  const setHighlights = (enabled: boolean): boolean => {
    decorator.setEnabled(enabled);
    void vscode.commands.executeCommand('setContext', 'policyLens.highlightsEnabled', decorator.highlightsEnabled);
    return decorator.highlightsEnabled;
  };
  return [
    register(COMMANDS.toggleHighlights, () => setHighlights(!decorator.highlightsEnabled)),
    register(COMMANDS.hideHighlights, () => setHighlights(false)),
    register(COMMANDS.showHighlights, () => setHighlights(true)),
    register(COMMANDS.annotateDocument, (arg) => annotateDocument(store, decorator, arg)),
    register(COMMANDS.nextAnnotation, () => step(store, decorator, 1)),
    register(COMMANDS.previousAnnotation, () => step(store, decorator, -1)),
    register(COMMANDS.listAnnotations, () => listAnnotations(store)),
    register(COMMANDS.showTally, () => vscode.commands.executeCommand('policyLens.tally.focus')),
    register(COMMANDS.exportTally, async (target): Promise<ExportResult> => {
      const stored = await activeAnalysis(store);
      if (!stored) return undefined;
      return exportAnalyses(store, [stored], target, `${baseName(stored.uri)}.policy-lens.json`, reviews);
    }),
    register(COMMANDS.exportAllOpen, async (target): Promise<ExportResult> => {
      await store.whenIdle();
      const tabs = openTabUris();
      // In the report's path order (the store's, the CLI's), whatever the order here.
      const all = store.all().filter((s) => tabs.has(s.uri.toString()));
      if (all.length === 0) {
        void vscode.window.showInformationMessage(t('Policy Lens: no open document is annotated.'));
        return undefined;
      }
      return exportAnalyses(store, all, target, 'policy-lens-open-documents.json', reviews);
    }),
    register(COMMANDS.exportWorkspace, (target, cancellation) => exportWorkspace(store, target, cancellation, reviews)),
    register(COMMANDS.copyTally, async (): Promise<string | undefined> => {
      const stored = await activeAnalysis(store);
      if (!stored) return undefined;
      const text = await reportText(store, [stored], 'json', reviews);
      await vscode.env.clipboard.writeText(text);
      vscode.window.setStatusBarMessage(t('Policy Lens: tally copied as JSON'), 3000);
      return text;
    }),
  ];
}

/** Documents open in editor tabs: what the user sees as open (VS Code keeps closed documents loaded for a while). */
export function openTabUris(): Set<string> {
  const uris = new Set<string>();
  for (const group of vscode.window.tabGroups.all) {
    for (const tab of group.tabs) if (tab.input instanceof vscode.TabInputText) uris.add(tab.input.uri.toString());
  }
  return uris;
}

export function baseName(uri: vscode.Uri): string {
  const last = uri.path.split('/').pop() ?? 'document';
  return last.replace(/\.[^.]*$/, '') || 'document';
}

/** The document a command acts on: an explicit URI argument, else the active editor's document. */
async function targetDocument(arg: unknown): Promise<vscode.TextDocument | undefined> {
  if (arg instanceof vscode.Uri) return vscode.workspace.openTextDocument(arg);
  return vscode.window.activeTextEditor?.document;
}

/** Annotates a document whatever its language and size; resolves once its highlights are drawn. */
async function annotateDocument(store: AnalysisStore, decorator: Decorator, arg: unknown): Promise<boolean> {
  const document = await targetDocument(arg);
  if (!document) {
    void vscode.window.showInformationMessage(t('Policy Lens: open a document to annotate.'));
    return false;
  }
  store.annotate(document);
  await store.whenIdle(document.uri);
  await decorator.whenDrawn();
  const reason = store.skipReason(document.uri);
  if (reason === 'binary') void vscode.window.showWarningMessage(t('Policy Lens: {0} looks like a binary file and was not annotated.', baseName(document.uri)));
  return store.get(document.uri) !== undefined;
}

/** The complete analysis of the active document, annotating it first when it is not yet annotated. */
export async function activeAnalysis(store: AnalysisStore): Promise<StoredAnalysis | undefined> {
  const document = vscode.window.activeTextEditor?.document;
  if (!document) {
    void vscode.window.showInformationMessage(t('Policy Lens: open a document first.'));
    return undefined;
  }
  if (!store.get(document.uri)) store.annotate(document);
  await store.whenIdle(document.uri);
  const stored = store.get(document.uri);
  if (!stored) void vscode.window.showWarningMessage(t('Policy Lens: {0} could not be annotated.', baseName(document.uri)));
  return stored;
}

/** Annotations the user can see: those of the categories shown. */
function shownMatches(store: AnalysisStore, stored: StoredAnalysis): Match[] {
  const shown = new Set(readSettings(stored.uri).categories);
  const all = store.matches(stored.uri);
  return shown.size === 0 ? all : all.filter((m) => shown.has(m.category));
}

/** Moves the selection to the next (or previous) annotation after the cursor, wrapping around. */
async function step(store: AnalysisStore, decorator: Decorator, direction: 1 | -1): Promise<Match | undefined> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return undefined;
  await store.whenIdle(editor.document.uri);
  const stored = store.get(editor.document.uri);
  if (!stored || !decorator.highlightsEnabled) return undefined;
  const matches = shownMatches(store, stored);
  if (matches.length === 0) {
    vscode.window.setStatusBarMessage(t('Policy Lens: no annotations in this document'), 3000);
    return undefined;
  }
  // A selected annotation (as this command leaves it) counts as the current one; an empty cursor is before it.
  const from = editor.document.offsetAt(editor.selection.start);
  const isAfter = (m: Match): boolean => (editor.selection.isEmpty ? m.start >= from : m.start > from);
  const target =
    direction === 1
      ? (matches.find(isAfter) ?? matches[0])
      : (findLast(matches, (m) => m.start < from) ?? matches[matches.length - 1]);
  await revealOffsets(editor.document.uri, target.start, target.end);
  return target;
}

function findLast<T>(items: readonly T[], predicate: (item: T) => boolean): T | undefined {
  for (let i = items.length - 1; i >= 0; i--) if (predicate(items[i])) return items[i];
  return undefined;
}

/** A quick pick of every annotation in its context; picking one selects it in the editor. */
async function listAnnotations(store: AnalysisStore): Promise<Match | undefined> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return undefined;
  await store.whenIdle(editor.document.uri);
  const stored = store.get(editor.document.uri);
  if (!stored) {
    void vscode.window.showInformationMessage(t('Policy Lens: this document is not annotated. Run "Annotate Document" first.'));
    return undefined;
  }
  const text = stored.text;
  const labels = new CategoryLabels(store.categories);
  const cursor = editor.document.offsetAt(editor.selection.active);
  const items: AnnotationItem[] = shownMatches(store, stored).map((m) => ({
    match: m,
    label: `${m.polarity === 'control' ? '$(shield)' : '$(comment-discussion)'} ${m.text}`,
    description: `${polarityLabel(m.polarity)} · ${labels.label(m.category)}${m.negated ? ` · ${t('not counted')}` : ''} · ${t('line {0}', editor.document.positionAt(m.start).line + 1)}`,
    detail: contextOf(text, m),
  }));
  const nearest = items.find((i) => i.match.end >= cursor);
  const picked = await new Promise<AnnotationItem | undefined>((resolve) => {
    const pick = vscode.window.createQuickPick<AnnotationItem>();
    pick.items = items;
    pick.title = t('Policy Lens annotations ({0})', items.length);
    pick.placeholder = t('Type to filter by term, category or context');
    pick.matchOnDescription = true;
    pick.matchOnDetail = true;
    if (nearest) pick.activeItems = [nearest];
    let chosen: AnnotationItem | undefined;
    pick.onDidAccept(() => {
      chosen = pick.selectedItems[0] ?? pick.activeItems[0];
      pick.hide();
    });
    pick.onDidHide(() => {
      pick.dispose();
      resolve(chosen);
    });
    pick.show();
  });
  if (!picked) return undefined;
  await revealOffsets(editor.document.uri, picked.match.start, picked.match.end);
  return picked.match;
}

/** The annotation's sentence neighbourhood on one line, with the hit between guillemets. */
function contextOf(text: string, m: Match): string {
  const before = text.slice(Math.max(0, m.start - CONTEXT_CHARS), m.start).replace(/\s+/g, ' ');
  const after = text.slice(m.end, m.end + CONTEXT_CHARS).replace(/\s+/g, ' ');
  const hit = text.slice(m.start, m.end).replace(/\s+/g, ' ');
  return `${m.start > CONTEXT_CHARS ? '…' : ''}${before.trimStart()}«${hit}»${after.trimEnd()}${m.end + CONTEXT_CHARS < text.length ? '…' : ''}`;
}
