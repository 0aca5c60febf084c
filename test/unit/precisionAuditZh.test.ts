// Changes of the precision audit (lexicons zh 1.9.x, docs/validity.md "Precision audit"): entries under 0.6 precision
// on the tuning half narrowed to the uses the coding scheme counts, each kept only when the rest of the tuning half rose
// and the validation group did not fall. The sentences are written for the tests, not taken from the corpus. English
// tests use lexicons written for them, so that each cue kind is tested apart from the built-in lexicons' tuning.
import * as assert from 'node:assert/strict';
import { briefs, counted, engineWith } from './helpers/lexicons';

describe('precision audit, Chinese (lexicons zh 1.9.x)', () => {
  describe('taking part is a topic; taking part in a decision or a rule is participation', () => {
    it('Chinese: 参与 alone is shown, not counted; 参与决策, 参与起草 and 参与制定 count', () => {
      assert.deepEqual(counted('鼓励行业协会积极参与公益活动。'), []);
      assert.deepEqual(counted('本市保障居民通过多种形式参与决策。'), ['engagement/participation:参与决策']);
      assert.deepEqual(counted('可以邀请律师参与起草工作。'), ['engagement/participation:参与起草']);
      assert.deepEqual(counted('支持消费者组织参与标准制定。'), ['engagement/participation:参与标准制定']);
      assert.deepEqual(counted('居民有权参与社区公共事务的管理。'), ['engagement/participation:参与']);
    });

    it('English: a topic entry counts only with an act cue, on a lexicon written for the test', () => {
      const en = engineWith(
        [
          { term: 'take part', category: 'participation', topic: true },
          { term: 'take part in drafting', category: 'participation' },
        ],
        { context: { before: [{ cue: 'entitled to', effect: 'act' }] } },
      );
      assert.deepEqual(briefs(en, 'Firms shall take part in the campaign.').map((b) => b.slice(4)), [['topic', true]]);
      assert.deepEqual(briefs(en, 'Experts may take part in drafting the rules.').map((b) => b.slice(4)), [[null, false]]);
      assert.deepEqual(briefs(en, 'Residents are entitled to take part in the hearing.').map((b) => b.slice(4)), [[null, false]]);
    });
  });

  describe('names of records and of kinds of administrative acts are topics', () => {
    it('Chinese: 行政处罚信息 names a record; 行政强制, 行政检查 and 行政补偿 in a list of act types take no stance', () => {
      assert.deepEqual(counted('二）对企业作出的行政处罚信息；'), []);
      assert.deepEqual(counted('三）行政强制、行政检查、行政补偿等行政行为的记录；'), []);
      assert.deepEqual(counted('对违法行为人依法给予行政处罚。'), ['control/sanctions:行政处罚']);
      assert.deepEqual(counted('造成损失的，依法给予行政补偿。'), ['engagement/rights:行政补偿']);
    });
  });

  describe('word edges and everyday senses', () => {
    it('Chinese: 反映信用 (reflects credit), 如实陈述 (a confession), 公开拍卖 (an auction), 市场监督管理 (a regulator) take no stance', () => {
      assert.deepEqual(counted('登记类信息是指反映信用主体基本情况的信息'), []);
      assert.deepEqual(counted('行为人向公安机关如实陈述违法事实的，可以从轻处罚。'), []);
      assert.deepEqual(counted('无人认领的物品依法公开拍卖。'), []);
      assert.deepEqual(counted('违反市场监督管理法律的行为'), []);
      assert.deepEqual(counted('群众可以向村民委员会反映问题。'), ['engagement/complaints:反映问题']);
      assert.deepEqual(counted('当事人有权进行陈述和申辩。'), ['engagement/rights:当事人有权', 'engagement/rights:陈述', 'engagement/rights:申辩']);
    });
  });

  describe('conditions of not being listed, and delegation clauses', () => {
    it('Chinese: 未在 and 未被 negate the list they precede; 办法由 marks a clause that delegates rules', () => {
      assert.deepEqual(counted('四）未在严重失信主体名单中；'), []);
      assert.deepEqual(counted('二）近三年未被列入失信名单；'), []);
      assert.deepEqual(counted('信用信息归集办法由省人民政府制定。'), []);
      assert.deepEqual(counted('有关部门应当及时归集信用信息。'), ['control/data-collection:归集']);
    });

    it('English: a negation cue and an after-cue of kind define, on a lexicon written for the test', () => {
      const en = engineWith([{ term: 'blacklist', category: 'sanctions' }], {
        context: { before: [{ cue: 'not on', effect: 'negate' }], after: [{ cue: 'rules are made by', effect: 'define', window: 4 }] },
      });
      assert.deepEqual(briefs(en, 'The firm is not on the blacklist.').map((b) => b.slice(4)), [['negation', true]]);
      assert.deepEqual(briefs(en, 'The blacklist rules are made by the Minister.').map((b) => b.slice(4)), [['topic', true]]);
      assert.deepEqual(briefs(en, 'The agency keeps a blacklist.').map((b) => b.slice(4)), [[null, false]]);
    });
  });

  describe('who holds a right, and who is held liable (zh 1.9.1)', () => {
    it('Chinese: a right held by the governed counts; a power held by an agency or a firm does not', () => {
      assert.deepEqual(counted('消费者有权根据需要，向经营者询问商品的产地。'), ['engagement/rights:消费者有权']);
      assert.deepEqual(counted('公民有权自主决定是否参加。'), ['engagement/rights:公民有权']);
      assert.deepEqual(counted('电信企业有权暂停服务。'), []);
      assert.deepEqual(counted('各级人民政府应当保障公民依法行使结社的权利。'), ['engagement/rights:的权利']);
    });

    it('Chinese: 追究责任 is a sanction, like 追究法律责任; aimed at officials it is accountability', () => {
      assert.deepEqual(counted('对违法者依法追究责任。'), ['control/sanctions:追究责任']);
      assert.deepEqual(counted('对国家机关工作人员追究责任。'), ['engagement/accountability:追究责任']);
    });

    it('Chinese: an exception only by approval or permit leaves the ban in place; a body\'s name takes no stance', () => {
      assert.deepEqual(counted('夜间不得在广场举行活动，经市人民政府批准的除外。'), ['control/restrictions:批准的除外']);
      assert.deepEqual(counted('会同同级监察委员会建立联席会议制度。'), []);
    });
  });
});
