// The Policy Text language: file association, the TextMate grammar's scopes, and sections as symbols and folds.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as jsonc from 'jsonc-parser';
import * as vscode from 'vscode';
import { editorSuite, extensionPath, openFile } from './editorHelpers';

const TEXT = [
  'Chapter 1 General Provisions',
  '',
  'Article 1 This Regulation protects the rights of citizens.',
  '',
  'Article 2 "Credit information" means data collected under paragraph 2 of Article 5.',
  '(1) Authorities shall not disclose personal data without consent.',
  '(2) Citizens may file an objection before 1 January 2015.',
  '',
  'Chapter 2 Supervision',
  '',
  'Article 3 The department must monitor compliance.',
  '',
].join('\n');

const ZH = ['第一章 总则', '', '第一条 为了规范信用信息管理，制定本办法。', '一、政府部门应当公开信用信息。', '（一）不得非法收集个人信息，可以依照第五条提出异议。', ''].join('\n');

interface SyntaxToken {
  /** The token's text. */
  text: string;
  /** Its scopes, space-separated. */
  scopes: string;
}

// The host's own TextMate engine (vscode-textmate and vscode-oniguruma ship inside every VS Code), so the grammar is
// tokenized exactly as the editor tokenizes it. Only the parts used here are typed.
interface OnigLib {
  loadWASM(data: ArrayBuffer): Promise<void>;
  OnigScanner: new (patterns: string[]) => unknown;
  OnigString: new (text: string) => unknown;
}
interface RuleStack {
  readonly _brand?: 'RuleStack';
}
interface Grammar {
  tokenizeLine(line: string, stack: RuleStack | null): { tokens: { startIndex: number; endIndex: number; scopes: string[] }[]; ruleStack: RuleStack };
}
interface TextMate {
  INITIAL: RuleStack;
  parseRawGrammar(content: string, filePath: string): unknown;
  Registry: new (options: { onigLib: Promise<{ createOnigScanner(p: string[]): unknown; createOnigString(s: string): unknown }>; loadGrammar(scope: string): Promise<unknown> }) => {
    loadGrammar(scope: string): Promise<Grammar | null>;
  };
}

let grammarPromise: Promise<Grammar> | undefined;

function policyGrammar(): Promise<Grammar> {
  grammarPromise ??= (async () => {
    const modules = path.join(vscode.env.appRoot, 'node_modules');
    const load = (name: string): unknown => module.require(path.join(modules, name));
    const onig = load('vscode-oniguruma') as OnigLib;
    const textmate = load('vscode-textmate') as TextMate;
    const wasm = fs.readFileSync(path.join(modules, 'vscode-oniguruma', 'release', 'onig.wasm'));
    await onig.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength)).catch(() => undefined);
    const grammarFile = path.join(extensionPath(), 'syntaxes', 'policy-text.tmLanguage.json');
    const registry = new textmate.Registry({
      onigLib: Promise.resolve({ createOnigScanner: (p: string[]) => new onig.OnigScanner(p), createOnigString: (s: string) => new onig.OnigString(s) }),
      loadGrammar: async (scope) => (scope === 'text.policy' ? textmate.parseRawGrammar(fs.readFileSync(grammarFile, 'utf8'), grammarFile) : null),
    });
    const grammar = await registry.loadGrammar('text.policy');
    assert.ok(grammar, 'the grammar did not load');
    return grammar;
  })();
  return grammarPromise;
}

async function tokenize(text: string): Promise<SyntaxToken[]> {
  const grammar = await policyGrammar();
  const tokens: SyntaxToken[] = [];
  let stack: RuleStack | null = null;
  for (const line of text.split('\n')) {
    const result = grammar.tokenizeLine(line, stack);
    for (const t of result.tokens) tokens.push({ text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes.join(' ') });
    stack = result.ruleStack;
  }
  return tokens;
}

