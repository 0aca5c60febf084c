// Review, manual coding and lexicon curation commands. Every command accepts one plain-object argument (what the
// hover's command links and the tests pass), and asks the user through quick picks and input boxes only for what
// the argument leaves out.
import * as vscode from 'vscode';
import type { Match } from '../core/types';
import { commandEditor } from './commandEditor';
import { CategoryLabels, polarityLabel, t } from './l10n';
import type { LexiconReloader } from './lexiconFiles';
import { offsetRange } from './positions';
import { revealOffsets } from './reveal';
import { readSettings } from './settings';
import type { AnalysisStore } from './store';
import { OVERWRITE_STORE_COMMAND, STORE_PATH, type ReviewSnapshot, type ReviewStore } from './reviewStore';
import { putWorkspaceEntry, workspaceEntryOffset, workspaceLexiconUri } from './workspaceLexicon';

export const REVIEW_COMMANDS = {
  accept: 'policyLens.acceptMatch',
  reject: 'policyLens.rejectMatch',
  rejectEverywhere: 'policyLens.rejectEverywhere',
  clearReview: 'policyLens.clearReview',
  nextUnreviewed: 'policyLens.nextUnreviewedMatch',
  codeSelection: 'policyLens.codeSelection',
  addMemo: 'policyLens.addMemo',
  addToLexicon: 'policyLens.addSelectionToLexicon',
  ignoreTerm: 'policyLens.ignoreTerm',
  editEntry: 'policyLens.editLexiconEntry',
  revealNote: 'policyLens.revealNote',
  overwriteStore: OVERWRITE_STORE_COMMAND,
} as const;

/** The one argument every review command takes; all fields optional. */
export interface ReviewArgs {
  /** Document URI (string or Uri); default the active editor's. */
  uri?: string | vscode.Uri;
  start?: number;
  end?: number;
  entry?: string;
  category?: string;
  reason?: string;
  code?: string;
  memo?: string;
  term?: string;
  /** Add to Lexicon / Ignore Term: true saves without asking, false only previews. */
  confirm?: boolean;
}

export interface TermPreview {
  term: string;
  category: string | null;
  /** Counted matches the term would make (or, ignored, take away) in the open documents, and how many documents. */
  openMatches: number;
  openDocuments: number;
  /** The same over the workspace's files (policyLens.workspaceGlob). */
  workspaceMatches: number;
  workspaceFiles: number;
  saved: boolean;
}

/** Most workspace files read for a preview. */
const PREVIEW_FILE_LIMIT = 2000;

export function registerReviewCommands(store: AnalysisStore, reviews: ReviewStore, reloader: LexiconReloader): vscode.Disposable[] {
  const register = (id: string, run: (args?: ReviewArgs) => unknown): vscode.Disposable =>
    vscode.commands.registerCommand(id, (args?: unknown) => run(fromRow(args) ?? (isArgs(args) ? args : undefined)));
  return [
    register(REVIEW_COMMANDS.accept, (args) => reviewMatch(store, reviews, args, 'accepted', 'here')),
    register(REVIEW_COMMANDS.reject, (args) => reviewMatch(store, reviews, args, 'rejected', 'here')),
    register(REVIEW_COMMANDS.rejectEverywhere, (args) => reviewMatch(store, reviews, args, 'rejected', 'workspace')),
    register(REVIEW_COMMANDS.clearReview, async (args) => {
      const found = await matchFor(store, reviews, args);
      return found ? reviews.clearReview(found.document, found.match) : false;
    }),
    register(REVIEW_COMMANDS.nextUnreviewed, () => nextUnreviewed(store, reviews)),
    register(REVIEW_COMMANDS.codeSelection, (args) => codeSelection(store, reviews, args)),
    register(REVIEW_COMMANDS.addMemo, (args) => addMemo(reviews, args)),
    register(REVIEW_COMMANDS.addToLexicon, (args) => addToLexicon(store, reviews, reloader, args, false)),
    register(REVIEW_COMMANDS.ignoreTerm, (args) => addToLexicon(store, reviews, reloader, args, true)),
    register(REVIEW_COMMANDS.editEntry, (args) => editEntry(store, reviews, reloader, args)),
    register(REVIEW_COMMANDS.overwriteStore, (args) => overwriteStore(reviews, args)),
    register(REVIEW_COMMANDS.revealNote, async (args) => {
      const document = await documentFor(args);
      if (!document || args?.start === undefined || args.end === undefined) return undefined;
      return revealOffsets(document.uri, args.start, args.end);
    }),
  ];
}

/** A row of the Review tree passes itself to its menu's commands; the match it stands for is its `review`. */
function fromRow(value: unknown): ReviewArgs | undefined {
  if (value === null || typeof value !== 'object' || !('review' in value)) return undefined;
  const review = (value as { review?: unknown }).review;
  return review !== null && typeof review === 'object' ? (review as ReviewArgs) : undefined;
}

