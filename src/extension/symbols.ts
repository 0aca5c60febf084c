// The document's sections (chapters, articles, numbered parts) as Outline symbols, breadcrumbs and folding ranges.
import * as vscode from 'vscode';
import type { SectionTally } from '../core/types';
import { FOLDING_LIMIT, OUTLINE_LIMIT, outerLevels } from './outlineLimit';
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

/** One request of the editor to a section provider: when it came, when it was answered, what it cost us. */
export interface SectionRequest {
  readonly kind: 'symbols' | 'folding';
  readonly uri: string;
  /** The document version asked for. */
  readonly version: number;
  /** performance.now() when the provider was called, and when it answered. */
  readonly asked: number;
  readonly answered: number;
  /** Time spent building the answer (0 when a cached one was given). */
  readonly builtMs: number;
  /** Symbols (roots and their descendants) or folding ranges answered; −1 for no answer. */
  readonly count: number;
}

/** The last requests to both providers, oldest first, for the host bench's account of the outline's time. */
const requests: SectionRequest[] = [];
const KEPT_REQUESTS = 32;

export function sectionRequests(): readonly SectionRequest[] {
  return requests;
}

function record(request: SectionRequest): void {
  requests.push(request);
  if (requests.length > KEPT_REQUESTS) requests.shift();
}

function countSymbols(symbols: readonly vscode.DocumentSymbol[]): number {
  return symbols.reduce((n, s) => n + 1 + countSymbols(s.children), 0);
}

/** The analysis of the document as it stands now, waiting for a pending re-analysis first. */
async function currentAnalysis(store: AnalysisStore, document: vscode.TextDocument, token?: vscode.CancellationToken): Promise<StoredAnalysis | undefined> {
  await store.whenIdle(document.uri);
  // The editor asks again for the version it wants; building for a request it dropped would only be thrown away.
  if (token?.isCancellationRequested) return undefined;
  const stored = store.get(document.uri);
  return stored && stored.version === document.version ? stored : undefined;
}

/** How a provider turns the outline into its answer, which is kept per analysis. */
interface OutlineAnswer<T> {
  readonly kind: SectionRequest['kind'];
  readonly cache: WeakMap<StoredAnalysis, T[]>;
  count(answer: readonly T[]): number;
  build(document: vscode.TextDocument, items: readonly Outlined[], stored: StoredAnalysis): T[];
}

/**
 * A provider's answer for the document as it stands: from its cache when this analysis was answered before, else
 * built from the outline; every request is recorded for the host bench. `seen` hears of the analysis answered for.
 */
async function answerFromOutline<T>(
  store: AnalysisStore,
  document: vscode.TextDocument,
  token: vscode.CancellationToken | undefined,
  how: OutlineAnswer<T>,
  seen?: (stored: StoredAnalysis) => void,
): Promise<T[] | undefined> {
  const asked = performance.now();
  const version = document.version;
  const done = (answer: T[] | undefined, builtMs: number): T[] | undefined => {
    record({ kind: how.kind, uri: document.uri.toString(), version, asked, answered: performance.now(), builtMs, count: answer ? how.count(answer) : -1 });
    return answer;
  };
  const stored = await currentAnalysis(store, document, token);
  if (!stored) return done(undefined, 0);
  seen?.(stored);
  const known = how.cache.get(stored);
  if (known) return done(known, 0);
  const building = performance.now();
  const items = await outline(document, stored);
  if (!items || token?.isCancellationRequested || document.version !== stored.version) return done(undefined, 0);
  const built = how.cache.get(stored);
  if (built) return built;
  const answer = how.build(document, items, stored);
  how.cache.set(stored, answer);
  return done(answer, performance.now() - building);
}

/** A titled section with the range of its whole subtree, and the titled section it nests in. */
interface Outlined {
  readonly section: SectionTally;
  readonly range: vscode.Range;
  /** Index in the outline of the nearest titled enclosing section, or −1. */
  readonly parent: number;
}

