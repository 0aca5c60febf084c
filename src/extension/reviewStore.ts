// The review store, beside the analysis store: each workspace folder's `.policylens/annotations.json` (reviews,
// manual codes, memos), anchored in the open documents as they are edited, and written back atomically after
// re-reading and merging what other windows wrote. Views read plain snapshots; only this module and the analysis
// store call the core.
import * as os from 'node:os';
import * as vscode from 'vscode';
import { CodebookCode, codePolarity, parseCodebook } from '../core/codebook';
import { csvExport, InteropDocument, refiDocuments, w3cExport } from '../core/interopExport';
import { comparePaths } from '../core/pathOrder';
import { codebookXml, refiProjectName } from '../core/refiQda';
import { qdpxArchive } from '../node/qdpxArchive';
import type { Match } from '../core/types';
import {
  AnnotationCollection,
  AnnotationStoreError,
  applyChanges,
  emptyCollection,
  parseCollection,
  ReviewScope,
  ReviewValue,
  serializeCollection,
  StoreChange,
  StoreGenerator,
  WebAnnotation,
} from '../core/webAnnotation';
import {
  entryReviewCounts,
  EntryReviewCount,
  OrphanReview,
  placeReview,
  PlacedNote,
  ReviewedFigures,
  reviewedFigures,
  reviewedItems,
  unreviewedEntryCounts,
  ReviewVerdict,
  workspaceVerdicts,
} from '../core/webAnnotationReview';
import type { EntryReview } from '../core/webAnnotationReport';
import { selectorsFor, shiftOffset } from '../core/webAnnotationSelectors';
import { GENERATOR } from '../node/generator';
import { writeReport } from './reportWriter';
import { readSettings } from './settings';
import { t } from './l10n';
import type { AnalysisStore } from './store';

export type { CodebookCode, EntryReviewCount, OrphanReview, PlacedNote, ReviewedFigures, ReviewVerdict };

/** The interchange formats of exportDocuments. */
export type InteropFormat = 'csv' | 'csv-sections' | 'w3c' | 'qdpx' | 'qdc';

export const STORE_PATH = '.policylens/annotations.json';
const CODEBOOK_PATH = '.policylens/codebook.json';
/** The command that asks before replacing a malformed store (registered with the review commands). */
export const OVERWRITE_STORE_COMMAND = 'policyLens.overwriteAnnotationStore';

const STORE_GENERATOR: StoreGenerator = { type: 'Software', name: GENERATOR.name, version: GENERATOR.version };

/** The state of one folder's store file, for notices and the sidebar. */
export interface StoreStatus {
  readonly file: vscode.Uri;
  /** `file:line:column: problem` while the file is malformed (then it is never written). */
  readonly problem: string | null;
  /** Written by a newer version: read, never written. */
  readonly readOnly: boolean;
  /** Changes made here that are not on disk yet (untrusted workspace, malformed or read-only store). */
  readonly unsaved: number;
}

/** What views read about one document: plain data, recomputed when the analysis or the store changes. */
export interface ReviewSnapshot {
  readonly uri: vscode.Uri;
  readonly version: number;
  /** The document's path relative to its workspace folder. */
  readonly source: string;
  /**
   * The analysis's matches and, parallel to them, their verdicts. Both are made when first read (a long document has
   * tens of thousands), so read them in the task that took the snapshot.
   */
  readonly matches: readonly Match[];
  readonly verdicts: readonly (ReviewVerdict | null)[];
  /** One match's verdict, without making every match. */
  verdictOf(match: Match): ReviewVerdict | null;
  /** False when every verdict is null (no review of this document's spans, none workspace-wide). */
  readonly hasVerdicts: boolean;
  /** The first `limit` counted matches, each with its verdict. */
  firstCounted(limit: number): { match: Match; verdict: ReviewVerdict | null }[];
  /** How many matches are counted, and how many of them no one has reviewed. */
  readonly counted: { total: number; open: number };
  readonly notes: readonly PlacedNote[];
  readonly orphanReviews: readonly OrphanReview[];
  readonly entries: readonly EntryReviewCount[];
  /** As reviewed (rejections removed, manual codes added); null when nothing in the store applies. */
  readonly reviewed: ReviewedFigures | null;
  readonly status: StoreStatus;
}

