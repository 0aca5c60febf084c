// The golden comparison: the full output of a fixed corpus in both languages, hashed piece by piece. Any change to
// what the engine or the report produces for these texts changes a hash; golden.test.ts fails until the change is
// reviewed and the hashes are rewritten with `npm run golden:update`.
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { englishText, chineseText } from '../../bench/corpus';
import { parseDevSet } from '../../devset/evaluate';
import { DocumentAnalysis, Engine } from '../../../src/core';
import { annotationsOf, buildReport, documentChunks, documentReport, documentSummary, reportHeader, serializeReport, ReportHeader } from '../../../src/core/report';
import { document } from '../helpers/corpus';
import { builtinEngine } from '../helpers/lexicons';
import { Random } from '../helpers/random';

/** The repository's root: the nearest folder above this script with a package.json (it runs from out/). */
const ROOT = ((): string => {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return dir;
})();

/** Where the reviewed hashes live, in the source tree (the tests run from out/). */
export const HASHES_FILE = path.join(ROOT, 'test/unit/golden/hashes.json');

/** Per text, a hash of each part of its output. */
export type GoldenHashes = Record<string, Record<string, string>>;

interface GoldenText {
  name: string;
  text: string;
}

function file(relative: string): string {
  return fs.readFileSync(path.join(ROOT, relative), 'utf8');
}

function devsetText(relative: string): string {
  return parseDevSet(file(relative), relative)
    .map((s) => s.sentence)
    .join('\n');
}

/** The fixed corpus: generated policy-style text, the bundled samples, the development sets, and the line-end variants. */
export function goldenTexts(): GoldenText[] {
  const sampleEn = file('media/samples/social-credit-outline.policy.txt');
  const sampleZh = file('media/samples/social-credit-outline.zh.policy.txt');
  const mixed = document(new Random(17), 60_000);
  return [
    { name: 'bench-en-200k', text: englishText(1, 200_000) },
    { name: 'bench-zh-200k', text: chineseText(2, 200_000) },
    { name: 'sample-en', text: sampleEn },
    { name: 'sample-zh', text: sampleZh },
    { name: 'sample-en-crlf', text: sampleEn.replace(/\r?\n/g, '\r\n') },
    { name: 'sample-zh-lone-cr', text: sampleZh.replace(/\r?\n/g, '\r') },
    { name: 'mixed-60k', text: mixed },
    { name: 'devset-en', text: ['test/devset/en.tsv', 'test/devset/en.genres.tsv', 'test/devset/en.holdout.tsv'].map(devsetText).join('\n\n') },
    { name: 'devset-zh', text: ['test/devset/zh.tsv', 'test/devset/zh.genres.tsv', 'test/devset/zh.holdout.tsv'].map(devsetText).join('\n\n') },
  ];
}

/** A fixed generator, so that a version bump does not count as an output change. */
function header(engine: Engine): ReportHeader {
  return reportHeader({ name: 'policy-lens', version: 'golden' }, engine.lexiconInfo);
}

function sha256(value: unknown): string {
  return createHash('sha256')
    .update(typeof value === 'string' ? value : JSON.stringify(value))
    .digest('hex');
}

function streamed(analysis: DocumentAnalysis, name: string, style: 'json' | 'jsonl'): string {
  return Array.from(documentChunks(documentSummary(name, analysis.tally()), annotationsOf(analysis), style)).join('');
}

export function outputHashes(text: string, name: string, engine: Engine = builtinEngine()): Record<string, string> {
  const analysis = engine.analyze(text);
  const tally = analysis.tally();
  const { sections, ...counts } = tally;
  const third = Math.floor(text.length / 3);
  const report = buildReport(header(engine), [documentReport(name, analysis)]);
  return {
    tally: sha256(counts),
    sections: sha256(sections),
    annotations: sha256(analysis.matches()),
    range: sha256(analysis.matchesInRange(third, 2 * third)),
    reportJson: sha256(serializeReport(report, 'json')),
    reportJsonl: sha256(serializeReport(report, 'jsonl')),
    streamedJson: sha256(streamed(analysis, name, 'json')),
    streamedJsonl: sha256(streamed(analysis, name, 'jsonl')),
  };
}

export function computeGolden(): GoldenHashes {
  const out: GoldenHashes = {};
  for (const { name, text } of goldenTexts()) out[name] = outputHashes(text, name);
  return out;
}

export function readGolden(): GoldenHashes {
  return JSON.parse(fs.readFileSync(HASHES_FILE, 'utf8')) as GoldenHashes;
}

export function writeGolden(hashes: GoldenHashes): void {
  fs.writeFileSync(HASHES_FILE, JSON.stringify(hashes, null, 2) + '\n');
}
