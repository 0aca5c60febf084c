// Shows the active document's lean in the status bar; clicking it focuses the tally view.
import * as vscode from 'vscode';
import type { Lean, Tally } from '../core/types';
import { leanLabel, t } from './l10n';
import type { AnalysisStore } from './store';

export class LeanStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('policyLens.lean', vscode.StatusBarAlignment.Right, 100);
  private readonly disposables: vscode.Disposable[] = [];
  private visible = false;

  constructor(private readonly store: AnalysisStore) {
    this.item.name = 'Policy Lens';
    this.disposables.push(
      this.item,
      store.onDidChange((uri) => {
        if (uri.toString() === vscode.window.activeTextEditor?.document.uri.toString()) this.update();
      }),
      store.onDidSkip(() => this.update()),
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
    );
    this.update();
  }

  /** The text currently shown, or undefined when hidden. */
  get text(): string | undefined {
    return this.visible ? this.item.text : undefined;
  }

  /** The tooltip's text (Markdown), or undefined when hidden. */
  get tooltip(): string | undefined {
    if (!this.visible) return undefined;
    const tip = this.item.tooltip;
    return typeof tip === 'string' || tip === undefined ? tip : tip.value;
  }

  update(): void {
    const document = vscode.window.activeTextEditor?.document;
    const stored = document && this.store.get(document.uri);
    if (document && stored) {
      this.item.text = leanText(stored.tally.lean, stored.complete);
      this.item.tooltip = tooltip(stored.tally, stored.complete);
      this.item.command = 'policyLens.showTally';
      this.show();
      return;
    }
    if (document && this.store.skipReason(document.uri) === 'tooLarge') {
      this.item.text = `$(law) ${t('Not annotated')}`;
      this.item.tooltip = t('This document is larger than policyLens.maxFileSizeKB. Click to annotate it anyway.');
      this.item.command = 'policyLens.annotateDocument';
      this.show();
      return;
    }
    this.item.hide();
    this.visible = false;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }

  private show(): void {
    this.item.show();
    this.visible = true;
  }
}

/** "$(law) Lean −0.42 control", "$(law) Lean +0.10 balanced", "$(law) Lean: no signal". */
export function leanText(lean: Lean, complete: boolean): string {
  const icon = complete ? '$(law)' : '$(sync~spin)';
  if (lean.index === null) return `${icon} ${t('Lean')}: ${leanLabel(lean.label)}`;
  const sign = lean.index > 0 ? '+' : lean.index < 0 ? '\u2212' : '\u00b1';
  const word = lean.label === 'control-leaning' ? t('control') : lean.label === 'engagement-leaning' ? t('engagement') : t('balanced');
  return `${icon} ${t('Lean')} ${sign}${Math.abs(lean.index).toFixed(2)} ${word}`;
}

/** The document's figures, named as in the sidebar, the CLI table and the JSON report (docs/measurement.md). */
function tooltip(tally: Tally, complete: boolean): vscode.MarkdownString {
  const md = new vscode.MarkdownString();
  const { units, lean } = tally;
  md.appendMarkdown(`**Policy Lens** — ${leanLabel(lean.label)}${lean.thin ? ` (${t('thin evidence')})` : ''}\n\n`);
  if (lean.index !== null) md.appendMarkdown(`${t('Lean')} ${signed(lean.index)} = (${units.engagement} − ${units.control}) / (${units.engagement} + ${units.control})  \n`);
  md.appendMarkdown(`${t('Sentences')}: ${units.sentences} · ${t('Control sentences')}: ${units.control} · ${t('Engagement sentences')}: ${units.engagement} · ${t('Both')}: ${units.both}  \n`);
  md.appendMarkdown(`${t('Control matches')}: ${tally.control.matches} (${tally.control.perThousandWords.toFixed(1)} ${t('per 1,000 words')})  \n`);
  md.appendMarkdown(`${t('Engagement matches')}: ${tally.engagement.matches} (${tally.engagement.perThousandWords.toFixed(1)} ${t('per 1,000 words')})  \n`);
  md.appendMarkdown(`${t('Words')}: ${tally.words}`);
  if (!complete) md.appendMarkdown(`\n\n_${t('Still analysing the rest of the document…')}_`);
  md.appendMarkdown(`\n\n${t('Click to show the tally.')}`);
  return md;
}

/** +0.42, −0.42, 0.00: the sign the status bar and the sidebar print. */
function signed(index: number): string {
  const fixed = Math.abs(index).toFixed(2);
  return index > 0 ? `+${fixed}` : index < 0 ? `\u2212${fixed}` : fixed;
}