/** What the commands pass to identify a match. */
export interface MatchRef {
  start: number;
  end: number;
  entry: string;
  category: string;
}

interface FolderStore {
  readonly folder: vscode.WorkspaceFolder;
  readonly file: vscode.Uri;
  collection: AnnotationCollection;
  problem: AnnotationStoreError | null;
  readOnly: boolean;
  /** Changes not yet written: replayed onto the file as it is when written. */
  pending: StoreChange[];
  codebook: CodebookCode[];
  /** The store and codebook files as last read (modification time and size), to notice a change no watcher reported. */
  stamp: string;
}

export class ReviewStore implements vscode.Disposable {
  private readonly changeEmitter = new vscode.EventEmitter<void>();
  /** Fires when the store or any document's review changed. */
  readonly onDidChange: vscode.Event<void> = this.changeEmitter.event;
  private readonly folders = new Map<string, FolderStore>();
  /** Per document, where each annotation stood at the last snapshot, carried through the edits since. */
  private readonly hints = new Map<string, Map<string, number>>();
  private readonly cache = new Map<string, { stored: object; generation: number; snapshot: ReviewSnapshot }>();
  private generation = 0;
  private writing: Promise<void> = Promise.resolve();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly noticed = new Set<string>();
  private loading: Promise<void>;

  constructor(
    private readonly analyses: AnalysisStore,
    private readonly notices: string[],
  ) {
    this.disposables.push(
      this.changeEmitter,
      analyses.onDidChange(() => this.changeEmitter.fire()),
      vscode.workspace.onDidChangeTextDocument((e) => this.onEdit(e)),
      vscode.workspace.onDidCloseTextDocument((d) => {
        this.hints.delete(d.uri.toString());
        this.cache.delete(d.uri.toString());
      }),
      vscode.workspace.onDidSaveTextDocument((d) => void this.persistAnchors(d)),
      vscode.workspace.onDidOpenTextDocument((d) => void this.reloadIfChanged(d.uri)),
      vscode.workspace.onDidChangeWorkspaceFolders(() => void this.reloadAll()),
      vscode.workspace.onDidGrantWorkspaceTrust(() => void this.flushAll()),
    );
    const watcher = vscode.workspace.createFileSystemWatcher('**/.policylens/*.json');
    const reload = (uri: vscode.Uri): void => {
      const folder = vscode.workspace.getWorkspaceFolder(uri);
      // Once the user has fixed a malformed store, the changes kept in this window are written.
      if (folder) void this.reload(folder).then(() => this.flushPending(folder));
    };
    this.disposables.push(watcher, watcher.onDidChange(reload), watcher.onDidCreate(reload), watcher.onDidDelete(reload));
    this.loading = this.reloadAll();
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }

  /** Resolves when loading and writing are done. */
  async whenIdle(): Promise<void> {
    await this.loading;
    await this.writing;
  }

  status(folder: vscode.WorkspaceFolder): StoreStatus | undefined {
    const store = this.folders.get(folder.uri.toString());
    return store && statusOf(store);
  }

  codebook(uri: vscode.Uri): readonly CodebookCode[] {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    return (folder && this.folders.get(folder.uri.toString())?.codebook) ?? [];
  }

