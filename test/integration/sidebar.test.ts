// The sidebar tally in the real host: its model follows the active document and edits, its HTML is a shell
// with a nonce CSP and no document text, and the messages its buttons post move the editor.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { PolicyLensApi } from '../../src/extension/api';
import type { SidebarActiveDocument, SidebarModel } from '../../src/shared/sidebarMessages';

const extensionId = 'policy-lens.policy-lens';
const HOSTILE = '<img src=x onerror=alert(1)>';

const POLICY = [
  'Chapter 1 Supervision',
  '',
  'The authorities shall monitor every platform. Firms that break the rules are put on a blacklist and pay a penalty.',
  'A second blacklist covers their managers, and the blacklist is shared.',
  '',
  `Chapter 2 Redress ${HOSTILE}`,
  '',
  'Citizens may appeal any decision. The agency shall hold a public consultation and publish its reasons.',
  '',
].join('\n');

const CHINESE = [
  '第一章 总则',
  '',
  '第一条 对失信企业实施联合惩戒，列入黑名单，并加强监控。',
  '',
  '第二章 权利保护',
  '',
  '第二条 制定规则前应当征求意见，举行听证；当事人可以申诉，依法开展信用修复。',
  '',
].join('\n');

const OTHER = ['Chapter 1 Openness', '', 'The ministry shall disclose its budget and consult the public.', ''].join('\n');

let api: PolicyLensApi;
let dir: string;

function sidebarModel(): SidebarModel | undefined {
  return api.getSidebar().currentModel();
}

