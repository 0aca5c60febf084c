/**
 * How screenshots.ts and the screenshot driver (inside the extension host) talk: the runner writes a
 * request file next to the workspace folder listing the scenes; for each scene the driver sets it up and
 * prints one ready line, then waits until the runner has taken its pictures and written the scene's
 * "done" file beside the request.
 */
export const requestFileName = 'screenshot-request.json';
export const readyPrefix = 'POLICY_LENS_SCREENSHOT_READY ';

export function doneFileName(scene: number): string {
  return `screenshot-done-${scene}`;
}

export interface ScreenshotScene {
  /** Absolute path of the document shown in the editor, inside the workspace. */
  file: string;
  /** A colour theme's label, e.g. "Default Light Modern". */
  theme: string;
  /** Select the first annotation and open its hover. */
  hover: boolean;
  /** policyLens.labelLanguage for the scene; the setting's default when absent. */
  labelLanguage?: 'en' | 'zh';
  /**
   * The review workflow: reject the first control match (with a reason), code a passage with a memo, then
   * select the rejected match and open its hover; the sidebar then compares the automatic and reviewed figures.
   */
  review?: boolean;
}

export interface ScreenshotRequest {
  /** Documents opened first, so that the sidebar compares them all. */
  open: string[];
  scenes: ScreenshotScene[];
}

export interface ScreenshotReady {
  scene: number;
  /** Ranges the extension reports drawn in the editor. */
  decorated: number;
  /** For a review scene: the figures the sidebar must show, as the extension computed them. */
  reviewed?: { automaticControl: number; reviewedControl: number; rejected: number; codes: number };
}