  /** The document's review, or undefined when it is not analysed, outside a folder, or being re-analysed. */
  snapshot(document: vscode.TextDocument): ReviewSnapshot | undefined {
    const stored = this.analyses.get(document.uri);
    const folder = vscode.workspace.getWorkspaceFolder(document.uri);
    if (!stored || !folder || !stored.complete || stored.version !== document.version) return undefined;
    const store = this.folders.get(folder.uri.toString());
    if (!store) return undefined;
    const uriKey = document.uri.toString();
    const cached = this.cache.get(uriKey);
    if (cached && cached.stored === stored && cached.generation === this.generation) return cached.snapshot;
    const source = relativeSource(folder, document.uri);
    const uri = document.uri;
    const analyses = this.analyses;
    const collection = this.live(store);
    const polarity = codePolarity(analyses.categories, store.codebook);
    const placed = placeReview(stored.text, source, collection, polarity, workspaceVerdicts(collection), this.hints.get(uriKey));
    this.hints.set(uriKey, placed.anchored);
    // What every match needs is made only when read: with nothing reviewed, an update of a long document costs no
    // pass over its matches.
    let matches: readonly Match[] | undefined;
    let verdicts: readonly (ReviewVerdict | null)[] | undefined;
    let entries: readonly EntryReviewCount[] | undefined;
    let counted: { total: number; open: number } | undefined;
    // With nothing reviewed, the per-entry counts come from the packed annotations.
    const unreviewed = placed.hasVerdicts ? null : analyses.entryCounts(uri);
    const reviewedCounted = (): { match: Match; verdict: ReviewVerdict | null }[] => {
      const verdictsNow = allVerdicts();
      return allMatches()
        .map((match, i) => ({ match, verdict: verdictsNow[i] }))
        .filter(({ match }) => !match.negated);
    };
    const allMatches = (): readonly Match[] => (matches ??= analyses.matches(uri));
    const allVerdicts = (): readonly (ReviewVerdict | null)[] =>
      (verdicts ??= placed.hasVerdicts ? allMatches().map(placed.verdictOf) : new Array<null>(analyses.matchCount(uri)).fill(null));
    const reviewed =
      placed.notes.length > 0 || placed.orphanReviews.length > 0 || (placed.hasVerdicts && allVerdicts().some((v) => v !== null))
        ? reviewedFigures(
            reviewedItems(allMatches(), { verdicts: allVerdicts(), notes: placed.notes }),
            stored.tally.words,
            stored.tally.units.sentences,
          )
        : null;
    const snapshot: ReviewSnapshot = {
      uri,
      version: stored.version,
      source,
      get matches() {
        return allMatches();
      },
      get verdicts() {
        return allVerdicts();
      },
      verdictOf: placed.verdictOf,
      hasVerdicts: placed.hasVerdicts,
      notes: placed.notes,
      orphanReviews: placed.orphanReviews,
      firstCounted: (limit) =>
        unreviewed ? analyses.firstCounted(uri, limit).map((match) => ({ match, verdict: null })) : reviewedCounted().slice(0, limit),
      get counted() {
        if (!counted) {
          if (unreviewed) {
            let total = 0;
            for (const n of unreviewed.values()) total += n;
            counted = { total, open: total };
          } else {
            const all = reviewedCounted();
            counted = { total: all.length, open: all.filter(({ verdict }) => verdict === null).length };
          }
        }
        return counted;
      },
      get entries() {
        return (entries ??= unreviewed ? unreviewedEntryCounts(unreviewed) : entryReviewCounts(allMatches(), allVerdicts()));
      },
      reviewed,
      status: statusOf(store),
    };
    this.cache.set(uriKey, { stored, generation: this.generation, snapshot });
    return snapshot;
  }

  /**
   * How a document's report is reviewed against its folder's store, as the CLI's `--annotations` reviews it: the
   * store, the document's source in it, the codes' polarities, and where the editor carried the anchors through edits
   * when `text` is the open document's text. Null (nothing reviewed) outside a workspace folder. Call after `whenIdle()`.
   */
  entryReview(uri: vscode.Uri, text: string): EntryReview | null {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    const store = folder && this.folders.get(folder.uri.toString());
    if (!folder || !store) return null;
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    const hints = open && open.getText() === text ? this.hints.get(uri.toString()) : undefined;
    return { collection: this.live(store), source: relativeSource(folder, uri), codePolarity: codePolarity(this.analyses.categories, store.codebook), hints };
  }

