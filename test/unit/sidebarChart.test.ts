// The sidebar's chart of the lean along the sections: at most CHART_COLUMNS columns, consecutive innermost sections
// grouped in document order, each group's lean computed from its summed sentence counts as a section's is.
import * as assert from 'node:assert/strict';
import { lean as coreLean } from '../../src/core/tally';
import type { LeanLabel, Units } from '../../src/core/types';
import { CHART_COLUMNS, chartColumns } from '../../src/extension/sidebarChart';
import { buildSidebarModel, modelMessage, SidebarLabels } from '../../src/extension/sidebarModel';
import type { SidebarChartColumn, SidebarSection, SidebarStrings } from '../../src/shared/sidebarMessages';
import { Random } from './helpers/random';

const label = (l: LeanLabel): string => `lean:${l}`;

function row(index: number, units: Units, parent: number | null = null, level = 1): SidebarSection {
  const l = coreLean(units);
  return { index, title: `S${index}`, level, parent, startLine: index, units: { ...units }, lean: { index: l.index, labelId: l.label, label: label(l.label), thin: l.thin } };
}

/** `n` sections at one level with counts drawn from `r` (about one in five empty). */
function flat(n: number, r: Random): SidebarSection[] {
  return Array.from({ length: n }, (_, i) => {
    if (r.int(5) === 0) return row(i, { sentences: r.int(3), control: 0, engagement: 0, both: 0 });
    const control = r.int(4);
    const engagement = r.int(4);
    return row(i, { sentences: control + engagement + r.int(5), control, engagement, both: Math.min(control, engagement, r.int(2)) });
  });
}

/** The chart as computed from scratch: the innermost sections cut into `columns` groups, their counts summed. */
function expected(rows: readonly SidebarSection[]): { first: number; last: number; sections: number; units: Units }[] {
  const parents = new Set(rows.map((s) => s.parent));
  const leaves = rows.filter((s) => !parents.has(s.index));
  const columns = Math.min(CHART_COLUMNS, leaves.length);
  const out: { first: number; last: number; sections: number; units: Units }[] = [];
  for (let k = 0; k < columns; k++) {
    const group = leaves.slice(Math.floor((k * leaves.length) / columns), Math.floor(((k + 1) * leaves.length) / columns));
    const units = { sentences: 0, control: 0, engagement: 0, both: 0 };
    for (const s of group) for (const key of Object.keys(units) as (keyof Units)[]) units[key] += s.units[key];
    out.push({ first: group[0].index, last: group[group.length - 1].index, sections: group.length, units });
  }
  return out;
}

function assertChart(chart: readonly SidebarChartColumn[], rows: readonly SidebarSection[]): void {
  const want = expected(rows);
  assert.equal(chart.length, want.length);
  chart.forEach((c, k) => {
    assert.equal(c.column, k);
    assert.deepEqual({ first: c.first, last: c.last, sections: c.sections, units: c.units }, want[k], `column ${k}`);
    // The same formula and thin-evidence rule as a section's lean, over the summed counts.
    const l = coreLean(want[k].units);
    assert.deepEqual(c.lean, { index: l.index, labelId: l.label, label: label(l.label), thin: l.thin }, `lean of column ${k}`);
  });
}

