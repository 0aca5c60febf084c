// The versioned JSON report (format "policy-lens.tally", version 2; docs/format.md), shared by the CLI and the extension's export.
// Serialization is byte-deterministic: fixed key order, numbers rounded to 4 decimals, no timestamp unless asked.
// There is one serializer: the stream (ReportStream: head, one document at a time, tail); a whole report is its chunks joined.
import { LineIndex } from './lineIndex';
import type { Language, Lean, Match, PolarityTally, Polarity, Tally, LeanLabel, Units } from './types';

const REPORT_FORMAT = 'policy-lens.tally';
const REPORT_VERSION = 2;

export interface ReportGenerator {
  name: string;
  version: string;
}

export interface ReportLexicon {
  name: string;
  version: string;
  sha256: string;
  entries: number;
}

export interface ReportPosition {
  line: number;
  character: number;
  offset: number;
}

/** A match as exported: its offsets become positions with line, character and offset. */
export interface ReportAnnotation extends Omit<Match, 'start' | 'end'> {
  start: ReportPosition;
  end: ReportPosition;
  /** A researcher's verdict on the match; null when none was given. */
  review: 'accepted' | 'rejected' | null;
  /** `lexicon` for automatic matches; `manual` for codes a researcher added. */
  origin: 'lexicon' | 'manual';
}

/** The figures of a document or section as reviewed (rejections removed, manual codes added). */
export interface ReportFigures {
  units: Units;
  control: PolarityTally;
  engagement: PolarityTally;
  lean: ReportLean;
}

export interface ReportLean {
  index: number | null;
  label: LeanLabel;
  thin: boolean;
  basis: 'sentences';
}

export interface ReportTerm {
  term: string;
  count: number;
}

export interface ReportCategory {
  id: string;
  label: string;
  polarity: Polarity;
  matches: number;
  weight: number;
  terms: ReportTerm[];
}

export interface ReportSection {
  title: string;
  level: number;
  parent: number | null;
  startLine: number;
  endLine: number;
  words: number;
  units: Units;
  control: PolarityTally;
  engagement: PolarityTally;
  lean: ReportLean;
  /** The figures as reviewed; null where nothing was reviewed. */
  reviewed: ReportFigures | null;
}

/** Everything about one document except its annotations, which are streamed after it. */
export interface ReportDocumentSummary {
  source: string;
  language: Language | 'mixed';
  words: number;
  units: Units;
  control: PolarityTally;
  engagement: PolarityTally;
  lean: ReportLean;
  /** The figures as reviewed; null where nothing was reviewed. */
  reviewed: ReportFigures | null;
  categories: ReportCategory[];
  sections: ReportSection[];
}

export interface ReportDocument extends ReportDocumentSummary {
  annotations: ReportAnnotation[];
}

export interface ReportHeader {
  format: typeof REPORT_FORMAT;
  version: typeof REPORT_VERSION;
  generator: ReportGenerator;
  /** Present only when the caller asks for it, because it breaks byte-identical output. */
  timestamp?: string;
  lexicon: ReportLexicon;
}

export interface Report extends ReportHeader {
  documents: ReportDocument[];
}

/** `json`: one indented report. `jsonl`: the header on the first line, then one document per line. */
export type ReportStyle = 'json' | 'jsonl';

/** What the report needs from an analysis; DocumentAnalysis provides it. */
export interface AnalysisLike {
  text(): string;
  tally(): Tally;
  /** Annotations overlapping [start, end), sorted by start offset. */
  matchesInRange(start: number, end: number): Match[];
}

/** `generator` is the program writing the report (the CLI or the extension pass their package's name and version). */
export function reportHeader(generator: ReportGenerator, lexicon: ReportLexicon, timestamp?: Date): ReportHeader {
  const header: ReportHeader = {
    format: REPORT_FORMAT,
    version: REPORT_VERSION,
    generator: { name: generator.name, version: generator.version },
    lexicon: { name: lexicon.name, version: lexicon.version, sha256: lexicon.sha256, entries: lexicon.entries },
  };
  return timestamp ? withTimestamp(header, timestamp.toISOString()) : header;
}

