// Changes of the round "Fresh groups of a sixteenth round" (lexicon zh 1.20.1, docs/validity.md), Chinese engagement:
// a firm's duties to the people it deals with (the codebook's D23): not misleading them, telling them, answering their
// claims and the remedies owed them; and, for any lexicon, an engagement entry marked `conduct` (conduct that wrongs
// the people a party deals with) that a ban keeps counted. The sentences are written for the tests, not taken from
// the corpus.
import * as assert from 'node:assert/strict';
import { briefs, counted, countedAs, engineWith } from './helpers/lexicons';

describe("a firm's duties to the people it deals with, Chinese (lexicon zh 1.20.1)", () => {
  describe('an engagement entry marked conduct keeps its count under a ban', () => {
    it('Chinese: 不得 before conduct that wrongs consumers is their protection; before a disclosure it still negates', () => {
      const zh = engineWith(
        [
          { term: '误导消费者', category: 'transparency', conduct: true },
          { term: '公开', category: 'transparency' },
        ],
        { language: 'zh', context: { protectionCategory: 'rights', before: [{ cue: '不得', effect: 'protect', scope: 'phrase' }, { cue: '不予', effect: 'negate' }] } },
      );
      assert.deepEqual(briefs(zh, '经营者不得误导消费者。'), [[5, 10, '误导消费者', 'transparency', null, false]]);
      assert.deepEqual(briefs(zh, '有关信息不得公开。'), [[6, 8, '公开', 'transparency', 'negation', true]]);
      // A negation still negates it: only a ban keeps it.
      assert.deepEqual(briefs(zh, '经营者不予误导消费者。'), [[5, 10, '误导消费者', 'transparency', 'negation', true]]);
    });

    it('English: "shall not" before conduct that wrongs consumers keeps it; before a disclosure it negates', () => {
      const en = engineWith(
        [
          { term: 'mislead consumers', category: 'transparency', conduct: true },
          { term: 'disclose', category: 'transparency' },
        ],
        { context: { protectionCategory: 'rights', before: [{ cue: 'shall not', effect: 'protect' }] } },
      );
      assert.deepEqual(briefs(en, 'Sellers shall not mislead consumers.'), [[18, 35, 'mislead consumers', 'transparency', null, false]]);
      assert.deepEqual(briefs(en, 'The agency shall not disclose the record.'), [[21, 29, 'disclose', 'transparency', 'negation', true]]);
    });
  });

  it('a ban on misleading the people a firm deals with protects them (D23b)', () => {
    assert.deepEqual(countedAs('engagement', '经营者介绍商品，不得作虚假或者引人误解的宣传。'), ['engagement/transparency:引人误解']);
    assert.deepEqual(countedAs('engagement', '五）以夸大的说明误导消费者；'), ['engagement/transparency:误导消费者']);
  });

  it('telling consumers, and answering their claims, is engagement (D23a, D23b)', () => {
    assert.deepEqual(countedAs('engagement', '销售者应当提醒消费者阅读使用说明。'), ['engagement/transparency:提醒消费者']);
    assert.deepEqual(countedAs('engagement', '经营者应当及时处理消费者提出的修理要求。'), ['engagement/complaints:消费者提出']);
    // A ban right before the claim reads as withholding it, as a ban before any engagement word does (a known limit).
    assert.deepEqual(countedAs('engagement', '经营者不得拒绝消费者提出的修理要求。'), []);
    assert.deepEqual(countedAs('engagement', '候选人应当回答村民提出的问题。'), ['engagement/complaints:村民提出']);
    assert.deepEqual(countedAs('engagement', '应当按照消费者的要求予以更换。'), ['engagement/complaints:消费者的要求']);
  });

  it('a refund or a return owed to the buyer is a remedy; refused, it is negated', () => {
    assert.deepEqual(countedAs('engagement', '经营者应当在七日内办理退货。'), ['engagement/rights:退货']);
    assert.deepEqual(countedAs('engagement', '经营者应当向消费者返还价款。'), ['engagement/rights:向消费者返还']);
    assert.deepEqual(counted('经营者明确表示不予退款。'), []);
  });
});

describe('accepting named as a date, a remit or a court, Chinese (lexicon zh 1.20.2)', () => {
  it('受理 in a deadline, a remit to accept applications or the name of the court that took a case answers no one (D4, D30)', () => {
    assert.deepEqual(countedAs('engagement', '公安机关应当自受理之日起15日内制作发放居住证。'), []);
    assert.deepEqual(countedAs('engagement', '当事人应当配合受理案件的人民法院核对身份信息。'), []);
    assert.deepEqual(countedAs('engagement', '有关单位应当协助做好居住证的申领受理工作。'), []);
    // Accepting a complaint still counts.
    assert.ok(countedAs('engagement', '有关部门应当及时受理投诉。').includes('engagement/complaints:受理'));
  });
});
