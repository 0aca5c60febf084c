// The analysis store: the only module of the extension that runs the engine, and the gateway every view goes through.
// One analysis per open supported document, kept current as the user edits (debounced, incremental), with stale
// results dropped and large documents analysed in slices. Views get plain, frozen snapshots (StoredAnalysis) and ask
// the store for the rest (matches in a range, occurrences of a term, the report of some documents); no analysis or
// engine leaves this module. It reaches VS Code only through a StoreHost (storeHost.ts), so it runs in plain Node
// under the unit tests.
import type * as vscode from 'vscode';
import { analyzeAsync, BALANCED_BAND, DocumentAnalysis, Engine, lean, LexiconInfo, LineIndex, THIN_EVIDENCE } from '../core';
import { decodeInput } from '../core/decode';
import { comparePaths } from '../core/pathOrder';
import { reportHeader, ReportStream, ReportStyle } from '../core/report';
import { matchTerm } from '../core/term';
import type { Category, Lean, LexiconSource, Match, Tally, Units } from '../core/types';
import { EntryReview, reportEntry } from '../core/webAnnotationReport';
import { GENERATOR } from '../node/generator';
import { regionText, spliceRegion } from './editRegion';
import { Emitter } from './emitter';
import type { Settings } from './settings';
import { AnalysisView, WindowAnalysis } from './windowAnalysis';

/** The measurement's constants, for views that explain the figures (docs/measurement.md). */
export const MEASUREMENT = { thinEvidence: THIN_EVIDENCE, balancedBand: BALANCED_BAND } as const;

/** The lean of sentence counts, as the core computes a document's or a section's: for figures views sum up. */
export const leanOfUnits: (units: Units) => Lean = lean;

/** What a view knows of an annotated document: plain data, frozen, replaced (never changed) when the analysis changes. */
export interface StoredAnalysis {
  readonly uri: vscode.Uri;
  readonly version: number;
  readonly languageId: string;
  /** The text the tally and every offset refer to. */
  readonly text: string;
  /** The whole document's tally, or while `complete` is false, the visible window's (sections in document lines). */
  readonly tally: Tally;
  /** False while a large document is still being analysed in slices (only the visible window is annotated). */
  readonly complete: boolean;
}

/** What the store reads of a document; a vscode.TextDocument is one. */
export interface StoreDocument {
  readonly uri: vscode.Uri;
  readonly version: number;
  readonly languageId: string;
  readonly isClosed: boolean;
  getText(): string;
}

/** One change of an edit, in offsets of the text before it; a vscode.TextDocumentContentChangeEvent is one. */
export interface TextChange {
  readonly rangeOffset: number;
  readonly rangeLength: number;
  readonly text: string;
}

export type StoreSettings = Pick<Settings, 'enable' | 'languages' | 'language' | 'maxFileSizeKB' | 'debounceMs'>;

/** Everything the store needs from the editor (storeHost.ts gives VS Code's; the unit tests a fake). */
export interface StoreHost {
  /** The open documents. */
  documents(): readonly StoreDocument[];
  onDidOpen(listener: (document: StoreDocument) => void): vscode.Disposable;
  onDidClose(listener: (document: StoreDocument) => void): vscode.Disposable;
  onDidEdit(listener: (document: StoreDocument, changes: readonly TextChange[]) => void): vscode.Disposable;
  /** An editor showing the document scrolled, or was shown. */
  onDidScroll(listener: (document: StoreDocument) => void): vscode.Disposable;
  /** The offsets an editor showing the document has on screen, or undefined when none shows it. */
  visibleRange(document: StoreDocument): { start: number; end: number } | undefined;
  settings(scope: vscode.Uri | undefined): StoreSettings;
}

/** One document of a report: an open document as the editor holds it, or a file's bytes. */
export interface ReportInput {
  /** Its name in the report: the workspace-relative path, as the CLI prints a relative path. */
  readonly source: string;
  readonly uri: vscode.Uri;
  /** For a file read from disk: its bytes, decoded as the CLI decodes them. Without it, the open document's analysis. */
  readonly read?: () => Promise<Uint8Array>;
  /** How to review the document, given its text (the review store's verdicts and codes); without it, automatic figures. */
  readonly review?: (text: string) => EntryReview | null;
}

