// The sidebar's chart of the lean along the sections on a long statute, as the user sees it in the real host: it fits
// the sidebar's width, groups consecutive articles into at most CHART_COLUMNS columns, names each group's range with
// its lean computed from the group's summed counts, and a click on a column reveals the group's first article.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { CHART_COLUMNS } from '../../src/extension/sidebarChart';
import type { SidebarActiveDocument } from '../../src/shared/sidebarMessages';
import { editorSuite, openFile, waitFor } from './editorHelpers';
import { canReadWebviews, webviewBoxes } from './webviewText';

/** 100 chapters of 10 articles: 1,000 innermost sections, over eight per column. */
function statute(): string {
  const lines: string[] = [];
  for (let c = 1; c <= 100; c++) {
    lines.push(`Chapter ${c} Provisions of part ${c}`, '');
    for (let a = 1; a <= 10; a++) {
      const n = (c - 1) * 10 + a;
      // Articles lean differently along the text, so columns differ.
      const body = n % 3 === 0 ? 'The authorities shall monitor every platform and keep a blacklist.' : n % 3 === 1 ? 'The agency shall consult the public and hold a hearing.' : 'This article sets out definitions.';
      lines.push(`Article ${n} Duties of part ${n}`, body, '');
    }
  }
  return lines.join('\n');
}

/** The lean as the sidebar writes it: sign, two decimals, a true minus. */
function signed(index: number | null): string {
  if (index === null) return '–';
  const fixed = Math.abs(index).toFixed(2);
  return index > 0 ? `+${fixed}` : index < 0 ? `−${fixed}` : fixed;
}

describe('lean-by-section chart of a long document', function () {
  this.timeout(120_000);
  const suite = editorSuite('chart');

  it('fits the sidebar with at most the cap of columns, names each group and its lean, and reveals its first section', async function () {
    await vscode.commands.executeCommand('policyLens.tally.focus');
    const name = 'chart-statute.txt';
    const editor = await openFile(suite.api, suite.dir, name, statute());
    const uri = editor.document.uri;
    const active = await waitFor(
      'the sidebar to show the whole statute',
      (): SidebarActiveDocument | undefined => {
        const a = suite.api.getSidebar().currentModel()?.active;
        return a && a.uri === uri.toString() && a.complete && a.sections.length === 1_100 ? a : undefined;
      },
      30_000,
    );
    const analysis = suite.api.getAnalysis(uri);
    assert.ok(analysis);
    const sections = analysis.tally.sections;
    const articles = sections.map((_s, i) => i).filter((i) => sections[i].parent !== null);
    assert.equal(articles.length, 1_000);

    // The model: the articles in order, in CHART_COLUMNS groups, each lean from the group's summed counts.
    assert.equal(active.chart.length, CHART_COLUMNS);
    assert.deepEqual(active.chart.flatMap((c) => articles.filter((i) => i >= c.first && i <= c.last)), articles);
    for (const c of active.chart) {
      const group = articles.filter((i) => i >= c.first && i <= c.last);
      assert.equal(c.sections, group.length);
      const control = group.reduce((n, i) => n + sections[i].units.control, 0);
      const engagement = group.reduce((n, i) => n + sections[i].units.engagement, 0);
      assert.equal(c.lean.index, control + engagement === 0 ? null : (engagement - control) / (control + engagement), `column ${c.column}`);
    }

    if (!canReadWebviews()) this.skip();
    // What the user sees: every column inside the sidebar, the page not wider than the sidebar. Widths are laid out in
    // fractions of a pixel and read rounded, so a pixel is allowed; one column per section overflowed by hundreds.
    const ROUNDING = 1;
    const k = 37;
    const column = active.chart[k];
    const shown = await webviewBoxes(suite.dir, name, 'button.section-column', k);
    assert.ok(shown.boxes.length > 0 && shown.boxes.length <= CHART_COLUMNS, `${shown.boxes.length} columns drawn`);
    assert.equal(shown.boxes.length, active.chart.length);
    assert.ok(shown.scrollWidth <= shown.viewportWidth + ROUNDING, `the page is ${shown.scrollWidth} px wide in a sidebar of ${shown.viewportWidth} px`);
    for (const [i, box] of shown.boxes.entries()) {
      assert.ok(box.left >= 0 && box.right <= shown.viewportWidth + ROUNDING && box.width >= 1, `column ${i} at ${box.left}-${box.right} in ${shown.viewportWidth} px`);
    }
    const chart = await webviewBoxes(suite.dir, name, '.section-chart');
    assert.equal(chart.boxes.length, 1);
    assert.ok(chart.boxes[0].right <= chart.viewportWidth + ROUNDING, `the chart ends at ${chart.boxes[0].right} px in a sidebar of ${chart.viewportWidth} px`);
    console.log(`chart: ${shown.boxes.length} columns, ${chart.boxes[0].left}-${chart.boxes[0].right} px; page ${shown.scrollWidth} px in a sidebar of ${shown.viewportWidth} px`);
    // Its label names the group's first and last article, how many it holds, and the lean shown.
    const label = shown.boxes[k].label ?? '';
    const first = sections[column.first].title;
    const last = sections[column.last].title;
    assert.ok(label.startsWith(`${first} – ${last} (${column.sections} sections): ${column.lean.label}`), label);
    assert.ok(label.includes(signed(column.lean.index)), `${label} does not show ${signed(column.lean.index)}`);
    // The click revealed the group's first article.
    const line = sections[column.first].startLine;
    await waitFor(`the editor to reveal ${first}`, () => vscode.window.activeTextEditor?.selection.start.line === line, 15_000);
    assert.equal(vscode.window.activeTextEditor?.document.lineAt(line).text, first);
  });
});
