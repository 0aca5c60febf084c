// A whole analysis's annotations are written into a report from their numbers, each stance's bytes written once per
// engine and copied (src/core/stanceBytes.ts, AnnotationCursor): the report must be the one written from Match objects,
// byte for byte, for every rule, and whatever documents the same engine read before.
import * as assert from 'node:assert/strict';
import { AnalysisAnnotations, annotationsOf, documentBytes, documentSummarySource, ReportStyle } from '../../src/core/report';
import { document, paragraph } from './helpers/corpus';
import { builtinEngine } from './helpers/lexicons';
import { Random } from './helpers/random';

/** Lines that bring the rules whose explanations quote the text or its context: lists under a lead-in, a title that gives a subject, exemptions, targets. */
const LINES = [
  '公民举报危害国家安全行为奖励办法',
  '第十四条 任何单位和个人不得非法制造下列设备：',
  '有下列行为之一的，由公安机关处以罚款：',
  'It shall be unlawful for any person to—',
  'Subsections (a) and (b) shall not prohibit the disclosure of',
  '（一）窃听设备；',
  '(1) sell the records;',
  '(ii) monitor the firm;',
  'The agency shall not monitor residents. Officials who fail to report are fined; citizens may report officials to the inspectorate.',
];

function randomDocument(rng: Random): string {
  const out: string[] = [];
  for (let k = 4 + rng.int(16); k > 0; k--) out.push(rng.chance(0.5) ? rng.pick(LINES) : rng.chance(0.7) ? paragraph(rng) : document(rng, 300 + rng.int(3_000)));
  return out.join(rng.pick(['\n', '\n\n', '\r\n']));
}

describe('annotations written with their stances copied', () => {
  it('are the bytes written from Match objects, document after document of one engine, in json and jsonl', () => {
    const engine = builtinEngine();
    const rng = new Random(15);
    const rules = new Set<string | null>();
    for (let doc = 0; doc < 60; doc++) {
      const analysis = engine.analyze(randomDocument(rng));
      for (const m of analysis.matches()) rules.add(m.rule);
      const summary = documentSummarySource(`d${doc}`, analysis.tally());
      for (const style of ['json', 'jsonl'] as ReportStyle[]) {
        const chunk = 200 + rng.int(5_000);
        const fromObjects = Buffer.concat(Array.from(documentBytes(summary, Array.from(annotationsOf(analysis)), style, chunk)));
        const copied = Buffer.concat(Array.from(documentBytes(summary, new AnalysisAnnotations(analysis), style, chunk)));
        assert.ok(copied.equals(fromObjects), `document ${doc}, ${style}`);
      }
    }
    for (const rule of [null, 'inherited', 'subject', 'negation', 'topic']) assert.ok(rules.has(rule), `no annotation of rule ${String(rule)}`);
  });
});
