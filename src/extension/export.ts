// JSON export of tallies in the engine's versioned report format (src/core/report.ts), the same bytes the CLI
// writes for the same document and lexicon.
import * as vscode from 'vscode';
import type { ReportStyle } from '../core/report';
import { t } from './l10n';
import { ReportWriter } from './reportWriter';
import type { ReviewStore } from './reviewStore';
import { readSettings } from './settings';
import type { AnalysisStore, ReportInput, ReportProgress, StoredAnalysis } from './store';

/** What an export command resolves to: where it wrote, or undefined when cancelled or failed (already reported). */
export type ExportResult = vscode.Uri | undefined;

/** The name a document carries in reports: its workspace-relative path, as the CLI prints a relative path. */
export function sourceName(uri: vscode.Uri): string {
  if (uri.scheme === 'untitled') return uri.path;
  const folders = vscode.workspace.workspaceFolders ?? [];
  return vscode.workspace.asRelativePath(uri, folders.length > 1).replace(/\\/g, '/');
}

function styleFor(target: vscode.Uri): ReportStyle {
  return target.path.endsWith('.jsonl') ? 'jsonl' : 'json';
}

/** What the exports need of the review store: how a document is reviewed against its folder's store, as the CLI reviews it. */
export type ReportReviewer = Pick<ReviewStore, 'entryReview' | 'whenIdle'>;

/** A document of a report; with `reviews`, reviewed against the workspace's annotation store. */
function reportInput(uri: vscode.Uri, reviews: ReportReviewer | undefined, read?: () => Promise<Uint8Array>): ReportInput {
  return { source: sourceName(uri), uri, read, review: reviews && ((text: string) => reviews.entryReview(uri, text)) };
}

function openInputs(documents: readonly StoredAnalysis[], reviews: ReportReviewer | undefined): ReportInput[] {
  return documents.map((d) => reportInput(d.uri, reviews));
}

/** The report for stored analyses, as text; with `reviews`, as reviewed against the workspace's store. */
export async function reportText(store: AnalysisStore, documents: readonly StoredAnalysis[], style: ReportStyle = 'json', reviews?: ReportReviewer): Promise<string> {
  await reviews?.whenIdle();
  let text = '';
  for await (const chunk of store.report(openInputs(documents, reviews), style)) text += chunk;
  return text;
}

/** The target from a command argument, or a save dialog; undefined when the user cancels. */
async function chooseTarget(arg: unknown, suggestedName: string): Promise<vscode.Uri | undefined> {
  if (arg instanceof vscode.Uri) return arg;
  if (typeof arg === 'string' && arg.length > 0) return vscode.Uri.file(arg);
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  return vscode.window.showSaveDialog({
    defaultUri: folder ? vscode.Uri.joinPath(folder, suggestedName) : undefined,
    filters: { JSON: ['json'], 'JSON Lines': ['jsonl'] },
    saveLabel: t('Export'),
    title: t('Export Policy Lens tally'),
  });
}

/** Refuses to write over a document the user has open: a menu might pass that document's URI as the argument. */
export function isOpenDocument(target: vscode.Uri): boolean {
  return vscode.workspace.textDocuments.some((d) => d.uri.toString() === target.toString());
}

/** Messages are not awaited: they resolve only when dismissed. */
export function reportFailure(target: vscode.Uri, err: unknown): void {
  const reason = err instanceof Error ? err.message : String(err);
  void vscode.window.showErrorMessage(t('Policy Lens could not write {0}: {1}. Nothing was changed there.', target.fsPath || target.toString(), reason));
}

/** Writes the given analyses to the target (argument or save dialog). */
export async function exportAnalyses(store: AnalysisStore, documents: readonly StoredAnalysis[], targetArg: unknown, suggestedName: string, reviews?: ReportReviewer): Promise<ExportResult> {
  const target = await chooseTarget(targetArg, suggestedName);
  if (!target) return undefined;
  if (isOpenDocument(target)) {
    void vscode.window.showErrorMessage(t('Policy Lens will not export over the open document {0}.', target.fsPath));
    return undefined;
  }
  try {
    await reviews?.whenIdle();
    return (await writeStream(target, store.report(openInputs(documents, reviews), styleFor(target)), () => false)) ? target : undefined;
  } catch (err) {
    reportFailure(target, err);
    return undefined;
  }
}

/**
 * Writes a report's chunks to the target through a temporary file; false (and the target untouched) when
 * `cancelled` turned true before the end.
 */
async function writeStream(target: vscode.Uri, chunks: AsyncIterable<string>, cancelled: () => boolean): Promise<boolean> {
  const writer = await ReportWriter.open(target);
  try {
    for await (const chunk of chunks) {
      if (cancelled()) break;
      await writer.write(chunk);
    }
    if (cancelled()) {
      await writer.abort();
      return false;
    }
    await writer.commit();
    return true;
  } catch (err) {
    await writer.abort();
    throw err;
  }
}

/**
 * Exports every file of the workspace matching `policyLens.workspaceGlob`, streaming one document at a time through
 * the store's report (the CLI's stream and path order). Besides the progress notification's Cancel button, a script
 * may pass a CancellationToken to stop it.
 */
export async function exportWorkspace(store: AnalysisStore, targetArg: unknown, cancellationArg?: unknown, reviews?: ReportReviewer): Promise<ExportResult> {
  const external = isCancellationToken(cancellationArg) ? cancellationArg : undefined;
  const target = await chooseTarget(targetArg, 'policy-lens-workspace.json');
  if (!target) return undefined;
  if (isOpenDocument(target)) {
    void vscode.window.showErrorMessage(t('Policy Lens will not export over the open document {0}.', target.fsPath));
    return undefined;
  }
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: t('Policy Lens: exporting workspace tallies'), cancellable: true },
    async (progress, progressToken) => {
      const cancelled = (): boolean => progressToken.isCancellationRequested || external?.isCancellationRequested === true;
      try {
        const files = await vscode.workspace.findFiles(readSettings().workspaceGlob, '**/node_modules/**', undefined, progressToken);
        await reviews?.whenIdle();
        const inputs = files.map((uri) => reportInput(uri, reviews, () => Promise.resolve(vscode.workspace.fs.readFile(uri))));
        const followed: ReportProgress = {
          next: (input, index, total) => progress.report({ message: `${index + 1}/${total} ${input.source}`, increment: 100 / total }),
          written: 0,
        };
        if (!(await writeStream(target, store.report(inputs, styleFor(target), followed), cancelled))) {
          void vscode.window.showInformationMessage(t('Policy Lens: workspace export cancelled; nothing was written.'));
          return undefined;
        }
        void vscode.window.showInformationMessage(t('Policy Lens: exported {0} documents to {1}.', followed.written, target.fsPath || target.toString()));
        return target;
      } catch (err) {
        reportFailure(target, err);
        return undefined;
      }
    },
  );
}

function isCancellationToken(value: unknown): value is vscode.CancellationToken {
  return typeof value === 'object' && value !== null && typeof (value as { isCancellationRequested?: unknown }).isCancellationRequested === 'boolean';
}
