// Jump to a span of a document: used by commands, the annotation list and the sidebar.
import * as vscode from 'vscode';
import { offsetRange } from './positions';

/** Opens (or focuses) the document, selects [start, end) and scrolls it into the middle of the editor. */
export async function revealOffsets(uri: vscode.Uri, start: number, end: number): Promise<vscode.TextEditor> {
  const visible = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString());
  const document = visible?.document ?? (await vscode.workspace.openTextDocument(uri));
  const editor = await vscode.window.showTextDocument(document, {
    viewColumn: visible?.viewColumn,
    preserveFocus: false,
    preview: false,
  });
  const range = offsetRange(document, start, end);
  editor.selection = new vscode.Selection(range.start, range.end);
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return editor;
}
