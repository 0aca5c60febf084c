// A ban on the governed is control by itself, whatever its items (the codebook's D15b, the scheme's ban phrased
// negatively): a lead-in whose ban word is a cue, not an entry ("经营者不得有下列行为：", "…，不准出境："), counts that
// word as the lexicon's ban entry, as its items count the ban they inherit. A lead-in that counts control of its own
// already, a ban that shields people or binds officials, and a ban a protection reads as such get nothing. The
// sentences are written for the tests.
import * as assert from 'node:assert/strict';
import { builtinLexicons, Engine } from '../../src/core/index';

const engine = new Engine(builtinLexicons());

function countedControl(text: string): string[] {
  return engine
    .analyze(text)
    .matches()
    .filter((m) => m.polarity === 'control' && !m.negated)
    .map((m) => `${m.category}:${m.text}`);
}

describe('a ban lead-in on the governed counts its ban word (codebook D15b)', () => {
  it('不得 and 不准 ending on a list of banned acts are the ban, counted as 禁止', () => {
    assert.deepEqual(countedControl('第五条 排污单位不得有下列行为：\n（一）篡改监测数据；'), ['restrictions:不得', 'restrictions:一']);
    assert.deepEqual(countedControl('第十二条 中国公民有下列情形之一的，不准出境：\n（一）未持有效证件的；'), ['restrictions:不准', 'restrictions:一']);
    const ban = engine.analyze('经营者不得有下列行为：\n（一）销售变质的商品；').matches()[0];
    assert.equal(ban.entry, '禁止');
    assert.equal(ban.rule, null);
  });

  it('a lead-in counting control of its own gets nothing more', () => {
    assert.deepEqual(countedControl('第八条 禁止下列行为：\n（一）销售变质的商品；'), ['restrictions:禁止', 'restrictions:一']);
  });

  it('a ban on officials, a ban shielding a party and a protective ban are no ban of their lead-in', () => {
    assert.deepEqual(countedControl('第十四条 监狱的人民警察不得有下列行为：\n（一）索要财物；'), []);
    assert.deepEqual(countedControl('第六条 经营者向消费者提供商品信息，不得有下列行为：\n（一）虚构交易；'), []);
    assert.deepEqual(countedControl('对具有下列情形之一的人员，不得适用继续盘问：\n（一）怀孕的妇女；'), []);
  });

  it('a sentence that is no lead-in keeps 不得 as a cue', () => {
    assert.deepEqual(countedControl('经营者不得有欺诈行为。'), []);
  });
});
