// npm run devset -- [--errors] [--json] [--lexicon FILE] FILE.tsv...
// Prints precision, recall and F1 per polarity for each labelled development set.
import { readFileSync } from 'node:fs';
import { builtinLexicons, Engine, parseLexicon } from '../../src/core/index';
import { evaluate, parseDevSet } from './evaluate';

function main(argv: string[]): number {
  const showErrors = argv.includes('--errors');
  const asJson = argv.includes('--json');
  const lexicons = builtinLexicons();
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--lexicon') lexicons.push(parseLexicon(readFileSync(argv[++i], 'utf8'), argv[i], { knownCategories: lexicons.flatMap((l) => l.categories.map((c) => c.id)) }));
    else if (!argv[i].startsWith('--')) files.push(argv[i]);
  }
  if (files.length === 0) files.push('test/devset/en.tsv', 'test/devset/zh.tsv');
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
  return 0;
}

const fmt = (x: number): string => x.toFixed(3);
const pad = (x: number): string => String(x).padStart(4);
const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
const round = (x: number): number => Math.round(x * 1000) / 1000;

try {
  process.exitCode = main(process.argv.slice(2));
} catch (err) {
  console.error(err instanceof Error ? err.message : String(err));
  process.exitCode = 2;
}
