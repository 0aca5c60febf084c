// The Policy Text language: file association, the TextMate grammar's scopes, and sections as symbols and folds.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
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
    assert.match(scopeOf('Chapter 1'), /markup\.heading/);
    assert.match(scopeOf('Article 3'), /markup\.heading/);
    assert.doesNotMatch(scopeOf('Regulation'), /heading|modal|reference/);
    assert.match(scopeOf('(1)'), /markup\.list\.numbered/);
    assert.match(scopeOf('Credit information'), /entity\.name\.type\.defined-term/);
    assert.match(scopeOf('paragraph 2 of Article 5'), /markup\.underline\.link\.reference/);
    assert.match(scopeOf('1 January 2015'), /constant\.numeric\.date/);
    assert.match(scopeOf('shall not'), /keyword\.control\.modal\.prohibition/);
    assert.match(scopeOf('must'), /keyword\.control\.modal\.obligation/);
    assert.match(scopeOf('may'), /keyword\.other\.modal\.permission/);

    const zhTokens = await tokenize(ZH);
    const zhScope = (text: string): string => zhTokens.filter((t) => t.text.includes(text)).map((t) => t.scopes).join(' | ');
    assert.match(zhScope('第一章'), /markup\.heading/);
    assert.match(zhScope('第一条'), /markup\.heading/);
    assert.match(zhScope('一、'), /markup\.list\.numbered/);
    assert.match(zhScope('（一）'), /markup\.list\.numbered/);
    assert.match(zhScope('应当'), /modal\.obligation/);
    assert.match(zhScope('不得'), /modal\.prohibition/);
    assert.match(zhScope('可以'), /modal\.permission/);
    assert.match(zhScope('第五条'), /reference/);
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
