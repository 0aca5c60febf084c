// The one path order of every report: the order in which the CLI walks a folder (entries sorted by UTF-16 code
// unit, a folder's files where its name falls), which is comparing '/'-separated paths segment by segment.

/** By UTF-16 code unit, as Array.prototype.sort does by default: the same on every machine and locale. */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Paths already split into segments. */
export function compareSegments(a: readonly string[], b: readonly string[]): number {
  for (let i = 0; i < a.length && i < b.length; i++) if (a[i] !== b[i]) return compareCodeUnits(a[i], b[i]);
  return a.length - b.length;
}

/** '/'-separated relative paths (report sources). */
export function comparePaths(a: string, b: string): number {
  return compareSegments(a.split('/'), b.split('/'));
}
