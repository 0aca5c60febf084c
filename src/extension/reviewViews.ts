// The review's views: a hover with the verdict (who, when, why) and Accept / Reject links, code actions, and the
// Review tree in the Policy Lens sidebar (as-reviewed figures, manual codes, orphans, rejections per entry).
import * as vscode from 'vscode';
import { CategoryLabels, t } from './l10n';
import { markdownText as escape } from './markdownText';
import { offsetRange } from './positions';
import { REVIEW_COMMANDS, ReviewArgs } from './reviewCommands';
import type { ReviewSnapshot, ReviewStore } from './reviewStore';
import type { AnalysisStore } from './store';

function link(label: string, command: string, args: ReviewArgs): string {
  return `[${escape(label)}](command:${command}?${encodeURIComponent(JSON.stringify(args))})`;
}

function when(iso: string): string {
  return iso.replace('T', ' ').replace(/\.\d+Z$|Z$/, ' UTC');
}

export class ReviewHoverProvider implements vscode.HoverProvider {
  constructor(
    private readonly store: AnalysisStore,
    private readonly reviews: ReviewStore,
  ) {}

  async provideHover(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.Hover | undefined> {
    await this.store.whenIdle(document.uri);
    const snapshot = this.reviews.snapshot(document);
    if (!snapshot) return undefined;
    const offset = document.offsetAt(position);
    const parts: vscode.MarkdownString[] = [];
    let start = Infinity;
    let end = -1;
    const labels = new CategoryLabels(this.store.categories);
    for (const m of this.store.matchesInRange(document.uri, offset, offset + 1)) {
      if (m.negated) continue;
      start = Math.min(start, m.start);
      end = Math.max(end, m.end);
      const md = trustedMarkdown();
      const verdict = snapshot.verdictOf(m);
      if (verdict) {
        const what = verdict.value === 'rejected' ? (verdict.scope === 'workspace' ? t('Rejected everywhere in this workspace') : t('Rejected here')) : t('Accepted');
        md.appendMarkdown(`$(${verdict.value === 'rejected' ? 'close' : 'check'}) **${escape(what)}** ${escape(t('by {0}, {1}', verdict.creator, when(verdict.modified)))}`);
        if (verdict.reason) md.appendMarkdown(` — _${escape(verdict.reason)}_`);
        if (verdict.value === 'rejected') md.appendMarkdown(` · ${escape(t('not counted'))}`);
        md.appendMarkdown('\n\n');
      } else md.appendMarkdown(`$(question) ${escape(t('Not reviewed'))}\n\n`);
      const args: ReviewArgs = { uri: document.uri.toString(), start: m.start, end: m.end, entry: m.entry, category: m.category };
      md.appendMarkdown(
        [
          link(t('Accept'), REVIEW_COMMANDS.accept, args),
          link(t('Reject (wrong here)'), REVIEW_COMMANDS.reject, args),
          link(t('Reject everywhere in this workspace'), REVIEW_COMMANDS.rejectEverywhere, args),
          ...(verdict?.scope === 'here' ? [link(t('Clear review'), REVIEW_COMMANDS.clearReview, args)] : []),
          link(t('Edit entry'), REVIEW_COMMANDS.editEntry, args),
        ].join(' · '),
      );
      parts.push(md);
    }
    for (const n of snapshot.notes) {
      if (n.status === 'orphan' || offset < n.start || offset >= n.end) continue;
      start = Math.min(start, n.start);
      end = Math.max(end, n.end);
      const md = trustedMarkdown();
      const title = n.kind === 'code' ? `$(tag) **${escape(t('Code: {0}', labels.label(n.code ?? '')))}**` : `$(note) **${escape(t('Memo'))}**`;
      md.appendMarkdown(`${title} ${escape(t('by {0}, {1}', n.creator, when(n.modified)))}`);
      if (n.memo) md.appendMarkdown(`\n\n${escape(n.memo)}`);
      parts.push(md);
    }
    if (parts.length === 0) return undefined;
    return new vscode.Hover(parts, offsetRange(document, start, end));
  }
}

function trustedMarkdown(): vscode.MarkdownString {
  const md = new vscode.MarkdownString(undefined, true);
  md.supportHtml = false;
  // Only our own review commands may run from these links.
  md.isTrusted = { enabledCommands: [REVIEW_COMMANDS.accept, REVIEW_COMMANDS.reject, REVIEW_COMMANDS.rejectEverywhere, REVIEW_COMMANDS.clearReview, REVIEW_COMMANDS.editEntry] };
  return md;
}

export class ReviewCodeActionProvider implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  constructor(
    private readonly store: AnalysisStore,
    private readonly reviews: ReviewStore,
  ) {}