/**
 * The range of `[start, end)`. A section starts at a line's start and ends where the next one starts, so its range
 * comes from its lines without searching the document's line offsets (10,000 sections asked for 20,000 positions on
 * each update); one that does not is placed by offsets.
 */
function sectionRange(document: vscode.TextDocument, text: string, section: SectionTally, textEnd: vscode.Position): vscode.Range {
  const { startOffset: start, endOffset: end } = section;
  const startsLine = start === 0 || text.charCodeAt(start - 1) === 10;
  if (!startsLine) return offsetRange(document, start, end);
  if (end === text.length) return new vscode.Range(section.startLine, 0, textEnd.line, textEnd.character);
  if (text.charCodeAt(end - 1) === 10 && section.endLine >= section.startLine) return new vscode.Range(section.startLine, 0, section.endLine + 1, 0);
  return offsetRange(document, start, end);
}

/** Sections placed in the outline per task of the extension host. */
const OUTLINE_SLICE = 2_000;

/** Resolves in a task of its own, after what the host has queued. */
function nextTask(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * The engine's section tree without untitled sections (their subsections move up to the nearest titled one), made
 * once per published analysis and shared by the Outline, breadcrumbs, sticky scroll and folding, which all ask for
 * each version. Undefined when the document changed while it was made.
 */
const outlines = new WeakMap<StoredAnalysis, Promise<Outlined[] | undefined>>();

function outline(document: vscode.TextDocument, stored: StoredAnalysis): Promise<Outlined[] | undefined> {
  let known = outlines.get(stored);
  if (!known) {
    known = makeOutline(document, stored);
    outlines.set(stored, known);
  }
  return known;
}

/**
 * Made in tasks of its own, not in the one that published the analysis (where the providers' waits resume): the
 * first read of a long document's sections is the longest step, and placing 10,000 sections the next.
 */
async function makeOutline(document: vscode.TextDocument, stored: StoredAnalysis): Promise<Outlined[] | undefined> {
  await nextTask();
  if (document.version !== stored.version) return undefined;
  const sections = stored.tally.sections;
  await nextTask();
  const out: Outlined[] = [];
  /** Per section, its index in `out`, or the one its nearest titled ancestor has there (−1 for none). */
  const place: number[] = [];
  for (let start = 0; start < sections.length; start += OUTLINE_SLICE) {
    if (start > 0) await nextTask();
    // Ranges come from the document's lines: it must still be the version analysed.
    if (document.version !== stored.version) return undefined;
    const textEnd = document.positionAt(stored.text.length);
    for (let i = start; i < Math.min(sections.length, start + OUTLINE_SLICE); i++) {
      const section = sections[i];
      const parent = section.parent === null || section.parent >= i ? -1 : place[section.parent];
      if (section.title.trim().length === 0) {
        place.push(parent);
        continue;
      }
      place.push(out.length);
      out.push({ section, range: sectionRange(document, stored.text, section, textEnd), parent });
    }
  }
  return out;
}

export class SectionSymbolProvider implements vscode.DocumentSymbolProvider {
  constructor(private readonly store: AnalysisStore) {}

  provideDocumentSymbols(document: vscode.TextDocument, token?: vscode.CancellationToken): Promise<vscode.DocumentSymbol[] | undefined> {
    return answerFromOutline(this.store, document, token, SYMBOLS);
  }
}

const SYMBOLS: OutlineAnswer<vscode.DocumentSymbol> = {
  kind: 'symbols',
  cache: new WeakMap(),
  count: countSymbols,
  build(document, items, stored) {
    const roots: vscode.DocumentSymbol[] = [];
    const symbols: vscode.DocumentSymbol[] = [];
    // Kept items come before their children, so `symbols` holds a kept item's parent at its index when it is kept.
    const kept = outerLevels(items.map((item) => item.parent), OUTLINE_LIMIT);
    for (const [i, item] of items.entries()) {
      if (!kept[i]) continue;
      const symbol = sectionSymbol(document, stored.text, item);
      symbols[i] = symbol;
      const parent = item.parent >= 0 ? symbols[item.parent] : undefined;
      if (parent && parent.range.contains(symbol.range)) parent.children.push(symbol);
      else roots.push(symbol);
    }
    return roots;
  },
};

function sectionSymbol(document: vscode.TextDocument, text: string, { section, range }: Outlined): vscode.DocumentSymbol {
  const heading = headingRange(document, text, section, range);
  const detail = `${section.units.control} control · ${section.units.engagement} engagement sentences`;
  const kind = KINDS[Math.min(Math.max(section.level - 1, 0), KINDS.length - 1)];
  return new vscode.DocumentSymbol(section.title.trim(), detail, kind, range, heading);
}

/** The heading line's part of the section's range, from the text when the section starts its line. */
function headingRange(document: vscode.TextDocument, text: string, section: SectionTally, range: vscode.Range): vscode.Range {
  if (range.start.character !== 0 || range.end.line === range.start.line) return document.lineAt(range.start.line).range.intersection(range) ?? range;
  const newline = text.indexOf('\n', section.startOffset);
  let end = newline < 0 ? text.length : newline;
  if (end > section.startOffset && text.charCodeAt(end - 1) === 13) end--;
  return new vscode.Range(range.start.line, 0, range.start.line, end - section.startOffset);
}

export class SectionFoldingProvider implements vscode.FoldingRangeProvider, vscode.Disposable {
  private readonly changeEmitter = new vscode.EventEmitter<void>();
  readonly onDidChangeFoldingRanges: vscode.Event<void> = this.changeEmitter.event;
  private readonly subscription: vscode.Disposable;
  /** Per document, the version whose ranges were last given. */
  private readonly answered = new Map<string, number>();

  constructor(private readonly store: AnalysisStore) {
    this.subscription = store.onDidChange((uri) => this.analysisChanged(uri));
  }

  /**
   * The editor asks for folding ranges again after every edit by itself, and the provider waits for the pending
   * analysis, so only a change within one version is announced: a long document's analysis completed, the lexicons
   * or settings changed, the document is no longer annotated. Announcing a new version too made the editor ask twice
   * for each (5,000 ranges each time) and sticky scroll ask for the outline again, after the debounce.
   */
  private analysisChanged(uri: vscode.Uri): void {
    const key = uri.toString();
    const stored = this.store.get(uri);
    const answered = this.answered.get(key);
    if (stored === undefined) this.answered.delete(key);
    else if (answered !== undefined && stored.version > answered) return;
    this.changeEmitter.fire();
  }

  provideFoldingRanges(document: vscode.TextDocument, _context?: vscode.FoldingContext, token?: vscode.CancellationToken): Promise<vscode.FoldingRange[] | undefined> {
    return answerFromOutline(this.store, document, token, FOLDING, (stored) => this.answered.set(document.uri.toString(), stored.version));
  }

  dispose(): void {
    this.subscription.dispose();
    this.changeEmitter.dispose();
  }
}

const FOLDING: OutlineAnswer<vscode.FoldingRange> = {
  kind: 'folding',
  cache: new WeakMap(),
  count: (ranges) => ranges.length,
  build(document, items) {
    const ranges: vscode.FoldingRange[] = [];
    const kept = outerLevels(items.map((item) => item.parent), FOLDING_LIMIT);
    for (const [i, { range }] of items.entries()) {
      if (!kept[i]) continue;
      // A section ending at a line's start excludes that line; trailing blank lines stay visible between folds.
      let end = range.end.character === 0 ? range.end.line - 1 : range.end.line;
      while (end > range.start.line && document.lineAt(end).isEmptyOrWhitespace) end--;
      if (end > range.start.line) ranges.push(new vscode.FoldingRange(range.start.line, end, vscode.FoldingRangeKind.Region));
    }
    return ranges;
  },
};
