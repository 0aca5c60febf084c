// A trie over slot ids (see matcher.ts) kept in typed arrays, because the matcher walks one from every
// relevant token: the root's children sit in a table indexed by slot, deeper edges in one open-addressing
// hash table keyed by (node, slot). A node holds any number of integer values (entries and cues share one
// trie, so one walk finds both). Node 0 is the root, so 0 also means "no child". Built, then frozen.

export class SlotTrie {
  /** Node n's values are `valueList[valueStart[n], valueStart[n + 1])`. */
  valueStart: Int32Array = new Int32Array(1);
  valueList: Int32Array = new Int32Array(0);
  /** Per node, the length of its path in slots. */
  depth: Int32Array = new Int32Array(0);
  /**
   * While building: every edge, the root's too, in one growing table of (node, slot, child) triples, and the values of
   * the nodes that have any. A Map of edges per node cost a Map per node: 250,000 of them for 100,000 entries.
   */
  private building: { depths: number[]; values: Map<number, number[]>; edges: Int32Array; mask: number; count: number } | null = {
    depths: [0],
    values: new Map(),
    edges: new Int32Array(16 * 3),
    mask: 15,
    count: 0,
  };
  private root: Int32Array = new Int32Array(0);
  private mask = 0;
  /** Deeper edges as (node, slot, child) triples side by side, so that a probe reads one cache line. */
  private edges: Int32Array = new Int32Array(0);

  /** The node at the end of the path `slots`, created as needed. */
  add(slots: readonly number[]): number {
    const b = this.unfrozen();
    let node = 0;
    for (const slot of slots) {
      let i = edgeHash(node, slot) & b.mask;
      for (;;) {
        const child = b.edges[i * 3 + 2];
        if (child === 0) break;
        if (b.edges[i * 3] === node && b.edges[i * 3 + 1] === slot) break;
        i = (i + 1) & b.mask;
      }
      let child = b.edges[i * 3 + 2];
      if (child === 0) {
        child = b.depths.length;
        b.depths.push(b.depths[node] + 1);
        b.edges[i * 3] = node;
        b.edges[i * 3 + 1] = slot;
        b.edges[i * 3 + 2] = child;
        if (++b.count * 2 > b.mask + 1) growBuilding(b);
      }
      node = child;
    }
    return node;
  }

  /** The values at a node, while building. */
  valuesAt(node: number): readonly number[] {
    return this.unfrozen().values.get(node) ?? NONE;
  }

  addValue(node: number, value: number): void {
    const values = this.unfrozen().values;
    const list = values.get(node);
    if (list) list.push(value);
    else values.set(node, [value]);
  }

  /** Moves the trie into typed arrays; `slotCount` bounds every slot id that will be looked up. */
  freeze(slotCount: number): void {
    const b = this.unfrozen();
    this.building = null;
    const nodes = b.depths.length;
    this.depth = Int32Array.from(b.depths);
    this.valueStart = new Int32Array(nodes + 1);
    const values: number[] = [];
    for (let n = 0; n < nodes; n++) {
      const list = b.values.get(n);
      if (list) for (const v of list) values.push(v);
      this.valueStart[n + 1] = values.length;
    }
    this.valueList = Int32Array.from(values);
    let deep = 0;
    for (let i = 0; i <= b.mask; i++) if (b.edges[i * 3 + 2] !== 0 && b.edges[i * 3] !== 0) deep++;
    this.makeEdgeTables(slotCount, deep);
    for (let k = 0; k <= b.mask; k++) if (b.edges[k * 3 + 2] !== 0) this.placeEdge(b.edges[k * 3], b.edges[k * 3 + 1], b.edges[k * 3 + 2]);
  }

  /** The frozen tables, empty: the root's children by slot, and a hash table sized for `deep` edges below the root. */
  private makeEdgeTables(slotCount: number, deep: number): void {
    this.root = new Int32Array(slotCount);
    let capacity = 16;
    while (capacity < deep * 2) capacity *= 2;
    this.mask = capacity - 1;
    this.edges = new Int32Array(capacity * 3);
  }

  private placeEdge(node: number, slot: number, child: number): void {
    if (node === 0) {
      this.root[slot] = child;
      return;
    }
    let i = edgeHash(node, slot) & this.mask;
    while (this.edges[i * 3 + 2] !== 0) i = (i + 1) & this.mask;
    this.edges[i * 3] = node;
    this.edges[i * 3 + 1] = slot;
    this.edges[i * 3 + 2] = child;
  }

