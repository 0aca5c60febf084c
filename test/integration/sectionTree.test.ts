// Nested sections in the real host, on an English and a Chinese statute written for this test: the sidebar's
// collapsible tree (a chapter holds its articles, its totals include them, a click folds it), the Outline's
// nested symbols and the folding ranges of a chapter.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { SidebarActiveDocument } from '../../src/shared/sidebarMessages';
import { editorSuite, openFile } from './editorHelpers';
import { canReadWebviews, webviewText } from './webviewText';

const ENGLISH = [
  'Chapter 1 General Provisions', //  0
  '',
  'Article 1 Monitoring', //  2
  'The authorities shall monitor every platform and keep a blacklist of firms that break the rules.',
  '',
  'Article 2 Inspections', //  5
  'Inspectors shall impose a fine on any firm that refuses an inspection. Firms may appeal the fine.',
  '',
  'Chapter 2 Participation', //  8
  '',
  'Article 3 Hearings', // 10
  'The agency shall hold a public hearing before new rules take effect.',
  '',
  'Article 4 Openness', // 13
  'The agency shall publish its reasons and consult the public.',
  '',
].join('\n');

const CHINESE = [
  '第一章 总则', //  0
  '',
  '第一条 对失信企业实施联合惩戒，列入黑名单。', //  2
  '',
  '第二条 有关部门应当加强监控，依法处以罚款。当事人可以申诉。', //  4
  '',
  '第二章 公众参与', //  6
  '',
  '第三条 制定规则前应当征求意见，举行听证。', //  8
  '',
  '第四条 行政机关应当公开决定理由。', // 10
  '',
].join('\n');

interface Statute {
  name: string;
  text: string;
  chapters: { title: string; line: number; lastLine: number; articles: { prefix: string; line: number }[] }[];
}

const STATUTES: Statute[] = [
  {
    name: 'statute.en.txt',
    text: ENGLISH,
    chapters: [
      { title: 'Chapter 1 General Provisions', line: 0, lastLine: 6, articles: [{ prefix: 'Article 1', line: 2 }, { prefix: 'Article 2', line: 5 }] },
      { title: 'Chapter 2 Participation', line: 8, lastLine: 14, articles: [{ prefix: 'Article 3', line: 10 }, { prefix: 'Article 4', line: 13 }] },
    ],
  },
  {
    name: 'statute.zh.txt',
    text: CHINESE,
    chapters: [
      { title: '第一章 总则', line: 0, lastLine: 4, articles: [{ prefix: '第一条', line: 2 }, { prefix: '第二条', line: 4 }] },
      { title: '第二章 公众参与', line: 6, lastLine: 10, articles: [{ prefix: '第三条', line: 8 }, { prefix: '第四条', line: 10 }] },
    ],
  },
];

