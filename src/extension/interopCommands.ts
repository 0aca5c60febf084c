// Exports for other tools: the active document's tally as CSV (R, Stata, pandas), the open documents' annotations
// as one W3C Web Annotation collection, and as a REFI-QDA project (NVivo, MAXQDA, ATLAS.ti, QualCoder) or the
// categories as a REFI-QDA codebook. Each writes the CLI's bytes for the same files; a script or test passes the
// target Uri as the first argument instead of using the save dialog.
import * as vscode from 'vscode';
import { activeAnalysis, baseName, openTabUris } from './commands';
import { ExportResult, isOpenDocument, reportFailure, sourceName } from './export';
import { t } from './l10n';
import { writeReport } from './reportWriter';
import type { InteropFormat, ReviewStore } from './reviewStore';
import type { AnalysisStore } from './store';

const INTEROP_COMMANDS = {
  exportCsv: 'policyLens.exportCsv',
  exportW3c: 'policyLens.exportW3c',
  exportQdpx: 'policyLens.exportQdpx',
  exportCodebook: 'policyLens.exportCodebook',
} as const;

export function registerInteropCommands(store: AnalysisStore, reviews: ReviewStore): vscode.Disposable[] {
  const register = (id: string, run: (...args: unknown[]) => unknown): vscode.Disposable => vscode.commands.registerCommand(id, run);
  return [
    register(INTEROP_COMMANDS.exportCsv, async (target, rows): Promise<ExportResult> => {
      const stored = await activeAnalysis(store);
      const document = stored && vscode.workspace.textDocuments.find((d) => d.uri.toString() === stored.uri.toString());
      if (!document) return undefined;
      const format: InteropFormat = rows === 'sections' ? 'csv-sections' : 'csv';
      return exportTo(reviews, format, [document], target, `${baseName(document.uri)}.policy-lens.csv`, { CSV: ['csv'] });
    }),
    register(INTEROP_COMMANDS.exportW3c, async (target): Promise<ExportResult> => {
      const documents = await openAnnotated(store);
      return documents && exportTo(reviews, 'w3c', documents, target, 'policy-lens-annotations.jsonld', { 'JSON-LD': ['jsonld', 'json'] });
    }),
    register(INTEROP_COMMANDS.exportQdpx, async (target): Promise<ExportResult> => {
      const documents = await openAnnotated(store);
      return documents && exportTo(reviews, 'qdpx', documents, target, 'policy-lens.qdpx', { 'REFI-QDA project': ['qdpx'] });
    }),
    register(INTEROP_COMMANDS.exportCodebook, (target): Promise<ExportResult> => exportTo(reviews, 'qdc', [], target, 'policy-lens.qdc', { 'REFI-QDA codebook': ['qdc'] })),
  ];
}

/** The annotated documents open in tabs, waiting for analyses under way; undefined (and a message) when none. */
async function openAnnotated(store: AnalysisStore): Promise<vscode.TextDocument[] | undefined> {
  await store.whenIdle();
  const tabs = openTabUris();
  const documents = vscode.workspace.textDocuments.filter((d) => tabs.has(d.uri.toString()) && store.get(d.uri)?.complete === true);
  if (documents.length === 0) {
    void vscode.window.showInformationMessage(t('Policy Lens: no open document is annotated.'));
    return undefined;
  }
  return documents;
}

async function exportTo(
  reviews: ReviewStore,
  format: InteropFormat,
  documents: readonly vscode.TextDocument[],
  targetArg: unknown,
  suggestedName: string,
  filters: Record<string, string[]>,
): Promise<ExportResult> {
  const target = await chooseTarget(targetArg, suggestedName, filters);
  if (!target) return undefined;
  if (isOpenDocument(target)) {
    void vscode.window.showErrorMessage(t('Policy Lens will not export over the open document {0}.', target.fsPath));
    return undefined;
  }
  await reviews.whenIdle();
  // The CLI's names and path order, so that the bytes are the CLI's for the same files.
  const named = documents.map((document) => ({ document, source: sourceName(document.uri) }));
  try {
    await writeReport(target, reviews.exportDocuments(format, named).data);
  } catch (err) {
    reportFailure(target, err);
    return undefined;
  }
  return target;
}

async function chooseTarget(arg: unknown, suggestedName: string, filters: Record<string, string[]>): Promise<vscode.Uri | undefined> {
  if (arg instanceof vscode.Uri) return arg;
  if (typeof arg === 'string' && arg.length > 0) return vscode.Uri.file(arg);
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  return vscode.window.showSaveDialog({ defaultUri: folder ? vscode.Uri.joinPath(folder, suggestedName) : undefined, filters, saveLabel: t('Export') });
}
