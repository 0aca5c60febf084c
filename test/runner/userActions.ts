// Performs the user actions tests request (userActionProtocol.ts) by clicking in the workbench page.
import * as fs from 'node:fs';
import type { Frame, Page } from 'playwright-core';
import {
  TypeTextResult,
  UserActionRequest,
  userActionPrefix,
  WatchTextRequest,
  WatchTextResult,
  WebviewBox,
  WebviewBoxesRequest,
  WebviewBoxesResult,
  WebviewTextRequest,
  WebviewTextResult,
} from './userActionProtocol';

const CLICK_TIMEOUT_MS = 15_000;
/** A webview renders after the extension posts to it: the marker may take a moment to appear. */
const WEBVIEW_TIMEOUT_MS = 15_000;

/** The request a host console line carries, or undefined for any other line. */
export function parseUserAction(line: string): UserActionRequest | undefined {
  if (!line.startsWith(userActionPrefix)) return undefined;
  const value = JSON.parse(line.slice(userActionPrefix.length)) as Partial<Record<string, unknown>>;
  if (value.action === 'trustFromNotice' && typeof value.notice === 'string' && typeof value.button === 'string') {
    return { action: value.action, notice: value.notice, button: value.button };
  }
  if (value.action === 'webviewText' && typeof value.marker === 'string' && typeof value.out === 'string' && (value.click === undefined || typeof value.click === 'string')) {
    return { action: value.action, marker: value.marker, out: value.out, click: value.click };
  }
  if (
    value.action === 'webviewBoxes' &&
    typeof value.marker === 'string' &&
    typeof value.selector === 'string' &&
    typeof value.out === 'string' &&
    (value.click === undefined || (typeof value.click === 'number' && Number.isInteger(value.click)))
  ) {
    return { action: value.action, marker: value.marker, selector: value.selector, out: value.out, click: value.click as number | undefined };
  }
  if (value.action === 'typeText' && typeof value.text === 'string' && typeof value.delayMs === 'number' && typeof value.out === 'string') {
    return { action: value.action, text: value.text, delayMs: value.delayMs, out: value.out };
  }
  if (
    value.action === 'watchText' &&
    Array.isArray(value.selectors) &&
    value.selectors.every((s) => typeof s === 'string') &&
    typeof value.text === 'string' &&
    typeof value.timeoutMs === 'number' &&
    typeof value.out === 'string'
  ) {
    return { action: value.action, selectors: value.selectors as string[], text: value.text, timeoutMs: value.timeoutMs, out: value.out };
  }
  // Printed like any other line; the test that sent it times out waiting for the effect.
  return undefined;
}

export async function performUserAction(page: Page, request: UserActionRequest): Promise<void> {
  if (request.action === 'webviewText') {
    await webviewText(page, request);
    return;
  }
  if (request.action === 'webviewBoxes') {
    await webviewBoxes(page, request);
    return;
  }
  if (request.action === 'watchText') {
    await watchText(page, request);
    return;
  }
  if (request.action === 'typeText') {
    const start = Date.now();
    await page.keyboard.type(request.text, { delay: request.delayMs });
    const result: TypeTextResult = { elapsedMs: Date.now() - start };
    fs.writeFileSync(`${request.out}.partial`, JSON.stringify(result));
    fs.renameSync(`${request.out}.partial`, request.out);
    return;
  }
  // A toast that has timed out lives on in the notification centre; either shows the same list item.
  const notification = page.locator('.notification-list-item', { hasText: request.notice }).first();
  await notification.locator('.monaco-button', { hasText: request.button }).first().click({ timeout: CLICK_TIMEOUT_MS });
  // The trust editor's first button in the "trusted" column grants trust (its label is localised, so not matched).
  await page.locator('.workspace-trust-editor .workspace-trust-limitations.trusted .workspace-trust-buttons .monaco-button').first().click({ timeout: CLICK_TIMEOUT_MS });
}

