// JSON written straight into UTF-8 bytes, for the report (src/core/report.ts). Each value comes out as the bytes of
// JSON.stringify of it, UTF-8 encoded; what the fast paths below do not handle goes through JSON.stringify itself.
// A report of 10 MB of text is about 50 MB: built as strings, it was joined, flattened and encoded again on writing.

const QUOTE = 34;
const BACKSLASH = 92;

/** What a buffer starts at: a small document's report is a few KB, and a corpus has thousands of them. */
const FIRST_BUFFER = 4096;
/** What the next JsonBytes's first buffer is allotted (see take). */
let firstHint = FIRST_BUFFER;

/**
 * Chunks handed back once written (recycleChunk), for the next chunk to be written into: a 50 MB report is 750 chunks
 * of 64 KB, and a fresh buffer for each (zeroed, its pages faulted in, then collected) cost more than writing into it.
 */
const spare: Array<Uint8Array<ArrayBuffer>> = [];
const SPARE = 4;
/** Smaller buffers (a small document's, a few KB) are not worth keeping. */
const SPARE_MIN = 16 * 1024;
/** The buffers of chunks taken and not handed back yet: only those are taken back. */
const lent = new WeakSet<ArrayBufferLike>();

/** A chunk from JsonBytes.take that is written and no longer read: its buffer may be written into again. */
export function recycleChunk(chunk: Uint8Array): void {
  const buffer = chunk.buffer;
  if (!(buffer instanceof ArrayBuffer) || !lent.has(buffer)) return;
  lent.delete(buffer);
  if (buffer.byteLength < SPARE_MIN) return;
  // The newest are kept: a corpus's documents come in runs of a size (a big file's report in larger chunks, see take).
  if (spare.length >= SPARE) spare.shift();
  spare.push(new Uint8Array(buffer));
}

/** A spare chunk of `size` to `most` bytes, taken from the spares, or null. */
function spareOf(size: number, most: number): Uint8Array<ArrayBuffer> | null {
  for (let i = spare.length - 1; i >= 0; i--) {
    const length = spare[i].length;
    if (length >= size && length <= most) return spare.splice(i, 1)[0];
  }
  return null;
}

/**
 * Bytes written by the thousand (keys and punctuation, an annotation's stance), encoded once and read once more as
 * 8-byte words (little-endian doubles), which JsonBytes.copied stores a word at a time: TypedArray.set costs ~17 ns a
 * call whatever the length, and a key of 13 bytes is two word stores (the last word overlaps the one before it, with
 * the same bytes there). Valid UTF-8 never reads as a NaN, whose bits a store might not keep; bytes that did would be
 * copied with set.
 */
export class EncodedBytes {
  /** The words at bytes 0, 8, 16, … before the last eight, then the last eight's; empty below eight bytes or for a NaN. */
  readonly words: Float64Array;

  constructor(readonly bytes: Uint8Array) {
    const n = bytes.length;
    const view = new DataView(bytes.buffer, bytes.byteOffset, n);
    const words = n < 8 ? [] : Array.from({ length: Math.ceil(n / 8) }, (_, i) => view.getFloat64(Math.min(8 * i, n - 8), true));
    this.words = Float64Array.from(words.some(Number.isNaN) ? [] : words);
  }

  get length(): number {
    return this.bytes.length;
  }
}

export class JsonBytes {
  private bytes = new Uint8Array(0);
  /** `bytes` as a DataView, for copied()'s word stores. */
  private view = new DataView(this.bytes.buffer);
  private at = 0;
  /** What the next buffer is allotted: what the last one grew to, so that a long document's chunks grow only once. */
  private allotted: number;
  private taken = false;

  /** `size`: how many bytes a chunk holds before the caller takes it; a chunk grows past it only for one long value. */
  constructor(private readonly size: number) {
    this.allotted = Math.min(firstHint, this.chunkCap());
  }

  /** Bytes written since the last take(). */
  get length(): number {
    return this.at;
  }

  /** The bytes written since the last take(), now the caller's: writing goes on into a new buffer. */
  take(): Uint8Array {
    const out = this.bytes.subarray(0, this.at);
    lent.add(this.bytes.buffer);
    if (!this.taken) {
      // The next report's first buffer starts a little above this one's length: documents of a corpus are often of a
      // size, and a small one's buffer grown from 4 KB was copied at each doubling.
      firstHint = Math.min(Math.max(FIRST_BUFFER, this.at + (this.at >> 3) + 256), this.chunkCap());
      this.taken = true;
    }
    // The next buffer is made when something is written into it.
    this.allotted = Math.min(Math.max(this.allotted, this.bytes.length), this.chunkCap());
    this.bytes = new Uint8Array(0);
    this.view = new DataView(this.bytes.buffer);
    this.at = 0;
    return out;
  }

