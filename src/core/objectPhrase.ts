// Whether a word stands in the object of a measure rather than as its actor: Chinese puts the object of a measure
// before the verb with 对 ("上级人民政府可以对下一级人民政府开展督查"), so the same noun is the target after 对 and the
// actor before it. A cue of scope `object` (a body that a control measure may be aimed at) counts only in the object.

/** How many characters before a word its marker may stand: an object phrase lists a few bodies ("本级人民政府所属部门和下级人民政府"). */
const OBJECT_REACH = 24;

/** Punctuation that ends the phrase a marker opens: a comma or a clause mark ends it, an enumeration comma does not. */
export const PHRASE_ENDS = new Set([...'，,；;：:。！？!?\n'].map((c) => c.charCodeAt(0)));

/**
 * True when one of `markers` opens a phrase that runs up to `offset` in `text`: walking back from `offset`, a marker
 * comes before any punctuation that ends a phrase, within OBJECT_REACH characters.
 */
export function standsInObject(text: string, offset: number, markers: readonly string[]): boolean {
  if (markers.length === 0) return false;
  const floor = Math.max(0, offset - OBJECT_REACH);
  for (let i = offset - 1; i >= floor; i--) {
    // Read as char codes: a character read as a string is a string made for each one past Latin-1.
    const c = text.charCodeAt(i);
    if (PHRASE_ENDS.has(c)) return false;
    for (const marker of markers) {
      // Only a marker ending in this character can end here; its last character is compared before the whole of it.
      if (marker.length > 0 && marker.charCodeAt(marker.length - 1) !== c) continue;
      if (text.startsWith(marker, i - marker.length + 1) && i - marker.length + 1 >= floor) return true;
    }
  }
  return false;
}
