// The reliability figures of the blind second coding: Cohen's kappa and F1 on small tables worked by hand,
// the join's refusals of rows that do not match the first coding, and the tool run on the real files.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { agreementRow, parseAgreementArgs, Scored } from '../devset/agreement';
import { agreement, cohensKappa, crossTable, observedAgreement } from '../devset/agreementStats';
import { parseCorpusLabels } from '../devset/corpus';
import { joinCodings, parseSecondCoding } from '../devset/secondCoding';

const ROOT = path.resolve(__dirname, '../../..');
const TOOL = path.join(ROOT, 'out/tools/agreement.js');

/** Pairs (coder 1, coder 2) making the cross table: both 1, only coder 2, only coder 1, both 0. */
function pairs(both: number, onlySecond: number, onlyFirst: number, neither: number): (readonly [boolean, boolean])[] {
  const of = (n: number, pair: readonly [boolean, boolean]): (readonly [boolean, boolean])[] => Array.from({ length: n }, () => pair);
  return [...of(both, [true, true]), ...of(onlySecond, [false, true]), ...of(onlyFirst, [true, false]), ...of(neither, [false, false])];
}

describe('agreement statistics', () => {
  it('computes kappa and F1 of a worked table', () => {
    // 20 both, 5 only coder 2, 10 only coder 1, 65 neither: observed 0.85; chance 0.30·0.25 + 0.70·0.75 = 0.60;
    // kappa (0.85 − 0.60) / 0.40 = 0.625; F1 2·20 / (2·20 + 5 + 10) = 40/55.
    const a = agreement(pairs(20, 5, 10, 65));
    assert.equal(a.n, 100);
    assert.equal(a.positivesFirst, 30);
    assert.equal(a.positivesSecond, 25);
    assert.ok(Math.abs(a.observed - 0.85) < 1e-12);
    assert.ok(Math.abs(a.kappa - 0.625) < 1e-12);
    assert.ok(Math.abs(a.f1 - 40 / 55) < 1e-12);
  });

  it('gives kappa 1 for identical codings, 0 at chance and −1 for opposite ones', () => {
    assert.equal(cohensKappa(crossTable(pairs(3, 0, 0, 7))), 1);
    assert.equal(cohensKappa(crossTable(pairs(25, 25, 25, 25))), 0);
    assert.equal(cohensKappa(crossTable(pairs(0, 10, 10, 0))), -1);
  });

  it('F1 does not depend on which coder is read as the truth', () => {
    assert.equal(crossTable(pairs(7, 2, 5, 30)).f1, crossTable(pairs(7, 5, 2, 30)).f1);
    assert.ok(Math.abs(crossTable(pairs(7, 2, 5, 30)).f1 - 14 / 21) < 1e-12);
  });

  it('leaves kappa undefined when both coders give every sentence the same value', () => {
    assert.ok(Number.isNaN(cohensKappa(crossTable(pairs(0, 0, 0, 9)))));
    assert.equal(observedAgreement(crossTable(pairs(0, 0, 0, 9))), 1);
    assert.ok(Number.isNaN(cohensKappa(crossTable([]))));
  });

  it('scores the engine against each coder and against the sentences the coders agree on', () => {
    const sentence = (n: number, first: boolean, second: boolean, engine: boolean): Scored => ({
      first: { doc: 'en01-x', sentence: n, control: first, engagement: false, text: `s${n}`, line: n + 2 },
      second: { doc: 'en01-x', sentence: n, control: second, engagement: false, note: '', text: `s${n}`, line: n + 2 },
      predicted: { control: engine, engagement: false },
    });
    // Coders agree on 0 (1), 1 (1) and 3 (0); differ on 2. The engine says 1 on 0, 2 and 3.
    const sentences = [sentence(0, true, true, true), sentence(1, true, true, false), sentence(2, true, false, true), sentence(3, false, false, true)];
    const row = agreementRow(sentences, 'en', 'control');
    assert.equal(row.engine?.first, crossTable(pairs(2, 1, 1, 0)).f1);
    assert.equal(row.engine?.second, crossTable(pairs(1, 2, 1, 0)).f1);
    assert.equal(row.engine?.agreedSentences, 3);
    assert.equal(row.engine?.agreed, crossTable(pairs(1, 1, 1, 0)).f1);
    assert.equal(agreementRow([sentence(0, true, true, true)], 'zh', 'control').coders.n, 0);
    const withoutEngine = agreementRow(sentences.map(({ first, second }) => ({ first, second })), 'en', 'control');
    assert.equal(withoutEngine.engine, undefined);
    assert.deepEqual(withoutEngine.coders, row.coders);
  });
});

