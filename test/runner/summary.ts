/**
 * The one line the suite bootstrap prints after mocha finishes, so a runner can read the counts
 * from the host's console output without parsing the human-readable reporter.
 */
export const summaryPrefix = 'POLICY_LENS_TEST_SUMMARY ';

export interface TestSummary {
  passed: number;
  failed: number;
  pending: number;
}

export function formatSummary(summary: TestSummary): string {
  return summaryPrefix + JSON.stringify(summary);
}

/** The summary carried by a console line, or undefined for any other line. */
export function parseSummary(line: string): TestSummary | undefined {
  if (!line.startsWith(summaryPrefix)) return undefined;
  const value: unknown = JSON.parse(line.slice(summaryPrefix.length));
  if (typeof value !== 'object' || value === null) return undefined;
  const { passed, failed, pending } = value as Record<string, unknown>;
  if (typeof passed !== 'number' || typeof failed !== 'number' || typeof pending !== 'number') return undefined;
  return { passed, failed, pending };
}

/** The closing line CI reads: exactly `N passed, N failed`. */
export function closingLine(passed: number, failed: number): string {
  return `${passed} passed, ${failed} failed`;
}
