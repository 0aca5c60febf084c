// The document's sections (chapters, articles, numbered parts) as Outline symbols, breadcrumbs and folding ranges.
import * as vscode from 'vscode';
import type { SectionTally } from '../core/types';
import { offsetRange } from './positions';
import type { AnalysisStore, StoredAnalysis } from './store';

/** By depth in the section tree: parts or chapters outermost, then sections, articles, clauses. */
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

/** A titled section with the extent of its whole subtree, and the titled section it nests in. */
interface Outlined {
  readonly section: SectionTally;
  readonly start: number;
  readonly end: number;
  /** Index in the outline of the nearest titled enclosing section, or −1. */
  readonly parent: number;
}

/** The engine's section tree, without untitled sections (their subsections move up to the nearest titled one). */
function outline(stored: StoredAnalysis): Outlined[] {
  const sections = stored.tally.sections;
  const out: Outlined[] = [];
  /** Per section, its index in `out`, or the one its nearest titled ancestor has there (−1 for none). */
  const place: number[] = [];
  sections.forEach((section, i) => {
    const parent = section.parent === null || section.parent >= i ? -1 : place[section.parent];
    if (section.title.trim().length === 0) {
      place.push(parent);
      return;
    }
    place.push(out.length);
    out.push({ section, start: section.startOffset, end: section.endOffset, parent });
  });
  return out;
}

export class SectionSymbolProvider implements vscode.DocumentSymbolProvider {
  constructor(private readonly store: AnalysisStore) {}

  async provideDocumentSymbols(document: vscode.TextDocument): Promise<vscode.DocumentSymbol[] | undefined> {
    const stored = await currentAnalysis(this.store, document);
    if (!stored) return undefined;
    const roots: vscode.DocumentSymbol[] = [];
    const symbols: vscode.DocumentSymbol[] = [];
    for (const item of outline(stored)) {
      const symbol = sectionSymbol(document, item);
      symbols.push(symbol);
      const parent = item.parent >= 0 ? symbols[item.parent] : undefined;
      if (parent && parent.range.contains(symbol.range)) parent.children.push(symbol);
      else roots.push(symbol);
    }
    return roots;
  }
}

function sectionSymbol(document: vscode.TextDocument, { section, start, end }: Outlined): vscode.DocumentSymbol {
  const range = offsetRange(document, start, end);
  const heading = document.lineAt(range.start.line).range.intersection(range) ?? range;
  const detail = `${section.units.control} control · ${section.units.engagement} engagement sentences`;
  const kind = KINDS[Math.min(Math.max(section.level - 1, 0), KINDS.length - 1)];
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
