// The tokens of one sentence that the lexicon mentions, in reusable typed arrays. Tokens nothing mentions
// are not stored: their ordinals keep the distances that phrases and cue windows are measured in.

export class SentenceBuffer {
  count = 0;
  ordinals: Int32Array = new Int32Array(256);
  starts: Int32Array = new Int32Array(256);
  ends: Int32Array = new Int32Array(256);
  /** Punctuation-delimited clause of each token (; and : open a new one). */
  clauses: Int32Array = new Int32Array(256);
  /** Each token's slots are `slots[slotStart[i], slotStart[i + 1])`; most tokens fill one. */
  slotStart: Int32Array = new Int32Array(257);
  slots: Int32Array = new Int32Array(256);

  /** A token filling the slots in `slots`. */
  push(ordinal: number, start: number, end: number, clause: number, slots: Int32Array): void {
    if (slots.length === 1) {
      this.pushOne(ordinal, start, end, clause, slots[0]);
      return;
    }
    const i = this.open(ordinal, start, end, clause);
    const from = this.slotStart[i];
    const to = from + slots.length;
    if (to > this.slots.length) this.slots = grown(this.slots, Math.max(to, this.slots.length * 2));
    // A loop, not TypedArray.set: the arrays are a few elements long and set() costs a call into the runtime.
    for (let s = 0; s < slots.length; s++) this.slots[from + s] = slots[s];
    this.slotStart[i + 1] = to;
  }

  /** A token filling exactly one slot. */
  pushOne(ordinal: number, start: number, end: number, clause: number, slot: number): void {
    const i = this.open(ordinal, start, end, clause);
    const from = this.slotStart[i];
    if (from >= this.slots.length) this.slots = grown(this.slots, this.slots.length * 2);
    this.slots[from] = slot;
    this.slotStart[i + 1] = from + 1;
  }

  reset(): void {
    this.count = 0;
  }

  private open(ordinal: number, start: number, end: number, clause: number): number {
    if (this.count === this.ordinals.length) this.grow();
    const i = this.count++;
    this.ordinals[i] = ordinal;
    this.starts[i] = start;
    this.ends[i] = end;
    this.clauses[i] = clause;
    return i;
  }

  private grow(): void {
    const size = this.ordinals.length * 2;
    this.ordinals = grown(this.ordinals, size);
    this.starts = grown(this.starts, size);
    this.ends = grown(this.ends, size);
    this.clauses = grown(this.clauses, size);
    this.slotStart = grown(this.slotStart, size + 1);
  }
}

function grown(a: Int32Array, size: number): Int32Array {
  const b = new Int32Array(size);
  b.set(a);
  return b;
}
