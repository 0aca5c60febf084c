// npm run devset -- [--errors] [--json] [--half tuning|test] [--docs ID,...] [--except ID,...] [--lexicon FILE] [FILE.tsv...]
// Prints precision, recall and F1 per polarity for each labelled development set and, with no files named,
// for both halves of the real-text corpus (test/corpus) per language, with per-entry precision on the tuning
// half. --errors lists misclassified sentences of the sets and of the tuning half only: the test half's
// errors are never shown, so that nothing is tuned on them. --half tuning scores only the tuning half (and the
// development sets): what to use while iterating, so that the test half's figures are not seen until the end.
// --docs scores only the corpus documents whose ids start with one of the given prefixes, --except all but those:
// a validation group inside the tuning half is scored alone, and left out of the errors tuned on.
import { existsSync, readFileSync } from 'node:fs';
import { builtinLexicons, Engine, parseLexicon } from '../../src/core/index';
import { CorpusEvaluation, entryPrecision, parseCorpusLabels, predictCorpus, scoreCorpus } from './corpus';
import { evaluate, parseDevSet } from './evaluate';
import { fmt, pad, round, runTool } from './toolOutput';

const CORPUS_DIR = 'test/corpus';
interface Half {
  name: string;
  file: string;
  showErrors: boolean;
}
const HALVES: readonly Half[] = [
  { name: 'tuning half', file: 'test/corpus/labels/tuning-half.tsv', showErrors: true },
  { name: 'test half', file: 'test/corpus/labels/test-half.tsv', showErrors: false },
];
/** Entries below this precision on the tuning half are listed. */
const ENTRY_PRECISION_FLOOR = 0.6;

function main(argv: string[]): number {
  const showErrors = argv.includes('--errors');
  const asJson = argv.includes('--json');
  const lexicons = builtinLexicons();
  const files: string[] = [];
  let halves = HALVES;
  let docFilter: DocFilter = () => true;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--half') {
      const name = argv[++i];
      halves = HALVES.filter((h) => h.name === `${name} half`);
      if (halves.length === 0) throw new Error(`--half takes tuning or test, not ${name === undefined ? 'nothing' : `"${name}"`}`);
    } else if (argv[i] === '--docs' || argv[i] === '--except') {
      const keep = argv[i] === '--docs';
      const prefixes = (argv[++i] ?? '').split(',').filter((p) => p !== '');
      if (prefixes.length === 0) throw new Error(`${argv[i - 1]} takes document id prefixes separated by commas`);
      const previous = docFilter;
      docFilter = (doc) => previous(doc) && prefixes.some((p) => doc.startsWith(p)) === keep;
    } else if (argv[i] === '--lexicon') lexicons.push(parseLexicon(readFileSync(argv[++i], 'utf8'), argv[i], { knownCategories: lexicons.flatMap((l) => l.categories.map((c) => c.id)) }));
    else if (!argv[i].startsWith('--')) files.push(argv[i]);
    // A mistyped option must not fall back to the default report, which scores the test half.
    else if (argv[i] !== '--errors' && argv[i] !== '--json') throw new Error(`unknown option ${argv[i]} (options: --half, --docs, --except, --lexicon, --errors, --json)`);
  }
  const wholeReport = files.length === 0;
  if (wholeReport) files.push('test/devset/en.tsv', 'test/devset/en.genres.tsv', 'test/devset/en.holdout.tsv', 'test/devset/zh.tsv', 'test/devset/zh.genres.tsv', 'test/devset/zh.holdout.tsv');
  const engine = new Engine(lexicons);
  for (const file of files) {
    const result = evaluate(engine, parseDevSet(readFileSync(file, 'utf8'), file));
    if (asJson) {
      for (const [polarity, s] of Object.entries(result.scores)) {
        console.log(JSON.stringify({ file, polarity, sentences: result.sentences, precision: round(s.precision), recall: round(s.recall), f1: round(s.f1), tp: s.tp, fp: s.fp, fn: s.fn }));
      }
      continue;
    }
    console.log(`\n${file}: ${result.sentences} sentences, ${result.hard} hard cases (${pct(result.hard / result.sentences)})`);
    console.log('polarity     precision  recall   F1      tp   fp   fn   tn');
    for (const [polarity, s] of Object.entries(result.scores)) {
      console.log(`${polarity.padEnd(12)} ${fmt(s.precision)}     ${fmt(s.recall)}   ${fmt(s.f1)}  ${pad(s.tp)} ${pad(s.fp)} ${pad(s.fn)} ${pad(s.tn)}`);
    }
    console.log('tag                 sentences  both labels right');
    for (const [tag, t] of [...result.byTag].sort((a, b) => b[1].sentences - a[1].sentences)) {
      console.log(`${tag.padEnd(20)}${String(t.sentences).padStart(9)}  ${pct(t.correct / t.sentences)}`);
    }
    if (showErrors) {
      console.log(`\nMisclassified (${result.errors.length}):`);
      for (const e of result.errors) {
        const label = (c: boolean, g: boolean): string => `${c ? 1 : 0}→${g ? 1 : 0}`;
        console.log(`${file}:${e.item.line} [${e.item.tag}] control ${label(e.item.control, e.predicted.control)} engagement ${label(e.item.engagement, e.predicted.engagement)}`);
        console.log(`  ${e.item.sentence}`);
        for (const m of e.matches) console.log(`    ${m.negated ? '(negated) ' : ''}${m.polarity}/${m.category} "${m.text}" ← ${m.entry}${m.rule ? ` [${m.rule}: ${m.ruleDetail}]` : ''}`);
      }
    }
  }
  if (wholeReport) reportCorpus(engine, halves, showErrors, asJson, docFilter);
  return 0;
}

