// --files-from FILE: one path per line (`-` for standard input), read lazily so a list of millions costs no memory.
import * as fs from 'node:fs';
import { FatalError } from './fatalError';
import { describeFsError } from './inputs';

const CHUNK = 1 << 16;

/** Paths in the list, in order; blank lines skipped, a trailing CR (CRLF lists) dropped, nothing else trimmed. */
export function* pathsFrom(file: string): Generator<string> {
  let fd: number;
  try {
    fd = file === '-' ? 0 : fs.openSync(file, 'r');
  } catch (err: unknown) {
    throw new FatalError(`--files-from ${file}: cannot read: ${describeFsError(err)}`);
  }
  const buffer = Buffer.alloc(CHUNK);
  const decoder = new TextDecoder('utf-8');
  let pending = '';
  try {
    for (;;) {
      let n: number;
      try {
        n = fs.readSync(fd, buffer, 0, CHUNK, null);
      } catch (err: unknown) {
        if ((err as { code?: unknown }).code === 'EAGAIN') continue;
        if ((err as { code?: unknown }).code === 'EOF') n = 0;
        else throw new FatalError(`--files-from ${file}: cannot read: ${describeFsError(err)}`);
      }
      pending += n === 0 ? decoder.decode() : decoder.decode(buffer.subarray(0, n), { stream: true });
      const lines = pending.split('\n');
      pending = n === 0 ? '' : (lines.pop() ?? '');
      for (const line of lines) {
        const p = line.endsWith('\r') ? line.slice(0, -1) : line;
        if (p !== '') yield p;
      }
      if (n === 0) return;
    }
  } finally {
    if (fd !== 0) fs.closeSync(fd);
  }
}
