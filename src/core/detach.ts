// Strings kept beyond one analysis must not be slices of the document: V8 makes a slice of 13 or more characters
// a pointer into the whole text, so a kept term or heading title would keep every edited version of a long document
// alive. Used only where a string is stored, which is rare.

/** A copy of `s` that shares no memory with the string it was cut from. */
export function detached(s: string): string {
  // Concatenation then slicing flattens into a new string; the slice then points into that copy, not the source.
  return s.length < 13 ? s : (' ' + s).slice(1);
}