  provideCodeActions(document: vscode.TextDocument, range: vscode.Range | vscode.Selection): vscode.CodeAction[] {
    const snapshot = this.reviews.snapshot(document);
    if (!snapshot) return [];
    const actions: vscode.CodeAction[] = [];
    const from = document.offsetAt(range.start);
    const to = document.offsetAt(range.end);
    // A match touching the selection at either end counts as under it.
    for (const m of this.store.matchesInRange(document.uri, from - 1, to + 1)) {
      if (m.negated) continue;
      const args: ReviewArgs = { uri: document.uri.toString(), start: m.start, end: m.end, entry: m.entry, category: m.category };
      const add = (title: string, command: string): void => {
        const action = new vscode.CodeAction(`${title}: "${m.text}"`, vscode.CodeActionKind.QuickFix);
        action.command = { title, command, arguments: [args] };
        actions.push(action);
      };
      add(t('Policy Lens: Accept match'), REVIEW_COMMANDS.accept);
      add(t('Policy Lens: Reject match (wrong here)'), REVIEW_COMMANDS.reject);
      add(t('Policy Lens: Reject everywhere in this workspace'), REVIEW_COMMANDS.rejectEverywhere);
      add(t('Policy Lens: Ignore term in this workspace'), REVIEW_COMMANDS.ignoreTerm);
    }
    if (!range.isEmpty) {
      for (const [title, command] of [
        [t('Policy Lens: Code Selection…'), REVIEW_COMMANDS.codeSelection],
        [t('Policy Lens: Add Memo…'), REVIEW_COMMANDS.addMemo],
        [t('Policy Lens: Add Selection to Lexicon…'), REVIEW_COMMANDS.addToLexicon],
      ]) {
        const action = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
        action.command = { title, command };
        actions.push(action);
      }
    }
    return actions;
  }
}

/** One row of the Review tree, as plain data (tests read these). */
export interface ReviewRow {
  readonly id: string;
  readonly label: string;
  readonly description?: string;
  readonly tooltip?: string;
  readonly children?: ReviewRow[];
  readonly command?: vscode.Command;
  /** The match a row stands for, passed to Accept / Reject when they run from the row's menu. */
  readonly review?: ReviewArgs;
  readonly contextValue?: string;
}

export class ReviewTreeProvider implements vscode.TreeDataProvider<ReviewRow>, vscode.Disposable {
  static readonly viewId = 'policyLens.review';
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.emitter.event;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly store: AnalysisStore,
    private readonly reviews: ReviewStore,
  ) {
    this.disposables.push(this.emitter, reviews.onDidChange(() => this.emitter.fire()), vscode.window.onDidChangeActiveTextEditor(() => this.emitter.fire()));
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }

  getTreeItem(row: ReviewRow): vscode.TreeItem {
    const item = new vscode.TreeItem(row.label, row.children ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None);
    item.id = row.id;
    item.description = row.description;
    item.tooltip = row.tooltip;
    item.command = row.command;
    item.contextValue = row.contextValue;
    return item;
  }

  getChildren(row?: ReviewRow): ReviewRow[] {
    if (row) return row.children ?? [];
    return this.rows();
  }

  /** The rows for the active document (or the one given). */
  rows(document: vscode.TextDocument | undefined = vscode.window.activeTextEditor?.document): ReviewRow[] {
    if (!document) return [];
    const snapshot = this.reviews.snapshot(document);
    if (!snapshot) return [];
    return reviewRows(snapshot, new CategoryLabels(this.store.categories), this.store.get(document.uri)?.tally);
  }
}

/** Rows listed under Matches; a longer document is reviewed from the editor (Review Next Unreviewed Match). */
const MATCH_ROWS = 2000;

function figures(f: { control: { matches: number }; engagement: { matches: number }; lean: { index: number | null } }): string {
  const lean = f.lean.index === null ? '—' : `${f.lean.index > 0 ? '+' : ''}${f.lean.index.toFixed(2)}`;
  return t('control {0} · engagement {1} · lean {2}', f.control.matches, f.engagement.matches, lean);
}

