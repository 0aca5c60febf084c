// VS Code as the analysis store sees it (see StoreHost in store.ts): open documents, their edits, what editors show,
// and the settings.
import * as vscode from 'vscode';
import { readSettings } from './settings';
import type { StoreHost } from './store';

export function vscodeStoreHost(): StoreHost {
  return {
    documents: () => vscode.workspace.textDocuments,
    onDidOpen: (listener) => vscode.workspace.onDidOpenTextDocument(listener),
    onDidClose: (listener) => vscode.workspace.onDidCloseTextDocument(listener),
    onDidEdit: (listener) => vscode.workspace.onDidChangeTextDocument((e) => listener(e.document, e.contentChanges)),
    onDidScroll: (listener) =>
      vscode.Disposable.from(
        vscode.window.onDidChangeTextEditorVisibleRanges((e) => listener(e.textEditor.document)),
        vscode.window.onDidChangeVisibleTextEditors((editors) => editors.forEach((e) => listener(e.document))),
      ),
    visibleRange(document) {
      const key = document.uri.toString();
      const editor = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === key);
      const range = editor?.visibleRanges[0];
      return range && { start: editor.document.offsetAt(range.start), end: editor.document.offsetAt(range.end) };
    },
    settings: (scope) => readSettings(scope),
  };
}
