// The sidebar tally: a webview view that reads the analysis store and never calls the engine. Its HTML is a
// fixed shell (CSP with a nonce, local script and CSS); all data, including every piece of document text,
// travels by postMessage and is put into the DOM as text by the webview script.
import * as crypto from 'node:crypto';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { CategoryLabels, labelLanguage, leanLabel, t, traditionalScript } from './l10n';
import type { LeanLabel } from '../core/types';
import { revealOffsets } from './reveal';
import { onDidChangeSettings } from './settings';
import { isFromWebviewMessage, type FromWebviewMessage, type SidebarModel, type SidebarStrings } from '../shared/sidebarMessages';
import type { ReviewStore } from './reviewStore';
import { buildSidebarModel, modelMessage, nextOccurrence, type ReviewedSource, type SidebarLabels, type SidebarSource } from './sidebarModel';
import { MEASUREMENT, type AnalysisStore, type StoredAnalysis } from './store';

/** Minimum spacing of model posts while the user types or switches editors quickly. */
const POST_INTERVAL_MS = 120;

/** Documents that are never "the active document" for the sidebar: focusing them keeps the previous one. */
const PANEL_SCHEMES: ReadonlySet<string> = new Set(['output', 'debug', 'vscode-terminal']);

function sidebarStrings(): SidebarStrings {
  return {
    lean: t('Lean'),
    leanScale: t('−1 is all control, +1 all engagement'),
    thinEvidence: t('Thin evidence: fewer than {0} sentences hold a match.', MEASUREMENT.thinEvidence),
    control: t('Control'),
    engagement: t('Engagement'),
    controlShort: t('Ctrl'),
    engagementShort: t('Eng'),
    matches: t('Matches'),
    perThousandWords: t('Per 1,000 words'),
    words: t('Words'),
    sentences: t('Sentences'),
    controlSentences: t('Control sentences'),
    engagementSentences: t('Engagement sentences'),
    both: t('Both'),
    leanFormula: t('Lean = (E − C) / (E + C), where C and E count control and engagement sentences.'),
    sectionsHint: t('Sentences holding control (Ctrl) or engagement (Eng) matches; each row includes its subsections.'),
    expandSection: t('Show or hide the subsections of {0}'),
    categories: t('Categories'),
    topTerms: t('Top terms'),
    topTermsHint: t('Select a term to jump to its next occurrence.'),
    sections: t('Sections'),
    section: t('Section'),
    openDocuments: t('Open documents'),
    noDocument: t('Open a policy text to see its tally.'),
    notAnnotated: t('{0} is not annotated.'),
    analysing: t('Analysis in progress; the figures will update.'),
    noMatches: t('No annotations in this document.'),
    noSections: t('No section headings found.'),
    jumpToTerm: t('Jump to the next occurrence of {0}'),
    jumpToSection: t('Jump to section {0}'),
    openDocument: t('Open {0}'),
    activeDocument: t('Active document'),
    thinShort: t('thin evidence'),
    leanBySection: t('Lean by section'),
    sectionRange: t('{0} – {1} ({2} sections)'),
    reviewComparison: t('Automatic and as reviewed'),
    automatic: t('Automatic'),
    asReviewed: t('As reviewed'),
    reviewSummary: t('Rejected matches: {0} · manual codes: {1}'),
  };
}

function createNonce(): string {
  return crypto.randomBytes(18).toString('base64');
}

function documentName(uri: vscode.Uri): string {
  return path.posix.basename(uri.path) || uri.toString();
}

function documentDetail(uri: vscode.Uri): string {
  return uri.scheme === 'file' ? vscode.workspace.asRelativePath(uri, false) : uri.toString();
}

function isOpen(uri: vscode.Uri): boolean {
  const key = uri.toString();
  return vscode.workspace.textDocuments.some((d) => d.uri.toString() === key);
}

export class SidebarProvider implements vscode.WebviewViewProvider, vscode.Disposable {
  static readonly viewId = 'policyLens.tally';