type DocFilter = (doc: string) => boolean;

function reportCorpus(engine: Engine, halves: readonly Half[], showErrors: boolean, asJson: boolean, docFilter: DocFilter): void {
  for (const half of halves) {
    if (!existsSync(half.file)) continue;
    const labels = parseCorpusLabels(readFileSync(half.file, 'utf8'), half.file).filter((l) => docFilter(l.doc));
    const outcomes = predictCorpus(engine, labels, CORPUS_DIR, half.file);
    for (const language of ['en', 'zh'] as const) {
      const result = scoreCorpus(outcomes, language);
      if (asJson) {
        for (const [polarity, s] of Object.entries(result.scores)) {
          console.log(JSON.stringify({ file: half.file, half: half.name, language, polarity, sentences: result.sentences, precision: round(s.precision), recall: round(s.recall), f1: round(s.f1), tp: s.tp, fp: s.fp, fn: s.fn }));
        }
        continue;
      }
      printCorpusScores(`${half.file} (${half.name}), ${language}`, result);
      if (showErrors && half.showErrors) printCorpusErrors(result);
    }
    if (half.showErrors && !asJson) {
      const weak = entryPrecision(outcomes).filter((e) => e.precision < ENTRY_PRECISION_FLOOR);
      console.log(`\nEntries under ${ENTRY_PRECISION_FLOOR} precision on the ${half.name} (sentences matched, of them labelled with the entry's polarity):`);
      for (const e of weak) console.log(`  ${fmt(e.precision)}  ${String(e.correct).padStart(3)}/${String(e.sentences).padEnd(3)} ${e.polarity.padEnd(10)} ${e.entry}`);
      if (weak.length === 0) console.log('  (none)');
    }
  }
}

function printCorpusScores(title: string, result: CorpusEvaluation): void {
  console.log(`\n${title}: ${result.sentences} sentences`);
  console.log('polarity     precision  recall   F1      tp   fp   fn   tn');
  for (const [polarity, s] of Object.entries(result.scores)) {
    console.log(`${polarity.padEnd(12)} ${fmt(s.precision)}     ${fmt(s.recall)}   ${fmt(s.f1)}  ${pad(s.tp)} ${pad(s.fp)} ${pad(s.fn)} ${pad(s.tn)}`);
  }
}

function printCorpusErrors(result: CorpusEvaluation): void {
  const wrong = result.outcomes.filter((o) => o.predicted.control !== o.label.control || o.predicted.engagement !== o.label.engagement);
  console.log(`Misclassified (${wrong.length}):`);
  const label = (c: boolean, g: boolean): string => `${c ? 1 : 0}→${g ? 1 : 0}`;
  for (const o of wrong) {
    console.log(`${o.label.doc}#${o.label.sentence} control ${label(o.label.control, o.predicted.control)} engagement ${label(o.label.engagement, o.predicted.engagement)}`);
    console.log(`  ${o.label.text}`);
    for (const m of o.matches) console.log(`    ${m.negated ? '(negated) ' : ''}${m.polarity}/${m.category} "${m.text}" ← ${m.entry}${m.rule ? ` [${m.rule}: ${m.ruleDetail}]` : ''}`);
  }
}

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;

runTool(main);
