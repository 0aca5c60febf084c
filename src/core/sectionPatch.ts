// Keeps a document's section tree current across an edit without recounting it. An edit that neither removes nor
// makes a heading leaves the tree's shape alone: only the section it falls in and that section's ancestors change
// their figures (by the difference of the blocks it replaced), and everything after it moves by the edit's length and
// line count. Any other edit is left to a recount (sectionTallies), which the patched tree always equals.
import type { MatchReader } from './matchList';
import { BlockResult } from './scan';
import { addBlockMatches, addUnits, blockUnits, lean, polarityTally, Sum } from './tally';
import { SectionTally, Units } from './types';

/** What a run of blocks adds to the section holding it. */
interface BlockSums {
  words: number;
  newlines: number;
  units: Units;
  control: Sum;
  engagement: Sum;
}

/** The sums of `blocks[from, to)`, or null when one of them is a heading (the tree's shape may change). */
function sumsOf(blocks: readonly BlockResult[], from: number, to: number, reader: MatchReader): BlockSums | null {
  const sums: BlockSums = {
    words: 0,
    newlines: 0,
    units: { sentences: 0, control: 0, engagement: 0, both: 0 },
    control: { matches: 0, weightMilli: 0 },
    engagement: { matches: 0, weightMilli: 0 },
  };
  for (let i = from; i < to; i++) {
    const block = blocks[i];
    if (block.headingLevel >= 0) return null;
    sums.words += block.words;
    sums.newlines += block.newlines;
    addUnits(sums.units, blockUnits(block, reader), 1);
    addBlockMatches(sums.control, sums.engagement, block, reader);
  }
  return sums;
}

/** The last section starting at or before `offset` (−1 for none): the innermost one holding text there. */
function sectionAt(sections: readonly SectionTally[], offset: number): number {
  let lo = 0;
  let hi = sections.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sections[mid].startOffset <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

function plus(a: Sum, b: Sum, sign: number): Sum {
  return { matches: a.matches + sign * b.matches, weightMilli: a.weightMilli + sign * b.weightMilli };
}

/** A section's own polarity figures as exact sums (weights are thousandths divided by 1000). */
function sumOf(p: { matches: number; weight: number }): Sum {
  return { matches: p.matches, weightMilli: Math.round(p.weight * 1000) };
}

/** Blocks an edit re-analysed or made, from `first` on, starting at `starts[first]`. */
export interface BlockRun {
  readonly blocks: readonly BlockResult[];
  readonly starts: readonly number[];
  readonly first: number;
  readonly end: number;
}

/**
 * The sections after an edit at `editStart` replaced the blocks `removed` with `added` (the text after them moving by
 * `delta` characters), or null when the edit may change the tree's shape and the sections must be recounted. Sections
 * the edit does not reach are the same objects; the others are new (snapshots never change).
 */
export function patchSections(sections: readonly SectionTally[], editStart: number, delta: number, removed: BlockRun, added: BlockRun, reader: MatchReader): SectionTally[] | null {
  // Blocks re-read before the edit (from the line before it) that came out as they were are no change: a heading
  // just above the line being typed in stays the same heading.
  let skip = 0;
  while (
    removed.first + skip < removed.end &&
    added.first + skip < added.end &&
    removed.starts[removed.first + skip] === added.starts[added.first + skip] &&
    removed.blocks[removed.first + skip].length === added.blocks[added.first + skip].length &&
    added.starts[added.first + skip] + added.blocks[added.first + skip].length <= editStart
  )
    skip++;
  const before = sumsOf(removed.blocks, removed.first + skip, removed.end, reader);
  const after = before && sumsOf(added.blocks, added.first + skip, added.end, reader);
  if (!before || !after) return null;
  // No heading anywhere, before or after: still no sections.
  if (sections.length === 0) return [];
  const replaces = removed.first + skip < removed.end;
  const at = replaces ? removed.starts[removed.first + skip] : added.first + skip < added.end ? added.starts[added.first + skip] : editStart;
  // Text before the first section's start (or that start itself) decides where the preamble begins.
  if (at <= sections[0].startOffset) return null;
  // Blocks only inserted at `at` go before the old block there (a heading, maybe): into the section holding the text before.
  const inside = sectionAt(sections, replaces ? at : at - 1);
  const chain = new Set<number>();
  for (let i: number | null = inside; i !== null; i = sections[i].parent) {
    // A section whose end line was raised to its start line (it ends on the line it starts) is recounted.
    if (sections[i].endLine === sections[i].startLine) return null;
    chain.add(i);
  }
  const lines = after.newlines - before.newlines;
  const words = after.words - before.words;
  const out = sections.slice();
  for (const i of chain) {
    const s = sections[i];
    const units: Units = {
      sentences: s.units.sentences + after.units.sentences - before.units.sentences,
      control: s.units.control + after.units.control - before.units.control,
      engagement: s.units.engagement + after.units.engagement - before.units.engagement,
      both: s.units.both + after.units.both - before.units.both,
    };
    const sectionWords = s.words + words;
    out[i] = {
      ...s,
      endLine: s.endLine + lines,
      endOffset: s.endOffset + delta,
      words: sectionWords,
      units,
      control: polarityTally(plus(plus(sumOf(s.control), after.control, 1), before.control, -1), sectionWords),
      engagement: polarityTally(plus(plus(sumOf(s.engagement), after.engagement, 1), before.engagement, -1), sectionWords),
      lean: lean(units),
    };
  }
  if (delta !== 0 || lines !== 0) {
    for (let i = inside + 1; i < sections.length; i++) {
      const s = sections[i];
      // Written out rather than spread: thousands of these per edit, and a literal is several times faster.
      out[i] = {
        title: s.title,
        level: s.level,
        parent: s.parent,
        startLine: s.startLine + lines,
        endLine: s.endLine + lines,
        startOffset: s.startOffset + delta,
        endOffset: s.endOffset + delta,
        words: s.words,
        units: s.units,
        control: s.control,
        engagement: s.engagement,
        lean: s.lean,
      };
    }
  }
  return out;
}