describe('Policy Text language', function () {
  this.timeout(60_000);
  const suite = editorSuite('policytext');

  it('is the language of *.policy.txt and *.policy.md files, and they are annotated', async () => {
    const txt = await openFile(suite.api, suite.dir, 'rules.policy.txt', TEXT);
    assert.equal(txt.document.languageId, 'policy-text');
    assert.equal(suite.api.getStatus(txt.document.uri), 'annotated');
    const md = await openFile(suite.api, suite.dir, 'rules.policy.md', TEXT);
    assert.equal(md.document.languageId, 'policy-text');
  });

  it('highlights headings, enumerations, defined terms, cross references, dates and modal verbs', async () => {
    const tokens = await tokenize(TEXT);
    const scopeOf = (text: string): string => tokens.filter((t) => t.text.includes(text)).map((t) => t.scopes).join(' | ');
    assert.match(scopeOf('Chapter 1'), /heading/);
    assert.match(scopeOf('Article 3'), /heading/);
    assert.doesNotMatch(scopeOf('Regulation'), /heading|modal|reference/);
    assert.match(scopeOf('(1)'), /markup\.list\.numbered/);
    assert.match(scopeOf('Credit information'), /defined-term/);
    assert.match(scopeOf('paragraph 2 of Article 5'), /markup\.underline\.link\.reference/);
    assert.match(scopeOf('1 January 2015'), /\.date\./);
    assert.match(scopeOf('shall not'), /modal\.prohibition/);
    assert.match(scopeOf('must'), /modal\.obligation/);
    assert.match(scopeOf('may'), /modal\.permission/);

    const zhTokens = await tokenize(ZH);
    const zhScope = (text: string): string => zhTokens.filter((t) => t.text.includes(text)).map((t) => t.scopes).join(' | ');
    assert.match(zhScope('第一章'), /heading/);
    assert.match(zhScope('第一条'), /heading/);
    assert.match(zhScope('一、'), /markup\.list\.numbered/);
    assert.match(zhScope('（一）'), /markup\.list\.numbered/);
    assert.match(zhScope('应当'), /modal\.obligation/);
    assert.match(zhScope('不得'), /modal\.prohibition/);
    assert.match(zhScope('可以'), /modal\.permission/);
    assert.match(zhScope('第五条'), /reference/);
  });

  it('colours structure in neutral theme colours: no red, magenta or green to compete with the highlights', async () => {
    const tokens = [...(await tokenize(TEXT)), ...(await tokenize(ZH))].filter((t) => t.text.trim() && t.scopes !== 'text.policy');
    assert.ok(tokens.length > 20);
    const themes = vscode.extensions.getExtension('vscode.theme-defaults');
    assert.ok(themes, 'the default themes are not in the host');
    const clashes: string[] = [];
    for (const file of ['light_plus.json', 'dark_plus.json']) {
      const rules = themeRules(path.join(themes.extensionPath, 'themes', file));
      assert.ok(rules.length > 50, `${file}: only ${rules.length} rules read`);
      for (const token of tokens) {
        const colour = foregroundOf(rules, token.scopes.split(' '));
        const hue = colour && competingHue(colour.foreground);
        if (hue) clashes.push(`${file}: "${token.text}" (${token.scopes}) is ${hue}, ${colour.foreground} from "${colour.selector}"`);
      }
    }
    assert.deepEqual(clashes, []);
  });

  it('lists chapters and their articles as document symbols', async () => {
    const editor = await openFile(suite.api, suite.dir, 'symbols.policy.txt', TEXT);
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', editor.document.uri);
    assert.ok(symbols);
    assert.deepEqual(
      symbols.map((s) => s.name),
      ['Chapter 1 General Provisions', 'Chapter 2 Supervision'],
    );
    assert.deepEqual(
      symbols[0].children.map((s) => s.name.split(' ').slice(0, 2).join(' ')),
      ['Article 1', 'Article 2'],
    );
    assert.equal(symbols[1].children.length, 1);
    assert.equal(symbols[0].range.start.line, 0);
    assert.equal(symbols[1].range.start.line, 8);
    assert.equal(symbols[1].children[0].selectionRange.start.line, 10);
  });

  it('folds by section', async () => {
    const editor = await openFile(suite.api, suite.dir, 'folding.policy.txt', TEXT);
    const ranges = await vscode.commands.executeCommand<vscode.FoldingRange[]>('vscode.executeFoldingRangeProvider', editor.document.uri);
    const pairs = ranges.map((r) => [r.start, r.end]);
    assert.ok(pairs.some(([s, e]) => s === 0 && e === 6), `no fold for Chapter 1 in ${JSON.stringify(pairs)}`);
    assert.ok(pairs.some(([s, e]) => s === 4 && e === 6), `no fold for Article 2 in ${JSON.stringify(pairs)}`);
  });

  it('shows the sections of a Chinese document', async () => {
    const editor = await openFile(suite.api, suite.dir, 'zh.policy.txt', ZH);
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', editor.document.uri);
    assert.ok(symbols && symbols.length > 0);
    assert.match(symbols[0].name, /^第一章/);
  });
});

