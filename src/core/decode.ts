// Bytes → the text that is analysed, or why the bytes are not a text: the one input pipeline of the CLI and of every
// export. Line ends are settled here, once: a lone carriage return ends a line (old Mac files; VS Code and LineIndex
// read it so) and becomes a line feed, one character for one, so every offset stays the file's while blocks and
// headings, which split at line feeds, end their lines where LineIndex does.

import { TextDecoder } from 'node:util';

export type DecodedText = { ok: true; text: string } | { ok: false; reason: 'binary-nul' | 'binary-invalid' | 'empty' };

type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be';

/** Bytes needed to tell the encoding from a byte-order mark. */
const BOM_BYTES = 2;
const LONE_CR = /\r(?!\n)/g;

/**
 * Decodes input a chunk at a time as it is read, never gathering it into one buffer. The outcome is the same as
 * decoding the whole input at once:
 * - UTF-16 with a byte-order mark (LE or BE) is decoded as such; anything else must be UTF-8;
 * - a leading byte-order mark is dropped, as VS Code does, so offsets match the editor's;
 * - a NUL anywhere (a NUL byte in UTF-8, a NUL character in UTF-16) makes it binary, even after invalid bytes;
 * - input that does not decode is binary; input of white space only is empty.
 */
export class InputDecoder {
  private decoder: TextDecoder | null = null;
  private encoding: Encoding = 'utf-8';
  private head: Uint8Array = new Uint8Array(0);
  private readonly parts: string[] = [];
  private nul = false;
  private valid = true;

  /** True once the input is known to be binary: the rest of it need not be read. */
  get binary(): boolean {
    return this.nul;
  }

  add(bytes: Uint8Array): void {
    if (this.nul) return;
    if (this.decoder === null) {
      // The first bytes are copied only when an earlier piece was too short to tell the encoding by.
      let joined = bytes;
      if (this.head.length > 0) {
        joined = new Uint8Array(this.head.length + bytes.length);
        joined.set(this.head);
        joined.set(bytes, this.head.length);
      }
      if (joined.length < BOM_BYTES) {
        this.head = joined.slice();
        return;
      }
      this.start(joined);
      bytes = joined;
    }
    if (this.encoding === 'utf-8' && bytes.includes(0)) this.nul = true;
    else if (this.valid) this.decode(bytes);
  }

  /**
   * Like add, for the last bytes of the input. Given the whole input in one piece, it is decoded in one call rather
   * than as a stream: Node hands back a streamed piece of about a megabyte or more as a string held outside V8's heap,
   * which only a full collection frees (a 30 MB file counted in 1 MB parts peaked 30 MB higher).
   */
  addLast(bytes: Uint8Array): void {
    if (this.decoder !== null || this.head.length > 0 || bytes.length < BOM_BYTES) {
      this.add(bytes);
      return;
    }
    this.start(bytes);
    if (this.encoding === 'utf-8' && bytes.includes(0)) this.nul = true;
    else this.decode(bytes, false);
  }

  /** `blankIsText`: text of white space only is given as text, not as empty (a part of a longer input may be blank). */
  finish(blankIsText = false): DecodedText {
    if (this.decoder === null) {
      this.start(this.head);
      if (this.head.includes(0)) this.nul = true;
      else this.decode(this.head);
    }
    if (this.valid && !this.nul) this.decode(null);
    if (this.nul) return { ok: false, reason: 'binary-nul' };
    if (!this.valid) return { ok: false, reason: 'binary-invalid' };
    const joined = this.parts.length === 1 ? this.parts[0] : this.parts.join('');
    if (!blankIsText && joined.trim().length === 0) return { ok: false, reason: 'empty' };
    return { ok: true, text: joined.includes('\r') ? joined.replace(LONE_CR, '\n') : joined };
  }

  private start(first: Uint8Array): void {
    if (first[0] === 0xff && first[1] === 0xfe) this.encoding = 'utf-16le';
    else if (first[0] === 0xfe && first[1] === 0xff) this.encoding = 'utf-16be';
    this.decoder = new TextDecoder(this.encoding, { fatal: true });
  }

  private decode(bytes: Uint8Array | null, stream = true): void {
    try {
      const part = bytes === null ? (this.decoder as TextDecoder).decode() : (this.decoder as TextDecoder).decode(bytes, { stream });
      if (this.encoding !== 'utf-8' && part.includes('\0')) this.nul = true;
      else if (part.length > 0) this.parts.push(part);
    } catch {
      this.valid = false;
      this.parts.length = 0;
    }
  }
}

/** The whole input at once. */
export function decodeInput(bytes: Uint8Array): DecodedText {
  const decoder = new InputDecoder();
  decoder.addLast(bytes);
  return decoder.finish();
}
