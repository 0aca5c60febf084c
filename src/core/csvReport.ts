// The tally as CSV for R, Stata, pandas and spreadsheets (RFC 4180: comma-separated, fields with a comma, quote or
// line break quoted, quotes doubled, CRLF line ends; UTF-8 without a byte-order mark; one header row). One row per
// document in LIWC-22's wide layout, or one row per section. The column order is fixed and documented in docs/cli.md.
import { ReportDocumentSummary, ReportSummarySource, round, sectionAt } from './report';

export type CsvRows = 'documents' | 'sections';

/** The figures every row has, in this order, after the row's own leading columns. */
const FIGURE_COLUMNS = [
  'words',
  'sentences',
  'control_sentences',
  'engagement_sentences',
  'both_sentences',
  'control_matches',
  'engagement_matches',
  'control_weight',
  'engagement_weight',
  'control_per_1000_words',
  'engagement_per_1000_words',
  'lean_index',
  'lean_label',
  'lean_thin',
] as const;

const DOCUMENT_LEAD = ['source', 'language'] as const;
const SECTION_LEAD = ['source', 'language', 'section', 'title', 'level', 'parent', 'start_line', 'end_line'] as const;

/** The header row. Document rows end with one column per category: its matches per 1,000 words. */
export function csvHeader(rows: CsvRows, categoryIds: readonly string[]): string {
  if (rows === 'sections') return csvLine([...SECTION_LEAD, ...FIGURE_COLUMNS]);
  return csvLine([...DOCUMENT_LEAD, ...FIGURE_COLUMNS, ...categoryIds]);
}

/** The row (or rows, one per section) of one document. */
export function csvRows(rows: CsvRows, d: ReportSummarySource): string {
  if (rows === 'documents') {
    const perCategory = d.categories.map((c) => per1000(c.matches, d.words));
    return csvLine([d.source, d.language, ...figures(d, d.words), ...perCategory]);
  }
  let out = '';
  for (let i = 0; i < d.sections.length; i++) {
    const s = sectionAt(d.sections, i);
    out += csvLine([d.source, d.language, i, s.title, s.level, s.parent ?? '', s.startLine, s.endLine, ...figures(s, s.words)]);
  }
  return out;
}

type Figured = Pick<ReportDocumentSummary, 'units' | 'control' | 'engagement' | 'lean'>;

function figures(f: Figured, words: number): Array<string | number> {
  return [
    words,
    f.units.sentences,
    f.units.control,
    f.units.engagement,
    f.units.both,
    f.control.matches,
    f.engagement.matches,
    // A section may be the tally's own, rounded here as the report rounds it (rounding twice changes nothing).
    round(f.control.weight),
    round(f.engagement.weight),
    round(f.control.perThousandWords),
    round(f.engagement.perThousandWords),
    f.lean.index === null ? '' : round(f.lean.index),
    f.lean.label,
    f.lean.thin ? 'TRUE' : 'FALSE',
  ];
}

function per1000(matches: number, words: number): number {
  return words === 0 ? 0 : Math.round((matches / words) * 1000 * 10000) / 10000;
}

function csvLine(fields: ReadonlyArray<string | number>): string {
  return fields.map(csvField).join(',') + '\r\n';
}

/** RFC 4180: quoted when it holds a comma, a quote, CR or LF (or starts or ends with a space), quotes doubled. */
function csvField(value: string | number): string {
  const text = String(value);
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