/** The document's totals as its summary gives them (rounded alike), without reading its categories or sections: the text table needs no more, and a statute's sections are thousands of objects. */
export function documentTotals(source: string, tally: Tally): Omit<ReportDocumentSummary, 'reviewed' | 'categories' | 'sections'> {
  return { source, language: tally.language, words: tally.words, units: units(tally.units), control: polarityTally(tally.control), engagement: polarityTally(tally.engagement), lean: lean(tally.lean) };
}

export function documentSummary(source: string, tally: Tally): ReportDocumentSummary {
  const { language, words, units, control, engagement, categories, sections } = tally;
  return orderedSummary({ source, language, words, units, control, engagement, lean: tally.lean, reviewed: null, categories, sections: sections.map((s) => ({ ...s, reviewed: null })) });
}

/** The whole document at once, for callers that hold the report in memory (the extension's export, tests). */
export function documentReport(source: string, analysis: AnalysisLike): ReportDocument {
  return { ...documentSummary(source, analysis.tally()), annotations: Array.from(annotationsOf(analysis)) };
}

export function buildReport(header: ReportHeader, documents: ReportDocument[]): Report {
  return { ...header, documents };
}

/** The whole report as text: the chunks of a ReportStream, joined. */
export function serializeReport(report: Report, style: ReportStyle = 'json'): string {
  const { documents, ...header } = report;
  const stream = new ReportStream(header, style);
  let out = '';
  for (const { annotations, ...summary } of documents) for (const chunk of stream.document(orderedSummary(summary), annotations)) out += chunk;
  return out + stream.end();
}

/**
 * The one report stream of the CLI, `merge` and every editor export: the opening comes with the first document, each
 * document after its separator, and end() closes the report (a report of no document is the opening and the closing).
 */
export class ReportStream {
  private count = 0;

  constructor(
    private readonly header: ReportHeader,
    readonly style: ReportStyle,
  ) {}

  /** Documents begun so far. */
  get documents(): number {
    return this.count;
  }

  /** What goes before the next document's own text: the report's opening for the first, then the separator. */
  next(): string {
    const before = (this.count === 0 ? reportOpening(this.header, this.style) : '') + documentSeparator(this.count, this.style);
    this.count++;
    return before;
  }

  /** The next document, in chunks (see documentChunks). */
  *document(summary: ReportDocumentSummary, annotations: Iterable<ReportAnnotation>): Generator<string> {
    yield this.next();
    yield* documentChunks(summary, annotations, this.style);
  }

  /** The rest of the report after the last document. */
  end(): string {
    return (this.count === 0 ? reportOpening(this.header, this.style) : '') + reportClosing(this.count, this.style);
  }
}

/** The report up to the first document. */
function reportOpening(header: ReportHeader, style: ReportStyle): string {
  if (style === 'jsonl') return JSON.stringify(orderedHeader(header)) + '\n';
  const head = formatJson(orderedHeader(header), '');
  return head.slice(0, -2) + ',\n  "documents": [';
}

/** What goes before the document at `index` (zero-based, counting only documents written). */
function documentSeparator(index: number, style: ReportStyle): string {
  if (style === 'jsonl') return '';
  return index === 0 ? `\n${DOC_INDENT}` : `,\n${DOC_INDENT}`;
}

/** The report after the last of `count` documents. */
function reportClosing(count: number, style: ReportStyle): string {
  if (style === 'jsonl') return '';
  return count === 0 ? ']\n}\n' : '\n  ]\n}\n';
}

/**
 * One document as text, in chunks of roughly `chunkSize` characters, so that neither a document with a million
 * annotations nor one with thousands of sections ever becomes one string. `summary` is as documentSummary returns
 * it (its key order is the output's). In `jsonl` style the last chunk ends with a newline.
 */
