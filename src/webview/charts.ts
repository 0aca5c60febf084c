// The geometry of the sidebar's charts, as plain numbers (no DOM), so it can be tested in Node.
import type { SidebarLean, SidebarSection } from '../shared/sidebarMessages';

/** Where a lean index (−1 … +1) sits on a meter, in percent of its width from the control end. */
export function leanPosition(index: number): number {
  const clamped = Math.max(-1, Math.min(1, index));
  return ((clamped + 1) / 2) * 100;
}

/** The balanced band (|index| < band) as left offset and width in percent of the meter. */
export function balancedBand(band: number): { left: number; width: number } {
  const b = Math.max(0, Math.min(1, band));
  return { left: leanPosition(-b), width: leanPosition(b) - leanPosition(-b) };
}

export interface SectionBar {
  /** The section's index in the model, to jump there. */
  index: number;
  /** Bar length as a share of the half-height, 0 … 1 (|lean|); 0 for no signal. */
  length: number;
  /** Up (engagement), down (control), or none (balanced at exactly 0, or no signal). */
  direction: 'up' | 'down' | 'none';
  thin: boolean;
  noSignal: boolean;
}

/** One diverging bar per section (or chart column, indexed by its first section) in document order: up for engagement, down for control, length |lean|. */
export function sectionBars(sections: readonly Pick<SidebarSection, 'index' | 'lean'>[]): SectionBar[] {
  return sections.map((s) => {
    const index = s.lean.index;
    if (index === null) return { index: s.index, length: 0, direction: 'none', thin: true, noSignal: true };
    return {
      index: s.index,
      length: Math.min(1, Math.abs(index)),
      direction: index > 0 ? 'up' : index < 0 ? 'down' : 'none',
      thin: s.lean.thin,
      noSignal: false,
    };
  });
}

/** The text of a lean with its sign (−0.42, +0.10), or "–" without signal. */
export function signedLean(lean: Pick<SidebarLean, 'index'>): string {
  if (lean.index === null) return '–';
  const fixed = Math.abs(lean.index).toFixed(2);
  return lean.index > 0 ? `+${fixed}` : lean.index < 0 ? `−${fixed}` : fixed;
}