function reviewRows(snapshot: ReviewSnapshot, labels: CategoryLabels, automatic: Parameters<typeof figures>[0] | undefined): ReviewRow[] {
  const uri = snapshot.uri.toString();
  const rows: ReviewRow[] = [];
  if (snapshot.status.problem) rows.push({ id: 'problem', label: `$(error) ${snapshot.status.problem}`, tooltip: t('The annotation store is not written until this is fixed.') });
  if (snapshot.status.readOnly) rows.push({ id: 'readonly', label: t('Store written by a newer version: read-only') });
  if (automatic) rows.push({ id: 'automatic', label: t('Automatic'), description: figures(automatic) });
  rows.push({ id: 'reviewed', label: t('As reviewed'), description: snapshot.reviewed ? figures(snapshot.reviewed) : t('nothing reviewed yet') });
  const reveal = (start: number, end: number): vscode.Command => ({ title: t('Reveal'), command: REVIEW_COMMANDS.revealNote, arguments: [{ uri, start, end }] });
  const anchored = snapshot.notes.filter((n) => n.status !== 'orphan');
  const noteRow = (n: (typeof anchored)[number]): ReviewRow => ({
    id: `note:${n.id}`,
    label: n.kind === 'code' ? labels.label(n.code ?? '') : `«${n.quote}»`,
    description: n.kind === 'code' ? `«${n.quote}»${n.memo ? ` — ${n.memo}` : ''}` : (n.memo ?? ''),
    tooltip: `${n.creator}, ${n.modified}`,
    command: reveal(n.start, n.end),
  });
  const matchRows = snapshot.firstCounted(MATCH_ROWS).map(({ match: m, verdict }): ReviewRow => {
    const status = verdict ? (verdict.value === 'rejected' ? t('rejected') : t('accepted')) : t('Not reviewed');
    return {
      id: `match:${m.start}:${m.end}:${m.entry}`,
      label: `«${m.text}»`,
      description: `${status} · ${labels.label(m.category)}`,
      contextValue: 'policyLens.match',
      review: { uri, start: m.start, end: m.end, entry: m.entry, category: m.category },
      command: reveal(m.start, m.end),
    };
  });
  rows.push({ id: 'matches', label: t('Matches ({0}, {1} not reviewed)', snapshot.counted.total, snapshot.counted.open), children: matchRows });
  const codes = anchored.filter((n) => n.kind === 'code');
  rows.push({ id: 'codes', label: t('Manual codes ({0})', codes.length), children: codes.map(noteRow) });
  const memos = anchored.filter((n) => n.kind === 'memo');
  if (memos.length > 0) rows.push({ id: 'memos', label: t('Memos ({0})', memos.length), children: memos.map(noteRow) });
  const orphanNotes = snapshot.notes.filter((n) => n.status === 'orphan');
  const orphans: ReviewRow[] = [
    ...orphanNotes.map((n) => ({ id: `orphan:${n.id}`, label: `«${n.quote}»`, description: `${n.kind === 'code' ? labels.label(n.code ?? '') : t('memo')}${n.memo ? ` — ${n.memo}` : ''}`, tooltip: t('Not found in the text any more; kept in the store.') })),
    ...snapshot.orphanReviews.map((r) => ({ id: `orphan:${r.id}`, label: `«${r.quote}»`, description: `${r.value === 'rejected' ? t('rejected') : t('accepted')} (${r.entry})${r.reason ? ` — ${r.reason}` : ''}`, tooltip: t('Not found in the text any more; kept in the store.') })),
  ];
  if (orphans.length > 0) rows.push({ id: 'orphans', label: t('Orphans ({0})', orphans.length), children: orphans });
  rows.push({
    id: 'entries',
    label: t('Lexicon entries'),
    children: snapshot.entries.map((e) => ({
      id: `entry:${e.category}:${e.entry}`,
      label: e.entry,
      description: `${t('rejected {0} of {1}', e.rejected, e.matches)}${e.accepted > 0 ? ` · ${t('accepted {0}', e.accepted)}` : ''} · ${labels.label(e.category)}`,
    })),
  });
  return rows;
}
