// Runs inside the extension host (as --extensionTestsPath) for screenshots.ts: opens the requested
// document, waits until the extension's API reports decorations drawn in its editor, shows the Policy Lens
// sidebar, says so on the console, and then never settles, so the host and its highlights stay up
// until the runner has taken its pictures and stops everything.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { PolicyLensApi } from '../../src/extension/api';
import { extensionId } from './paths';
import { readyPrefix, requestFileName, ScreenshotReady, ScreenshotRequest } from './screenshotProtocol';

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
  const requestFile = path.join(path.dirname(folder.uri.fsPath), requestFileName);
  const request = JSON.parse(fs.readFileSync(requestFile, 'utf8')) as ScreenshotRequest;
  const document = await vscode.workspace.openTextDocument(vscode.Uri.file(request.file));
  await vscode.window.showTextDocument(document, { preview: false });

  const extension = vscode.extensions.getExtension<PolicyLensApi>(extensionId);
  if (!extension) throw new Error(`${extensionId} is not loaded`);
  const api = await extension.activate();
  const decorated = await poll(() => decoratedCount(api, document.uri), 60_000, `decorations in ${request.file}`);

  await vscode.commands.executeCommand('workbench.view.extension.policyLens');
  await vscode.window.showTextDocument(document, { preview: false });
  const ready: ScreenshotReady = { decorated };
  console.log(readyPrefix + JSON.stringify(ready));
  await new Promise<never>(() => undefined);
}
