// A big file in the text format: its table row needs the totals only, and the totals of parts cut where a block ends
// add up to the whole text's (TotalsPart). So the file is cut into parts of about a megabyte at paragraph breaks, and
// every analysing thread (the main one and the pool's workers) takes the next part in turn until none is left: each
// part is read, decoded, counted and dropped, so no thread holds the whole text, and both cores count one file.
import * as fs from 'node:fs';
import type { Engine } from '../core';
import { DecodedText, InputDecoder } from '../core/decode';
import { addTotals, emptyTotals, TotalsPart } from '../core/tally';
import type { LanguageSetting } from '../core/types';
import { DocumentSubject, enumeratorLength } from '../core/listContext';
import type { AnalyzedDocument } from './analyze';
import { textDocument } from './analyze';
import { decodeNonAscii } from './partDecode';
import type { WorkerPool } from './pool';

/** Files at least this big are counted in parts: smaller ones take less time to count than a worker takes to start. */
export const BIG_TEXT = 4 * 1024 * 1024;
/**
 * Files at least this big are counted by one thread per core unless --jobs says otherwise; smaller ones by the main
 * thread alone. A worker is ready ~100 ms after it is started and runs its first megabyte in code not yet optimised
 * (~200 ms), while the main thread counts a warm megabyte in ~20-25 ms: on two cores the second thread paid for that
 * only from about this size (see performance-notes.md, session 18).
 */
export const THREADED_TEXT = 24 * 1000 * 1000;

/** Threads counting a big file's parts, the main one included: `jobs` when given, else as THREADED_TEXT says. */
export function partThreads(size: number, jobs: number | null, cores: number): number {
  return jobs ?? (size >= THREADED_TEXT ? cores : 1);
}
/** About how big a part is: small enough that the threads finish together, big enough that a part's costs are few. */
const PART = 1024 * 1024;
/** How far past a part's target size a paragraph break is looked for; without one, the part runs on to the next. */
const SEARCH = 64 * 1024;

/** A part's bytes, `[from, to)`, flattened as from0, to0, from1, to1, … for a worker's message. */
export type PartRanges = number[];

/** What the threads share while counting one file: the next part to take, whether a part failed, and who took parts. */
const NEXT = 0;
const FAILED = 1;
const TAKEN_BY = 2;

/** Tells the other threads to stop taking parts: one could not be counted. */
export function partsFailed(shared: Int32Array): void {
  Atomics.store(shared, FAILED, 1);
}

/**
 * Where the file can be cut: after a line feed that ends an empty line ("\n\n", or "\n\r\n"), before a character that
 * is not blank and not U+FEFF, where no list item (an enumerator) begins. No block of the whole text crosses such a
 * point: a block that reaches the empty line ends after it, at the first line that is not blank (src/core/blocks.ts),
 * and what a block's analysis reads lies in the block; what it takes from the blocks before it is the document's
 * subject (read from the first part and given to every part) and a list's lead-in (only an item takes that). The byte there starts a character (a line feed never sits inside one in UTF-8), so the part decodes
 * alone as its bytes decode in the whole, and a lone carriage return never ends a part. UTF-16 input is not cut.
 * `part`: about how many bytes a part holds.
 */
export function partRanges(fd: number, size: number, part = PART): PartRanges {
  const head = Buffer.alloc(2);
  fs.readSync(fd, head, 0, 2, 0);
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) return [0, size];
  const window = Buffer.allocUnsafe(SEARCH + 3);
  const ranges: number[] = [0];
  for (let target = part; target + part / 2 < size; ) {
    const n = fs.readSync(fd, window, 0, window.length, target - 3);
    const cut = cutIn(window, n);
    if (cut < 0) {
      target += part;
      continue;
    }
    const at = target - 3 + cut;
    ranges.push(at, at);
    target = at + part;
  }
  ranges.push(size);
  return ranges;
}

