// The columns of the sidebar's chart of the lean along the sections. Pure (no `vscode`), so unit tests run it in Node.
import type { SidebarChartColumn, SidebarLean, SidebarSection, SidebarUnits } from '../shared/sidebarMessages';
import type { LeanLabel } from '../core/types';
import { leanOfUnits } from './store';

/**
 * Most columns the chart draws; more innermost sections are grouped, consecutive ones per column. Fixed rather than
 * taken from the sidebar's width, so a document shows the same groups, with the same figures, at any width; 120
 * columns of at least one pixel fit the narrowest side bar VS Code allows (170 px, less the view's padding).
 */
export const CHART_COLUMNS = 120;

/** What the columns were made from, to make the next ones for the same section tree. */
interface ChartSource {
  rows: readonly SidebarSection[];
  chart: SidebarChartColumn[];
  /** Per section index, the column holding it, or −1 for a section that is not innermost. */
  columnOf: Int32Array;
  /** The innermost sections' indices in document order. */
  leaves: Int32Array;
}

/** Per column array, what it was made from. */
const sources = new WeakMap<readonly SidebarChartColumn[], ChartSource>();

/** Where column `k` of `columns` starts among `count` innermost sections: the groups differ in size by one at most. */
export function columnStart(k: number, count: number, columns: number): number {
  return Math.floor((k * count) / columns);
}

/**
 * The chart's columns over the section rows `rows`: one per innermost section up to CHART_COLUMNS of them, else
 * CHART_COLUMNS groups of consecutive innermost sections. `previous` (the chart made for the rows last built for the
 * same document) lends the columns whose sections kept their rows or their counts, so an update after typing in one
 * section sums only that section's column.
 */
export function chartColumns(rows: readonly SidebarSection[], lean: (label: LeanLabel) => string, previous?: readonly SidebarChartColumn[], cap = CHART_COLUMNS): SidebarChartColumn[] {
  const known = previous && sources.get(previous);
  const kept = known ? keptColumns(known, rows, lean) : undefined;
  if (kept) return kept;
  const parents = new Set<number>();
  for (const row of rows) if (row.parent !== null) parents.add(row.parent);
  const leafList: number[] = [];
  for (const row of rows) if (!parents.has(row.index)) leafList.push(row.index);
  const leaves = Int32Array.from(leafList);
  const count = Math.min(cap, leaves.length);
  const columnOf = new Int32Array(rows.length).fill(-1);
  const chart: SidebarChartColumn[] = [];
  for (let k = 0; k < count; k++) {
    const from = columnStart(k, leaves.length, count);
    const to = columnStart(k + 1, leaves.length, count);
    for (let i = from; i < to; i++) columnOf[leaves[i]] = k;
    chart.push(column(rows, leaves, k, from, to, lean));
  }
  sources.set(chart, { rows, chart, columnOf, leaves });
  return chart;
}

/**
 * The columns for `rows` made from those for `known.rows` when the tree is the same (same sections, same parents):
 * a column whose sections all kept their row objects, or their counts, stays; the others are summed again.
 * Undefined when the tree changed.
 */
function keptColumns(known: ChartSource, rows: readonly SidebarSection[], lean: (label: LeanLabel) => string): SidebarChartColumn[] | undefined {
  const before = known.rows;
  if (before.length !== rows.length) return undefined;
  const stale = new Set<number>();
  for (let i = 0; i < rows.length; i++) {
    const a = before[i];
    const b = rows[i];
    if (a === b) continue;
    if (a.parent !== b.parent) return undefined;
    const k = known.columnOf[i];
    if (k >= 0 && (!sameUnits(a.units, b.units) || a.lean.label !== b.lean.label)) stale.add(k);
  }
  // The lean's label is asked anew: the display language may have changed since.
  const relabelled = known.chart.length > 0 && known.chart[0].lean.label !== lean(known.chart[0].lean.labelId);
  let chart = known.chart;
  if (stale.size > 0 || relabelled) {
    chart = known.chart.slice();
    const count = chart.length;
    for (let k = 0; k < count; k++) {
      if (!relabelled && !stale.has(k)) continue;
      chart[k] = column(rows, known.leaves, k, columnStart(k, known.leaves.length, count), columnStart(k + 1, known.leaves.length, count), lean);
    }
  }
  sources.set(chart, { ...known, rows, chart });
  return chart;
}

/** Column `k`: the innermost sections `leaves[from]` … `leaves[to - 1]`, their sentence counts summed. */
function column(rows: readonly SidebarSection[], leaves: Int32Array, k: number, from: number, to: number, lean: (label: LeanLabel) => string): SidebarChartColumn {
  const units: SidebarUnits = { sentences: 0, control: 0, engagement: 0, both: 0 };
  for (let i = from; i < to; i++) {
    const u = rows[leaves[i]].units;
    units.sentences += u.sentences;
    units.control += u.control;
    units.engagement += u.engagement;
    units.both += u.both;
  }
  // One section: its own lean as shown in its row; a group: the same formula over the summed counts.
  const summed = to - from === 1 ? rows[leaves[from]].lean : leanView(units, lean);
  return { column: k, first: leaves[from], last: leaves[to - 1], sections: to - from, units, lean: summed };
}

function leanView(units: SidebarUnits, lean: (label: LeanLabel) => string): SidebarLean {
  const l = leanOfUnits(units);
  return { index: l.index, labelId: l.label, label: lean(l.label), thin: l.thin };
}

/** Two rows or columns count the same sentences. */
export function sameUnits(a: SidebarUnits, b: SidebarUnits): boolean {
  return a.sentences === b.sentences && a.control === b.control && a.engagement === b.engagement && a.both === b.both;
}

/** Two columns show the same: the same sections and figures. */
export function sameColumn(a: SidebarChartColumn, b: SidebarChartColumn): boolean {
  return (
    a.column === b.column &&
    a.first === b.first &&
    a.last === b.last &&
    a.sections === b.sections &&
    sameUnits(a.units, b.units) &&
    a.lean.index === b.lean.index &&
    a.lean.labelId === b.lean.labelId &&
    a.lean.label === b.lean.label &&
    a.lean.thin === b.lean.thin
  );
}
