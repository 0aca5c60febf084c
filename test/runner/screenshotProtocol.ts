/**
 * How screenshots.ts and the screenshot driver (inside the extension host) talk: the runner writes a
 * request file next to the workspace folder, the driver prints one ready line once the extension's
 * API reports annotations for the opened file.
 */
export const requestFileName = 'screenshot-request.json';
export const readyPrefix = 'POLICY_LENS_SCREENSHOT_READY ';

export interface ScreenshotRequest {
  /** Absolute path of the document to open, inside the workspace. */
  file: string;
}

export interface ScreenshotReady {
  /** Ranges the extension reports drawn in the editor. */
  decorated: number;
}
