// The figures carry the same names and units on every surface (docs/measurement.md): the status bar tooltip, the
// hover and the sidebar as the user sees it name sentences, matches and "per 1,000 words" as the CLI text table
// and the JSON report do, with the numbers of the same tally.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { TEXT_HEADER } from '../../src/cli/textTable';
import { editorSuite, hoverText, openFile, spanOf } from './editorHelpers';
import { canReadWebviews, webviewText } from './webviewText';

/** Sentence 1 control, 2 engagement, 3 both: C = 2, E = 2, both = 1, lean 0.00. */
const TEXT = 'The police will monitor and detain petitioners. The ministry will consult the public. Residents may appeal and the police will monitor them.\n';

async function hoverAt(editor: vscode.TextEditor, offset: number): Promise<string> {
  const position = editor.document.positionAt(offset);
  return hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, position));
}

describe('labelled units on every surface', function () {
  this.timeout(90_000);
  const suite = editorSuite('units');

  it('names the units in the CLI text table as the JSON report does', () => {
    assert.match(TEXT_HEADER, /sentences: all, control, engagement, both/);
    assert.match(TEXT_HEADER, /matches: counted/);
    assert.match(TEXT_HEADER, /- sentences -.*- matches -/);
  });

  it('labels sentences, matches and per 1,000 words in the status bar tooltip, with the tally\'s numbers', async () => {
    const editor = await openFile(suite.api, suite.dir, 'units.txt', TEXT);
    const analysis = suite.api.getAnalysis(editor.document.uri);
    assert.ok(analysis);
    const { units, lean, control, engagement, words } = analysis.tally;
    assert.deepEqual(units, { sentences: 3, control: 2, engagement: 2, both: 1 });
    assert.deepEqual([lean.index, lean.basis, lean.thin], [0, 'sentences', true]);
    const tooltip = suite.api.getStatusBarTooltip() ?? '';
    assert.match(tooltip, /Balanced \(thin evidence\)/);
    assert.match(tooltip, /Lean 0\.00 = \(2 − 2\) \/ \(2 \+ 2\)/);
    assert.match(tooltip, /Sentences: 3 · Control sentences: 2 · Engagement sentences: 2 · Both: 1/);
    assert.ok(tooltip.includes(`Control matches: ${control.matches} (${control.perThousandWords.toFixed(1)} per 1,000 words)`), tooltip);
    assert.ok(tooltip.includes(`Engagement matches: ${engagement.matches} (${engagement.perThousandWords.toFixed(1)} per 1,000 words)`), tooltip);
    assert.ok(tooltip.includes(`Words: ${words}`), tooltip);
    assert.equal(control.matches, 3);
    assert.equal(engagement.matches, 2);
  });

  it('names in the hover the sentence a match counts toward, numbered from 1', async () => {
    const editor = await openFile(suite.api, suite.dir, 'hover-units.txt', TEXT);
    const [consult] = spanOf(TEXT, 'consult');
    assert.match(await hoverAt(editor, consult + 2), /Sentence 2 · counts toward engagement sentences/);
    const [monitor] = spanOf(TEXT, 'monitor');
    assert.match(await hoverAt(editor, monitor + 2), /Sentence 1 · counts toward control sentences/);
    const match = suite.api.getAnalysis(editor.document.uri)?.matches.find((m) => m.text === 'appeal');
    assert.equal(match?.sentence, 2, 'the JSON numbers sentences from 0');
  });

  it('shows the lexicon\'s note on an entry in the hover, as text', async () => {
    const text = 'The suspect was placed under residential surveillance at a designated location for six months.\n';
    const editor = await openFile(suite.api, suite.dir, 'note.txt', text);
    const [start] = spanOf(text, 'residential surveillance');
    const hover = await hoverAt(editor, start + 3);
    assert.match(hover, /Lexicon entry: `residential surveillance at a designated location`/);
    assert.match(hover, /Note: _RSDL, a form of secret detention_/);
  });

  it('labels the same figures in the sidebar as the user sees it', async function () {
    if (!canReadWebviews()) this.skip();
    await vscode.commands.executeCommand('policyLens.tally.focus');
    const editor = await openFile(suite.api, suite.dir, 'sidebar-units.txt', TEXT);
    await vscode.window.showTextDocument(editor.document, { preview: false });
    const analysis = suite.api.getAnalysis(editor.document.uri);
    assert.ok(analysis);
    const { units, control, engagement, words } = analysis.tally;
    const expected = [
      'Sentences Matches Per 1,000 words',
      `Control ${units.control} ${control.matches} ${control.perThousandWords.toFixed(1)}`,
      `Engagement ${units.engagement} ${engagement.matches} ${engagement.perThousandWords.toFixed(1)}`,
      `Both ${units.both}`,
      `Sentences: ${units.sentences} · Words: ${words}`,
      'Lean = (E − C) / (E + C), where C and E count control and engagement sentences.',
      'Thin evidence: fewer than 5 sentences hold a match.',
    ];
    let shown = '';
    // The view renders after the extension's throttled post: read again until the figures have arrived.
    for (let attempt = 0; attempt < 10; attempt++) {
      shown = (await webviewText(suite.dir, 'sidebar-units.txt')).replace(/\s+/g, ' ');
      if (expected.every((line) => shown.includes(line))) break;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    for (const line of expected) assert.ok(shown.includes(line), `the sidebar does not show "${line}":\n${shown}`);
  });
});
