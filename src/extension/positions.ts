// The single place where engine offsets (UTF-16 code units) become editor ranges.
import * as vscode from 'vscode';

export function offsetRange(document: vscode.TextDocument, start: number, end: number): vscode.Range {
  return new vscode.Range(document.positionAt(start), document.positionAt(end));
}
