// Names as the terminal and the text table show them: a file name is data, so it can neither start a new line
// (forging a "warning:" line), move the cursor, reverse the text direction, nor flood the screen.

/** C0 and C1 controls, DEL, the line and paragraph separators, and the bidirectional embedding and isolate marks. */
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
/** Names longer than this are shown by their start and end. */
const LONGEST_NAME = 160;

/** `s` with every unprintable character written as `\xNN` or `\uNNNN`, which a file name can only spell, not be. */
export function printable(s: string): string {
  return s.replace(UNPRINTABLE, (c) => {
    const code = c.charCodeAt(0);
    return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

/** A terminal line: printable, and any word longer than LONGEST_NAME (a path, mostly) cut to its ends. */
export function terminalLine(line: string): string {
  return printable(line).replace(/\S{161,}/g, (word) => `${word.slice(0, 60)}…${word.slice(-(LONGEST_NAME - 61))}`);
}

/**
 * The name of a file whose name is not valid UTF-8: the valid parts as text, every other byte as `\xNN`, so two such
 * names never print alike (a replacement character would make them) and the report says which file it was.
 */
export function nameOfBytes(bytes: Uint8Array): string {
  let out = '';
  let i = 0;
  const decoder = new TextDecoder('utf-8', { fatal: true });
  while (i < bytes.length) {
    const length = sequenceLength(bytes, i);
    if (length === 0) {
      out += `\\x${bytes[i].toString(16).padStart(2, '0')}`;
      i++;
      continue;
    }
    out += decoder.decode(bytes.subarray(i, i + length));
    i += length;
  }
  return out;
}

/** The length of the valid UTF-8 sequence at `i`, or 0 when the byte there does not start one. */
function sequenceLength(b: Uint8Array, i: number): number {
  const c = b[i];
  const cont = (k: number): boolean => i + k < b.length && (b[i + k] & 0xc0) === 0x80;
  if (c < 0x80) return 1;
  if (c >= 0xc2 && c <= 0xdf) return cont(1) ? 2 : 0;
  if (c >= 0xe0 && c <= 0xef) {
    if (!cont(1) || !cont(2)) return 0;
    const n = b[i + 1];
    if ((c === 0xe0 && n < 0xa0) || (c === 0xed && n > 0x9f)) return 0;
    return 3;
  }
  if (c >= 0xf0 && c <= 0xf4) {
    if (!cont(1) || !cont(2) || !cont(3)) return 0;
    const n = b[i + 1];
    if ((c === 0xf0 && n < 0x90) || (c === 0xf4 && n > 0x8f)) return 0;
    return 4;
  }
  return 0;
}
