// The sentence model's scheme features (test/devset/schemeFeatures.ts): named facts of the text and of the engine's
// analysis, in English and Chinese, and a list item's lead-in under parent:.
import * as assert from 'node:assert/strict';
import { Match } from '../../src/core/index';
import { analysisFacts, schemeFeatures, textFacts } from '../devset/schemeFeatures';

function match(polarity: 'control' | 'engagement', category: string, negated = false, rule: Match['rule'] = null): Match {
  return { start: 0, end: 1, text: 'x', polarity, category, entry: 'x', weight: 1, rule, ruleDetail: null, negated, sentence: 0 };
}

const names = (bag: Map<string, number>): string[] => [...bag.keys()].sort();

describe('scheme features', () => {
  describe('English text facts', () => {
    it('reads the subject before the modal verb and the target after it', () => {
      const f = textFacts('The Secretary may impose a civil penalty on any person who violates this section.', 'en');
      assert.equal(f.may, true);
      assert.equal(f.subjectAuthority, true);
      assert.equal(f.subjectGoverned, false);
      assert.equal(f.targetGoverned, true);
      assert.equal(f.ban, false);
    });

    it('tells a ban from a duty, and a governed subject from an authority', () => {
      const ban = textFacts('No person shall operate a vehicle without a permit.', 'en');
      assert.equal(ban.ban, true);
      assert.equal(ban.duty, false);
      const duty = textFacts('An employer shall keep the records for three years.', 'en');
      assert.equal(duty.duty, true);
      assert.equal(duty.subjectGoverned, true);
      assert.equal(duty.subjectAuthority, false);
    });

    it('names definitions, scope, commencement, purpose and headings', () => {
      assert.equal(textFacts('The term "agency" means any executive department.', 'en').definition, true);
      assert.equal(textFacts('This part applies to all carriers.', 'en').scope, true);
      assert.equal(textFacts('This Act shall take effect 90 days after enactment.', 'en').commencement, true);
      assert.equal(textFacts('It is the policy of the United States to protect workers.', 'en').purpose, true);
      assert.equal(textFacts('Civil penalties', 'en').heading, true);
      assert.equal(textFacts('Civil penalties.', 'en').heading, false);
    });

    it('marks rights, exemptions, passive voice, list items and lead-ins', () => {
      assert.equal(textFacts('The applicant may request a hearing.', 'en').right, true);
      assert.equal(textFacts('This section does not apply to a State court.', 'en').exemption, true);
      assert.equal(textFacts('The license shall be revoked.', 'en').passive, true);
      assert.equal(textFacts('(a) fines of up to $500;', 'en').item, true);
      assert.equal(textFacts('The Secretary may take the following actions:', 'en').leadIn, true);
    });
  });

  describe('Chinese text facts', () => {
    it('reads the subject before the modal verb and the target after it', () => {
      const f = textFacts('公安机关可以对违法行为人处以罚款。', 'zh');
      assert.equal(f.may, true);
      assert.equal(f.subjectAuthority, true);
      assert.equal(f.targetGoverned, true);
      const duty = textFacts('经营者应当向消费者提供真实信息。', 'zh');
      assert.equal(duty.duty, true);
      assert.equal(duty.subjectGoverned, true);
      assert.equal(duty.subjectAuthority, false);
    });

    it('tells a ban from a duty', () => {
      const f = textFacts('任何单位和个人不得非法收集个人信息。', 'zh');
      assert.equal(f.ban, true);
      assert.equal(f.duty, false);
      assert.equal(f.negation, false, '不得 is a ban, not a negation');
    });

    it('names definitions, scope, commencement, purpose and headings', () => {
      assert.equal(textFacts('本条例所称网格，是指按照一定标准划分的管理单元。', 'zh').definition, true);
      assert.equal(textFacts('本办法适用于本市行政区域内的信用管理活动。', 'zh').scope, true);
      assert.equal(textFacts('本条例自2020年1月1日起施行。', 'zh').commencement, true);
      assert.equal(textFacts('为了规范行政处罚，根据宪法，制定本法。', 'zh').purpose, true);
      assert.equal(textFacts('第三章 法律责任', 'zh').heading, true);
    });

    it('marks rights, exemptions, passive voice, list items and lead-ins', () => {
      assert.equal(textFacts('当事人有权进行陈述和申辩。', 'zh').right, true);
      assert.equal(textFacts('法律另有规定的除外。', 'zh').exemption, true);
      assert.equal(textFacts('对违法者依法予以处罚。', 'zh').passive, true);
      assert.equal(textFacts('（一）警告；', 'zh').item, true);
      assert.equal(textFacts('有下列行为之一的，处五百元以下罚款：', 'zh').leadIn, true);
    });
  });

  describe('analysis facts', () => {
    it('names the act classes counted or shown alike, the shown polarity and the rule kinds, not the decision', () => {
      const bag = analysisFacts([match('control', 'sanctions'), match('engagement', 'rights', true, 'protection')]);
      assert.deepEqual(names(bag), ['act:control', 'act:engagement', 'act:rights', 'act:sanctions', 'rule:protection', 'shown:engagement']);
      assert.equal(bag.has('engine:control'), false);
    });
  });

  describe('schemeFeatures', () => {
    it('joins an act with the clause facts, and adds the engine decision only for the comparison variant', () => {
      const sentences = [{ text: 'The Secretary may impose a civil penalty on any person.', matches: [match('control', 'sanctions')] }];
      const bag = schemeFeatures(sentences, 0, 'en');
      assert.equal(bag.get('act:control&subject:authority'), 1);
      assert.equal(bag.get('act:control&target:governed'), 1);
      assert.equal(bag.has('engine:control'), false);
      assert.equal(schemeFeatures(sentences, 0, 'en', true).get('engine:control'), 1);
    });

    it('gives a list item its lead-in facts under parent:, passing over the items between', () => {
      const sentences = [
        { text: '有下列行为之一的，由公安机关处五百元以下罚款：', matches: [match('control', 'sanctions')] },
        { text: '（一）扰乱公共秩序的；', matches: [] },
        { text: '（二）拒不执行决定的。', matches: [] },
        { text: '当事人有权申请复议。', matches: [match('engagement', 'rights')] },
      ];
      const second = schemeFeatures(sentences, 2, 'zh');
      assert.equal(second.get('list:item'), 1);
      assert.equal(second.get('parent:act:control'), 1);
      assert.equal(schemeFeatures(sentences, 3, 'zh').has('parent:act:control'), false);
    });

    it('marks an act in a sentence with no modal verb as topic-only', () => {
      const bag = schemeFeatures([{ text: 'Disclosure of records to the public is part of the program.', matches: [match('engagement', 'transparency')] }], 0, 'en');
      assert.equal(bag.get('act:engagement&topic-only'), 1);
    });
  });
});