/** The first cut point in `bytes[3, n)` (see partRanges), or −1. */
function cutIn(bytes: Uint8Array, n: number): number {
  for (let i = 3; i < n; i++) if (isCut(bytes, i, n)) return i;
  return -1;
}

/** True when the input can be cut before `bytes[i]` (see partRanges); `n`: how many bytes are known. */
export function isCut(bytes: Uint8Array, i: number, n: number): boolean {
  if (!isParagraphCut(bytes, i, n)) return false;
  // A list's item takes its lead-in from the block before it, across an empty line (listContext.ts): a part that
  // starts with one could not be counted apart.
  return enumeratorLength(UTF8.decode(bytes.subarray(i, Math.min(n, i + ENUMERATOR_BYTES))), 0) === 0;
}

/** True when `bytes[i]` starts a paragraph (after an empty line) with a character that is not blank. */
export function isParagraphCut(bytes: Uint8Array, i: number, n: number): boolean {
  if (i < 3 || bytes[i - 1] !== 10 || !startsText(bytes[i], bytes[i + 1], bytes[i + 2], i + 2 < n)) return false;
  return bytes[i - 2] === 10 || (bytes[i - 2] === 13 && bytes[i - 3] === 10);
}

const UTF8 = new TextDecoder();
/** Enough bytes to hold an enumerator ("(123)", "（十一）", "123、"). */
const ENUMERATOR_BYTES = 32;

/** A byte that starts a character other than a blank (space, tab, CR, LF, U+3000) or U+FEFF. */
function startsText(b: number, b1: number, b2: number, known: boolean): boolean {
  if (b > 32 && b < 127) return true;
  if (b < 0xc2 || b > 0xf4 || !known) return false;
  if (b === 0xe3) return !(b1 === 0x80 && b2 === 0x80);
  if (b === 0xef) return !(b1 === 0xbb && b2 === 0xbf);
  return true;
}

/** The subject the document's title (its first line, in the part ending at `end`) gives every part of it. */
export function firstPartSubject(engine: Engine, fd: number, end: number, language: LanguageSetting): DocumentSubject | null {
  const head = Buffer.alloc(Math.min(end, SUBJECT_BYTES));
  const n = fs.readSync(fd, head, 0, head.length, 0);
  // A title is a short first line: the first bytes hold it, decoded as the whole input decodes (BOM dropped, lone CR a line end).
  const text = head.subarray(0, n).toString('utf8').replace(/^\ufeff/, '').replace(/\r(?!\n)/g, '\n');
  return engine.subjectOf(text, { language });
}

/** Bytes read for a document's title line (a title is at most 120 characters). */
const SUBJECT_BYTES = 4096;

/**
 * A part is read whole into one buffer per thread, kept for the whole run, and decoded at once: decoded in 64 KB
 * pieces, the pieces (a megabyte per part) outlived a scavenge or two before they were joined, and every scavenge
 * copied them. A part longer than the buffer (a file with no paragraph break for megabytes) is read in pieces of it.
 */
const WHOLE = PART + SEARCH + 3;
let buffer: Buffer | null = null;

/** The text of the part `[from, to)` of the open file, decoded as the whole file's bytes decode there; blank text is text when `blankIsText`. */
export function readPart(fd: number, from: number, to: number, blankIsText = false): DecodedText {
  buffer ??= Buffer.allocUnsafe(WHOLE);
  const decoder = new InputDecoder();
  let at = from;
  if (to - from <= buffer.length) {
    const n = readFully(fd, buffer, to - from, at);
    const bytes = buffer.subarray(0, n);
    const decoded = decodeNonAscii(bytes, blankIsText);
    if (decoded !== null) return decoded;
    decoder.addLast(bytes);
    at = to;
  }
  for (; at < to && !decoder.binary; ) {
    const n = readFully(fd, buffer, Math.min(buffer.length, to - at), at);
    if (n === 0) break;
    if (at + n >= to) decoder.addLast(buffer.subarray(0, n));
    else decoder.add(buffer.subarray(0, n));
    at += n;
  }
  return decoder.finish(blankIsText);
}

