// The sentence-model experiment's parts (test/devset): the logistic fit, the features and the document folds.
import * as assert from 'node:assert/strict';
import { fitLogistic, objective, probability, SparseRow } from '../devset/logistic';
import { engineFeatures, sentenceFeatures, Vocabulary, wordFeatures } from '../devset/sentenceFeatures';
import { chooseMargin, documentFolds, Example, flagCounts, Scored } from '../devset/sentenceModelFit';
import { Match } from '../../src/core/index';

/** Feature 0 marks the positives, feature 1 the negatives, feature 2 occurs in both as often. */
function synthetic(): { rows: SparseRow[]; labels: boolean[] } {
  const rows: SparseRow[] = [];
  const labels: boolean[] = [];
  for (let i = 0; i < 20; i++) {
    const positive = i % 2 === 0;
    const noisy = i % 4 < 2;
    rows.push({ indices: noisy ? [positive ? 0 : 1, 2] : [positive ? 0 : 1], values: noisy ? [1, 1] : [1] });
    labels.push(positive);
  }
  // One positive without its marker keeps the set from being separable by feature 0 alone.
  rows.push({ indices: [2], values: [1] });
  labels.push(true);
  return { rows, labels };
}

function match(polarity: 'control' | 'engagement', category: string, negated: boolean, rule: Match['rule'] = null): Match {
  return { start: 0, end: 1, text: 'x', polarity, category, entry: 'x', weight: 1, rule, ruleDetail: null, negated, sentence: 0 };
}

describe('sentence model', () => {
  describe('fitLogistic', () => {
    it('learns which features mark the positives', () => {
      const { rows, labels } = synthetic();
      const model = fitLogistic(rows, labels, 3, { c: 10, iterations: 500, learningRate: 0.5 });
      assert.ok(model.weights[0] > 1, `weight of the positive marker ${model.weights[0]}`);
      assert.ok(model.weights[1] < -1, `weight of the negative marker ${model.weights[1]}`);
      assert.ok(probability(model, { indices: [0], values: [1] }) > 0.8);
      assert.ok(probability(model, { indices: [1], values: [1] }) < 0.2);
    });

    it('lowers the objective as it fits, and shrinks weights under stronger regularisation', () => {
      const { rows, labels } = synthetic();
      const short = fitLogistic(rows, labels, 3, { c: 10, iterations: 5, learningRate: 0.5 });
      const long = fitLogistic(rows, labels, 3, { c: 10, iterations: 500, learningRate: 0.5 });
      assert.ok(objective(long, rows, labels, 10) < objective(short, rows, labels, 10));
      const strong = fitLogistic(rows, labels, 3, { c: 0.01, iterations: 500, learningRate: 0.5 });
      assert.ok(Math.abs(strong.weights[0]) < Math.abs(long.weights[0]) / 2);
    });

    it('gives the same weights for the same rows', () => {
      const { rows, labels } = synthetic();
      const a = fitLogistic(rows, labels, 3);
      const b = fitLogistic(rows, labels, 3);
      assert.deepEqual([...a.weights, a.bias], [...b.weights, b.bias]);
    });

    it('refuses rows and labels of different lengths', () => {
      assert.throws(() => fitLogistic([{ indices: [0], values: [1] }], [], 1), /1 rows but 0 labels/);
    });
  });

  describe('features', () => {
    it('takes English words as Porter stems and Chinese text as Han bigrams', () => {
      assert.deepEqual([...wordFeatures('Penalties were imposed', 'en').keys()], ['w:penalti', 'w:were', 'w:impos']);
      assert.deepEqual([...wordFeatures('依法处罚', 'zh').keys()], ['b:依法', 'b:法处', 'b:处罚']);
    });

    it('counts the engine matches by state, category and rule, and notes its decision', () => {
      const bag = engineFeatures([match('control', 'sanctions', false), match('control', 'sanctions', false), match('engagement', 'transparency', true, 'topic')]);
      assert.equal(bag.get('counted:control/sanctions'), Math.log1p(2));
      assert.equal(bag.get('shown:engagement/transparency'), Math.log1p(1));
      assert.equal(bag.get('rule:topic:shown:engagement'), Math.log1p(1));
      assert.equal(bag.get('engine:control'), 1);
      assert.equal(bag.has('engine:engagement'), false);
    });

    it('adds the engine features of the sentence before under prev: for the context set', () => {
      const bag = sentenceFeatures('context', 'fines', 'en', [], [match('control', 'sanctions', false)]);
      assert.equal(bag.get('w:fine'), 1);
      assert.equal(bag.get('prev:engine:control'), 1);
      assert.equal(bag.has('engine:control'), false);
    });

    it('keeps in the vocabulary only names seen in enough rows, and drops unseen names when encoding', () => {
      const vocabulary = Vocabulary.fit(
        [
          new Map([['a', 1], ['b', 1]]),
          new Map([['a', 1]]),
        ],
        2,
      );
      assert.deepEqual(vocabulary.names, ['a']);
      assert.deepEqual(vocabulary.encode(new Map([['a', 0.5], ['z', 1]])), { indices: [0], values: [0.5] });
    });
  });

  describe('documentFolds', () => {
    it('puts every document in exactly one fold, the same way for the same seed', () => {
      const docs = ['d1', 'd2', 'd2', 'd3', 'd4', 'd5', 'd6', 'd7'];
      const folds = documentFolds(docs, 3, 7);
      assert.equal(folds.length, 3);
      assert.deepEqual(folds.flat().sort(), ['d1', 'd2', 'd3', 'd4', 'd5', 'd6', 'd7']);
      assert.deepEqual(documentFolds(docs, 3, 7), folds);
      assert.ok(folds.every((f) => f.length >= 2));
    });
  });

  describe('review flag', () => {
    /** An example with the engine's control decision and its label; features are not read by the flag. */
    const example = (engine: boolean, label: boolean): Example => ({
      doc: 'd',
      labels: { control: label, engagement: false },
      engine: { control: engine, engagement: false },
      bags: { words: new Map(), engine: new Map(), both: new Map(), context: new Map(), scheme: new Map(), 'scheme-decision': new Map() },
    });

    it('flags where the model and the engine differ by at least the margin, and counts the engine errors it catches', () => {
      const a = example(true, false); // engine wrong, model says no with confidence: a right flag
      const b = example(false, false); // model says yes narrowly: a wrong flag unless the margin drops it
      const c = example(false, true); // engine wrong, model agrees with it: missed
      const d = example(true, true); // both right
      const scored: Scored = new Map([
        [a, { p: 0.1, threshold: 0.5, decision: false }],
        [b, { p: 0.55, threshold: 0.5, decision: true }],
        [c, { p: 0.2, threshold: 0.5, decision: false }],
        [d, { p: 0.9, threshold: 0.5, decision: true }],
      ]);
      assert.deepEqual(flagCounts([a, b, c, d], 'control', scored, 0), { margin: 0, flags: 2, engineErrors: 2, caught: 1 });
      assert.deepEqual(flagCounts([a, b, c, d], 'control', scored, 0.1), { margin: 0.1, flags: 1, engineErrors: 2, caught: 1 });
      assert.equal(chooseMargin([a, b, c, d], 'control', scored), 0.1);
    });
  });
});
