// Writes a file so that readers see either the old content or the whole new one, never a half-written file, and so
// that no link planted beside it can redirect the write. Shared by the CLI's --out and the editor's exports.
//
// - A regular file (or a new one) is written to a temporary file in the same folder, created exclusively (O_EXCL,
//   which also refuses a symbolic link planted at that name) under an unpredictable name, with the target's mode,
//   and renamed over the target at the end.
// - A symbolic link is followed: the file it points to is replaced, the link stays.
// - Anything else that is not a folder (a device such as /dev/null, a named pipe, a terminal) is written through:
//   renaming over it would replace the device with a regular file.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { nodeCrypto } from '../core/nodeCrypto';

export interface AtomicTarget {
  /** The file that ends up written: the target with symbolic links followed. */
  readonly file: string;
  /** Where the bytes go until commit: the temporary file, or `file` itself when it is written through. */
  readonly fd: number;
  /** The temporary file; null when the target is written through. */
  readonly temp: string | null;
}

/** A problem with the target itself, as a short reason (the file system's own errors are thrown as they come). */
export class TargetError extends Error {}

/** Symbolic links followed at most, as the kernel does (ELOOP beyond). */
const MAX_LINKS = 40;
const live = new Set<string>();

/** An unpredictable name: 72 random bits, so nobody can plant a link there in advance. */
function randomTempName(file: string): string {
  return `.${path.basename(file)}.${nodeCrypto().randomBytes(9).toString('base64url')}.tmp`;
}

/**
 * Opens `target` for an atomic write. Throws TargetError for a folder, or the file system's error. `tempName` is
 * for tests, which plant links at the names it gives.
 */
export function openAtomic(target: string, tempName: (file: string) => string = randomTempName): AtomicTarget {
  const stat = statOrNull(target, true);
  if (stat?.isDirectory()) throw new TargetError('is a folder');
  if (stat && !stat.isFile()) return { file: target, fd: fs.openSync(target, 'w'), temp: null };
  const file = stat ? fs.realpathSync(target) : danglingDestination(target);
  if (stat) fs.accessSync(file, fs.constants.W_OK);
  // The default mode of a new file (0666 less the umask) for a new target; the existing mode otherwise.
  const mode = stat ? stat.mode & 0o7777 : 0o666;
  for (let attempt = 0; ; attempt++) {
    const temp = path.join(path.dirname(file), tempName(file));
    let fd: number;
    try {
      fd = fs.openSync(temp, fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_EXCL, mode);
    } catch (err: unknown) {
      if (errorCode(err) === 'EEXIST' && attempt < 8) continue;
      throw err;
    }
    live.add(temp);
    try {
      if (stat) fs.fchmodSync(fd, mode);
    } catch (err: unknown) {
      fs.closeSync(fd);
      removeTemp(temp);
      throw err;
    }
    return { file, fd, temp };
  }
}

/** Puts the written file in place; the descriptor must be closed already. */
export function commitAtomic(target: AtomicTarget): void {
  if (target.temp === null) return;
  try {
    fs.renameSync(target.temp, target.file);
  } finally {
    removeTemp(target.temp);
  }
}

/** Forgets the write: the temporary file goes, the target is untouched. The descriptor must be closed already. */
export function abandonAtomic(target: AtomicTarget): void {
  if (target.temp !== null) removeTemp(target.temp);
}

let handlersInstalled = false;

/** In a command-line process: an interrupt (SIGINT, SIGTERM, SIGHUP) removes the temporary files before the process ends. */
export function removeTempsOnSignals(): void {
  if (handlersInstalled) return;
  handlersInstalled = true;
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      for (const temp of live) removeTemp(temp);
      // Die of the signal, as the shell expects (exit status 128 + its number).
      process.kill(process.pid, signal);
    });
  }
}

/**
 * The regular file a write to `target` would replace or create, folders' links resolved; null when the target is
 * written through (a device, a pipe) or cannot be resolved (the open will report why).
 */
export function destinationOf(target: string): string | null {
  try {
    const stat = statOrNull(target, true);
    if (stat) return stat.isFile() ? fs.realpathSync(target) : null;
    const file = danglingDestination(target);
    return path.join(fs.realpathSync(path.dirname(file)), path.basename(file));
  } catch {
    return null;
  }
}

/** The file a dangling chain of symbolic links would create, or the path itself when it is no link. */
function danglingDestination(target: string): string {
  let current = path.resolve(target);
  for (let hops = 0; hops <= MAX_LINKS; hops++) {
    const lstat = statOrNull(current, false);
    if (!lstat?.isSymbolicLink()) return current;
    current = path.resolve(path.dirname(current), fs.readlinkSync(current));
  }
  throw Object.assign(new Error('too many symbolic links'), { code: 'ELOOP' });
}

function statOrNull(p: string, follow: boolean): fs.Stats | null {
  try {
    return follow ? fs.statSync(p) : fs.lstatSync(p);
  } catch (err: unknown) {
    if (errorCode(err) === 'ENOENT') return null;
    throw err;
  }
}

function removeTemp(temp: string): void {
  live.delete(temp);
  try {
    fs.rmSync(temp, { force: true });
  } catch {
    // Already gone, or the folder went away: nothing is left to clean.
  }
}

function errorCode(err: unknown): string {
  return typeof err === 'object' && err !== null && 'code' in err ? String((err as { code: unknown }).code) : '';
}
