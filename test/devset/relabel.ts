// npm run relabel -- [--check] [--candidates [--set tuning|test|second-coding|codebook-coding|codebook-coding-fresh|fresh-coding|codebook-coding-fresh2|codebook-coding-fresh3|codebook-coding-fresh4|codebook-coding-fresh5|codebook-coding-fresh6|codebook-coding-fresh7|codebook-coding-fresh8|codebook-coding-fresh9]]
// Applies the reviewed label changes of test/corpus/labels/relabels.tsv to the label files (tuning half, test half,
// the blind second codings) and prints how many sentences changed per file, language, decision and direction. --check changes
// nothing and fails unless every row is already applied. --candidates lists, for each decision of the codebook
// (docs/codebook.md), the sentences its surface patterns find, with their current labels and text: what is judged
// by hand before a row is written. Nothing here runs the engine.
import { readFileSync, writeFileSync } from 'node:fs';
import { docLanguage, labelRows } from './corpus';
import { candidates } from './relabelCandidates';
import { applyRelabels, codes, LABEL_SETS, LabelSetName, parseRelabels, Relabel, RELABELS_FILE } from './relabels';
import { runTool } from './toolOutput';

const SET_NAMES = Object.keys(LABEL_SETS) as LabelSetName[];

function main(argv: string[]): number {
  let sets = SET_NAMES;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--set') {
      const name = argv[++i];
      sets = SET_NAMES.filter((s) => s === name);
      if (sets.length === 0) throw new Error(`--set takes ${SET_NAMES.join(', ')}, not ${name === undefined ? 'nothing' : `"${name}"`}`);
    } else if (argv[i] !== '--check' && argv[i] !== '--candidates') throw new Error(`unknown option ${argv[i]} (options: --check, --candidates, --set)`);
  }
  if (argv.includes('--candidates')) {
    printCandidates(sets);
    return 0;
  }
  const check = argv.includes('--check');
  const relabels = parseRelabels(readFileSync(RELABELS_FILE, 'utf8'), RELABELS_FILE);
  let pending = 0;
  for (const name of sets) {
    const set = LABEL_SETS[name];
    const applied = applyRelabels(readFileSync(set.file, 'utf8'), set, relabels.filter((r) => r.set === name), RELABELS_FILE);
    if (!check && applied.changed.length > 0) writeFileSync(set.file, applied.text);
    pending += applied.changed.length;
    console.log(`${set.file}: ${applied.changed.length} ${check ? 'not yet applied' : 'changed now'}, ${applied.already.length} already applied`);
  }
  printSummary(relabels.filter((r) => sets.includes(r.set)));
  if (check && pending > 0) {
    console.error(`${pending} relabels are not applied: run npm run relabel`);
    return 1;
  }
  return 0;
}

function printCandidates(sets: readonly LabelSetName[]): void {
  for (const name of sets) {
    const set = LABEL_SETS[name];
    const rows = labelRows(readFileSync(set.file, 'utf8'), set.file, set.header, (c) => c.length === set.width, `${set.width} cells`).map(({ cells }) => ({
      doc: cells[0],
      sentence: Number(cells[1]),
      labels: `${cells[2]}${cells[3]}`,
      text: cells[set.width - 1],
    }));
    const labelsOf = new Map(rows.map((r) => [`${r.doc}#${r.sentence}`, r.labels]));
    for (const c of candidates(rows)) console.log(`${c.decision}\t${name}\t${c.doc}\t${c.sentence}\t${labelsOf.get(`${c.doc}#${c.sentence}`)}\t${c.text}`);
  }
}

/** Changed sentences per file, language, decision and direction ("10→00"). */
function printSummary(relabels: readonly Relabel[]): void {
  const counts = new Map<string, number>();
  for (const r of relabels) {
    const k = `${r.set}\t${docLanguage(r.doc)}\t${r.decision}\t${codes(r.old)}→${codes(r.new)}`;
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  console.log('\nfile\tlanguage\tdecision\tcontrol,engagement\tsentences');
  for (const [k, n] of [...counts].sort((a, b) => a[0].localeCompare(b[0]))) console.log(`${k}\t${n}`);
}

runTool(main);
