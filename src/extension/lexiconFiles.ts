// Builds the engine from the built-in lexicons plus the user's extra lexicon files (trusted workspaces only),
// reporting malformed files with their position and falling back to the built-ins.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Engine } from '../core';
import type { LexiconSource } from '../core/types';
import { lexiconFileRefusal, type LexiconFileStat } from '../node/lexiconFile';
import { buildEngine, builtinSources, dictionaryFormat, importDictionary, lexiconFault, mappingFileBeside, parseLexiconFile } from './engineFactory';
import { t } from './l10n';
import { onDidChangeSettings, readSettings } from './settings';
import { describeSkipped, type SkippedLexiconFiles, type UntrustedLexiconNotice } from './trustNotice';
import { workspaceNamesLexiconFiles } from './workspaceLexiconSetting';

/** Wait after a file event before reloading, so a burst of events loads the file once. */
const RELOAD_DELAY_MS = 150;

export interface LexiconProblem {
  readonly uri: vscode.Uri | undefined;
  readonly file: string;
  /** 1-based, as LexiconError reports it. */
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

/** A lexicon that loads but has entries or definitions that are ignored, or weights that count as 0. */
export type LexiconWarning = LexiconProblem;

export interface LoadedEngine {
  readonly engine: Engine;
  /** Extra files actually loaded. */
  readonly files: readonly vscode.Uri[];
  readonly problems: readonly LexiconProblem[];
  /** Warnings of the files that loaded (the CLI prints the same ones). */
  readonly warnings: readonly LexiconWarning[];
  /** Dictionary categories (LIWC, quanteda) that their NAME.map.yml does not name: ignored, said in the log. */
  readonly unmapped: readonly string[];
  /** Files watched besides `files` and those with problems: the mappings of dictionaries. */
  readonly watchAlso: readonly vscode.Uri[];
  /** Where extra files were configured that were skipped because the workspace is not trusted; null when none were. */
  readonly skippedUntrusted: SkippedLexiconFiles | null;
}

/** Resolves a configured path: absolute, `~/…`, or relative to a workspace folder (the first where it exists). */
async function resolveLexiconPath(path: string): Promise<vscode.Uri | undefined> {
  const home = process.env.HOME ?? process.env.USERPROFILE;
  const expanded = path.startsWith('~/') && home ? home + path.slice(1) : path;
  if (/^([a-zA-Z]:)?[\\/]/.test(expanded)) return vscode.Uri.file(expanded);
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    const candidate = vscode.Uri.joinPath(folder.uri, expanded);
    if (await exists(candidate)) return candidate;
  }
  return undefined;
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

async function loadEngine(): Promise<LoadedEngine> {
  const builtins = builtinSources();
  const settings = readSettings();
  const problems: LexiconProblem[] = [];
  const extras: LexiconSource[] = [];
  const files: vscode.Uri[] = [];
  const unmapped: string[] = [];
  const watchAlso: vscode.Uri[] = [];
  const warnings: LexiconWarning[] = [];
  const warnIn =
    (uri: vscode.Uri) =>
    (warning: string): void => {
      warnings.push(toWarning(warning, uri));
    };
  const skippedUntrusted = vscode.workspace.isTrusted ? null : await skippedLexiconFiles(settings.lexiconFiles);
  // The workspace lexicons (.policylens/lexicon.json) come first, so their entries take precedence over the
  // built-in ones: a neutral entry there ignores a built-in term.
  const workspaceLexicons: LexiconSource[] = [];
  if (vscode.workspace.isTrusted) {
    const known = builtins.flatMap((l) => l.categories.map((c) => c.id));
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      const uri = vscode.Uri.joinPath(folder.uri, '.policylens', 'lexicon.json');
      if (!(await exists(uri))) continue;
      try {
        const text = await readLexiconText(uri);
        workspaceLexicons.push(parseLexiconFile(text, uri.fsPath, known, [], warnIn(uri)));
        files.push(uri);
      } catch (err) {
        problems.push(toProblem(err, uri));
      }
    }
    for (const path of settings.lexiconFiles) {
      const uri = await resolveLexiconPath(path);
      if (!uri) {
        problems.push({ uri: undefined, file: path, line: 1, column: 1, message: 'file not found' });
        continue;
      }
      if (dictionaryFormat(uri.path) !== null) {
        await loadDictionary(uri, { extras, files, problems, unmapped, watchAlso });
        continue;
      }
      try {
        const text = await readLexiconText(uri);
        const earlier = settings.lexiconMode === 'replace' ? extras : [...builtins, ...extras];
        extras.push(parseLexiconFile(text, uri.fsPath, known, earlier, warnIn(uri)));
        files.push(uri);
      } catch (err) {
        problems.push(toProblem(err, uri));
      }
    }
  }
  const useExtrasOnly = settings.lexiconMode === 'replace' && extras.length > 0;
  const sources = [...workspaceLexicons, ...(useExtrasOnly ? extras : [...builtins, ...extras])];
  try {
    return { engine: buildEngine(sources), files, problems, warnings, unmapped, watchAlso, skippedUntrusted };
  } catch (err) {
    // The extra lexicons conflict with each other or with the built-ins: keep the built-ins working.
    problems.push(toProblem(err, files[0]));
    return { engine: buildEngine(builtins), files: [], problems, warnings: [], unmapped, watchAlso, skippedUntrusted };
  }
}

