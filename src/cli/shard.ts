// --shard K/N: a stable partition of the inputs by path, so that N processes (GNU parallel, xargs, Spark pipe(), a
// batch queue) each analyse their own part of one corpus and `merge` puts the parts back together.
import * as path from 'node:path';
import { nodeCrypto } from '../core/nodeCrypto';

export interface Shard {
  /** 1-based. */
  index: number;
  count: number;
}

/** `K/N` → the shard, or null when it is not two whole numbers with 1 <= K <= N. */
export function parseShard(value: string): Shard | null {
  const m = /^(\d{1,6})\/(\d{1,6})$/.exec(value);
  if (!m) return null;
  const index = Number(m[1]);
  const count = Number(m[2]);
  return count >= 1 && index >= 1 && index <= count ? { index, count } : null;
}

/**
 * The path a document is known by, the same on every host and whatever spelling reached it: forward slashes,
 * `.` and `..` resolved, no leading `./`. Relative paths give the same partition on machines that mount the corpus
 * in different places.
 */
export function normalizedSource(source: string): string {
  const normalized = path.posix.normalize(source.split('\\').join('/'));
  return normalized.startsWith('./') ? normalized.slice(2) : normalized;
}

/** Shard of a source: the first 32 bits of SHA-256 of its normalized path (UTF-8), modulo N, plus one. */
export function shardOf(source: string, count: number): number {
  const digest = nodeCrypto().createHash('sha256').update(normalizedSource(source), 'utf8').digest();
  return (digest.readUInt32BE(0) % count) + 1;
}