  /**
   * Analysed open documents in an interchange format, the CLI's bytes for the same files (each with the name the CLI
   * gives it; put in the CLI's path order here): CSV rows per document or section, one W3C annotation collection, or a
   * REFI-QDA project; `qdc` is the codebook of the categories alone. Documents not yet analysed are left out.
   */
  exportDocuments(format: InteropFormat, documents: ReadonlyArray<{ document: vscode.TextDocument; source: string }>): { data: string | Buffer; documents: number } {
    const categories = this.analyses.categories;
    const lexicon = this.analyses.lexiconInfo;
    const software = `${GENERATOR.name} ${GENERATOR.version}`;
    if (format === 'qdc') return { data: codebookXml(categories, `${software}, lexicons ${lexicon.name} ${lexicon.version} (sha256 ${lexicon.sha256})`), documents: 0 };
    const inputs = [...documents]
      .sort((a, b) => comparePaths(a.source, b.source))
      .map((d) => this.interopDocument(d.document, d.source))
      .filter((d): d is InteropDocument => d !== undefined);
    const data =
      format === 'w3c'
        ? w3cExport(inputs, GENERATOR)
        : format === 'qdpx'
          ? qdpxArchive(refiProjectName(lexicon), software, categories, refiDocuments(inputs, categories, software))
          : csvExport(format === 'csv' ? 'documents' : 'sections', categories, inputs);
    return { data, documents: inputs.length };
  }

  private interopDocument(document: vscode.TextDocument, source: string): InteropDocument | undefined {
    const stored = this.analyses.get(document.uri);
    if (!stored || !stored.complete || stored.version !== document.version) return undefined;
    const folder = vscode.workspace.getWorkspaceFolder(document.uri);
    const store = folder && this.folders.get(folder.uri.toString());
    const storeSource = folder ? relativeSource(folder, document.uri) : source;
    const snapshot = this.snapshot(document);
    return {
      source,
      text: stored.text,
      tally: stored.tally,
      matches: this.analyses.matches(document.uri),
      review: snapshot ? { verdicts: snapshot.verdicts, notes: snapshot.notes } : null,
      stored: store ? this.live(store).first.items.filter((a) => a.target.source === storeSource) : [],
      storeSource,
    };
  }

  /** Rejected match spans and anchored notes, for the decorator. */
  marks(document: vscode.TextDocument): { rejected: { start: number; end: number }[]; manual: { start: number; end: number }[] } | undefined {
    const snapshot = this.snapshot(document);
    if (!snapshot) return undefined;
    return {
      rejected: snapshot.hasVerdicts ? snapshot.matches.filter((_, i) => snapshot.verdicts[i]?.value === 'rejected').map((m) => ({ start: m.start, end: m.end })) : [],
      manual: snapshot.notes.filter((n) => n.status !== 'orphan').map((n) => ({ start: n.start, end: n.end })),
    };
  }

  /** Records a verdict on a match; returns the annotation id. */
  async review(document: vscode.TextDocument, match: MatchRef, value: ReviewValue, scope: ReviewScope, reason: string | null): Promise<string | undefined> {
    const snapshot = this.snapshot(document);
    const previous = snapshot && this.findReview(snapshot, match, scope);
    const body: WebAnnotation['body'] = [{ type: 'TextualBody', purpose: 'assessing', value, entry: match.entry, category: match.category, scope }];
    if (reason) body.push({ type: 'TextualBody', purpose: 'commenting', value: reason });
    return this.put(document, match.start, match.end, 'assessing', body, previous);
  }

  /** Removes this match's own verdict (not a workspace-wide one). */
  async clearReview(document: vscode.TextDocument, match: MatchRef): Promise<boolean> {
    const snapshot = this.snapshot(document);
    const previous = snapshot && this.findReview(snapshot, match, 'here');
    if (!previous) return false;
    await this.change(document.uri, [{ kind: 'delete', id: previous.id }]);
    return true;
  }

