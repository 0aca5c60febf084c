// Typed arrays that grow: the scanner's and the automaton's tables are reused and only ever get bigger.

/** A copy of `a` in a new array of `size` elements (at least a's), the rest zero. */
export function grown(a: Int32Array, size = a.length * 2): Int32Array<ArrayBuffer> {
  const b = new Int32Array(size);
  b.set(a);
  return b;
}
