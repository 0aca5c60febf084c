// The coding scheme's rules as engine mechanisms, each in English and Chinese with a small test lexicon:
// title lines and topic nouns are shown but not counted (an act cue gives a topic noun its stance), target cues
// turn a control measure aimed at officials or agencies into accountability (principle 4), and object cues make a
// control measure that is the object of a right engagement (principle 3).
import * as assert from 'node:assert/strict';
import { parseLexicon } from '../../src/core/index';
import { briefs, builtinEngine, engineWith } from './helpers/lexicons';

const en = engineWith(
  [
    { term: 'pen register', category: 'surveillance', topic: true },
    { term: 'privacy', category: 'privacy', topic: true },
    { term: 'fine', category: 'sanctions' },
    { term: 'deletion', category: 'censorship' },
    { term: 'arrest', category: 'coercion' },
    { term: 'publish', category: 'transparency' },
  ],
  {
    context: {
      protectionCategory: 'rights',
      before: [
        { cue: 'not', effect: 'negate' },
        { cue: 'install', effect: 'act' },
        { cue: 'protect', effect: 'act' },
        { cue: 'right to', effect: 'object', category: 'privacy' },
      ],
      after: [
        { cue: 'on public authorities', effect: 'target' },
        { cue: 'on officials', effect: 'target', category: 'accountability' },
      ],
    },
  },
);

const zh = engineWith(
  [
    { term: '行政处罚', category: 'sanctions', topic: true },
    { term: '个人信息', category: 'privacy', topic: true },
    { term: '处分', category: 'sanctions' },
    { term: '删除', category: 'censorship' },
    { term: '罚款', category: 'sanctions' },
    { term: '公开', category: 'transparency' },
  ],
  {
    language: 'zh',
    context: {
      protectionCategory: 'rights',
      before: [
        { cue: '不予', effect: 'negate' },
        { cue: '给予', effect: 'act' },
        { cue: '保护', effect: 'act' },
        { cue: '有权要求', effect: 'object', category: 'privacy' },
        { cue: '对直接负责的主管人员', effect: 'target' },
      ],
    },
  },
);

