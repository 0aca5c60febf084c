// Extra lexicon files from the settings: loaded and reloaded on change, malformed ones reported with their
// position while the built-ins keep working.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { editorSuite, openFile, waitFor, withSettings } from './editorHelpers';

const TEXT = 'The agency will monitor every firm. The council runs a widget tax and a gadget levy.\n';

function lexicon(term: string): string {
  return `${JSON.stringify(
    {
      name: 'test-extra',
      version: '1.0.0',
      language: 'en',
      categories: [{ id: 'sanctions', label: 'Sanctions', polarity: 'control', description: 'Penalties imposed by an authority.' }],
      entries: [{ term, category: 'sanctions' }],
    },
    null,
    2,
  )}\n`;
}

describe('extra lexicon files', function () {
  this.timeout(60_000);
  const suite = editorSuite('lexicons');

  it('adds the terms of an extra lexicon file, and reloads when the file is edited and saved', async () => {
    const file = path.join(suite.dir, 'extra.lexicon.json');
    fs.writeFileSync(file, lexicon('widget tax'));
    const editor = await openFile(suite.api, suite.dir, 'extra.txt', TEXT);
    const uri = editor.document.uri;
    const texts = (): string[] => suite.api.getAnalysis(uri)?.matches.map((m) => m.text) ?? [];
    assert.deepEqual(texts(), ['monitor']);
    await withSettings(suite.api, { lexiconFiles: [file] }, async () => {
      assert.deepEqual(texts(), ['monitor', 'widget tax']);
      const lexiconDocument = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
      await vscode.window.showTextDocument(lexiconDocument);
      const edit = new vscode.WorkspaceEdit();
      edit.replace(lexiconDocument.uri, new vscode.Range(0, 0, lexiconDocument.lineCount, 0), lexicon('gadget levy'));
      await vscode.workspace.applyEdit(edit);
      await lexiconDocument.save();
      await waitFor('the lexicon file to be reloaded', () => texts().includes('gadget levy'));
      await suite.api.whenIdle();
      assert.deepEqual(texts(), ['monitor', 'gadget levy']);
    });
    assert.deepEqual(texts(), ['monitor']);
  });

  it('reloads when another program changes the lexicon file', async () => {
    const file = path.join(suite.dir, 'outside.lexicon.json');
    fs.writeFileSync(file, lexicon('widget tax'));
    const editor = await openFile(suite.api, suite.dir, 'outside.txt', TEXT);
    const texts = (): string[] => suite.api.getAnalysis(editor.document.uri)?.matches.map((m) => m.text) ?? [];
    await withSettings(suite.api, { lexiconFiles: [file] }, async () => {
      assert.deepEqual(texts(), ['monitor', 'widget tax']);
      fs.writeFileSync(file, lexicon('gadget levy'));
      await waitFor('the changed lexicon file to be reloaded', () => texts().includes('gadget levy'));
      await suite.api.whenIdle();
      assert.deepEqual(texts(), ['monitor', 'gadget levy']);
    });
  });

  it('reports a malformed lexicon file at its line and column, and keeps the built-ins working', async () => {
    const file = path.join(suite.dir, 'broken.lexicon.json');
    fs.writeFileSync(file, '{\n  "name": "broken",\n  "version": "1.0.0",\n  "language": "en",\n  "categories": [],\n  "entries": [ { "term": "x", "category": "no-such-category" } ]\n}\n');
    const editor = await openFile(suite.api, suite.dir, 'broken.txt', TEXT);
    await withSettings(suite.api, { lexiconFiles: [file] }, async () => {
      const diagnostics = vscode.languages.getDiagnostics(vscode.Uri.file(file));
      assert.equal(diagnostics.length, 1);
      assert.match(diagnostics[0].message, /no-such-category/);
      assert.equal(diagnostics[0].range.start.line, 5);
      assert.ok(diagnostics[0].range.start.character > 10);
      assert.deepEqual(suite.api.getAnalysis(editor.document.uri)?.matches.map((m) => m.text), ['monitor']);
    });
    assert.equal(vscode.languages.getDiagnostics(vscode.Uri.file(file)).length, 0);
  });

  it('loads a LIWC dictionary with NAME.map.yml beside it; a bad mapping is a diagnostic in the mapping file', async () => {
    const file = path.join(suite.dir, 'taxes.dic');
    const map = path.join(suite.dir, 'taxes.map.yml');
    fs.writeFileSync(file, '%\n1\tlevies\n2\tother\n%\nwidget tax\t1\ngadget*\t2\n');
    fs.writeFileSync(map, 'levies: control\n');
    const editor = await openFile(suite.api, suite.dir, 'dic.txt', TEXT);
    const texts = (): string[] => suite.api.getAnalysis(editor.document.uri)?.matches.map((m) => m.text) ?? [];
    await withSettings(suite.api, { lexiconFiles: [file] }, async () => {
      assert.deepEqual(texts(), ['monitor', 'widget tax']);
      fs.writeFileSync(map, 'levies: control\nlevy: engagement\n');
      await waitFor('the mapping problem to be reported', () => vscode.languages.getDiagnostics(vscode.Uri.file(map)).length === 1);
      const [diagnostic] = vscode.languages.getDiagnostics(vscode.Uri.file(map));
      assert.match(diagnostic.message, /"levy" names no category/);
      assert.equal(diagnostic.range.start.line, 1);
      assert.deepEqual(texts(), ['monitor']);
      fs.writeFileSync(map, 'levies: control\nother: control\n');
      await waitFor('the fixed mapping to be reloaded', () => texts().includes('gadget'));
      await suite.api.whenIdle();
      assert.deepEqual(texts(), ['monitor', 'widget tax', 'gadget']);
    });
  });

  it('validates lexicon files (*.policylens.json) against the lexicon schema while they are edited, and no other JSON', async () => {
    const bad = JSON.parse(lexicon('widget tax')) as { categories: { polarity: string }[] };
    bad.categories[0].polarity = 'sideways';
    // Any JSON in a folder named lexicons was once validated as a lexicon; it must not be.
    fs.mkdirSync(path.join(suite.dir, 'lexicons'));
    const other = await openFile(suite.api, suite.dir, 'lexicons/other.json', JSON.stringify(bad, null, 2));
    const editor = await openFile(suite.api, suite.dir, 'edited.policylens.json', JSON.stringify(bad, null, 2));
    const diagnostics = await waitFor(
      'schema diagnostics from the JSON language service',
      () => {
        const found = vscode.languages.getDiagnostics(editor.document.uri);
        return found.length > 0 ? found : undefined;
      },
      20_000,
    );
    assert.ok(diagnostics.some((d) => d.range.start.line === editor.document.getText().split('\n').findIndex((l) => l.includes('sideways'))));
    assert.deepEqual(vscode.languages.getDiagnostics(other.document.uri).map((d) => d.message), []);
  });

  it('replaces the built-ins in replace mode', async () => {
    const file = path.join(suite.dir, 'only.lexicon.json');
    fs.writeFileSync(file, lexicon('widget tax'));
    const editor = await openFile(suite.api, suite.dir, 'replace.txt', TEXT);
    await withSettings(suite.api, { lexiconFiles: [file], lexiconMode: 'replace' }, async () => {
      assert.deepEqual(suite.api.getAnalysis(editor.document.uri)?.matches.map((m) => m.text), ['widget tax']);
    });
  });
});
