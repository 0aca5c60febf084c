// A trie over slot ids (see matcher.ts) kept in typed arrays, because the matcher walks one from every
// relevant token: the root's children sit in a table indexed by slot, deeper edges in one open-addressing
// hash table keyed by (node, slot). Node 0 is the root, so 0 also means "no child". Built, then frozen.

const NONE = -1;

export class SlotTrie {
  /** Per node, the value stored there (an entry or cue index), or −1. */
  values: Int32Array = new Int32Array(0);
  /** Per node, 1 when some path continues past it. */
  inner: Uint8Array = new Uint8Array(0);
  private building: Map<number, number>[] | null = [new Map()];
  private pendingValues: number[] = [NONE];
  private root: Int32Array = new Int32Array(0);
  private mask = 0;
  private edgeNodes: Int32Array = new Int32Array(0);
  private edgeSlots: Int32Array = new Int32Array(0);
  private edgeChildren: Int32Array = new Int32Array(0);

  /** The node at the end of the path `slots`, created as needed. */
  add(slots: readonly number[]): number {
    const edges = this.building;
    if (edges === null) throw new Error('the trie is frozen');
    let node = 0;
    for (const slot of slots) {
      let child = edges[node].get(slot);
      if (child === undefined) {
        child = edges.length;
        edges.push(new Map());
        this.pendingValues.push(NONE);
        edges[node].set(slot, child);
      }
      node = child;
    }
    return node;
  }

  /** The value at a node while building, −1 when none. */
  valueAt(node: number): number {
    return this.pendingValues[node];
  }

  setValue(node: number, value: number): void {
    this.pendingValues[node] = value;
  }

  /** Slots that start a path. */
  startSlots(): number[] {
    const edges = this.building;
    if (edges === null) throw new Error('the trie is frozen');
    return [...edges[0].keys()];
  }

  /** Moves the trie into typed arrays; `slotCount` bounds every slot id that will be looked up. */
  freeze(slotCount: number): void {
    const edges = this.building;
    if (edges === null) return;
    const nodes = edges.length;
    this.values = Int32Array.from(this.pendingValues);
    this.inner = new Uint8Array(nodes);
    this.root = new Int32Array(slotCount);
    let deep = 0;
    for (let node = 0; node < nodes; node++) {
      if (edges[node].size > 0) this.inner[node] = 1;
      if (node > 0) deep += edges[node].size;
    }
    let capacity = 16;
    while (capacity < deep * 2) capacity *= 2;
    this.mask = capacity - 1;
    this.edgeNodes = new Int32Array(capacity);
    this.edgeSlots = new Int32Array(capacity);
    this.edgeChildren = new Int32Array(capacity);
    for (let node = 0; node < nodes; node++) {
      for (const [slot, child] of edges[node]) {
        if (node === 0) {
          this.root[slot] = child;
          continue;
        }
        let i = edgeHash(node, slot) & this.mask;
        while (this.edgeChildren[i] !== 0) i = (i + 1) & this.mask;
        this.edgeNodes[i] = node;
        this.edgeSlots[i] = slot;
        this.edgeChildren[i] = child;
      }
    }
    this.building = null;
    this.pendingValues = [];
  }

  /** The child of `node` along `slot`, or 0. */
  child(node: number, slot: number): number {
    if (node === 0) return this.root[slot];
    const mask = this.mask;
    let i = edgeHash(node, slot) & mask;
    for (;;) {
      const child = this.edgeChildren[i];
      if (child === 0 || (this.edgeNodes[i] === node && this.edgeSlots[i] === slot)) return child;
      i = (i + 1) & mask;
    }
  }
}

function edgeHash(node: number, slot: number): number {
  return Math.imul(node, 0x9e3779b1) ^ Math.imul(slot + 1, 0x85ebca6b);
}