  private view: vscode.WebviewView | undefined;
  private viewDisposables: vscode.Disposable[] = [];
  private readonly disposables: vscode.Disposable[] = [];
  private html: string | undefined;
  private model: SidebarModel | undefined;
  /** The model the webview holds, which the next post updates; undefined when it needs a whole one. */
  private posted: SidebarModel | undefined;
  private activeUri: vscode.Uri | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private lastPostAt = 0;
  /** Set when the webview's script has run and said so: proof that the CSP, nonce and resource roots let it load. */
  private scriptReady = false;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly store: AnalysisStore,
    private readonly reviews?: ReviewStore,
  ) {
    this.activeUri = vscode.window.activeTextEditor?.document.uri;
    this.disposables.push(
      store.onDidChange(() => this.schedule()),
      ...(reviews ? [reviews.onDidChange(() => this.schedule())] : []),
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (editor && !PANEL_SCHEMES.has(editor.document.uri.scheme)) {
          this.activeUri = editor.document.uri;
        } else if (!editor && vscode.window.visibleTextEditors.length === 0) {
          // Every editor was closed; focus merely moving to a panel or webview keeps the last document.
          this.activeUri = undefined;
        }
        this.schedule();
      }),
      vscode.workspace.onDidCloseTextDocument(() => this.schedule()),
      onDidChangeSettings((e) => {
        if (e.affects('labelLanguage')) this.schedule();
      }),
    );
  }

  resolveWebviewView(view: vscode.WebviewView): void {
    this.disposeView();
    this.view = view;
    view.webview.options = {
      enableScripts: true,
      localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'media'), vscode.Uri.joinPath(this.extensionUri, 'dist', 'webview')],
    };
    this.scriptReady = false;
    this.posted = undefined;
    this.html = this.renderHtml(view.webview, createNonce());
    view.webview.html = this.html;
    this.viewDisposables.push(
      view.webview.onDidReceiveMessage((message: unknown) => {
        if (isFromWebviewMessage(message) && message.type === 'ready') {
          this.scriptReady = true;
        }
        this.handleMessage(message).catch((err: unknown) => console.error('Policy Lens: sidebar action failed', err));
      }),
      view.onDidChangeVisibility(() => {
        if (view.visible) {
          this.schedule();
        }
      }),
      view.onDidDispose(() => {
        if (this.view === view) {
          this.disposeView();
        }
      }),
    );
  }

  /** The data last posted to the webview (for tests and the extension API). */
  currentModel(): SidebarModel | undefined {
    return this.model;
  }

  /** The HTML the webview was last given: a shell without any document text. */
  currentHtml(): string | undefined {
    return this.html;
  }

  /** True once the current webview's script has loaded and asked for data. */
  isWebviewReady(): boolean {
    return this.scriptReady;
  }

  /** Acts on a message from the webview; exposed so tests can simulate clicks. Malformed messages are ignored. */
  async handleMessage(message: unknown): Promise<void> {
    if (!isFromWebviewMessage(message)) {
      return;
    }
    await this.dispatch(message);
  }

  /** Posts the model now instead of waiting for the throttle. */
  async refresh(): Promise<void> {
    this.cancelTimer();
    await this.post();
  }

  dispose(): void {
    this.cancelTimer();
    this.disposeView();
    for (const d of this.disposables.splice(0)) {
      d.dispose();
    }
  }

  private async dispatch(message: FromWebviewMessage): Promise<void> {
    switch (message.type) {
      case 'ready':
        // A (re)loaded script holds no model, or one saved earlier.
        this.posted = undefined;
        await this.refresh();
        return;
      case 'revealTerm':
        await this.revealTerm(message.uri, message.term, message.category);
        return;
      case 'revealSection':
        await this.revealSection(message.uri, message.index);
        return;
      case 'openDocument':
        await this.openDocument(message.uri);
        return;
    }
  }

  /** Only documents the store knows are acted on: the webview cannot name arbitrary resources. */
  private find(uri: string): StoredAnalysis | undefined {
    return this.store.all().find((s) => s.uri.toString() === uri);
  }

  private async revealTerm(uri: string, term: string, category: string): Promise<void> {
    const stored = this.find(uri);
    if (!stored) {
      return;
    }
    const editor = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri);
    const cursor = editor ? editor.document.offsetAt(editor.selection.start) : -1;
    const hasSelection = editor ? !editor.selection.isEmpty : false;
    const next = nextOccurrence(this.store.occurrences(stored.uri, term, category), cursor, hasSelection);
    if (next) {
      await revealOffsets(stored.uri, next.start, next.end);
    }
  }

  private async revealSection(uri: string, index: number): Promise<void> {
    const stored = this.find(uri);
    const section = stored?.tally.sections[index];
    if (stored && section) {
      await revealOffsets(stored.uri, section.startOffset, section.startOffset);
    }
  }

  private async openDocument(uri: string): Promise<void> {
    const stored = this.find(uri);
    if (!stored) {
      return;
    }
    const visible = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri);
    const document = visible?.document ?? (await vscode.workspace.openTextDocument(stored.uri));
    await vscode.window.showTextDocument(document, { viewColumn: visible?.viewColumn, preview: false });
  }

  private schedule(): void {
    if (this.timer || !this.view?.visible) {
      return;
    }
    const wait = Math.max(0, this.lastPostAt + POST_INTERVAL_MS - Date.now());
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.post();
    }, wait);
  }

  private cancelTimer(): void {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
  }

  private async post(): Promise<void> {
    const view = this.view;
    if (!view) {
      return;
    }
    this.lastPostAt = Date.now();
    const model = this.buildModel();
    this.model = model;
    const message = modelMessage(this.posted, model);
    this.posted = model;
    // Not delivered (the webview is gone or reloading): its next 'ready' asks for a whole model anyway.
    if (!(await view.webview.postMessage(message)) && this.posted === model) this.posted = undefined;
  }

  private buildModel(): SidebarModel {
    const categories = new CategoryLabels(this.store.categories, labelLanguage());
    // Asked once per section row: localised once per update.
    const leanLabels = new Map<LeanLabel, string>();
    const labels: SidebarLabels = {
      strings: sidebarStrings(),
      category: (id, english) => categories.label(id, english),
      lean: (label) => {
        let text = leanLabels.get(label);
        if (text === undefined) leanLabels.set(label, (text = leanLabel(label)));
        return text;
      },
    };
    const sources = this.store
      .all()
      .filter((s) => isOpen(s.uri))
      .map((s): SidebarSource => ({
        uri: s.uri.toString(),
        name: documentName(s.uri),
        detail: documentDetail(s.uri),
        tally: s.tally,
        complete: s.complete,
        standings: (wanted) => this.store.termStandings(s.uri, wanted),
      }));
    const activeUri = this.activeUri && isOpen(this.activeUri) ? this.activeUri : undefined;
    const activeKey = activeUri?.toString();
    const found = sources.find((s) => s.uri === activeKey);
    const active = found && { ...found, reviewed: this.reviewedOf(activeKey) };
    return buildSidebarModel(active, sources, labels, activeUri ? documentName(activeUri) : null, this.model);
  }

  /** The active document's figures as reviewed, from the review store's snapshot (null: nothing reviewed). */
  private reviewedOf(uri: string | undefined): ReviewedSource | null {
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri);
    const snapshot = document && this.reviews?.snapshot(document);
    if (!snapshot?.reviewed) return null;
    const rejected = snapshot.matches.filter((m, i) => !m.negated && snapshot.verdicts[i]?.value === 'rejected').length;
    const codes = snapshot.notes.filter((n) => n.kind === 'code' && n.status !== 'orphan' && n.polarity !== null).length;
    return { ...snapshot.reviewed, rejected, codes };
  }

  private renderHtml(webview: vscode.Webview, nonce: string): string {
    const script = webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'dist', 'webview', 'sidebar.js'));
    const style = webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'media', 'sidebar.css'));
    const csp = [
      "default-src 'none'",
      `style-src ${webview.cspSource}`,
      `script-src 'nonce-${nonce}'`,
      `img-src ${webview.cspSource}`,
    ].join('; ');
    return [
      '<!DOCTYPE html>',
      `<html lang="${labelLanguage() === 'zh' ? (traditionalScript() ? 'zh-TW' : 'zh-CN') : 'en'}">`,
      '<head>',
      '<meta charset="UTF-8">',
      `<meta http-equiv="Content-Security-Policy" content="${csp}">`,
      '<meta name="viewport" content="width=device-width, initial-scale=1.0">',
      `<link rel="stylesheet" href="${style.toString()}">`,
      '<title>Policy Lens</title>',
      '</head>',
      '<body>',
      '<main id="root"></main>',
      `<script nonce="${nonce}" src="${script.toString()}"></script>`,
      '</body>',
      '</html>',
    ].join('\n');
  }

  private disposeView(): void {
    for (const d of this.viewDisposables.splice(0)) {
      d.dispose();
    }
    this.view = undefined;
  }
}