/** A webview's content is a frame nested in the page's webview frames: the one whose text holds the marker. */
async function webviewFrame(page: Page, marker: string): Promise<Frame> {
  const deadline = Date.now() + WEBVIEW_TIMEOUT_MS;
  for (;;) {
    for (const frame of page.frames()) {
      if (frame === page.mainFrame()) continue;
      const text = await frame.evaluate(() => document.body?.innerText ?? '').catch(() => '');
      if (text.includes(marker)) return frame;
    }
    if (Date.now() > deadline) throw new Error(`no webview shows "${marker}"`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function webviewText(page: Page, request: WebviewTextRequest): Promise<void> {
  const frame = await webviewFrame(page, request.marker);
  if (request.click !== undefined) {
    const summary = frame.locator('summary', { hasText: request.click }).first();
    const box = await summary.boundingBox({ timeout: CLICK_TIMEOUT_MS });
    if (!box) throw new Error(`the part "${request.click}" is not shown`);
    // Near the right end, on the row's figures: the title in the middle is a link that jumps to the section.
    await summary.click({ timeout: CLICK_TIMEOUT_MS, position: { x: box.width - 3, y: box.height / 2 } });
  }
  const result: WebviewTextResult = { text: await frame.evaluate(() => document.body.innerText) };
  // Written whole and then renamed, so the test never reads half a file.
  fs.writeFileSync(`${request.out}.part`, JSON.stringify(result));
  fs.renameSync(`${request.out}.part`, request.out);
}

async function webviewBoxes(page: Page, request: WebviewBoxesRequest): Promise<void> {
  const frame = await webviewFrame(page, request.marker);
  const measured = await frame.evaluate((selector: string) => {
    const boxes = Array.from(document.querySelectorAll(selector)).map((element) => {
      const r = element.getBoundingClientRect();
      return { left: r.left, right: r.right, width: r.width, height: r.height, label: element.getAttribute('aria-label') };
    });
    return { viewportWidth: document.documentElement.clientWidth, scrollWidth: document.documentElement.scrollWidth, boxes };
  }, request.selector);
  const result: WebviewBoxesResult = { viewportWidth: measured.viewportWidth, scrollWidth: measured.scrollWidth, boxes: measured.boxes as WebviewBox[] };
  if (request.click !== undefined) await frame.locator(request.selector).nth(request.click).click({ timeout: CLICK_TIMEOUT_MS });
  writeWhole(request.out, JSON.stringify(result));
}

/** Writes `data` whole and then renames it to `file`, so the test never reads half a file. */
function writeWhole(file: string, data: string): void {
  fs.writeFileSync(`${file}.part`, data);
  fs.renameSync(`${file}.part`, file);
}

/**
 * A MutationObserver in the page notes, per selector, the page's clock when an element matching it first holds the
 * text: the time is taken in the page as the DOM changes, not when Playwright hears of it.
 */
async function watchText(page: Page, request: WatchTextRequest): Promise<void> {
  const key = `__policyLensWatch${Date.now()}${Math.random().toString(36).slice(2)}`;
  await page.evaluate(
    ({ key, selectors, text, timeoutMs }) => {
      const shown: (number | null)[] = selectors.map(() => null);
      const state = { shown, done: false };
      (window as unknown as Record<string, unknown>)[key] = state;
      const check = (): void => {
        const now = Date.now();
        selectors.forEach((selector, i) => {
          if (shown[i] !== null) return;
          for (const element of Array.from(document.querySelectorAll(selector))) {
            if ((element.textContent ?? '').includes(text)) {
              shown[i] = now;
              return;
            }
          }
        });
        if (shown.every((t) => t !== null)) finish();
      };
      const observer = new MutationObserver(check);
      const timer = setTimeout(() => finish(), timeoutMs);
      const finish = (): void => {
        observer.disconnect();
        clearTimeout(timer);
        state.done = true;
      };
      observer.observe(document.body, { subtree: true, childList: true, characterData: true });
      check();
    },
    { key, selectors: request.selectors, text: request.text, timeoutMs: request.timeoutMs },
  );
  writeWhole(`${request.out}.armed`, '');
  const done = await page.waitForFunction((k) => (window as unknown as Record<string, { done: boolean; shown: (number | null)[] }>)[k].done, key, {
    polling: 250,
    timeout: request.timeoutMs + 10_000,
  });
  await done.dispose();
  const shown = await page.evaluate((k) => (window as unknown as Record<string, { shown: (number | null)[] }>)[k].shown, key);
  const result: WatchTextResult = { shown };
  writeWhole(request.out, JSON.stringify(result));
}