/**
 * A LIWC `.dic` or quanteda `.yml` dictionary, read with the mapping beside it (NAME.map.yml). A problem in either file
 * is reported at its place in that file, and nothing of the dictionary is loaded.
 */
async function loadDictionary(
  uri: vscode.Uri,
  into: { extras: LexiconSource[]; files: vscode.Uri[]; problems: LexiconProblem[]; unmapped: string[]; watchAlso: vscode.Uri[] },
): Promise<void> {
  const mapUri = uri.with({ path: mappingFileBeside(uri.path) });
  // Writing or fixing the mapping reloads, whether or not the dictionary loaded.
  into.watchAlso.push(mapUri);
  const decode = readLexiconText;
  let text: string;
  try {
    text = await decode(uri);
  } catch (err) {
    into.problems.push(toProblem(err, uri));
    return;
  }
  let mapText: string;
  try {
    mapText = await decode(mapUri);
  } catch {
    const name = mapUri.path.slice(mapUri.path.lastIndexOf('/') + 1);
    into.problems.push({ uri, file: uri.fsPath, line: 1, column: 1, message: `a dictionary needs a mapping of its categories: write ${name} beside it (category: control|engagement|neutral)` });
    return;
  }
  try {
    const imported = importDictionary(text, uri.fsPath, mapText, mapUri.fsPath);
    into.extras.push(...imported.lexicons);
    into.files.push(uri);
    for (const name of imported.unmapped) into.unmapped.push(`${uri.fsPath}: ${name}`);
  } catch (err) {
    into.problems.push(toProblem(err, lexiconFault(err)?.file === mapUri.fsPath ? mapUri : uri));
  }
}

/**
 * In an untrusted workspace: the user's own lexicon files (VS Code passes the user setting on) and those the workspace
 * settings name (which VS Code withholds), none of which are loaded; null when there are none.
 */
async function skippedLexiconFiles(userFiles: readonly string[]): Promise<SkippedLexiconFiles | null> {
  const user = userFiles.length > 0;
  const workspace = await workspaceNamesLexiconFiles();
  return user || workspace ? { user, workspace } : null;
}

/**
 * A lexicon file's text. A pipe or a device would block the extension host or never end, and an oversize file fill
 * its memory: they are refused before reading, as the CLI refuses them (src/node/lexiconFile.ts).
 */
async function readLexiconText(uri: vscode.Uri): Promise<string> {
  const refusal = lexiconFileRefusal(await statOf(uri));
  if (refusal !== null) throw new Error(`cannot read lexicon: ${refusal}`);
  return new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
}

async function statOf(uri: vscode.Uri): Promise<LexiconFileStat> {
  // VS Code's stat calls a FIFO or a device "Unknown" at best; Node's says what it is.
  if (uri.scheme === 'file') return fs.promises.stat(uri.fsPath);
  const stat = await vscode.workspace.fs.stat(uri);
  return { isFile: () => (stat.type & vscode.FileType.File) !== 0, size: stat.size };
}

