// An open-addressing hash table from a token's two hashes and length to the slots it fills. It replaces a
// Map keyed by strings: the scanner never has to slice a token out of the text to look it up.
import { Slots } from './matcher';

const EMPTY = 0;
const INITIAL_CAPACITY = 1 << 12;

export class Vocabulary {
  private mask = INITIAL_CAPACITY - 1;
  private used = new Uint8Array(INITIAL_CAPACITY);
  private hashes = new Int32Array(INITIAL_CAPACITY);
  private checks = new Int32Array(INITIAL_CAPACITY);
  private lengths = new Int32Array(INITIAL_CAPACITY);
  private values: Slots[] = new Array<Slots>(INITIAL_CAPACITY).fill(null);
  private size = 0;

  constructor(private readonly limit: number) {}

  /** Index of the token's row, or −1 when it has none yet. */
  find(hash: number, check: number, length: number): number {
    let i = hash & this.mask;
    while (this.used[i] !== EMPTY) {
      if (this.hashes[i] === hash && this.checks[i] === check && this.lengths[i] === length) return i;
      i = (i + 1) & this.mask;
    }
    return -1;
  }

  value(row: number): Slots {
    return this.values[row];
  }

  add(hash: number, check: number, length: number, slots: Slots): void {
    // Hostile input (endless distinct words) must not exhaust memory: start over past the limit.
    if (this.size >= this.limit) this.clear();
    if ((this.size + 1) * 2 > this.mask + 1) this.grow();
    this.insert(hash, check, length, slots);
  }

  private insert(hash: number, check: number, length: number, slots: Slots): void {
    let i = hash & this.mask;
    while (this.used[i] !== EMPTY) i = (i + 1) & this.mask;
    this.used[i] = 1;
    this.hashes[i] = hash;
    this.checks[i] = check;
    this.lengths[i] = length;
    this.values[i] = slots;
    this.size++;
  }

  private clear(): void {
    this.allocate(INITIAL_CAPACITY);
  }

  private grow(): void {
    const { used, hashes, checks, lengths, values } = this;
    this.allocate((this.mask + 1) * 2);
    for (let i = 0; i < used.length; i++) if (used[i] !== EMPTY) this.insert(hashes[i], checks[i], lengths[i], values[i]);
  }

  private allocate(capacity: number): void {
    this.mask = capacity - 1;
    this.used = new Uint8Array(capacity);
    this.hashes = new Int32Array(capacity);
    this.checks = new Int32Array(capacity);
    this.lengths = new Int32Array(capacity);
    this.values = new Array<Slots>(capacity).fill(null);
    this.size = 0;
  }
}
