// The tokens of one sentence that the lexicon mentions, in reusable typed arrays. Tokens nothing mentions
// are not stored: their ordinals keep the distances that phrases and cue windows are measured in.
import { Slots } from './matcher';

export class SentenceBuffer {
  count = 0;
  ordinals: Int32Array = new Int32Array(256);
  starts: Int32Array = new Int32Array(256);
  ends: Int32Array = new Int32Array(256);
  /** Punctuation-delimited clause of each token (; and : open a new one). */
  clauses: Int32Array = new Int32Array(256);
  slots: Slots[] = [];

  push(ordinal: number, start: number, end: number, clause: number, slots: Slots): void {
    if (this.count === this.ordinals.length) this.grow();
    const i = this.count++;
    this.ordinals[i] = ordinal;
    this.starts[i] = start;
    this.ends[i] = end;
    this.clauses[i] = clause;
    this.slots[i] = slots;
  }

  reset(): void {
    this.count = 0;
  }

  private grow(): void {
    const size = this.ordinals.length * 2;
    const copy = (a: Int32Array): Int32Array => {
      const b = new Int32Array(size);
      b.set(a);
      return b;
    };
    this.ordinals = copy(this.ordinals);
    this.starts = copy(this.starts);
    this.ends = copy(this.ends);
    this.clauses = copy(this.clauses);
  }
}
