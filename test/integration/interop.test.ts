// Exports for other tools from the editor (CSV, W3C Web Annotations, REFI-QDA project and codebook): each writes
// the CLI's bytes for the same files, and the REFI-QDA files are valid against the standard's schemas.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { editorSuite, extensionPath, openFile, waitFor } from './editorHelpers';

const FIRST = 'Chapter 1 Oversight, "duties"\n\nThe agency will monitor every firm and keep a blacklist.\n\nChapter 2 Redress\n\nCitizens may appeal. The plan runs without surveillance.\n';
const SECOND = '第一条 政府部门应当公开信用信息，听取公众意见。😀\n第二条 对失信企业实施联合惩戒。\n';

function cli(cwd: string, ...args: string[]): Buffer {
  return execFileSync(process.execPath, [path.join(extensionPath(), 'dist', 'cli.js'), ...args], { cwd, env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' } });
}

describe('exports for other tools', function () {
  this.timeout(60_000);
  const suite = editorSuite('interop');

  it('Export Tally as CSV… writes the CLI\'s --format csv bytes, per document or per section', async () => {
    await openFile(suite.api, suite.dir, 'first.txt', FIRST);
    const file = path.join(suite.dir, 'first.txt');
    const target = vscode.Uri.file(path.join(suite.dir, 'first.csv'));
    const written = await vscode.commands.executeCommand<vscode.Uri>('policyLens.exportCsv', target);
    assert.equal(written?.fsPath, target.fsPath);
    const csv = fs.readFileSync(target.fsPath);
    assert.ok(csv.equals(cli(suite.dir, '--format', 'csv', file)), csv.toString('utf8'));
    assert.match(csv.toString('utf8'), /^source,language,words,sentences,/);
    const sections = vscode.Uri.file(path.join(suite.dir, 'sections.csv'));
    await vscode.commands.executeCommand('policyLens.exportCsv', sections, 'sections');
    assert.ok(fs.readFileSync(sections.fsPath).equals(cli(suite.dir, '--format', 'csv', '--csv-rows', 'sections', file)));
  });

  it('Export Annotations … as W3C Web Annotations writes the CLI\'s --format w3c bytes for the open documents', async () => {
    await openFile(suite.api, suite.dir, 'b.txt', SECOND);
    await openFile(suite.api, suite.dir, 'a.txt', FIRST);
    const target = vscode.Uri.file(path.join(suite.dir, 'annotations.jsonld'));
    await vscode.commands.executeCommand('policyLens.exportW3c', target);
    const exported = fs.readFileSync(target.fsPath);
    assert.ok(exported.equals(cli(suite.dir, '--format', 'w3c', path.join(suite.dir, 'a.txt'), path.join(suite.dir, 'b.txt'))));
    const collection = JSON.parse(exported.toString('utf8')) as { type: string; total: number; first: { items: Array<{ target: { source: string } }> } };
    assert.equal(collection.type, 'AnnotationCollection');
    assert.ok(collection.total > 3 && collection.total === collection.first.items.length);
  });

  it('Export Open Documents as a REFI-QDA Project… writes the CLI\'s .qdpx, valid against Project.xsd; the codebook too', async () => {
    await openFile(suite.api, suite.dir, 'a.txt', FIRST);
    await openFile(suite.api, suite.dir, 'b.txt', SECOND);
    const target = vscode.Uri.file(path.join(suite.dir, 'project.qdpx'));
    assert.equal((await vscode.commands.executeCommand<vscode.Uri>('policyLens.exportQdpx', target))?.fsPath, target.fsPath);
    const fromCli = path.join(suite.dir, 'cli.qdpx');
    cli(suite.dir, '--format', 'qdpx', '-o', fromCli, path.join(suite.dir, 'a.txt'), path.join(suite.dir, 'b.txt'));
    assert.ok(fs.readFileSync(target.fsPath).equals(fs.readFileSync(fromCli)), 'the same bytes as the CLI');
    const schemas = path.join(extensionPath(), 'test', 'fixtures', 'refi-qda');
    const qde = path.join(suite.dir, 'project.qde');
    fs.writeFileSync(qde, execFileSync('python3', ['-c', 'import sys,zipfile; sys.stdout.buffer.write(zipfile.ZipFile(sys.argv[1]).read("project.qde"))', target.fsPath]));
    execFileSync('xmllint', ['--noout', '--schema', path.join(schemas, 'Project.xsd'), qde], { stdio: 'pipe' });
    const read = JSON.parse(execFileSync('python3', [path.join(extensionPath(), 'test', 'unit', 'helpers', 'readQdpx.py'), target.fsPath], { encoding: 'utf8' })) as {
      sources: Array<{ name: string; selections: Array<{ name: string; quoted: string; codes: string[] }> }>;
    };
    assert.equal(read.sources.length, 2);
    for (const s of read.sources.flatMap((source) => source.selections)) assert.equal(s.quoted, s.name);
    assert.ok(read.sources[1].selections.some((s) => s.codes.length === 1));

    const codebook = vscode.Uri.file(path.join(suite.dir, 'policy-lens.qdc'));
    await vscode.commands.executeCommand('policyLens.exportCodebook', codebook);
    assert.ok(fs.readFileSync(codebook.fsPath).equals(cli(suite.dir, 'lexicon', 'export', '--to', 'qdc')));
    execFileSync('xmllint', ['--noout', '--schema', path.join(schemas, 'Codebook.xsd'), codebook.fsPath], { stdio: 'pipe' });
  });

  it('carries the workspace store\'s reviews, codes and memos into the .qdpx and W3C exports, as the CLI reads them', async () => {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
    assert.ok(folder, 'the integration workspace has a folder');
    const dir = path.join(folder, 'interop-test');
    fs.mkdirSync(dir, { recursive: true });
    try {
      const editor = await openFile(suite.api, dir, 'coded.txt', FIRST);
      const uri = editor.document.uri;
      await waitFor('the review snapshot', () => suite.api.getReview(uri));
      const monitor = FIRST.indexOf('monitor');
      await vscode.commands.executeCommand('policyLens.rejectMatch', { uri: uri.toString(), start: monitor, end: monitor + 7, entry: 'monitor', reason: 'firms, not people' });
      const passage = FIRST.indexOf('Citizens may appeal.');
      await vscode.commands.executeCommand('policyLens.codeSelection', { uri: uri.toString(), start: passage, end: passage + 20, code: 'rights', memo: 'a right of appeal' });
      await suite.api.whenIdle();
      await waitFor('the review', () => suite.api.getReview(uri)?.notes.length === 1 && suite.api.getReview(uri)?.verdicts.some((v) => v?.value === 'rejected'));

      const target = vscode.Uri.file(path.join(suite.dir, 'reviewed.qdpx'));
      await vscode.commands.executeCommand('policyLens.exportQdpx', target);
      const fromCli = path.join(suite.dir, 'reviewed-cli.qdpx');
      cli(folder, '--format', 'qdpx', '-o', fromCli, 'interop-test/coded.txt');
      assert.ok(fs.readFileSync(target.fsPath).equals(fs.readFileSync(fromCli)), 'the same bytes as the CLI reading the store');
      const read = JSON.parse(execFileSync('python3', [path.join(extensionPath(), 'test', 'unit', 'helpers', 'readQdpx.py'), target.fsPath], { encoding: 'utf8' })) as {
        sources: Array<{ name: string; selections: Array<{ name: string; codes: string[]; notes: string[]; description: string }> }>;
      };
      const selections = read.sources[0].selections;
      const rejected = selections.find((s) => s.name === 'monitor');
      assert.deepEqual(rejected?.codes, []);
      assert.deepEqual(rejected?.notes, ['firms, not people']);
      assert.match(rejected?.description ?? '', /rejected by .+: not counted/);
      const coded = selections.find((s) => s.name === 'Citizens may appeal.');
      assert.equal(coded?.codes.length, 1);
      assert.deepEqual(coded?.notes, ['a right of appeal']);

      const w3c = vscode.Uri.file(path.join(suite.dir, 'reviewed.jsonld'));
      await vscode.commands.executeCommand('policyLens.exportW3c', w3c);
      assert.ok(fs.readFileSync(w3c.fsPath).equals(cli(folder, '--format', 'w3c', 'interop-test/coded.txt')));
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      fs.rmSync(path.join(folder, '.policylens'), { recursive: true, force: true });
      fs.rmSync(dir, { recursive: true, force: true });
      await suite.api.whenIdle();
    }
  });
});
