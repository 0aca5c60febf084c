// Extra lexicon files from the settings: loaded and reloaded on change, malformed ones reported with their
// position while the built-ins keep working.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
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

  it('refuses a named pipe, a device and an oversize file as lexicons, without blocking, as the CLI does', async () => {
    const fifo = path.join(suite.dir, 'pipe.lexicon.json');
    const made = spawnSync('mkfifo', [fifo]);
    assert.equal(made.status, 0, String(made.stderr));
    const big = path.join(suite.dir, 'big.lexicon.json');
    fs.writeFileSync(big, '');
    fs.truncateSync(big, 64 * 1024 * 1024 + 1); // sparse: no 64 MB written
    const editor = await openFile(suite.api, suite.dir, 'refused.txt', TEXT);
    await withSettings(suite.api, { lexiconFiles: [fifo, '/dev/zero', big] }, async () => {
      assert.match(vscode.languages.getDiagnostics(vscode.Uri.file(fifo))[0]?.message ?? '', /^cannot read lexicon: not a regular file$/);
      assert.match(vscode.languages.getDiagnostics(vscode.Uri.file('/dev/zero'))[0]?.message ?? '', /^cannot read lexicon: not a regular file$/);
      assert.match(vscode.languages.getDiagnostics(vscode.Uri.file(big))[0]?.message ?? '', /^cannot read lexicon: larger than 64 MB$/);
      assert.deepEqual(suite.api.getAnalysis(editor.document.uri)?.matches.map((m) => m.text), ['monitor']);
    });
    assert.equal(fs.statSync('/dev/zero').isCharacterDevice(), true);
  });

  it('shows the warnings the CLI prints (repeated terms, a redefined category, a tiny weight) as warnings in the file', async () => {
    const file = path.join(suite.dir, 'warned.lexicon.json');
    const source = {
      name: 'warned',
      version: '1.0.0',
      language: 'en',
      categories: [{ id: 'surveillance', label: 'Mine', polarity: 'engagement', description: 'redefined' }],
      entries: [
        { term: 'monitor', category: 'surveillance' },
        { term: 'widget tax', category: 'surveillance' },
        { term: 'Widget tax', category: 'surveillance' },
        { term: 'gadget levy', category: 'surveillance', weight: 0.0004 },
      ],
    };
    fs.writeFileSync(file, `${JSON.stringify(source, null, 2)}\n`);
    const editor = await openFile(suite.api, suite.dir, 'warned.txt', TEXT);
    await withSettings(suite.api, { lexiconFiles: [file] }, async () => {
      const diagnostics = vscode.languages.getDiagnostics(vscode.Uri.file(file));
      const lines = (pattern: RegExp): number[] => diagnostics.filter((d) => pattern.test(d.message)).map((d) => d.range.start.line);
      assert.ok(diagnostics.every((d) => d.severity === vscode.DiagnosticSeverity.Warning && d.source === 'Policy Lens'), JSON.stringify(diagnostics));
      assert.equal(diagnostics.length, 4, diagnostics.map((d) => d.message).join('\n'));
      assert.deepEqual(lines(/category "surveillance" is already defined/), [5]);
      assert.deepEqual(lines(/entry "monitor" is already in lexicon "policy-lens-en"/), [14]);
      assert.deepEqual(lines(/entry "Widget tax" repeats the entry on line 19/), [22]);
      assert.deepEqual(lines(/weight 0.0004 is below 0.001/), [28]);
      // The lexicon still loads: its new term is found.
      assert.ok(suite.api.getAnalysis(editor.document.uri)?.matches.some((m) => m.text === 'widget tax'));
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
