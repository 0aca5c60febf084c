// Points recorded or deducted for an offence are scoring for discipline (scheme: "scoring citizens or firms for
// discipline is control"; #13 names deducting points among credit data pooling). A scoring clause writes the points as
// a number between 记 and 分 (一次记12分), which the bare entry 记分 does not reach (lexicon zh 1.16.0). Points deducted
// with a number (扣2分) are not counted since zh 1.16.2: exam marking and the appraisal of departments write them too.
// The sentences are written for the tests, not taken from the corpus.
import * as assert from 'node:assert/strict';
import { builtinEngine, countedAs } from './helpers/lexicons';

describe('penalty points (lexicon zh 1.16.0)', () => {
  it('points recorded, whatever the number, are scoring', () => {
    assert.deepEqual(countedAs('control', '驾驶人有该行为的，一次记12分。'), ['control/scoring:记12分']);
    assert.deepEqual(countedAs('control', '驾驶人有该行为的，一次记3分。'), ['control/scoring:记3分']);
    assert.deepEqual(countedAs('control', '累积记分达到满分的，暂停其资格。').filter((c) => c.startsWith('control/scoring')), ['control/scoring:记分']);
  });

  it('the items of an offence list under a scoring lead-in inherit it', () => {
    const text = '第八条 机动车驾驶人有下列交通违法行为之一，一次记9分：\n\n（一）驾驶与准驾车型不符的机动车的；\n\n（二）未取得驾驶资格驾驶校车的。';
    const items = builtinEngine()
      .analyze(text)
      .matches()
      .filter((m) => m.rule === 'inherited' && !m.negated);
    assert.equal(items.length, 2);
    assert.ok(items.every((m) => m.category === 'scoring'));
  });

  it('loyalty points, exam marks and bid scores stay neutral', () => {
    assert.deepEqual(countedAs('control', '会员积分可以兑换礼品。'), []);
    assert.deepEqual(countedAs('control', '考生答错一题扣2分。'), []);
    assert.deepEqual(countedAs('control', '评标委员会按照评分标准进行综合评分。'), []);
  });
});
