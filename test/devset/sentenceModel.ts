// npm run sentence-model -- [--engine PATH] [--holdout ID,ID,...]... [--round ID,ID,...]... [--folds K] [--inner K]
//   [--seed N] [--models ID,...] [--train-docs N] [--json] [--top N]
// The sentence-model experiment (issue #13): would logistic regression on a sentence's words, on the engine's own
// output for it, on the facts the coding scheme names (schemeFeatures.ts), or a gate on the engine's decisions, score
// better on unseen documents than the engine? Reads the tuning half only (the test half is never opened).
// - Each --holdout group (document id prefixes) is left out of all training and model selection and scored once by
//   the model fitted on the rest: the blind checks.
// - The rest is scored by grouped cross-validation (folds of whole documents, each choice made inside the training
//   folds).
// - Each --round group (a retired round of fresh groups, part of the rest) is scored by a model fitted on the rest
//   without it (leave one round out): what happens on new acts. Models marked "fresh" train on the --round groups
//   only.
// For every model and set, the review flag: the sentences where the model's decision differs from the engine's,
// with a margin |p − threshold| chosen on the rest's cross-validation (MARGINS, FLAG_PRECISION); how many per 100
// sentences, in what fraction the label sides with the model, and what fraction of the engine's errors they catch.
// --engine takes the engine from a bundle (out/engine/engine.js of `node esbuild.js --only=engine-snapshot` in a
// checkout of a fixed commit) instead of this checkout's src/core. --train-docs N trains every model on at most N
// documents of its training folds (a learning curve). Only aggregate counts are printed, never a sentence.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { builtinLexicons, Engine, Polarity } from '../../src/core/index';
import { sentenceSpans } from '../../src/core/sentences';
import { CorpusOutcome, docLanguage, parseCorpusLabels, predictCorpus } from './corpus';
import { Scores } from './evaluate';
import { chooseMargin, decide, documentFolds, Example, FittedModel, fitSelected, flagCounts, Flags, makeExample, ModelSpec, scoreDecisions, Scored, scoreExample } from './sentenceModelFit';
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
  { id: 'scheme', name: 'scheme', features: 'scheme', gate: false },
  { id: 'scheme-fresh', name: 'scheme, fresh pool', features: 'scheme', gate: false, freshOnly: true },
  { id: 'scheme-decision', name: 'scheme + decision', features: 'scheme-decision', gate: false },
];
interface Options {
  engine: string | null;
  holdouts: string[][];
  rounds: string[][];
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
  flags: Flags | null;
}

function parseArgs(argv: readonly string[]): Options {
  const options: Options = {
    engine: null,
    holdouts: [],
    rounds: [],
    folds: 5,
    inner: 4,
    seed: 1,
    models: ['words', 'engine', 'both', 'gate', 'context'],
    trainDocs: 0,
    json: false,
    top: 8,
  };
  for (let i = 0; i < argv.length; i++) {
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${argv[i - 1]} takes a value`);
      return v;
    };
    if (argv[i] === '--holdout') options.holdouts.push(value().split(',').filter((p) => p !== ''));
    else if (argv[i] === '--round') options.rounds.push(value().split(',').filter((p) => p !== ''));
    else if (argv[i] === '--engine') options.engine = value();
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
  if (options.models.includes('scheme-fresh') && options.rounds.length === 0) throw new Error('scheme-fresh trains on the --round groups: name them');
  return options;
}

function positive(text: string, flag: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${flag} takes a positive integer, not "${text}"`);
  return n;
}

interface EngineBuild {
  Engine: new (lexicons: ReturnType<typeof builtinLexicons>) => Pick<Engine, 'analyze'>;
  builtinLexicons: typeof builtinLexicons;
  sentenceSpans: typeof sentenceSpans;
}

/** The engine of this checkout, or of a bundle made by the engine-snapshot build. */
function loadEngine(path: string | null): { outcomes: (labels: ReturnType<typeof parseCorpusLabels>) => CorpusOutcome[]; lexicons: string } {
  const build: EngineBuild = path === null ? { Engine, builtinLexicons, sentenceSpans } : (require(resolve(path)) as EngineBuild);
  const lexicons = build.builtinLexicons();
  const engine = new build.Engine(lexicons);
  return {
    outcomes: (labels) => predictCorpus(engine, labels, CORPUS_DIR, TUNING_HALF, build.sentenceSpans),
    lexicons: lexicons.map((l) => `${l.language} ${l.version}`).join(', '),
  };
}

