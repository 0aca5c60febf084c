// What the user sees in the editor: highlights per polarity, struck-through negations, hovers, re-annotation
// after edits, and which documents are annotated at all.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Match } from '../../src/core/types';
import { editorSuite, hoverText, offsetsOf, openFile, spanOf, withSettings } from './editorHelpers';

const SENTENCE = 'The agency will monitor every firm and keep a blacklist. Citizens may appeal. The plan runs without surveillance.\n';

describe('highlights and hovers', function () {
  this.timeout(60_000);
  const suite = editorSuite('highlights');

  it('highlights control and engagement terms at their exact ranges, and strikes negated ones through', async () => {
    const editor = await openFile(suite.api, suite.dir, 'sentence.txt', SENTENCE);
    const decorations = suite.api.getDecorations(editor.document.uri);
    assert.deepEqual(offsetsOf(editor.document, decorations.control), [spanOf(SENTENCE, 'monitor'), spanOf(SENTENCE, 'blacklist')]);
    assert.deepEqual(offsetsOf(editor.document, decorations.engagement), [spanOf(SENTENCE, 'appeal')]);
    assert.deepEqual(offsetsOf(editor.document, decorations.negated), [spanOf(SENTENCE, 'surveillance')]);
  });

  it('never counts negated matches in the tally', async () => {
    const editor = await openFile(suite.api, suite.dir, 'negated.txt', SENTENCE);
    const analysis = suite.api.getAnalysis(editor.document.uri);
    assert.ok(analysis);
    const negated = analysis.matches.filter((m) => m.negated);
    assert.equal(negated.length, 1);
    assert.equal(negated[0].text, 'surveillance');
    assert.equal(negated[0].rule, 'negation');
    assert.equal(analysis.tally.control.matches, 2);
    assert.equal(analysis.tally.engagement.matches, 1);
  });

  it('draws exactly the annotations the API reports, in every visible editor of the document', async () => {
    const text = 'Officials must respond to complaints and hold public hearings. Police may detain petitioners and censor posts.\n'.repeat(3);
    const editor = await openFile(suite.api, suite.dir, 'split.txt', text);
    await vscode.commands.executeCommand('workbench.action.splitEditor');
    await suite.api.whenIdle();
    const shown = vscode.window.visibleTextEditors.filter((e) => e.document.uri.toString() === editor.document.uri.toString());
    assert.equal(shown.length, 2, 'the document is visible twice');
    const analysis = suite.api.getAnalysis(editor.document.uri);
    assert.ok(analysis);
    const decorations = suite.api.getDecorations(editor.document.uri);
    const matches = analysis.matches;
    const expect = (pick: (m: Match) => boolean): [number, number][] => matches.filter(pick).map((m): [number, number] => [m.start, m.end]);
    assert.deepEqual(offsetsOf(editor.document, decorations.control), expect((m) => !m.negated && m.polarity === 'control'));
    assert.deepEqual(offsetsOf(editor.document, decorations.engagement), expect((m) => !m.negated && m.polarity === 'engagement'));
    assert.ok(decorations.control.length >= 3 && decorations.engagement.length >= 3);
  });

  it('explains an annotation on hover: polarity, category, description, entry, weight and rule', async () => {
    const editor = await openFile(suite.api, suite.dir, 'hover.txt', SENTENCE);
    const [start] = spanOf(SENTENCE, 'blacklist');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, editor.document.positionAt(start + 2));
    const text = hoverText(hovers);
    assert.match(text, /Control/);
    assert.match(text, /Sanctions/i);
    assert.match(text, /blacklist/);
    assert.match(text, /Weight/);
    const [negStart] = spanOf(SENTENCE, 'surveillance');
    const negHovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, editor.document.positionAt(negStart + 3));
    const negText = hoverText(negHovers);
    assert.match(negText, /Negation/);
    assert.match(negText, /without/);
    assert.match(negText, /not counted/);
  });

  it('offers no hover away from annotations', async () => {
    const editor = await openFile(suite.api, suite.dir, 'nohover.txt', SENTENCE);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, new vscode.Position(0, 1));
    assert.doesNotMatch(hoverText(hovers), /Policy Lens|Control|Engagement/);
  });

  it('re-annotates after an edit, incrementally, and after one event with several changes', async () => {
    const editor = await openFile(suite.api, suite.dir, 'edit.txt', SENTENCE);
    const document = editor.document;
    const edit = new vscode.WorkspaceEdit();
    edit.insert(document.uri, document.positionAt(SENTENCE.length), 'The ministry will censor posts.\n');
    assert.ok(await vscode.workspace.applyEdit(edit));
    await suite.api.whenIdle();
    let analysis = suite.api.getAnalysis(document.uri);
    assert.ok(analysis);
    assert.equal(analysis.version, document.version);
    assert.ok(analysis.matches.some((m) => m.text === 'censor' && m.polarity === 'control'));
    assert.equal(suite.api.getDecorations(document.uri).control.length, 3);

    // One edit event with two changes: replace "monitor" with "help" and "appeal" with "consult".
    await editor.edit((b) => {
      b.replace(offsetRange(document, 'monitor'), 'help');
      b.replace(offsetRange(document, 'appeal'), 'consult');
    });
    await suite.api.whenIdle();
    analysis = suite.api.getAnalysis(document.uri);
    assert.ok(analysis);
    const text = document.getText();
    assert.ok(!analysis.matches.some((m) => m.text === 'monitor' || m.text === 'appeal'));
    assert.ok(analysis.matches.some((m) => m.text === 'consult' && m.polarity === 'engagement'));
    for (const m of analysis.matches) assert.equal(text.slice(m.start, m.end), m.text, 'offsets are current');
    assert.deepEqual(offsetsOf(document, suite.api.getDecorations(document.uri).control), [spanOf(text, 'blacklist'), spanOf(text, 'censor')]);
  });

  it('ends a burst of edits with exactly the annotations of a fresh analysis of the final text', async () => {
    const editor = await openFile(suite.api, suite.dir, 'burst.txt', SENTENCE.repeat(6));
    const inserts = ['monitor ', 'appeal ', 'not ', 'blacklist. ', 'consult ', '\n', 'without ', 'public opinion '];
    let seed = 7;
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    // Edits land faster than the debounce, so some results are superseded before they are applied.
    for (let i = 0; i < 30; i++) {
      const document = editor.document;
      const length = document.getText().length;
      const at = random(length);
      const end = Math.min(length, at + random(12));
      await editor.edit((b) => b.replace(new vscode.Range(document.positionAt(at), document.positionAt(end)), inserts[random(inserts.length)]));
    }
    await suite.api.whenIdle();
    const incremental = suite.api.getAnalysis(editor.document.uri);
    assert.ok(incremental);
    assert.equal(incremental.version, editor.document.version);
    const fresh = await vscode.workspace.openTextDocument({ language: 'plaintext', content: editor.document.getText() });
    await suite.api.whenIdle();
    assert.deepEqual(incremental.matches, suite.api.getAnalysis(fresh.uri)?.matches);
    assert.deepEqual(incremental.tally, suite.api.getAnalysis(fresh.uri)?.tally);
  });

  it('does not annotate code files, JSON or output, and follows the languages setting', async () => {
    const code = await openFile(suite.api, suite.dir, 'code.js', `// ${SENTENCE}`);
    assert.equal(suite.api.getStatus(code.document.uri), 'off');
    assert.equal(suite.api.getDecorations(code.document.uri).control.length, 0);
    await withSettings(suite.api, { languages: ['plaintext', 'markdown', 'policy-text', 'javascript'] }, async () => {
      assert.equal(suite.api.getStatus(code.document.uri), 'annotated');
      assert.equal(suite.api.getDecorations(code.document.uri).control.length, 2);
    });
    assert.equal(suite.api.getStatus(code.document.uri), 'off');
    const text = await openFile(suite.api, suite.dir, 'off.txt', SENTENCE);
    await withSettings(suite.api, { enable: false }, async () => {
      assert.equal(suite.api.getStatus(text.document.uri), 'off');
      assert.equal(suite.api.getDecorations(text.document.uri).control.length, 0);
    });
    assert.equal(suite.api.getStatus(text.document.uri), 'annotated');
  });

  it('shows only the categories chosen in the settings, but still counts them all', async () => {
    const editor = await openFile(suite.api, suite.dir, 'categories.txt', SENTENCE);
    await withSettings(suite.api, { categories: ['sanctions'] }, async () => {
      const decorations = suite.api.getDecorations(editor.document.uri);
      assert.deepEqual(offsetsOf(editor.document, decorations.control), [spanOf(SENTENCE, 'blacklist')]);
      assert.equal(decorations.engagement.length, 0);
      assert.equal(suite.api.getAnalysis(editor.document.uri)?.tally.control.matches, 2);
    });
    assert.equal(suite.api.getDecorations(editor.document.uri).control.length, 2);
  });

  it('toggles highlights off and on', async () => {
    const editor = await openFile(suite.api, suite.dir, 'toggle.txt', SENTENCE);
    assert.equal(await vscode.commands.executeCommand('policyLens.toggleHighlights'), false);
    assert.equal(suite.api.getDecorations(editor.document.uri).control.length, 0);
    assert.equal(await vscode.commands.executeCommand('policyLens.toggleHighlights'), true);
    assert.equal(suite.api.getDecorations(editor.document.uri).control.length, 2);
  });

  it('shows the lean in the status bar', async () => {
    await openFile(suite.api, suite.dir, 'lean.txt', 'The police will monitor, detain and punish petitioners.\n');
    assert.match(suite.api.getStatusBarText() ?? '', /Lean −1\.00 control/);
    await openFile(suite.api, suite.dir, 'lean2.txt', 'The ministry will consult the public and respond to complaints.\n');
    assert.match(suite.api.getStatusBarText() ?? '', /Lean \+1\.00 engagement/);
  });
});

function offsetRange(document: vscode.TextDocument, needle: string): vscode.Range {
  const [start, end] = spanOf(document.getText(), needle);
  return new vscode.Range(document.positionAt(start), document.positionAt(end));
}

