// Tells the user, once per document, why a visible document is not annotated, with a way to annotate it anyway.
import * as vscode from 'vscode';
import { t } from './l10n';
import type { AnalysisStore, SkipEvent } from './store';

const ANNOTATE_ANYWAY = t('Annotate Anyway');
const CHANGE_LIMIT = t('Change Limit');

export class SkipNotices implements vscode.Disposable {
  private readonly notified = new Set<string>();
  private readonly pending = new Map<string, SkipEvent>();
  private readonly disposables: vscode.Disposable[] = [];

  /** @param shown the notices shown so far, newest last, as the user read them; shared with the other notices. */
  constructor(
    private readonly store: AnalysisStore,
    private readonly shown: string[],
  ) {
    this.disposables.push(
      store.onDidSkip((e) => {
        this.pending.set(e.uri.toString(), e);
        this.notifyVisible();
      }),
      vscode.window.onDidChangeVisibleTextEditors(() => this.notifyVisible()),
      vscode.workspace.onDidCloseTextDocument((d) => this.pending.delete(d.uri.toString())),
    );
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }

  /** Background documents get their notice when they are first shown, not when some extension opens them. */
  private notifyVisible(): void {
    for (const editor of vscode.window.visibleTextEditors) {
      const key = editor.document.uri.toString();
      const event = this.pending.get(key);
      if (!event) continue;
      this.pending.delete(key);
      if (this.notified.has(`${key}#${event.reason}`) || this.store.skipReason(event.uri) !== event.reason) continue;
      this.notified.add(`${key}#${event.reason}`);
      this.show(editor.document, event);
    }
  }

  private show(document: vscode.TextDocument, event: SkipEvent): void {
    const name = document.uri.path.split('/').pop() ?? document.uri.toString();
    if (event.reason === 'binary') {
      const message = t('Policy Lens skipped {0}: it contains NUL characters, so it looks like a binary file.', name);
      this.shown.push(message);
      void vscode.window.showInformationMessage(message);
      return;
    }
    const message = t('Policy Lens did not annotate {0}: at {1} KB it is over the limit set in policyLens.maxFileSizeKB.', name, event.sizeKB);
    this.shown.push(message);
    void vscode.window.showWarningMessage(message, ANNOTATE_ANYWAY, CHANGE_LIMIT).then((action) => {
      if (action === ANNOTATE_ANYWAY && !document.isClosed) this.store.annotate(document);
      else if (action === CHANGE_LIMIT) void vscode.commands.executeCommand('workbench.action.openSettings', 'policyLens.maxFileSizeKB');
    });
  }
}
