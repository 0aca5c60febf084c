// The document's sections (chapters, articles, numbered parts) as Outline symbols, breadcrumbs and folding ranges.
import * as vscode from 'vscode';
import type { SectionTally } from '../core/types';
import { offsetRange } from './positions';
import type { AnalysisStore, StoredAnalysis } from './store';

const KINDS: readonly vscode.SymbolKind[] = [vscode.SymbolKind.Namespace, vscode.SymbolKind.Module, vscode.SymbolKind.Class, vscode.SymbolKind.Field];

/** The analysis of the document as it stands now, waiting for a pending re-analysis first. */
async function currentAnalysis(store: AnalysisStore, document: vscode.TextDocument): Promise<StoredAnalysis | undefined> {
  await store.whenIdle();
  const stored = store.get(document.uri);
  return stored && stored.version === document.version ? stored : undefined;
}

/** Sections worth listing: titled ones, in document order. */
function titledSections(stored: StoredAnalysis): SectionTally[] {
  return stored.tally.sections.filter((s) => s.title.trim().length > 0 && s.endOffset > s.startOffset);
}

export class SectionSymbolProvider implements vscode.DocumentSymbolProvider {
  constructor(private readonly store: AnalysisStore) {}

  async provideDocumentSymbols(document: vscode.TextDocument): Promise<vscode.DocumentSymbol[] | undefined> {
    const stored = await currentAnalysis(this.store, document);
    if (!stored) return undefined;
    const roots: vscode.DocumentSymbol[] = [];
    const open: { level: number; symbol: vscode.DocumentSymbol }[] = [];
    for (const section of titledSections(stored)) {
      const symbol = sectionSymbol(document, section);
      while (open.length > 0 && open[open.length - 1].level >= section.level) open.pop();
      const parent = open[open.length - 1];
      if (parent && parent.symbol.range.contains(symbol.range)) parent.symbol.children.push(symbol);
      else roots.push(symbol);
      open.push({ level: section.level, symbol });
    }
    return roots;
  }
}

function sectionSymbol(document: vscode.TextDocument, section: SectionTally): vscode.DocumentSymbol {
  const range = offsetRange(document, section.startOffset, section.endOffset);
  const heading = document.lineAt(range.start.line).range.intersection(range) ?? range;
  const detail = `${section.control.matches} control · ${section.engagement.matches} engagement`;
  const kind = KINDS[Math.min(Math.max(section.level, 1), KINDS.length) - 1];
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
    for (const section of titledSections(stored)) {
      const range = offsetRange(document, section.startOffset, section.endOffset);
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