  /** Codes `[start, end)` with a category or codebook code, with an optional memo; returns the annotation id. */
  code(document: vscode.TextDocument, start: number, end: number, code: string, memo: string | null): Promise<string | undefined> {
    const body: WebAnnotation['body'] = [{ type: 'TextualBody', purpose: 'classifying', value: code }];
    if (memo) body.push({ type: 'TextualBody', purpose: 'commenting', value: memo });
    return this.put(document, start, end, 'classifying', body, undefined);
  }

  memo(document: vscode.TextDocument, start: number, end: number, memo: string): Promise<string | undefined> {
    return this.put(document, start, end, 'commenting', [{ type: 'TextualBody', purpose: 'commenting', value: memo }], undefined);
  }

  async remove(uri: vscode.Uri, id: string): Promise<void> {
    await this.change(uri, [{ kind: 'delete', id }]);
  }

  /** Reads every folder's store again (after a trust grant or a folder change). */
  async reloadAll(): Promise<void> {
    const current = new Set<string>();
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      current.add(folder.uri.toString());
      await this.reload(folder);
    }
    for (const key of [...this.folders.keys()]) if (!current.has(key)) this.folders.delete(key);
  }

  private findReview(snapshot: ReviewSnapshot, match: MatchRef, scope: ReviewScope): ReviewVerdict | undefined {
    const found = this.analyses
      .matchesInRange(snapshot.uri, match.start, match.end)
      .find((m) => m.start === match.start && m.end === match.end && m.entry === match.entry && m.category === match.category);
    const verdict = found ? snapshot.verdictOf(found) : null;
    return verdict && verdict.scope === scope ? verdict : undefined;
  }

  private async put(
    document: vscode.TextDocument,
    start: number,
    end: number,
    motivation: WebAnnotation['motivation'],
    body: WebAnnotation['body'],
    previous: ReviewVerdict | undefined,
  ): Promise<string | undefined> {
    const folder = vscode.workspace.getWorkspaceFolder(document.uri);
    if (!folder) {
      this.notice('Policy Lens: reviews and codes are kept per workspace folder; open a folder holding this document.');
      return undefined;
    }
    const text = document.getText();
    const now = new Date().toISOString();
    const existing = previous && this.live(this.folders.get(folder.uri.toString()) as FolderStore).first.items.find((a) => a.id === previous.id);
    const annotation: WebAnnotation = {
      id: existing?.id ?? `urn:uuid:${crypto.randomUUID()}`,
      type: 'Annotation',
      motivation,
      creator: { type: 'Person', name: reviewerName() },
      created: existing?.created ?? now,
      modified: now,
      body,
      target: { source: relativeSource(folder, document.uri), selector: selectorsFor(text, start, end) },
    };
    await this.change(document.uri, [{ kind: 'put', annotation }]);
    return annotation.id;
  }

  /** Applies changes in memory at once, then writes them (re-read, merge, atomic replace) when allowed. */
  private async change(uri: vscode.Uri, changes: StoreChange[]): Promise<void> {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    await this.loading;
    const store = folder && this.folders.get(folder.uri.toString());
    if (!store) return;
    store.pending.push(...changes);
    this.bump();
    await this.flush(store);
  }

  /**
   * Replaces a malformed store, after the user confirmed: the file as it is now is first copied beside it
   * (`backup`, never over an existing file), then the store is written atomically with this window's changes.
   * Returns what happened; nothing is replaced when the file can be read again (then the changes are merged into
   * it as usual) or is not malformed.
   */
  overwriteMalformed(folder: vscode.WorkspaceFolder, backup: vscode.Uri): Promise<'replaced' | 'merged' | 'unchanged'> {
    const run = async (): Promise<'replaced' | 'merged' | 'unchanged'> => {
      await this.loading;
      const store = this.folders.get(folder.uri.toString());
      if (!store) return 'unchanged';
      await this.reload(folder);
      if (!store.problem) {
        if (store.pending.length === 0) return 'unchanged';
        await this.write(store);
        return 'merged';
      }
      await vscode.workspace.fs.copy(store.file, backup, { overwrite: false });
      const replaced = applyChanges(emptyCollection(STORE_GENERATOR), store.pending, STORE_GENERATOR);
      await writeReport(store.file, serializeCollection(replaced));
      store.collection = replaced;
      store.problem = null;
      store.pending = [];
      this.bump();
      return 'replaced';
    };
    const result = this.writing.then(run);
    this.writing = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }

  private flushPending(folder: vscode.WorkspaceFolder): Promise<void> {
    const store = this.folders.get(folder.uri.toString());
    return store && store.pending.length > 0 && !store.problem && !store.readOnly ? this.flush(store) : Promise.resolve();
  }

  private flushAll(): Promise<void> {
    return Promise.all([...this.folders.values()].map((s) => this.flush(s))).then(() => undefined);
  }

  private flush(store: FolderStore): Promise<void> {
    this.writing = this.writing.then(() => this.write(store)).catch((err: unknown) => {
      this.notice(`Policy Lens: could not write ${store.file.fsPath}: ${err instanceof Error ? err.message : String(err)}. Your changes are kept in this window.`);
    });
    return this.writing;
  }

  private async write(store: FolderStore): Promise<void> {
    if (store.pending.length === 0) return;
    if (!vscode.workspace.isTrusted) {
      this.notice(t('Policy Lens: this workspace is not trusted, so {0} is read but not written. Your reviews and codes are kept in this window until you trust the workspace.', STORE_PATH));
      return;
    }
    // Re-read, so another window's writes since our last read are merged, not lost.
    await this.reload(store.folder);
    if (store.problem) {
      this.notice(
        t('Policy Lens: {0}. {1} is not written until it is fixed or you confirm overwriting it; your changes are kept in this window.', store.problem.message, STORE_PATH),
        { title: t('Overwrite…'), command: OVERWRITE_STORE_COMMAND, arguments: [{ uri: store.folder.uri.toString() }] },
      );
      return;
    }
    if (store.readOnly) {
      this.notice(t('Policy Lens: {0} was written by a newer version of Policy Lens; it is read-only here. Your changes are kept in this window.', STORE_PATH));
      return;
    }
    const merged = applyChanges(store.collection, store.pending, STORE_GENERATOR);
    await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(store.folder.uri, '.policylens'));
    await writeReport(store.file, serializeCollection(merged));
    store.collection = merged;
    store.pending = [];
    this.bump();
  }

  /**
   * Reads the folder's store again when its files changed since they were read: a file watcher can miss a change
   * (a folder created and written at once, a network drive), and a document opened now should see what is there.
   */
  private async reloadIfChanged(uri: vscode.Uri): Promise<void> {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    const store = folder && this.folders.get(folder.uri.toString());
    if (!folder || !store || (await filesStamp(folder)) === store.stamp) return;
    await this.reload(folder);
    await this.flushPending(folder);
  }

  private async reload(folder: vscode.WorkspaceFolder): Promise<void> {
    const key = folder.uri.toString();
    const file = vscode.Uri.joinPath(folder.uri, STORE_PATH);
    const store: FolderStore = this.folders.get(key) ?? { folder, file, collection: emptyCollection(STORE_GENERATOR), problem: null, readOnly: false, pending: [], codebook: [], stamp: '' };
    this.folders.set(key, store);
    store.stamp = await filesStamp(folder);
    const text = await readText(file);
    if (text === undefined) {
      store.collection = emptyCollection(STORE_GENERATOR);
      store.problem = null;
      store.readOnly = false;
    } else {
      try {
        const parsed = parseCollection(text, file.fsPath);
        store.collection = parsed.collection;
        store.problem = null;
        store.readOnly = parsed.readOnly;
        if (parsed.readOnly) this.notice(`Policy Lens: ${STORE_PATH} was written by a newer version (store version ${parsed.collection.version}); it is shown but not written.`);
      } catch (err) {
        if (!(err instanceof AnnotationStoreError)) throw err;
        store.problem = err;
        this.notice(`Policy Lens: ${err.message}. The annotation store is not written until it is fixed.`);
      }
    }
    store.codebook = parseCodebook(await readText(vscode.Uri.joinPath(folder.uri, CODEBOOK_PATH)));
    this.bump();
  }

  /** On save, stored positions and context follow the text, so the next session anchors from where they are now. */
  private async persistAnchors(document: vscode.TextDocument): Promise<void> {
    const snapshot = this.snapshot(document);
    const folder = vscode.workspace.getWorkspaceFolder(document.uri);
    const store = folder && this.folders.get(folder.uri.toString());
    const hints = this.hints.get(document.uri.toString());
    if (!snapshot || !store || !hints || store.problem || store.readOnly || !vscode.workspace.isTrusted) return;
    const text = document.getText();
    const changes: StoreChange[] = [];
    for (const a of this.live(store).first.items) {
      if (a.target.source !== snapshot.source) continue;
      const start = hints.get(a.id);
      if (start === undefined) continue;
      const [quote, position] = a.target.selector;
      const selector = selectorsFor(text, start, start + quote.exact.length);
      if (position.start === start && selector[0].prefix === quote.prefix && selector[0].suffix === quote.suffix) continue;
      changes.push({ kind: 'put', annotation: { ...a, target: { source: a.target.source, selector } } });
    }
    if (changes.length > 0) await this.change(document.uri, changes);
  }

  private onEdit(e: vscode.TextDocumentChangeEvent): void {
    const hints = this.hints.get(e.document.uri.toString());
    if (!hints || e.contentChanges.length === 0) return;
    for (const change of e.contentChanges) {
      const start = change.rangeOffset;
      const oldEnd = start + change.rangeLength;
      for (const [id, offset] of hints) hints.set(id, shiftOffset(offset, start, oldEnd, change.text.length));
    }
  }

  /** The collection with this window's unwritten changes applied. */
  private live(store: FolderStore): AnnotationCollection {
    return store.pending.length === 0 ? store.collection : applyChanges(store.collection, store.pending, STORE_GENERATOR);
  }

  private bump(): void {
    this.generation++;
    this.changeEmitter.fire();
  }

  private notice(message: string, action?: vscode.Command): void {
    this.notices.push(message);
    if (this.noticed.has(message)) return;
    this.noticed.add(message);
    if (!action) {
      void vscode.window.showWarningMessage(message);
      return;
    }
    void vscode.window.showWarningMessage(message, action.title).then((picked) => {
      if (picked === action.title) void vscode.commands.executeCommand(action.command, ...(action.arguments ?? []));
    });
  }
}

