// npm run agreement -- [--coding FILE] [--json] [--disagreements] [--no-engine]
// How far two codings of the same sentences by the coding scheme agree: a blind second coding (--coding, by
// default test/corpus/labels/second-coding.tsv) against the tuning half's labels, per language and polarity: sentences,
// positives per coder, observed agreement, Cohen's kappa and F1 of coder 2 against coder 1 (the ceiling of a
// copy of one coder scored against the other), and, on the same sentences, the engine's F1 against each coder
// and against the sentences where the two agree. --disagreements lists the sentences coded differently. --no-engine
// leaves the engine out entirely (it is not run, nothing of it is printed): for a fresh group, whose engine errors no
// one may read. Only tuning-half sentences are read.
import { readFileSync } from 'node:fs';
import { builtinLexicons, Engine, Polarity } from '../../src/core/index';
import { Agreement, agreement, crossTable } from './agreementStats';
import { docLanguage, parseCorpusLabels, predictCorpus } from './corpus';
import { CodedTwice, joinCodings, parseSecondCoding } from './secondCoding';
import { fmt, round, runTool } from './toolOutput';

const CORPUS_DIR = 'test/corpus';
const FIRST = 'test/corpus/labels/tuning-half.tsv';
const DEFAULT_SECOND = 'test/corpus/labels/second-coding.tsv';
const OPTIONS = '--coding FILE, --json, --disagreements, --no-engine';
const POLARITIES: readonly Polarity[] = ['control', 'engagement'];

interface EngineFigures {
  /** F1 of the engine against coder 1, against coder 2, and against the sentences the two code alike. */
  first: number;
  second: number;
  agreed: number;
  agreedSentences: number;
}

interface Row {
  language: 'en' | 'zh';
  polarity: Polarity;
  documents: number;
  coders: Agreement;
  /** Absent when the engine was not run (--no-engine). */
  engine?: EngineFigures;
}

/** A sentence coded twice, with the engine's prediction unless the engine was left out. */
export interface Scored extends CodedTwice {
  predicted?: Record<Polarity, boolean>;
}

/** The figures of one language and polarity; the engine's only when every sentence has its prediction. */
export function agreementRow(sentences: readonly Scored[], language: 'en' | 'zh', polarity: Polarity): Row {
  const mine = sentences.filter((s) => docLanguage(s.first.doc) === language);
  const coders = agreement(mine.map((s) => [s.first[polarity], s.second[polarity]] as const));
  const row: Row = { language, polarity, documents: new Set(mine.map((s) => s.first.doc)).size, coders };
  const predicted = mine.flatMap((s) => (s.predicted === undefined ? [] : [{ ...s, said: s.predicted[polarity] }]));
  if (predicted.length < mine.length) return row;
  const agreed = predicted.filter((s) => s.first[polarity] === s.second[polarity]);
  row.engine = {
    first: crossTable(predicted.map((s) => [s.first[polarity], s.said] as const)).f1,
    second: crossTable(predicted.map((s) => [s.second[polarity], s.said] as const)).f1,
    agreed: crossTable(agreed.map((s) => [s.first[polarity], s.said] as const)).f1,
    agreedSentences: agreed.length,
  };
  return row;
}

/** The options of the command line; throws on an unknown one or on --coding without a file. */
export function parseAgreementArgs(argv: readonly string[]): { coding: string; json: boolean; disagreements: boolean; engine: boolean } {
  const options = { coding: DEFAULT_SECOND, json: false, disagreements: false, engine: true };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--json') options.json = true;
    else if (arg === '--no-engine') options.engine = false;
    else if (arg === '--disagreements') options.disagreements = true;
    else if (arg === '--coding') {
      const file = argv[++i];
      if (file === undefined || file.startsWith('--')) throw new Error('--coding takes the file of a second coding');
      options.coding = file;
    } else throw new Error(`unknown option ${arg} (options: ${OPTIONS})`);
  }
  return options;
}