export function* documentChunks(
  summary: ReportDocumentSummary,
  annotations: Iterable<ReportAnnotation>,
  style: ReportStyle,
  chunkSize = 1 << 16,
): Generator<string> {
  const jsonl = style === 'jsonl';
  const itemIndent = `${DOC_INDENT}    `;
  let buffer = '';
  // Everything but the summary's closing brace, which is held back to make room for the annotations.
  let held: string | null = null;
  for (const piece of jsonPieces(summary, jsonl ? null : DOC_INDENT)) {
    if (held !== null) buffer += held;
    held = piece;
    if (buffer.length >= chunkSize) {
      yield buffer;
      buffer = '';
    }
  }
  buffer += jsonl ? ',"annotations":[' : `,\n${DOC_INDENT}  "annotations": [`;
  let count = 0;
  for (const a of annotations) {
    const item = annotationText(a);
    buffer += jsonl ? (count === 0 ? item : `,${item}`) : `${count === 0 ? '' : ','}\n${itemIndent}${item}`;
    count++;
    if (buffer.length >= chunkSize) {
      yield buffer;
      buffer = '';
    }
  }
  if (jsonl) buffer += ']}\n';
  else buffer += count === 0 ? `]\n${DOC_INDENT}}` : `\n${DOC_INDENT}  ]\n${DOC_INDENT}}`;
  yield buffer;
}

/** Text is read for annotations this many characters at a time. */
const ANNOTATION_WINDOW = 1 << 16;

/**
 * The annotations of an analysis, converted one at a time in document order. They are fetched a window of text at
 * a time, so a document with a million annotations never has them all copied at once: held that long, the copies
 * would outlive the young generation and swell the heap. A match belongs to the window where it starts.
 */
export function* annotationsOf(analysis: AnalysisLike): Generator<ReportAnnotation> {
  const text = analysis.text();
  const lines = new LineIndex(text);
  for (let from = 0; from < text.length; from += ANNOTATION_WINDOW) {
    const to = from + ANNOTATION_WINDOW;
    for (const m of analysis.matchesInRange(from, to)) if (m.start >= from && m.start < to) yield annotation(m, lines);
  }
}

function annotation(m: Match, lines: LineIndex): ReportAnnotation {
  return {
    start: position(lines, m.start),
    end: position(lines, m.end),
    text: m.text,
    polarity: m.polarity,
    category: m.category,
    entry: m.entry,
    weight: round(m.weight),
    rule: m.rule,
    ruleDetail: m.ruleDetail,
    negated: m.negated,
    sentence: m.sentence,
    review: null,
    origin: 'lexicon',
  };
}

function position(lines: LineIndex, offset: number): ReportPosition {
  const { line, character } = lines.positionAt(offset);
  return { line, character, offset };
}

const DOC_INDENT = '    ';

function withTimestamp(header: ReportHeader, timestamp: string): ReportHeader {
  return { format: header.format, version: header.version, generator: header.generator, timestamp, lexicon: header.lexicon };
}

/** Rebuilt in the documented key order, whatever order the caller's object literal used. */
function orderedHeader(h: ReportHeader): ReportHeader {
  const out: ReportHeader = {
    format: h.format,
    version: h.version,
    generator: { name: h.generator.name, version: h.generator.version },
    lexicon: { name: h.lexicon.name, version: h.lexicon.version, sha256: h.lexicon.sha256, entries: h.lexicon.entries },
  };
  return h.timestamp === undefined ? out : withTimestamp(out, h.timestamp);
}

function orderedSummary(d: ReportDocumentSummary): ReportDocumentSummary {
  return {
    source: d.source,
    language: d.language,
    words: d.words,
    units: units(d.units),
    control: polarityTally(d.control),
    engagement: polarityTally(d.engagement),
    lean: lean(d.lean),
    reviewed: figures(d.reviewed),
    categories: d.categories.map((c) => ({
      id: c.id,
      label: c.label,
      polarity: c.polarity,
      matches: c.matches,
      weight: round(c.weight),
      terms: c.terms.map((t) => ({ term: t.term, count: t.count })),
    })),
    sections: d.sections.map((s) => ({
      title: s.title,
      level: s.level,
      parent: s.parent,
      startLine: s.startLine,
      endLine: s.endLine,
      words: s.words,
      units: units(s.units),
      control: polarityTally(s.control),
      engagement: polarityTally(s.engagement),
      lean: lean(s.lean),
      reviewed: figures(s.reviewed),
    })),
  };
}

/**
 * One annotation as compact JSON, written out field by field: the same bytes as JSON.stringify of an object in
 * the documented key order (a unit test parses them back), without building that object for each of possibly millions.
 */
