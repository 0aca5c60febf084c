/**
 * How a test inside the extension host asks the real-host runner to act as the user in the workbench, for what
 * no extension API can do (granting workspace trust, reading or clicking what a webview shows): the test prints
 * one request line, the runner performs it with Playwright. The test then waits for the effect (an event or the
 * `out` file) with its own timeout; the runner prints why an action failed.
 */
export const userActionPrefix = 'POLICY_LENS_USER_ACTION ';

/** Click `button` in the notification whose text contains `notice`, then "Trust" in the trust editor it opens. */
export interface TrustFromNoticeRequest {
  action: 'trustFromNotice';
  notice: string;
  button: string;
}

/**
 * In the webview whose rendered text contains `marker`: optionally click the first `<summary>` whose text contains
 * `click` (a user folding or unfolding a part), then write the webview's rendered text (`innerText`: what is laid
 * out, so the content of a closed `<details>` is absent) to the file `out` as a WebviewTextResult.
 */
export interface WebviewTextRequest {
  action: 'webviewText';
  marker: string;
  click?: string;
  out: string;
}

export interface WebviewTextResult {
  text: string;
}

/**
 * In the webview whose rendered text contains `marker`: the layout boxes of the elements matching `selector` (in CSS
 * pixels of the webview, with their `aria-label`) and the width the webview lays its page out in; then, if `click` is
 * given, click the element of that position among them (a user clicking a chart column). Writes a WebviewBoxesResult
 * to `out`.
 */
export interface WebviewBoxesRequest {
  action: 'webviewBoxes';
  marker: string;
  selector: string;
  click?: number;
  out: string;
}

export interface WebviewBox {
  left: number;
  right: number;
  width: number;
  height: number;
  label: string | null;
}

export interface WebviewBoxesResult {
  /** The page's visible width (the sidebar's), and the width of its content: larger when something overflows. */
  viewportWidth: number;
  scrollWidth: number;
  boxes: WebviewBox[];
}

/**
 * Type `text` on the keyboard into what has focus in the workbench (the active editor), a key every `delayMs`, as a
 * user types: the editor applies each key at once and the extension host hears of it afterwards. Then write a
 * TypeTextResult to `out`.
 */
export interface TypeTextRequest {
  action: 'typeText';
  text: string;
  delayMs: number;
  out: string;
}

export interface TypeTextResult {
  /** Milliseconds from the first key to the last. */
  elapsedMs: number;
}

/**
 * Watch the workbench page (not its webviews) until an element matching each of `selectors` shows `text` in its
 * text content; write `out`.armed once the watch is set up, then a WatchTextResult to `out` when every selector has
 * shown it or `timeoutMs` has passed. For the bench's account of what the Outline view and breadcrumbs show.
 */
export interface WatchTextRequest {
  action: 'watchText';
  selectors: string[];
  text: string;
  timeoutMs: number;
  out: string;
}

export interface WatchTextResult {
  /** Per selector, the page's Date.now() when it first showed the text, or null if it did not within the time. */
  shown: (number | null)[];
}

export type UserActionRequest = TrustFromNoticeRequest | WebviewTextRequest | WebviewBoxesRequest | TypeTextRequest | WatchTextRequest;

export function formatUserAction(request: UserActionRequest): string {
  return userActionPrefix + JSON.stringify(request);
}
