// Bytes → text, or the reason the bytes are not a text to analyse.
import * as fs from 'node:fs';
import { DecodedText, InputDecoder } from '../core/decode';
import { describeFsError } from './inputs';

export type TextResult = { ok: true; text: string } | { ok: false; severity: 'warning' | 'error'; message: string };

/**
 * Bytes are decoded a chunk at a time as they are read (src/core/decode.ts), never gathered into one Buffer: a Buffer
 * the size of the input is a second copy of it outside the V8 heap, and freeing a big Buffer makes the C allocator keep
 * later freed memory instead of returning it (10 MB of resident memory more for the rest of the run after a 10 MB file).
 */
function outcome(decoded: DecodedText, empty: string): TextResult {
  if (decoded.ok) return decoded;
  switch (decoded.reason) {
    case 'binary-nul':
      return { ok: false, severity: 'warning', message: 'binary file (contains NUL bytes), skipped' };
    case 'binary-invalid':
      return { ok: false, severity: 'warning', message: 'binary file (not valid UTF-8), skipped' };
    case 'empty':
      return { ok: false, severity: 'warning', message: empty };
  }
}

/** Files are read through one buffer kept for the whole run. */
const CHUNK = 64 * 1024;
let chunk: Buffer | null = null;

/**
 * `listedSize`: the file's size when it was listed (a regular file's; 0 when not known). A read that returns less than
 * asked once that many bytes are in is the end of a regular file, so the read that would return nothing is not made:
 * on a corpus of small files it was one system call of the four each file costs. A file that grew since it was listed
 * fills the buffer and is read on; a pipe or device lists size 0 and is read until a read returns nothing.
 */
export function readTextFile(file: string | Buffer, listedSize = 0): TextResult {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (err: unknown) {
    return cannotRead(err);
  }
  try {
    chunk ??= Buffer.allocUnsafe(CHUNK);
    const decoder = new InputDecoder();
    let total = 0;
    for (let n = fs.readSync(fd, chunk, 0, CHUNK, null); n > 0 && !decoder.binary; n = fs.readSync(fd, chunk, 0, CHUNK, null)) {
      decoder.add(chunk.subarray(0, n));
      total += n;
      if (n < CHUNK && listedSize > 0 && total >= listedSize) break;
    }
    return outcome(decoder.finish(), 'empty file, skipped');
  } catch (err: unknown) {
    return cannotRead(err);
  } finally {
    fs.closeSync(fd);
  }
}

export async function readStdin(): Promise<TextResult> {
  const decoder = new InputDecoder();
  try {
    // `< folder` gives a descriptor that reads nothing: say so, rather than "empty input".
    if (fs.fstatSync(0).isDirectory()) return { ok: false, severity: 'error', message: 'cannot read: standard input is a folder; give the folder as a PATH instead' };
  } catch {
    // No descriptor to examine (a closed standard input): reading below says what is wrong.
  }
  try {
    for await (const piece of process.stdin) decoder.add(Buffer.isBuffer(piece) ? piece : Buffer.from(String(piece)));
  } catch (err: unknown) {
    return cannotRead(err);
  }
  return outcome(decoder.finish(), 'empty input, skipped');
}

function cannotRead(err: unknown): TextResult {
  return { ok: false, severity: 'error', message: `cannot read: ${describeFsError(err)}` };
}
