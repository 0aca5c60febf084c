// Builds the services, wires them to VS Code, and returns the typed API. Every disposable goes into the context.
import * as vscode from 'vscode';
import type { DocumentStatus, PolicyLensApi } from './api';
import { registerCommands } from './commands';
import { Decorator } from './decorations';
import { AnnotationHoverProvider } from './hover';
import { LexiconReloader } from './lexiconFiles';
import { SkipNotices } from './notices';
import { SidebarProvider } from './sidebar';
import { onDidChangeSettings, watchSettings } from './settings';
import { trackTextEditors } from './commandEditor';
import { registerInteropCommands } from './interopCommands';
import { registerReviewCommands } from './reviewCommands';
import { ReviewStore } from './reviewStore';
import { ReviewCodeActionProvider, ReviewHoverProvider, ReviewTreeProvider } from './reviewViews';
import { LeanStatusBar } from './statusBar';
import { AnalysisStore } from './store';
import { vscodeStoreHost } from './storeHost';
import { SectionFoldingProvider, SectionSymbolProvider, sectionRequests } from './symbols';
import { UntrustedLexiconNotice } from './trustNotice';
import { registerWalkthroughCommands } from './walkthrough';

/** Providers answer for any local or untitled document; they stay silent for documents the store does not annotate. */
const SELECTOR: vscode.DocumentSelector = [{ scheme: 'file' }, { scheme: 'untitled' }];

export async function activate(context: vscode.ExtensionContext): Promise<PolicyLensApi> {
  // The one configuration listener, first, so every service below hears setting changes through it.
  context.subscriptions.push(watchSettings());
  const log = vscode.window.createOutputChannel('Policy Lens', { log: true });
  // Every notice shown to the user, oldest first, for the API.
  const shownNotices: string[] = [];
  const reloader = new LexiconReloader(log, new UntrustedLexiconNotice(shownNotices));
  // Reloads only happen after `initial` resolves, when the store exists.
  const engine = await reloader.initial((reloaded) => store.setEngine(reloaded));
  const store = new AnalysisStore(vscodeStoreHost(), engine);
  const reviews = new ReviewStore(store, shownNotices);
  const decorator = new Decorator(store, reviews);
  const reviewTree = new ReviewTreeProvider(store, reviews);
  const statusBar = new LeanStatusBar(store);
  const notices = new SkipNotices(store, shownNotices);
  const sidebar = new SidebarProvider(context.extensionUri, store, reviews);
  const folding = new SectionFoldingProvider(store);

  // Context keys for the when-clauses of menus and keybindings.
  const updateContext = (): void => {
    const active = vscode.window.activeTextEditor?.document;
    void vscode.commands.executeCommand('setContext', 'policyLens.activeEditorAnnotated', active !== undefined && store.get(active.uri) !== undefined);
    void vscode.commands.executeCommand('setContext', 'policyLens.anyAnnotated', store.all().length > 0);
  };
  void vscode.commands.executeCommand('setContext', 'policyLens.highlightsEnabled', true);

  context.subscriptions.push(
    log,
    store,
    reviews,
    reviewTree,
    reloader,
    decorator,
    statusBar,
    notices,
    sidebar,
    folding,
    vscode.window.registerWebviewViewProvider(SidebarProvider.viewId, sidebar, { webviewOptions: { retainContextWhenHidden: false } }),
    vscode.languages.registerHoverProvider(SELECTOR, new AnnotationHoverProvider(store)),
    vscode.languages.registerDocumentSymbolProvider(SELECTOR, new SectionSymbolProvider(store), { label: 'Policy Lens sections' }),
    vscode.languages.registerFoldingRangeProvider(SELECTOR, folding),
    ...registerCommands(store, decorator, reviews),
    trackTextEditors(),
    ...registerWalkthroughCommands(context.extensionUri),
    vscode.languages.registerHoverProvider(SELECTOR, new ReviewHoverProvider(store, reviews)),
    vscode.languages.registerCodeActionsProvider(SELECTOR, new ReviewCodeActionProvider(store, reviews), { providedCodeActionKinds: ReviewCodeActionProvider.kinds }),
    vscode.window.registerTreeDataProvider(ReviewTreeProvider.viewId, reviewTree),
    ...registerReviewCommands(store, reviews, reloader),
    ...registerInteropCommands(store, reviews),
    store.onDidChange(updateContext),
    vscode.window.onDidChangeActiveTextEditor(updateContext),
    onDidChangeSettings((e) => {
      if (e.affects('enable', 'languages')) {
        store.refreshAll();
        updateContext();
      }
      if (e.affects('maxFileSizeKB', 'language')) store.reanalyzeAll();
    }),
  );
  updateContext();

  return {
    getAnalysis(uri) {
      const stored = store.get(uri);
      return stored && { tally: stored.tally, matches: store.matches(uri), version: stored.version, complete: stored.complete };
    },
    getDecorations: (uri) => decorator.appliedTo(uri),
    getStatus(uri): DocumentStatus {
      if (store.get(uri)) return 'annotated';
      return store.skipReason(uri) ?? 'off';
    },
    getStatusBarText: () => statusBar.text,
    getStatusBarTooltip: () => statusBar.tooltip,
    getNotices: () => shownNotices,
    getSidebar: () => sidebar,
    async whenIdle() {
      await reloader.whenIdle();
      await store.whenIdle();
      await reviews.whenIdle();
      await decorator.whenDrawn();
    },
    getReview(uri) {
      const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
      return document && reviews.snapshot(document);
    },
    getReviewRows(uri) {
      const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
      return document ? reviewTree.rows(document) : [];
    },
    getSectionRequests: sectionRequests,
    onDidUpdate: store.onDidChange,
  };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