/** Follows a report as it is written: each input as its turn comes, and the documents written (skipped files are not). */
export interface ReportProgress {
  next?(input: ReportInput, index: number, total: number): void;
  written: number;
}

/** Where a term stands among terms of equal count: its counted matches' summed weight (in thousandths) and its first offset. */
export interface TermStanding {
  weight: number;
  first: number;
}

/** Why an open document is not annotated. */
export type SkipReason = 'tooLarge' | 'binary';

export interface SkipEvent {
  readonly uri: vscode.Uri;
  readonly reason: SkipReason;
  /** Size in KB, for the notice. */
  readonly sizeKB: number;
}

/** Documents longer than this (UTF-16 units) are opened in two steps: the visible window, then the rest. */
const PROGRESSIVE_THRESHOLD = 50_000;
/** Characters analysed on each side of the visible range in the first step (scrolling further previews again). */
const WINDOW_MARGIN = 5_000;
/**
 * Characters of text whose analyses are kept for documents no editor shows, the most recently shown first; beyond
 * it a hidden document keeps only its totals (see `park`). The most recently shown hidden document is always kept.
 */
export const HIDDEN_TEXT_BUDGET = 4_000_000;

/** The region of the current text that differs from the text the analysis was made from. */
interface Dirty {
  /** First changed offset (same in both texts). */
  start: number;
  /** End of the changed region in the current text. */
  endNow: number;
  /** Current length minus analysed length. */
  delta: number;
  /** The region's current text, when known (editRegion.ts). */
  text?: string;
}

interface DocState {
  readonly document: StoreDocument;
  /** The complete analysis, kept current with edits; undefined while parked. */
  analysis: DocumentAnalysis | undefined;
  /** What is shown before the complete analysis exists: the visible window of a long document. */
  preview: WindowAnalysis | undefined;
  /** Document version the text behind `analysis` (plus `dirty`) corresponds to. */
  version: number;
  complete: boolean;
  /** Edits not yet applied to the analysis, relative to the text the analysis (or the running one) started from. */
  dirty: Dirty | undefined;
  timer: NodeJS.Timeout | undefined;
  /** Bumped whenever a full analysis starts or the state is dropped, so late async results can be recognised. */
  generation: number;
  /** A full analysis is running in slices. */
  running: boolean;
  stored: StoredAnalysis | undefined;
  /** When an editor last showed the document (the store's own clock, larger is later). */
  shown: number;
  /** Hidden and over the budget: the analysis is dropped, the snapshot reads text and sections again when asked. */
  parked: boolean;
}

export class AnalysisStore implements vscode.Disposable {
  private readonly changeEmitter = new Emitter<vscode.Uri>();
  private readonly skipEmitter = new Emitter<SkipEvent>();
  /** Fires after a document's analysis changed, was created or was dropped. */
  readonly onDidChange: vscode.Event<vscode.Uri> = this.changeEmitter.event;
  /** Fires when an open document that would be annotated is skipped (too large, binary). */
  readonly onDidSkip: vscode.Event<SkipEvent> = this.skipEmitter.event;

  private readonly states = new Map<string, DocState>();
  private readonly skipped = new Map<string, SkipReason>();
  /** Documents the user asked to annotate whatever their language or size. */
  private readonly forced = new Set<string>();
  private readonly disposables: { dispose(): unknown }[] = [];
  /** Callers waiting for every document (uri undefined) or for one document to be idle. */
  private idleWaiters: { uri: string | undefined; resolve: () => void }[] = [];
  private currentEngine: Engine;
  private currentCategories: readonly Category[];
  private clock = 0;