  /** Bytes that are JSON as they are: written elsewhere by a JsonBytes (see copy), or ASCII encoded once. */
  copied(from: EncodedBytes): void {
    const n = from.length;
    if (this.at + n > this.bytes.length) this.grow(n);
    const at = this.at;
    const words = from.words;
    const last = words.length - 1;
    if (last >= 0) {
      const view = this.view;
      for (let i = 0; i < last; i++) view.setFloat64(at + 8 * i, words[i], true);
      view.setFloat64(at + n - 8, words[last], true);
    } else if (n < 8) {
      const bytes = this.bytes;
      const source = from.bytes;
      for (let i = 0; i < n; i++) bytes[at + i] = source[i];
    } else this.bytes.set(from.bytes, at);
    this.at = at + n;
  }

  /** A copy of the bytes written since the last take(), which stay written. */
  copy(): Uint8Array {
    return this.bytes.slice(0, this.at);
  }

  /** Text the caller knows to be ASCII and to need no escaping (keys, punctuation, indentation). */
  raw(text: string): void {
    const n = text.length;
    if (this.at + n > this.bytes.length) this.grow(n);
    const bytes = this.bytes;
    let at = this.at;
    for (let i = 0; i < n; i++) bytes[at++] = text.charCodeAt(i);
    this.at = at;
  }

  /** A number as JSON.stringify writes it. */
  number(x: number): void {
    if ((x | 0) === x) this.integer(x);
    else this.raw(JSON.stringify(x));
  }

  /** A 32-bit integer, in decimal. */
  integer(x: number): void {
    if (this.at + 12 > this.bytes.length) this.grow(12);
    const bytes = this.bytes;
    if (x < 0) {
      bytes[this.at++] = 45;
      x = -x;
    }
    const digits = x < 10 ? 1 : x < 100 ? 2 : x < 1000 ? 3 : x < 10000 ? 4 : x < 100000 ? 5 : x < 1000000 ? 6 : x < 10000000 ? 7 : x < 100000000 ? 8 : x < 1000000000 ? 9 : 10;
    let at = this.at + digits;
    this.at = at;
    // Two digits per division, stored as one 16-bit word: positions and counts are most of a report's numbers.
    const view = this.view;
    while (x >= 100) {
      const q = (x / 100) | 0;
      at -= 2;
      view.setUint16(at, DIGIT_PAIRS[x - q * 100], true);
      x = q;
    }
    if (x >= 10) view.setUint16(at - 2, DIGIT_PAIRS[x], true);
    else bytes[at - 1] = 48 + x;
  }

  /**
   * `x` rounded to four decimals as report.ts's round() rounds it, written as JSON.stringify writes the result: the
   * shortest decimal that reads back as a multiple of 1/10000 below 2^31/10000 is its four decimals without their
   * trailing zeros, so a report's figures are written without a string for each.
   */
  rounded(x: number): void {
    const y = Math.round(x * 10000) / 10000 || 0;
    const units = Math.round(y * 10000);
    if (units / 10000 !== y || units >= 2147483648 || units <= -2147483648) {
      this.number(y);
      return;
    }
    const magnitude = Math.abs(units);
    const whole = Math.floor(magnitude / 10000);
    let fraction = magnitude - whole * 10000;
    if (units < 0) this.raw('-');
    this.integer(whole);
    if (fraction === 0) return;
    if (this.at + 5 > this.bytes.length) this.grow(5);
    const bytes = this.bytes;
    bytes[this.at++] = 46;
    let digits = 4;
    while (fraction % 10 === 0) {
      fraction /= 10;
      digits--;
    }
    let at = this.at + digits;
    this.at = at;
    for (let d = 0; d < digits; d++) {
      const q = (fraction / 10) | 0;
      bytes[--at] = 48 + fraction - q * 10;
      fraction = q;
    }
  }

  boolean(b: boolean): void {
    this.raw(b ? 'true' : 'false');
  }

  /** A string as JSON.stringify writes it (quotes, escapes), UTF-8 encoded; null as null. */
  string(text: string | null): void {
    if (text === null) {
      this.raw('null');
      return;
    }
    this.substring(text, 0, text.length);
  }

  /** `text.slice(from, to)` as string() writes it, without the slice. */
  substring(text: string, from: number, to: number): void {
    // At most three bytes per UTF-16 unit (a surrogate pair is four bytes for two), and the quotes.
    if (this.at + 3 * (to - from) + 2 > this.bytes.length) this.grow(3 * (to - from) + 2);
    const bytes = this.bytes;
    let at = this.at;
    bytes[at++] = QUOTE;
    for (let i = from; i < to; i++) {
      const c = text.charCodeAt(i);
      if (c < 0x80) {
        if (c < 0x20 || c === QUOTE || c === BACKSLASH) return this.escapedFrom(text, i, to, at);
        bytes[at++] = c;
      } else if (c < 0xd800 || c > 0xdfff) {
        at = bmpUtf8(bytes, at, c);
      } else {
        const low = i + 1 < to ? text.charCodeAt(i + 1) : 0;
        if (c > 0xdbff || low < 0xdc00 || low > 0xdfff) return this.escapedFrom(text, i, to, at);
        at = pairUtf8(bytes, at, c, low);
        i++;
      }
    }
    bytes[at++] = QUOTE;
    this.at = at;
  }

