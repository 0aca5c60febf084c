// The text editor a command acts on when it is run from a link in the Get Started walkthrough, the sidebar or a
// panel: there the focus, and so `activeTextEditor`, is elsewhere, and the user means the document they last read.
import * as vscode from 'vscode';

interface LastEditor {
  readonly uri: string;
  readonly selection: vscode.Selection;
  readonly viewColumn: vscode.ViewColumn | undefined;
}

let last: LastEditor | undefined;

function remember(editor: vscode.TextEditor | undefined): void {
  // Output, debug console and terminal documents are not what a review command means.
  if (editor && editor.document.uri.scheme !== 'output') {
    last = { uri: editor.document.uri.toString(), selection: editor.selection, viewColumn: editor.viewColumn };
  }
}

/** Follows the active text editor and its selection; registered once on activation. */
export function trackTextEditors(): vscode.Disposable {
  remember(vscode.window.activeTextEditor);
  return vscode.Disposable.from(
    vscode.window.onDidChangeActiveTextEditor(remember),
    vscode.window.onDidChangeTextEditorSelection((e) => {
      if (e.textEditor === vscode.window.activeTextEditor) remember(e.textEditor);
    }),
  );
}

/**
 * The active text editor, else the one last active, shown again with its selection (a walkthrough tab may hide
 * it), else undefined when that document was closed.
 */
export async function commandEditor(): Promise<vscode.TextEditor | undefined> {
  const active = vscode.window.activeTextEditor;
  if (active) return active;
  const remembered = last;
  if (!remembered) return undefined;
  const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === remembered.uri);
  if (!document) return undefined;
  return vscode.window.showTextDocument(document, { viewColumn: remembered.viewColumn, selection: remembered.selection, preview: false });
}
