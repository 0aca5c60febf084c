import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import {
  AnalysisAnnotations,
  AnalysisLike,
  Report,
  ReportStyle,
  annotationsOf,
  buildReport,
  documentBytes,
  documentChunks,
  documentReport,
  documentSummary,
  documentSummarySource,
  reportHeader,
  ReportStream,
  serializeReport,
} from '../../src/core/report';
import { Match, Tally } from '../../src/core/types';

const schema: object = JSON.parse(fs.readFileSync(path.join(__dirname, '../../../src/core/schema/tally.schema.json'), 'utf8'));
const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
const validateReport = ajv.compile(schema);
const validateHeader = ajv.compile({ $ref: 'https://policy-lens.invalid/schema/tally.schema.json#/$defs/header' });
const validateDocument = ajv.compile({ $ref: 'https://policy-lens.invalid/schema/tally.schema.json#/$defs/document' });

const GENERATOR = { name: 'policy-lens', version: '0.1.0' };
const LEXICON = { name: 'policy-lens-en+policy-lens-zh', version: '1.0.0+1.0.0', sha256: 'ab'.repeat(32), entries: 812 };

/** A hand-made analysis, so the report is tested apart from the engine. */
function fakeAnalysis(text: string, matches: Match[], weights: { control: number; engagement: number }): AnalysisLike {
  const total = weights.control + weights.engagement;
  const index = total === 0 ? null : (weights.engagement - weights.control) / total;
  const tally: Tally = {
    language: 'en',
    words: 30,
    units: { sentences: 3, control: 1, engagement: 1, both: 0 },
    control: { matches: 1, weight: weights.control, perThousandWords: (weights.control * 1000) / 30 },
    engagement: { matches: 1, weight: weights.engagement, perThousandWords: (weights.engagement * 1000) / 30 },
    lean: { index, label: index === null ? 'no signal' : index > 0 ? 'engagement-leaning' : 'control-leaning', thin: true, basis: 'sentences' },
    categories: [
      { id: 'surveillance', label: 'Surveillance and monitoring', polarity: 'control', matches: 1, weight: weights.control, terms: [{ term: 'monitor', count: 1 }] },
      { id: 'consultation', label: 'Consultation and public opinion', polarity: 'engagement', matches: 1, weight: weights.engagement, terms: [{ term: 'public opinion', count: 1 }] },
    ],
    sections: [
      {
        title: 'Article 1',
        level: 1,
        parent: null,
        startLine: 0,
        endLine: 2,
        startOffset: 0,
        endOffset: text.length,
        words: 30,
        units: { sentences: 3, control: 1, engagement: 1, both: 0 },
        control: { matches: 1, weight: weights.control, perThousandWords: 33.333333333 },
        engagement: { matches: 1, weight: weights.engagement, perThousandWords: 1 / 3 },
        lean: { index: -0.0000001, label: 'balanced', thin: true, basis: 'sentences' },
      },
    ],
  };
  return { text: () => text, tally: () => tally, matchesInRange: (start, end) => matches.filter((m) => m.end > start && m.start < end) };
}

function match(text: string, needle: string, polarity: Match['polarity'], category: string, extra: Partial<Match> = {}): Match {
  const start = text.indexOf(needle);
  assert.ok(start >= 0, needle);
  return { start, end: start + needle.length, text: needle, polarity, category, entry: needle.toLowerCase(), weight: 1, rule: null, ruleDetail: null, negated: false, sentence: 0, ...extra };
}

const TEXT = 'Article 1\r\nAgencies shall monitor 😀 traders.\rThey shall solicit public opinion.\nPetitioners shall not be detained.';
const MATCHES: Match[] = [
  match(TEXT, 'monitor', 'control', 'surveillance'),
  match(TEXT, 'traders', 'control', 'scoring', { entry: 'trad"er\\s\u2028 😀', weight: 0.123456, rule: 'negation', ruleDetail: 'not', negated: true }),
  match(TEXT, 'public opinion', 'engagement', 'consultation', { weight: 1 / 3 }),
  match(TEXT, 'detained', 'engagement', 'rights', { rule: 'protection', ruleDetail: 'shall not be' }),
];

function sampleReport(): Report {
  const header = reportHeader(GENERATOR, LEXICON);
  return buildReport(header, [
    documentReport('a/first.txt', fakeAnalysis(TEXT, MATCHES, { control: 1, engagement: 4 / 3 })),
    documentReport('b/"quoted"\tname.md', fakeAnalysis('Nothing here.', [], { control: 0, engagement: 0 })),
  ]);
}

/** The report stream with documents cut into chunks of `chunkSize` characters. */
function streamed(report: Report, style: ReportStyle, chunkSize: number): string {
  const { documents, ...header } = report;
  const stream = new ReportStream(header, style);
  let out = '';
  for (const { annotations, ...summary } of documents) {
    out += stream.next();
    for (const chunk of documentChunks(summary, annotations, style, chunkSize)) out += chunk;
  }
  return out + stream.end();
}