/** Polls until `check` returns a value: the sidebar posts on a throttle, after the store's debounce. */
async function waitFor<T>(what: string, check: () => T | undefined | false, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value) {
      return value;
    }
    if (Date.now() > deadline) {
      throw new Error(`Timed out waiting for ${what}; last model: ${JSON.stringify(sidebarModel())?.slice(0, 600)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function activeFor(uri: vscode.Uri, extra: (a: SidebarActiveDocument) => boolean = () => true): () => SidebarActiveDocument | undefined {
  return () => {
    const active = sidebarModel()?.active;
    return active && active.uri === uri.toString() && extra(active) ? active : undefined;
  };
}

async function openFile(name: string, text: string): Promise<vscode.TextEditor> {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  const document = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
  return vscode.window.showTextDocument(document, { preview: false });
}

function offsetOfSelection(editor: vscode.TextEditor): number {
  return editor.document.offsetAt(editor.selection.start);
}

function occurrences(text: string, word: string): number[] {
  const found: number[] = [];
  const lower = text.toLowerCase();
  for (let i = lower.indexOf(word); i !== -1; i = lower.indexOf(word, i + 1)) {
    found.push(i);
  }
  return found;
}

describe('sidebar tally', function () {
  this.timeout(60_000);

  before(async () => {
    const extension = vscode.extensions.getExtension<PolicyLensApi>(extensionId);
    assert.ok(extension);
    api = await extension.activate();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-lens-sidebar-'));
    await vscode.commands.executeCommand('policyLens.tally.focus');
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('shows the active document: lean, counts, densities, categories, terms and sections', async () => {
    const editor = await openFile('policy.txt', POLICY);
    const uri = editor.document.uri;
    const active = await waitFor('the sidebar to show policy.txt', activeFor(uri, (a) => a.control.matches > 0));
    const analysis = api.getAnalysis(uri);
    assert.ok(analysis, 'the store has no analysis of policy.txt');
    const { tally } = analysis;

    assert.equal(active.name, 'policy.txt');
    assert.equal(active.lean.index, tally.lean.index);
    assert.equal(active.lean.labelId, tally.lean.label);
    assert.equal(active.lean.thin, tally.lean.thin);
    assert.ok(active.lean.label.length > 0);
    assert.deepEqual(active.control, { matches: tally.control.matches, weight: tally.control.weight, perThousandWords: tally.control.perThousandWords });
    assert.deepEqual(active.engagement, { matches: tally.engagement.matches, weight: tally.engagement.weight, perThousandWords: tally.engagement.perThousandWords });
    assert.ok(active.control.matches >= 4, `control matches: ${active.control.matches}`);
    assert.ok(active.engagement.matches >= 2, `engagement matches: ${active.engagement.matches}`);
    assert.equal(active.words, tally.words);

    const categoryIds = active.categories.map((c) => c.id);
    assert.ok(categoryIds.includes('sanctions'), categoryIds.join());
    assert.ok(categoryIds.includes('surveillance'), categoryIds.join());
    assert.ok(active.categories.some((c) => c.polarity === 'engagement'), categoryIds.join());
    const most = Math.max(...active.categories.map((c) => c.matches));
    for (const c of active.categories) {
      assert.equal(c.share, c.matches / most);
      assert.ok(c.label.length > 0);
    }
    assert.ok(active.terms.length > 0);
    assert.equal(active.terms[0].category, 'sanctions', JSON.stringify(active.terms[0]));

    assert.deepEqual(
      active.sections.map((s) => s.title),
      tally.sections.map((s) => s.title),
    );
    assert.ok(active.sections.length >= 2, `sections: ${JSON.stringify(active.sections)}`);
  });

  it('updates after an edit without being asked', async () => {
    const editor = await openFile('edited.txt', POLICY);
    const uri = editor.document.uri;
    const before = await waitFor('the sidebar to show edited.txt', activeFor(uri, (a) => a.control.matches > 0));
    const edit = new vscode.WorkspaceEdit();
    edit.insert(uri, editor.document.positionAt(editor.document.getText().length), 'The regulator will blacklist more firms and monitor their staff.\n');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const after = await waitFor('the control count to rise', activeFor(uri, (a) => a.control.matches >= before.control.matches + 2));
    assert.ok(after.words > before.words);
    assert.notEqual(after.lean.index, before.lean.index);
  });

  it('follows editor switches and lists every open annotated document with its lean', async () => {
    const first = await openFile('first.txt', POLICY);
    const second = await openFile('second.txt', OTHER);
    await waitFor('the sidebar to show second.txt', activeFor(second.document.uri));
    await vscode.window.showTextDocument(first.document, { preview: false });
    const model = await waitFor('the sidebar to follow back to first.txt', () => activeFor(first.document.uri)() && sidebarModel());
    const listed = new Map(model.documents.map((d) => [d.uri, d]));
    const firstEntry = listed.get(first.document.uri.toString());
    const secondEntry = listed.get(second.document.uri.toString());
    assert.ok(firstEntry && secondEntry, JSON.stringify(model.documents));
    assert.equal(firstEntry.active, true);
    assert.equal(secondEntry.active, false);
    assert.equal(secondEntry.lean.index, api.getAnalysis(second.document.uri)?.tally.lean.index);
    assert.equal(model.documents.filter((d) => d.active).length, 1);
  });

  it('serves a shell with a nonce CSP and no document text', async () => {
    await openFile('csp.txt', POLICY);
    await waitFor('the webview script to load under the CSP and say it is ready', () => api.getSidebar().isWebviewReady());
    const html = api.getSidebar().currentHtml();
    assert.ok(html, 'the view has no HTML: it was never resolved');
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html);
    assert.ok(csp, 'no CSP meta tag');
    const policy = csp[1];
    assert.match(policy, /default-src 'none'/);
    const nonce = /script-src 'nonce-([A-Za-z0-9+/=]{16,})'/.exec(policy);
    assert.ok(nonce, `no script nonce in ${policy}`);
    assert.doesNotMatch(policy, /unsafe-inline|unsafe-eval/);
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    assert.ok(scripts.length > 0);
    for (const tag of scripts) {
      assert.ok(tag.includes(`nonce="${nonce[1]}"`), tag);
    }
    for (const text of ['Chapter', 'blacklist', 'policy.txt', 'csp.txt', 'onerror', '<img']) {
      assert.ok(!html.includes(text), `the HTML contains "${text}"`);
    }
  });

  it('carries hostile document text only as plain data, never into the HTML', async () => {
    const editor = await openFile(`${HOSTILE}.txt`, POLICY);
    const uri = editor.document.uri;
    const active = await waitFor('the sidebar to show the hostile file', activeFor(uri, (a) => a.control.matches > 0));
    assert.equal(active.name, `${HOSTILE}.txt`);
    const hostileSection = active.sections.find((s) => s.title.includes(HOSTILE));
    assert.ok(hostileSection, `no section title holds the markup as text: ${JSON.stringify(active.sections)}`);
    const model = sidebarModel();
    assert.ok(model?.documents.some((d) => d.name === `${HOSTILE}.txt`));
    const html = api.getSidebar().currentHtml() ?? '';
    assert.ok(!html.includes(HOSTILE) && !html.includes('onerror'), 'document text reached the HTML');
  });

  it('jumps to the next occurrence of a term on each click, wrapping around', async () => {
    const editor = await openFile('terms.txt', POLICY);
    const uri = editor.document.uri;
    const active = await waitFor('the sidebar to show terms.txt', activeFor(uri, (a) => a.terms.length > 0));
    const term = active.terms.find((t) => t.category === 'sanctions' && t.term.toLowerCase().startsWith('blacklist'));
    assert.ok(term, JSON.stringify(active.terms));
    const expected = occurrences(POLICY, 'blacklist');
    assert.equal(expected.length, 3);
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    const landed: number[] = [];
    for (let i = 0; i < 4; i++) {
      await api.getSidebar().handleMessage({ type: 'revealTerm', uri: uri.toString(), term: term.term, category: term.category });
      const current = vscode.window.activeTextEditor;
      assert.ok(current && current.document.uri.toString() === uri.toString());
      landed.push(offsetOfSelection(current));
      assert.equal(current.document.getText(current.selection).toLowerCase(), 'blacklist');
    }
    assert.deepEqual(landed, [...expected, expected[0]]);
  });

  it('jumps to a section and opens a listed document', async () => {
    const target = await openFile('sections.txt', POLICY);
    const uri = target.document.uri;
    const active = await waitFor('the sidebar to show sections.txt', activeFor(uri, (a) => a.sections.length >= 2));
    const last = active.sections[active.sections.length - 1];
    await api.getSidebar().handleMessage({ type: 'revealSection', uri: uri.toString(), index: last.index });
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor && editor.document.uri.toString() === uri.toString());
    assert.equal(editor.document.lineAt(editor.selection.start.line).text.startsWith('Chapter 2'), true);

    const other = await openFile('other.txt', OTHER);
    await waitFor('the sidebar to show other.txt', activeFor(other.document.uri));
    await api.getSidebar().handleMessage({ type: 'openDocument', uri: uri.toString() });
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), uri.toString());
  });

  it('ignores malformed messages and documents it does not know', async () => {
    const before = vscode.window.activeTextEditor?.document.uri.toString();
    await api.getSidebar().handleMessage({ type: 'openDocument', uri: vscode.Uri.file(path.join(dir, 'nowhere.txt')).toString() });
    await api.getSidebar().handleMessage({ type: 'revealSection', uri: 'file:///x', index: 'a' });
    await api.getSidebar().handleMessage('ready');
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), before);
  });

  it('shows Chinese labels and interface text when policyLens.labelLanguage is zh', async () => {
    const editor = await openFile('chinese.txt', CHINESE);
    const uri = editor.document.uri;
    await waitFor('the sidebar to show chinese.txt', activeFor(uri, (a) => a.categories.length > 0));
    const config = vscode.workspace.getConfiguration('policyLens');
    await config.update('labelLanguage', 'zh', vscode.ConfigurationTarget.Global);
    try {
      const active = await waitFor('Chinese labels', activeFor(uri, () => sidebarModel()?.strings.lean === '倾向'));
      assert.equal(active.language, 'zh');
      assert.equal(active.categories.find((c) => c.id === 'sanctions')?.label, '惩戒与黑名单');
      assert.equal(active.categories.find((c) => c.id === 'rights')?.label, '权利、申诉与救济');
      const zhLean: Record<string, string> = { 'control-leaning': '偏向管控', 'engagement-leaning': '偏向参与', balanced: '大致均衡', 'no signal': '无信号' };
      assert.equal(active.lean.label, zhLean[active.lean.labelId]);
      assert.ok(active.terms.some((t) => t.term === '联合惩戒' && t.categoryLabel === '惩戒与黑名单'), JSON.stringify(active.terms));
      assert.deepEqual(active.sections.map((s) => s.title).slice(0, 1), ['第一章 总则']);
    } finally {
      await config.update('labelLanguage', undefined, vscode.ConfigurationTarget.Global);
    }
    const english = await waitFor('English labels again', activeFor(uri, () => sidebarModel()?.strings.lean === 'Lean'));
    assert.equal(english.categories.find((c) => c.id === 'sanctions')?.label, 'Sanctions and blacklists');
  });
});
