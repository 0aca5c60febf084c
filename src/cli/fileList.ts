// --files-from FILE: one path per line (`-` for standard input), read lazily so a list of millions costs no memory.
import * as fs from 'node:fs';
import { FatalError } from './fatalError';
import { describeFsError } from './inputs';

const CHUNK = 1 << 16;

/**
 * Paths in the list, in order; blank lines skipped, a trailing CR (CRLF lists) dropped, nothing else trimmed. Lines
 * are split as bytes: a path that is not valid UTF-8 is given as its bytes, so the file it names is still found.
 */
export function* pathsFrom(file: string): Generator<string | Buffer> {
  let fd: number;
  try {
    fd = file === '-' ? 0 : fs.openSync(file, 'r');
  } catch (err: unknown) {
    throw new FatalError(`--files-from ${file}: cannot read: ${describeFsError(err)}`);
  }
  const buffer = Buffer.alloc(CHUNK);
  let pending: Buffer = Buffer.alloc(0);
  let first = true;
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
      const data = n === 0 ? Buffer.concat([pending, Buffer.from('\n')]) : Buffer.concat([pending, buffer.subarray(0, n)]);
      // A byte-order mark opens the list, not its first path.
      let from = first && data.length >= 3 && data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf ? 3 : 0;
      if (data.length >= 3 || n === 0) first = false;
      for (let nl = data.indexOf(10, from); nl >= 0; nl = data.indexOf(10, from)) {
        const end = nl > from && data[nl - 1] === 13 ? nl - 1 : nl;
        if (end > from) yield pathOf(data.subarray(from, end));
        from = nl + 1;
      }
      pending = Buffer.from(data.subarray(from));
      if (n === 0) return;
    }
  } finally {
    if (fd !== 0) fs.closeSync(fd);
  }
}

const STRICT = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function pathOf(bytes: Buffer): string | Buffer {
  try {
    return STRICT.decode(bytes);
  } catch {
    return Buffer.from(bytes);
  }
}
