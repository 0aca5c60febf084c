// The fuzz suite's cases and invariants (issue 15). A case is a seed: from it come a random Unicode text (lone
// surrogates, combining marks, ZWJ sequences, bidi marks, emoji, every line break, Han and Latin mixed, very long
// lines) and a random lexicon set (astral and Han terms, wildcard-heavy, duplicated and conflicting entries). The
// invariants hold for every case: no exception; each match's offsets and `text` agree with the slice; the report's
// lines and characters agree with an independent count; the analysis is deterministic; incremental equals full.
// The short run is in the unit tests (fuzz.test.ts), the long one behind `npm run fuzz` (test/fuzz/fuzz.ts).
import { builtinLexicons, CueEffect, Engine, LexiconEntrySource, LexiconSource, Match } from '../../../src/core/index';
import { documentReport } from '../../../src/core/report';
import { CATEGORIES } from './lexicons';
import { Random } from './random';

const PIECES: readonly string[] = [
  // Words the lexicons know, and cues.
  'monitor', 'surveillance', 'the public', 'consult', 'not', 'no', 'fine', 'without', 'shall', 'may', 'blacklist',
  '监控', '公民', '处罚', '不得', '征求意见', '社会信用', '依法', '信息', '没有',
  // Scripts and marks.
  'é', 'e\u0301', 'a\u0336\u0336', '\u200d', '👨\u200d👩\u200d👧', '🇨🇳', '😀', '\u200f', '\u202e', '\u2066', '\u200b',
  '\ud800', '\udfff', '\ud83d', '𝐀𝐁𝐂', '𝐱𝐲𝐳', '\ufeff', '\u00a0', '\u3000', '\t', 'İ', 'ß', 'ﬁ', 'Ⅻ', '٣', 'ا',
  // Breaks and punctuation.
  '\n', '\r', '\r\n', '\u2028', '\u2029', '\u0085', '\n\n', '.', '。', '；', '，', ';', '!', '?', ',', '"', '“', '”', '(', ')',
  // Heading openings.
  '\n# ', '\n## 。', '\n第一章 ', '\n第三条 ', '\n（一）', '\n一、', '\nSection 2. ', '\nI. ', '\n(1) ', '\n2.1 ',
  ' ', ' ', ' ', 'a', 'x', '1', '*', '#',
];

const TERMS: readonly string[] = [
  'monitor', 'surveil*', 'watch*', 'the public', 'no fine', 'consult*', 'data', 'fine', 'not monitor', '𝐀𝐁𝐂', '𝐱𝐲* watch',
  '监控', '处罚', '公民', '社会信用', '征求*', 'e\u0301', 'é', 'ß', 'a*', 'x', 'İ', '😀', 'ﬁ', 'shall not',
];
const EFFECTS: readonly CueEffect[] = ['negate', 'exempt', 'protect', 'none'];

export interface FuzzCase {
  seed: number;
  text: string;
  lexicons: LexiconSource[];
  /** Edits applied to an analysis of `text`, compared with a fresh analysis of the result. */
  edits: Array<{ start: number; oldEnd: number; insert: string }>;
}

/** A random text of about `size` UTF-16 units; with `longLines`, sometimes one piece repeated into a very long line. */
function randomText(r: Random, size: number, longLines: boolean): string {
  let text = '';
  while (text.length < size) {
    const piece = r.pick(PIECES);
    text += longLines && r.chance(0.01) ? piece.replace(/[\r\n\u2028\u2029\u0085]/g, ' ').repeat(1 + r.int(2000)) : piece;
    if (r.chance(0.3)) text += ' ';
  }
  return text;
}

function randomLexicon(r: Random, index: number): LexiconSource {
  const entries: LexiconEntrySource[] = [];
  const count = 1 + r.int(r.chance(0.1) ? 300 : 20);
  for (let k = 0; k < count; k++) {
    // Duplicates and conflicts come by themselves: a small term pool, random categories and weights.
    const term = r.chance(0.2) ? `${r.pick(['pre', 'pa', '监', 'x', '𝐱'])}${r.int(50)}*` : r.pick(TERMS);
    const entry: LexiconEntrySource = r.chance(0.05) ? { term, neutral: true } : { term, category: r.pick(CATEGORIES).id };
    if (r.chance(0.3)) entry.weight = r.pick([0, 0.0004, 0.5, 1, 2, 3.25]);
    entries.push(entry);
  }
  const lexicon: LexiconSource = { name: `fuzz-${index}`, version: '0.0.1', language: r.pick(['en', 'zh'] as const), categories: [...CATEGORIES], entries };
  if (r.chance(0.5)) {
    const cue = (): { cue: string; effect: CueEffect; window?: number } => ({ cue: r.pick(['not', 'no', 'without', '不得', '没有', 'shall not', '𝐀']), effect: r.pick(EFFECTS), ...(r.chance(0.3) ? { window: 1 + r.int(5) } : {}) });
    lexicon.context = { before: Array.from({ length: r.int(4) }, cue), after: Array.from({ length: r.int(3) }, cue), clauseBreaks: r.chance(0.5) ? ['but', '但'] : [], window: 1 + r.int(6) };
  }
  return lexicon;
}