describe('sidebar chart columns', () => {
  it('give each section its own column up to the cap, with its own lean', () => {
    const r = new Random(3);
    for (const n of [0, 1, 2, CHART_COLUMNS - 1, CHART_COLUMNS]) {
      const rows = flat(n, r);
      const chart = chartColumns(rows, label);
      assertChart(chart, rows);
      assert.deepEqual(chart.map((c) => c.sections), rows.map(() => 1));
      chart.forEach((c, k) => assert.deepEqual(c.lean, rows[k].lean));
    }
  });

  it('group consecutive sections past the cap, groups differing by one section at most, every section in one', () => {
    const r = new Random(4);
    for (const n of [CHART_COLUMNS + 1, 2 * CHART_COLUMNS - 1, 2 * CHART_COLUMNS + 7, 10_000, 10_414]) {
      const rows = flat(n, r);
      const chart = chartColumns(rows, label);
      assert.equal(chart.length, CHART_COLUMNS);
      assertChart(chart, rows);
      const sizes = chart.map((c) => c.sections);
      assert.ok(Math.max(...sizes) - Math.min(...sizes) <= 1, `sizes ${Math.min(...sizes)}-${Math.max(...sizes)} for ${n}`);
      assert.equal(sizes.reduce((a, b) => a + b, 0), n);
      assert.equal(chart[0].first, 0);
      assert.equal(chart[chart.length - 1].last, n - 1);
      for (let k = 1; k < chart.length; k++) assert.equal(chart[k].first, chart[k - 1].last + 1, `no gap or overlap before column ${k}`);
    }
  });

  it('sum a group exactly: one with evidence and empty sections leans as its summed counts say', () => {
    // 240 sections, two per column; column 0 holds a control section and an empty one, column 1 two thin engagement ones.
    const rows = Array.from({ length: 2 * CHART_COLUMNS }, (_, i) => row(i, { sentences: 1, control: 0, engagement: 0, both: 0 }));
    rows[0] = row(0, { sentences: 9, control: 6, engagement: 0, both: 0 });
    rows[2] = row(2, { sentences: 3, control: 0, engagement: 2, both: 0 });
    rows[3] = row(3, { sentences: 5, control: 1, engagement: 3, both: 1 });
    const chart = chartColumns(rows, label);
    assert.deepEqual(chart[0].units, { sentences: 10, control: 6, engagement: 0, both: 0 });
    assert.deepEqual([chart[0].lean.index, chart[0].lean.labelId, chart[0].lean.thin], [-1, 'control-leaning', false]);
    // E 5, C 1, both 1: (5 − 1) / 6, and 5 sentences hold a match, which is not thin.
    assert.deepEqual(chart[1].units, { sentences: 8, control: 1, engagement: 5, both: 1 });
    assert.deepEqual([chart[1].lean.index, chart[1].lean.labelId, chart[1].lean.thin], [4 / 6, 'engagement-leaning', false]);
    // Not the mean of the two sections' leans (+1 and +0.5).
    assert.notEqual(chart[1].lean.index, 0.75);
    assert.deepEqual([chart[2].lean.index, chart[2].lean.labelId, chart[2].lean.thin], [null, 'no signal', true]);
  });

  it('chart innermost sections only, in document order: a chapter counts its articles already', () => {
    const units = { sentences: 2, control: 1, engagement: 0, both: 0 };
    const rows: SidebarSection[] = [];
    for (let chapter = 0; chapter < 200; chapter++) {
      const c = rows.length;
      rows.push(row(c, { sentences: 6, control: 3, engagement: 0, both: 0 }));
      for (let a = 0; a < 3; a++) rows.push(row(rows.length, units, c, 2));
    }
    const chart = chartColumns(rows, label);
    assertChart(chart, rows);
    assert.equal(chart.reduce((n, c) => n + c.sections, 0), 600);
    assert.ok(chart.every((c) => rows[c.first].parent !== null && rows[c.last].parent !== null));
  });

  it('keep the columns an edit did not reach, and equal a fresh chart after random edits', () => {
    const r = new Random(9);
    let rows = flat(1_000, r);
    let chart = chartColumns(rows, label);
    for (let edit = 0; edit < 60; edit++) {
      const at = r.int(rows.length);
      const moved = r.int(2) === 0;
      const next = rows.map((s, i) => {
        if (i === at) {
          const control = s.units.control + 1;
          return row(i, { ...s.units, sentences: s.units.sentences + 1, control });
        }
        // Rows after a typed line break are new objects with the same figures.
        return moved && i > at ? { ...s, startLine: s.startLine + 1 } : s;
      });
      const updated = chartColumns(next, label, chart);
      assertChart(updated, next);
      updated.forEach((c, k) => {
        const touched = c.first <= at && at <= c.last;
        if (!touched) assert.equal(c, chart[k], `column ${k} after an edit at ${at}`);
        else assert.notEqual(c, chart[k]);
      });
      rows = next;
      chart = updated;
    }
  });

  it('are made anew when the tree changes or the lean labels do', () => {
    const r = new Random(10);
    const rows = flat(300, r);
    const chart = chartColumns(rows, label);
    const nested = rows.map((s, i) => (i === 5 ? { ...s, parent: 4, level: 2 } : s));
    assertChart(chartColumns(nested, label, chart), nested);
    const fewer = rows.slice(0, 150);
    assertChart(chartColumns(fewer, label, chart), fewer);
    const relabelled = chartColumns(rows, (l) => `other:${l}`, chart);
    assert.ok(relabelled.every((c) => c.lean.label.startsWith('other:')));
  });
});

describe('sidebar chart in the model and its updates', () => {
  const strings = new Proxy({} as SidebarStrings, { get: (_target, key) => `<${String(key)}>` });
  const labels: SidebarLabels = { strings, category: (_id, english) => english, lean: label };
  const section = (i: number, control: number) => ({
    title: `Article ${i}`,
    level: 1,
    parent: null,
    startLine: i,
    endLine: i,
    startOffset: i * 10,
    endOffset: i * 10 + 10,
    words: 10,
    units: { sentences: 4, control, engagement: 1, both: 0 },
    control: { matches: control, weight: control, perThousandWords: 0 },
    engagement: { matches: 1, weight: 1, perThousandWords: 0 },
    lean: { ...coreLean({ sentences: 4, control, engagement: 1, both: 0 }), basis: 'sentences' as const },
  });
  const tally = (sections: ReturnType<typeof section>[]) => ({
    language: 'en' as const,
    words: 10,
    units: { sentences: 1, control: 0, engagement: 0, both: 0 },
    control: { matches: 0, weight: 0, perThousandWords: 0 },
    engagement: { matches: 0, weight: 0, perThousandWords: 0 },
    lean: { index: null, label: 'no signal' as const, thin: true, basis: 'sentences' as const },
    categories: [],
    sections,
  });
  const build = (sections: ReturnType<typeof section>[], previous?: ReturnType<typeof buildSidebarModel>) => {
    const source = { uri: 'file:///a.txt', name: 'a.txt', detail: 'a.txt', tally: tally(sections), complete: true };
    return buildSidebarModel(source, [source], labels, null, previous);
  };

  it('posts only the columns whose figures changed, with the sections that changed', () => {
    const sections = Array.from({ length: 1_000 }, (_, i) => section(i, i % 3));
    const first = build(sections);
    assert.equal(first.active?.chart.length, CHART_COLUMNS);
    const typed = sections.map((s, i) => (i === 500 ? section(i, 7) : s));
    const next = build(typed, first);
    const message = modelMessage(first, next);
    assert.equal(message.type, 'update');
    if (message.type !== 'update') return;
    assert.deepEqual(message.model.active?.chart, []);
    assert.equal(message.sections.chartCount, CHART_COLUMNS);
    assert.deepEqual(message.sections.chart.map((c) => [c.column, c.first <= 500 && 500 <= c.last]), [[60, true]]);
    assert.deepEqual(message.sections.changed.map((s) => s.index), [500]);
  });
});