/** `file:line:column: warning: problem`, as the parser words it, in the shape of a problem. */
function toWarning(warning: string, uri: vscode.Uri): LexiconWarning {
  const m = /^([\s\S]*):(\d+):(\d+): warning: ([\s\S]*)$/.exec(warning);
  return m ? { uri, file: m[1], line: Number(m[2]), column: Number(m[3]), message: m[4] } : { uri, file: uri.fsPath, line: 1, column: 1, message: warning.replace(/^warning: /, '') };
}

function toProblem(err: unknown, uri: vscode.Uri | undefined): LexiconProblem {
  const fault = lexiconFault(err);
  if (fault) return { uri, file: fault.file, line: fault.line, column: fault.column, message: fault.problem };
  const message = err instanceof Error ? err.message : String(err);
  return { uri, file: uri?.fsPath ?? 'lexicon', line: 1, column: 1, message };
}

function describeProblem(p: LexiconProblem): string {
  return `${p.file}:${p.line}:${p.column}: ${p.message}`;
}

/**
 * Keeps the store's engine in line with the lexicon settings and files: reloads when they change or when the
 * workspace becomes trusted, and reports problems as error messages and as diagnostics in the lexicon file, and
 * files skipped in an untrusted workspace through the trust notice.
 */
export class LexiconReloader implements vscode.Disposable {
  private readonly diagnostics = vscode.languages.createDiagnosticCollection('policyLens.lexicons');
  private readonly disposables: vscode.Disposable[] = [];
  private watchers: vscode.Disposable[] = [];
  /** Lexicon files in use or failing, by URI string: saving one in the editor reloads. */
  private watched = new Set<string>();
  private reloading: Promise<void> = Promise.resolve();
  private scheduled = false;
  private reported = new Set<string>();

  private apply: ((engine: Engine) => void) | undefined;

  constructor(
    private readonly log: vscode.LogOutputChannel,
    private readonly trustNotice: UntrustedLexiconNotice,
  ) {
    this.disposables.push(
      this.diagnostics,
      onDidChangeSettings((e) => {
        if (e.affects('lexiconFiles', 'lexiconMode')) void this.reload();
      }),
      vscode.workspace.onDidGrantWorkspaceTrust(() => void this.reload()),
      vscode.workspace.onDidChangeWorkspaceFolders(() => void this.reload()),
      vscode.workspace.onDidSaveTextDocument((d) => {
        if (this.watched.has(d.uri.toString())) void this.reload();
      }),
    );
  }

  /** The first engine, before anything is annotated; later reloads go to `onReload`. */
  async initial(onReload: (engine: Engine) => void): Promise<Engine> {
    const loaded = await loadEngine();
    this.watch(loaded);
    this.report(loaded);
    this.apply = onReload;
    return loaded.engine;
  }

  /** Resolves when the last reload has been applied. */
  whenIdle(): Promise<void> {
    return this.reloading;
  }

  /** Loads the lexicons again; the returned promise resolves once the engine has been handed over. */
  reload(): Promise<void> {
    this.reloading = this.reloading.then(() => this.load());
    return this.reloading;
  }

  dispose(): void {
    for (const d of [...this.disposables, ...this.watchers]) d.dispose();
  }

  private async load(): Promise<void> {
    let loaded: LoadedEngine;
    try {
      loaded = await loadEngine();
    } catch (err) {
      this.log.error(`reloading the lexicons failed: ${err instanceof Error ? err.message : String(err)}`);
      return;
    }
    this.apply?.(loaded.engine);
    this.watch(loaded);
    this.report(loaded);
  }

