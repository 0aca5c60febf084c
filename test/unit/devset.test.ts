// The dev-set gate: the built-in lexicons score F1 ≥ 0.85 per polarity on the English development set and
// ≥ 0.80 on the Chinese one, and the sets are as large and as hard as the issues require.
import * as assert from 'node:assert/strict';
import { evaluate, Evaluation, LabelledSentence, parseDevSet } from '../devset/evaluate';
import { builtinEngine, repoFile } from './helpers/lexicons';

function load(file: string): LabelledSentence[] {
  return parseDevSet(repoFile(file), file);
}

/** Both polarities' F1 at least `min`, the scores in the message when not. */
function assertF1AtLeast(result: Evaluation, min: number): void {
  assert.ok(result.scores.control.f1 >= min, summary(result));
  assert.ok(result.scores.engagement.f1 >= min, summary(result));
}

function summary(result: Evaluation): string {
  return (['control', 'engagement'] as const).map((p) => `${p}: P ${result.scores[p].precision.toFixed(3)} R ${result.scores[p].recall.toFixed(3)} F1 ${result.scores[p].f1.toFixed(3)}`).join('; ');
}

describe('development sets', function () {
  this.timeout(60_000);

  describe('en.tsv', () => {
    const items = load('test/devset/en.tsv');

    it('has at least 300 sentences, at least 30% of them hard cases', () => {
      assert.ok(items.length >= 300, `${items.length} sentences`);
      const hard = items.filter((i) => i.tag !== '-').length;
      assert.ok(hard / items.length >= 0.3, `${hard} of ${items.length} are hard cases`);
    });

    it('scores F1 ≥ 0.85 for each polarity', () => {
      const result = evaluate(builtinEngine(), items);
      assert.equal(result.sentences, items.length);
      assertF1AtLeast(result, 0.85);
    });
  });

  describe('en.genres.tsv', () => {
    it('scores F1 ≥ 0.85 for each polarity on the genres the first sets barely cover', () => {
      const result = evaluate(builtinEngine(), load('test/devset/en.genres.tsv'));
      assert.equal(result.sentences, 50);
      assertF1AtLeast(result, 0.85);
    });
  });

  describe('zh.tsv', () => {
    const items = load('test/devset/zh.tsv');

    it('has at least 150 sentences', () => {
      assert.ok(items.length >= 150, `${items.length} sentences`);
    });

    it('scores F1 ≥ 0.80 for each polarity', () => {
      const result = evaluate(builtinEngine(), items);
      assertF1AtLeast(result, 0.8);
    });
  });

  describe('zh.genres.tsv', () => {
    it('scores F1 ≥ 0.80 for each polarity on the genres the first sets barely cover', () => {
      const result = evaluate(builtinEngine(), load('test/devset/zh.genres.tsv'));
      assert.equal(result.sentences, 40);
      assertF1AtLeast(result, 0.8);
    });
  });

  describe('the scorer', () => {
    it('rejects a malformed row, naming its line', () => {
      const header = 'control\tengagement\ttag\tgenre\tsentence';
      assert.throws(() => parseDevSet(`${header}\n1\t0\t-\tg\tok\n2\t0\t-\tg\tbad label`, 'x.tsv'), /^Error: x\.tsv:3: /);
      assert.throws(() => parseDevSet('wrong header\n', 'x.tsv'), /x\.tsv:1: the header/);
    });

    it('counts a sentence as predicted when it holds a non-negated match of the polarity', () => {
      const items = parseDevSet('control\tengagement\ttag\tgenre\tsentence\n1\t0\t-\tg\tJoint punishment applies.\n0\t0\tnegation\tg\tNobody will be placed on a blacklist without a hearing? No.\n0\t1\t-\tg\tThe weather is fine.\n', 'x.tsv');
      const result = evaluate(builtinEngine(), items);
      assert.deepEqual([result.scores.control.tp, result.scores.engagement.fn], [1, 1]);
      assert.equal(result.scores.engagement.recall, 0);
      assert.equal(result.hard, 1);
    });
  });
});
