// PATH arguments → the files to analyse, in a deterministic order, walked lazily so a huge tree costs no memory.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { compareCodeUnits } from '../core/pathOrder';
import { nameOfBytes } from './printable';

const STDIN_SOURCE = '<stdin>';

export interface FileInput {
  kind: 'file';
  path: string;
  /** The path's bytes when a name on it is not valid UTF-8 (`path` then shows those bytes as `\xNN`). */
  raw?: Buffer;
  /** The name written in the report: the path as given, or the folder as given joined with the relative path. */
  source: string;
  size: number;
}

export interface StdinInput {
  kind: 'stdin';
  source: typeof STDIN_SOURCE;
}

/** Something that cannot be analysed, reported on stderr in input order. */
export interface Problem {
  kind: 'problem';
  severity: 'warning' | 'error';
  source: string;
  message: string;
}

export type Input = FileInput | StdinInput;

const TEXT_FILE = /\.(txt|md)$/i;

/** One problem per PATH that does not exist or cannot be opened, checked before any output is written. */
export function checkPaths(paths: string[]): Problem[] {
  const problems: Problem[] = [];
  for (const p of paths) {
    if (p === '-') continue;
    try {
      const stat = fs.statSync(p);
      if (!stat.isFile() && !stat.isDirectory()) problems.push(problem('error', p, 'not a file or folder'));
      else fs.accessSync(p, fs.constants.R_OK);
    } catch (err: unknown) {
      problems.push(problem('error', p, describeFsError(err)));
    }
  }
  return problems;
}

/**
 * Every input in order: files as given, folders' .txt and .md files recursively (entries sorted by code unit, hidden
 * entries and symbolic links to folders skipped, so the walk is deterministic and cannot loop).
 */
export function* walkInputs(paths: Iterable<string | Buffer>): Generator<Input | Problem> {
  for (const p of paths) {
    if (p === '-') {
      yield { kind: 'stdin', source: STDIN_SOURCE };
      continue;
    }
    const shown = typeof p === 'string' ? p : nameOfBytes(p);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(p);
    } catch (err: unknown) {
      // Only paths of a --files-from list get here unchecked: named, and the others still analysed.
      yield problem('error', slashes(shown), describeFsError(err));
      continue;
    }
    if (stat.isDirectory()) {
      let found = false;
      for (const item of walkFolder(p, shown)) {
        if (item.kind === 'file') found = true;
        yield item;
      }
      if (!found) yield problem('warning', shown, 'no .txt or .md files in this folder');
    } else {
      yield fileInput(p, shown, stat.size);
    }
  }
}

function fileInput(p: string | Buffer, shown: string, size: number): FileInput {
  return typeof p === 'string' ? { kind: 'file', path: p, source: slashes(p), size } : { kind: 'file', path: shown, raw: p, source: slashes(shown), size };
}

/**
 * The folder's entries, sorted by name. A name that is not valid UTF-8 comes back from Node as text with U+FFFD in
 * place of its bad bytes, which names no file: those entries are looked up again as bytes, so they are read.
 */
function* walkFolder(dir: string | Buffer, shown: string): Generator<FileInput | Problem> {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch (err: unknown) {
    yield problem('error', slashes(shown), describeFsError(err));
    return;
  }
  const raw = typeof dir !== 'string' || entries.some((e) => e.name.includes('\uFFFD')) ? rawNames(dir) : null;
  const named = entries.map((entry) => {
    const bytes = raw?.get(entry.name)?.shift();
    return { entry, bytes, name: bytes ? nameOfBytes(bytes) : entry.name };
  });
  named.sort((a, b) => compareCodeUnits(a.name, b.name));
  for (const { entry, bytes, name } of named) {
    if (name.startsWith('.')) continue;
    const full: string | Buffer = bytes || typeof dir !== 'string' ? Buffer.concat([typeof dir === 'string' ? Buffer.from(dir) : dir, Buffer.from(path.sep), bytes ?? Buffer.from(entry.name)]) : path.join(dir, entry.name);
    const fullShown = typeof full === 'string' ? full : path.join(shown, name);
    if (entry.isDirectory()) {
      yield* walkFolder(full, fullShown);
    } else if (TEXT_FILE.test(name) && (entry.isFile() || entry.isSymbolicLink())) {
      try {
        const stat = fs.statSync(full);
        if (stat.isFile()) yield fileInput(full, fullShown, stat.size);
      } catch (err: unknown) {
        yield problem('error', slashes(fullShown), describeFsError(err));
      }
    }
  }
}

/** The folder's names as bytes, by the text Node gives for them (several byte names can share one text). */
function rawNames(dir: string | Buffer): Map<string, Buffer[]> {
  const names = new Map<string, Buffer[]>();
  for (const bytes of fs.readdirSync(dir, { encoding: 'buffer' })) {
    const text = bytes.toString('utf8');
    names.set(text, [...(names.get(text) ?? []), bytes]);
  }
  return names;
}

/** True when the folder walk would take the file at `relative` (below an input folder) as a document. */
export function isWalkedName(relative: string): boolean {
  const parts = relative.split(path.sep);
  return TEXT_FILE.test(relative) && parts.every((part) => part !== '' && !part.startsWith('.'));
}

export function problem(severity: Problem['severity'], source: string, message: string): Problem {
  return { kind: 'problem', severity, source, message };
}

/** A file system error as the few words a user needs, without Node's errno prefix and syscall. */
export function describeFsError(err: unknown): string {
  const code = typeof err === 'object' && err !== null && 'code' in err ? String((err as { code: unknown }).code) : '';
  switch (code) {
    case 'ENOENT':
      return 'no such file or folder';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a folder';
    case 'ENOTDIR':
      return 'a part of the path is not a folder';
    case 'EROFS':
      return 'read-only file system';
    case 'ENOSPC':
      return 'no space left on the device';
    case 'ELOOP':
      return 'too many levels of symbolic links (a link that leads back to itself?)';
    case 'ENAMETOOLONG':
      return 'the name is too long for the file system';
    default:
      // Node's message is "CODE: what, syscall 'path'": keep the what, since the caller names the path once.
      return err instanceof Error ? err.message.replace(/^[A-Z][A-Z0-9_]*: /, '').replace(/, [a-z_]+ '[\s\S]*$/, '') : String(err);
  }
}

/** Report sources use forward slashes on every platform, so reports compare across machines. */
function slashes(p: string): string {
  return p.split(path.sep).join('/');
}