function annotationText(a: ReportAnnotation): string {
  const s = a.start;
  const e = a.end;
  return (
    `{"start":{"line":${s.line},"character":${s.character},"offset":${s.offset}},"end":{"line":${e.line},"character":${e.character},"offset":${e.offset}},` +
    `"text":${JSON.stringify(a.text)},"polarity":${JSON.stringify(a.polarity)},"category":${JSON.stringify(a.category)},"entry":${JSON.stringify(a.entry)},` +
    `"weight":${round(a.weight)},"rule":${JSON.stringify(a.rule)},"ruleDetail":${JSON.stringify(a.ruleDetail)},"negated":${a.negated},"sentence":${a.sentence},"review":${JSON.stringify(a.review)},"origin":${JSON.stringify(a.origin)}}`
  );
}

function polarityTally(p: PolarityTally): PolarityTally {
  return { matches: p.matches, weight: round(p.weight), perThousandWords: round(p.perThousandWords) };
}

function figures(f: ReportFigures | null): ReportFigures | null {
  return f === null ? null : { units: units(f.units), control: polarityTally(f.control), engagement: polarityTally(f.engagement), lean: lean(f.lean) };
}

function units(u: Units): Units {
  return { sentences: u.sentences, control: u.control, engagement: u.engagement, both: u.both };
}

function lean(l: Lean | ReportLean): ReportLean {
  return { index: l.index === null ? null : round(l.index), label: l.label, thin: l.thin, basis: 'sentences' };
}

/** Four decimals, and never -0, so the same figures always print the same. */
function round(x: number): number {
  return Math.round(x * 10000) / 10000 || 0;
}

/**
 * Indented JSON (two spaces), except that objects and arrays holding only plain values, and each element of an
 * `annotations` array, stay on one line: they are small and many. `indent` is the indentation of the value's line;
 * null gives compact JSON, the same bytes as JSON.stringify.
 */
function formatJson(value: unknown, indent: string | null, key = ''): string {
  if (indent === null || value === null || typeof value !== 'object' || isFlat(value)) return JSON.stringify(value);
  const inner = `${indent}  `;
  let out: string;
  if (Array.isArray(value)) {
    out = '[';
    for (let i = 0; i < value.length; i++) {
      out += `${i === 0 ? '' : ','}\n${inner}${key === 'annotations' ? JSON.stringify(value[i]) : formatJson(value[i], inner)}`;
    }
    return `${out}\n${indent}]`;
  }
  out = '{';
  let first = true;
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    if (v === undefined) continue;
    out += `${first ? '' : ','}\n${inner}${JSON.stringify(k)}: ${formatJson(v, inner, k)}`;
    first = false;
  }
  return `${out}\n${indent}}`;
}

/**
 * The text of formatJson for an object, in pieces of at most one property or one array element (a section, a
 * category), so that an object with thousands of sections is streamed rather than built as one string.
 */
function* jsonPieces(value: object, indent: string | null): Generator<string> {
  const inner = indent === null ? null : `${indent}  `;
  const lineBreak = inner === null ? '' : `\n${inner}`;
  yield '{';
  let first = true;
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    if (v === undefined) continue;
    yield `${first ? '' : ','}${lineBreak}${JSON.stringify(k)}:${inner === null ? '' : ' '}`;
    first = false;
    if (!Array.isArray(v) || isFlat(v)) {
      yield formatJson(v, inner, k);
      continue;
    }
    const itemBreak = inner === null ? '' : `\n${inner}  `;
    for (let i = 0; i < v.length; i++) yield `${i === 0 ? '[' : ','}${itemBreak}${formatJson(v[i], inner === null ? null : `${inner}  `)}`;
    yield inner === null ? ']' : `\n${inner}]`;
  }
  yield inner === null ? '}' : `\n${indent}}`;
}

/** True for `{}`, `[]` and containers of strings, numbers, booleans and nulls only. */
function isFlat(value: object): boolean {
  for (const k in value) {
    const v: unknown = (value as Record<string, unknown>)[k];
    if (v !== null && typeof v === 'object') return false;
  }
  return true;
}
