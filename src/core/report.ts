// The versioned JSON report (format "policy-lens.tally", version 2; docs/format.md), shared by the CLI and the extension's export.
// Serialization is byte-deterministic: fixed key order, numbers rounded to 4 decimals, no timestamp unless asked.
// There is one serializer: the stream (ReportStream: head, one document at a time, tail); a whole report is its chunks joined.
import { EncodedBytes, JsonBytes } from './jsonBytes';
import { LineIndex } from './lineIndex';
import { StanceBytes, writeAnnotationStance } from './stanceBytes';
import type { AnnotationCursor } from './annotationCursor';
import type { CategoryTally, Language, Lean, Match, PolarityTally, Polarity, SectionTally, Tally, LeanLabel, Units } from './types';

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

/**
 * A document's summary as the report stream takes it: as documentSummary gives it, or with the tally's own sections
 * (not reviewed), whose figures are rounded as they are written. A statute has a section per article: a rounded
 * copy of each, made before writing, doubled what the report held and what the collector copied.
 */
export interface ReportSummarySource extends Omit<ReportDocumentSummary, 'sections'> {
  sections: SectionList;
}

/**
 * Sections as the report reads them, each once and in order: an array, or a table that makes section i when asked
 * (SectionTable, src/core/tally.ts), so that thousands of sections are not kept as objects while a report is written.
 * A table may write section i into `reuse` (a section it gave before, no longer read) and give that back.
 */
export interface SectionList {
  readonly length: number;
  at(index: number, reuse?: SectionTally): ReportSection | SectionTally | undefined;
}

