// An open-addressing hash table from a token's two hashes and length to the symbol it stands for (see
// matcher.ts). It replaces a Map keyed by strings: the scanner never has to slice a token out of the text to
// look it up. A corpus has tens of thousands of rare words and every analysing thread keeps its own table, so
// a row is three Int32s, side by side so that a probe reads one cache line.

/**
 * Small, so that the table first grows within a document's first words, while the code that adds words still runs
 * unoptimised: compiled before any growth, that code has no feedback for growing and is thrown away at the first one.
 */
const INITIAL_CAPACITY = 1 << 4;
const ROW = 3;
/** Row marks: 0 is an empty row, 1 a word the lexicon does not mention, 2 + s the symbol s. */
const EMPTY = 0;

export class Vocabulary {
  // Set by allocate(), and first to other values here: V8 compiles a field stored only once as a constant, and the
  // table's first growth then threw away the scanner's optimised code, which inlines find().
  private mask = 0;
  /** Per row: the first hash, the second hash with the length mixed in (so rows need no length column), the mark. */
  private rows = new Int32Array(0);
  private size = 0;

  constructor(private readonly limit: number) {
    this.allocate(INITIAL_CAPACITY);
  }

  /** The token's symbol, −1 for a word the lexicon does not mention, −2 for a word not seen yet. */
  find(hash: number, check: number, length: number): number {
    const mixed = mix(check, length);
    const rows = this.rows;
    let i = hash & this.mask;
    for (;;) {
      const at = i * ROW;
      const mark = rows[at + 2];
      if (mark === EMPTY) return -2;
      if (rows[at] === hash && rows[at + 1] === mixed) return mark - 2;
      i = (i + 1) & this.mask;
    }
  }

  /** Records a token's symbol, −1 for none. */
  add(hash: number, check: number, length: number, symbol: number): void {
    // Hostile input (endless distinct words) must not exhaust memory: start over past the limit.
    if (this.size >= this.limit) this.allocate(INITIAL_CAPACITY);
    if ((this.size + 1) * 2 > this.mask + 1) this.grow();
    this.insert(hash, mix(check, length), symbol + 2);
  }

  private insert(hash: number, mixed: number, mark: number): void {
    const rows = this.rows;
    let i = hash & this.mask;
    while (rows[i * ROW + 2] !== EMPTY) i = (i + 1) & this.mask;
    rows[i * ROW] = hash;
    rows[i * ROW + 1] = mixed;
    rows[i * ROW + 2] = mark;
    this.size++;
  }

  private grow(): void {
    const old = this.rows;
    this.allocate((this.mask + 1) * 2);
    for (let at = 0; at < old.length; at += ROW) if (old[at + 2] !== EMPTY) this.insert(old[at], old[at + 1], old[at + 2]);
  }

  private allocate(capacity: number): void {
    this.mask = capacity - 1;
    this.rows = new Int32Array(capacity * ROW);
    this.size = 0;
  }
}

function mix(check: number, length: number): number {
  return Math.imul(check ^ length, 0x9e3779b1);
}
