// npm run sentence-model -- [--holdout ID,ID,...]... [--folds K] [--inner K] [--seed N] [--models ID,...]
//   [--train-docs N] [--json] [--top N]
// The sentence-model experiment (issue #13): would logistic regression on a sentence's words, on the engine's own
// output for it, or on both, or a gate on the engine's decisions, score better on unseen documents than the
// engine? Reads the tuning half only (the test half is never opened). Each --holdout group (document id prefixes)
// is left out of all training and model selection and scored once by the model fitted on the rest; the rest is
// scored by grouped cross-validation (folds of whole documents, each choice made inside the training folds).
// --train-docs N trains every model on at most N documents of its training folds (a learning curve); --models
// keeps some of words, engine, both, gate, context. Only aggregate counts are printed, never a sentence.
import { readFileSync } from 'node:fs';
import { builtinLexicons, Engine, Polarity } from '../../src/core/index';
import { docLanguage, parseCorpusLabels, predictCorpus } from './corpus';
import { Scores } from './evaluate';
import { decide, documentFolds, Example, FittedModel, fitSelected, makeExample, ModelSpec, scoreDecisions } from './sentenceModelFit';
import { pad, round, runTool } from './toolOutput';

const TUNING_HALF = 'test/corpus/labels/tuning-half.tsv';
const CORPUS_DIR = 'test/corpus';
const POLARITIES: readonly Polarity[] = ['control', 'engagement'];
const SPECS: readonly (ModelSpec & { id: string })[] = [
  { id: 'words', name: 'words', features: 'words', gate: false },
  { id: 'engine', name: 'engine output', features: 'engine', gate: false },
  { id: 'both', name: 'words + engine', features: 'both', gate: false },
  { id: 'gate', name: 'gate on engine', features: 'both', gate: true },
  { id: 'context', name: 'words + engine + previous', features: 'context', gate: false },
];

interface Options {
  holdouts: string[][];
  folds: number;
  inner: number;
  seed: number;
  models: string[];
  /** At most this many training documents per model; 0 for all. */
  trainDocs: number;
  json: boolean;
  top: number;
}

interface Row {
  language: 'en' | 'zh';
  set: string;
  model: string;
  polarity: Polarity;
  sentences: number;
  scores: Scores;
}

function parseArgs(argv: readonly string[]): Options {
  const options: Options = { holdouts: [], folds: 5, inner: 4, seed: 1, models: SPECS.map((m) => m.id), trainDocs: 0, json: false, top: 8 };
  for (let i = 0; i < argv.length; i++) {
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${argv[i - 1]} takes a value`);
      return v;
    };
    if (argv[i] === '--holdout') options.holdouts.push(value().split(',').filter((p) => p !== ''));
    else if (argv[i] === '--folds') options.folds = positive(value(), '--folds');
    else if (argv[i] === '--inner') options.inner = positive(value(), '--inner');
    else if (argv[i] === '--seed') options.seed = positive(value(), '--seed');
    else if (argv[i] === '--train-docs') options.trainDocs = positive(value(), '--train-docs');
    else if (argv[i] === '--models') {
      options.models = value().split(',');
      const unknown = options.models.filter((id) => !SPECS.some((m) => m.id === id));
      if (unknown.length > 0) throw new Error(`--models takes ${SPECS.map((m) => m.id).join(', ')}, not ${unknown.join(', ')}`);
    } else if (argv[i] === '--top') options.top = positive(value(), '--top');
    else if (argv[i] === '--json') options.json = true;
    else throw new Error(`unknown argument ${argv[i]}`);
  }
  return options;
}

function positive(text: string, flag: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${flag} takes a positive integer, not "${text}"`);
  return n;
}

