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
  private building: { edges: Map<number, number>; values: number[]; depth: number }[] | null = [{ edges: new Map(), values: [], depth: 0 }];
  private root: Int32Array = new Int32Array(0);
  private mask = 0;
  /** Deeper edges as (node, slot, child) triples side by side, so that a probe reads one cache line. */
  private edges: Int32Array = new Int32Array(0);

  /** The node at the end of the path `slots`, created as needed. */
  add(slots: readonly number[]): number {
    const nodes = this.unfrozen();
    let node = 0;
    for (const slot of slots) {
      let child = nodes[node].edges.get(slot);
      if (child === undefined) {
        child = nodes.length;
        nodes.push({ edges: new Map(), values: [], depth: nodes[node].depth + 1 });
        nodes[node].edges.set(slot, child);
      }
      node = child;
    }
    return node;
  }

  /** The values at a node, while building. */
  valuesAt(node: number): readonly number[] {
    return this.unfrozen()[node].values;
  }

  addValue(node: number, value: number): void {
    this.unfrozen()[node].values.push(value);
  }

  /** Moves the trie into typed arrays; `slotCount` bounds every slot id that will be looked up. */
  freeze(slotCount: number): void {
    const nodes = this.unfrozen();
    this.building = null;
    this.depth = Int32Array.from(nodes, (node) => node.depth);
    this.valueStart = new Int32Array(nodes.length + 1);
    const values: number[] = [];
    let deep = 0;
    nodes.forEach((node, n) => {
      if (n > 0) deep += node.edges.size;
      values.push(...node.values);
      this.valueStart[n + 1] = values.length;
    });
    this.valueList = Int32Array.from(values);
    this.root = new Int32Array(slotCount);
    let capacity = 16;
    while (capacity < deep * 2) capacity *= 2;
    this.mask = capacity - 1;
    this.edges = new Int32Array(capacity * 3);
    nodes.forEach(({ edges }, node) => {
      for (const [slot, child] of edges) {
        if (node === 0) {
          this.root[slot] = child;
          continue;
        }
        let i = edgeHash(node, slot) & this.mask;
        while (this.edges[i * 3 + 2] !== 0) i = (i + 1) & this.mask;
        this.edges[i * 3] = node;
        this.edges[i * 3 + 1] = slot;
        this.edges[i * 3 + 2] = child;
      }
    });
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

  private unfrozen(): { edges: Map<number, number>; values: number[]; depth: number }[] {
    if (this.building === null) throw new Error('the trie is frozen');
    return this.building;
  }
}

function edgeHash(node: number, slot: number): number {
  return Math.imul(node, 0x9e3779b1) ^ Math.imul(slot + 1, 0x85ebca6b);
}
