// Runs inside the extension host (as --extensionTestsPath) for screenshots.ts: opens every requested document
// (so the sidebar compares them), then for each scene sets the colour theme, shows its document, waits until
// the extension's API reports decorations drawn in its editor, opens the hover if asked, says so on the
// console and waits for the runner's "done" file. It never settles, so the host stays up until the runner
// has taken its pictures and stops everything.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { PolicyLensApi } from '../../src/extension/api';
import { extensionId } from './paths';
import { doneFileName, readyPrefix, requestFileName, ScreenshotReady, ScreenshotRequest } from './screenshotProtocol';

/** Resolves with the number of annotations drawn in the document's editor, once there are some. */
async function decoratedCount(api: PolicyLensApi, uri: vscode.Uri): Promise<number | undefined> {
  await api.whenIdle();
  const drawn = api.getDecorations(uri);
  const count = drawn.control.length + drawn.engagement.length + drawn.negated.length;
  return count > 0 ? count : undefined;
}

async function poll<T>(probe: () => Promise<T | undefined>, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/**
 * The review workflow as a user runs it: reject the first control match with a reason, code the first
 * engagement match's sentence with a memo, then put the cursor on the rejected match and open its hover.
 */
async function review(api: PolicyLensApi, editor: vscode.TextEditor): Promise<NonNullable<ScreenshotReady['reviewed']>> {
  const document = editor.document;
  const uri = document.uri.toString();
  const analysis = api.getAnalysis(document.uri);
  const rejected = analysis?.matches.find((m) => m.polarity === 'control' && !m.negated);
  const engaged = analysis?.matches.find((m) => m.polarity === 'engagement' && !m.negated);
  if (!analysis || !rejected || !engaged) throw new Error('the review scene needs a control and an engagement match');
  await vscode.commands.executeCommand('policyLens.rejectMatch', { uri, start: rejected.start, end: rejected.end, entry: rejected.entry, reason: 'a quoted example, not a rule' });
  const line = document.lineAt(document.positionAt(engaged.start).line);
  const start = document.offsetAt(line.range.start) + line.firstNonWhitespaceCharacterIndex;
  await vscode.commands.executeCommand('policyLens.codeSelection', { uri, start, end: document.offsetAt(line.range.end), code: 'rights', memo: 'a right the text grants' });
  await api.whenIdle();
  const snapshot = await poll(async () => {
    const r = api.getReview(document.uri);
    return r?.reviewed && r.notes.length > 0 ? r : undefined;
  }, 30_000, 'the reviewed figures');
  const figures = {
    automaticControl: analysis.tally.control.matches,
    reviewedControl: snapshot.reviewed?.control.matches ?? 0,
    rejected: snapshot.verdicts.filter((v) => v?.value === 'rejected').length,
    codes: snapshot.notes.filter((n) => n.kind === 'code').length,
  };
  await vscode.commands.executeCommand('policyLens.tally.focus');
  await vscode.window.showTextDocument(document, { preview: false });
  const at = document.positionAt(rejected.start);
  editor.selection = new vscode.Selection(at, document.positionAt(rejected.end));
  editor.revealRange(new vscode.Range(at, at), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  await vscode.commands.executeCommand('editor.action.showHover');
  return figures;
}

export async function run(): Promise<void> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('The screenshot host has no workspace folder');
  const dir = path.dirname(folder.uri.fsPath);
  const request = JSON.parse(fs.readFileSync(path.join(dir, requestFileName), 'utf8')) as ScreenshotRequest;
  const extension = vscode.extensions.getExtension<PolicyLensApi>(extensionId);
  if (!extension) throw new Error(`${extensionId} is not loaded`);
  for (const file of request.open) await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(vscode.Uri.file(file)), { preview: false });
  const api = await extension.activate();
  await vscode.commands.executeCommand('workbench.view.extension.policyLens');

  for (const [index, scene] of request.scenes.entries()) {
    await vscode.workspace.getConfiguration('workbench').update('colorTheme', scene.theme, vscode.ConfigurationTarget.Global);
    await vscode.workspace.getConfiguration('policyLens').update('labelLanguage', scene.labelLanguage, vscode.ConfigurationTarget.Global);
    const document = await vscode.workspace.openTextDocument(vscode.Uri.file(scene.file));
    const editor = await vscode.window.showTextDocument(document, { preview: false });
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    editor.revealRange(new vscode.Range(0, 0, 0, 0), vscode.TextEditorRevealType.AtTop);
    const decorated = await poll(() => decoratedCount(api, document.uri), 60_000, `decorations in ${scene.file}`);
    const reviewed = scene.review ? await review(api, editor) : undefined;
    if (scene.hover && !scene.review) await vscode.commands.executeCommand('policyLens.explainNextMatch');
    const ready: ScreenshotReady = { scene: index, decorated, reviewed };
    console.log(readyPrefix + JSON.stringify(ready));
    const done = path.join(dir, doneFileName(index));
    await poll(async () => (fs.existsSync(done) ? true : undefined), 300_000, `the pictures of scene ${index}`);
    if (scene.hover) await vscode.commands.executeCommand('editor.action.hideHover').then(undefined, () => undefined);
  }
  await new Promise<never>(() => undefined);
}
