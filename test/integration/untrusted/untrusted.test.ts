// Runs only in the real-host runner's untrusted session (test/runner/sessionPlans.ts): workspace trust is on,
// the workspace is not trusted. The user setting policyLens.lexiconFiles names extra.lexicon.json in it, whose one
// term ("widget tax") the built-in lexicons lack; the workspace's own .vscode/settings.json names that file and
// second.lexicon.json ("gadget levy"), which VS Code withholds until the workspace is trusted. What the user must
// see: the built-ins at work, neither extra term highlighted, and one warning saying why and naming both settings;
// then, once the user trusts the workspace from that warning (clicks performed by the runner), both terms highlighted.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { PolicyLensApi } from '../../../src/extension/api';
import { formatUserAction } from '../../runner/userActionProtocol';
import { activateApi, closeAllEditors, EXTENSION_ID, waitFor, withSettings } from '../editorHelpers';

/** Built-in terms "monitor" and "blacklist", and the extra lexicons' "widget tax" and "gadget levy" (test/fixtures/untrusted). */
const DOCUMENT = 'restricted.txt';

function isTrustNotice(notice: string): boolean {
  return notice.includes('policyLens.lexiconFiles');
}

describe('untrusted workspace (Restricted Mode)', function () {
  this.timeout(60_000);
  let api: PolicyLensApi | undefined;
  let editor: vscode.TextEditor | undefined;

  before(async () => {
    api = await activateApi();
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'the session has no workspace folder');
    const document = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder.uri, DOCUMENT));
    editor = await vscode.window.showTextDocument(document, { preview: false });
    await api.whenIdle();
  });

  after(closeAllEditors);

  const ready = (): { api: PolicyLensApi; editor: vscode.TextEditor } => {
    assert.ok(api && editor, 'the set-up did not finish');
    return { api, editor };
  };
  const annotatedTexts = (): string[] => ready().api.getAnalysis(ready().editor.document.uri)?.matches.map((m) => m.text) ?? [];

  it('runs in a workspace that is not trusted, with lexicon files configured', () => {
    assert.equal(vscode.workspace.isTrusted, false);
    // Only the user's value reaches extensions: VS Code withholds the workspace's.
    assert.deepEqual(vscode.workspace.getConfiguration('policyLens').get('lexiconFiles'), ['extra.lexicon.json']);
  });

  it('is active and highlights the built-in terms', () => {
    assert.ok(vscode.extensions.getExtension(EXTENSION_ID)?.isActive, 'the extension is not active');
    const { api, editor } = ready();
    assert.equal(api.getStatus(editor.document.uri), 'annotated');
    assert.deepEqual(annotatedTexts(), ['monitor', 'blacklist']);
    const drawn = api.getDecorations(editor.document.uri);
    assert.deepEqual(
      drawn.control.map((r) => editor.document.getText(r)),
      ['monitor', 'blacklist'],
    );
  });

  it('does not load the configured lexicon files, so their terms are not highlighted', () => {
    const { api, editor } = ready();
    const drawn = api.getDecorations(editor.document.uri);
    const all = [...drawn.control, ...drawn.engagement, ...drawn.negated].map((r) => editor.document.getText(r));
    for (const term of ['widget tax', 'gadget levy']) {
      assert.ok(editor.document.getText().includes(term));
      assert.ok(!annotatedTexts().includes(term));
      assert.ok(!all.includes(term), `drawn: ${all.join(', ')}`);
    }
  });

  it('tells the user once why, even when the lexicon settings change again', async () => {
    const { api } = ready();
    const notices = (): string[] => api.getNotices().filter(isTrustNotice);
    assert.equal(notices().length, 1, `notices: ${api.getNotices().join(' | ')}`);
    assert.match(notices()[0], /not trusted/);
    // The workspace's setting is known only from its settings file, which VS Code keeps from extensions.
    assert.match(notices()[0], /\(user and workspace settings\)/);
    // A reload while still untrusted skips the files again, and must not repeat the warning.
    await withSettings(api, { lexiconMode: 'replace' }, async () => {
      assert.deepEqual(annotatedTexts(), ['monitor', 'blacklist']);
    });
    assert.equal(notices().length, 1, `notices: ${api.getNotices().join(' | ')}`);
  });

  // The fixture's .policylens/annotations.json holds one accepted review of "blacklist".
  const storeFile = (): string => path.join(vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? '', '.policylens', 'annotations.json');

  it('reads the annotation store but never writes it, keeping changes in the window, with a notice', async () => {
    const { api, editor } = ready();
    const uri = editor.document.uri;
    const before = fs.readFileSync(storeFile(), 'utf8');
    const read = await waitFor('the store to be read', () => {
      const r = api.getReview(uri);
      return r && r.verdicts.some((v) => v?.value === 'accepted') && r;
    });
    assert.equal(read.verdicts.find((v) => v)?.creator, 'Fixture Reviewer');
    const text = editor.document.getText();
    const start = text.indexOf('widget tax');
    await vscode.commands.executeCommand('policyLens.addMemo', { uri: uri.toString(), start, end: start + 'widget tax'.length, memo: 'kept in the window' });
    await api.whenIdle();
    const kept = await waitFor('the memo in the window', () => {
      const r = api.getReview(uri);
      return r && r.notes.length === 1 && r;
    });
    assert.equal(kept.status.unsaved, 1);
    assert.equal(fs.readFileSync(storeFile(), 'utf8'), before, 'the store is not written');
    assert.ok(api.getNotices().some((n) => /not trusted, so \.policylens\/annotations\.json is read but not written/.test(n)), api.getNotices().join(' | '));
  });

  // Last: it leaves the workspace trusted.
  it('loads the lexicon file once the user trusts the workspace from the warning', async function () {
    this.timeout(90_000);
    const { api, editor } = ready();
    const notice = api.getNotices().find(isTrustNotice);
    assert.ok(notice);
    const granted = new Promise<void>((resolve) => vscode.workspace.onDidGrantWorkspaceTrust(() => resolve()));
    // The toast may have timed out by now; the notification centre still lists it, with its button.
    await vscode.commands.executeCommand('notifications.showList');
    console.log(formatUserAction({ action: 'trustFromNotice', notice, button: 'Manage Workspace Trust' }));
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => reject(new Error('the workspace was not trusted within 45 s (see the runner\'s message above)')), 45_000);
    });
    await Promise.race([granted, late]).finally(() => clearTimeout(timer));
    assert.equal(vscode.workspace.isTrusted, true);
    await waitFor('the lexicon files to be loaded', () => annotatedTexts().includes('gadget levy'), 15_000);
    await api.whenIdle();
    assert.deepEqual(annotatedTexts(), ['monitor', 'blacklist', 'widget tax', 'gadget levy']);
    // The trust editor covers the document; the user goes back to it.
    await vscode.window.showTextDocument(editor.document, { preview: false });
    await api.whenIdle();
    const drawn = api.getDecorations(editor.document.uri);
    assert.deepEqual(drawn.control.map((r) => editor.document.getText(r)), ['monitor', 'blacklist', 'widget tax', 'gadget levy']);
    assert.equal(api.getNotices().filter(isTrustNotice).length, 1);
  });

  it('writes the changes kept in the window once the workspace is trusted', async () => {
    assert.equal(vscode.workspace.isTrusted, true);
    const { api } = ready();
    await api.whenIdle();
    const items = await waitFor('the kept memo to be written', () => {
      const stored = JSON.parse(fs.readFileSync(storeFile(), 'utf8')) as { first: { items: { motivation: string; creator: { name: string } }[] } };
      return stored.first.items.length === 2 && stored.first.items;
    });
    assert.deepEqual(items.map((i) => i.motivation).sort(), ['assessing', 'commenting']);
  });
});
