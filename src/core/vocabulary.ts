// An open-addressing hash table from a token's two hashes and length to the symbol it stands for (see
// matcher.ts). It replaces a Map keyed by strings: the scanner never has to slice a token out of the text to
// look it up. A corpus has tens of thousands of rare words and every analysing thread keeps its own table, so
// a row is three Int32s, side by side so that a probe reads one cache line.
//
// The first words met go into a table of fixed size whose array is never replaced: the scanner's kernel holds that
// array as a constant (scan.ts), and V8 then compiles its base and length into the probe. The commonest words of a text
// come early, so later words, which go into a second table that grows, are rare ones: on the bench's 10 MB English
// text 2% of the tokens are words past the first 8,192.

/** Rows of the fixed table: 8,192 words at half load, 192 KB. */
export const VOCABULARY_ROWS = 1 << 14;
export const VOCABULARY_MASK = VOCABULARY_ROWS - 1;
/**
 * Small, so that the second table first grows within its first words, while the code that adds words still runs
 * unoptimised: compiled before any growth, that code has no feedback for growing and is thrown away at the first one.
 */
const INITIAL_CAPACITY = 1 << 4;
export const ROW = 3;
/** Row marks: 0 is an empty row, 1 a word the lexicon does not mention, 2 + s the symbol s. */
export const EMPTY = 0;

export class Vocabulary {
  /** Per row: the first hash, the second hash with the length mixed in (so rows need no length column), the mark. */
  readonly rows = new Int32Array(VOCABULARY_ROWS * ROW);
  private size = 0;
  // Set by allocateMore(), and first to other values here: V8 compiles a field stored only once as a constant, and the
  // table's first growth would then throw away the code that inlines findMore().
  private moreMask = 0;
  /** The words met once the fixed table was half full, as its rows. */
  private moreRows = new Int32Array(0);
  private moreSize = 0;

  constructor(private readonly limit: number) {
    this.allocateMore(INITIAL_CAPACITY);
  }

  /** The token's symbol, −1 for a word the lexicon does not mention, −2 for a word not seen yet. */
  find(hash: number, check: number, length: number): number {
    const mixed = mixLength(check, length);
    const rows = this.rows;
    let i = hash & VOCABULARY_MASK;
    for (;;) {
      const at = i * ROW;
      const mark = rows[at + 2];
      if (mark === EMPTY) return this.findMore(hash, mixed);
      if (rows[at] === hash && rows[at + 1] === mixed) return mark - 2;
      i = (i + 1) & VOCABULARY_MASK;
    }
  }

  /** find() for a token the fixed table does not hold (`mixed`: its second hash with the length mixed in, mixLength). */
  findMore(hash: number, mixed: number): number {
    if (this.moreSize === 0) return -2;
    const rows = this.moreRows;
    let i = hash & this.moreMask;
    for (;;) {
      const at = i * ROW;
      const mark = rows[at + 2];
      if (mark === EMPTY) return -2;
      if (rows[at] === hash && rows[at + 1] === mixed) return mark - 2;
      i = (i + 1) & this.moreMask;
    }
  }

  /** Records a token's symbol, −1 for none. */
  add(hash: number, check: number, length: number, symbol: number): void {
    // Hostile input (endless distinct words) must not exhaust memory: start over past the limit.
    if (this.size + this.moreSize >= this.limit) {
      this.rows.fill(EMPTY);
      this.size = 0;
      this.allocateMore(INITIAL_CAPACITY);
    }
    const mixed = mixLength(check, length);
    if ((this.size + 1) * 2 <= VOCABULARY_ROWS) {
      insert(this.rows, VOCABULARY_MASK, hash, mixed, symbol + 2);
      this.size++;
      return;
    }
    if ((this.moreSize + 1) * 2 > this.moreMask + 1) this.growMore();
    insert(this.moreRows, this.moreMask, hash, mixed, symbol + 2);
    this.moreSize++;
  }

  private growMore(): void {
    const old = this.moreRows;
    const size = this.moreSize;
    this.allocateMore((this.moreMask + 1) * 2);
    for (let at = 0; at < old.length; at += ROW) if (old[at + 2] !== EMPTY) insert(this.moreRows, this.moreMask, old[at], old[at + 1], old[at + 2]);
    this.moreSize = size;
  }

  private allocateMore(capacity: number): void {
    this.moreMask = capacity - 1;
    this.moreRows = new Int32Array(capacity * ROW);
    this.moreSize = 0;
  }
}

function insert(rows: Int32Array, mask: number, hash: number, mixed: number, mark: number): void {
  let i = hash & mask;
  while (rows[i * ROW + 2] !== EMPTY) i = (i + 1) & mask;
  rows[i * ROW] = hash;
  rows[i * ROW + 1] = mixed;
  rows[i * ROW + 2] = mark;
}

/** A token's second hash with its length mixed in, as rows hold it. */
export function mixLength(check: number, length: number): number {
  return Math.imul(check ^ length, 0x9e3779b1);
}