function isArgs(value: unknown): value is ReviewArgs {
  return value !== null && typeof value === 'object' && !(value instanceof vscode.Uri);
}

async function documentFor(args: ReviewArgs | undefined): Promise<vscode.TextDocument | undefined> {
  if (args?.uri !== undefined) return vscode.workspace.openTextDocument(typeof args.uri === 'string' ? vscode.Uri.parse(args.uri) : args.uri);
  return (await commandEditor())?.document;
}

async function snapshotOf(store: AnalysisStore, reviews: ReviewStore, document: vscode.TextDocument): Promise<ReviewSnapshot | undefined> {
  if (!store.get(document.uri)) store.annotate(document);
  await store.whenIdle(document.uri);
  await reviews.whenIdle();
  return reviews.snapshot(document);
}

/** The match the arguments name, else the counted match under the cursor. */
async function matchFor(store: AnalysisStore, reviews: ReviewStore, args: ReviewArgs | undefined): Promise<{ document: vscode.TextDocument; match: Match; snapshot: ReviewSnapshot } | undefined> {
  const document = await documentFor(args);
  if (!document) return undefined;
  const snapshot = await snapshotOf(store, reviews, document);
  if (!snapshot) return undefined;
  let match: Match | undefined;
  if (args?.start !== undefined) {
    match = snapshot.matches.find((m) => m.start === args.start && (args.end === undefined || m.end === args.end) && (args.entry === undefined || m.entry === args.entry));
  } else {
    const editor = vscode.window.activeTextEditor;
    if (editor && editor.document.uri.toString() === document.uri.toString()) {
      const at = document.offsetAt(editor.selection.active);
      match = snapshot.matches.find((m) => !m.negated && m.start <= at && at <= m.end);
    }
  }
  if (!match) {
    vscode.window.setStatusBarMessage(t('Policy Lens: no counted match here to review'), 3000);
    return undefined;
  }
  return { document, match, snapshot };
}

async function reviewMatch(
  store: AnalysisStore,
  reviews: ReviewStore,
  args: ReviewArgs | undefined,
  value: 'accepted' | 'rejected',
  scope: 'here' | 'workspace',
): Promise<string | undefined> {
  const found = await matchFor(store, reviews, args);
  if (!found) return undefined;
  let reason = args?.reason ?? null;
  // Asked only when run from the palette or the keyboard; links and tests pass what they mean.
  if (args === undefined && value === 'rejected') {
    const typed = await vscode.window.showInputBox({ prompt: scope === 'workspace' ? t('Why is "{0}" wrong everywhere? (optional)', found.match.text) : t('Why is "{0}" wrong here? (optional)', found.match.text), placeHolder: t('reason') });
    if (typed === undefined) return undefined;
    reason = typed.trim() || null;
  }
  return reviews.review(found.document, found.match, value, scope, reason);
}

/** Selects the next counted match without a verdict after the cursor, wrapping around. */
async function nextUnreviewed(store: AnalysisStore, reviews: ReviewStore): Promise<Match | undefined> {
  const editor = await commandEditor();
  if (!editor) return undefined;
  const snapshot = await snapshotOf(store, reviews, editor.document);
  if (!snapshot) return undefined;
  const open = snapshot.matches.filter((m, i) => !m.negated && snapshot.verdicts[i] === null);
  if (open.length === 0) {
    vscode.window.setStatusBarMessage(t('Policy Lens: every match in this document is reviewed'), 3000);
    return undefined;
  }
  const from = editor.document.offsetAt(editor.selection.start);
  const target = open.find((m) => (editor.selection.isEmpty ? m.start >= from : m.start > from)) ?? open[0];
  await revealOffsets(editor.document.uri, target.start, target.end);
  return target;
}

interface CodeItem extends vscode.QuickPickItem {
  readonly code: string;
}

async function codeSelection(store: AnalysisStore, reviews: ReviewStore, args: ReviewArgs | undefined): Promise<string | undefined> {
  const document = await documentFor(args);
  if (!document) return undefined;
  const span = spanOf(document, args);
  if (!span) {
    void vscode.window.showInformationMessage(t('Policy Lens: select the passage to code first.'));
    return undefined;
  }
  let code = args?.code;
  if (code === undefined) {
    const labels = new CategoryLabels(store.categories);
    const items: CodeItem[] = [
      ...reviews.codebook(document.uri).map((c) => ({ code: c.id, label: c.label, description: `${t('codebook')}${c.polarity ? ` · ${polarityLabel(c.polarity)}` : ''}` })),
      ...store.categories.map((c) => ({ code: c.id, label: labels.label(c.id), description: c.polarity })),
    ];
    code = (await vscode.window.showQuickPick(items, { title: t('Code Selection'), placeHolder: t('A lexicon category or a code from {0}', '.policylens/codebook.json') }))?.code;
    if (code === undefined) return undefined;
  }
  let memo = args?.memo ?? null;
  if (args === undefined) {
    const typed = await vscode.window.showInputBox({ title: t('Code Selection'), prompt: t('Memo (optional)') });
    if (typed === undefined) return undefined;
    memo = typed.trim() || null;
  }
  return reviews.code(document, span.start, span.end, code, memo);
}