describe('report', () => {
  it('puts the documented fields at the top level, in order', () => {
    const parsed = JSON.parse(serializeReport(sampleReport())) as Record<string, unknown>;
    assert.deepEqual(Object.keys(parsed), ['format', 'version', 'generator', 'lexicon', 'documents']);
    assert.equal(parsed.format, 'policy-lens.tally');
    assert.equal(parsed.version, 2);
    assert.deepEqual(Object.keys(parsed.generator as object), ['name', 'version']);
    assert.equal((parsed.generator as { name: string }).name, 'policy-lens');
    assert.deepEqual(parsed.lexicon, LEXICON);
  });

  it('validates against the JSON Schema', () => {
    const report = sampleReport();
    assert.ok(validateReport(JSON.parse(serializeReport(report))), ajv.errorsText(validateReport.errors));
    const withTime = buildReport(reportHeader(GENERATOR, LEXICON, new Date(Date.UTC(2026, 0, 2, 3, 4, 5))), report.documents);
    const parsed = JSON.parse(serializeReport(withTime)) as { timestamp: string };
    assert.equal(parsed.timestamp, '2026-01-02T03:04:05.000Z');
    assert.ok(validateReport(parsed), ajv.errorsText(validateReport.errors));
  });

  it('the schema rejects a report with a wrong or missing field', () => {
    const good = JSON.parse(serializeReport(sampleReport())) as { documents: Array<Record<string, unknown>>; version: number };
    const wrongVersion = { ...good, version: 1 };
    assert.equal(validateReport(wrongVersion), false);
    const noLean = structuredClone(good);
    delete noLean.documents[0].lean;
    assert.equal(validateReport(noLean), false);
  });

  it('gives lines and characters as VS Code counts them (CRLF, lone CR, surrogate pairs)', () => {
    const doc = documentReport('x', fakeAnalysis(TEXT, MATCHES, { control: 1, engagement: 1 }));
    assert.deepEqual(doc.annotations[0].start, { line: 1, character: 15, offset: 26 });
    assert.deepEqual(doc.annotations[0].end, { line: 1, character: 22, offset: 33 });
    // After "😀" (two UTF-16 code units) and a lone CR.
    assert.deepEqual(doc.annotations[1].start, { line: 1, character: 26, offset: TEXT.indexOf('traders') });
    assert.deepEqual(doc.annotations[2].start, { line: 2, character: 19, offset: TEXT.indexOf('public') });
    assert.deepEqual(doc.annotations[3].start.line, 3);
    assert.equal(doc.annotations[3].rule, 'protection');
    assert.equal(doc.annotations[3].ruleDetail, 'shall not be');
  });

  it('rounds numbers to 4 decimals and never prints -0', () => {
    const text = serializeReport(sampleReport());
    assert.match(text, /"weight": 1\.3333,/);
    assert.match(text, /"engagement": \{"matches":1,"weight":1\.3333,"perThousandWords":44\.4444\},/);
    assert.match(text, /"perThousandWords":33\.3333/);
    assert.match(text, /"weight":0\.3333,/);
    assert.doesNotMatch(text, /-0[,\n]/);
    assert.doesNotMatch(text, /\d\.\d{5,}/);
  });

  it('writes each annotation and term on one line', () => {
    const lines = serializeReport(sampleReport()).split('\n');
    assert.ok(lines.some((l) => /^ {8}\{"start":\{"line":1,"character":15,"offset":26\},"end":/.test(l)));
    assert.ok(lines.some((l) => /^ {12}\{"term":"monitor","count":1\}$/.test(l)));
  });

  it('writes the same bytes whatever the chunk size, in json and jsonl', () => {
    const report = sampleReport();
    for (const style of ['json', 'jsonl'] as const) {
      const whole = serializeReport(report, style);
      for (const chunkSize of [1, 50, 1 << 16]) assert.equal(streamed(report, style, chunkSize), whole, `${style} ${chunkSize}`);
    }
    const empty = buildReport(reportHeader(GENERATOR, LEXICON), []);
    assert.equal(streamed(empty, 'json', 10), serializeReport(empty));
    assert.deepEqual(JSON.parse(serializeReport(empty)).documents, []);
  });

  it("writes each document's categories with their own label, polarity and terms, though another gave the id others", () => {
    const report = sampleReport();
    const [first] = report.documents;
    assert.ok(first.categories.length >= 2 && first.categories.some((c) => c.terms.length > 0));
    const relabelled = {
      ...first,
      categories: first.categories.map((c, i) => ({
        ...c,
        label: `${c.label} "again"`,
        polarity: c.polarity === 'control' ? ('engagement' as const) : ('control' as const),
        terms: i === 0 ? [] : [...c.terms, { term: 'a "new"\tterm', count: 2 }],
      })),
    };
    const mixed: Report = { ...report, documents: [first, relabelled, first] };
    const expected = JSON.parse(JSON.stringify(mixed.documents)) as object[];
    assert.deepEqual((JSON.parse(serializeReport(mixed)) as { documents: object[] }).documents, expected);
    const lines = serializeReport(mixed, 'jsonl').trimEnd().split('\n');
    assert.deepEqual(lines.slice(1).map((l) => JSON.parse(l) as object), expected);
  });

  it('jsonl: a header line, then one line per document equal to the json documents', () => {
    const report = sampleReport();
    const lines = serializeReport(report, 'jsonl').split('\n');
    assert.equal(lines.pop(), '');
    const header = JSON.parse(lines[0]) as object;
    assert.ok(validateHeader(header), ajv.errorsText(validateHeader.errors));
    const json = JSON.parse(serializeReport(report)) as { documents: object[] };
    assert.deepEqual(lines.slice(1).map((l) => JSON.parse(l) as object), json.documents);
    for (const l of lines.slice(1)) assert.ok(validateDocument(JSON.parse(l)), ajv.errorsText(validateDocument.errors));
  });

  it('is byte-identical whatever key order the input objects had', () => {
    const report = sampleReport();
    const shuffled = JSON.parse(JSON.stringify(report, Object.keys(report).reverse().concat(['name', 'version', 'sha256', 'entries'])));
    const reversed: Report = { ...shuffled, documents: report.documents.map((d) => Object.fromEntries(Object.entries(d).reverse())) } as Report;
    assert.equal(serializeReport(reversed), serializeReport(report));
  });

  it("writes the tally's own sections as it writes documentSummary's rounded copies, in both styles and any chunk size", () => {
    const analysis = fakeAnalysis(TEXT, MATCHES, { control: 1, engagement: 4 / 3 });
    const tally = analysis.tally();
    const bytes = (summary: Parameters<typeof documentBytes>[0], style: ReportStyle, chunkSize?: number): Buffer => Buffer.concat(Array.from(documentBytes(summary, annotationsOf(analysis), style, chunkSize)));
    for (const style of ['json', 'jsonl'] as const) {
      const copied = bytes(documentSummary('s', tally), style);
      assert.match(copied.toString(), /33\.3333/);
      for (const chunkSize of [1, 7, undefined]) assert.deepEqual(bytes(documentSummarySource('s', tally), style, chunkSize), copied, `${style} ${chunkSize}`);
      assert.equal(Array.from(documentChunks(documentSummarySource('s', tally), annotationsOf(analysis), style, 3)).join(''), copied.toString('utf8'));
    }
  });

  it("writes an analysis's annotations straight from its matches as it writes them one object at a time", () => {
    // Over three windows of text, with CRLF, lone CR and surrogate pairs; matches across lines and across a window's end.
    let text = '';
    while (text.length < 140000) text += 'Agencies shall monitor 😀 traders.\r\nThey shall\rsolicit public opinion.\nAnd \t "quoted" lines.\n';
    const matches: Match[] = [];
    const add = (start: number, end: number, extra: Partial<Match> = {}): void => {
      matches.push({ start, end, text: text.slice(start, end), polarity: 'control', category: 'surveillance', entry: 'monitor', weight: 1 / 3, rule: null, ruleDetail: null, negated: false, sentence: matches.length, ...extra });
    };
    for (let at = text.indexOf('monitor'); at >= 0; at = text.indexOf('monitor', at + 1)) add(at, at + 'monitor 😀 traders.\r\nThey'.length, { rule: 'negation', ruleDetail: 'not "this"' });
    for (let at = text.indexOf('opinion'); at >= 0; at = text.indexOf('opinion', at + 1)) add(at, at + 7, { polarity: 'engagement', category: 'consultation', entry: 'public opinion' });
    add(65530, 65545);
    add(131071, 131072);
    matches.sort((a, b) => a.start - b.start || a.end - b.end);
    const analysis = fakeAnalysis(text, matches, { control: 1, engagement: 1 });
    const summary = documentSummary('s', analysis.tally());
    for (const style of ['json', 'jsonl'] as const) {
      const objects = Buffer.concat(Array.from(documentBytes(summary, Array.from(annotationsOf(analysis)), style, 1000)));
      const straight = Buffer.concat(Array.from(documentBytes(summary, new AnalysisAnnotations(analysis), style, 1000)));
      assert.ok(straight.equals(objects), style);
      assert.equal((JSON.parse(style === 'json' ? objects.toString() : objects.toString().trim()) as { annotations: unknown[] }).annotations.length, matches.length);
    }
    assert.deepEqual(Array.from(new AnalysisAnnotations(analysis)), Array.from(annotationsOf(analysis)));
  });

  it('documentSummary and annotationsOf give the parts documentReport joins', () => {
    const analysis = fakeAnalysis(TEXT, MATCHES, { control: 1, engagement: 2 });
    const whole = documentReport('s', analysis);
    assert.deepEqual({ ...documentSummary('s', analysis.tally()), annotations: Array.from(annotationsOf(analysis)) }, whole);
    assert.deepEqual(Object.keys(whole.sections[0]), ['title', 'level', 'parent', 'startLine', 'endLine', 'words', 'units', 'control', 'engagement', 'lean', 'reviewed']);
    assert.deepEqual(Object.keys(whole).slice(0, 8), ['source', 'language', 'words', 'units', 'control', 'engagement', 'lean', 'reviewed']);
    assert.equal(whole.reviewed, null);
    assert.deepEqual([whole.annotations[0].sentence, whole.annotations[0].review, whole.annotations[0].origin], [0, null, 'lexicon']);
  });
});