  constructor(
    private readonly host: StoreHost,
    engine: Engine,
    private readonly hiddenTextBudget = HIDDEN_TEXT_BUDGET,
  ) {
    this.currentEngine = engine;
    this.currentCategories = frozenCategories(engine);
    this.disposables.push(
      this.changeEmitter,
      this.skipEmitter,
      host.onDidOpen((d) => this.refresh(d)),
      host.onDidClose((d) => this.drop(d.uri)),
      host.onDidEdit((d, changes) => this.onEdit(d, changes)),
      host.onDidScroll((d) => this.onScroll(d)),
    );
    this.refreshAll();
  }

  /** The categories of the lexicons in force, in tally order. */
  get categories(): readonly Category[] {
    return this.currentCategories;
  }

  /** The lexicon sources in force (the same array until the lexicons are reloaded). */
  get lexicons(): readonly LexiconSource[] {
    return this.currentEngine.lexicons;
  }

  /** The lexicons in force, as reports name them. */
  get lexiconInfo(): LexiconInfo {
    return { ...this.currentEngine.lexiconInfo };
  }

  get(uri: vscode.Uri): StoredAnalysis | undefined {
    return this.states.get(uri.toString())?.stored;
  }

  /** Every annotation of the document as last published (negated ones included), in document order; none when it is not annotated. */
  matches(uri: vscode.Uri): Match[] {
    return this.shown(uri)?.matches() ?? [];
  }

  /** How many annotations `matches` would return, without making them. */
  matchCount(uri: vscode.Uri): number {
    return this.shown(uri)?.matchCount() ?? 0;
  }

  /** Counted annotations per lexicon entry (`category\u0000entry`), without making them; null while only a window is analysed. */
  entryCounts(uri: vscode.Uri): Map<string, number> | null {
    const shown = this.shown(uri);
    return shown instanceof DocumentAnalysis ? shown.entryCounts() : null;
  }

  /** The first `limit` counted annotations in document order. */
  firstCounted(uri: vscode.Uri, limit: number): Match[] {
    const shown = this.shown(uri);
    return shown instanceof DocumentAnalysis ? shown.firstCounted(limit) : this.matches(uri).filter((m) => !m.negated).slice(0, limit);
  }

  /** The annotations overlapping `[start, end)`. */
  matchesInRange(uri: vscode.Uri, start: number, end: number): Match[] {
    return this.shown(uri)?.matchesInRange(start, end) ?? [];
  }

  /** The counted matches that are occurrences of a term as the tally lists it (matchTerm), in document order. */
  occurrences(uri: vscode.Uri, term: string, category: string): Match[] {
    return this.matches(uri).filter((m) => !m.negated && m.category === category && matchTerm(m) === term);
  }

  /**
   * The standing of every term in `wanted` (keys `category\u0000term`), from one pass over the counted matches: how
   * the sidebar ranks top terms of equal count.
   */
  termStandings(uri: vscode.Uri, wanted: ReadonlySet<string>): Map<string, TermStanding> {
    const shown = this.shown(uri);
    return shown instanceof DocumentAnalysis ? shown.termStandings(wanted) : termStandings(this.matches(uri), wanted);
  }

  /**
   * How many counted matches `term` would make in each text if added to the lexicons with `category` (null: as an
   * ignored, neutral term, how many current matches it would remove), computed with the lexicons now in force.
   */
  previewTerm(term: string, category: string | null, texts: readonly string[]): number[] {
    const language = /\p{Script=Han}/u.test(term) ? 'zh' : 'en';
    const entry = category === null ? { term, neutral: true } : { term, category };
    const current = this.currentEngine;
    const engine = new Engine([{ name: 'preview', version: '0', language, categories: [], entries: [entry] }, ...current.lexicons]);
    const wanted = term.trim().replace(/\s+/g, ' ');
    return texts.map((text) => {
      if (category !== null) return engine.analyze(text).matches().filter((m) => !m.negated && m.entry === wanted).length;
      // An ignored term: the counted matches it takes away.
      const before = current.analyze(text).tally();
      const after = engine.analyze(text).tally();
      return before.control.matches + before.engagement.matches - (after.control.matches + after.engagement.matches);
    });
  }

  all(): StoredAnalysis[] {
    const out: StoredAnalysis[] = [];
    for (const state of this.states.values()) if (state.stored) out.push(state.stored);
    return out;
  }

