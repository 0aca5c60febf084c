// What a webview shows, as the user sees it: the real-host runner reads (and clicks) it with Playwright on request
// (runner/userActionProtocol.ts). Only the runner can: the extension host has no access to a webview's DOM.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { sessionVariable } from '../runner/sessionKind';
import { formatUserAction, WebviewBoxesResult, WebviewTextResult } from '../runner/userActionProtocol';

/** True in the real-host runner's sessions, which perform user actions; false in a desktop run (test:desktop). */
export function canReadWebviews(): boolean {
  return process.env[sessionVariable] !== undefined;
}

let requests = 0;

/**
 * The rendered text of the webview showing `marker`, after clicking the `<summary>` that contains `click` if
 * given. Content inside closed `<details>` is not rendered, so it is absent from the text.
 */
export async function webviewText(dir: string, marker: string, click?: string, timeoutMs = 30_000): Promise<string> {
  const out = path.join(dir, `webview-text-${process.pid}-${++requests}.json`);
  console.log(formatUserAction({ action: 'webviewText', marker, click, out }));
  return (await resultOf<WebviewTextResult>(out, marker, timeoutMs)).text;
}

/**
 * The layout boxes of the elements matching `selector` in the webview showing `marker`, and the width of its page;
 * then, if `click` is given, the runner clicks the element of that position among them.
 */
export async function webviewBoxes(dir: string, marker: string, selector: string, click?: number, timeoutMs = 30_000): Promise<WebviewBoxesResult> {
  const out = path.join(dir, `webview-boxes-${process.pid}-${++requests}.json`);
  console.log(formatUserAction({ action: 'webviewBoxes', marker, selector, click, out }));
  return resultOf<WebviewBoxesResult>(out, marker, timeoutMs);
}

async function resultOf<T>(out: string, marker: string, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (!fs.existsSync(out)) {
    if (Date.now() > deadline) throw new Error(`the runner did not read the webview showing "${marker}" within ${timeoutMs / 1000} s (see its log)`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const result = JSON.parse(fs.readFileSync(out, 'utf8')) as T;
  fs.rmSync(out);
  return result;
}
