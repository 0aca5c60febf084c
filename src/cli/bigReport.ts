// A big file in the JSON or JSON Lines report: cut at paragraph breaks as for the text table (bigText.ts), each part
// read, decoded and analysed in turn in the context of the part before it (src/core/reportParts.ts), so the blocks
// of the whole text are never kept. The report is the same, byte for byte, as from the whole text: its sections and
// figures come before its annotations, so the annotations are kept as numbers until the figures are written.
import * as fs from 'node:fs';
import type { Engine } from '../core';
import { documentBytes, documentSummarySource } from '../core/report';
import type { LanguageSetting } from '../core/types';
import type { AnalyzedDocument } from './analyze';
import { partRanges, readPart } from './bigText';
import { tableFigures } from './textTable';

/** About how big a part is: each is read and decoded at once, and its blocks analysed and dropped (512 KB: see performance-notes.md). */
const PART = 512 * 1024;
/** How many bytes of the report are written at a time: a report of megabytes in fewer, larger writes (see performance-notes.md). */
const CHUNK = 256 * 1024;

/**
 * The report of a big file analysed in parts, or null when it is not cut so (UTF-16, no paragraph break, bytes that
 * are not text): the caller then reads it whole, which says what is wrong. Nothing is written before the last part is
 * analysed, so a part that fails loses nothing.
 */
export function reportInParts(engine: Engine, file: { path: string; source: string; raw?: Uint8Array }, language: LanguageSetting, format: 'json' | 'jsonl'): AnalyzedDocument | null {
  let fd: number;
  try {
    fd = fs.openSync(file.raw ? Buffer.from(file.raw) : file.path, 'r');
  } catch {
    return null;
  }
  const analysis = engine.analyzeInParts({ language });
  try {
    const ranges = partRanges(fd, fs.fstatSync(fd).size, PART);
    if (ranges.length < 4) return null;
    for (let i = 0; i < ranges.length; i += 2) {
      // Only the first part can be blank: every other starts with a character that is not (see partRanges).
      const part = readPart(fd, ranges[i], ranges[i + 1], true);
      if (!part.ok) return null;
      analysis.add(part.text);
    }
  } finally {
    fs.closeSync(fd);
  }
  const { tally, sections, annotations } = analysis.finish();
  const summary = documentSummarySource(file.source, tally, sections);
  const figures = tableFigures(file.source, summary);
  return { kind: 'document', figures, output: documentBytes(summary, annotations, format, CHUNK) };
}

