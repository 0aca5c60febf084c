// The prefixes of the lexicon's words, as hashes: the matcher asks whether a new word of a text starts like some
// lexicon word before it stems it (matcher.ts, mayBeInFamily). Kept as numbers in one typed array, because a
// lexicon of 100,000 entries has about a million prefixes, and a Set of their strings made and hashed every one.
// Two prefixes may share a hash: the answer is then "maybe" where it was "no", which only costs a stemming.

const INITIAL_CAPACITY = 1 << 10;
/** Marks an empty slot; a hash that comes out as this is stored as EMPTY_STANDIN instead. */
const EMPTY = 0;
const EMPTY_STANDIN = 1;

export class PrefixHashes {
  private mask = INITIAL_CAPACITY - 1;
  private table: Int32Array = new Int32Array(INITIAL_CAPACITY);
  private size = 0;

  /** Records every prefix of `word`, from its first character to all of it. */
  addPrefixesOf(word: string): void {
    let h = SEED;
    for (let i = 0; i < word.length; i++) {
      h = step(h, word.charCodeAt(i));
      this.insert(h);
    }
  }

  /** False when no recorded prefix is `s[0, length)`; true when one is, or (rarely) when another shares its hash. */
  hasPrefix(s: string, length: number): boolean {
    let h = SEED;
    for (let i = 0; i < length; i++) h = step(h, s.charCodeAt(i));
    const key = h === EMPTY ? EMPTY_STANDIN : h;
    const table = this.table;
    for (let i = mixed(key) & this.mask; ; i = (i + 1) & this.mask) {
      const at = table[i];
      if (at === EMPTY) return false;
      if (at === key) return true;
    }
  }

  /** The table and how many prefixes it holds, for a copy loaded as a view over them (see fromTable). */
  frozen(): { table: Int32Array; size: number } {
    return { table: this.table, size: this.size };
  }

  /** Prefix hashes over another's frozen() table (not copied; a power-of-two length, as it always is). */
  static fromTable(table: Int32Array, size: number): PrefixHashes {
    const hashes = new PrefixHashes();
    hashes.table = table;
    hashes.mask = table.length - 1;
    hashes.size = size;
    return hashes;
  }

  private insert(h: number): void {
    const key = h === EMPTY ? EMPTY_STANDIN : h;
    const table = this.table;
    let i = mixed(key) & this.mask;
    for (; table[i] !== EMPTY; i = (i + 1) & this.mask) if (table[i] === key) return;
    table[i] = key;
    if (++this.size * 2 > this.mask + 1) this.grow();
  }

  private grow(): void {
    const old = this.table;
    this.mask = old.length * 2 - 1;
    this.table = new Int32Array(old.length * 2);
    for (const key of old) {
      if (key === EMPTY) continue;
      let i = mixed(key) & this.mask;
      while (this.table[i] !== EMPTY) i = (i + 1) & this.mask;
      this.table[i] = key;
    }
  }
}

const SEED = 0x811c9dc5 | 0;

/** FNV-1a over UTF-16 code units: the hash of a prefix one character longer. */
function step(h: number, c: number): number {
  return Math.imul(h ^ c, 0x01000193);
}

/** Spreads a hash over the table's low bits (FNV's low bits vary little for similar prefixes). */
function mixed(key: number): number {
  return Math.imul(key ^ (key >>> 15), 0x2c1b3c6d) ^ (key >>> 13);
}
