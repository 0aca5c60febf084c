// One text → its output in the chosen format. The same code runs in the main thread and in the workers.
import type { DocumentAnalysis, Engine } from '../core';
import { csvRows } from '../core/csvReport';
import { annotationsOf, documentChunks, documentSummary } from '../core/report';
import type { LanguageSetting, Lean, PolarityTally, Units } from '../core/types';
import type { OutputFormat } from './args';
import { Problem, problem } from './inputs';
import { readTextFile } from './readText';
import { textRow } from './textTable';

/** What the text table's footer adds up, and all a row needs. */
export interface DocumentFigures {
  source: string;
  language: string;
  words: number;
  units: Units;
  control: PolarityTally;
  engagement: PolarityTally;
  lean: Lean;
}

export interface AnalysedDocument {
  kind: 'document';
  figures: DocumentFigures;
  /** The document's text in the output, without the separator that depends on its place in the report. */
  output: Iterable<string>;
}

export function analyseText(engine: Engine, source: string, text: string, language: LanguageSetting, format: OutputFormat): AnalysedDocument {
  const analysis: DocumentAnalysis = engine.analyze(text, { language });
  const summary = documentSummary(source, analysis.tally());
  const figures: DocumentFigures = {
    source,
    language: summary.language,
    words: summary.words,
    units: summary.units,
    control: summary.control,
    engagement: summary.engagement,
    lean: summary.lean,
  };
  const output =
    format === 'text'
      ? [textRow(figures)]
      : format === 'csv' || format === 'csv-sections'
        ? [csvRows(format === 'csv' ? 'documents' : 'sections', summary)]
        : documentChunks(summary, annotationsOf(analysis), format);
  return { kind: 'document', figures, output };
}

/** Reads and analyses one file; a file that cannot be read or is not text becomes a Problem. */
export function analyseFile(engine: Engine, file: { path: string; source: string }, language: LanguageSetting, format: OutputFormat): AnalysedDocument | Problem {
  const read = readTextFile(file.path);
  if (!read.ok) return problem(read.severity, file.source, read.message);
  return analyseText(engine, file.source, read.text, language, format);
}
