// PATH arguments → the files to analyse, in a deterministic order, walked lazily so a huge tree costs no memory.
import * as fs from 'node:fs';
import * as path from 'node:path';

export const STDIN_SOURCE = '<stdin>';

export interface FileInput {
  kind: 'file';
  path: string;
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
export function* walkInputs(paths: Iterable<string>): Generator<Input | Problem> {
  for (const p of paths) {
    if (p === '-') {
      yield { kind: 'stdin', source: STDIN_SOURCE };
      continue;
    }
    let stat: fs.Stats;
    try {
      stat = fs.statSync(p);
    } catch (err: unknown) {
      // Only paths of a --files-from list get here unchecked: named, and the others still analysed.
      yield problem('error', slashes(p), describeFsError(err));
      continue;
    }
    if (stat.isDirectory()) {
      let found = false;
      for (const item of walkFolder(p)) {
        if (item.kind === 'file') found = true;
        yield item;
      }
      if (!found) yield problem('warning', p, 'no .txt or .md files in this folder');
    } else {
      yield { kind: 'file', path: p, source: slashes(p), size: stat.size };
    }
  }
}

function* walkFolder(dir: string): Generator<FileInput | Problem> {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch (err: unknown) {
    yield problem('error', slashes(dir), describeFsError(err));
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      yield* walkFolder(full);
    } else if (TEXT_FILE.test(entry.name) && (entry.isFile() || entry.isSymbolicLink())) {
      try {
        const stat = fs.statSync(full);
        if (stat.isFile()) yield { kind: 'file', path: full, source: slashes(full), size: stat.size };
      } catch (err: unknown) {
        yield problem('error', slashes(full), describeFsError(err));
      }
    }
  }
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
    default:
      return err instanceof Error ? err.message : String(err);
  }
}

/** Report sources use forward slashes on every platform, so reports compare across machines. */
function slashes(p: string): string {
  return p.split(path.sep).join('/');
}