/** What Overwrite Malformed Annotation Store… did; `backup` is where the unreadable file was kept. */
export interface OverwriteResult {
  result: 'replaced' | 'merged' | 'unchanged' | 'cancelled';
  backup?: string;
}

/**
 * Replaces a store that cannot be read, only after the user confirms in a modal that names the error's location
 * (a test passes `confirm`); the unreadable file is kept beside it first.
 */
async function overwriteStore(reviews: ReviewStore, args: ReviewArgs | undefined): Promise<OverwriteResult | undefined> {
  const uri = args?.uri === undefined ? vscode.window.activeTextEditor?.document.uri : typeof args.uri === 'string' ? vscode.Uri.parse(args.uri) : args.uri;
  const folder = (uri && vscode.workspace.getWorkspaceFolder(uri)) ?? vscode.workspace.workspaceFolders?.[0];
  if (!folder) return undefined;
  await reviews.whenIdle();
  const status = reviews.status(folder);
  if (!status?.problem) {
    void vscode.window.showInformationMessage(t('Policy Lens: {0} can be read; there is nothing to overwrite.', STORE_PATH));
    return { result: 'unchanged' };
  }
  const backup = vscode.Uri.joinPath(status.file, '..', `annotations.json.${new Date().toISOString().replace(/[:.]/g, '-')}.bak`);
  let confirmed = args?.confirm;
  if (confirmed === undefined) {
    const action = t('Back Up and Overwrite');
    const detail = [
      status.problem,
      '',
      t('The file as it is now is kept as {0}, then replaced by the {1} change(s) made in this window. What the file held is not carried over: to keep it, fix the file instead, and the changes are merged into it.', vscode.workspace.asRelativePath(backup), status.unsaved),
    ].join('\n');
    confirmed = (await vscode.window.showWarningMessage(t('Overwrite {0}?', STORE_PATH), { modal: true, detail }, action)) === action;
  }
  if (!confirmed) return { result: 'cancelled' };
  const result = await reviews.overwriteMalformed(folder, backup);
  return result === 'replaced' ? { result, backup: backup.fsPath } : { result };
}

/** Add Memo…: a `commenting` annotation on the selection, with no code: a note that counts in no figure. */
async function addMemo(reviews: ReviewStore, args: ReviewArgs | undefined): Promise<string | undefined> {
  const document = await documentFor(args);
  if (!document) return undefined;
  const span = spanOf(document, args);
  if (!span) {
    void vscode.window.showInformationMessage(t('Policy Lens: select the passage to write a memo on first.'));
    return undefined;
  }
  let memo = args?.memo?.trim();
  if (memo === undefined) {
    const typed = await vscode.window.showInputBox({ title: t('Add Memo'), prompt: t('Memo on "{0}"', abbreviate(document.getText(offsetRange(document, span.start, span.end)))), placeHolder: t('memo') });
    if (typed === undefined) return undefined;
    memo = typed.trim();
  }
  if (!memo) return undefined;
  return reviews.memo(document, span.start, span.end, memo);
}

function abbreviate(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 40 ? `${flat.slice(0, 39)}…` : flat;
}

function spanOf(document: vscode.TextDocument, args: ReviewArgs | undefined): { start: number; end: number } | undefined {
  if (args?.start !== undefined && args.end !== undefined && args.end > args.start) return { start: args.start, end: args.end };
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.uri.toString() !== document.uri.toString() || editor.selection.isEmpty) return undefined;
  return { start: document.offsetAt(editor.selection.start), end: document.offsetAt(editor.selection.end) };
}

