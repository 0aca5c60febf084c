// The commands behind the Get Started walkthrough: open a bundled sample, and explain a match in place.
import * as vscode from 'vscode';
import type { Match } from '../core/types';
import { commandEditor } from './commandEditor';
import { t } from './l10n';

const WALKTHROUGH_COMMANDS = {
  openSample: 'policyLens.openSample',
  explainNextMatch: 'policyLens.explainNextMatch',
} as const;

export type SampleLanguage = 'en' | 'zh';

/** The samples shipped in the package (media/samples), by language. */
const SAMPLES: Readonly<Record<SampleLanguage, string>> = {
  en: 'media/samples/social-credit-outline.policy.txt',
  zh: 'media/samples/social-credit-outline.zh.policy.txt',
};

interface SampleItem extends vscode.QuickPickItem {
  readonly language: SampleLanguage;
}

/** Opens a sample in an editor and returns its URI; asks which one when no language is given. */
async function openSample(extensionUri: vscode.Uri, arg: unknown): Promise<vscode.Uri | undefined> {
  let language: SampleLanguage | undefined = arg === 'en' || arg === 'zh' ? arg : undefined;
  if (!language) {
    const items: SampleItem[] = [
      { language: 'en', label: t('English sample'), description: 'social-credit-outline.policy.txt' },
      { language: 'zh', label: t('Chinese sample'), description: 'social-credit-outline.zh.policy.txt' },
    ];
    language = (await vscode.window.showQuickPick(items, { placeHolder: t('Open a sample policy text') }))?.language;
  }
  if (!language) return undefined;
  const uri = vscode.Uri.joinPath(extensionUri, ...SAMPLES[language].split('/'));
  const document = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(document, { preview: false });
  return uri;
}

/** Most annotations stepped over looking for a counted one. */
const MAX_SKIPPED = 500;

/**
 * Selects the next counted annotation and opens its hover, which says why it is there, how it counts, and offers
 * Accept and Reject: the walkthrough's next step. Struck-through (uncounted) matches are stepped over, since they
 * take no verdict; if every match is uncounted, the next one is explained all the same.
 */
async function explainNextMatch(): Promise<Match | undefined> {
  // Run from the walkthrough, whose tab has the focus and may hide the sample: bring the sample back first.
  await commandEditor();
  const next = (): Thenable<Match | undefined> => vscode.commands.executeCommand<Match | undefined>('policyLens.nextAnnotation');
  const first = await next();
  let match = first;
  for (let skipped = 0; match?.negated && skipped < MAX_SKIPPED; skipped++) {
    match = await next();
    if (match === undefined || match.start === first?.start) break;
  }
  if (match) {
    // The hover opens in the focused editor; from the walkthrough or the sidebar the focus is elsewhere.
    if (vscode.window.activeTextEditor) await vscode.window.showTextDocument(vscode.window.activeTextEditor.document, { preserveFocus: false });
    await vscode.commands.executeCommand('editor.action.showHover');
  }
  return match;
}

export function registerWalkthroughCommands(extensionUri: vscode.Uri): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand(WALKTHROUGH_COMMANDS.openSample, (arg: unknown) => openSample(extensionUri, arg)),
    vscode.commands.registerCommand(WALKTHROUGH_COMMANDS.explainNextMatch, explainNextMatch),
  ];
}
