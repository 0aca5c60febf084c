// JSON export of tallies in the engine's versioned report format (src/core/report.ts), the same bytes the CLI
// writes for the same document and lexicon.
import * as vscode from 'vscode';
import {
  documentChunks,
  documentReport,
  documentSeparator,
  documentSummary,
  annotationsOf,
  buildReport,
  reportClosing,
  reportHeader,
  reportOpening,
  serializeReport,
  ReportAnnotation,
  ReportDocument,
  ReportStyle,
} from '../core/report';
import { t } from './l10n';
import { ReportWriter, writeReport } from './reportWriter';
import type { ReviewStore } from './reviewStore';
import { readSettings } from './settings';
import type { AnalysisStore, StoredAnalysis } from './store';

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

/** What the exports need of the review store: a document's report as reviewed, as the CLI writes it. */
export type ReportReviewer = Pick<ReviewStore, 'reviewReport' | 'whenIdle'>;

/** The report for stored analyses, as text; with `reviews`, as reviewed against the workspace's store. */
export function reportText(store: AnalysisStore, documents: readonly StoredAnalysis[], style: ReportStyle = 'json', reviews?: ReportReviewer): string {
  const header = reportHeader(store.engine.lexiconInfo);
  const docs = documents.map((d): ReportDocument => {
    const source = sourceName(d.uri);
    if (!reviews) return documentReport(source, d.analysis);
    const reviewed = reviews.reviewReport(d.uri, d.analysis.text(), d.tally, d.analysis.matches(), documentSummary(source, d.tally), annotationsOf(d.analysis));
    return { ...reviewed.summary, annotations: Array.from(reviewed.annotations) };
  });
  return serializeReport(buildReport(header, docs), style);
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
    await writeReport(target, reportText(store, documents, styleFor(target), reviews));
  } catch (err) {
    reportFailure(target, err);
    return undefined;
  }
  return target;
}

/** Path order of the CLI's folder walk: segment by segment, by UTF-16 code unit. */
export function comparePaths(a: string, b: string): number {
  const x = a.split('/');
  const y = b.split('/');
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    if (x[i] !== y[i]) return x[i] < y[i] ? -1 : 1;
  }
  return x.length - y.length;
}

/**
 * Exports every file of the workspace matching `policyLens.workspaceGlob`, streaming one document at a time.
 * Besides the progress notification's Cancel button, a script may pass a CancellationToken to stop it.
 */
export async function exportWorkspace(store: AnalysisStore, targetArg: unknown, cancellationArg?: unknown, reviews?: ReportReviewer): Promise<ExportResult> {
  const external = isCancellationToken(cancellationArg) ? cancellationArg : undefined;
  const target = await chooseTarget(targetArg, 'policy-lens-workspace.json');
  if (!target) return undefined;
  if (isOpenDocument(target)) {
    void vscode.window.showErrorMessage(t('Policy Lens will not export over the open document {0}.', target.fsPath));
    return undefined;
  }
  const style = styleFor(target);
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: t('Policy Lens: exporting workspace tallies'), cancellable: true },
    async (progress, progressToken) => {
      const token = { get isCancellationRequested(): boolean { return progressToken.isCancellationRequested || external?.isCancellationRequested === true; } };
      let writer: ReportWriter | undefined;
      try {
        const files = await vscode.workspace.findFiles(readSettings().workspaceGlob, '**/node_modules/**', undefined, progressToken);
        files.sort((a, b) => comparePaths(sourceName(a), sourceName(b)));
        await reviews?.whenIdle();
        writer = await ReportWriter.open(target);
        await writer.write(reportOpening(reportHeader(store.engine.lexiconInfo), style));
        let written = 0;
        for (const [i, file] of files.entries()) {
          if (token.isCancellationRequested) break;
          progress.report({ message: `${i + 1}/${files.length} ${sourceName(file)}`, increment: 100 / files.length });
          // Decoded as the CLI decodes; what the CLI skips (binary, empty) is skipped here too.
          const analysis = await store.analyseFile(await vscode.workspace.fs.readFile(file), file);
          if (analysis === undefined) continue;
          await writer.write(documentSeparator(written, style));
          const tally = analysis.tally();
          let summary = documentSummary(sourceName(file), tally);
          let annotations: Iterable<ReportAnnotation> = annotationsOf(analysis);
          if (reviews) ({ summary, annotations } = reviews.reviewReport(file, analysis.text(), tally, analysis.matches(), summary, annotations));
          for (const chunk of documentChunks(summary, annotations, style)) await writer.write(chunk);
          written++;
        }
        if (token.isCancellationRequested) {
          await writer.abort();
          void vscode.window.showInformationMessage(t('Policy Lens: workspace export cancelled; nothing was written.'));
          return undefined;
        }
        await writer.write(reportClosing(written, style));
        await writer.commit();
        void vscode.window.showInformationMessage(t('Policy Lens: exported {0} documents to {1}.', written, target.fsPath || target.toString()));
        return target;
      } catch (err) {
        await writer?.abort();
        reportFailure(target, err);
        return undefined;
      }
    },
  );
}

function isCancellationToken(value: unknown): value is vscode.CancellationToken {
  return typeof value === 'object' && value !== null && typeof (value as { isCancellationRequested?: unknown }).isCancellationRequested === 'boolean';
}