  /** True when the document is hidden and parked: only its totals are held until it is shown, edited or asked for more. */
  isParked(uri: vscode.Uri): boolean {
    return this.states.get(uri.toString())?.parked === true;
  }

  skipReason(uri: vscode.Uri): SkipReason | undefined {
    return this.skipped.get(uri.toString());
  }

  /** Would this document be annotated by the current settings (ignoring its size)? */
  isSupported(document: StoreDocument): boolean {
    if (document.uri.scheme !== 'file' && document.uri.scheme !== 'untitled') return false;
    if (this.forced.has(document.uri.toString())) return true;
    const settings = this.host.settings(document.uri);
    return settings.enable && settings.languages.includes(document.languageId);
  }

  /** Annotates a document whatever its language and size (Annotate Document, Annotate Anyway). */
  annotate(document: StoreDocument): void {
    this.forced.add(document.uri.toString());
    this.refresh(document);
  }

  /** Replaces the engine (settings or lexicon files changed) and re-analyses every document. */
  setEngine(engine: Engine): void {
    this.currentEngine = engine;
    this.currentCategories = frozenCategories(engine);
    this.reanalyzeAll();
  }

  /** Re-reads the settings for every open document: starts, keeps or drops annotation. */
  refreshAll(): void {
    for (const document of this.host.documents()) this.refresh(document);
  }

  /** Re-analyses every document from scratch (the analysis language setting changed). */
  reanalyzeAll(): void {
    for (const key of [...this.states.keys()]) this.removeState(key);
    this.refreshAll();
  }


  /**
   * The report of some documents in the CLI's format, bytes and path order, in chunks: the CLI's report stream, fed
   * one document at a time. What the CLI skips (binary, empty files) is skipped. Stopping the iteration early leaves
   * the report unfinished.
   */
  async *report(inputs: readonly ReportInput[], style: ReportStyle, progress: ReportProgress = { written: 0 }): AsyncGenerator<string> {
    const ordered = [...inputs].sort((a, b) => comparePaths(a.source, b.source));
    const stream = new ReportStream(reportHeader(GENERATOR, this.currentEngine.lexiconInfo), style);
    for (const [index, input] of ordered.entries()) {
      progress.next?.(input, index, ordered.length);
      const analysis = input.read ? await this.analyzeFile(await input.read(), input.uri) : await this.reported(input.uri);
      if (analysis === undefined) continue;
      const { summary, annotations } = reportEntry(input.source, analysis, input.review?.(analysis.text()) ?? null);
      yield* stream.document(summary, annotations);
      progress.written++;
    }
    yield stream.end();
  }

