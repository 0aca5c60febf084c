// Finds every lexicon path that ends at a token in one step per token, instead of walking the trie again
// from every token of a sentence. A state is the set of trie nodes reached by the paths still open after a
// token (Aho–Corasick's idea, over sets because a word may fill several slots); states and transitions are
// built the first time a text needs them and then cached, so a long document costs one table lookup per
// token that the lexicon mentions.
import { SlotTrie } from './slotTrie';
import { grown } from './grown';

/** The state with no open path; also what a token the lexicon does not mention leads to. */
export const NO_PATH = 0;
/** A transition not built yet, in `fromStart` and the third column of `table`. */
export const UNKNOWN = -1;
/** Symbols whose transitions out of NO_PATH `fromStart` holds: every slot of the built-in lexicons (2,030) and the slot sets of their words. */
export const START_SYMBOLS = 1 << 13;
/** Slots of the fixed transition table: 2,048 transitions at half load, 48 KB (the bench's texts build 600-850). */
export const TRANSITION_SLOTS = 1 << 12;
export const TRANSITION_MASK = TRANSITION_SLOTS - 1;
/** Past this many states (only hostile lexicons and texts get near it) the caches start over between blocks. */
const STATE_LIMIT = 1 << 16;

export class PathAutomaton {
  /** Values found at state s (v ≥ 0 an entry, v < 0 a cue) are `outValues[outStart[s], outStart[s + 1])`, with their paths' lengths in tokens in `outTokens`. */
  outStart: Int32Array = new Int32Array(2);
  outValues: Int32Array = new Int32Array(16);
  outTokens: Int32Array = new Int32Array(16);
  private stateNodes: Int32Array[] = [];
  private readonly stateIds = new Map<string, number>();
  /**
   * Transitions out of NO_PATH by symbol, for the first START_SYMBOLS symbols, and the first transitions from other
   * states, TRANSITION_SLOTS / 2 of them, in a hash table of (state, symbol, next) triples. Neither array is ever
   * replaced: the scanner's kernel holds them as constants (scan.ts), and V8 then compiles their base and length into
   * its probes. What they cannot hold goes to the tables below, which grow.
   */
  readonly fromStart = new Int32Array(START_SYMBOLS);
  readonly table = new Int32Array(TRANSITION_SLOTS * 3);
  private moreFromStart: Int32Array = new Int32Array(0);
  private moreTable: Int32Array = new Int32Array(0);
  private moreMask = 0;
  private fixedTransitions = 0;
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
      if (symbol < START_SYMBOLS) {
        const known = this.fromStart[symbol];
        if (known !== UNKNOWN) return known;
      }
      return this.nextFromStart(symbol);
    }
    const table = this.table;
    let i = transitionHash(state, symbol) & TRANSITION_MASK;
    for (;;) {
      const at = i * 3;
      const nextState = table[at + 2];
      if (nextState === UNKNOWN) break;
      if (table[at] === state && table[at + 1] === symbol) return nextState;
      i = (i + 1) & TRANSITION_MASK;
    }
    return this.nextBeyond(state, symbol);
  }

  /** next() from NO_PATH for a symbol `fromStart` does not hold a transition for. */
  nextFromStart(symbol: number): number {
    if (symbol < START_SYMBOLS) {
      const made = this.build(NO_PATH, symbol);
      this.fromStart[symbol] = made;
      return made;
    }
    const k = symbol - START_SYMBOLS;
    if (k >= this.moreFromStart.length) this.growMoreFromStart(k);
    const known = this.moreFromStart[k];
    if (known !== UNKNOWN) return known;
    const made = this.build(NO_PATH, symbol);
    this.moreFromStart[k] = made;
    return made;
  }

  /** next() from another state when `table` does not hold the transition: it is in the table that grows, or is built. */
  nextBeyond(state: number, symbol: number): number {
    if (this.transitions > this.fixedTransitions) {
      const table = this.moreTable;
      const mask = this.moreMask;
      let i = transitionHash(state, symbol) & mask;
      for (;;) {
        const at = i * 3;
        const nextState = table[at + 2];
        if (nextState === UNKNOWN) break;
        if (table[at] === state && table[at + 1] === symbol) return nextState;
        i = (i + 1) & mask;
      }
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
    this.fromStart.fill(UNKNOWN);
    this.table.fill(UNKNOWN);
    this.moreFromStart = new Int32Array(0);
    this.moreMask = 63;
    this.moreTable = new Int32Array((this.moreMask + 1) * 3).fill(UNKNOWN);
    this.fixedTransitions = 0;
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
    this.transitions++;
    if ((this.fixedTransitions + 1) * 2 <= TRANSITION_SLOTS) {
      insert(this.table, TRANSITION_MASK, state, symbol, nextState);
      this.fixedTransitions++;
      return;
    }
    if ((this.transitions - this.fixedTransitions) * 2 > this.moreMask + 1) this.growMoreTable();
    insert(this.moreTable, this.moreMask, state, symbol, nextState);
  }

  private growMoreTable(): void {
    const old = this.moreTable;
    this.moreMask = this.moreMask * 2 + 1;
    this.moreTable = new Int32Array((this.moreMask + 1) * 3).fill(UNKNOWN);
    for (let at = 0; at < old.length; at += 3) if (old[at + 2] !== UNKNOWN) insert(this.moreTable, this.moreMask, old[at], old[at + 1], old[at + 2]);
  }

  private growMoreFromStart(k: number): void {
    const bigger = new Int32Array(Math.max(k + 1, this.moreFromStart.length * 2)).fill(UNKNOWN);
    bigger.set(this.moreFromStart);
    this.moreFromStart = bigger;
  }
}

function insert(table: Int32Array, mask: number, state: number, symbol: number, nextState: number): void {
  let i = transitionHash(state, symbol) & mask;
  while (table[i * 3 + 2] !== UNKNOWN) i = (i + 1) & mask;
  table[i * 3] = state;
  table[i * 3 + 1] = symbol;
  table[i * 3 + 2] = nextState;
}

/** Where the transition from `state` on `symbol` is first looked for in a table of (state, symbol, next) triples (masked). */
export function transitionHash(state: number, symbol: number): number {
  return Math.imul(state, 0x9e3779b1) ^ Math.imul(symbol + 1, 0x85ebca6b);
}
