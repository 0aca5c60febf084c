// The text of the region pending edits changed, kept as the edits arrive, so that the store can make the new text
// from the text it analysed and that region: asking VS Code for a 5 MB document's whole text joins its lines anew on
// every update while the user types.

/** A region of the current text: `[start, endNow)`, the whole text `delta` characters longer than the analysed one. */
export interface EditRegion {
  readonly start: number;
  readonly endNow: number;
  readonly delta: number;
  /** The region's text now, when known. */
  readonly text?: string;
}

/** One change, in offsets of the text before it. */
export interface RegionChange {
  readonly rangeOffset: number;
  readonly rangeLength: number;
  readonly text: string;
}

/**
 * The text of the region after one more change event (the region `region` grows to cover it, as mergeChanges makes
 * it), given `base`, the analysed text the region refers to; undefined when it cannot be told (an event of several
 * changes, or a region whose text is not known).
 */
export function regionText(base: string, region: EditRegion | undefined, changes: readonly RegionChange[]): string | undefined {
  if (changes.length !== 1) return undefined;
  const change = changes[0];
  const from = change.rangeOffset;
  const to = change.rangeOffset + change.rangeLength;
  if (!region) return change.text;
  if (region.text === undefined) return undefined;
  // The merged region's text before the change: the untouched text on either side of the region, in current offsets.
  const start = Math.min(region.start, from);
  const end = Math.max(region.endNow, to);
  const before = base.slice(start, region.start);
  const after = base.slice(region.endNow - region.delta, end - region.delta);
  const current = before + region.text + after;
  return current.slice(0, from - start) + change.text + current.slice(to - start);
}

/** The whole current text: `base` with the region's text in place of what it replaced. */
export function spliceRegion(base: string, region: EditRegion & { readonly text: string }): string {
  return base.slice(0, region.start) + region.text + base.slice(region.endNow - region.delta);
}