  private watch(loaded: LoadedEngine): void {
    for (const w of this.watchers) w.dispose();
    this.watchers = [];
    const uris = [...loaded.files, ...loaded.watchAlso, ...loaded.problems.flatMap((p) => (p.uri ? [p.uri] : []))];
    this.watched = new Set(uris.map((u) => u.toString()));
    // The watchers catch changes made outside the editor (another program, git). VS Code's own watcher does not
    // see files outside the workspace in every host, so local files are watched directly; the folder rather than
    // the file, because editors often save by replacing the file.
    for (const uri of uris) {
      const slash = uri.path.lastIndexOf('/');
      const name = uri.path.slice(slash + 1);
      if (uri.scheme === 'file') {
        try {
          const watcher = fs.watch(path.dirname(uri.fsPath), (_event, changed) => {
            if (changed === null || changed.toString() === name) this.scheduleReload();
          });
          watcher.on('error', () => watcher.close());
          this.watchers.push({ dispose: () => watcher.close() });
        } catch (err) {
          this.log.warn(`cannot watch ${uri.fsPath}: ${err instanceof Error ? err.message : String(err)}`);
        }
        continue;
      }
      const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(uri.with({ path: uri.path.slice(0, slash) || '/' }), name));
      const reload = (): void => this.scheduleReload();
      this.watchers.push(watcher, watcher.onDidChange(reload), watcher.onDidCreate(reload), watcher.onDidDelete(reload));
    }
  }

  /** One reload for a burst of file events (a save is often several), a moment after the first. */
  private scheduleReload(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    this.reloading = this.reloading
      .then(() => new Promise<void>((resolve) => setTimeout(resolve, RELOAD_DELAY_MS)))
      .then(() => {
        this.scheduled = false;
        return this.load();
      });
  }

  private report(loaded: LoadedEngine): void {
    this.diagnostics.clear();
    const byFile = new Map<string, { uri: vscode.Uri; list: vscode.Diagnostic[] }>();
    const now = new Set<string>();
    for (const p of loaded.problems) {
      const text = describeProblem(p);
      now.add(text);
      this.log.error(`lexicon ${text}`);
      // The same problem is announced once, not again on every unrelated reload.
      if (!this.reported.has(text)) {
        void vscode.window.showErrorMessage(t('Policy Lens: lexicon {0}. That file is ignored; the built-in lexicons still work.', text));
      }
      if (p.uri) {
        const entry = byFile.get(p.uri.toString()) ?? { uri: p.uri, list: [] };
        const position = new vscode.Position(Math.max(0, p.line - 1), Math.max(0, p.column - 1));
        const diagnostic = new vscode.Diagnostic(new vscode.Range(position, position), p.message, vscode.DiagnosticSeverity.Error);
        diagnostic.source = 'Policy Lens';
        entry.list.push(diagnostic);
        byFile.set(p.uri.toString(), entry);
      }
    }
    for (const w of loaded.warnings) {
      const text = `${describeProblem(w)} (warning)`;
      now.add(text);
      this.log.warn(`lexicon ${describeProblem(w)}`);
      const entry = byFile.get(w.uri?.toString() ?? '') ?? (w.uri ? { uri: w.uri, list: [] } : undefined);
      if (!entry || !w.uri) continue;
      const position = new vscode.Position(Math.max(0, w.line - 1), Math.max(0, w.column - 1));
      const diagnostic = new vscode.Diagnostic(new vscode.Range(position, position), w.message, vscode.DiagnosticSeverity.Warning);
      diagnostic.source = 'Policy Lens';
      entry.list.push(diagnostic);
      byFile.set(w.uri.toString(), entry);
    }
    // One notification for a file's warnings, the first time they are seen; the Problems view lists each.
    const fresh = loaded.warnings.filter((w) => !this.reported.has(`${describeProblem(w)} (warning)`));
    if (fresh.length > 0) {
      const message =
        fresh.length > 1
          ? t('Policy Lens: lexicon {0} (and {1} more in the Problems view). The lexicon is loaded; what the warning names is ignored.', describeProblem(fresh[0]), fresh.length - 1)
          : t('Policy Lens: lexicon {0}. The lexicon is loaded; what the warning names is ignored.', describeProblem(fresh[0]));
      void vscode.window.showWarningMessage(message);
    }
    this.reported = now;
    for (const { uri, list } of byFile.values()) this.diagnostics.set(uri, list);
    if (loaded.skippedUntrusted) this.log.warn(`workspace not trusted: policyLens.lexiconFiles ignored (${describeSkipped(loaded.skippedUntrusted)}), built-in lexicons only`);
    this.trustNotice.lexiconsLoaded(loaded.skippedUntrusted);
    if (loaded.unmapped.length > 0) this.log.warn(`dictionary categories not in their mapping, ignored: ${loaded.unmapped.join(', ')}`);
    if (loaded.files.length > 0) this.log.info(`loaded lexicon files: ${loaded.files.map((u) => u.fsPath).join(', ')}`);
  }
}
