// The interchange exports of whole documents held in memory (the editor's): CSV, one W3C Web Annotation collection,
// and the parts of a REFI-QDA project. Each is composed from the same pieces the CLI streams, in the same order, so
// the bytes are the CLI's for the same files, lexicons and store.
import { csvHeader, csvRows, CsvRows } from './csvReport';
import { refiDocument, RefiDocument, RefiReview } from './refiQda';
import { documentSummary } from './report';
import type { Category, Match, Tally } from './types';
import { annotationLines, CollectionStream, exportedAnnotations } from './w3cExport';
import type { WebAnnotation } from './webAnnotation';

/** One document as the exports need it. */
export interface InteropDocument {
  /** Its name in the export, as the CLI names a path. */
  source: string;
  text: string;
  tally: Tally;
  /** In document order. */
  matches: readonly Match[];
  /** What the annotation store applies to the matches; null without a store. */
  review: RefiReview | null;
  /** The store's annotations of this document, as stored. */
  stored: readonly WebAnnotation[];
  /** Its name in the store. */
  storeSource: string;
}

/** `--format csv` (`--csv-rows documents|sections`) of the documents, in the order given. */
export function csvExport(rows: CsvRows, categories: readonly Category[], documents: readonly InteropDocument[]): string {
  let out = csvHeader(rows, categories.map((c) => c.id));
  for (const d of documents) out += csvRows(rows, documentSummary(d.source, d.tally));
  return out;
}

/** `--format w3c`: one collection of every document's annotations. */
export function w3cExport(documents: readonly InteropDocument[], generator: { name: string; version: string }): string {
  const collection = new CollectionStream('Policy Lens annotations');
  let out = collection.opening();
  for (const d of documents) out += collection.document(d.source, annotationLines(exportedAnnotations(d.source, d.text, d.matches, d.stored, generator, d.storeSource)));
  return out + collection.closing();
}

/** The REFI-QDA parts of each document, for projectXml and the archive. */
export function refiDocuments(documents: readonly InteropDocument[], categories: readonly Category[], software: string): RefiDocument[] {
  const ids = new Set(categories.map((c) => c.id));
  return documents.map((d) => refiDocument(d.source, d.text, d.matches, d.review, software, ids));
}