/**
 * The sums of the part `[from, to)` of the open file, or null when its bytes are not text (the whole is then read again,
 * to say why). `subject`: the document's (see firstPartSubject), for every part but the first.
 */
export function partTotals(engine: Engine, fd: number, from: number, to: number, language: LanguageSetting, subject?: DocumentSubject | null): TotalsPart | null {
  const decoded = readPart(fd, from, to);
  if (decoded.ok) return engine.totalsPart(decoded.text, { language }, from === 0 ? undefined : subject);
  // Blank text counts nothing; only the first part can be blank, as every other starts with a character that is not.
  return decoded.reason === 'empty' ? emptyTotals() : null;
}

/** Reads `want` bytes at `position` into the start of `into`, fewer only at the end of the file. */
function readFully(fd: number, into: Buffer, want: number, position: number): number {
  let n = 0;
  while (n < want) {
    const read = fs.readSync(fd, into, n, want - n, position + n);
    if (read === 0) break;
    n += read;
  }
  return n;
}

/**
 * Takes parts until none is left or one fails, adding their sums to `into`. `shared` is what the threads share
 * (see NEXT, FAILED, TAKEN_BY); `thread` is this thread's place in it. False when a part was not text.
 */
export function takeParts(engine: Engine, fd: number, ranges: PartRanges, shared: Int32Array, thread: number, language: LanguageSetting, subject: DocumentSubject | null, into: TotalsPart): boolean {
  // Counted as a taker before taking: the main thread, once the parts run out, waits for exactly the threads that took one.
  Atomics.add(shared, TAKEN_BY + thread, 1);
  const count = ranges.length / 2;
  for (;;) {
    if (Atomics.load(shared, FAILED) !== 0) return true;
    const i = Atomics.add(shared, NEXT, 1);
    if (i >= count) return true;
    const part = partTotals(engine, fd, ranges[2 * i], ranges[2 * i + 1], language, subject);
    if (part === null) {
      partsFailed(shared);
      return false;
    }
    addTotals(into, part);
  }
}

/**
 * The text-format document of a big file counted in parts by this thread and the pool's (thread 0 is this one), or
 * null when it cannot be counted so (a part that is not text, a file that cannot be cut): the caller then reads it
 * whole, which says what is wrong, or counts it in one piece.
 */
export async function countInParts(engine: Engine, file: { path: string; source: string; raw?: Uint8Array }, language: LanguageSetting, pool: WorkerPool | null): Promise<AnalyzedDocument | null> {
  let fd: number;
  try {
    fd = fs.openSync(file.raw ? Buffer.from(file.raw) : file.path, 'r');
  } catch {
    return null;
  }
  const total = emptyTotals();
  let replies: Array<Promise<TotalsPart | null>> = [];
  let shared: Int32Array;
  try {
    const ranges = partRanges(fd, fs.fstatSync(fd).size);
    if (ranges.length < 4) return null;
    const threads = 1 + (pool?.size ?? 0);
    shared = new Int32Array(new SharedArrayBuffer(4 * (TAKEN_BY + threads)));
    const subject = firstPartSubject(engine, fd, ranges[1], language);
    const job = { path: file.path, raw: file.raw, ranges, shared: shared.buffer as SharedArrayBuffer, subject };
    replies = pool ? pool.countParts(job) : [];
    if (!takeParts(engine, fd, ranges, shared, 0, language, subject, total)) return null;
  } finally {
    fs.closeSync(fd);
  }
  for (let t = 1; t < 1 + replies.length; t++) {
    // A worker that never took a part (it was still starting) may answer later: its answer adds nothing.
    if (Atomics.load(shared, TAKEN_BY + t) === 0) continue;
    const part = await replies[t - 1];
    if (part === null) return null;
    addTotals(total, part);
  }
  return textDocument(file.source, engine.totals(total, { language }));
}
