// JSON export from the editor: schema-valid, byte-identical to the CLI for the same documents, streamed for the
// workspace, and never destructive when the target cannot be written.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import * as vscode from 'vscode';
import { editorSuite, extensionPath, openFile } from './editorHelpers';

const FIRST = 'Chapter 1 Oversight\n\nThe agency will monitor every firm and keep a blacklist.\n\nChapter 2 Redress\n\nCitizens may appeal. The plan runs without surveillance.\n';
const SECOND = '第一条 政府部门应当公开信用信息，听取公众意见。\n第二条 对失信企业实施联合惩戒。\n';

/** The CLI's report for the given paths, run from `cwd` exactly as a user would. */
function cli(cwd: string, ...args: string[]): string {
  return execFileSync(process.execPath, [path.join(extensionPath(), 'dist', 'cli.js'), ...args], { cwd, encoding: 'utf8', env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' } });
}

function validator(): (data: unknown) => boolean {
  const ajv = new Ajv2020({ allErrors: true, strict: false, allowUnionTypes: true });
  const schema = JSON.parse(fs.readFileSync(path.join(extensionPath(), 'src', 'core', 'schema', 'tally.schema.json'), 'utf8')) as object;
  const validate = ajv.compile(schema);
  return (data) => {
    const ok = validate(data);
    if (!ok) console.error(JSON.stringify(validate.errors, null, 2));
    return ok;
  };
}

describe('JSON export', function () {
  this.timeout(60_000);
  const suite = editorSuite('export');

  it('exports the active document as a schema-valid report, byte-identical to the CLI', async () => {
    const editor = await openFile(suite.api, suite.dir, 'first.txt', FIRST);
    const target = vscode.Uri.file(path.join(suite.dir, 'out', 'first.json'));
    fs.mkdirSync(path.dirname(target.fsPath));
    const written = await vscode.commands.executeCommand<vscode.Uri>('policyLens.exportTally', target);
    assert.equal(written?.fsPath, target.fsPath);
    const exported = fs.readFileSync(target.fsPath, 'utf8');
    const report = JSON.parse(exported) as { format: string; version: number; documents: { source: string; annotations: unknown[] }[] };
    assert.ok(validator()(report), 'the export does not match tally.schema.json');
    assert.equal(report.format, 'policy-lens.tally');
    assert.equal(report.documents.length, 1);
    assert.equal(report.documents[0].annotations.length, suite.api.getAnalysis(editor.document.uri)?.matches.length);
    assert.equal(exported, cli(suite.dir, path.join(suite.dir, 'first.txt')));
  });

  it('exports every open annotated document, as the CLI does for the same files', async () => {
    await openFile(suite.api, suite.dir, 'a.txt', FIRST);
    await openFile(suite.api, suite.dir, 'b.txt', SECOND);
    const target = vscode.Uri.file(path.join(suite.dir, 'all.json'));
    await vscode.commands.executeCommand('policyLens.exportAllOpen', target);
    const exported = fs.readFileSync(target.fsPath, 'utf8');
    const report = JSON.parse(exported) as { documents: { source: string; language: string }[] };
    assert.ok(validator()(report));
    assert.deepEqual(report.documents.map((d) => path.basename(d.source)), ['a.txt', 'b.txt']);
    assert.equal(report.documents[1].language, 'zh');
    assert.equal(exported, cli(suite.dir, path.join(suite.dir, 'a.txt'), path.join(suite.dir, 'b.txt')));
  });

  it('exports the workspace by glob, streaming, byte-identical to the CLI on the folder', async () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'the test host has no workspace folder');
    const target = vscode.Uri.file(path.join(suite.dir, 'workspace.json'));
    const written = await vscode.commands.executeCommand<vscode.Uri>('policyLens.exportWorkspace', target);
    assert.equal(written?.fsPath, target.fsPath);
    const exported = fs.readFileSync(target.fsPath, 'utf8');
    const report = JSON.parse(exported) as { documents: { source: string }[] };
    assert.ok(validator()(report));
    assert.ok(report.documents.length >= 2);
    // The same text with LF, CRLF, lone CR, a UTF-8 BOM, UTF-16 LE and BE: each decoded by the one input pipeline.
    const sources = report.documents.map((d) => d.source);
    for (const name of ['bom', 'crlf', 'lf', 'lone-cr', 'utf16be', 'utf16le']) assert.ok(sources.includes(`line-ends/${name}.txt`), `line-ends/${name}.txt is not in the export`);
    assert.equal(exported, cli(folder.uri.fsPath, '.'));
  });

  it('stops a workspace export when it is cancelled, and leaves the target as it was', async () => {
    const target = vscode.Uri.file(path.join(suite.dir, 'cancelled.json'));
    fs.writeFileSync(target.fsPath, 'an earlier export');
    const cancellation = new vscode.CancellationTokenSource();
    cancellation.cancel();
    const written = await vscode.commands.executeCommand<vscode.Uri | undefined>('policyLens.exportWorkspace', target, cancellation.token);
    cancellation.dispose();
    assert.equal(written, undefined);
    assert.equal(fs.readFileSync(target.fsPath, 'utf8'), 'an earlier export');
    assert.deepEqual(fs.readdirSync(suite.dir).filter((f) => f.startsWith('cancelled')), ['cancelled.json'], 'no temporary file is left behind');
  });

  it('writes JSON Lines when the target ends in .jsonl', async () => {
    await openFile(suite.api, suite.dir, 'lines.txt', FIRST);
    const target = vscode.Uri.file(path.join(suite.dir, 'lines.jsonl'));
    await vscode.commands.executeCommand('policyLens.exportTally', target);
    const exported = fs.readFileSync(target.fsPath, 'utf8');
    assert.equal(exported.split('\n').filter(Boolean).length, 2);
    assert.equal(exported, cli(suite.dir, '--jsonl', path.join(suite.dir, 'lines.txt')));
  });

  it('reports an unwritable target and leaves what was there untouched', async () => {
    await openFile(suite.api, suite.dir, 'safe.txt', FIRST);
    const blocker = path.join(suite.dir, 'not-a-folder');
    fs.writeFileSync(blocker, 'keep me');
    const inside = vscode.Uri.file(path.join(blocker, 'report.json'));
    assert.equal(await vscode.commands.executeCommand('policyLens.exportTally', inside), undefined);
    assert.equal(fs.readFileSync(blocker, 'utf8'), 'keep me');

    const readOnlyDir = path.join(suite.dir, 'read-only');
    fs.mkdirSync(readOnlyDir);
    const existing = path.join(readOnlyDir, 'report.json');
    fs.writeFileSync(existing, 'previous report');
    fs.chmodSync(readOnlyDir, 0o555);
    try {
      const result = await vscode.commands.executeCommand('policyLens.exportTally', vscode.Uri.file(existing));
      // Root may write anywhere; otherwise the export fails and the previous report stays.
      if (result === undefined) assert.equal(fs.readFileSync(existing, 'utf8'), 'previous report');
      assert.deepEqual(fs.readdirSync(readOnlyDir), ['report.json'], 'a temporary file was left behind');
    } finally {
      fs.chmodSync(readOnlyDir, 0o755);
    }
    assert.ok(suite.api.getAnalysis(vscode.window.activeTextEditor?.document.uri ?? vscode.Uri.file(blocker)), 'the document is still annotated');
  });
});