  /**
   * The rest of substring from `i`, where the first character that needs an escape is, written at `at`: escaped as
   * JSON.stringify escapes (the short forms, else \u and four lowercase hex digits: controls and lone surrogates).
   */
  private escapedFrom(text: string, i: number, to: number, at: number): void {
    // At most six bytes per UTF-16 unit (an escape), and the closing quote.
    this.at = at;
    if (at + 6 * (to - i) + 1 > this.bytes.length) this.grow(6 * (to - i) + 1);
    const bytes = this.bytes;
    for (; i < to; i++) {
      const c = text.charCodeAt(i);
      if (c < 0x80) {
        if (c >= 0x20 && c !== QUOTE && c !== BACKSLASH) bytes[at++] = c;
        else {
          bytes[at++] = BACKSLASH;
          const short = c < 0x20 ? SHORT_ESCAPES[c] : c;
          if (short !== 0) bytes[at++] = short;
          else at = hexEscape(bytes, at, c);
        }
      } else if (c < 0xd800 || c > 0xdfff) {
        at = bmpUtf8(bytes, at, c);
      } else {
        const low = i + 1 < to ? text.charCodeAt(i + 1) : 0;
        if (c > 0xdbff || low < 0xdc00 || low > 0xdfff) {
          bytes[at++] = BACKSLASH;
          at = hexEscape(bytes, at, c);
          continue;
        }
        at = pairUtf8(bytes, at, c, low);
        i++;
      }
    }
    bytes[at++] = QUOTE;
    this.at = at;
  }

  /** JSON text made elsewhere, written as it is (UTF-8); it holds no lone surrogate, as JSON.stringify's never does. */
  encoded(json: string): void {
    if (this.at + 3 * json.length > this.bytes.length) this.grow(3 * json.length);
    this.at += UTF8.encodeInto(json, this.bytes.subarray(this.at)).written;
  }

  /** The most a chunk's buffer is allotted before it holds anything. */
  private chunkCap(): number {
    return this.size + (this.size >> 2) + 256;
  }

  private grow(needed: number): void {
    const size = Math.max(this.bytes.length * 2, this.allotted, this.at + needed + 256);
    // A spare chunk when this is a chunk's first buffer and a spare is of about its size (not for a stance's few bytes).
    const reused = this.at === 0 ? spareOf(size, 2 * this.chunkCap()) : null;
    if (reused !== null) this.bytes = reused;
    else {
      const bigger = new Uint8Array(size);
      bigger.set(this.bytes.subarray(0, this.at));
      this.bytes = bigger;
    }
    this.view = new DataView(this.bytes.buffer, this.bytes.byteOffset, this.bytes.length);
  }
}

const UTF8 = new TextEncoder();

/** The letter of JSON.stringify's two-character escape of each control character (b, t, n, f, r), else 0. */
const SHORT_ESCAPES = Uint8Array.from({ length: 0x20 }, (_, c) => ({ 8: 98, 9: 116, 10: 110, 12: 102, 13: 114 })[c] ?? 0);
const HEX = Uint8Array.from('0123456789abcdef', (d) => d.charCodeAt(0));

/** A UTF-16 unit of the Basic Multilingual Plane from U+0080, not a surrogate, as UTF-8 at `at`; returns the end. */
function bmpUtf8(bytes: Uint8Array, at: number, c: number): number {
  if (c < 0x800) {
    bytes[at] = 0xc0 | (c >> 6);
    bytes[at + 1] = 0x80 | (c & 0x3f);
    return at + 2;
  }
  bytes[at] = 0xe0 | (c >> 12);
  bytes[at + 1] = 0x80 | ((c >> 6) & 0x3f);
  bytes[at + 2] = 0x80 | (c & 0x3f);
  return at + 3;
}

/** A surrogate pair as UTF-8's four bytes at `at`; returns the end. */
function pairUtf8(bytes: Uint8Array, at: number, high: number, low: number): number {
  const cp = 0x10000 + ((high - 0xd800) << 10) + (low - 0xdc00);
  bytes[at] = 0xf0 | (cp >> 18);
  bytes[at + 1] = 0x80 | ((cp >> 12) & 0x3f);
  bytes[at + 2] = 0x80 | ((cp >> 6) & 0x3f);
  bytes[at + 3] = 0x80 | (cp & 0x3f);
  return at + 4;
}

/** `u` and the four lowercase hex digits of `c`, after a backslash at `at`; returns where they end. */
function hexEscape(bytes: Uint8Array, at: number, c: number): number {
  bytes[at] = 117;
  bytes[at + 1] = HEX[c >> 12];
  bytes[at + 2] = HEX[(c >> 8) & 15];
  bytes[at + 3] = HEX[(c >> 4) & 15];
  bytes[at + 4] = HEX[c & 15];
  return at + 5;
}

/** "00" to "99" as ASCII digits, each pair as a little-endian 16-bit word (its first digit in the low byte). */
const DIGIT_PAIRS = Uint16Array.from({ length: 100 }, (_, i) => (48 + Math.floor(i / 10)) | ((48 + (i % 10)) << 8));
