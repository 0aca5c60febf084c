// A practice that its clause organises rather than does takes no stance (lexicon zh 1.15.0; docs/validity.md): the subject
// of a principle predicate ("…等活动，应当遵循…的原则" binds the practice to principles, it does not prescribe it), and a practice
// that names a body, its staff, budget or plan (检查人员, 社区矫正机构, 监督检查要点). An `organise` cue marks such a match as
// a topic, for the categories it names; the same practice done to someone still counts.
// The sentences are written for the tests, not taken from the corpus.
import * as assert from 'node:assert/strict';
import { parseLexicon } from '../../src/core/index';
import { briefs, counted, countedAs, engineWith } from './helpers/lexicons';

describe('a practice that its clause organises takes no stance (lexicon zh 1.15.0)', () => {
  const entries = [
    { term: '检查', category: 'surveillance' },
    { term: '投诉', category: 'complaints' },
  ];
  const heads = engineWith(entries, { language: 'zh', context: { after: [{ cue: '人员', effect: 'organise', window: 0, categories: ['surveillance'] }] } });

  it('an organise cue right after a match makes it a topic, explained as an organised practice', () => {
    const text = '检查人员应当出示证件。';
    assert.deepEqual(briefs(heads, text), [[0, 2, '检查', 'surveillance', 'topic', true]]);
    const m = heads.analyze(text).matches()[0];
    assert.match(m.ruleDetail ?? '', /"检查" names a practice that the clause organises/);
  });

  it('only matches of its categories: a complaint body stays engagement, and a practice with no head counts', () => {
    assert.deepEqual(briefs(heads, '投诉人员可以陈述。').map((b) => b[4]), [null]);
    assert.deepEqual(briefs(heads, '市场监管部门依法检查经营场所。').map((b) => b[4]), [null]);
    // window 0: a word between the practice and the head breaks the name
    assert.deepEqual(briefs(heads, '检查相关人员。').map((b) => b[4]), [null]);
  });

  it('an organise after-cue of scope sentence reaches every match of its categories before it in its clause', () => {
    const principle = engineWith(entries, { language: 'zh', context: { after: [{ cue: '应当遵循', effect: 'organise', window: 4, scope: 'sentence', categories: ['surveillance'] }] } });
    const text = '对经营者的检查以及投诉的处理等活动，应当遵循合法、公正的原则。';
    assert.deepEqual(briefs(principle, text).map((b) => [b[2], b[4]]), [['检查', 'topic'], ['投诉', null]]);
    assert.deepEqual(briefs(principle, '监管部门检查经营者：应当遵循合法原则。').map((b) => b[4]), [null]);
  });

  it('a definition still reaches a match that an organise cue of other categories stands after', () => {
    const both = engineWith(entries, { language: 'zh', context: { before: [{ cue: '是指', effect: 'define', scope: 'sentence' }], after: [{ cue: '人员', effect: 'organise', window: 0, categories: ['surveillance'] }] } });
    assert.deepEqual(briefs(both, '本规定所称接待，是指投诉人员的接待。').map((b) => b[4]), ['topic']);
  });

  it('lexicon files accept categories and scope sentence on an organise cue', () => {
    const file = (cue: string): string => `{ "name": "t", "version": "1.0.0", "language": "zh", "categories": [], "entries": [], "context": { "after": [ ${cue} ] } }`;
    const parsed = parseLexicon(file('{ "cue": "应当遵循", "effect": "organise", "scope": "sentence", "categories": ["surveillance"] }'), 'x.json', { knownCategories: ['surveillance'] });
    assert.deepEqual(parsed.context?.after, [{ cue: '应当遵循', effect: 'organise', scope: 'sentence', categories: ['surveillance'] }]);
    assert.throws(() => parseLexicon(file('{ "cue": "机构", "effect": "negate", "categories": ["surveillance"] }'), 'x.json', { knownCategories: ['surveillance'] }), /only a "target", "secret", "organise" or "act" cue names the categories it moves, not a "negate" cue/);
  });

  it('built-in lexicon: principles, bodies, staff and plans of a control practice take no stance', () => {
    assert.deepEqual(countedAs('control', '第三条 社会信用信息的采集、归集和使用等活动，应当遵循合法、必要的原则，不得侵犯个人隐私。'), []);
    assert.deepEqual(countedAs('control', '第三条 监督检查应当遵循属地负责、程序合法、公正公开的原则。'), []);
    assert.deepEqual(counted('检查人员应当出示有效执法证件。'), []);
    assert.deepEqual(counted('省级市场监督管理部门制定本行政区域监督检查要点表。'), []);
    assert.deepEqual(counted('社区矫正机构的设置和撤销，按照规定的权限和程序审批。'), []);
  });

  it('built-in lexicon: a field of work named by a practice (a competence clause) takes no stance', () => {
    assert.deepEqual(countedAs('control', '县级以上地方各级人民政府公安机关负责本行政区域内的治安管理工作。'), []);
    assert.deepEqual(countedAs('control', '国务院有关部门依据各自职责负责算法推荐服务监督管理工作。'), []);
    assert.deepEqual(countedAs('control', '司法所承担社区矫正相关工作。'), []);
  });

  it('built-in lexicon: the practice done to someone still counts, and a duty owed by the person is no principle', () => {
    assert.deepEqual(countedAs('control', '市场监督管理部门应当对食品生产经营者进行监督检查。'), ['control/surveillance:监督检查']);
    assert.deepEqual(countedAs('control', '公安机关可以对其继续盘问。'), ['control/surveillance:盘问']);
    // 应当遵守的 names the rules a person must keep; it binds no practice to principles
    assert.deepEqual(countedAs('control', '告知其在社区矫正期间应当遵守的规定，责令其按时报到。'), ['control/surveillance:社区矫正', 'control/coercion:责令']);
  });

  it('built-in lexicon: the principles a clause names before 的原则 take no stance, of either polarity (zh 1.16.1; codebook D3)', () => {
    assert.deepEqual(counted('第四条 社会信用建设应当坚持政府推动、社会共建、信息共享、奖惩结合的原则。'), []);
    assert.deepEqual(counted('第五条 设定和实施行政许可，应当遵循公开、公平、公正、非歧视的原则。'), []);
    assert.deepEqual(counted('第六条 居民委员会按照便于居民自治的原则设立。'), []);
    // the same words outside a principle's name still count, and 基本原则 of the constitution is no principle clause
    assert.deepEqual(countedAs('engagement', '行政机关应当公开行政许可的条件。'), ['engagement/transparency:公开']);
    assert.deepEqual(countedAs('control', '不得反对宪法所确定的基本原则。').length, 1);
  });

  it('built-in lexicon: engagement practices keep their principles (the cues name control categories only)', () => {
    assert.deepEqual(countedAs('engagement', '第五条 市场监督管理部门处理投诉举报，应当遵循公正、高效的原则。'), ['engagement/complaints:投诉举报']);
  });
});