  /**
   * The frozen trie as lists (see MatcherTables): per node after the root, its parent and the slot that leads to it, in
   * node order; and each value with its node, in the order `valueList` holds them.
   */
  lists(): TrieLists {
    if (this.building !== null) throw new Error('the trie is not frozen');
    const nodes = this.depth.length;
    const parents = new Array<number>(nodes - 1).fill(0);
    const slots = new Array<number>(nodes - 1).fill(0);
    for (let slot = 0; slot < this.root.length; slot++) if (this.root[slot] !== 0) slots[this.root[slot] - 1] = slot;
    for (let at = 0; at < this.edges.length; at += 3) {
      const child = this.edges[at + 2];
      if (child === 0) continue;
      parents[child - 1] = this.edges[at];
      slots[child - 1] = this.edges[at + 1];
    }
    const valueNodes: number[] = [];
    for (let n = 0; n < nodes; n++) for (let v = this.valueStart[n]; v < this.valueStart[n + 1]; v++) valueNodes.push(n);
    return { parents, slots, valueNodes, values: [...this.valueList] };
  }

  /** A frozen trie from its lists (see lists()); `slotCount` as for freeze. */
  static fromLists(lists: TrieLists, slotCount: number): SlotTrie {
    const trie = new SlotTrie();
    trie.building = null;
    const nodes = lists.parents.length + 1;
    trie.depth = new Int32Array(nodes);
    for (let n = 1; n < nodes; n++) trie.depth[n] = trie.depth[lists.parents[n - 1]] + 1;
    trie.valueStart = new Int32Array(nodes + 1);
    for (const node of lists.valueNodes) trie.valueStart[node + 1]++;
    for (let n = 0; n < nodes; n++) trie.valueStart[n + 1] += trie.valueStart[n];
    trie.valueList = Int32Array.from(lists.values);
    let deep = 0;
    for (const parent of lists.parents) if (parent !== 0) deep++;
    trie.makeEdgeTables(slotCount, deep);
    for (let n = 1; n < nodes; n++) trie.placeEdge(lists.parents[n - 1], lists.slots[n - 1], n);
    return trie;
  }

  /** The frozen trie's own arrays (see FrozenTrie), for a trie loaded as views over them. */
  frozen(): FrozenTrie {
    if (this.building !== null) throw new Error('the trie is not frozen');
    return { depth: this.depth, valueStart: this.valueStart, valueList: this.valueList, root: this.root, edges: this.edges };
  }

  /** A frozen trie over the arrays of another's frozen() (not copied): nothing is placed or hashed again. */
  static fromFrozen(frozen: FrozenTrie): SlotTrie {
    const trie = new SlotTrie();
    trie.building = null;
    trie.depth = frozen.depth;
    trie.valueStart = frozen.valueStart;
    trie.valueList = frozen.valueList;
    trie.root = frozen.root;
    trie.edges = frozen.edges;
    trie.mask = frozen.edges.length / 3 - 1;
    return trie;
  }

  /** The child of `node` along `slot`, or 0. */
  child(node: number, slot: number): number {
    if (node === 0) return this.root[slot];
    const mask = this.mask;
    const edges = this.edges;
    let i = edgeHash(node, slot) & mask;
    for (;;) {
      const child = edges[i * 3 + 2];
      if (child === 0 || (edges[i * 3] === node && edges[i * 3 + 1] === slot)) return child;
      i = (i + 1) & mask;
    }
  }

  private unfrozen(): { depths: number[]; values: Map<number, number[]>; edges: Int32Array; mask: number; count: number } {
    if (this.building === null) throw new Error('the trie is frozen');
    return this.building;
  }
}

const NONE: readonly number[] = [];

/** A frozen trie as plain lists of numbers (see SlotTrie.lists). */
export interface TrieLists {
  parents: number[];
  slots: number[];
  valueNodes: number[];
  values: number[];
}

/** A frozen trie's typed arrays as the trie holds them: the deeper edges' hash table is `edges.length / 3` rows. */
export interface FrozenTrie {
  depth: Int32Array;
  valueStart: Int32Array;
  valueList: Int32Array;
  root: Int32Array;
  edges: Int32Array;
}

/** Doubles the building table and re-inserts its edges. */
function growBuilding(b: { edges: Int32Array; mask: number }): void {
  const old = b.edges;
  b.mask = b.mask * 2 + 1;
  b.edges = new Int32Array((b.mask + 1) * 3);
  for (let k = 0; k < old.length; k += 3) {
    if (old[k + 2] === 0) continue;
    let i = edgeHash(old[k], old[k + 1]) & b.mask;
    while (b.edges[i * 3 + 2] !== 0) i = (i + 1) & b.mask;
    b.edges[i * 3] = old[k];
    b.edges[i * 3 + 1] = old[k + 1];
    b.edges[i * 3 + 2] = old[k + 2];
  }
}

function edgeHash(node: number, slot: number): number {
  return Math.imul(node, 0x9e3779b1) ^ Math.imul(slot + 1, 0x85ebca6b);
}