/** One example per labelled sentence, with its document's sentences in order for the scheme features. */
function examplesOf(outcomes: readonly CorpusOutcome[]): Example[] {
  const byDoc = new Map<string, CorpusOutcome[]>();
  for (const o of outcomes) byDoc.set(o.label.doc, [...(byDoc.get(o.label.doc) ?? []), o]);
  const examples: Example[] = [];
  for (const [doc, rows] of byDoc) {
    rows.sort((a, b) => a.label.sentence - b.label.sentence);
    const sentences = rows.map((o) => ({ text: o.label.text, matches: o.matches }));
    const language = docLanguage(doc);
    rows.forEach((o, index) => {
      const previous = index > 0 && rows[index - 1].label.sentence === o.label.sentence - 1 ? rows[index - 1].matches : [];
      examples.push(makeExample(doc, o.label.text, language, { control: o.label.control, engagement: o.label.engagement }, o.matches, previous, { sentences, index }));
    });
  }
  return examples;
}

function main(argv: readonly string[]): number {
  const options = parseArgs(argv);
  const labels = parseCorpusLabels(readFileSync(TUNING_HALF, 'utf8'), TUNING_HALF);
  const engine = loadEngine(options.engine);
  const examples = examplesOf(engine.outcomes(labels));
  const inGroup = (groups: string[][], doc: string): number => groups.findIndex((g) => g.some((p) => doc.startsWith(p)));
  const rows: Row[] = [];
  for (const language of ['en', 'zh'] as const) {
    const mine = examples.filter((e) => docLanguage(e.doc) === language);
    const pool = mine.filter((e) => inGroup(options.holdouts, e.doc) < 0);
    const groups = options.holdouts.map((g, i) => ({ name: `held out ${g.join(',')}`, examples: mine.filter((e) => inGroup(options.holdouts, e.doc) === i) })).filter((g) => g.examples.length > 0);
    if (groups.length > 1) groups.push({ name: 'held out, all groups', examples: groups.flatMap((g) => g.examples) });
    const rounds = options.rounds.map((g, i) => ({ name: `round ${g.join(',')}`, index: i, examples: pool.filter((e) => inGroup(options.rounds, e.doc) === i) })).filter((g) => g.examples.length > 0);
    const roundsName = `rounds, ${rounds.length} left out in turn`;
    const docs = new Set(pool.map((e) => e.doc)).size;
    const cvName = `cross-validated, ${docs} documents in ${Math.min(options.folds, docs)} folds`;
    for (const polarity of POLARITIES) {
      const engineRow = (set: string, model: string, ex: readonly Example[]): void => {
        rows.push({ language, set, model, polarity, sentences: ex.length, scores: scoreDecisions(ex, polarity, (e) => e.engine[polarity]), flags: null });
      };
      engineRow(cvName, 'engine (tuned on these)', pool);
      for (const r of rounds) engineRow(r.name, 'engine', r.examples);
      if (rounds.length > 0) engineRow(roundsName, 'engine', rounds.flatMap((r) => r.examples));
      for (const g of groups) engineRow(g.name, 'engine', g.examples);
      for (const spec of SPECS.filter((m) => options.models.includes(m.id))) {
        const trainable = (e: Example): boolean => !spec.freshOnly || inGroup(options.rounds, e.doc) >= 0;
        const modelRow = (set: string, ex: readonly Example[], scored: Scored, margin: number | null): void => {
          rows.push({
            language,
            set,
            model: spec.name,
            polarity,
            sentences: ex.length,
            scores: scoreDecisions(ex, polarity, (e) => scored.get(e)?.decision ?? false),
            flags: spec.gate || margin === null ? null : flagCounts(ex, polarity, scored, margin),
          });
        };
        const cv = crossValidate(spec, polarity, pool, trainable, options);
        const margin = spec.gate ? null : chooseMargin(pool, polarity, cv);
        modelRow(cvName, pool, cv, margin);
        if (rounds.length > 0) {
          const all: Scored = new Map();
          for (const r of rounds) {
            const fitted = fitSelected(
              spec,
              polarity,
              capDocuments(
                pool.filter((e) => trainable(e) && inGroup(options.rounds, e.doc) !== r.index),
                options,
              ),
              { innerFolds: options.inner, seed: options.seed },
            );
            const scored = scoreWith(fitted, r.examples);
            for (const [e, s] of scored) all.set(e, s);
            modelRow(r.name, r.examples, scored, margin);
          }
          modelRow(
            roundsName,
            rounds.flatMap((r) => r.examples),
            all,
            margin,
          );
        }
        const final = fitSelected(spec, polarity, capDocuments(pool.filter(trainable), options), { innerFolds: options.inner, seed: options.seed });
        for (const g of groups) modelRow(g.name, g.examples, scoreWith(final, g.examples), margin);
        if (!options.json) printWeights(language, final, options.top, margin);
      }
    }
  }
  if (options.json) {
    for (const r of rows) {
      const s = r.scores;
      const f = r.flags;
      console.log(
        JSON.stringify({
          language: r.language,
          set: r.set,
          model: r.model,
          polarity: r.polarity,
          sentences: r.sentences,
          precision: round(s.precision),
          recall: round(s.recall),
          f1: round(s.f1),
          tp: s.tp,
          fp: s.fp,
          fn: s.fn,
          ...(f ? { margin: f.margin, flags: f.flags, flagsPer100: round((100 * f.flags) / Math.max(1, r.sentences)), flagPrecision: round(f.caught / Math.max(1, f.flags)), engineErrors: f.engineErrors, caught: f.caught } : {}),
        }),
      );
    }
  } else {
    console.log(`engine lexicons: ${engine.lexicons}${options.engine === null ? ' (this checkout)' : ` (${options.engine})`}`);
    printTable(rows);
  }
  return 0;
}

