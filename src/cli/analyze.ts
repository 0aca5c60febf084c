// One text → its output in the chosen format. The same code runs in the main thread and in the workers.
import type { Engine } from '../core';
import { CodebookCode, codePolarity } from '../core/codebook';
import { csvRows } from '../core/csvReport';
import { documentBytes, documentTotals } from '../core/report';
import { annotationLines, exportedAnnotations } from '../core/w3cExport';
import { refiDocument } from '../core/refiQda';
import { reportEntry } from '../core/webAnnotationReport';
import { GENERATOR } from '../node/generator';
import type { TextTotals } from '../core/tally';
import type { LanguageSetting } from '../core/types';
import type { AnnotationCollection } from '../core/webAnnotation';
import { CliReview, storeSource } from './annotations';
import type { OutputFormat } from './args';
import { Problem, problem } from './inputs';
import { readTextFile } from './readText';
import { DocumentFigures, tableFigures, textRow } from './textTable';

export interface AnalyzedDocument {
  kind: 'document';
  figures: DocumentFigures;
  /** The document's text in the output (the JSON formats' as UTF-8 bytes), without the separator that depends on its place in the report. */
  output: Iterable<string | Uint8Array>;
  /** For output held in buffers that are used again (see HeldOutput): called with each piece once it is no longer read. */
  release?: (piece: string | Uint8Array) => void;
}

/** `review`: the store and this document's source in it, when the document is reviewed against one. */
export function analyzeText(
  engine: Engine,
  source: string,
  text: string,
  language: LanguageSetting,
  format: OutputFormat,
  review: { collection: AnnotationCollection; source: string; codebook: readonly CodebookCode[] } | null = null,
): AnalyzedDocument {
  if (format === 'text' && review === null) {
    // The row needs the totals only: the analysis is not kept, nor its sections computed.
    return textDocument(source, engine.totals(engine.totalsPart(text, { language }), { language }));
  }
  const analysis = engine.analyze(text, { language });
  const entryReview = review && { collection: review.collection, source: review.source, codePolarity: codePolarity(engine.categories, review.codebook) };
  const { summary, annotations, review: applied } = reportEntry(source, analysis, entryReview);
  const figures = tableFigures(source, summary);
  const output =
    format === 'text'
      ? [textRow(figures)]
      : format === 'csv' || format === 'csv-sections'
        ? [csvRows(format === 'csv' ? 'documents' : 'sections', summary)]
        : format === 'w3c'
          ? [annotationLines(exportedAnnotations(source, text, analysis.matches(), review?.collection.first.items ?? [], GENERATOR, review?.source))]
          : format === 'qdpx'
            ? [JSON.stringify(refiDocument(source, text, analysis.matches(), applied, `${GENERATOR.name} ${GENERATOR.version}`, new Set(engine.categories.map((c) => c.id))))]
            : documentBytes(summary, annotations, format);
  return { kind: 'document', figures, output };
}

/** A document of the text format, from its totals. */
export function textDocument(source: string, totals: TextTotals): AnalyzedDocument {
  const figures: DocumentFigures = documentTotals(source, totals);
  return { kind: 'document', figures, output: [textRow(figures)] };
}

/** A document's output as one piece, for a worker's reply: bytes when any of it is bytes (in an ArrayBuffer of their own), else one string. */
export function joinedOutput(output: Iterable<string | Uint8Array>): string | Uint8Array<ArrayBuffer> {
  const pieces = Array.from(output);
  if (pieces.every((p): p is string => typeof p === 'string')) return pieces.join('');
  // One piece of bytes is already in a buffer of its own (JsonBytes.take): handed over as it is, not copied.
  const only = pieces.length === 1 ? pieces[0] : null;
  // Not a Buffer: a small one may be a slice of the pool that other Buffers share.
  if (only instanceof Uint8Array && !Buffer.isBuffer(only) && only.buffer instanceof ArrayBuffer && only.byteOffset === 0) return only as Uint8Array<ArrayBuffer>;
  const bytes = pieces.map((p) => (typeof p === 'string' ? Buffer.from(p) : p));
  const joined = new Uint8Array(bytes.reduce((sum, b) => sum + b.length, 0));
  let at = 0;
  for (const b of bytes) {
    joined.set(b, at);
    at += b.length;
  }
  return joined;
}

/** A document's output as text, for the formats whose writer takes it whole. */
export function outputText(output: Iterable<string | Uint8Array>): string {
  const joined = joinedOutput(output);
  return typeof joined === 'string' ? joined : Buffer.from(joined.buffer, joined.byteOffset, joined.length).toString('utf8');
}

/** Reads and analyzes one file; a file that cannot be read or is not text becomes a Problem. */
export function analyzeFile(
  engine: Engine,
  file: { path: string; source: string; raw?: Uint8Array; size?: number },
  language: LanguageSetting,
  format: OutputFormat,
  review: CliReview | null = null,
): AnalyzedDocument | Problem {
  // A raw path crosses to a worker thread as a plain Uint8Array.
  const read = readTextFile(file.raw ? Buffer.from(file.raw) : file.path, file.size);
  if (!read.ok) return problem(read.severity, file.source, read.message);
  const reviewSource = review && storeSource(review, file.path);
  return analyzeText(engine, file.source, read.text, language, format, review && reviewSource !== null ? { collection: review.collection, source: reviewSource, codebook: review.codebook } : null);
}
