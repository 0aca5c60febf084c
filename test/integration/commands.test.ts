// The palette commands, run the way the palette runs them.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Match } from '../../src/core/types';
import { editorSuite, openFile, spanOf, waitFor } from './editorHelpers';

const TEXT = 'The agency will monitor every firm and keep a blacklist.\nCitizens may appeal.\nThe ministry will censor posts.\n';

interface PackageJson {
  contributes: {
    commands: { command: string; category: string; title: string }[];
    menus: { commandPalette: { command: string; when: string }[] };
  };
}

describe('palette commands', function () {
  this.timeout(60_000);
  const suite = editorSuite('commands');

  it('contributes every command under the "Policy Lens" category, in the palette only when it applies', async () => {
    const manifest = vscode.extensions.getExtension('policy-lens.policy-lens')?.packageJSON as PackageJson;
    const registered = new Set(await vscode.commands.getCommands(true));
    const ids = manifest.contributes.commands.map((c) => c.command);
    for (const id of ['toggleHighlights', 'annotateDocument', 'nextAnnotation', 'previousAnnotation', 'listAnnotations', 'showTally', 'exportTally', 'exportAllOpen', 'exportWorkspace', 'copyTally']) {
      assert.ok(ids.includes(`policyLens.${id}`), `policyLens.${id} is not contributed`);
    }
    for (const command of manifest.contributes.commands) {
      assert.ok(registered.has(command.command), `${command.command} is not registered`);
      assert.ok(/Policy Lens/.test(command.category), `${command.command} has category ${command.category}`);
      // A command that always applies (Show Tally) has no palette entry; an entry's when-clause must say something.
      for (const entry of manifest.contributes.menus.commandPalette.filter((m) => m.command === command.command)) {
        assert.ok(entry.when.trim().length > 0 && entry.when.trim() !== 'true', `${command.command} has the when-clause "${entry.when}"`);
      }
    }
  });

  it('moves to the next and previous annotation, wrapping around', async () => {
    const editor = await openFile(suite.api, suite.dir, 'step.txt', TEXT);
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    const order = ['monitor', 'blacklist', 'appeal', 'censor'];
    for (const word of [...order, order[0]]) {
      const match = await vscode.commands.executeCommand<Match>('policyLens.nextAnnotation');
      assert.equal(match?.text, word);
      assert.deepEqual(selectionOffsets(), spanOf(TEXT, word));
    }
    const back = await vscode.commands.executeCommand<Match>('policyLens.previousAnnotation');
    assert.equal(back?.text, 'censor', 'previous from the first annotation wraps to the last');
    assert.equal((await vscode.commands.executeCommand<Match>('policyLens.previousAnnotation'))?.text, 'appeal');
  });

  it('lists annotations in a quick pick with their context; picking one jumps to it', async () => {
    const editor = await openFile(suite.api, suite.dir, 'list.txt', TEXT);
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    const picked = vscode.commands.executeCommand<Match | undefined>('policyLens.listAnnotations');
    await new Promise((resolve) => setTimeout(resolve, 500));
    await vscode.commands.executeCommand('workbench.action.quickOpenSelectNext');
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    const match = await picked;
    assert.equal(match?.text, 'blacklist');
    assert.deepEqual(selectionOffsets(), spanOf(TEXT, 'blacklist'));
  });

  it('annotates a document whose language is off by default', async () => {
    const editor = await openFile(suite.api, suite.dir, 'notes.js', `/* ${TEXT} */`);
    assert.equal(suite.api.getStatus(editor.document.uri), 'off');
    assert.equal(await vscode.commands.executeCommand('policyLens.annotateDocument'), true);
    assert.equal(suite.api.getStatus(editor.document.uri), 'annotated');
    assert.equal(suite.api.getDecorations(editor.document.uri).control.length, 3);
  });

  it('focuses the tally view', async () => {
    await openFile(suite.api, suite.dir, 'tally.txt', TEXT);
    await vscode.commands.executeCommand('workbench.action.closeSidebar');
    await vscode.commands.executeCommand('policyLens.showTally');
    await waitFor('the tally view to be shown', () => suite.api.getSidebar().currentHtml());
  });

  it('copies the tally as JSON to the clipboard', async () => {
    const editor = await openFile(suite.api, suite.dir, 'copy.txt', TEXT);
    const returned = await vscode.commands.executeCommand<string>('policyLens.copyTally');
    const copied = await vscode.env.clipboard.readText();
    assert.equal(copied, returned);
    const report = JSON.parse(copied) as { format: string; documents: { control: { matches: number }; annotations: unknown[] }[] };
    assert.equal(report.format, 'policy-lens.tally');
    assert.equal(report.documents.length, 1);
    assert.equal(report.documents[0].control.matches, suite.api.getAnalysis(editor.document.uri)?.tally.control.matches);
    assert.equal(report.documents[0].annotations.length, 4);
  });
});

function selectionOffsets(): [number, number] {
  const editor = vscode.window.activeTextEditor;
  assert.ok(editor);
  return [editor.document.offsetAt(editor.selection.start), editor.document.offsetAt(editor.selection.end)];
}