function main(argv: readonly string[]): number {
  const options = parseArgs(argv);
  const labels = parseCorpusLabels(readFileSync(TUNING_HALF, 'utf8'), TUNING_HALF);
  const outcomes = predictCorpus(new Engine(builtinLexicons()), labels, CORPUS_DIR, TUNING_HALF);
  const bySentence = new Map(outcomes.map((o) => [`${o.label.doc}#${o.label.sentence}`, o.matches]));
  const examples = outcomes.map((o) =>
    makeExample(o.label.doc, o.label.text, docLanguage(o.label.doc), { control: o.label.control, engagement: o.label.engagement }, o.matches, bySentence.get(`${o.label.doc}#${o.label.sentence - 1}`) ?? []),
  );
  const groupOf = (doc: string): number => options.holdouts.findIndex((g) => g.some((p) => doc.startsWith(p)));
  const rows: Row[] = [];
  for (const language of ['en', 'zh'] as const) {
    const mine = examples.filter((e) => docLanguage(e.doc) === language);
    const pool = mine.filter((e) => groupOf(e.doc) < 0);
    const groups = options.holdouts.map((g, i) => ({ name: `held out ${g.join(',')}`, examples: mine.filter((e) => groupOf(e.doc) === i) })).filter((g) => g.examples.length > 0);
    if (groups.length > 1) groups.push({ name: 'held out, all groups', examples: groups.flatMap((g) => g.examples) });
    const docs = new Set(pool.map((e) => e.doc)).size;
    const cvName = `cross-validated, ${docs} documents in ${Math.min(options.folds, docs)} folds`;
    for (const polarity of POLARITIES) {
      rows.push({ language, set: cvName, model: 'engine (tuned on these)', polarity, sentences: pool.length, scores: scoreDecisions(pool, polarity, (e) => e.engine[polarity]) });
      for (const g of groups) rows.push({ language, set: g.name, model: 'engine', polarity, sentences: g.examples.length, scores: scoreDecisions(g.examples, polarity, (e) => e.engine[polarity]) });
      for (const spec of SPECS.filter((m) => options.models.includes(m.id))) {
        rows.push({ language, set: cvName, model: spec.name, polarity, sentences: pool.length, scores: crossValidate(spec, polarity, pool, options) });
        const final = fitSelected(spec, polarity, capDocuments(pool, options), { innerFolds: options.inner, seed: options.seed });
        for (const g of groups) rows.push({ language, set: g.name, model: spec.name, polarity, sentences: g.examples.length, scores: scoreDecisions(g.examples, polarity, (e) => decide(final, e)) });
        if (!options.json) printWeights(language, final, options.top);
      }
    }
  }
  if (options.json) for (const r of rows) console.log(JSON.stringify({ language: r.language, set: r.set, model: r.model, polarity: r.polarity, sentences: r.sentences, precision: round(r.scores.precision), recall: round(r.scores.recall), f1: round(r.scores.f1), tp: r.scores.tp, fp: r.scores.fp, fn: r.scores.fn }));
  else printTable(rows);
  return 0;
}

/** Out-of-fold decisions over folds of whole documents, each fold's model chosen and fitted on the other folds. */
function crossValidate(spec: ModelSpec, polarity: Polarity, pool: readonly Example[], options: Options): Scores {
  const decisions = new Map<Example, boolean>();
  for (const fold of documentFolds(
    pool.map((e) => e.doc),
    options.folds,
    options.seed,
  )) {
    const held = new Set(fold);
    const fitted = fitSelected(
      spec,
      polarity,
      capDocuments(
        pool.filter((e) => !held.has(e.doc)),
        options,
      ),
      { innerFolds: options.inner, seed: options.seed + 1 },
    );
    for (const e of pool.filter((x) => held.has(x.doc))) decisions.set(e, decide(fitted, e));
  }
  return scoreDecisions(pool, polarity, (e) => decisions.get(e) ?? false);
}

/** The examples of at most --train-docs documents, chosen by the seed; all of them without the option. */
function capDocuments(examples: readonly Example[], options: Options): readonly Example[] {
  if (options.trainDocs === 0) return examples;
  const [order] = documentFolds(
    examples.map((e) => e.doc),
    1,
    options.seed,
  );
  const kept = new Set(order.slice(0, options.trainDocs));
  return examples.filter((e) => kept.has(e.doc));
}

/** The final model's strongest features, for the explanation it would give. */
function printWeights(language: string, fitted: FittedModel, top: number): void {
  const ranked = fitted.vocabulary.names.map((name, i) => ({ name, w: fitted.model.weights[i] })).sort((a, b) => b.w - a.w || (a.name < b.name ? -1 : 1));
  const fmtW = (x: { name: string; w: number }): string => `${x.name} ${x.w.toFixed(2)}`;
  console.log(`${language} ${fitted.polarity}, ${fitted.spec.name}: C ${fitted.c}, threshold ${fitted.threshold}, ${ranked.length} features`);
  console.log(`  for:     ${ranked.slice(0, top).map(fmtW).join('; ')}`);
  console.log(`  against: ${ranked.slice(-top).reverse().map(fmtW).join('; ')}`);
}

function printTable(rows: readonly Row[]): void {
  console.log('\nlanguage  set                                        model                     polarity    sentences  P      R      F1     tp   fp   fn');
  for (const r of rows) {
    const s = r.scores;
    console.log(
      `${r.language.padEnd(9)} ${r.set.padEnd(42)} ${r.model.padEnd(25)} ${r.polarity.padEnd(11)} ${String(r.sentences).padStart(9)}  ${s.precision.toFixed(3)}  ${s.recall.toFixed(3)}  ${s.f1.toFixed(3)}  ${pad(s.tp)} ${pad(s.fp)} ${pad(s.fn)}`,
    );
  }
}

runTool(main);
