// Rules added with lexicons zh 1.6.x, each on sentences written for these tests, in English and Chinese: a ban on
// conduct of the governed stays control (`conduct` entries: 不得散布谣言 is the ban, not a protection), control
// dressed as engagement (target cues that aim a complaint at keeping it local, with their own explanation),
// incentives in informant and model-citizen schemes, state gatekeeping by licences and prior approval, leniency
// clauses, word edges inside agency names, and reporting a statute's violations (both).
import * as assert from 'node:assert/strict';
import { parseLexicon } from '../../src/core/index';
import { briefs, builtinEngine, counted, engineWith } from './helpers/lexicons';

const polarities = (text: string): string[] => [...new Set(counted(text).map((c) => c.split('/')[0]))].sort();

const lexiconFile = (entry: string, cue: string): string =>
  `{ "name": "t", "version": "1.0.0", "language": "en", "categories": [], "entries": [ ${entry} ], "context": { "after": [ ${cue} ] } }`;
const known = { knownCategories: ['censorship', 'complaints', 'restrictions'] };

describe('rule mechanisms (lexicons zh 1.6.x)', () => {
  describe('a ban on conduct of the governed stays control', () => {
    it('Chinese: 不得 before banned conduct is the ban itself; before a state measure it still protects people', () => {
      const zh = engineWith(
        [
          { term: '散布谣言', category: 'censorship', conduct: true },
          { term: '扣押', category: 'coercion' },
        ],
        { language: 'zh', context: { protectionCategory: 'rights', before: [{ cue: '不得', effect: 'protect', scope: 'phrase' }] } },
      );
      assert.deepEqual(briefs(zh, '用户不得散布谣言。'), [[4, 8, '散布谣言', 'censorship', null, false]]);
      assert.deepEqual(briefs(zh, '执法人员不得扣押财物。'), [[6, 8, '扣押', 'rights', 'protection', false]]);
    });

    it('English: "shall not" before banned conduct is a ban; before detention it protects', () => {
      const en = engineWith(
        [
          { term: 'incite violence', category: 'censorship', conduct: true },
          { term: 'detain', category: 'coercion' },
        ],
        { context: { protectionCategory: 'rights', before: [{ cue: 'shall not', effect: 'protect' }] } },
      );
      assert.deepEqual(briefs(en, 'Speakers shall not incite violence.'), [[19, 34, 'incite violence', 'censorship', null, false]]);
      assert.deepEqual(briefs(en, 'Officers shall not detain petitioners.'), [[19, 25, 'detain', 'rights', 'protection', false]]);
    });

    it('a negation still negates banned conduct: only a ban keeps it', () => {
      const en = engineWith([{ term: 'incite violence', category: 'censorship', conduct: true }], { context: { before: [{ cue: 'never', effect: 'negate' }] } });
      assert.deepEqual(briefs(en, 'They never incite violence.'), [[11, 26, 'incite violence', 'censorship', 'negation', true]]);
    });

    it('built-in Chinese lexicon: the standard list of banned content is control, with or without 不得', () => {
      assert.deepEqual(polarities('不得散布谣言，不得煽动民族仇恨。'), ['control']);
      assert.deepEqual(polarities('三）煽动民族分裂的；'), ['control']);
      assert.ok(counted('公民行使集会的权利，不得反对宪法所确定的基本原则。').includes('control/censorship:反对宪法所确定的基本原则'));
    });

    it('lexicon files accept "conduct" as true or false, and refuse anything else', () => {
      const entry = (conduct: string): string => `{ "term": "incite violence", "category": "censorship", "conduct": ${conduct} }`;
      assert.deepEqual(parseLexicon(lexiconFile(entry('true'), '{ "cue": "x", "effect": "none" }'), 'x.json', known).entries[0], { term: 'incite violence', category: 'censorship', conduct: true });
      assert.deepEqual(parseLexicon(lexiconFile(entry('false'), '{ "cue": "x", "effect": "none" }'), 'x.json', known).entries[0], { term: 'incite violence', category: 'censorship' });
      assert.throws(() => parseLexicon(lexiconFile(entry('"yes"'), '{ "cue": "x", "effect": "none" }'), 'x.json', known), /x\.json:1:\d+: "conduct" must be true or false/);
    });
  });

  describe('control dressed as engagement: a target cue with its own explanation', () => {
    it('Chinese: guiding people to raise matters on the spot is control; raising them with a petitions office stays engagement', () => {
      const [m] = builtinEngine().analyze('引导群众就地反映诉求。').matches();
      assert.deepEqual([m.text, m.polarity, m.category, m.rule], ['反映', 'control', 'restrictions', 'target']);
      assert.equal(m.ruleDetail, '"就地" aims "反映" at settling it on the spot, so that it goes no higher: control dressed as engagement');
      assert.deepEqual(polarities('群众可以向信访部门反映诉求。'), ['engagement']);
      assert.deepEqual(polarities('维护信访秩序。'), ['control']);
    });

    it('English: the same cue kind in a lexicon written for the test', () => {
      const en = engineWith([{ term: 'grievance', category: 'complaints' }], {
        context: { after: [{ cue: 'locally', effect: 'target', category: 'restrictions', categories: ['complaints'], window: 2, note: 'at settling it where it arose: control dressed as engagement' }] },
      });
      const [m] = en.analyze('Officials shall settle grievances locally.').matches();
      assert.deepEqual([m.text, m.polarity, m.category, m.rule], ['grievances', 'control', 'restrictions', 'target']);
      assert.equal(m.ruleDetail, '"locally" aims "grievances" at settling it where it arose: control dressed as engagement');
      assert.deepEqual(briefs(en, 'Officials shall answer grievances in writing.'), [[23, 33, 'grievances', 'complaints', null, false]]);
    });

    it('without a note, a target cue keeps the explanation it had', () => {
      const en = engineWith([{ term: 'complaint', category: 'complaints' }], {
        context: { after: [{ cue: 'to the police', effect: 'target', category: 'surveillance', categories: ['complaints'], window: 2 }] },
      });
      assert.equal(en.analyze('File a complaint to the police.').matches()[0].ruleDetail, '"to the police" aims "complaint" at the police or security organs: recruited reporting');
    });

    it('lexicon files accept a note on a target cue only', () => {
      const entry = '{ "term": "grievance", "category": "complaints" }';
      const parsed = parseLexicon(lexiconFile(entry, '{ "cue": "locally", "effect": "target", "category": "restrictions", "note": "at keeping it local" }'), 'x.json', known);
      assert.deepEqual(parsed.context?.after, [{ cue: 'locally', effect: 'target', category: 'restrictions', note: 'at keeping it local' }]);
      assert.throws(() => parseLexicon(lexiconFile(entry, '{ "cue": "not", "effect": "negate", "note": "x" }'), 'x.json', known), /x\.json:1:\d+: only a "target" cue has a note, not a "negate" cue/);
    });
  });

  describe('incentives and gatekeeping (built-in lexicons)', () => {
    it('Chinese: a reward for informants or model citizens is control; reporting a firm\'s violations with a reward is both', () => {
      assert.deepEqual(polarities('国家对作出重大贡献的个人和组织给予表彰和奖励。'), ['control']);
      // Since zh 1.7.0 举报 is a topic noun: a reward for a bare report is the reward; a right to report gives it its stance.
      assert.deepEqual(polarities('对查证属实的举报予以奖励。'), ['control']);
      assert.deepEqual(polarities('任何人有权对经营者违反本法规定的行为进行举报，查证属实的，予以奖励。'), ['control', 'engagement']);
    });

    it('Chinese: commendation of contributors to a field of work under the rules on awards names no scheme (zh 1.20.3)', () => {
      assert.deepEqual(polarities('对在供水保障工作中做出突出贡献的单位和个人，按照国家有关规定给予表彰、奖励。'), []);
      assert.deepEqual(polarities('对在防汛工作中成绩显著的单位，由县级人民政府按照有关规定给予表彰和奖励。'), []);
      assert.deepEqual(polarities('本市对在文明行为促进工作中作出突出贡献的单位和个人给予表彰和奖励。'), ['control']);
    });

    it('Chinese: a duty to report or pass material to the police is control; limited civil capacity restricts no one (zh 1.20.4)', () => {
      assert.deepEqual(polarities('发生重大事故的，经营单位应当在二十四小时内向所在地公安机关报告。'), ['control']);
      assert.deepEqual(polarities('服务机构应当向当地公安机关提供有关样本。'), ['control']);
      assert.deepEqual(polarities('接受治疗人员的信息应当及时报公安机关备案。'), ['control']);
      assert.deepEqual(polarities('受害人也可以向公安机关报案。'), ['control']);
      assert.deepEqual(polarities('无民事行为能力人、限制民事行为能力人的合法权益受法律保护。'), ['engagement']);
    });

    it('Chinese: bans on the governed in plain verbs after 不得 are control (zh 1.20.5)', () => {
      assert.deepEqual(polarities('任何单位和个人不得编造有关灾情的虚假信息。'), ['control']);
      assert.deepEqual(polarities('经营单位不得涂改、出租、出借许可证。'), ['control']);
      assert.deepEqual(polarities('其他任何组织或者个人不得设立培训学校。'), ['control']);
    });

    it('Chinese: police and penal powers in plain verbs are control (zh 1.21.4)', () => {
      assert.deepEqual(polarities('人民警察对正在实施的违法行为应当予以制止。'), ['control']);
      assert.deepEqual(polarities('公安机关因侦查犯罪的需要，可以调取有关资料。'), ['control']);
      assert.deepEqual(polarities('遇有暴力抗拒的紧急情况，人民警察可以使用武器。'), ['control']);
      assert.deepEqual(polarities('必要时，公安机关可以实行交通管制。'), ['control']);
      assert.deepEqual(polarities('对被判处拘役的罪犯，由公安机关执行刑罚。'), ['control']);
      assert.deepEqual(polarities('任何机关不得非法逮捕公民。'), ['engagement']);
    });

    it('Chinese: a scope clause of a 规范 names what it covers (zh 1.21.4)', () => {
      assert.deepEqual(polarities('交通警察实施交通管制、查处违法行为，适用本规范。'), []);
    });

    it('English: an award to whistleblowers is control, the report of violations engagement', () => {
      assert.deepEqual(polarities('The Commission shall pay an award to whistleblowers who report violations.'), ['control', 'engagement']);
    });

    it('Chinese: licensing and filing regimes and prior approval are state gatekeeping', () => {
      assert.deepEqual(counted('国家对经营性互联网信息服务实行许可制度。'), ['control/restrictions:许可制度']);
      assert.deepEqual(counted('举行集会，必须向主管机关提出申请并获得许可。'), ['control/restrictions:提出申请', 'control/restrictions:获得许可']);
      assert.deepEqual(counted('从事新闻服务，应当依法经有关主管部门审核同意。'), ['control/restrictions:审核同意']);
    });

    it('English: operating without a licence is restricted', () => {
      assert.deepEqual(counted('No person may operate a broadcasting station without a license.'), ['control/restrictions:without a license']);
    });
  });

  describe('leniency, word edges and reporting violations (lexicons zh 1.6.1)', () => {
    it('Chinese: a bare leniency clause (从轻, 减轻) is neutral; a penalty outside it still counts', () => {
      assert.deepEqual(counted('未成年人违反治安管理的，从轻或者减轻处罚。'), []);
      assert.deepEqual(counted('盲人违反治安管理的，可以从轻、减轻或者不予处罚。'), []);
      assert.deepEqual(counted('情节严重的，处五日以上十日以下拘留。'), ['control/sanctions:拘留']);
    });

    it('English: the same exempt cue kind on a lexicon written for the test', () => {
      const en = engineWith([{ term: 'penalty', category: 'sanctions' }], { context: { before: [{ cue: 'mitigate', effect: 'exempt', window: 2 }] } });
      assert.deepEqual(briefs(en, 'The court may mitigate the penalty.'), [[27, 34, 'penalty', 'sanctions', 'exemption', true]]);
      assert.deepEqual(briefs(en, 'The court may impose a penalty.'), [[23, 30, 'penalty', 'sanctions', null, false]]);
    });

    it('Chinese: a regulator\'s name and a seller\'s true name are word edges, not supervision or real-name checks', () => {
      // no supervision in the regulator's name; the field its remit names is a topic (competence, codebook D4)
      assert.deepEqual(counted('国家市场监督管理总局主管全国投诉举报处理工作。'), []);
      assert.deepEqual(counted('经营者应当标明其真实名称和标记。'), ['engagement/transparency:标明']);
      assert.deepEqual(counted('网信部门依法对互联网信息内容实施监督管理。'), ['control/surveillance:监督管理']);
    });

    it('Chinese: a right to report violations of the statute to the authorities is both; the rights of others an offence harms are no right of the reader', () => {
      assert.deepEqual(polarities('任何个人、组织都有权对违反本法规定的行为向有关主管部门投诉、举报。'), ['control', 'engagement']);
      assert.deepEqual(counted('八）侮辱或者诽谤他人，侵害他人合法权益的；'), []);
    });

    it('Chinese: elections and compensation', () => {
      assert.deepEqual(counted('村民委员会主任由村民直接选举产生。'), ['engagement/participation:直接选举']);
      assert.deepEqual(counted('造成损失的，应当补偿。'), ['engagement/rights:应当补偿']);
    });
  });
});