async function waitForSidebar(suite: { api: { getSidebar(): { currentModel(): { active: SidebarActiveDocument | null } | undefined } } }, uri: vscode.Uri): Promise<SidebarActiveDocument> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const active = suite.api.getSidebar().currentModel()?.active;
    if (active && active.uri === uri.toString() && active.sections.length > 0) return active;
    if (Date.now() > deadline) throw new Error(`the sidebar never showed ${uri.toString()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('section tree: sidebar, Outline and folding', function () {
  this.timeout(120_000);
  const suite = editorSuite('tree');

  for (const statute of STATUTES) {
    it(`nests articles under chapters in the Outline (${statute.name})`, async () => {
      const editor = await openFile(suite.api, suite.dir, statute.name, statute.text);
      const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', editor.document.uri);
      assert.ok(symbols, 'no symbols');
      assert.deepEqual(symbols.map((s) => s.name), statute.chapters.map((c) => c.title));
      for (const [i, chapter] of statute.chapters.entries()) {
        const symbol = symbols[i];
        assert.equal(symbol.range.start.line, chapter.line);
        assert.ok(symbol.range.end.line >= chapter.lastLine, `${chapter.title} ends at line ${symbol.range.end.line}`);
        assert.deepEqual(symbol.children.map((a) => a.selectionRange.start.line), chapter.articles.map((a) => a.line), symbol.name);
        for (const [k, article] of symbol.children.entries()) assert.ok(article.name.startsWith(chapter.articles[k].prefix), article.name);
        for (const article of symbol.children) assert.ok(symbol.range.contains(article.range), `${article.name} lies outside ${symbol.name}`);
      }
    });

    it(`folds a chapter over all of its articles (${statute.name})`, async () => {
      const editor = await openFile(suite.api, suite.dir, `fold-${statute.name}`, statute.text);
      const ranges = await vscode.commands.executeCommand<vscode.FoldingRange[]>('vscode.executeFoldingRangeProvider', editor.document.uri);
      const pairs = ranges.map((r) => [r.start, r.end]);
      for (const chapter of statute.chapters) {
        const fold = ranges.find((r) => r.start === chapter.line);
        assert.ok(fold, `no fold starts at ${chapter.title} in ${JSON.stringify(pairs)}`);
        assert.ok(fold.end >= chapter.lastLine, `the fold of ${chapter.title} ends at ${fold.end}, before its last article's text (${chapter.lastLine})`);
        const next = statute.chapters.find((c) => c.line > chapter.line);
        if (next) assert.ok(fold.end < next.line, `the fold of ${chapter.title} swallows ${next.title}`);
      }
    });

    it(`shows chapters holding their articles in the sidebar, with totals that include them (${statute.name})`, async function () {
      await vscode.commands.executeCommand('policyLens.tally.focus');
      const name = `sidebar-${statute.name}`;
      const editor = await openFile(suite.api, suite.dir, name, statute.text);
      await vscode.window.showTextDocument(editor.document, { preview: false });
      const active = await waitForSidebar(suite, editor.document.uri);
      const analysis = suite.api.getAnalysis(editor.document.uri);
      assert.ok(analysis);
      const chapters = active.sections.filter((s) => s.parent === null);
      assert.deepEqual(chapters.map((c) => c.title), statute.chapters.map((c) => c.title));
      for (const [i, chapter] of chapters.entries()) {
        const articles = active.sections.filter((s) => s.parent === chapter.index);
        assert.deepEqual(articles.map((a) => a.startLine), statute.chapters[i].articles.map((a) => a.line), chapter.title);
        for (const [k, article] of articles.entries()) assert.ok(article.title.startsWith(statute.chapters[i].articles[k].prefix), article.title);
        assert.ok(articles.every((a) => a.level === chapter.level + 1));
        // A chapter's figures are its heading sentence plus its articles'.
        const sum = (key: 'sentences' | 'control' | 'engagement' | 'both'): number => articles.reduce((n, a) => n + a.units[key], 0);
        assert.equal(chapter.units.sentences, 1 + sum('sentences'), chapter.title);
        assert.ok(chapter.units.control >= sum('control') && chapter.units.control <= sum('control') + 1, chapter.title);
        assert.ok(chapter.units.engagement >= sum('engagement') && chapter.units.engagement <= sum('engagement') + 1, chapter.title);
        assert.deepEqual(chapter.units, analysis.tally.sections[chapter.index].units);
      }
      const document = analysis.tally.units;
      assert.equal(chapters.reduce((n, c) => n + c.units.sentences, 0), document.sentences, 'the chapters add up to the document');
      assert.equal(chapters.reduce((n, c) => n + c.units.control, 0), document.control);
      assert.equal(chapters.reduce((n, c) => n + c.units.engagement, 0), document.engagement);

      if (!canReadWebviews()) this.skip();
      const [first, second] = statute.chapters;
      const articleOf = (c: Statute['chapters'][number]): string => active.sections.find((s) => s.startLine === c.articles[0].line)?.title ?? '';
      const firstArticle = articleOf(first);
      const secondArticle = articleOf(second);
      let shown = '';
      for (let attempt = 0; attempt < 10 && !shown.includes(firstArticle); attempt++) shown = await webviewText(suite.dir, name);
      assert.ok(shown.includes(first.title) && shown.includes(firstArticle) && shown.includes(secondArticle), `the open tree does not show both chapters' articles:\n${shown}`);
      // The user folds the first chapter: its articles disappear, the second chapter's stay.
      const folded = await webviewText(suite.dir, name, first.title);
      assert.ok(folded.includes(first.title), folded);
      assert.ok(!folded.includes(firstArticle), `${firstArticle} is still shown after folding ${first.title}:\n${folded}`);
      assert.ok(folded.includes(secondArticle), folded);
      // And unfolds it again.
      const unfolded = await webviewText(suite.dir, name, first.title);
      assert.ok(unfolded.includes(firstArticle), `${firstArticle} is not shown after unfolding ${first.title}:\n${unfolded}`);
    });
  }

  it('shows the chapters alone in the Outline of a statute with more sections than it lists, and folds every one', async () => {
    // 30 chapters of 40 articles: 1,230 titled sections, over the Outline's 1,000 and within folding's 5,000.
    const lines: string[] = [];
    for (let c = 1; c <= 30; c++) {
      lines.push(`Chapter ${c} Provisions of part ${c}`, '');
      for (let a = 1; a <= 40; a++) lines.push(`Article ${(c - 1) * 40 + a} Duties`, 'The agency shall publish its reasons and consult the public.', '');
    }
    const editor = await openFile(suite.api, suite.dir, 'long-statute.txt', lines.join('\n'));
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', editor.document.uri);
    assert.deepEqual(symbols.map((s) => s.name), Array.from({ length: 30 }, (_, i) => `Chapter ${i + 1} Provisions of part ${i + 1}`));
    assert.ok(symbols.every((s) => s.children.length === 0), 'articles are listed under chapters');
    assert.equal(symbols[29].range.end.line, editor.document.lineCount - 1, 'the last chapter does not reach the end of the text');
    const ranges = await vscode.commands.executeCommand<vscode.FoldingRange[]>('vscode.executeFoldingRangeProvider', editor.document.uri);
    assert.equal(ranges.length, 30 + 30 * 40);
  });

  it("folds the sections of a long document once it is analysed, and a new section after typing, in the editor's own folding", async () => {
    // Over the store's 50,000 characters, so the first analysis is the visible window's and the rest comes later.
    const lines: string[] = [];
    for (let c = 1; c <= 12; c++) {
      lines.push(`Chapter ${c} Provisions of part ${c}`, '');
      for (let a = 1; a <= 40; a++) lines.push(`Article ${(c - 1) * 40 + a} Duties`, 'The agency shall publish its reasons and consult the public on each rule it proposes.', '');
    }
    const text = lines.join('\n');
    assert.ok(text.length > 50_000, `${text.length} characters`);
    const editor = await openFile(suite.api, suite.dir, 'long-folding.txt', text);
    assert.equal(suite.api.getAnalysis(editor.document.uri)?.complete, true);
    const lastChapter = lines.indexOf('Chapter 12 Provisions of part 12');
    // The editor folds with the ranges it last asked for: the last chapter is beyond the first window's.
    await foldsAt(editor, lastChapter + 2);
    await vscode.commands.executeCommand('editor.unfoldAll');
    // Typing a new chapter at the end: the editor asks again after the edit, and gets the re-analysed sections.
    const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
    assert.ok(await editor.edit((e) => e.insert(end, '\n\nChapter 13 Final provisions\n\nArticle 481 Duties\nThe agency shall publish its reasons.\n\nArticle 482 Duties\nThe agency shall consult the public.\n')));
    await suite.api.whenIdle();
    const newChapter = editor.document.lineCount - 8;
    assert.equal(editor.document.lineAt(newChapter).text, 'Chapter 13 Final provisions');
    await foldsAt(editor, newChapter + 2);
    await vscode.commands.executeCommand('editor.unfoldAll');
  });
});

/** Folds the section whose heading is on `line` with the editor's fold command, until the next line is hidden (10 s at most). */
async function foldsAt(editor: vscode.TextEditor, line: number): Promise<void> {
  const heading = line - 2;
  const deadline = Date.now() + 10_000;
  for (;;) {
    // With the heading at the top, the line two below it is on screen unless it is folded away.
    editor.selection = new vscode.Selection(heading, 0, heading, 0);
    editor.revealRange(new vscode.Range(heading, 0, heading, 0), vscode.TextEditorRevealType.AtTop);
    await vscode.commands.executeCommand('editor.fold', { selectionLines: [heading], levels: 1 });
    await new Promise((resolve) => setTimeout(resolve, 100));
    const shown = editor.visibleRanges;
    if (shown.some((r) => r.start.line <= heading && r.end.line >= heading) && !shown.some((r) => r.start.line <= line && r.end.line >= line)) return;
    if (Date.now() > deadline) assert.fail(`line ${line + 1} is still shown after folding the section at line ${heading + 1}: ${JSON.stringify(shown)}`);
  }
}
