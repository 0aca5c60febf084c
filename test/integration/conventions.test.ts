// VS Code's conventions, checked against the host under test: keybindings that take no default key, activation
// only where the extension is needed, a toggle whose icon shows the state, the lexicon schema bound to lexicons.
import * as assert from 'node:assert/strict';
import * as jsonc from 'jsonc-parser';
import * as vscode from 'vscode';
import { closeAllEditors, editorSuite, EXTENSION_ID, openFile, waitFor } from './editorHelpers';

interface Keybinding {
  command: string;
  key: string;
  mac?: string;
  linux?: string;
  win?: string;
  when?: string;
}

interface Manifest {
  activationEvents: string[];
  contributes: {
    keybindings: Keybinding[];
    commands: { command: string; icon?: string }[];
    menus: Record<string, { command: string; when?: string; group?: string }[]>;
    jsonValidation: { fileMatch: string[]; url: string }[];
    configuration: { properties: Record<string, { items?: { enum?: string[]; enumDescriptions?: string[] } }> };
  };
}

function manifest(): Manifest {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension);
  return extension.packageJSON as Manifest;
}

/** A key chord in one spelling: modifiers sorted, lower case (`Alt+Ctrl+.` and `ctrl+alt+.` are the same key). */
export function normaliseKey(key: string): string {
  const order = ['ctrl', 'shift', 'alt', 'meta', 'cmd', 'win'];
  return key
    .toLowerCase()
    .trim()
    .split(/\s+/)
    .map((chord) => {
      const parts = chord.split('+');
      const last = parts.pop() ?? '';
      return [...parts.sort((a, b) => order.indexOf(a) - order.indexOf(b)), last].join('+');
    })
    .join(' ');
}

/** The host's default keybindings, as its "Open Default Keyboard Shortcuts (JSON)" command shows them. */
async function defaultKeybindings(): Promise<{ key: string; command: string }[]> {
  await vscode.commands.executeCommand('workbench.action.openDefaultKeybindingsFile');
  const document = await waitFor('the default keybindings to open', () => vscode.window.activeTextEditor?.document);
  const entries = jsonc.parse(document.getText()) as { key?: string; command?: string }[];
  await closeAllEditors();
  return entries.filter((e): e is { key: string; command: string } => typeof e.key === 'string' && typeof e.command === 'string');
}

describe('VS Code conventions', function () {
  this.timeout(60_000);
  const suite = editorSuite('conventions');

  it("binds no key that one of this VS Code's default keybindings uses", async () => {
    const defaults = await defaultKeybindings();
    assert.ok(defaults.length > 300, `only ${defaults.length} default keybindings read`);
    assert.ok(defaults.some((d) => d.command === 'editor.action.inlineSuggest.showNext'), 'the defaults lack the inline-suggestion keys');
    const taken = new Map<string, string>();
    for (const d of defaults) if (!d.command.startsWith('policyLens.')) taken.set(normaliseKey(d.key), d.command);
    const clashes: string[] = [];
    for (const binding of manifest().contributes.keybindings) {
      // The host runs on Linux: its defaults are the Linux ones, against the key (or its linux override).
      const key = normaliseKey(binding.linux ?? binding.key);
      const other = taken.get(key);
      if (other) clashes.push(`${binding.command}: ${key} is ${other}'s`);
      // One key for one of our commands: two under the same key shadow each other.
      taken.set(key, binding.command);
    }
    assert.deepEqual(clashes, []);
    // The keys a user reaches for still work.
    const next = manifest().contributes.keybindings.find((k) => k.command === 'policyLens.nextAnnotation');
    assert.ok(next && !/^alt\+[\][]$/.test(next.key), 'Alt+] is the inline-suggestion key');
  });

  it('activates on the languages it annotates (and, implicitly, its views and commands), not at every start-up', () => {
    const events = manifest().activationEvents;
    assert.deepEqual(events.filter((e) => e === '*' || e === 'onStartupFinished'), []);
    for (const language of ['plaintext', 'markdown', 'policy-text']) assert.ok(events.includes(`onLanguage:${language}`), language);
  });

  it('describes every category the setting offers', () => {
    const items = manifest().contributes.configuration.properties['policyLens.categories'].items;
    assert.ok(items?.enum && items.enumDescriptions);
    assert.equal(items.enumDescriptions.length, items.enum.length);
    assert.ok(items.enumDescriptions.every((d) => d.trim().length > 10 && !d.startsWith('%')), 'untranslated or empty descriptions');
  });

  it('shows Hide Highlights or Show Highlights in the view title by the state, with different icons', async () => {
    const m = manifest();
    const viewTitle = m.contributes.menus['view/title'];
    const hide = viewTitle.find((e) => e.command === 'policyLens.hideHighlights');
    const show = viewTitle.find((e) => e.command === 'policyLens.showHighlights');
    assert.match(hide?.when ?? '', /(^|&& )policyLens\.highlightsEnabled\b/);
    assert.match(show?.when ?? '', /!policyLens\.highlightsEnabled\b/);
    const icon = (id: string): string | undefined => m.contributes.commands.find((c) => c.command === id)?.icon;
    assert.ok(icon('policyLens.hideHighlights') && icon('policyLens.showHighlights'));
    assert.notEqual(icon('policyLens.hideHighlights'), icon('policyLens.showHighlights'));

    const editor = await openFile(suite.api, suite.dir, 'toggle.txt', 'The agency will monitor every firm.\n');
    const drawn = (): number => suite.api.getDecorations(editor.document.uri).control.length;
    assert.equal(drawn(), 1);
    try {
      assert.equal(await vscode.commands.executeCommand('policyLens.hideHighlights'), false);
      assert.equal(drawn(), 0);
      assert.equal(await vscode.commands.executeCommand('policyLens.hideHighlights'), false, 'hiding twice keeps them hidden');
    } finally {
      assert.equal(await vscode.commands.executeCommand('policyLens.showHighlights'), true);
    }
    assert.equal(drawn(), 1);
  });

  it('binds the lexicon schema to lexicon files only, not to any folder named lexicons', () => {
    const bindings = manifest().contributes.jsonValidation;
    const patterns = bindings.flatMap((b) => b.fileMatch);
    assert.ok(patterns.length > 0);
    assert.deepEqual(patterns.filter((p) => !/policylens/i.test(p)), []);
  });
});
