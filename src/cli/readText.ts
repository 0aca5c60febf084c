// Bytes → text, or the reason the bytes are not a text to analyse.
import * as fs from 'node:fs';
import { describeFsError } from './inputs';

export type TextResult = { ok: true; text: string } | { ok: false; severity: 'warning' | 'error'; message: string };

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** A leading byte-order mark is dropped, as VS Code does, so offsets match the editor's. */
export function decodeText(bytes: Uint8Array): TextResult {
  if (bytes.includes(0)) return { ok: false, severity: 'warning', message: 'binary file (contains NUL bytes), skipped' };
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return { ok: false, severity: 'warning', message: 'binary file (not valid UTF-8), skipped' };
  }
  if (text.trim().length === 0) return { ok: false, severity: 'warning', message: 'empty file, skipped' };
  return { ok: true, text };
}

/**
 * Bytes are read and decoded a chunk at a time through one buffer kept for the whole run. Reading a file whole into a
 * Buffer of its size costs a second copy of the file outside the V8 heap, and freeing a big Buffer makes the C
 * allocator keep later freed memory instead of returning it: 10 MB of resident memory more for the rest of the run.
 */
const CHUNK = 64 * 1024;
let chunk: Buffer | null = null;

export function readTextFile(file: string): TextResult {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (err: unknown) {
    return { ok: false, severity: 'error', message: `cannot read: ${describeFsError(err)}` };
  }
  try {
    return decodeFile(fd);
  } catch (err: unknown) {
    return { ok: false, severity: 'error', message: `cannot read: ${describeFsError(err)}` };
  } finally {
    fs.closeSync(fd);
  }
}

/** Same outcome as decodeText on the whole file: NUL bytes anywhere make it binary even after invalid UTF-8. */
function decodeFile(fd: number): TextResult {
  chunk ??= Buffer.allocUnsafe(CHUNK);
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const parts: string[] = [];
  let valid = true;
  for (;;) {
    const n = fs.readSync(fd, chunk, 0, CHUNK, null);
    if (n === 0) break;
    const bytes = chunk.subarray(0, n);
    if (bytes.includes(0)) return { ok: false, severity: 'warning', message: 'binary file (contains NUL bytes), skipped' };
    if (valid) valid = decodeInto(parts, () => decoder.decode(bytes, { stream: true }));
  }
  if (valid) valid = decodeInto(parts, () => decoder.decode());
  if (!valid) return { ok: false, severity: 'warning', message: 'binary file (not valid UTF-8), skipped' };
  const text = parts.length === 1 ? parts[0] : parts.join('');
  if (text.trim().length === 0) return { ok: false, severity: 'warning', message: 'empty file, skipped' };
  return { ok: true, text };
}

function decodeInto(parts: string[], decode: () => string): boolean {
  let part: string;
  try {
    part = decode();
  } catch {
    return false;
  }
  if (part.length > 0) parts.push(part);
  return true;
}

export async function readStdin(): Promise<TextResult> {
  const chunks: Buffer[] = [];
  try {
    for await (const chunk of process.stdin) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  } catch (err: unknown) {
    return { ok: false, severity: 'error', message: `cannot read: ${describeFsError(err)}` };
  }
  const result = decodeText(Buffer.concat(chunks));
  return !result.ok && result.message.startsWith('empty') ? { ok: false, severity: 'warning', message: 'empty input, skipped' } : result;
}
