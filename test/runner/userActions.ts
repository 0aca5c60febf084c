// Performs the user actions tests request (userActionProtocol.ts) by clicking in the workbench page.
import type { Page } from 'playwright-core';
import { UserActionRequest, userActionPrefix } from './userActionProtocol';

const CLICK_TIMEOUT_MS = 15_000;

/** The request a host console line carries, or undefined for any other line. */
export function parseUserAction(line: string): UserActionRequest | undefined {
  if (!line.startsWith(userActionPrefix)) return undefined;
  const value = JSON.parse(line.slice(userActionPrefix.length)) as Partial<UserActionRequest>;
  if (value.action === 'trustFromNotice' && typeof value.notice === 'string' && typeof value.button === 'string') {
    return { action: value.action, notice: value.notice, button: value.button };
  }
  // Printed like any other line; the test that sent it times out waiting for the effect.
  return undefined;
}

export async function performUserAction(page: Page, request: UserActionRequest): Promise<void> {
  // A toast that has timed out lives on in the notification centre; either shows the same list item.
  const notification = page.locator('.notification-list-item', { hasText: request.notice }).first();
  await notification.locator('.monaco-button', { hasText: request.button }).first().click({ timeout: CLICK_TIMEOUT_MS });
  // The trust editor's first button in the "trusted" column grants trust (its label is localised, so not matched).
  await page.locator('.workspace-trust-editor .workspace-trust-limitations.trusted .workspace-trust-buttons .monaco-button').first().click({ timeout: CLICK_TIMEOUT_MS });
}