interface ThemeRule {
  selector: string;
  foreground: string;
}

/** A theme's token colours, its `include`d themes first (as VS Code layers them). */
function themeRules(file: string): ThemeRule[] {
  const theme = jsonc.parse(fs.readFileSync(file, 'utf8')) as { include?: string; tokenColors?: { scope?: string | string[]; settings?: { foreground?: string } }[] };
  const rules = theme.include ? themeRules(path.join(path.dirname(file), theme.include)) : [];
  for (const entry of theme.tokenColors ?? []) {
    const foreground = entry.settings?.foreground;
    if (!entry.scope || !foreground) continue;
    const selectors = Array.isArray(entry.scope) ? entry.scope : entry.scope.split(',');
    for (const selector of selectors) if (selector.trim()) rules.push({ selector: selector.trim(), foreground });
  }
  return rules;
}

/** TextMate's choice, simplified: the rule matching the deepest scope wins, then the longer selector, then the later rule. */
function foregroundOf(rules: readonly ThemeRule[], stack: readonly string[]): ThemeRule | undefined {
  const matches = (scope: string, part: string): boolean => scope === part || scope.startsWith(`${part}.`);
  let best: { rule: ThemeRule; score: number[] } | undefined;
  for (const rule of rules) {
    const parts = rule.selector.split(/\s+/);
    const last = parts[parts.length - 1];
    let depth = stack.length - 1;
    while (depth >= 0 && !matches(stack[depth], last)) depth--;
    if (depth < 0) continue;
    let j = depth - 1;
    const ancestorsFound = parts.slice(0, -1).reverse().every((part) => {
      while (j >= 0 && !matches(stack[j], part)) j--;
      return j-- >= 0;
    });
    if (!ancestorsFound) continue;
    const score = [depth, last.split('.').length, parts.length];
    if (!best || compareScores(score, best.score) >= 0) best = { rule, score };
  }
  return best?.rule;
}

function compareScores(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return 0;
}

/** "red", "magenta" or "green" when a colour's hue is that of a highlight (or of the magenta keywords), else undefined. */
function competingHue(hex: string): string | undefined {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})/i.exec(hex);
  if (!m) return undefined;
  const [r, g, b] = [m[1], m[2], m[3]].map((h) => parseInt(h, 16) / 255);
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  const lightness = (max + min) / 2;
  const saturation = max === min ? 0 : (max - min) / (1 - Math.abs(2 * lightness - 1));
  if (saturation < 0.25) return undefined;
  const d = max - min;
  const hue = max === r ? (60 * ((g - b) / d) + 360) % 360 : max === g ? 60 * ((b - r) / d) + 120 : 60 * ((r - g) / d) + 240;
  if (hue < 20 || hue >= 340) return 'red';
  if (hue >= 280) return 'magenta';
  if (hue >= 80 && hue < 175) return 'green';
  return undefined;
}
