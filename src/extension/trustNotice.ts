// Tells the user, once per session, that the configured lexicon files are not loaded because the workspace is
// not trusted: otherwise their terms just silently go missing, and nothing says that trusting would bring them back.
import * as vscode from 'vscode';
import { t } from './l10n';

const MANAGE_TRUST = t('Manage Workspace Trust');

/** Where the lexicon files held back in an untrusted workspace were configured. */
export interface SkippedLexiconFiles {
  readonly user: boolean;
  readonly workspace: boolean;
}

/** The settings that named the skipped files, in the user's language. */
export function describeSkipped(skipped: SkippedLexiconFiles): string {
  if (skipped.user && skipped.workspace) return t('user and workspace settings');
  return skipped.user ? t('user settings') : t('workspace settings');
}

/** VS Code's own workspace-trust editor, where the user can trust the folder. */
const MANAGE_TRUST_COMMAND = 'workbench.trust.manage';

export class UntrustedLexiconNotice {
  private notified = false;

  /** @param shown the log of notices the API reports, shared with the other notices. */
  constructor(private readonly shown: string[]) {}

  /** Called after every lexicon load; only the first skip of the session is announced. */
  lexiconsLoaded(skipped: SkippedLexiconFiles | null): void {
    if (!skipped || this.notified) return;
    this.notified = true;
    const message = t('Policy Lens uses only its built-in lexicons: this workspace is not trusted, so the lexicon files in policyLens.lexiconFiles ({0}) are not loaded.', describeSkipped(skipped));
    this.shown.push(message);
    void vscode.window.showWarningMessage(message, MANAGE_TRUST).then((action) => {
      if (action === MANAGE_TRUST) void vscode.commands.executeCommand(MANAGE_TRUST_COMMAND);
    });
  }
}
