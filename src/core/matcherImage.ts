// A MatcherImage (matcher.ts) as one buffer of bytes, so that a process can load the built-in lexicons' matcher as
// views over a file's bytes instead of building its tables (esbuild.js writes the file, src/cli/matcherImageFile.ts
// reads it). Numbers are Int32 in the machine's byte order, which the first word checks: a file of the other order is
// refused, as is any whose sizes do not add up. What a well-formed image holds is trusted; the reader checks first
// that its bytes are those of its build.
import type { MatcherImage } from './matcher';

/** "PLMI" read as a little-endian Int32; a machine of the other byte order reads another number. */
const MAGIC = 0x494d4c50;
/** Changes whenever the layout does, or what any section means. */
const FORMAT = 1;
/** The Int32 sections in their order in the file. */
const SECTIONS = ['han', 'wordSlots', 'prefixSlots', 'entries', 'cues', 'depth', 'valueStart', 'valueList', 'root', 'edges', 'prefixTable'] as const;
/** magic, format, slot count, prefix count, the text's bytes, then each section's length in Int32s. */
const HEADER = 5 + SECTIONS.length;

type Section = (typeof SECTIONS)[number];

/** The strings of an image, kept as JSON after the numbers. */
interface ImageText {
  words: string[];
  wordStems: string[];
  prefixes: string[];
  shortStems: string[];
  shortWords: string[];
}

/** The image as bytes (see decodeMatcherImage). */
export function encodeMatcherImage(image: MatcherImage): Uint8Array {
  const { trie, prefixTable, prefixCount, shortStems, shortWords } = image.built;
  const sections: Record<Section, ArrayLike<number>> = {
    han: image.han,
    wordSlots: image.wordSlots,
    prefixSlots: image.prefixSlots,
    entries: image.entries,
    cues: image.cues,
    depth: trie.depth,
    valueStart: trie.valueStart,
    valueList: trie.valueList,
    root: trie.root,
    edges: trie.edges,
    prefixTable,
  };
  const text: ImageText = { words: image.words, wordStems: image.wordStems, prefixes: image.prefixes, shortStems, shortWords };
  const textBytes = new TextEncoder().encode(JSON.stringify(text));
  const numbers = HEADER + SECTIONS.reduce((sum, name) => sum + sections[name].length, 0);
  const bytes = new Uint8Array(numbers * 4 + textBytes.length);
  const words = new Int32Array(bytes.buffer, 0, numbers);
  words.set([MAGIC, FORMAT, image.slotCount, prefixCount, textBytes.length, ...SECTIONS.map((name) => sections[name].length)]);
  let at = HEADER;
  for (const name of SECTIONS) {
    words.set(sections[name], at);
    at += sections[name].length;
  }
  bytes.set(textBytes, numbers * 4);
  return bytes;
}

/** The image the bytes hold, its numbers as views over them (or over a copy when they are not 4-byte aligned); null when malformed. */
export function decodeMatcherImage(given: Uint8Array): MatcherImage | null {
  const bytes = given.byteOffset % 4 === 0 ? given : given.slice();
  if (bytes.length < HEADER * 4) return null;
  const header = new Int32Array(bytes.buffer, bytes.byteOffset, HEADER);
  if (header[0] !== MAGIC || header[1] !== FORMAT) return null;
  const lengths = Array.from(header.subarray(5));
  const numbers = HEADER + lengths.reduce((sum, n) => sum + n, 0);
  if (lengths.some((n) => n < 0) || numbers * 4 + header[4] !== bytes.length) return null;
  const section = {} as Record<Section, Int32Array>;
  let at = bytes.byteOffset + HEADER * 4;
  SECTIONS.forEach((name, i) => {
    section[name] = new Int32Array(bytes.buffer, at, lengths[i]);
    at += lengths[i] * 4;
  });
  let text: ImageText;
  try {
    text = JSON.parse(new TextDecoder().decode(bytes.subarray(numbers * 4))) as ImageText;
  } catch {
    return null;
  }
  return {
    slotCount: header[2],
    han: section.han,
    words: text.words,
    wordStems: text.wordStems,
    wordSlots: section.wordSlots,
    prefixes: text.prefixes,
    prefixSlots: section.prefixSlots,
    entries: section.entries,
    cues: section.cues,
    built: {
      trie: { depth: section.depth, valueStart: section.valueStart, valueList: section.valueList, root: section.root, edges: section.edges },
      prefixTable: section.prefixTable,
      prefixCount: header[3],
      shortStems: text.shortStems,
      shortWords: text.shortWords,
    },
  };
}
