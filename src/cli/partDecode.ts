// A big file's part decoded through UTF-16 when it is not ASCII. TextDecoder (V8's UTF-8 decoder) reads a text past
// its ASCII prefix a character at a time, ~4.5 ns a byte of Chinese on this machine; ICU's conversion to UTF-16 then a
// copy into a V8 string takes ~1.2 (docs/performance-notes.md, "CLI: session 27"). The outcome is InputDecoder's.
import { isAscii, isUtf8, transcode } from 'node:buffer';
import type { DecodedText } from '../core/decode';

/**
 * Node makes a string of this many UTF-16 units or more an external string (its EXTERN_APEX is 1,031,913), which only
 * a full collection frees: longer parts are left to TextDecoder, which makes a string on V8's heap.
 */
const MOST_UNITS = 1_000_000;
/** Bytes read to tell whether a part of MOST_UNITS bytes or more decodes to fewer units (a text part is ~1 MB). */
const SAMPLE = 64 * 1024;
const LONE_CR = /\r(?!\n)/g;

/**
 * The part `bytes` decoded as InputDecoder decodes a whole input (a leading byte-order mark dropped, a lone carriage
 * return a line feed; blank text is text when `blankIsText`), or null when this way does not apply: ASCII (which V8
 * decodes as fast), a byte-order mark of UTF-16, a NUL, bytes that are not UTF-8, or a part too long (see MOST_UNITS).
 * The caller then decodes it as before.
 */
export function decodeNonAscii(bytes: Uint8Array, blankIsText: boolean): DecodedText | null {
  const n = bytes.length;
  if (n < 2 || (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return null;
  if (isAscii(bytes) || (n >= MOST_UNITS && !fewerUnits(bytes)) || bytes.includes(0) || !isUtf8(bytes)) return null;
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && n > 2 && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  let units: Buffer;
  try {
    units = transcode(body, 'utf8', 'ucs2');
  } catch {
    // A Node built without ICU has no transcode.
    return null;
  }
  if (units.length >= 2 * MOST_UNITS) return null;
  const text = units.toString('ucs2');
  if (!blankIsText && text.trim().length === 0) return { ok: false, reason: 'empty' };
  return { ok: true, text: text.includes('\r') ? text.replace(LONE_CR, '\n') : text };
}

/**
 * Whether a part of MOST_UNITS bytes or more is likely to decode to well under MOST_UNITS units, judged by its first
 * bytes: a UTF-16 unit is a UTF-8 byte that does not continue a character (or two, for a character of four bytes), so
 * Chinese, three bytes a character, decodes to about a third of its bytes and English with a few quotes to nearly all.
 */
function fewerUnits(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, SAMPLE);
  let continuing = 0;
  for (let i = 0; i < n; i++) if ((bytes[i] & 0xc0) === 0x80) continuing++;
  return (bytes.length * (n - continuing)) / n < 0.9 * MOST_UNITS;
}
