// Shared steps for the editor-feature suites: the API, temporary files, settings that are always restored.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { PolicyLensApi } from '../../src/extension/api';

export const EXTENSION_ID = 'policy-lens.policy-lens';

export async function activateApi(): Promise<PolicyLensApi> {
  const extension = vscode.extensions.getExtension<PolicyLensApi>(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is not installed in the test host`);
  const api = await extension.activate();
  await api.whenIdle();
  return api;
}

export function extensionPath(): string {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension);
  return extension.extensionPath;
}

/** A fresh temporary folder, removed by the returned function. */
export function tempDir(prefix: string): { dir: string; remove: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `policy-lens-${prefix}-`));
  return { dir, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

export interface EditorSuite {
  readonly api: PolicyLensApi;
  /** A temporary folder of the current test's own. */
  readonly dir: string;
}

/** The set-up every editor suite shares: the API once, a fresh folder per test, no editors or files left after. */
export function editorSuite(prefix: string): EditorSuite {
  let api: PolicyLensApi | undefined;
  let tmp: ReturnType<typeof tempDir> | undefined;
  before(async () => {
    api = await activateApi();
  });
  beforeEach(() => {
    tmp = tempDir(prefix);
  });
  afterEach(async () => {
    await closeAllEditors();
    tmp?.remove();
  });
  return {
    get api(): PolicyLensApi {
      assert.ok(api, 'the API is read before the suite activated the extension');
      return api;
    },
    get dir(): string {
      assert.ok(tmp, 'the folder is read outside a test');
      return tmp.dir;
    },
  };
}

/** Writes a file, opens it in an editor and waits until the extension has annotated it (or skipped it). */
export async function openFile(api: PolicyLensApi, dir: string, name: string, text: string): Promise<vscode.TextEditor> {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  const document = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
  const editor = await vscode.window.showTextDocument(document, { preview: false });
  await api.whenIdle();
  return editor;
}

/** Closes every editor without saving, so dirty test documents never raise a save prompt. */
export async function closeAllEditors(): Promise<void> {
  for (let i = 0; i < 50 && vscode.window.visibleTextEditors.length > 0; i++) {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/** Sets user-level `policyLens.*` settings for the duration of `run`, then restores them. */
export async function withSettings<T>(api: PolicyLensApi, values: Record<string, unknown>, run: () => Promise<T>): Promise<T> {
  const config = vscode.workspace.getConfiguration('policyLens');
  const previous = Object.keys(values).map((key) => [key, config.inspect(key)?.globalValue] as const);
  for (const [key, value] of Object.entries(values)) await config.update(key, value, vscode.ConfigurationTarget.Global);
  await api.whenIdle();
  try {
    return await run();
  } finally {
    for (const [key, value] of previous) await config.update(key, value, vscode.ConfigurationTarget.Global);
    await api.whenIdle();
  }
}

/** Offsets of [start, end) of the n-th (0-based) occurrence of `needle` in `text`. */
export function spanOf(text: string, needle: string, n = 0): [number, number] {
  let at = -1;
  for (let i = 0; i <= n; i++) {
    at = text.indexOf(needle, at + 1);
    assert.notEqual(at, -1, `"${needle}" (occurrence ${n}) is not in the text`);
  }
  return [at, at + needle.length];
}

/** Ranges as [start offset, end offset] pairs, sorted, for exact comparisons. */
export function offsetsOf(document: vscode.TextDocument, ranges: readonly vscode.Range[]): [number, number][] {
  return ranges.map((r): [number, number] => [document.offsetAt(r.start), document.offsetAt(r.end)]).sort((a, b) => a[0] - b[0]);
}

/** Polls until `check` returns a truthy value. */
export async function waitFor<T>(what: string, check: () => T | undefined | false, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** The hovers' Markdown as the reader sees it: parts joined, Markdown escapes removed. */
export function hoverText(hovers: readonly vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n')
    .replace(/\\(.)/g, '$1');
}