  /** Resolves when no debounce is pending and no analysis is running, for one document or for all. */
  whenIdle(uri?: vscode.Uri): Promise<void> {
    const key = uri?.toString();
    if (this.isIdle(key)) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push({ uri: key, resolve }));
  }

  /**
   * Decodes a file's bytes through the CLI's input pipeline (src/core/decode.ts: BOM, UTF-16, line ends) and analyses
   * the text in slices that yield; undefined for what the CLI skips (binary, empty).
   */
  private async analyzeFile(bytes: Uint8Array, scope: vscode.Uri | undefined): Promise<DocumentAnalysis | undefined> {
    const decoded = decodeInput(bytes);
    return decoded.ok ? analyzeAsync(this.currentEngine, decoded.text, { language: this.host.settings(scope).language }, yieldToHost) : undefined;
  }

  /** An open document's analysis for a report; a parked one is analysed again in slices and not kept. */
  private async reported(uri: vscode.Uri): Promise<AnalysisView | undefined> {
    const state = this.states.get(uri.toString());
    if (!state?.parked) return this.shown(uri);
    return analyzeAsync(this.currentEngine, state.document.getText(), { language: this.host.settings(uri).language }, yieldToHost);
  }

  /** What the document's snapshot was made from: the complete analysis, or the visible window's. */
  private shown(uri: vscode.Uri): AnalysisView | undefined {
    const state = this.states.get(uri.toString());
    return state && (state.parked ? this.restore(state) : (state.analysis ?? state.preview));
  }

  /** A parked document's analysis, made again from its text (the same text: an edit unparks it at once). */
  private restore(state: DocState): DocumentAnalysis {
    if (state.analysis) return state.analysis;
    const analysis = this.currentEngine.analyze(state.document.getText(), { language: this.host.settings(state.document.uri).language });
    if (this.states.get(state.document.uri.toString()) === state && state.parked) {
      state.analysis = analysis;
      state.parked = false;
    }
    return analysis;
  }

  /**
   * Keeps the analyses of hidden documents within HIDDEN_TEXT_BUDGET, the most recently shown first, and parks the
   * rest: their analysis, text and section tallies are let go, and their snapshot keeps the totals the views list.
   */
  private parkHidden(): void {
    const hidden: DocState[] = [];
    for (const state of this.states.values()) {
      if (state.parked || !state.analysis || state.running || state.timer !== undefined || state.dirty) continue;
      if (this.host.visibleRange(state.document) === undefined) hidden.push(state);
      else state.shown = ++this.clock;
    }
    hidden.sort((a, b) => b.shown - a.shown);
    let budget = this.hiddenTextBudget;
    hidden.forEach((state, i) => {
      const length = state.analysis?.text().length ?? 0;
      if (i === 0 || length <= budget) budget -= length;
      else this.park(state);
    });
  }

  private park(state: DocState): void {
    const stored = state.stored;
    state.analysis = undefined;
    state.preview = undefined;
    state.parked = true;
    // A restored document keeps the snapshot it was parked with: reading its sections again would analyse it again.
    if (stored && !PARKED.has(stored)) state.stored = parkedSnapshot(stored, state.document, () => this.restore(state));
  }

  dispose(): void {
    for (const state of this.states.values()) clearTimeout(state.timer);
    this.states.clear();
    for (const d of this.disposables) d.dispose();
    this.settle();
  }

  private isIdle(key: string | undefined): boolean {
    const busy = (state: DocState | undefined): boolean => state !== undefined && (state.timer !== undefined || state.running);
    if (key !== undefined) return !busy(this.states.get(key));
    for (const state of this.states.values()) if (busy(state)) return false;
    return true;
  }

  /** Releases the callers whose document (or all documents) became idle. */
  private settle(): void {
    if (this.idleWaiters.length === 0) return;
    const waiting = this.idleWaiters;
    this.idleWaiters = waiting.filter((w) => !this.isIdle(w.uri));
    for (const w of waiting) if (this.isIdle(w.uri)) w.resolve();
  }

  private refresh(document: StoreDocument): void {
    const key = document.uri.toString();
    if (!this.isSupported(document)) {
      this.drop(document.uri);
      return;
    }
    if (this.states.has(key)) return;
    const text = document.getText();
    const forced = this.forced.has(key);
    if (text.indexOf('\0') !== -1) {
      this.skip(document.uri, 'binary', text);
      return;
    }
    const limitKB = this.host.settings(document.uri).maxFileSizeKB;
    if (!forced && limitKB > 0 && Buffer.byteLength(text, 'utf8') > limitKB * 1024) {
      this.skip(document.uri, 'tooLarge', text);
      return;
    }
    this.skipped.delete(key);
    const state: DocState = {
      document,
      analysis: undefined,
      preview: undefined,
      version: document.version,
      complete: false,
      dirty: undefined,
      timer: undefined,
      generation: 0,
      running: false,
      stored: undefined,
      shown: ++this.clock,
      parked: false,
    };
    this.states.set(key, state);
    if (text.length <= PROGRESSIVE_THRESHOLD) {
      state.analysis = this.currentEngine.analyze(text, { language: this.host.settings(document.uri).language });
      state.complete = true;
      this.publish(document, state);
    } else {
      this.analyzeProgressively(document, state, text);
    }
  }

  private skip(uri: vscode.Uri, reason: SkipReason, text: string): void {
    const key = uri.toString();
    const had = this.states.has(key);
    this.removeState(key);
    this.skipped.set(key, reason);
    if (had) this.changeEmitter.fire(uri);
    this.skipEmitter.fire({ uri, reason, sizeKB: Math.round(Buffer.byteLength(text, 'utf8') / 1024) });
    this.settle();
  }

  /** First the window around what the user sees (so highlights appear at once), then the whole text in slices. */
  private analyzeProgressively(document: StoreDocument, state: DocState, text: string): void {
    const language = this.host.settings(document.uri).language;
    const generation = ++state.generation;
    state.running = true;
    state.complete = false;
    state.version = document.version;
    state.dirty = undefined;
    this.preview(document, state, text);
    this.publish(document, state);
    analyzeAsync(this.currentEngine, text, { language }, yieldToHost).then(
      (analysis) => {
        if (this.states.get(document.uri.toString()) !== state || state.generation !== generation) return;
        state.running = false;
        state.analysis = analysis;
        state.preview = undefined;
        state.complete = true;
        this.catchUp(document, state);
        this.publish(document, state);
      },
      (err: unknown) => {
        if (state.generation === generation) state.running = false;
        console.error('Policy Lens: analysis failed', err);
        this.settle();
      },
    );
  }

  private preview(document: StoreDocument, state: DocState, text: string): void {
    const { start, end } = visibleWindow(this.host.visibleRange(document), text);
    const window = this.currentEngine.analyze(text.slice(start, end), { language: this.host.settings(document.uri).language });
    state.preview = new WindowAnalysis(text, start, end, new LineIndex(text).positionAt(start).line, window);
  }

  /** While a long document is still being analysed, scrolling past the previewed window previews the new one. */
  private onScroll(document: StoreDocument): void {
    const state = this.states.get(document.uri.toString());
    const range = this.host.visibleRange(document);
    if (state && range) state.shown = ++this.clock;
    if (state?.parked && range) {
      this.reanalyze(document);
      return;
    }
    this.parkHidden();
    if (!state?.running || !state.preview || !range || state.version !== document.version) return;
    if (state.preview.covers(range.start, range.end)) return;
    this.preview(document, state, state.preview.text());
    this.publish(document, state);
  }

  private onEdit(document: StoreDocument, changes: readonly TextChange[]): void {
    if (changes.length === 0) return;
    const state = this.states.get(document.uri.toString());
    if (!state) return;
    if (state.parked) {
      this.reanalyze(document);
      return;
    }
    const base = state.running ? undefined : state.analysis?.text();
    const text = base === undefined ? undefined : regionText(base, state.dirty, changes);
    state.dirty = { ...mergeChanges(state.dirty, changes), text };
    if (state.running) return; // the running analysis catches up with these edits when it finishes
    clearTimeout(state.timer);
    state.timer = setTimeout(() => {
      state.timer = undefined;
      if (this.states.get(document.uri.toString()) !== state || document.isClosed) {
        this.settle();
        return;
      }
      this.catchUp(document, state);
      this.publish(document, state);
    }, this.host.settings(document.uri).debounceMs);
  }

  /** Applies the edits made since the analysis' text as one replacement, bringing it to the document's version. */
  private catchUp(document: StoreDocument, state: DocState): void {
    const dirty = state.dirty;
    state.dirty = undefined;
    state.version = document.version;
    if (!dirty || !state.analysis) return;
    const text = dirty.text === undefined ? document.getText() : spliceRegion(state.analysis.text(), { ...dirty, text: dirty.text });
    state.analysis.applyEdit(dirty.start, dirty.endNow - dirty.delta, text);
  }

  private publish(document: StoreDocument, state: DocState): void {
    const shown = state.analysis ?? state.preview;
    if (shown) {
      state.stored = Object.freeze({
        uri: document.uri,
        version: state.version,
        languageId: document.languageId,
        text: shown.text(),
        tally: shown.tally(),
        complete: state.complete,
      });
    }
    this.changeEmitter.fire(document.uri);
    this.settle();
    this.parkHidden();
  }

  /** Analyses a parked document again from its text, as when it was opened (the visible window first if it is long). */
  private reanalyze(document: StoreDocument): void {
    this.removeState(document.uri.toString());
    this.refresh(document);
  }

  private removeState(key: string): void {
    const state = this.states.get(key);
    if (!state) return;
    clearTimeout(state.timer);
    state.generation++;
    state.running = false;
    this.states.delete(key);
  }

  private drop(uri: vscode.Uri): void {
    const key = uri.toString();
    this.skipped.delete(key);
    if (!this.states.has(key)) return;
    this.removeState(key);
    this.changeEmitter.fire(uri);
    this.settle();
  }
}