/** The decisions and probabilities of a fitted model on examples. */
function scoreWith(fitted: FittedModel, examples: readonly Example[]): Scored {
  const scored: Scored = new Map();
  for (const e of examples) {
    const p = scoreExample(fitted, e);
    scored.set(e, { p, threshold: fitted.threshold, decision: decide(fitted, e, p) });
  }
  return scored;
}

/** Out-of-fold decisions over folds of whole documents, each fold's model chosen and fitted on the other folds. */
function crossValidate(spec: ModelSpec, polarity: Polarity, pool: readonly Example[], trainable: (e: Example) => boolean, options: Options): Scored {
  const scored: Scored = new Map();
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
        pool.filter((e) => !held.has(e.doc) && trainable(e)),
        options,
      ),
      { innerFolds: options.inner, seed: options.seed + 1 },
    );
    for (const [e, s] of scoreWith(
      fitted,
      pool.filter((x) => held.has(x.doc)),
    ))
      scored.set(e, s);
  }
  return scored;
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
function printWeights(language: string, fitted: FittedModel, top: number, margin: number | null): void {
  const ranked = fitted.vocabulary.names.map((name, i) => ({ name, w: fitted.model.weights[i] })).sort((a, b) => b.w - a.w || (a.name < b.name ? -1 : 1));
  const fmtW = (x: { name: string; w: number }): string => `${x.name} ${x.w.toFixed(2)}`;
  console.log(`${language} ${fitted.polarity}, ${fitted.spec.name}: C ${fitted.c}, threshold ${fitted.threshold}, flag margin ${margin ?? '-'}, ${ranked.length} features, bias ${fitted.model.bias.toFixed(2)}`);
  console.log(`  for:     ${ranked.slice(0, top).map(fmtW).join('; ')}`);
  console.log(`  against: ${ranked.slice(-top).reverse().map(fmtW).join('; ')}`);
}

function printTable(rows: readonly Row[]): void {
  console.log('\nlanguage  set                                        model                     polarity    sentences  P      R      F1     tp   fp   fn  | flags /100  flagP  caught/errors');
  for (const r of rows) {
    const s = r.scores;
    const f = r.flags;
    const flagText = f ? `| ${pad(f.flags)} ${((100 * f.flags) / Math.max(1, r.sentences)).toFixed(1).padStart(5)}  ${(f.flags === 0 ? 0 : f.caught / f.flags).toFixed(3)}  ${f.caught}/${f.engineErrors} (margin ${f.margin})` : '';
    console.log(
      `${r.language.padEnd(9)} ${r.set.padEnd(42)} ${r.model.padEnd(25)} ${r.polarity.padEnd(11)} ${String(r.sentences).padStart(9)}  ${s.precision.toFixed(3)}  ${s.recall.toFixed(3)}  ${s.f1.toFixed(3)}  ${pad(s.tp)} ${pad(s.fp)} ${pad(s.fn)}  ${flagText}`,
    );
  }
}

runTool(main);