/**
 * Line ends as the engine is given them: the CLI turns a lone CR into LF when it decodes (src/core/decode.ts) and VS
 * Code normalises line ends when it loads a file or applies an edit, so the engine never sees a lone CR.
 */
function settled(text: string): string {
  return text.replace(/\r(?!\n)/g, '\n');
}

/** `at`, moved off the middle of a CRLF (VS Code's cursor cannot stand there, nor an edit start or end). */
function offCrlf(text: string, at: number): number {
  return at > 0 && text[at - 1] === '\r' && text[at] === '\n' ? at + 1 : at;
}

export function fuzzCase(seed: number, size = 2000): FuzzCase {
  const r = new Random(seed);
  const text = settled(randomText(r, r.int(size), r.chance(0.2)));
  const lexicons = r.chance(0.3) ? builtinLexicons() : [];
  for (let k = r.int(3) + (lexicons.length === 0 ? 1 : 0); k > 0; k--) lexicons.push(randomLexicon(r, k));
  const edits: FuzzCase['edits'] = [];
  let current = text;
  for (let k = r.int(6); k > 0; k--) {
    const start = offCrlf(current, r.int(current.length + 1));
    const oldEnd = Math.max(start, offCrlf(current, Math.min(current.length, start + (r.chance(0.5) ? r.int(30) : 0))));
    const insert = settled(randomText(r, r.int(40), false));
    edits.push({ start, oldEnd, insert });
    current = current.slice(0, start) + insert + current.slice(oldEnd);
  }
  return { seed, text, lexicons, edits };
}

/** Line and character of `offset` counted here, apart from the engine: lines end at \r\n, \n or a lone \r. */
function independentPosition(text: string, offset: number): { line: number; character: number } {
  let line = 0;
  let start = 0;
  for (let i = 0; i < offset; i++) {
    const c = text[i];
    if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) {
      line++;
      start = i + 1;
    }
  }
  return { line, character: offset - start };
}

function fail(c: FuzzCase, what: string): never {
  throw new Error(`fuzz seed ${c.seed}: ${what}`);
}

function checkMatches(c: FuzzCase, text: string, matches: readonly Match[], sentences: number): void {
  let previous = -1;
  for (const m of matches) {
    if (!(Number.isInteger(m.start) && Number.isInteger(m.end) && 0 <= m.start && m.start < m.end && m.end <= text.length)) fail(c, `match offsets ${m.start}-${m.end} outside 0-${text.length}`);
    if (text.slice(m.start, m.end) !== m.text) fail(c, `match ${m.start}-${m.end}: text ${JSON.stringify(m.text)} is not the slice ${JSON.stringify(text.slice(m.start, m.end))}`);
    if (m.start < previous) fail(c, `matches out of order at ${m.start}`);
    if (m.sentence < 0 || m.sentence >= sentences) fail(c, `match ${m.start}: sentence ${m.sentence} of ${sentences}`);
    previous = m.start;
  }
}

/** Runs one case; throws an Error naming the seed at the first broken invariant. */
export function checkCase(c: FuzzCase): void {
  let engine: Engine;
  try {
    engine = new Engine(c.lexicons);
  } catch (err: unknown) {
    fail(c, `the engine threw on the lexicons: ${err instanceof Error ? err.stack : String(err)}`);
  }
  const analyse = (e: Engine, text: string): string => {
    try {
      const analysis = e.analyze(text);
      const tally = analysis.tally();
      checkMatches(c, text, analysis.matches(), tally.units.sentences);
      const report = documentReport('fuzz.txt', analysis);
      for (const a of report.annotations) {
        for (const p of [a.start, a.end]) {
          const expected = independentPosition(text, p.offset);
          if (p.line !== expected.line || p.character !== expected.character) fail(c, `offset ${p.offset} reported at ${p.line}:${p.character}, counted at ${expected.line}:${expected.character}`);
        }
      }
      for (const s of tally.sections) {
        if (s.startLine !== independentPosition(text, s.startOffset).line) fail(c, `section "${s.title}" at offset ${s.startOffset} reported on line ${s.startLine}`);
        if (s.title === '') fail(c, `a section with an empty title at offset ${s.startOffset}`);
      }
      return JSON.stringify(report);
    } catch (err: unknown) {
      if (err instanceof Error && err.message.startsWith('fuzz seed')) throw err;
      fail(c, `analysis threw: ${err instanceof Error ? err.stack : String(err)}`);
    }
  };
  const first = analyse(engine, c.text);
  if (analyse(engine, c.text) !== first) fail(c, 'a second analysis by the same engine differs');
  if (analyse(new Engine(c.lexicons), c.text) !== first) fail(c, 'an analysis by a second engine differs');

  const analysis = engine.analyze(c.text);
  let text = c.text;
  for (const [k, edit] of c.edits.entries()) {
    text = text.slice(0, edit.start) + edit.insert + text.slice(edit.oldEnd);
    try {
      analysis.applyEdit(edit.start, edit.oldEnd, text);
    } catch (err: unknown) {
      fail(c, `edit ${k} threw: ${err instanceof Error ? err.stack : String(err)}`);
    }
    const incremental = JSON.stringify(documentReport('fuzz.txt', analysis));
    if (incremental !== analyse(engine, text)) fail(c, `after edit ${k} (${JSON.stringify(edit)}), incremental analysis differs from a full one`);
  }
}
