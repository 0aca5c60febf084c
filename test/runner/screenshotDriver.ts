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
    if (scene.hover) await vscode.commands.executeCommand('policyLens.explainNextMatch');
    const ready: ScreenshotReady = { scene: index, decorated };
    console.log(readyPrefix + JSON.stringify(ready));
    const done = path.join(dir, doneFileName(index));
    await poll(async () => (fs.existsSync(done) ? true : undefined), 300_000, `the pictures of scene ${index}`);
    if (scene.hover) await vscode.commands.executeCommand('editor.action.hideHover').then(undefined, () => undefined);
  }
  await new Promise<never>(() => undefined);
}