describe('joining the second coding with the first', () => {
  const FIRST = ['doc\tsentence\tcontrol\tengagement\ttext', 'en01-x\t0\t1\t0\tThe agency may fine.', 'en01-x\t1\t0\t1\tA hearing is held.', 'zh01-y\t0\t0\t0\t第一条'].join('\n');
  const HEADER = 'doc\tsentence\tcontrol\tengagement\tnote\ttext';
  const join = (...rows: string[]) => joinCodings(parseCorpusLabels(FIRST, 'first.tsv'), parseSecondCoding([HEADER, ...rows].join('\n'), 'second.tsv'), 'second.tsv', 'first.tsv');

  it('pairs each row with the same sentence of the first coding', () => {
    const joined = join('en01-x\t0\t1\t1\ta note\tThe agency may fine.', 'en01-x\t1\t0\t1\t\tA hearing is held.');
    assert.deepEqual(joined.map((j) => [j.first.line, j.second.line, j.first.control, j.second.engagement]), [[2, 2, true, true], [3, 3, false, true]]);
  });

  it('names the line of a document the first coding lacks', () => {
    assert.throws(() => join('en02-z\t0\t1\t0\t\tThe agency may fine.'), /^Error: second\.tsv:2: en02-z is not a document of first\.tsv$/);
  });

  it('names the line of a sentence ordinal the document lacks', () => {
    assert.throws(() => join('en01-x\t0\t1\t0\t\tThe agency may fine.', 'en01-x\t5\t0\t0\t\tA hearing is held.'), /^Error: second\.tsv:3: en01-x has no sentence 5 in first\.tsv$/);
  });

  it('names the line whose text drifted from the first coding', () => {
    assert.throws(() => join('en01-x\t0\t1\t0\t\tThe agency may fine.', 'en01-x\t1\t0\t1\t\tA hearing was held.'), /^Error: second\.tsv:3: the text of en01-x sentence 1 differs from first\.tsv:3$/);
  });

  it('names a sentence coded twice', () => {
    assert.throws(() => join('en01-x\t0\t1\t0\t\tThe agency may fine.', 'en01-x\t0\t0\t0\t\tThe agency may fine.'), /^Error: second\.tsv:3: en01-x sentence 0 is coded again \(first at line 2\)$/);
  });

  it('names a document not coded whole', () => {
    assert.throws(() => join('en01-x\t1\t0\t1\t\tA hearing is held.'), /^Error: second\.tsv: en01-x is not coded whole: sentences 0 of first\.tsv are missing$/);
  });

  it('names a malformed row and a wrong header', () => {
    assert.throws(() => parseSecondCoding(`${HEADER}\nen01-x\t0\t2\t0\t\tThe agency may fine.`, 'second.tsv'), /^Error: second\.tsv:2: expected doc, sentence ordinal/);
    assert.throws(() => parseSecondCoding('doc\tsentence\tcontrol\tengagement\ttext', 'second.tsv'), /^Error: second\.tsv:1: the header must be/);
  });
});

describe('the agreement tool', () => {
  /** The tool's JSON rows on a coding file; every coded sentence is counted once per polarity. */
  function scoresEverySentence(file: string, args: string[]): void {
    const r = spawnSync(process.execPath, [TOOL, ...args, '--json'], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    const rows = r.stdout.trim().split('\n').map((line) => JSON.parse(line) as { language: string; polarity: string; sentences: number });
    assert.deepEqual(rows.map((row) => `${row.language} ${row.polarity}`), ['en control', 'en engagement', 'zh control', 'zh engagement']);
    const coded = fs.readFileSync(path.join(ROOT, file), 'utf8').trim().split('\n').length - 1;
    assert.equal(rows[0].sentences + rows[2].sentences, coded);
    assert.equal(rows[1].sentences + rows[3].sentences, coded);
  }

  it('scores every sentence of the second coding, per language and polarity', function () {
    this.timeout(60_000);
    scoresEverySentence('test/corpus/labels/second-coding.tsv', []);
  });

  it('scores every sentence of the coding that --coding names', function () {
    this.timeout(60_000);
    scoresEverySentence('test/corpus/labels/codebook-coding.tsv', ['--coding', 'test/corpus/labels/codebook-coding.tsv']);
  });

  it('prints no figure of the engine with --no-engine', function () {
    this.timeout(60_000);
    const r = spawnSync(process.execPath, [TOOL, '--no-engine', '--json'], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    const rows = r.stdout.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    assert.equal(rows.length, 4);
    for (const row of rows) assert.deepEqual(Object.keys(row).filter((k) => /engine|agreedSentences/i.test(k)), []);
    const table = spawnSync(process.execPath, [TOOL, '--no-engine', '--disagreements'], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(table.status, 0, table.stderr);
    assert.doesNotMatch(table.stdout, /engine/);
  });

  it('reads --coding FILE, by default the session-17 second coding', () => {
    assert.deepEqual(parseAgreementArgs([]), { coding: 'test/corpus/labels/second-coding.tsv', json: false, disagreements: false, engine: true });
    assert.deepEqual(parseAgreementArgs(['--disagreements', '--coding', 'x.tsv', '--json', '--no-engine']), { coding: 'x.tsv', json: true, disagreements: true, engine: false });
    assert.throws(() => parseAgreementArgs(['--coding']), /--coding takes the file of a second coding/);
    assert.throws(() => parseAgreementArgs(['--coding', '--json']), /--coding takes the file of a second coding/);
  });

  it('refuses an unknown option, naming the options it knows', function () {
    this.timeout(20_000);
    const r = spawnSync(process.execPath, [TOOL, '--disagreement'], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(r.status, 2);
    assert.match(r.stderr, /unknown option --disagreement \(options: --coding FILE, --json, --disagreements, --no-engine\)/);
    assert.equal(r.stdout, '');
  });
});