/** Section `index` of a list, which holds it; `reuse` as SectionList.at takes it. */
export function sectionAt(list: SectionList, index: number, reuse?: SectionTally): ReportSection | SectionTally {
  return list.at(index, reuse) as ReportSection | SectionTally;
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
  /** The tally's sections as a report reads them (see SectionList), when the analysis can give them without objects. */
  sectionList?(): SectionList;
  /** The annotations of matchesInRange over the whole text, read from their numbers, when the analysis can. */
  annotationCursor?(): AnnotationCursor;
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
export function documentTotals(source: string, tally: Pick<Tally, 'language' | 'words' | 'units' | 'control' | 'engagement' | 'lean'>): Omit<ReportDocumentSummary, 'reviewed' | 'categories' | 'sections'> {
  return { source, language: tally.language, words: tally.words, units: units(tally.units), control: polarityTally(tally.control), engagement: polarityTally(tally.engagement), lean: lean(tally.lean) };
}

export function documentSummary(source: string, tally: Tally): ReportDocumentSummary {
  return { ...documentTotals(source, tally), reviewed: null, categories: tally.categories.map(tallyCategory), sections: tally.sections.map(reportSection) };
}

/**
 * documentSummary with the tally's sections as they are (or `sections`, the same as a SectionList), for the report
 * stream (see ReportSummarySource). One literal, not documentTotals spread into one: a spread copy made per document
 * of a corpus cost time, memory and recompilations of the code that reads it (docs/performance-notes.md).
 */
export function documentSummarySource(source: string, tally: Tally, sections: SectionList = tally.sections): ReportSummarySource {
  return {
    source,
    language: tally.language,
    words: tally.words,
    units: units(tally.units),
    control: polarityTally(tally.control),
    engagement: polarityTally(tally.engagement),
    lean: lean(tally.lean),
    reviewed: null,
    categories: tally.categories.map(tallyCategory),
    sections,
  };
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
  *document(summary: ReportSummarySource, annotations: Iterable<ReportAnnotation>): Generator<string> {
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
 * One document as text, in chunks, so that neither a document with a million annotations nor one with thousands of
 * sections ever becomes one string: the text of documentBytes, decoded. `summary` is as documentSummary returns it.
 * In `jsonl` style the last chunk ends with a newline.
 */
export function* documentChunks(
  summary: ReportSummarySource,
  annotations: Iterable<ReportAnnotation>,
  style: ReportStyle,
  chunkSize = 1 << 16,
): Generator<string> {
  const decoder = new TextDecoder();
  for (const bytes of documentBytes(summary, annotations, style, chunkSize)) {
    const text = decoder.decode(bytes, { stream: true });
    if (text !== '') yield text;
  }
  const rest = decoder.decode();
  if (rest !== '') yield rest;
}

/**
 * One document as UTF-8, in chunks of roughly `chunkSize` bytes: the serializer of every report (documentChunks
 * decodes it). Values are written field by field in the documented key order, straight into bytes, so that a
 * report with a million annotations builds no object or string per value.
 */
export function* documentBytes(
  summary: ReportSummarySource,
  annotations: Iterable<ReportAnnotation>,
  style: ReportStyle,
  chunkSize = 1 << 16,
): Generator<Uint8Array> {
  const out = new JsonBytes(chunkSize);
  const jsonl = style === 'jsonl';
  const inner = `${DOC_INDENT}  `;
  const key = DOCUMENT_KEYS(jsonl ? null : DOC_INDENT);
  out.raw('{');
  out.copied(key[0]);
  out.string(summary.source);
  out.copied(key[1]);
  out.string(summary.language);
  out.copied(key[2]);
  out.number(summary.words);
  out.copied(key[3]);
  writeUnits(out, summary.units);
  out.copied(key[4]);
  writePolarity(out, summary.control);
  out.copied(key[5]);
  writePolarity(out, summary.engagement);
  out.copied(key[6]);
  writeLean(out, summary.lean);
  out.copied(key[7]);
  writeFigures(out, summary.reviewed, jsonl ? null : inner);
  out.copied(key[8]);
  const itemIndent = `${inner}  `;
  const categories = summary.categories;
  const categoryIndent = jsonl ? null : itemIndent;
  const listed = LIST_PUNCTUATION(categoryIndent);
  for (let i = 0; i < categories.length; i++) {
    out.copied(listed[i === 0 ? 0 : 1]);
    writeCategory(out, categories[i], categoryIndent);
    if (out.length >= chunkSize) yield out.take();
  }
  out.raw(categories.length === 0 ? '[]' : jsonl ? ']' : `\n${inner}]`);
  out.copied(key[9]);
  const sections = summary.sections;
  const sectionIndent = jsonl ? null : itemIndent;
  const sectionFieldIndent = sectionIndent === null ? null : `${sectionIndent}  `;
  const templates = SECTION_TEMPLATES[style];
  let section: ReportSection | SectionTally | undefined;
  for (let i = 0; i < sections.length; i++) {
    out.copied(templates.opening[i === 0 ? 0 : 1]);
    // A table's section is written into the one before (see SectionList); an array's is its own and is not.
    section = sectionAt(sections, i, section !== undefined && !('reviewed' in section) ? section : undefined);
    writeSection(out, section, sectionFieldIndent, templates);
    if (out.length >= chunkSize) yield out.take();
  }
  out.raw(sections.length === 0 ? '[]' : jsonl ? ']' : `\n${inner}]`);
  out.raw(jsonl ? ',"annotations":[' : `,\n${inner}"annotations": [`);
  const { first, separator } = ANNOTATION_PUNCTUATION[style];
  let count = 0;
  if (isAnnotationWriter(annotations)) count = yield* annotations.writeInto(out, first, separator, chunkSize);
  else {
    for (const a of annotations) {
      out.copied(count === 0 ? first : separator);
      writeAnnotation(out, a);
      count++;
      if (out.length >= chunkSize) yield out.take();
    }
  }
  if (jsonl) out.raw(']}\n');
  else out.raw(count === 0 ? `]\n${DOC_INDENT}}` : `\n${inner}]\n${DOC_INDENT}}`);
  yield out.take();
}

function writeUnits(out: JsonBytes, u: Units): void {
  out.copied(UNITS_KEYS[0]);
  writeUnitCounts(out, u);
  out.raw('}');
}

/** The four counts of a units object and the keys between them; the caller writes the first key and the close. */
function writeUnitCounts(out: JsonBytes, u: Units): void {
  out.number(u.sentences);
  out.copied(UNITS_KEYS[1]);
  out.number(u.control);
  out.copied(UNITS_KEYS[2]);
  out.number(u.engagement);
  out.copied(UNITS_KEYS[3]);
  out.number(u.both);
}

function writePolarity(out: JsonBytes, p: PolarityTally): void {
  out.copied(POLARITY_KEYS[0]);
  writePolarityFigures(out, p);
  out.raw('}');
}

/** A polarity's figures after its first key, up to its closing brace (not written). */
function writePolarityFigures(out: JsonBytes, p: PolarityTally): void {
  out.number(p.matches);
  out.copied(POLARITY_KEYS[1]);
  out.rounded(p.weight);
  out.copied(POLARITY_KEYS[2]);
  out.rounded(p.perThousandWords);
}

function writeLean(out: JsonBytes, l: Lean | ReportLean): void {
  out.copied(LEAN_KEYS[0]);
  if (l.index === null) out.raw('null');
  else out.rounded(l.index);
  writeLeanAfterIndex(out, l);
}

/** A lean's label, thin flag and basis, and its close: what follows its index. */
function writeLeanAfterIndex(out: JsonBytes, l: Lean | ReportLean): void {
  out.copied(LEAN_KEYS[1]);
  out.string(l.label);
  out.copied(LEAN_KEYS[2]);
  out.boolean(l.thin);
  out.copied(LEAN_KEYS[3]);
  out.string(l.basis);
  out.raw('}');
}

/** Keys and punctuation written by the thousand (per section, per annotation), as bytes made once (see EncodedBytes). */
function bytesOf(text: string): EncodedBytes {
  return new EncodedBytes(ASCII.encode(text));
}
const ASCII = new TextEncoder();
const UNITS_KEYS = ['{"sentences":', ',"control":', ',"engagement":', ',"both":'].map(bytesOf);
const POLARITY_KEYS = ['{"matches":', ',"weight":', ',"perThousandWords":'].map(bytesOf);
const LEAN_KEYS = ['{"index":', ',"label":', ',"thin":', ',"basis":'].map(bytesOf);

/** Reviewed figures are few (one per document or section reviewed): written by the general formatter. */
function writeFigures(out: JsonBytes, f: ReportFigures | null, indent: string | null): void {
  if (f === null) out.raw('null');
  else out.encoded(formatJson(figures(f), indent, 'reviewed'));
}

/** Per indentation (null: compact), what goes before each key of an object of these keys, in their order. */
function keyPrefixes(names: readonly string[]): (indent: string | null) => readonly EncodedBytes[] {
  return perIndent((indent) => keyTexts(names, indent).map(bytesOf));
}

/** The text of keyPrefixes's bytes. */
function keyTexts(names: readonly string[], indent: string | null): string[] {
  const inner = indent === null ? null : `${indent}  `;
  return names.map((name, i) => `${i === 0 ? '' : ','}${inner === null ? '' : `\n${inner}`}"${name}":${inner === null ? '' : ' '}`);
}

const DOCUMENT_KEYS = keyPrefixes(['source', 'language', 'words', 'units', 'control', 'engagement', 'lean', 'reviewed', 'categories', 'sections']);

/** Per indentation of a list's items (null: compact), what goes before its first item and before each other one. */
function listPunctuation(indent: string | null): readonly EncodedBytes[] {
  return ['[', ','].map((mark) => bytesOf(indent === null ? mark : `${mark}\n${indent}`));
}
const LIST_PUNCTUATION = perIndent(listPunctuation);

/** `make` of an indentation (null: compact), made once per indentation. */
function perIndent<T>(make: (indent: string | null) => T): (indent: string | null) => T {
  const made = new Map<string | null, T>();
  return (indent) => {
    let value = made.get(indent);
    if (value === undefined) {
      value = make(indent);
      made.set(indent, value);
    }
    return value;
  };
}

const CATEGORY_KEYS = keyPrefixes(['id', 'label', 'polarity', 'matches', 'weight', 'terms']);

/** What goes around a category's terms at an indentation: before the first, before each other one, and after the last. */
const TERM_PUNCTUATION = perIndent((indent) => {
  const inner = indent === null ? null : `${indent}  `;
  const [first, other] = listPunctuation(inner === null ? null : `${inner}  `);
  return { first, other, closing: bytesOf(inner === null ? ']' : `\n${inner}]`), end: bytesOf(indent === null ? '}' : `\n${indent}}`) };
});

/**
 * A category's first bytes (its id, label and polarity with their keys, up to the value of `matches`) and a term's
 * (up to the value of `count`) are the same in every document: encoded once each, since a corpus of small files
 * writes every category of the lexicons for each of thousands of documents. Kept up to a bound, for lexicons with
 * very many categories or terms.
 */
const HEADS_KEPT = 4096;
const categoryHeads = perIndent(() => new Map<string, { label: string; polarity: string; bytes: EncodedBytes }>());
const termHeads = new Map<string, EncodedBytes>();

function categoryHead(c: ReportCategory, indent: string | null, key: readonly EncodedBytes[]): EncodedBytes | null {
  const heads = categoryHeads(indent);
  const known = heads.get(c.id);
  if (known !== undefined) return known.label === c.label && known.polarity === c.polarity ? known.bytes : null;
  if (heads.size >= HEADS_KEPT) return null;
  const bytes = encodedOnce((out) => writeCategoryHead(out, c, key));
  heads.set(c.id, { label: c.label, polarity: c.polarity, bytes });
  return bytes;
}

function termHead(term: string): EncodedBytes | null {
  const known = termHeads.get(term);
  if (known !== undefined || termHeads.size >= HEADS_KEPT) return known ?? null;
  const bytes = encodedOnce((out) => writeTermHead(out, term));
  termHeads.set(term, bytes);
  return bytes;
}

/** What `write` writes, as bytes to copy (see EncodedBytes). */
function encodedOnce(write: (out: JsonBytes) => void): EncodedBytes {
  const out = new JsonBytes(1 << 10);
  write(out);
  return new EncodedBytes(out.copy());
}

function writeCategoryHead(out: JsonBytes, c: ReportCategory, key: readonly EncodedBytes[]): void {
  out.raw('{');
  out.copied(key[0]);
  out.string(c.id);
  out.copied(key[1]);
  out.string(c.label);
  out.copied(key[2]);
  out.string(c.polarity);
  out.copied(key[3]);
}

function writeTermHead(out: JsonBytes, term: string): void {
  out.copied(TERM_KEYS[0]);
  out.string(term);
  out.copied(TERM_KEYS[1]);
}
const TERM_KEYS = ['{"term":', ',"count":'].map(bytesOf);

/** A category as formatJson writes it at `indent` (null: compact). */
function writeCategory(out: JsonBytes, c: ReportCategory, indent: string | null): void {
  const key = CATEGORY_KEYS(indent);
  const head = categoryHead(c, indent, key);
  if (head === null) writeCategoryHead(out, c, key);
  else out.copied(head);
  out.number(c.matches);
  out.copied(key[4]);
  out.rounded(c.weight);
  out.copied(key[5]);
  const terms = c.terms;
  const punctuation = TERM_PUNCTUATION(indent);
  for (let i = 0; i < terms.length; i++) {
    out.copied(i === 0 ? punctuation.first : punctuation.other);
    const term = terms[i];
    const known = termHead(term.term);
    if (known === null) writeTermHead(out, term.term);
    else out.copied(known);
    out.number(term.count);
    out.raw('}');
  }
  if (terms.length === 0) out.raw('[]');
  else out.copied(punctuation.closing);
  out.copied(punctuation.end);
}

/** A section's keys, in the documented order. */
const SECTION_FIELDS = ['title', 'level', 'parent', 'startLine', 'endLine', 'words', 'units', 'control', 'engagement', 'lean', 'reviewed'];

/**
 * The bytes between a section's values, each run of keys and punctuation copied as one (see EncodedBytes): a
 * statute's thousands of sections are a fifth of its report, and a run costs one call where its parts cost one each.
 */
interface SectionTemplates {
  /** Before the first section and before each other one, to the title's value. */
  opening: readonly EncodedBytes[];
  /** Before the level, the parent, the start and end lines and the words. */
  keys: readonly EncodedBytes[];
  /** Before the sentence units; then before the control and the engagement figures, and the lean's index. */
  units: EncodedBytes;
  control: EncodedBytes;
  engagement: EncodedBytes;
  lean: EncodedBytes;
  /** After the lean's index of a section not reviewed, to its end, by lean label (LEAN_LABELS) and then thin or not. */
  unreviewed: readonly EncodedBytes[];
  /** After the lean of a reviewed section, before its figures; then its end. */
  reviewed: EncodedBytes;
  closing: EncodedBytes;
}

/** The lean labels, in the order of SectionTemplates.unreviewed. */
const LEAN_LABELS: readonly LeanLabel[] = ['control-leaning', 'balanced', 'engagement-leaning', 'no signal'];

/** Section templates with the sections at `itemIndent` (null: compact). */
function sectionTemplates(itemIndent: string | null): SectionTemplates {
  const key = keyTexts(SECTION_FIELDS, itemIndent);
  const closing = itemIndent === null ? '}' : `\n${itemIndent}}`;
  const opening = (itemIndent === null ? ['[', ','] : [`[\n${itemIndent}`, `,\n${itemIndent}`]).map((mark) => bytesOf(`${mark}{${key[0]}`));
  const unreviewed = LEAN_LABELS.flatMap((label) => [false, true].map((thin) => bytesOf(`${leanRest(label, thin)}${key[10]}null${closing}`)));
  return {
    opening,
    keys: key.slice(1, 6).map(bytesOf),
    units: bytesOf(`${key[6]}{"sentences":`),
    control: bytesOf(`}${key[7]}{"matches":`),
    engagement: bytesOf(`}${key[8]}{"matches":`),
    lean: bytesOf(`}${key[9]}{"index":`),
    unreviewed,
    reviewed: bytesOf(key[10]),
    closing: bytesOf(closing),
  };
}

/** A lean's JSON after its index (see writeLean). */
function leanRest(label: LeanLabel, thin: boolean): string {
  return `,"label":${JSON.stringify(label)},"thin":${thin},"basis":"sentences"}`;
}

/** A section as formatJson writes it with its fields at `fieldIndent` (null: compact), rounded as reportSection rounds it; its opening is written. */
function writeSection(out: JsonBytes, s: ReportSection | SectionTally, fieldIndent: string | null, t: SectionTemplates): void {
  out.string(s.title);
  const keys = t.keys;
  out.copied(keys[0]);
  out.number(s.level);
  out.copied(keys[1]);
  if (s.parent === null) out.raw('null');
  else out.number(s.parent);
  out.copied(keys[2]);
  out.number(s.startLine);
  out.copied(keys[3]);
  out.number(s.endLine);
  out.copied(keys[4]);
  out.number(s.words);
  out.copied(t.units);
  writeUnitCounts(out, s.units);
  out.copied(t.control);
  writePolarityFigures(out, s.control);
  out.copied(t.engagement);
  writePolarityFigures(out, s.engagement);
  out.copied(t.lean);
  const l = s.lean;
  if (l.index === null) out.raw('null');
  else out.rounded(l.index);
  const reviewed = 'reviewed' in s ? s.reviewed : null;
  const label = LEAN_LABELS.indexOf(l.label);
  if (reviewed === null && label >= 0 && l.basis === 'sentences') {
    out.copied(t.unreviewed[2 * label + (l.thin ? 1 : 0)]);
    return;
  }
  writeLeanAfterIndex(out, l);
  out.copied(t.reviewed);
  writeFigures(out, reviewed, fieldIndent);
  out.copied(t.closing);
}

/** One annotation as compact JSON, in the documented key order (the bytes of JSON.stringify of it). */
function writeAnnotation(out: JsonBytes, a: ReportAnnotation): void {
  const s = a.start;
  const e = a.end;
  writeAnnotationFields(out, s.line, s.character, s.offset, e.line, e.character, e.offset, a, a.review, a.origin);
}

/** An annotation's JSON from its positions and the rest of its fields (`m`'s own positions are not read). */
export function writeAnnotationFields(
  out: JsonBytes,
  startLine: number,
  startCharacter: number,
  startOffset: number,
  endLine: number,
  endCharacter: number,
  endOffset: number,
  m: Omit<Match, 'start' | 'end'>,
  review: ReportAnnotation['review'],
  origin: ReportAnnotation['origin'],
): void {
  writeAnnotationPositions(out, startLine, startCharacter, startOffset, endLine, endCharacter, endOffset);
  out.string(m.text);
  writeAnnotationStance(out, m);
  writeAnnotationClosing(out, m.sentence, review, origin);
}

/** An annotation's JSON up to its text: its positions, then the text's key. */
export function writeAnnotationPositions(out: JsonBytes, startLine: number, startCharacter: number, startOffset: number, endLine: number, endCharacter: number, endOffset: number): void {
  out.copied(POSITION_KEYS[0]);
  out.number(startLine);
  out.copied(POSITION_KEYS[1]);
  out.number(startCharacter);
  out.copied(POSITION_KEYS[2]);
  out.number(startOffset);
  out.copied(POSITION_KEYS[3]);
  out.number(endLine);
  out.copied(POSITION_KEYS[4]);
  out.number(endCharacter);
  out.copied(POSITION_KEYS[5]);
  out.number(endOffset);
  out.copied(POSITION_KEYS[6]);
}

/** What goes before each of an annotation's positions, and its text's key (see bytesOf). */
const POSITION_KEYS = ['{"start":{"line":', ',"character":', ',"offset":', '},"end":{"line":', ',"character":', ',"offset":', '},"text":'].map(bytesOf);

/** The rest of an annotation's JSON after its sentence's key. */
export function writeAnnotationClosing(out: JsonBytes, sentence: number, review: ReportAnnotation['review'], origin: ReportAnnotation['origin']): void {
  out.number(sentence);
  out.copied(ANNOTATION_CLOSINGS[(review === null ? 0 : review === 'accepted' ? 2 : 4) + (origin === 'lexicon' ? 0 : 1)]);
}

/** An annotation's last bytes, by its review (none, accepted, rejected) and then its origin (lexicon, manual). */
const ANNOTATION_CLOSINGS = [null, 'accepted', 'rejected'].flatMap((review) => ['lexicon', 'manual'].map((origin) => bytesOf(`,"review":${JSON.stringify(review)},"origin":${JSON.stringify(origin)}}`)));

/**
 * Annotations that write themselves into a report (documentBytes), as writeAnnotation would write each of what they
 * iterate: `first` goes before the first, `separator` before each other one; the writer returns how many it wrote.
 */
export interface AnnotationWriter extends Iterable<ReportAnnotation> {
  writeInto(out: JsonBytes, first: EncodedBytes, separator: EncodedBytes, chunkSize: number): Generator<Uint8Array, number>;
}

function isAnnotationWriter(annotations: Iterable<ReportAnnotation>): annotations is AnnotationWriter {
  return typeof (annotations as Partial<AnnotationWriter>).writeInto === 'function';
}

/**
 * The annotations of an analysis, as annotationsOf gives them. The report stream writes them straight from the
 * analysis's matches, without a ReportAnnotation and four positions for each of possibly a million.
 */
export class AnalysisAnnotations implements AnnotationWriter {
  constructor(readonly analysis: AnalysisLike) {}

  [Symbol.iterator](): Iterator<ReportAnnotation> {
    return annotationsOf(this.analysis);
  }

  writeInto(out: JsonBytes, first: EncodedBytes, separator: EncodedBytes, chunkSize: number): Generator<Uint8Array, number> {
    return writeMatches(out, this.analysis, first, separator, chunkSize);
  }
}

/** The annotations of `analysis` written as annotationsOf and writeAnnotation would write them, each after `first` or `separator`; returns how many. */
function* writeMatches(out: JsonBytes, analysis: AnalysisLike, first: EncodedBytes, separator: EncodedBytes, chunkSize: number): Generator<Uint8Array, number> {
  const text = analysis.text();
  const lines = new LineIndex(text);
  const cursor = analysis.annotationCursor?.();
  let count = 0;
  let line = 0;
  if (cursor !== undefined) {
    const stances = new StanceBytes(cursor.reader);
    while (cursor.next()) {
      out.copied(count === 0 ? first : separator);
      const stance = stances.of(cursor.list, cursor.index);
      line = stance === null ? writeMatchAt(out, lines, line, 0, 0, cursor.match()) : writeWithStance(out, text, lines, line, 0, 0, cursor.start, cursor.end, cursor.sentence, stance);
      count++;
      if (out.length >= chunkSize) yield out.take();
    }
    return count;
  }
  for (let from = 0; from < text.length; from += ANNOTATION_WINDOW) {
    const to = from + ANNOTATION_WINDOW;
    for (const m of analysis.matchesInRange(from, to)) {
      if (m.start < from || m.start >= to) continue;
      out.copied(count === 0 ? first : separator);
      line = writeMatchAt(out, lines, line, 0, 0, m);
      count++;
      if (out.length >= chunkSize) yield out.take();
    }
  }
  return count;
}

/**
 * An annotation of the lexicon, `m`, as writeAnnotation writes it: `lines` indexes the text its offsets are in, which
 * starts `lineBase` lines and `offsetBase` characters into the document; `line` is a line at or before its start.
 * Returns its start's line, to look up the next annotation from.
 */
export function writeMatchAt(out: JsonBytes, lines: LineIndex, line: number, lineBase: number, offsetBase: number, m: Match): number {
  const startLine = lines.lineOf(m.start, line);
  const endLine = lines.lineOf(m.end, startLine);
  writeAnnotationFields(out, lineBase + startLine, m.start - lines.offsetAt(startLine), offsetBase + m.start, lineBase + endLine, m.end - lines.offsetAt(endLine), offsetBase + m.end, m, null, 'lexicon');
  return startLine;
}

/** The same bytes as writeMatchAt for the annotation at [start, end) of `text`, its stance's bytes given (see StanceBytes). */
export function writeWithStance(out: JsonBytes, text: string, lines: LineIndex, line: number, lineBase: number, offsetBase: number, start: number, end: number, sentence: number, stance: EncodedBytes): number {
  const startLine = lines.lineOf(start, line);
  const endLine = lines.lineOf(end, startLine);
  writeAnnotationPositions(out, lineBase + startLine, start - lines.offsetAt(startLine), offsetBase + start, lineBase + endLine, end - lines.offsetAt(endLine), offsetBase + end);
  out.substring(text, start, end);
  out.copied(stance);
  writeAnnotationClosing(out, sentence, null, 'lexicon');
  return startLine;
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

/** Per style, what goes before the first annotation and before each other one, as bytes made once. */
const ANNOTATION_PUNCTUATION: Record<ReportStyle, { first: EncodedBytes; separator: EncodedBytes }> = {
  json: { first: bytesOf(`\n${DOC_INDENT}    `), separator: bytesOf(`,\n${DOC_INDENT}    `) },
  jsonl: { first: bytesOf(''), separator: bytesOf(',') },
};

/** Per style, the bytes between a section's values (see SectionTemplates). */
const SECTION_TEMPLATES: Record<ReportStyle, SectionTemplates> = { json: sectionTemplates(`${DOC_INDENT}    `), jsonl: sectionTemplates(null) };

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

function orderedSummary(d: ReportSummarySource): ReportDocumentSummary {
  return {
    source: d.source,
    language: d.language,
    words: d.words,
    units: units(d.units),
    control: polarityTally(d.control),
    engagement: polarityTally(d.engagement),
    lean: lean(d.lean),
    reviewed: figures(d.reviewed),
    categories: d.categories.map((c) => reportCategory(c)),
    sections: Array.from({ length: d.sections.length }, (_, i) => reportSection(sectionAt(d.sections, i))),
  };
}

/** A category in the documented key order, rounded, with `terms` (by default its own, copied in their key order). */
function reportCategory(c: ReportCategory, terms: ReportTerm[] = c.terms.map((t) => ({ term: t.term, count: t.count }))): ReportCategory {
  return { id: c.id, label: c.label, polarity: c.polarity, matches: c.matches, weight: round(c.weight), terms };
}

/** A tally's category: its terms are not copied, as they were made for that tally alone, each with just these keys, and are only read. */
function tallyCategory(c: CategoryTally): ReportCategory {
  return reportCategory(c, c.terms);
}

/** A section in the documented key order, rounded; not reviewed unless it says so. */
function reportSection(s: ReportSection | SectionTally): ReportSection {
  return {
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
    reviewed: 'reviewed' in s ? figures(s.reviewed) : null,
  };
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

/** Four decimals, and never -0, so the same figures always print the same. Rounding again changes nothing. */
export function round(x: number): number {
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

/** True for `{}`, `[]` and containers of strings, numbers, booleans and nulls only. */
function isFlat(value: object): boolean {
  for (const k in value) {
    const v: unknown = (value as Record<string, unknown>)[k];
    if (v !== null && typeof v === 'object') return false;
  }
  return true;
}
