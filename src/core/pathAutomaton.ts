// Finds every lexicon path that ends at a token in one step per token, instead of walking the trie again
// from every token of a sentence. A state is the set of trie nodes reached by the paths still open after a
// token (Aho–Corasick's idea, over sets because a word may fill several slots); states and transitions are
// built the first time a text needs them and then cached, so a long document costs one table lookup per
// token that the lexicon mentions.
import { SlotTrie } from './slotTrie';
import { grown } from './grown';

/** The state with no open path; also what a token the lexicon does not mention leads to. */
export const NO_PATH = 0;
const UNKNOWN = -1;
/** Past this many states (only hostile lexicons and texts get near it) the caches start over between blocks. */
const STATE_LIMIT = 1 << 16;

export class PathAutomaton {
  /** Values found at state s (v ≥ 0 an entry, v < 0 a cue) are `outValues[outStart[s], outStart[s + 1])`, with their paths' lengths in tokens in `outTokens`. */
  outStart: Int32Array = new Int32Array(2);
  outValues: Int32Array = new Int32Array(16);
  outTokens: Int32Array = new Int32Array(16);
  private stateNodes: Int32Array[] = [];
  private readonly stateIds = new Map<string, number>();
  /** Transitions out of NO_PATH, by symbol; the ones from other states live in a hash table of (state, symbol, next) triples. */
  private fromStart: Int32Array = new Int32Array(0);
  private table: Int32Array = new Int32Array(0);
  private mask = 0;
  private transitions = 0;

  constructor(
    private readonly trie: SlotTrie,
    /** The slots a symbol stands for. */
    private readonly slotsOf: (symbol: number) => Int32Array,
    private readonly stateLimit = STATE_LIMIT,
  ) {
    this.reset();
  }

  /** The state after a token with `symbol` follows state `state`. */
  next(state: number, symbol: number): number {
    if (state === NO_PATH) {
      if (symbol >= this.fromStart.length) this.growStart(symbol);
      const known = this.fromStart[symbol];
      if (known !== UNKNOWN) return known;
      const made = this.build(NO_PATH, symbol);
      this.fromStart[symbol] = made;
      return made;
    }
    const table = this.table;
    const mask = this.mask;
    let i = transitionHash(state, symbol) & mask;
    for (;;) {
      const at = i * 3;
      const nextState = table[at + 2];
      if (nextState === UNKNOWN) break;
      if (table[at] === state && table[at + 1] === symbol) return nextState;
      i = (i + 1) & mask;
    }
    const made = this.build(state, symbol);
    this.remember(state, symbol, made);
    return made;
  }

  /** Starts the caches over when hostile input has grown them too far; call only between blocks, since it renumbers states. */
  trim(): void {
    if (this.stateNodes.length > this.stateLimit || this.transitions > this.stateLimit * 4) this.reset();
  }

  private reset(): void {
    this.stateNodes = [new Int32Array(0)];
    this.stateIds.clear();
    this.stateIds.set('', NO_PATH);
    this.outStart = new Int32Array(16);
    this.fromStart = new Int32Array(this.fromStart.length).fill(UNKNOWN);
    this.mask = 1023;
    this.table = new Int32Array((this.mask + 1) * 3).fill(UNKNOWN);
    this.transitions = 0;
  }

  /** The state holding every child, along the symbol's slots, of the root and of the nodes of `state`. */
  private build(state: number, symbol: number): number {
    const trie = this.trie;
    const slots = this.slotsOf(symbol);
    const reached: number[] = [];
    const from = this.stateNodes[state];
    for (let s = 0; s < slots.length; s++) {
      const fromRoot = trie.child(0, slots[s]);
      if (fromRoot !== 0) reached.push(fromRoot);
      for (let n = 0; n < from.length; n++) {
        const child = trie.child(from[n], slots[s]);
        if (child !== 0) reached.push(child);
      }
    }
    if (reached.length === 0) return NO_PATH;
    reached.sort((a, b) => a - b);
    const nodes = Int32Array.from(reached.filter((n, i) => i === 0 || reached[i - 1] !== n));
    const key = nodes.join(',');
    const existing = this.stateIds.get(key);
    if (existing !== undefined) return existing;
    return this.addState(key, nodes);
  }

  private addState(key: string, nodes: Int32Array): number {
    const trie = this.trie;
    const id = this.stateNodes.length;
    this.stateNodes.push(nodes);
    this.stateIds.set(key, id);
    if (id + 2 > this.outStart.length) this.outStart = grown(this.outStart, this.outStart.length * 2);
    let count = this.outStart[id];
    for (const node of nodes) {
      for (let v = trie.valueStart[node]; v < trie.valueStart[node + 1]; v++) {
        if (count === this.outValues.length) {
          this.outValues = grown(this.outValues, count * 2);
          this.outTokens = grown(this.outTokens, count * 2);
        }
        this.outValues[count] = trie.valueList[v];
        this.outTokens[count] = trie.depth[node];
        count++;
      }
    }
    this.outStart[id + 1] = count;
    return id;
  }

  private remember(state: number, symbol: number, nextState: number): void {
    if ((this.transitions + 1) * 2 > this.mask + 1) this.growTable();
    const table = this.table;
    let i = transitionHash(state, symbol) & this.mask;
    while (table[i * 3 + 2] !== UNKNOWN) i = (i + 1) & this.mask;
    table[i * 3] = state;
    table[i * 3 + 1] = symbol;
    table[i * 3 + 2] = nextState;
    this.transitions++;
  }

  private growTable(): void {
    const old = this.table;
    this.mask = this.mask * 2 + 1;
    this.table = new Int32Array((this.mask + 1) * 3).fill(UNKNOWN);
    this.transitions = 0;
    for (let at = 0; at < old.length; at += 3) if (old[at + 2] !== UNKNOWN) this.remember(old[at], old[at + 1], old[at + 2]);
  }

  private growStart(symbol: number): void {
    const bigger = new Int32Array(Math.max(symbol + 1, this.fromStart.length * 2)).fill(UNKNOWN);
    bigger.set(this.fromStart);
    this.fromStart = bigger;
  }
}

function transitionHash(state: number, symbol: number): number {
  return Math.imul(state, 0x9e3779b1) ^ Math.imul(symbol + 1, 0x85ebca6b);
}
