// Comparable languages: the same passage in English and Chinese reads the same lean. The pairs in test/parallel/
// were written for this project and translated both ways, sentence for sentence (docs/measurement.md).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { BALANCED_BAND } from '../../src/core/tally';
import { builtinEngine } from './helpers/lexicons';

const PAIRS = path.join(__dirname, '../../../test/parallel/pairs.tsv');

interface Pair {
  id: string;
  english: string;
  chinese: string;
}

function pairs(): Pair[] {
  return fs
    .readFileSync(PAIRS, 'utf8')
    .split('\n')
    .filter((line) => line.length > 0 && !line.startsWith('#'))
    .map((line) => {
      const [id, english, chinese] = line.split('\t');
      return { id, english, chinese };
    });
}

describe('parallel English and Chinese passages', () => {
  const engine = builtinEngine();
  const leans = pairs().map((p) => ({ id: p.id, en: engine.analyze(p.english).tally(), zh: engine.analyze(p.chinese).tally() }));

  it('holds at least 40 pairs, each split into the same number of sentences in both languages', () => {
    assert.ok(leans.length >= 40, `${leans.length} pairs`);
    for (const { id, en, zh } of leans) assert.equal(en.units.sentences, zh.units.sentences, id);
  });

  it('gives leans whose median absolute difference is at most 0.15', () => {
    const differences = leans.map(({ en, zh }) => Math.abs((en.lean.index ?? 0) - (zh.lean.index ?? 0))).sort((a, b) => a - b);
    const middle = differences.length / 2;
    const median = differences.length % 2 === 1 ? differences[Math.floor(middle)] : (differences[middle - 1] + differences[middle]) / 2;
    assert.ok(median <= 0.15, `median absolute difference ${median}`);
  });

  it('never leans to opposite sides where both leans are outside the balanced band', () => {
    const outside = (index: number | null): boolean => index !== null && Math.abs(index) >= BALANCED_BAND;
    const opposed = leans.filter(({ en, zh }) => outside(en.lean.index) && outside(zh.lean.index) && Math.sign(en.lean.index ?? 0) !== Math.sign(zh.lean.index ?? 0));
    assert.deepEqual(
      opposed.map(({ id, en, zh }) => `${id}: ${en.lean.index} vs ${zh.lean.index}`),
      [],
    );
  });
});
