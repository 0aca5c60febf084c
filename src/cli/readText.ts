// Bytes → text, or the reason the bytes are not a text to analyse.
import * as fs from 'node:fs';
import { describeFsError } from './inputs';

export type TextResult = { ok: true; text: string } | { ok: false; severity: 'warning' | 'error'; message: string };

/**
 * Bytes are decoded a chunk at a time as they are read, never gathered into one Buffer: a Buffer the size of the input
 * is a second copy of it outside the V8 heap, and freeing a big Buffer makes the C allocator keep later freed memory
 * instead of returning it (10 MB of resident memory more for the rest of the run after a 10 MB file).
 * The outcome is the same as decoding the whole input at once: a NUL byte anywhere makes it binary, even after invalid
 * UTF-8; a leading byte-order mark is dropped, as VS Code does, so offsets match the editor's.
 */
class ChunkDecoder {
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });
  private readonly parts: string[] = [];
  private nul = false;
  private valid = true;

  /** True once the outcome is known to be "binary": the rest of the input need not be read. */
  get binary(): boolean {
    return this.nul;
  }

  add(bytes: Uint8Array): void {
    if (this.nul) return;
    if (bytes.includes(0)) this.nul = true;
    else if (this.valid) this.decode(() => this.decoder.decode(bytes, { stream: true }));
  }

  finish(empty: string): TextResult {
    if (this.nul) return { ok: false, severity: 'warning', message: 'binary file (contains NUL bytes), skipped' };
    if (this.valid) this.decode(() => this.decoder.decode());
    if (!this.valid) return { ok: false, severity: 'warning', message: 'binary file (not valid UTF-8), skipped' };
    const joined = this.parts.length === 1 ? this.parts[0] : this.parts.join('');
    if (joined.trim().length === 0) return { ok: false, severity: 'warning', message: empty };
    // A carriage return alone ends a line (old Mac files; VS Code reads it so too). As a line feed it ends one here,
    // for lines and headings, with every offset kept: one character for one.
    return { ok: true, text: joined.includes('\r') ? joined.replace(LONE_CR, '\n') : joined };
  }

  private decode(decode: () => string): void {
    try {
      const part = decode();
      if (part.length > 0) this.parts.push(part);
    } catch {
      this.valid = false;
      this.parts.length = 0;
    }
  }
}

const LONE_CR = /\r(?!\n)/g;

/** Files are read through one buffer kept for the whole run. */
const CHUNK = 64 * 1024;
let chunk: Buffer | null = null;

export function readTextFile(file: string): TextResult {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (err: unknown) {
    return cannotRead(err);
  }
  try {
    chunk ??= Buffer.allocUnsafe(CHUNK);
    const decoder = new ChunkDecoder();
    for (let n = fs.readSync(fd, chunk, 0, CHUNK, null); n > 0 && !decoder.binary; n = fs.readSync(fd, chunk, 0, CHUNK, null)) decoder.add(chunk.subarray(0, n));
    return decoder.finish('empty file, skipped');
  } catch (err: unknown) {
    return cannotRead(err);
  } finally {
    fs.closeSync(fd);
  }
}

export async function readStdin(): Promise<TextResult> {
  const decoder = new ChunkDecoder();
  try {
    for await (const piece of process.stdin) decoder.add(Buffer.isBuffer(piece) ? piece : Buffer.from(String(piece)));
  } catch (err: unknown) {
    return cannotRead(err);
  }
  return decoder.finish('empty input, skipped');
}

function cannotRead(err: unknown): TextResult {
  return { ok: false, severity: 'error', message: `cannot read: ${describeFsError(err)}` };
}
