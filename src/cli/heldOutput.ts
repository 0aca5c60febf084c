// Buffers that hold a small document's output from its analysis until its turn to be written, used again once it is
// written. A document analysed ahead of its turn (by a worker, or by the main thread while it waits on one) outlives a
// few young-generation collections, so a buffer made for each was promoted and freed only at the next full collection:
// thousands of them, dead but not freed, were megabytes of peak memory on a corpus of small files.
import { recycleChunk } from '../core/jsonBytes';

/** Buffers are made in steps of this size, so that one freed by a document fits most that come after it. */
const STEP = 16 * 1024;
/** An output bigger than this gets a buffer of its own, not kept for reuse. */
const LARGEST = 256 * 1024;
/**
 * Free buffers kept at most; more come back only when more documents were held at once than usual. As many as the main
 * thread may hold ahead of their turn (MAIN_AHEAD in run.ts): with fewer, buffers freed after a full window were
 * dropped and made again, and each dropped one stayed in memory until the next full collection.
 */
const KEPT = 32;

/** A held output's bytes: in a SharedArrayBuffer when they cross to another thread (see HeldOutput's `shared`). */
export type HeldBytes = Uint8Array<ArrayBuffer | SharedArrayBuffer>;

export class HeldOutput {
  private readonly free: HeldBytes[] = [];

  /**
   * `shared`: for buffers that cross to the main thread and back, SharedArrayBuffers, so that posting one neither copies
   * nor detaches it. V8 compiles typed-array and DataView accesses without a detach check until an ArrayBuffer is first
   * detached in the thread (a transfer detaches it); then it throws that code away and compiles it again with the check.
   */
  constructor(private readonly shared = false) {}

  /**
   * The output as one piece: text as it is; bytes copied into a free buffer (a view of its first bytes), and the
   * report chunks they came from handed back to be written into again.
   */
  hold(output: Iterable<string | Uint8Array>): string | HeldBytes {
    const pieces = Array.from(output);
    if (pieces.every((p): p is string => typeof p === 'string')) return pieces.join('');
    const bytes = pieces.map((p) => (typeof p === 'string' ? Buffer.from(p) : p));
    const length = bytes.reduce((sum, b) => sum + b.length, 0);
    const buffer = this.buffer(length);
    let at = 0;
    for (const b of bytes) {
      buffer.set(b, at);
      at += b.length;
      recycleChunk(b);
    }
    return buffer.subarray(0, length);
  }

  /** A held output, written: its buffer holds the next one. */
  release(piece: string | Uint8Array): void {
    if (typeof piece === 'string' || !(piece.buffer instanceof (this.shared ? SharedArrayBuffer : ArrayBuffer))) return;
    if (piece.buffer.byteLength > LARGEST || this.free.length >= KEPT) return;
    this.free.push(new Uint8Array(piece.buffer));
  }

  private buffer(length: number): HeldBytes {
    for (let i = this.free.length - 1; i >= 0; i--) {
      if (this.free[i].length >= length) return this.free.splice(i, 1)[0];
    }
    const size = length > LARGEST ? length : Math.ceil(length / STEP) * STEP;
    return new Uint8Array(this.shared ? new SharedArrayBuffer(size) : new ArrayBuffer(size));
  }
}
