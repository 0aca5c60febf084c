// Runs only in the real-host runner's untrusted session (test/runner/sessionPlans.ts): workspace trust is on,
// the workspace is not trusted, and the user setting policyLens.lexiconFiles names extra.lexicon.json in it,
// whose one term ("widget tax") the built-in lexicons lack. What the user must see: the built-ins at work,
// the extra term not highlighted, and one warning saying why.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { PolicyLensApi } from '../../../src/extension/api';
import { activateApi, closeAllEditors, EXTENSION_ID, withSettings } from '../editorHelpers';

/** Built-in terms "monitor" and "blacklist", and the extra lexicon's "widget tax" (test/fixtures/untrusted). */
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

  it('does not load the configured lexicon file, so its term is not highlighted', () => {
    const { api, editor } = ready();
    assert.ok(editor.document.getText().includes('widget tax'));
    assert.ok(!annotatedTexts().includes('widget tax'));
    const drawn = api.getDecorations(editor.document.uri);
    const all = [...drawn.control, ...drawn.engagement, ...drawn.negated].map((r) => editor.document.getText(r));
    assert.ok(!all.includes('widget tax'), `drawn: ${all.join(', ')}`);
  });

  it('tells the user once why, even when the lexicon settings change again', async () => {
    const { api } = ready();
    const notices = (): string[] => api.getNotices().filter(isTrustNotice);
    assert.equal(notices().length, 1, `notices: ${api.getNotices().join(' | ')}`);
    assert.match(notices()[0], /not trusted/);
    // A reload while still untrusted skips the files again, and must not repeat the warning.
    await withSettings(api, { lexiconMode: 'replace' }, async () => {
      assert.deepEqual(annotatedTexts(), ['monitor', 'blacklist']);
    });
    assert.equal(notices().length, 1, `notices: ${api.getNotices().join(' | ')}`);
  });
});
