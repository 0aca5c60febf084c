// The document's sections (chapters, articles, numbered parts) as Outline symbols, breadcrumbs and folding ranges.
import * as vscode from 'vscode';
import type { SectionTally } from '../core/types';
import { offsetRange } from './positions';
import type { AnalysisStore, StoredAnalysis } from './store';

/** By heading level: 0 parts, 1 chapters, 2 sections, 3 articles and clauses, deeper Markdown headings. */
const KINDS: readonly vscode.SymbolKind[] = [
  vscode.SymbolKind.Package,
  vscode.SymbolKind.Namespace,
  vscode.SymbolKind.Module,
  vscode.SymbolKind.Class,
  vscode.SymbolKind.Field,
];

/** The analysis of the document as it stands now, waiting for a pending re-analysis first. */
async function currentAnalysis(store: AnalysisStore, document: vscode.TextDocument): Promise<StoredAnalysis | undefined> {
  await store.whenIdle(document.uri);
  const stored = store.get(document.uri);
  return stored && stored.version === document.version ? stored : undefined;
}

/** A titled section with the extent of its whole subtree: up to the next heading of the same or a higher level. */
interface Outlined {
  readonly section: SectionTally;
  readonly start: number;
  readonly end: number;
}

/** The engine's sections are flat (each ends at the next heading); the outline nests them by level. */
function outline(stored: StoredAnalysis): Outlined[] {
  const sections = stored.tally.sections;
  const documentEnd = sections.reduce((max, s) => Math.max(max, s.endOffset), 0);
  const out: { section: SectionTally; start: number; end: number }[] = [];
  const open: number[] = [];
  for (const section of sections) {
    if (section.title.trim().length === 0) continue;
    while (open.length > 0 && out[open[open.length - 1]].section.level >= section.level) out[open.pop() as number].end = section.startOffset;
    open.push(out.length);
    out.push({ section, start: section.startOffset, end: documentEnd });
  }
  return out;
}

export class SectionSymbolProvider implements vscode.DocumentSymbolProvider {
  constructor(private readonly store: AnalysisStore) {}

  async provideDocumentSymbols(document: vscode.TextDocument): Promise<vscode.DocumentSymbol[] | undefined> {
    const stored = await currentAnalysis(this.store, document);
    if (!stored) return undefined;
    const roots: vscode.DocumentSymbol[] = [];
    const open: { level: number; symbol: vscode.DocumentSymbol }[] = [];
    for (const item of outline(stored)) {
      const symbol = sectionSymbol(document, item);
      while (open.length > 0 && open[open.length - 1].level >= item.section.level) open.pop();
      const parent = open[open.length - 1];
      if (parent && parent.symbol.range.contains(symbol.range)) parent.symbol.children.push(symbol);
      else roots.push(symbol);
      open.push({ level: item.section.level, symbol });
    }
    return roots;
  }
}

function sectionSymbol(document: vscode.TextDocument, { section, start, end }: Outlined): vscode.DocumentSymbol {
  const range = offsetRange(document, start, end);
  const heading = document.lineAt(range.start.line).range.intersection(range) ?? range;
  const detail = `${section.control.matches} control · ${section.engagement.matches} engagement`;
  const kind = KINDS[Math.min(section.level, KINDS.length - 1)];
  return new vscode.DocumentSymbol(section.title.trim(), detail, kind, range, heading);
}

export class SectionFoldingProvider implements vscode.FoldingRangeProvider, vscode.Disposable {
  private readonly changeEmitter = new vscode.EventEmitter<void>();
  readonly onDidChangeFoldingRanges: vscode.Event<void> = this.changeEmitter.event;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly store: AnalysisStore) {
    this.subscription = store.onDidChange(() => this.changeEmitter.fire());
  }

  async provideFoldingRanges(document: vscode.TextDocument): Promise<vscode.FoldingRange[] | undefined> {
    const stored = await currentAnalysis(this.store, document);
    if (!stored) return undefined;
    const ranges: vscode.FoldingRange[] = [];
    for (const { start, end: endOffset } of outline(stored)) {
      const range = offsetRange(document, start, endOffset);
      // A section ending at a line's start excludes that line; trailing blank lines stay visible between folds.
      let end = range.end.character === 0 ? range.end.line - 1 : range.end.line;
      while (end > range.start.line && document.lineAt(end).isEmptyOrWhitespace) end--;
      if (end > range.start.line) ranges.push(new vscode.FoldingRange(range.start.line, end, vscode.FoldingRangeKind.Region));
    }
    return ranges;
  }

  dispose(): void {
    this.subscription.dispose();
    this.changeEmitter.dispose();
  }
}
