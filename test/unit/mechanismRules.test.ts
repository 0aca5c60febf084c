// Rule mechanisms added with lexicons 1.5.0, each on sentences written for these tests, in English and Chinese:
// list-aware 不得 (a list of prohibitions stays control; a ban protects only the act that follows it), secrecy
// duties (a ban on disclosing a state measure is control), exemptions and deference clauses take no stance, a
// protective prohibition on the state is engagement, target cues in both directions (reporting aimed at the police
// is recruited reporting), and commands and rights in plain verbs.
import * as assert from 'node:assert/strict';
import { parseLexicon } from '../../src/core/index';
import { briefs, counted, engineWith } from './helpers/lexicons';

const polarities = (text: string): string[] => [...new Set(counted(text).map((c) => c.split('/')[0]))].sort();

describe('rule mechanisms (lexicons 1.5.0)', () => {
  describe('list-aware 不得 and clause-bounded bans', () => {
    const zh = engineWith(
      [
        { term: '扣押', category: 'coercion' },
        { term: '违法信息', category: 'censorship' },
        { term: '限制', category: 'restrictions' },
      ],
      { language: 'zh', context: { protectionCategory: 'rights', predicates: ['将'], before: [{ cue: '不得', effect: 'protect', scope: 'phrase' }, { cue: '不得超出', effect: 'none' }] } },
    );

    it('Chinese: one ban protects people from the control act it governs', () => {
      assert.deepEqual(briefs(zh, '执法人员不得扣押财物。'), [[6, 8, '扣押', 'rights', 'protection', false]]);
      assert.deepEqual(briefs(zh, '用户不得传播违法信息。'), [[6, 10, '违法信息', 'rights', 'protection', false]]);
    });

    it('Chinese: in a list of prohibitions a control word deeper in an item stays control', () => {
      assert.deepEqual(briefs(zh, '用户不得注册账号，不得传播违法信息。'), [[13, 17, '违法信息', 'censorship', null, false]]);
    });

    it('Chinese: in a list, each item that forbids a control act itself still protects', () => {
      assert.deepEqual(briefs(zh, '不得扣押财物，不得限制其自由。'), [
        [2, 4, '扣押', 'rights', 'protection', false],
        [9, 11, '限制', 'rights', 'protection', false],
      ]);
    });

    it('Chinese: a ban does not reach past 将 (the control word is its object) nor protect a cap (不得超出)', () => {
      assert.deepEqual(briefs(zh, '不得将违法信息记入标签。'), [[3, 7, '违法信息', 'censorship', null, false]]);
      assert.deepEqual(briefs(zh, '办理电话卡不得超出限制的数量。'), [[9, 11, '限制', 'restrictions', null, false]]);
    });

    it('English: the same list rule for a ban of phrase scope, and clause-bounded "without"', () => {
      const en = engineWith(
        [
          { term: 'detain', category: 'coercion' },
          { term: 'fine', category: 'sanctions' },
          { term: 'consent', category: 'privacy' },
        ],
        { context: { protectionCategory: 'rights', predicates: ['shall'], before: [{ cue: 'must not', effect: 'protect', scope: 'phrase' }, { cue: 'without', effect: 'negate', scope: 'phrase' }] } },
      );
      assert.deepEqual(briefs(en, 'Officers must not detain anyone.'), [[18, 24, 'detain', 'rights', 'protection', false]]);
      assert.deepEqual(briefs(en, 'Vendors must not sell tickets, must not evade a fine.'), [[48, 52, 'fine', 'sanctions', null, false]]);
      assert.deepEqual(briefs(en, 'Who acts without consent shall pay a fine.'), [
        [17, 24, 'consent', 'privacy', 'negation', true],
        [37, 41, 'fine', 'sanctions', null, false],
      ]);
    });

    it('built-in lexicons: caps and objects of a ban stay control; bans on acts against a person protect', () => {
      assert.deepEqual(counted('办理电话卡不得超出国家有关规定限制的数量。'), ['control/restrictions:限制']);
      assert.deepEqual(counted('服务提供者不得将违法和不良信息关键词记入用户标签。'), ['control/censorship:违法和不良信息']);
      assert.deepEqual(polarities('对信访人不得打击报复，不得限制其人身自由。'), ['engagement']);
      assert.deepEqual(polarities('执法人员不得随意扣押当事人的财物，不得滥用行政强制措施。'), ['engagement']);
    });
  });

  describe('secrecy duties are control, not negated transparency', () => {
    const en = engineWith([{ term: 'disclose', category: 'transparency' }], {
      context: { before: [{ cue: 'must not', effect: 'protect' }], after: [{ cue: 'the existence', effect: 'secret', window: 1 }] },
    });
    const zh = engineWith(
      [
        { term: '不得泄露', category: 'privacy' },
        { term: '公开', category: 'transparency' },
      ],
      { language: 'zh', context: { before: [{ cue: '不得', effect: 'protect' }], after: [{ cue: '调查情况', effect: 'secret', window: 2, categories: ['privacy'] }] } },
    );

    it('English: a ban on disclosing the existence of an order is a secrecy duty, with the reason', () => {
      const [m] = en.analyze('The provider must not disclose the existence of the order.').matches();
      assert.deepEqual([m.text, m.polarity, m.category, m.rule, m.negated], ['disclose', 'control', 'censorship', 'secrecy', false]);
      assert.equal(m.ruleDetail, 'a ban on disclosing a state measure ("the existence"): a secrecy duty');
    });

    it('English: without the ban it is transparency, without the state measure a negated disclosure', () => {
      assert.deepEqual(briefs(en, 'The provider shall disclose the existence of the order.'), [[19, 27, 'disclose', 'transparency', null, false]]);
      assert.deepEqual(briefs(en, 'The provider must not disclose records.'), [[22, 30, 'disclose', 'transparency', 'negation', true]]);
    });

    it('Chinese: 不得泄露调查情况 is secrecy; 不得泄露 of personal data stays privacy; a banned 公开 of it is secrecy too', () => {
      assert.deepEqual(briefs(zh, '有关人员不得泄露调查情况。'), [[4, 8, '不得泄露', 'censorship', 'secrecy', false]]);
      assert.deepEqual(briefs(zh, '处理者不得泄露个人信息。'), [[3, 7, '不得泄露', 'privacy', null, false]]);
      assert.deepEqual(briefs(zh, '不得公开调查情况。'), [[2, 4, '公开', 'censorship', 'secrecy', false]]);
    });

    it('built-in lexicons: both languages', () => {
      assert.deepEqual(counted('The carrier shall not disclose to any person that the agency has sought the records.'), ['control/censorship:shall not disclose']);
      assert.deepEqual(counted('有关人员不得泄露调查情况。'), ['control/censorship:不得泄露']);
      assert.deepEqual(counted('处理者不得泄露个人信息。'), ['engagement/privacy:不得泄露', 'engagement/privacy:个人信息']);
    });
  });

  describe('exemptions, deference and definitions take no stance; a protective ban on the state is engagement', () => {
    it('English: an exemption from disclosure and a bar by law are neutral', () => {
      assert.deepEqual(counted('This subsection shall not require the disclosure of sources.'), []);
      assert.deepEqual(counted('Records may be withheld where disclosure is prohibited by law.'), []);
      assert.deepEqual(counted('Such an order shall not issue if prohibited by the law of the State.'), []);
    });

    it('Chinese: a deference clause (另有规定) and a scope clause decide before any other cue', () => {
      assert.deepEqual(counted('法律、法规对召开听证会另有规定的，依照其规定。'), []);
      assert.deepEqual(counted('第二条 对公民举报危害国家安全行为实施奖励，适用本办法。'), []);
    });

    it('Chinese: what a 除外 clause excepts is not counted; English: an exception stays outside the clause', () => {
      assert.deepEqual(counted('行政机关应当告知当事人，但是告知可能妨碍调查的除外。'), ['engagement/transparency:告知']);
      assert.deepEqual(counted('The agency shall inform the public, except where disclosure is prohibited by law.'), ['engagement/transparency:inform the public']);
    });

    it('a title line is a topic whatever cue stands in it', () => {
      assert.deepEqual(counted('公民举报危害国家安全行为奖励办法\n'), []);
    });

    it('English and Chinese: a ban on the state that protects people is engagement', () => {
      assert.deepEqual(counted('Agents may not target a person on the basis of religion.'), ['engagement/rights:target a person']);
      assert.deepEqual(counted('部门规章不得设定减损公民权利的规范。'), ['engagement/rights:减损公民']);
      assert.deepEqual(counted('涉及减损公民权利的事项，应当论证。'), []);
    });
  });

  describe('who acts on whom: a target cue moves a match of the other polarity, either way', () => {
    const zh = engineWith(
      [
        { term: '举报', category: 'complaints' },
        { term: '申请复议', category: 'rights' },
        { term: '罚款', category: 'sanctions' },
      ],
      {
        language: 'zh',
        context: {
          before: [
            { cue: '向公安机关', effect: 'target', category: 'surveillance', categories: ['complaints'], window: 2 },
            { cue: '对公职人员', effect: 'target' },
          ],
        },
      },
    );

    it('Chinese: reporting to the police is recruited reporting; an appeal to the police stays a right; a fine on officials is accountability', () => {
      const [m] = zh.analyze('居民可以向公安机关举报。').matches();
      assert.deepEqual([m.text, m.polarity, m.category, m.rule], ['举报', 'control', 'surveillance', 'target']);
      assert.equal(m.ruleDetail, '"向公安机关" aims "举报" at the police or security organs: recruited reporting');
      assert.deepEqual(briefs(zh, '当事人可以向公安机关申请复议。'), [[10, 14, '申请复议', 'rights', null, false]]);
      assert.deepEqual(briefs(zh, '对公职人员罚款。'), [[5, 7, '罚款', 'accountability', 'target', false]]);
    });

    it('English: a complaint filed to the police about others is control', () => {
      const en = engineWith([{ term: 'complaint', category: 'complaints' }], {
        context: { after: [{ cue: 'to the police', effect: 'target', category: 'surveillance', categories: ['complaints'], window: 2 }] },
      });
      assert.deepEqual(briefs(en, 'Landlords shall file a complaint to the police about tenants.'), [[23, 32, 'complaint', 'surveillance', 'target', false]]);
      assert.deepEqual(briefs(en, 'Tenants may file a complaint with the ombudsman.'), [[19, 28, 'complaint', 'complaints', null, false]]);
    });

    it('built-in lexicons: reporting threats to national security is control, reporting officials engagement', () => {
      assert.deepEqual(polarities('公民可以举报危害国家安全行为。'), ['control']);
      assert.deepEqual(polarities('群众有权检举国家机关工作人员的违法失职行为。'), ['engagement']);
    });

    it('lexicon files accept "categories" on target and secret cues and a secret cue, and refuse the rest', () => {
      const file = (cue: string): string => `{ "name": "t", "version": "1.0.0", "language": "en", "categories": [], "entries": [], "context": { "after": [ ${cue} ] } }`;
      const known = { knownCategories: ['surveillance', 'complaints', 'censorship'] };
      const parsed = parseLexicon(file('{ "cue": "to the police", "effect": "target", "category": "surveillance", "categories": ["complaints"] }'), 'x.json', known);
      assert.deepEqual(parsed.context?.after, [{ cue: 'to the police', effect: 'target', category: 'surveillance', categories: ['complaints'] }]);
      assert.deepEqual(parseLexicon(file('{ "cue": "the existence", "effect": "secret" }'), 'x.json', known).context?.after, [{ cue: 'the existence', effect: 'secret' }]);
      assert.throws(() => parseLexicon(file('{ "cue": "not", "effect": "negate", "categories": ["complaints"] }'), 'x.json', known), /x\.json:1:\d+: only a "target", "secret", "organise" or "act" cue names the categories it moves, not a "negate" cue/);
      assert.throws(() => parseLexicon(file('{ "cue": "x", "effect": "target", "categories": ["nope"] }'), 'x.json', known), /x\.json:1:\d+: unknown category "nope"/);
    });
  });

  describe('commands and rights in plain verbs', () => {
    it('English: order, require and compelled assistance are control', () => {
      assert.deepEqual(counted('The court may order any person to provide all assistance necessary.'), ['control/coercion:order any person to', 'control/coercion:provide all assistance']);
      assert.deepEqual(polarities('No action shall lie against any provider for complying with the order.'), ['control']);
    });

    it('English: being informed, a hearing and review by a board are engagement', () => {
      assert.deepEqual(counted('The person shall be informed of the reasons.'), ['engagement/transparency:shall be informed']);
      assert.deepEqual(counted('The applicant is entitled to a hearing.'), ['engagement/rights:entitled to a hearing']);
      assert.deepEqual(counted('The Board shall continually review the program.'), ['engagement/accountability:shall continually review']);
    });
  });
});