/** Add Selection to Lexicon… (ignore false) and Ignore Term in This Workspace (ignore true). */
async function addToLexicon(
  store: AnalysisStore,
  reviews: ReviewStore,
  reloader: LexiconReloader,
  args: ReviewArgs | undefined,
  ignore: boolean,
): Promise<TermPreview | undefined> {
  const document = await documentFor(args);
  const folder = document ? vscode.workspace.getWorkspaceFolder(document.uri) : vscode.workspace.workspaceFolders?.[0];
  if (!folder) {
    void vscode.window.showInformationMessage(t('Policy Lens: open a workspace folder to keep a workspace lexicon.'));
    return undefined;
  }
  let term = args?.term;
  if (term === undefined && document) {
    const span = spanOf(document, args);
    if (span) term = document.getText(offsetRange(document, span.start, span.end));
    else if (ignore) term = (await matchFor(store, reviews, args))?.match.entry;
  }
  term = term?.trim().replace(/\s+/g, ' ');
  if (!term) {
    void vscode.window.showInformationMessage(t('Policy Lens: select a term first.'));
    return undefined;
  }
  let category: string | null = null;
  if (!ignore) {
    category = args?.category ?? null;
    if (category === null) {
      const labels = new CategoryLabels(store.categories);
      const picked = await vscode.window.showQuickPick(
        store.categories.map((c) => ({ code: c.id, label: labels.label(c.id), description: c.polarity })),
        { title: t('Add "{0}" to the workspace lexicon', term), placeHolder: t('Category') },
      );
      if (!picked) return undefined;
      category = picked.code;
    }
  }
  const preview = await previewOf(store, term, category);
  let save = args?.confirm;
  if (save === undefined) {
    const saveLabel = t('Save');
    const answer = await vscode.window.showQuickPick([saveLabel, t('Cancel')], {
      title: ignore
        ? t('"{0}" takes away {1} matches in {2} open documents, {3} in {4} workspace files', term, preview.openMatches, preview.openDocuments, preview.workspaceMatches, preview.workspaceFiles)
        : t('"{0}" makes {1} matches in {2} open documents, {3} in {4} workspace files', term, preview.openMatches, preview.openDocuments, preview.workspaceMatches, preview.workspaceFiles),
      placeHolder: t('Save to {0}?', vscode.workspace.asRelativePath(workspaceLexiconUri(folder))),
    });
    save = answer === saveLabel;
  }
  if (!save) return preview;
  try {
    await putWorkspaceEntry(folder, category === null ? { term, neutral: true, note: 'ignored in this workspace' } : { term, category });
  } catch (err) {
    void vscode.window.showWarningMessage(`Policy Lens: ${err instanceof Error ? err.message : String(err)}`);
    return preview;
  }
  await reloader.reload();
  await store.whenIdle();
  return { ...preview, saved: true };
}

async function previewOf(store: AnalysisStore, term: string, category: string | null): Promise<TermPreview> {
  // Open in a tab: VS Code keeps closed documents loaded for a while.
  const tabs = new Set(vscode.window.tabGroups.all.flatMap((g) => g.tabs.flatMap((t) => (t.input instanceof vscode.TabInputText ? [t.input.uri.toString()] : []))));
  const open = vscode.workspace.textDocuments.filter((d) => tabs.has(d.uri.toString()) && store.get(d.uri) !== undefined);
  const openCounts = store.previewTerm(term, category, open.map((d) => d.getText()));
  const files = await vscode.workspace.findFiles(readSettings().workspaceGlob, '**/{node_modules,.git,.policylens}/**', PREVIEW_FILE_LIMIT);
  const texts: string[] = [];
  for (const uri of files) {
    try {
      texts.push(new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri)));
    } catch {
      // An unreadable file counts nothing.
    }
  }
  const workspaceCounts = store.previewTerm(term, category, texts);
  const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);
  return { term, category, openMatches: sum(openCounts), openDocuments: open.length, workspaceMatches: sum(workspaceCounts), workspaceFiles: texts.length, saved: false };
}

/** Opens the workspace lexicon at the entry of the match's term, copying a built-in entry there first. */
async function editEntry(store: AnalysisStore, reviews: ReviewStore, reloader: LexiconReloader, args: ReviewArgs | undefined): Promise<vscode.TextEditor | undefined> {
  const document = await documentFor(args);
  const folder = document ? vscode.workspace.getWorkspaceFolder(document.uri) : vscode.workspace.workspaceFolders?.[0];
  if (!folder) return undefined;
  let term = args?.term ?? args?.entry;
  let category = args?.category;
  if (term === undefined) {
    const found = await matchFor(store, reviews, args);
    term = found?.match.entry;
    category = found?.match.category;
  }
  if (!term) return undefined;
  let offset = await workspaceEntryOffset(folder, term);
  if (offset === undefined && category !== undefined) {
    try {
      await putWorkspaceEntry(folder, { term, category });
    } catch (err) {
      void vscode.window.showWarningMessage(`Policy Lens: ${err instanceof Error ? err.message : String(err)}`);
      return undefined;
    }
    await reloader.reload();
    offset = await workspaceEntryOffset(folder, term);
  }
  const lexicon = await vscode.workspace.openTextDocument(workspaceLexiconUri(folder));
  const editor = await vscode.window.showTextDocument(lexicon, { preview: false });
  const position = lexicon.positionAt(offset ?? 0);
  editor.selection = new vscode.Selection(position, position);
  editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenter);
  return editor;
}