function statusOf(store: FolderStore): StoreStatus {
  return { file: store.file, problem: store.problem?.message ?? null, readOnly: store.readOnly, unsaved: store.pending.length };
}

/** The document's path relative to its folder, with `/`. */
function relativeSource(folder: vscode.WorkspaceFolder, uri: vscode.Uri): string {
  const base = folder.uri.path.endsWith('/') ? folder.uri.path : `${folder.uri.path}/`;
  return uri.path.startsWith(base) ? decodeURIComponent(uri.path.slice(base.length)) : uri.path.replace(/^\/+/, '');
}

function reviewerName(): string {
  const configured = readSettings().reviewerName;
  if (configured) return configured;
  try {
    return os.userInfo().username || 'unknown';
  } catch {
    return 'unknown';
  }
}

/** The modification times and sizes of a folder's store and codebook files ('-' for one that is missing). */
async function filesStamp(folder: vscode.WorkspaceFolder): Promise<string> {
  const stamps = await Promise.all(
    [STORE_PATH, CODEBOOK_PATH].map(async (relative) => {
      try {
        const stat = await vscode.workspace.fs.stat(vscode.Uri.joinPath(folder.uri, relative));
        return `${stat.mtime}:${stat.size}`;
      } catch {
        return '-';
      }
    }),
  );
  return stamps.join(' ');
}

async function readText(uri: vscode.Uri): Promise<string | undefined> {
  try {
    return new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return undefined;
  }
}