describe('coding-scheme rules', () => {
  describe('title lines name a topic and are not counted', () => {
    it('English: a short heading with no mark, modal or comma', () => {
      assert.deepEqual(briefs(en, 'Enforcement of the fine\n'), [[19, 23, 'fine', 'sanctions', 'topic', true]]);
      assert.deepEqual(briefs(en, '(c) Arrest without warrant\n'), [[4, 10, 'Arrest', 'coercion', 'topic', true]]);
    });

    it('a bare phrase with no line break after it (a selection, a search) is no title', () => {
      assert.deepEqual(briefs(en, 'Enforcement of the fine'), [[19, 23, 'fine', 'sanctions', null, false]]);
      assert.deepEqual(briefs(zh, '罚款的种类'), [[0, 2, '罚款', 'sanctions', null, false]]);
    });

    it('English: a sentence, a lead-in cut before its list and a list item are not titles', () => {
      assert.deepEqual(briefs(en, 'The court may impose a fine.'), [[23, 27, 'fine', 'sanctions', null, false]]);
      assert.deepEqual(briefs(en, '2) The agency shall arrest'), [[20, 26, 'arrest', 'coercion', null, false]]);
      assert.deepEqual(briefs(en, '(3) a fine;'), [[6, 10, 'fine', 'sanctions', null, false]]);
      assert.deepEqual(briefs(en, '(b) to arrest any person'), [[7, 13, 'arrest', 'coercion', null, false]]);
      assert.deepEqual(briefs(en, 'Arrest, fine and deletion'), [
        [0, 6, 'Arrest', 'coercion', null, false],
        [8, 12, 'fine', 'sanctions', null, false],
        [17, 25, 'deletion', 'censorship', null, false],
      ]);
    });

    it('Chinese: a chapter heading or a law\'s title, but not an article', () => {
      assert.deepEqual(briefs(zh, '第二章 罚款的种类\n'), [[4, 6, '罚款', 'sanctions', 'topic', true]]);
      assert.deepEqual(briefs(zh, '第五条 对违法者处以罚款。'), [[10, 12, '罚款', 'sanctions', null, false]]);
      assert.deepEqual(briefs(zh, '一）罚款；'), [[2, 4, '罚款', 'sanctions', null, false]]);
    });

    it('Chinese: a law\'s title in Han script may run to forty characters; a longer line, or one with a comma, is no title', () => {
      const title = '某某市人民代表大会常务委员会关于规范行政执行中罚款和没收财物程序的若干规定\n';
      assert.ok(title.trim().length > 30 && title.trim().length <= 40);
      assert.deepEqual(briefs(zh, title).map((b) => b[4]), ['topic']);
      assert.deepEqual(briefs(zh, `${'某'.repeat(30)}${title}`).map((b) => b[4]), [null]);
      assert.deepEqual(briefs(zh, '某某市人民代表大会常务委员会关于规范行政执行中罚款，没收财物程序的若干规定\n').map((b) => b[4]), [null]);
    });

    it('only a block of its own is a title: the first line of a paragraph that goes on is not', () => {
      assert.deepEqual(briefs(en, 'Enforcement of the fine\n\nThe court may fine him.')[0], [19, 23, 'fine', 'sanctions', 'topic', true]);
      assert.deepEqual(briefs(en, 'The court may fine him.\nEnforcement of the fine')[1], [43, 47, 'fine', 'sanctions', null, false]);
    });
  });

  describe('topic nouns are counted only with an act', () => {
    it('English: shown but not counted alone, counted after an act cue', () => {
      assert.deepEqual(briefs(en, 'The record names the pen register used.'), [[21, 33, 'pen register', 'surveillance', 'topic', true]]);
      assert.deepEqual(briefs(en, 'The agency may install a pen register.'), [[25, 37, 'pen register', 'surveillance', null, false]]);
      assert.deepEqual(briefs(en, 'Officers shall protect the privacy of callers.'), [[27, 34, 'privacy', 'privacy', null, false]]);
      assert.deepEqual(briefs(en, 'The privacy officer reports yearly.'), [[4, 11, 'privacy', 'privacy', 'topic', true]]);
    });

    it('English: the act must be in the same clause and within the window', () => {
      assert.deepEqual(briefs(en, 'They install cameras; the pen register is logged.'), [[26, 38, 'pen register', 'surveillance', 'topic', true]]);
    });

    it('Chinese: 行政处罚 as an item is a topic, after 给予 an act', () => {
      assert.deepEqual(briefs(zh, '受到行政处罚的信息。'), [[2, 6, '行政处罚', 'sanctions', 'topic', true]]);
      assert.deepEqual(briefs(zh, '依法给予行政处罚。'), [[4, 8, '行政处罚', 'sanctions', null, false]]);
      assert.deepEqual(briefs(zh, '应当保护个人信息。'), [[4, 8, '个人信息', 'privacy', null, false]]);
      assert.deepEqual(briefs(zh, '个人信息是指各种信息。'), [[0, 4, '个人信息', 'privacy', 'topic', true]]);
    });

    it('a negated topic noun stays negated', () => {
      assert.deepEqual(briefs(zh, '不予行政处罚。'), [[2, 6, '行政处罚', 'sanctions', 'negation', true]]);
    });
  });

  describe('who acts on whom: control aimed at officials or agencies is accountability', () => {
    it('English: a fine on public authorities', () => {
      const [m] = en.analyze('The regulator may impose a fine on public authorities.').matches();
      assert.deepEqual([m.text, m.polarity, m.category, m.rule, m.negated], ['fine', 'engagement', 'accountability', 'target', false]);
      assert.equal(m.ruleDetail, '"on public authorities" aims "fine" at officials or agencies: accountability');
      assert.deepEqual(briefs(en, 'The regulator may impose a fine on firms.'), [[27, 31, 'fine', 'sanctions', null, false]]);
    });

    it('English: a target cue leaves an engagement match as it is', () => {
      assert.deepEqual(briefs(en, 'They publish the fines on officials.'), [
        [5, 12, 'publish', 'transparency', null, false],
        [17, 22, 'fines', 'accountability', 'target', false],
      ]);
    });

    it('Chinese: 处分 of the responsible officials', () => {
      assert.deepEqual(briefs(zh, '对直接负责的主管人员依法给予处分。'), [[14, 16, '处分', 'accountability', 'target', false]]);
      assert.deepEqual(briefs(zh, '对企业依法给予处分。'), [[7, 9, '处分', 'sanctions', null, false]]);
    });
  });

  describe('objects of rights: a control measure a person has a right to is engagement', () => {
    it('English: the right to deletion', () => {
      const [m] = en.analyze('Users have the right to deletion of their data.').matches();
      assert.deepEqual([m.text, m.polarity, m.category, m.rule, m.negated], ['deletion', 'engagement', 'privacy', 'protection', false]);
      assert.equal(m.ruleDetail, '"deletion" is the object of a right or of redress ("right to")');
      assert.deepEqual(briefs(en, 'The platform orders deletion of posts.'), [[20, 28, 'deletion', 'censorship', null, false]]);
    });

    it('Chinese: 有权要求删除', () => {
      assert.deepEqual(briefs(zh, '个人有权要求删除其信息。'), [[6, 8, '删除', 'privacy', 'protection', false]]);
      assert.deepEqual(briefs(zh, '平台应当删除违法信息。'), [[4, 6, '删除', 'censorship', null, false]]);
    });
  });

  describe('lexicon files', () => {
    const lexicon = (cue: string): string =>
      `{ "name": "t", "version": "1.0.0", "language": "en", "categories": [], "entries": [ { "term": "fine", "category": "sanctions", "topic": true } ], "context": { "after": [ ${cue} ] } }`;
    const known = ['sanctions', 'accountability', 'privacy'];

    it('accept topic entries and target, object and act cues', () => {
      const parsed = parseLexicon(lexicon('{ "cue": "on officials", "effect": "target", "category": "accountability" }'), 'x.json', { knownCategories: known });
      assert.equal(parsed.entries[0].topic, true);
      assert.deepEqual(parsed.context?.after, [{ cue: 'on officials', effect: 'target', category: 'accountability' }]);
    });

    it('refuse a category on a cue that does not move a match, and an unknown one', () => {
      assert.throws(() => parseLexicon(lexicon('{ "cue": "not", "effect": "negate", "category": "privacy" }'), 'x.json', { knownCategories: known }), /x\.json:1:\d+: only a "target", "object" or "secret" cue names a category, not a "negate" cue/);
      assert.throws(() => parseLexicon(lexicon('{ "cue": "on x", "effect": "target", "category": "nope" }'), 'x.json', { knownCategories: known }), /unknown category "nope"/);
    });
  });

  describe('clause-bounded negation: a phrase cue does not reach the predicate', () => {
    const scoped = engineWith([{ term: 'fine', category: 'sanctions' }, { term: 'consent', category: 'privacy' }, { term: '罚款', category: 'sanctions' }], {
      context: { predicates: ['shall', 'must'], before: [{ cue: 'without', effect: 'negate', scope: 'phrase' }, { cue: 'not', effect: 'negate' }] },
    });

    it('English: "without consent … shall be fined" is still a sanction', () => {
      assert.deepEqual(briefs(scoped, 'Who acts without consent shall be fined.'), [
        [17, 24, 'consent', 'privacy', 'negation', true],
        [34, 39, 'fined', 'sanctions', null, false],
      ]);
      assert.deepEqual(briefs(scoped, 'They act without a fine.'), [[19, 23, 'fine', 'sanctions', 'negation', true]]);
      assert.deepEqual(briefs(scoped, 'They shall not fine us.'), [[15, 19, 'fine', 'sanctions', 'negation', true]]);
    });

    it('Chinese text has no predicate words and keeps its clause-wide cues', () => {
      const zhScoped = engineWith([{ term: '罚款', category: 'sanctions' }], { language: 'zh', context: { before: [{ cue: '未经', effect: 'negate', scope: 'phrase' }] } });
      assert.deepEqual(briefs(zhScoped, '未经批准罚款。'), [[4, 6, '罚款', 'sanctions', 'negation', true]]);
    });

    it('a lexicon file names predicates and a cue scope, and refuses another scope', () => {
      const file = (scope: string): string =>
        `{ "name": "t", "version": "1.0.0", "language": "en", "categories": [], "entries": [], "context": { "predicates": ["shall"], "before": [ { "cue": "without", "effect": "negate", "scope": "${scope}" } ] } }`;
      const parsed = parseLexicon(file('phrase'), 'x.json');
      assert.deepEqual([parsed.context?.predicates, parsed.context?.before?.[0].scope], [['shall'], 'phrase']);
      assert.equal(parseLexicon(file('subject'), 'x.json').context?.before?.[0].scope, 'subject');
      assert.throws(() => parseLexicon(file('word'), 'x.json'), /x\.json:1:\d+: "scope" must be one of "clause", "phrase", "subject", "object", "sentence", not "word"/);
    });
  });

  describe('word forms and word edges', () => {
    it('English: the plural of a longer form of the word ("punishments" of "punish"), and no more', () => {
      const forms = engineWith([{ term: 'punish', category: 'sanctions' }, { term: 'account', category: 'accountability' }]);
      assert.deepEqual(briefs(forms, 'Punishments and punishment.').map((b) => b[2]), ['Punishments', 'punishment']);
      assert.deepEqual(briefs(forms, 'Accountabilities.'), []);
    });

    it('Chinese: a neutral word claims its characters, so a term does not match across its edge', () => {
      const edges = engineWith([{ term: '排查', category: 'surveillance' }, { term: '安排', neutral: true }], { language: 'zh' });
      assert.deepEqual(briefs(edges, '安排查阅档案。'), []);
      assert.deepEqual(briefs(edges, '开展排查。'), [[2, 4, '排查', 'surveillance', null, false]]);
      assert.deepEqual(briefs(edges, '安排排查。'), [[2, 4, '排查', 'surveillance', null, false]]);
    });

    it('the built-in lexicons: punishments, 安排查阅, no action shall lie, appear with counsel', () => {
      const engine = builtinEngine();
      const counted = (text: string): string[] => engine.analyze(text).matches().filter((m) => !m.negated).map((m) => `${m.polarity}:${m.text}`);
      assert.deepEqual(counted('Such punishments apply.'), ['control:punishments']);
      assert.deepEqual(counted('可以安排查阅档案。'), []);
      assert.deepEqual(counted('No action shall lie against any provider.'), ['control:No action shall lie']);
      assert.deepEqual(counted('Anyone who intercepts calls without consent shall be fined.').includes('control:fined'), true);
      assert.deepEqual(counted('The person is entitled to appear with counsel.'), ['engagement:appear with counsel']);
    });

    it('the built-in Chinese lexicon: examining an application or the facts (经审查, 审查属实) is no censorship; a review of content still is', () => {
      const engine = builtinEngine();
      const counted = (text: string): string[] => engine.analyze(text).matches().filter((m) => !m.negated && m.polarity === 'control').map((m) => m.text);
      assert.deepEqual(counted('对申请人的申请，经审查不符合条件的，应当书面说明理由。'), []);
      assert.deepEqual(counted('户口登记机关审查属实后予以更正。'), []);
      assert.deepEqual(counted('对发布的信息进行审查。'), ['审查']);
    });
  });
});
