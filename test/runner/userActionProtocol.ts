/**
 * How a test inside the extension host asks the real-host runner to act as the user in the workbench, for what
 * no extension API can do (granting workspace trust): the test prints one request line, the runner performs it
 * with Playwright. The test then waits for the effect (an event) with its own timeout; the runner prints why
 * an action failed.
 */
export const userActionPrefix = 'POLICY_LENS_USER_ACTION ';

/** Click `button` in the notification whose text contains `notice`, then "Trust" in the trust editor it opens. */
export interface TrustFromNoticeRequest {
  action: 'trustFromNotice';
  notice: string;
  button: string;
}

export type UserActionRequest = TrustFromNoticeRequest;

export function formatUserAction(request: UserActionRequest): string {
  return userActionPrefix + JSON.stringify(request);
}
