// The workspace lexicon, `.policylens/lexicon.json` in the existing lexicon format: terms added and ignored from the
// editor. It is loaded before the built-in lexicons, so its entries (a neutral one ignores a term) take precedence;
// the CLI reads the same file. Edited as text, so the user's formatting and order are kept.
import { applyEdits, findNodeAtLocation, modify, Node, parseTree } from 'jsonc-parser';
import * as vscode from 'vscode';
import { writeReport } from './reportWriter';

const WORKSPACE_LEXICON_PATH = '.policylens/lexicon.json';

export interface WorkspaceEntry {
  term: string;
  category?: string;
  neutral?: true;
  note?: string;
}

export function workspaceLexiconUri(folder: vscode.WorkspaceFolder): vscode.Uri {
  return vscode.Uri.joinPath(folder.uri, WORKSPACE_LEXICON_PATH);
}

async function readText(uri: vscode.Uri): Promise<string | undefined> {
  try {
    return new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return undefined;
  }
}

function skeleton(term: string): string {
  const language = /\p{Script=Han}/u.test(term) ? 'zh' : 'en';
  const lexicon = {
    name: 'workspace',
    version: '1',
    language,
    description: 'Terms added and ignored from the editor with Policy Lens.',
    categories: [],
    entries: [],
  };
  return JSON.stringify(lexicon, null, 2) + '\n';
}

/** Index of the entry whose term is `term` (compared without case and extra spaces), or −1. */
function entryIndex(root: Node | undefined, term: string): number {
  const entries = root && findNodeAtLocation(root, ['entries']);
  const wanted = normalize(term);
  return (entries?.children ?? []).findIndex((e) => {
    const t = findNodeAtLocation(e, ['term']);
    return typeof t?.value === 'string' && normalize(t.value) === wanted;
  });
}

function normalize(term: string): string {
  return term.trim().replace(/\s+/g, ' ').toLowerCase();
}

/**
 * Adds an entry (or replaces the entry of the same term) and writes the file atomically. Returns the file. Refuses a
 * file that is not valid JSON, which the user must fix first (the lexicon loader names the place).
 */
export async function putWorkspaceEntry(folder: vscode.WorkspaceFolder, entry: WorkspaceEntry): Promise<vscode.Uri> {
  if (!vscode.workspace.isTrusted) throw new Error(`this workspace is not trusted, so ${WORKSPACE_LEXICON_PATH} is not written`);
  const uri = workspaceLexiconUri(folder);
  const text = (await readText(uri)) ?? skeleton(entry.term);
  const errors: { error: number; offset: number; length: number }[] = [];
  const root = parseTree(text, errors);
  if (errors.length > 0 || !root) throw new Error(`${uri.fsPath} is not valid JSON; fix it first`);
  const index = entryIndex(root, entry.term);
  const path = index >= 0 ? ['entries', index] : ['entries', -1];
  const edits = modify(text, path, entry, { formattingOptions: { insertSpaces: true, tabSize: 2, eol: '\n' }, isArrayInsertion: index < 0 });
  await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(folder.uri, '.policylens'));
  await writeReport(uri, applyEdits(text, edits));
  return uri;
}

/** Where the entry of `term` stands in the workspace lexicon (offset of its object), or undefined. */
export async function workspaceEntryOffset(folder: vscode.WorkspaceFolder, term: string): Promise<number | undefined> {
  const text = await readText(workspaceLexiconUri(folder));
  if (text === undefined) return undefined;
  const root = parseTree(text);
  const index = entryIndex(root, term);
  if (index < 0 || !root) return undefined;
  return findNodeAtLocation(root, ['entries', index])?.offset;
}
