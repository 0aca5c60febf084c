// An open-addressing hash table from a token's two hashes and length to the slots it fills. It replaces a
// Map keyed by strings: the scanner never has to slice a token out of the text to look it up. A corpus has
// tens of thousands of rare words and every analysing thread keeps its own table, so a row is three Int32s.
import { Slots } from './matcher';

const INITIAL_CAPACITY = 1 << 12;
/** Row marks: 0 is an empty row, NO_SLOTS a word that fills none, and NO_SLOTS + 1 + k the k-th distinct slot list. */
const EMPTY = 0;
const NO_SLOTS = 1;

export class Vocabulary {
  private mask = INITIAL_CAPACITY - 1;
  private hashes = new Int32Array(INITIAL_CAPACITY);
  /** The second hash with the length mixed in, so that rows need no length column. */
  private checks = new Int32Array(INITIAL_CAPACITY);
  private marks = new Int32Array(INITIAL_CAPACITY);
  /** Distinct slot lists; few words in a text are in the lexicon, so few rows point here. */
  private lists: Int32Array[] = [];
  private size = 0;

  constructor(private readonly limit: number) {}

  /** Index of the token's row, or −1 when it has none yet. */
  find(hash: number, check: number, length: number): number {
    const mixed = mix(check, length);
    let i = hash & this.mask;
    for (;;) {
      const mark = this.marks[i];
      if (mark === EMPTY) return -1;
      if (this.hashes[i] === hash && this.checks[i] === mixed) return i;
      i = (i + 1) & this.mask;
    }
  }

  value(row: number): Slots {
    const mark = this.marks[row];
    return mark === NO_SLOTS ? null : this.lists[mark - NO_SLOTS - 1];
  }

  add(hash: number, check: number, length: number, slots: Slots): void {
    // Hostile input (endless distinct words) must not exhaust memory: start over past the limit.
    if (this.size >= this.limit) this.allocate(INITIAL_CAPACITY);
    if ((this.size + 1) * 2 > this.mask + 1) this.grow();
    let mark = NO_SLOTS;
    if (slots !== null) {
      this.lists.push(slots);
      mark = NO_SLOTS + this.lists.length;
    }
    this.insert(hash, mix(check, length), mark);
  }

  private insert(hash: number, mixed: number, mark: number): void {
    let i = hash & this.mask;
    while (this.marks[i] !== EMPTY) i = (i + 1) & this.mask;
    this.hashes[i] = hash;
    this.checks[i] = mixed;
    this.marks[i] = mark;
    this.size++;
  }

  private grow(): void {
    const { hashes, checks, marks, lists } = this;
    this.allocate((this.mask + 1) * 2);
    this.lists = lists;
    for (let i = 0; i < marks.length; i++) if (marks[i] !== EMPTY) this.insert(hashes[i], checks[i], marks[i]);
  }

  private allocate(capacity: number): void {
    this.mask = capacity - 1;
    this.hashes = new Int32Array(capacity);
    this.checks = new Int32Array(capacity);
    this.marks = new Int32Array(capacity);
    this.lists = [];
    this.size = 0;
  }
}

function mix(check: number, length: number): number {
  return Math.imul(check ^ length, 0x9e3779b1);
}
