// Runs inside the extension host (as --extensionTestsPath) for screenshots.ts: opens the requested
// document, waits until the extension's API reports annotations for it, shows the Policy Lens
// sidebar, says so on the console, and then never settles, so the host and its highlights stay up
// until the runner has taken its pictures and stops everything.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { extensionId } from './paths';
import { readyPrefix, requestFileName, ScreenshotReady, ScreenshotRequest } from './screenshotProtocol';

/** The part of the extension's API the driver relies on: annotations per document. */
interface AnnotationApi {
  getAnnotations(uri: vscode.Uri): unknown;
}

function isAnnotationApi(value: unknown): value is AnnotationApi {
  return typeof value === 'object' && value !== null && typeof (value as Record<string, unknown>).getAnnotations === 'function';
}

async function annotationCount(api: AnnotationApi, uri: vscode.Uri): Promise<number> {
  const annotations: unknown = await api.getAnnotations(uri);
  return Array.isArray(annotations) ? annotations.length : 0;
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

  const extension = vscode.extensions.getExtension(extensionId);
  if (!extension) throw new Error(`${extensionId} is not loaded`);
  const api: unknown = await extension.activate();
  if (!isAnnotationApi(api)) throw new Error(`${extensionId} returned no getAnnotations(uri) API`);
  const annotations = await poll(async () => {
    const count = await annotationCount(api, document.uri);
    return count > 0 ? count : undefined;
  }, 60_000, `annotations of ${request.file}`);

  await vscode.commands.executeCommand('workbench.view.extension.policyLens');
  await vscode.window.showTextDocument(document, { preview: false });
  const ready: ScreenshotReady = { annotations };
  console.log(readyPrefix + JSON.stringify(ready));
  await new Promise<never>(() => undefined);
}
