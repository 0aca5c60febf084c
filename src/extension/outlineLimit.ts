// Which sections a very long document's Outline and folding show: the outer levels of the section tree, as many
// whole levels as fit in a limit. VS Code sends every symbol and folding range between the extension host and the
// workbench on each version, so tens of thousands of them hold up the editor for seconds after each edit.

/** Most Outline entries (symbols) of one document; the deeper levels of a longer tree are left out. */
export const OUTLINE_LIMIT = 1_000;
/** Most folding ranges of one document, VS Code's own default (`editor.foldingMaximumRegions`). */
export const FOLDING_LIMIT = 5_000;

/**
 * Per item of a tree given by parent indices (−1 for a root; a parent comes before its children), whether it is
 * kept: every item whose depth is at most the deepest level at which the count of kept items stays within `limit`.
 * When even the roots are more than `limit`, the first `limit` roots are kept.
 */
export function outerLevels(parents: readonly number[], limit: number): boolean[] {
  const depth = new Array<number>(parents.length);
  const perDepth: number[] = [];
  parents.forEach((parent, i) => {
    const d = parent >= 0 && parent < i ? depth[parent] + 1 : 0;
    depth[i] = d;
    perDepth[d] = (perDepth[d] ?? 0) + 1;
  });
  let deepest = -1;
  let count = 0;
  while (deepest + 1 < perDepth.length && count + perDepth[deepest + 1] <= limit) count += perDepth[++deepest];
  if (deepest >= 0) return depth.map((d) => d <= deepest);
  let roots = 0;
  return depth.map((d) => d === 0 && roots++ < limit);
}
