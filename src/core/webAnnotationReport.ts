// The report of a document reviewed against an annotation store: `reviewed` figures beside the automatic ones (for
// the document and each section; null where nothing in the store applies), and every annotation with its `review`
// verdict and `origin`, manual codes among them. The editor's Review view computes the same figures with the same
// functions, so a CLI report matches what the editor shows.
import { LineIndex } from './lineIndex';
import { AnalysisAnnotations, AnalysisLike, annotationsOf, documentSummary, documentSummarySource, ReportAnnotation, ReportDocumentSummary, ReportFigures, ReportSummarySource } from './report';
import type { Match, Polarity, SectionTally, Tally } from './types';
import type { AnnotationCollection } from './webAnnotation';
import { CodePolarity, DocumentReview, reviewDocument, ReviewedFigures, reviewedFigures, reviewedItems } from './webAnnotationReview';

export interface ReviewedReport {
  summary: ReportDocumentSummary;
  annotations: Generator<ReportAnnotation>;
  review: DocumentReview;
}

/** One document's part of the report: its summary and annotations, as written by documentChunks or a ReportStream. */
export interface ReportEntry {
  summary: ReportSummarySource;
  annotations: Iterable<ReportAnnotation>;
  /** The review applied, or null. */
  review: DocumentReview | null;
}

/** What reviewing a document against an annotation store takes: the store, the document's source in it, and the codes' polarities. */
export interface EntryReview {
  collection: AnnotationCollection;
  source: string;
  codePolarity: CodePolarity;
  /** Where the editor carried each annotation through edits, when the text is the open document's (anchoring hints). */
  hints?: ReadonlyMap<string, number>;
}

/**
 * One document's part of the report, as the CLI and the editor's exports both write it: the automatic figures and
 * annotations, or with `review`, the figures as reviewed and each annotation's verdict.
 */
export function reportEntry(source: string, analysis: AnalysisLike & { matches(): Match[] }, review: EntryReview | null): ReportEntry {
  const tally = analysis.tally();
  if (!review) return { summary: documentSummarySource(source, tally, analysis.sectionList?.() ?? tally.sections), annotations: new AnalysisAnnotations(analysis), review: null };
  const summary = documentSummary(source, tally);
  const annotations = annotationsOf(analysis);
  const reviewed = reviewedReport(analysis.text(), review.source, tally, analysis.matches(), summary, annotations, review.collection, review.codePolarity, review.hints);
  return { summary: reviewed.summary, annotations: reviewed.annotations, review: reviewed.review };
}

/**
 * `summary` and `annotations` are the automatic report of `text` (documentSummary, annotationsOf); `matches` the
 * analysis's matches in document order; `source` the document's path as the store names it; `hints` where the
 * editor last found each annotation in this very text (it carries them through edits).
 */
function reviewedReport(
  text: string,
  source: string,
  tally: Tally,
  matches: readonly Match[],
  summary: ReportDocumentSummary,
  annotations: Iterable<ReportAnnotation>,
  collection: AnnotationCollection,
  codePolarity: CodePolarity,
  hints?: ReadonlyMap<string, number>,
): ReviewedReport {
  const review = reviewDocument(text, source, matches, collection, codePolarity, undefined, hints);
  const items = reviewedItems(matches, review);
  const touched = touchedOffsets(matches, review);
  const sections: SectionTally[] = tally.sections;
  const reviewedSummary: ReportDocumentSummary = {
    ...summary,
    reviewed: review.reviewed ? rounded(reviewedFigures(items, tally.words, tally.units.sentences)) : null,
    sections: summary.sections.map((s, i) => {
      const section = sections[i];
      const applies = section !== undefined && touched.some((o) => o >= section.startOffset && o < section.endOffset);
      return { ...s, reviewed: applies ? rounded(reviewedFigures(items, section.words, section.units.sentences, section.startOffset, section.endOffset)) : null };
    }),
  };
  return { summary: reviewedSummary, annotations: withReviews(text, matches, review, annotations), review };
}

/** Offsets where the store changes something: reviewed matches and anchored manual codes. */
function touchedOffsets(matches: readonly Match[], review: DocumentReview): number[] {
  const out: number[] = [];
  matches.forEach((m, i) => {
    if (review.verdicts[i] !== null) out.push(m.start);
  });
  for (const n of review.notes) if (n.status !== 'orphan') out.push(n.start);
  return out;
}

/** Rounded and ordered as the report writes the automatic figures. */
function rounded(f: ReviewedFigures): ReportFigures {
  const r = (x: number): number => Math.round(x * 10000) / 10000 || 0;
  const p = (t: ReviewedFigures['control']): ReviewedFigures['control'] => ({ matches: t.matches, weight: r(t.weight), perThousandWords: r(t.perThousandWords) });
  const u = f.units;
  return {
    units: { sentences: u.sentences, control: u.control, engagement: u.engagement, both: u.both },
    control: p(f.control),
    engagement: p(f.engagement),
    lean: { index: f.lean.index === null ? null : r(f.lean.index), label: f.lean.label, thin: f.lean.thin, basis: 'sentences' },
  };
}

/** The automatic annotations with their verdicts, and the anchored manual codes merged in by position. */
function* withReviews(text: string, matches: readonly Match[], review: DocumentReview, annotations: Iterable<ReportAnnotation>): Generator<ReportAnnotation> {
  const verdictAt = new Map<string, 'accepted' | 'rejected'>();
  matches.forEach((m, i) => {
    const v = review.verdicts[i];
    if (v) verdictAt.set(`${m.start}:${m.end}:${m.category}:${m.entry}`, v.value);
  });
  // Codes without a polarity (codebook codes that name none) are listed in the editor, not exported as annotations.
  const codes = review.notes.filter((n) => n.kind === 'code' && n.status !== 'orphan' && n.polarity !== null);
  const lines = codes.length > 0 ? new LineIndex(text) : null;
  let next = 0;
  const manual = (): ReportAnnotation => {
    const n = codes[next++];
    const position = (offset: number): ReportAnnotation['start'] => ({ ...(lines as LineIndex).positionAt(offset), offset });
    const polarity = n.polarity as Polarity;
    return {
      start: position(n.start),
      end: position(n.end),
      text: text.slice(n.start, n.end),
      polarity,
      category: n.code ?? '',
      entry: '',
      weight: 1,
      rule: null,
      ruleDetail: n.memo,
      negated: false,
      sentence: sentenceOf(matches, n.start, n.end),
      review: null,
      origin: 'manual',
    };
  };
  for (const a of annotations) {
    while (next < codes.length && codes[next].start < a.start.offset) yield manual();
    yield { ...a, review: verdictAt.get(`${a.start.offset}:${a.end.offset}:${a.category}:${a.entry}`) ?? null, origin: 'lexicon' };
  }
  while (next < codes.length) yield manual();
}

/** The sentence of a match inside the code, else of the last match before it (0 when none). */
function sentenceOf(matches: readonly Match[], start: number, end: number): number {
  let before = 0;
  for (const m of matches) {
    if (m.start >= start && m.start < end) return m.sentence;
    if (m.start < start) before = m.sentence;
  }
  return before;
}
