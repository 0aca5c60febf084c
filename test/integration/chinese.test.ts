// Chinese texts in the real host: the bundled Chinese sample is annotated without word segmentation, its
// tally reads as Chinese with sensible word counts, its 第X章 headings become sections, and a bilingual
// document annotates both languages.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { editorSuite, extensionPath, offsetsOf, openFile, spanOf } from './editorHelpers';

describe('Chinese texts', function () {
  this.timeout(60_000);
  const suite = editorSuite('chinese');

  it('annotates the bundled Chinese sample and tallies it as Chinese, with sections from its chapters', async () => {
    const sample = fs.readFileSync(path.join(extensionPath(), 'media', 'samples', 'social-credit-outline.zh.policy.txt'), 'utf8');
    const editor = await openFile(suite.api, suite.dir, 'outline.zh.policy.txt', sample);
    const analysis = suite.api.getAnalysis(editor.document.uri);
    assert.ok(analysis, 'the Chinese sample is annotated');
    const { tally, matches } = analysis;
    assert.equal(tally.language, 'zh');
    const hanChars = (sample.match(/[\u3400-\u9fff]/g) ?? []).length;
    // Words, not characters: Chinese words average between 1.5 and 2.2 characters.
    assert.ok(tally.words > hanChars / 2.2 && tally.words < hanChars / 1.5, `${tally.words} words for ${hanChars} characters`);
    assert.ok(tally.control.matches >= 10 && tally.engagement.matches >= 10, `control ${tally.control.matches}, engagement ${tally.engagement.matches}`);
    const texts = new Set(matches.filter((m) => !m.negated).map((m) => `${m.polarity}:${m.text}`));
    for (const expected of ['control:联合惩戒', 'engagement:信用修复']) {
      if (sample.includes(expected.split(':')[1])) assert.ok(texts.has(expected), `${expected} is annotated`);
    }
    assert.ok(tally.sections.some((s) => /^第[一二三四五六七八九十]+章/.test(s.title)), 'chapters are sections');
    // Each section's figures include its subsections, so the outermost ones add up to the document.
    const roots = tally.sections.filter((s) => s.parent === null);
    assert.equal(roots.reduce((sum, s) => sum + s.control.matches, 0), tally.control.matches, 'outermost section tallies add up to the document');
    assert.equal(roots.reduce((sum, s) => sum + s.units.control, 0), tally.units.control, 'and so do their control sentences');
    assert.ok(tally.sections.some((s) => s.parent !== null), 'sections nest');
    for (const m of matches) assert.equal(editor.document.getText(new vscode.Range(editor.document.positionAt(m.start), editor.document.positionAt(m.end))), m.text);
  });

  it('matches 信用评分 whole, though word segmentation splits it, and protects people under 不得', async () => {
    const text = '禁止以信用评分限制公民出行。行政机关不得非法拘禁上访人员。\n';
    const editor = await openFile(suite.api, suite.dir, 'rules.txt', text);
    const analysis = suite.api.getAnalysis(editor.document.uri);
    assert.ok(analysis);
    const scoring = analysis.matches.find((m) => m.text.includes('信用评分'));
    assert.ok(scoring, '信用评分 is annotated');
    assert.equal(scoring.polarity, 'control');
    const detention = analysis.matches.find((m) => m.text.includes('拘禁'));
    assert.ok(detention, '拘禁 is annotated');
    assert.equal(detention.polarity, 'engagement');
    assert.equal(detention.rule, 'protection');
    const decorations = suite.api.getDecorations(editor.document.uri);
    assert.ok(offsetsOf(editor.document, decorations.control).some(([s, e]) => s <= spanOf(text, '信用评分')[0] && e >= spanOf(text, '信用评分')[1]));
  });

  it('annotates both languages of a bilingual document and calls it mixed', async () => {
    const text = 'The authorities will impose joint punishment on dishonest enterprises.\n对失信企业实施联合惩戒。\nCitizens may file an objection and apply for credit repair.\n公民可以提出异议并申请信用修复。\n';
    const editor = await openFile(suite.api, suite.dir, 'bilingual.txt', text);
    const analysis = suite.api.getAnalysis(editor.document.uri);
    assert.ok(analysis);
    assert.equal(analysis.tally.language, 'mixed');
    const latin = analysis.matches.filter((m) => /[a-z]/i.test(m.text));
    const han = analysis.matches.filter((m) => /[\u4e00-\u9fff]/.test(m.text));
    assert.ok(latin.some((m) => m.polarity === 'control') && latin.some((m) => m.polarity === 'engagement'), 'English terms of both polarities');
    assert.ok(han.some((m) => m.polarity === 'control') && han.some((m) => m.polarity === 'engagement'), 'Chinese terms of both polarities');
  });
});