function main(argv: string[]): number {
  const options = parseAgreementArgs(argv);
  const second = options.coding;
  const first = parseCorpusLabels(readFileSync(FIRST, 'utf8'), FIRST);
  const joined = joinCodings(first, parseSecondCoding(readFileSync(second, 'utf8'), second), second, FIRST);
  const scored: Scored[] = options.engine ? withPredictions(joined) : joined;
  const rows = (['en', 'zh'] as const).flatMap((language) => POLARITIES.map((polarity) => agreementRow(scored, language, polarity)));
  if (options.json) {
    for (const r of rows) console.log(JSON.stringify(jsonRow(r)));
  } else printTable(rows, second);
  if (options.disagreements) printDisagreements(scored);
  return 0;
}

/** The sentences with the engine's prediction of each. */
function withPredictions(joined: readonly CodedTwice[]): Scored[] {
  const outcomes = predictCorpus(new Engine(builtinLexicons()), joined.map((j) => j.first), CORPUS_DIR, FIRST);
  const predicted = new Map(outcomes.map((o) => [`${o.label.doc}#${o.label.sentence}`, o.predicted]));
  return joined.map((j) => ({ ...j, predicted: predicted.get(`${j.first.doc}#${j.first.sentence}`) ?? { control: false, engagement: false } }));
}

function jsonRow(r: Row): Record<string, unknown> {
  const c = r.coders;
  const e = r.engine;
  const coders = {
    language: r.language, polarity: r.polarity, documents: r.documents, sentences: c.n,
    positivesFirst: c.positivesFirst, positivesSecond: c.positivesSecond, observed: round(c.observed),
    kappa: Number.isNaN(c.kappa) ? null : round(c.kappa), f1: round(c.f1),
  };
  if (e === undefined) return coders;
  return { ...coders, engineF1First: round(e.first), engineF1Second: round(e.second), engineF1Agreed: round(e.agreed), agreedSentences: e.agreedSentences };
}

function printTable(rows: readonly Row[], second: string): void {
  const withEngine = rows.every((r) => r.engine !== undefined);
  console.log(`${second} against ${FIRST}: coder 2 against coder 1${withEngine ? '; the engine on the same sentences' : ''}`);
  console.log(`lang polarity     docs    n  pos 1  pos 2  agree   kappa  F1 2v1${withEngine ? ' | engine F1: v1     v2  agreed (n)' : ''}`);
  for (const r of rows) {
    const c = r.coders;
    const e = r.engine;
    const kappa = Number.isNaN(c.kappa) ? '  n/a' : fmt(c.kappa);
    const engine = e === undefined ? '' : ` |          ${fmt(e.first)}  ${fmt(e.second)}  ${fmt(e.agreed)} (${e.agreedSentences})`;
    console.log(`${r.language.padEnd(4)} ${r.polarity.padEnd(12)} ${num(r.documents, 4)} ${num(c.n, 4)} ${num(c.positivesFirst, 6)} ${num(c.positivesSecond, 6)}  ${fmt(c.observed)}   ${kappa}   ${fmt(c.f1)}${engine}`);
  }
}

function printDisagreements(scored: readonly Scored[]): void {
  const differ = scored.filter((s) => POLARITIES.some((p) => s.first[p] !== s.second[p]));
  console.log(`\nCoded differently (${differ.length}): control and engagement of coder 1 / coder 2${differ.some((s) => s.predicted) ? ', the engine' : ''}`);
  const code = (x: Record<Polarity, boolean>): string => `${x.control ? 1 : 0}${x.engagement ? 1 : 0}`;
  for (const s of differ) {
    const engine = s.predicted === undefined ? '' : `  engine ${code(s.predicted)}`;
    console.log(`${s.first.doc}#${s.first.sentence}  ${code(s.first)} / ${code(s.second)}${engine}${s.second.note ? `  (${s.second.note})` : ''}`);
    console.log(`  ${s.first.text}`);
  }
}

const num = (x: number, width: number): string => String(x).padStart(width);

if (require.main === module) runTool(main);
