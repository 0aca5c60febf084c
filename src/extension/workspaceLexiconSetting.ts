// Whether the workspace's own settings name lexicon files. In an untrusted workspace VS Code drops restricted
// settings from the workspace before any extension sees them (`inspect` has no workspace value either), so the
// settings files are read as text: only to tell the user that their lexicons are being held back, never to load them.
import { parse } from 'jsonc-parser';
import * as vscode from 'vscode';
import { settingId } from './settingDefaults';

const SETTING = settingId('lexiconFiles');

/** True when `.vscode/settings.json` of a workspace folder, or the `.code-workspace` file, gives policyLens.lexiconFiles a non-empty list. */
export async function workspaceNamesLexiconFiles(): Promise<boolean> {
  const files: { uri: vscode.Uri; settingsOf: (root: unknown) => unknown }[] = (vscode.workspace.workspaceFolders ?? []).map((folder) => ({
    uri: vscode.Uri.joinPath(folder.uri, '.vscode', 'settings.json'),
    settingsOf: (root) => root,
  }));
  const workspaceFile = vscode.workspace.workspaceFile;
  if (workspaceFile && workspaceFile.scheme !== 'untitled') files.push({ uri: workspaceFile, settingsOf: (root) => field(root, 'settings') });
  for (const { uri, settingsOf } of files) {
    const text = await readText(uri);
    if (text !== undefined && namesLexiconFiles(settingsOf(parse(text, [], { allowTrailingComma: true })))) return true;
  }
  return false;
}

/** Settings as VS Code reads them: the dotted key, or the same key nested in objects. */
function namesLexiconFiles(settings: unknown): boolean {
  const dotted = field(settings, SETTING);
  const nested = field(field(settings, 'policyLens'), 'lexiconFiles');
  return [dotted, nested].some((value) => Array.isArray(value) && value.length > 0);
}

function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>)[key] : undefined;
}

async function readText(uri: vscode.Uri): Promise<string | undefined> {
  try {
    return new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return undefined;
  }
}