/** Lets the extension host handle other events between slices of a long analysis. */
function yieldToHost(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * Folds one change event into the pending region. The changes of one event all refer to the text before it,
 * so they become one replacement from the smallest start to the largest old end.
 */
export function mergeChanges(dirty: Dirty | undefined, changes: readonly TextChange[]): Dirty {
  let start = Infinity;
  let oldEnd = -Infinity;
  let delta = 0;
  for (const c of changes) {
    start = Math.min(start, c.rangeOffset);
    oldEnd = Math.max(oldEnd, c.rangeOffset + c.rangeLength);
    delta += c.text.length - c.rangeLength;
  }
  if (!dirty) return { start, endNow: oldEnd + delta, delta };
  return {
    start: Math.min(dirty.start, start),
    endNow: Math.max(dirty.endNow, oldEnd) + delta,
    delta: dirty.delta + delta,
  };
}

/** The standing of every term in `wanted` (keys `category\u0000term`) among `matches`, counted ones only. */
export function termStandings(matches: readonly Match[], wanted: ReadonlySet<string>): Map<string, TermStanding> {
  const standings = new Map<string, TermStanding>();
  const categories = new Set([...wanted].map((key) => key.slice(0, key.indexOf('\u0000'))));
  for (const m of matches) {
    if (m.negated || !categories.has(m.category)) continue;
    const key = `${m.category}\u0000${matchTerm(m)}`;
    if (!wanted.has(key)) continue;
    const standing = standings.get(key);
    // Thousandths, so that sums of 0.5s and 1.5s compare exactly.
    const weight = Math.round(m.weight * 1000);
    if (standing) standing.weight += weight;
    else standings.set(key, { weight, first: m.start });
  }
  return standings;
}

/** The visible range (or the top of the text), widened and snapped to line breaks. */
function visibleWindow(visible: { start: number; end: number } | undefined, text: string): { start: number; end: number } {
  const start = Math.max(0, (visible?.start ?? 0) - WINDOW_MARGIN);
  const end = Math.min(text.length, (visible?.end ?? 0) + WINDOW_MARGIN);
  const before = text.lastIndexOf('\n', start);
  const after = text.indexOf('\n', end);
  return { start: before === -1 ? 0 : before + 1, end: after === -1 ? text.length : after };
}

/**
 * A parked document's snapshot: the same fields, but its text is read from the document and its sections from an
 * analysis made again, when (rarely: views read them of the documents editors show) someone asks.
 */
function parkedSnapshot(stored: StoredAnalysis, document: StoreDocument, restore: () => AnalysisView): StoredAnalysis {
  const { sections: _, ...totals } = stored.tally;
  const tally: Tally = Object.defineProperty({ ...totals, sections: [] }, 'sections', { get: () => restore().tally().sections, enumerable: true });
  const snapshot: StoredAnalysis = Object.freeze({
    uri: stored.uri,
    version: stored.version,
    languageId: stored.languageId,
    get text(): string {
      return document.getText();
    },
    tally: Object.freeze(tally),
    complete: stored.complete,
  });
  PARKED.add(snapshot);
  return snapshot;
}

/** The snapshots of parked documents. */
const PARKED = new WeakSet<StoredAnalysis>();

/** The engine's categories as plain frozen data, for views. */
function frozenCategories(engine: Engine): readonly Category[] {
  return Object.freeze(engine.categories.map((c) => Object.freeze({ ...c })));
}
