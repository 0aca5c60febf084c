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

export function readTextFile(file: string): TextResult {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (err: unknown) {
    return { ok: false, severity: 'error', message: `cannot read: ${describeFsError(err)}` };
  }
  return decodeText(bytes);
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
