// The Get Started walkthrough: registered with its four steps, every command link works, and Open a Sample opens
// the English and the Chinese sample shipped in the extension, annotated.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { closeAllEditors, editorSuite, EXTENSION_ID, extensionPath, waitFor } from './editorHelpers';

function workspaceFolder(): string {
  const f = vscode.workspace.workspaceFolders?.[0];
  assert.ok(f, 'the integration workspace has a folder');
  return f.uri.fsPath;
}

interface Step {
  id: string;
  title: string;
  description: string;
  media: { image?: string; markdown?: string };
  completionEvents?: string[];
}

interface Manifest {
  contributes: { walkthroughs: { id: string; title: string; steps: Step[] }[] };
}

/** The manifest's text for a `%key%`, in English (the host may hand over the manifest localised or not). */
function resolve(text: string): string {
  const m = /^%(.+)%$/.exec(text);
  if (!m) return text;
  const nls = JSON.parse(fs.readFileSync(path.join(extensionPath(), 'package.nls.json'), 'utf8')) as Record<string, string>;
  return nls[m[1]] ?? text;
}

describe('Get Started walkthrough', function () {
  this.timeout(60_000);
  const suite = editorSuite('walkthrough');

  function walkthrough(): { id: string; title: string; steps: Step[] } {
    const manifest = vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON as Manifest;
    const found = manifest.contributes.walkthroughs?.[0];
    assert.ok(found, 'no walkthrough contributed');
    return found;
  }

  it('has the four steps, each with its media in the extension and a command link that is registered', async () => {
    const steps = walkthrough().steps;
    assert.deepEqual(steps.map((s) => s.id), ['openSample', 'readTally', 'export', 'reviewMatch']);
    const registered = new Set(await vscode.commands.getCommands(true));
    for (const step of steps) {
      const media = step.media.image ?? step.media.markdown;
      assert.ok(media && fs.existsSync(path.join(extensionPath(), media)), `${step.id}: media ${media} is missing`);
      const commands = [...resolve(step.description).matchAll(/\]\(command:([\w.]+)/g)].map((m) => m[1]);
      assert.ok(commands.length > 0, `${step.id} offers no command`);
      for (const command of commands) assert.ok(registered.has(command), `${step.id}: ${command} is not registered`);
    }
  });

  it('opens in the Welcome page', async () => {
    await vscode.commands.executeCommand('workbench.action.openWalkthrough', `${EXTENSION_ID}#${walkthrough().id}`, false);
    await waitFor('the walkthrough tab', () =>
      vscode.window.tabGroups.all.some((g) => g.tabs.some((tab) => /Welcome|Walkthrough|Policy Lens/i.test(tab.label))),
    );
    const labels = vscode.window.tabGroups.all.flatMap((g) => g.tabs.map((tab) => tab.label));
    await closeAllEditors();
    assert.ok(labels.length > 0, 'no tab opened');
  });

  for (const [language, file, word] of [
    ['en', 'social-credit-outline.policy.txt', 'dishonest entities'],
    ['zh', 'social-credit-outline.zh.policy.txt', '黑名单'],
  ] as const) {
    it(`opens the ${language === 'en' ? 'English' : 'Chinese'} sample shipped with the extension, annotated`, async () => {
      const uri = await vscode.commands.executeCommand<vscode.Uri>('policyLens.openSample', language);
      assert.ok(uri);
      const editor = vscode.window.activeTextEditor;
      assert.ok(editor);
      assert.equal(path.basename(editor.document.uri.fsPath), file);
      assert.equal(editor.document.languageId, 'policy-text');
      await suite.api.whenIdle();
      const analysis = suite.api.getAnalysis(editor.document.uri);
      assert.ok(analysis, 'the sample is not annotated');
      assert.ok(analysis.matches.length > 20, `only ${analysis.matches.length} matches`);
      assert.ok(analysis.matches.some((m) => m.text.toLowerCase().includes(word)), `no match for ${word}`);
    });
  }

  it('Review a Match: its links explain a match, record a verdict and step on, run from the walkthrough', async () => {
    const step = walkthrough().steps.find((s) => s.id === 'reviewMatch');
    assert.ok(step);
    const links = [...resolve(step.description).matchAll(/\]\(command:([\w.]+)\)/g)].map((m) => m[1]);
    assert.deepEqual(links, ['policyLens.explainNextMatch', 'policyLens.acceptMatch', 'policyLens.rejectMatch', 'policyLens.nextUnreviewedMatch']);
    // The step is done when the user records a verdict, by either review command.
    assert.deepEqual(step.completionEvents, ['onCommand:policyLens.acceptMatch', 'onCommand:policyLens.rejectMatch']);

    // The sample, copied into the workspace, whose review store keeps the verdicts.
    const dir = path.join(workspaceFolder(), 'walkthrough-test');
    const file = path.join(dir, 'sample.policy.txt');
    fs.mkdirSync(dir, { recursive: true });
    fs.copyFileSync(path.join(extensionPath(), 'media', 'samples', 'social-credit-outline.policy.txt'), file);
    try {
      const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(vscode.Uri.file(file)), { preview: false });
      const uri = editor.document.uri;
      await suite.api.whenIdle();
      await waitFor('the review snapshot', () => suite.api.getReview(uri));
      // From the line after the title: the title line's matches name a topic and are not counted (rule topic), so there is nothing to accept.
      editor.selection = new vscode.Selection(1, 0, 1, 0);
      // The links are clicked in the walkthrough's tab, where no text editor has the focus.
      await vscode.commands.executeCommand('workbench.action.openWalkthrough', `${EXTENSION_ID}#${walkthrough().id}`, false);
      await waitFor('the walkthrough to take the focus', () => vscode.window.activeTextEditor === undefined || undefined, 10_000).catch(() => undefined);

      const explained = await vscode.commands.executeCommand<{ start: number; end: number; text: string; negated: boolean } | undefined>(links[0]);
      assert.ok(explained, 'Explain the Next Match selected nothing');
      // The sample's first annotation is struck through (a topic noun); a verdict needs a counted one.
      assert.equal(explained.negated, false, `${explained.text} is not counted`);
      assert.ok(suite.api.getAnalysis(uri)?.matches.some((m) => m.negated && m.start < explained.start), 'no uncounted match was stepped over');
      const active = vscode.window.activeTextEditor;
      assert.equal(active?.document.uri.toString(), uri.toString(), 'the sample is not back in front');
      assert.equal(active.document.getText(active.selection), explained.text);

      await vscode.commands.executeCommand('workbench.action.openWalkthrough', `${EXTENSION_ID}#${walkthrough().id}`, false);
      const id = await vscode.commands.executeCommand<string | undefined>(links[1]);
      assert.match(id ?? '', /^urn:uuid:/, 'accept it recorded no verdict');
      const reviewed = await waitFor('the verdict in the review snapshot', () => {
        const review = suite.api.getReview(uri);
        const index = review?.matches.findIndex((m) => m.start === explained.start) ?? -1;
        return review && index >= 0 && review.verdicts[index]?.value === 'accepted' ? review : undefined;
      });
      assert.ok(reviewed.reviewed, 'no as-reviewed figures after a verdict');

      await vscode.commands.executeCommand('workbench.action.openWalkthrough', `${EXTENSION_ID}#${walkthrough().id}`, false);
      const next = await vscode.commands.executeCommand<{ start: number } | undefined>(links[3]);
      assert.ok(next, 'the next unreviewed match was not found');
      assert.ok(next.start > explained.start, `the next unreviewed match (${next.start}) is not after the accepted one (${explained.start})`);
      assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), uri.toString());
    } finally {
      await closeAllEditors();
      fs.rmSync(path.join(workspaceFolder(), '.policylens'), { recursive: true, force: true });
      fs.rmSync(dir, { recursive: true, force: true });
      await suite.api.whenIdle();
    }
  });

  it('Explain Next Match selects an annotation and opens its hover', async () => {
    await vscode.commands.executeCommand('policyLens.openSample', 'en');
    await suite.api.whenIdle();
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor);
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    const match = await vscode.commands.executeCommand<{ text: string } | undefined>('policyLens.explainNextMatch');
    assert.ok(match, 'no match selected');
    assert.equal(editor.document.getText(editor.selection), match.text);
  });
});
