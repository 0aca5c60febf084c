// A competence clause allocates a field of work and takes no stance (lexicon zh 1.17.0; the codebook's D4): "负责本行政区域内的
// 投诉举报处理工作" names which office handles complaints, it answers no one. An `organise` cue with head nouns (负责 … 工作)
// organises a practice only when the practice is that field: the cue and the practice in one phrase with no object marker
// (对) between, and a head noun after the practice. Supervision aimed at named firms still counts (负责对…的监督管理).
// The sentences are written for the tests, not taken from the corpus.
import * as assert from 'node:assert/strict';
import { parseLexicon } from '../../src/core/index';
import { namesField } from '../../src/core/competenceField';
import { briefs, countedAs, engineWith } from './helpers/lexicons';

describe('a competence clause allocates a field and takes no stance (lexicon zh 1.17.0)', () => {
  const entries = [
    { term: '检查', category: 'surveillance' },
    { term: '投诉', category: 'complaints' },
  ];
  const remit = engineWith(entries, { language: 'zh', context: { objectMarkers: ['对'], before: [{ cue: '负责', effect: 'organise', scope: 'sentence', heads: ['工作', '职责'] }] } });

  it('a practice between the remit word and a head noun is a topic, of either polarity', () => {
    assert.deepEqual(briefs(remit, '市场监管部门负责本市投诉处理工作。').map((b) => [b[2], b[4]]), [['投诉', 'topic']]);
    assert.deepEqual(briefs(remit, '区公安分局负责辖区内的检查职责。').map((b) => [b[2], b[4]]), [['检查', 'topic']]);
  });

  it('the practice still counts with no head after it, after an object marker, or in another phrase', () => {
    assert.deepEqual(briefs(remit, '市场监管部门负责检查经营场所。').map((b) => b[4]), [null]);
    assert.deepEqual(briefs(remit, '公安机关负责对经营单位的检查工作。').map((b) => b[4]), [null]);
    assert.deepEqual(briefs(remit, '办公室负责协调，建立投诉工作制度。').map((b) => b[4]), [null]);
  });

  it('a cue with head nouns shadows no nearer cue of its group (a principle after the practice still organises it)', () => {
    const both = engineWith(entries, { language: 'zh', context: { before: [{ cue: '负责', effect: 'organise', scope: 'sentence', heads: ['工作'] }], after: [{ cue: '的原则', effect: 'organise', window: 4 }] } });
    assert.deepEqual(briefs(both, '坚持政府负责、投诉的原则。').map((b) => b[4]), ['topic']);
  });

  it('namesField reads the phrase: the head within reach, no phrase end or marker between the cue and the practice', () => {
    const text = '负责全市投诉处理工作';
    assert.equal(namesField(text, 2, 4, 6, ['工作'], ['对']), true);
    assert.equal(namesField('负责对投诉处理工作', 2, 3, 5, ['工作'], ['对']), false);
    assert.equal(namesField('负责，投诉处理工作', 2, 3, 5, ['工作'], ['对']), false);
    assert.equal(namesField('负责投诉，处理工作', 2, 2, 4, ['工作'], ['对']), false);
  });

  it('a mark that ends a phrase is a head when the practice is the last word of the remit\'s object (lexicon zh 1.22.0)', () => {
    const ending = engineWith(entries, { language: 'zh', context: { objectMarkers: ['对'], before: [{ cue: '负责', effect: 'organise', scope: 'sentence', heads: ['工作', '。', '；'] }, { cue: '负责的', effect: 'none' }] } });
    assert.deepEqual(briefs(ending, '区公安分局负责本辖区内违法行为的检查。').map((b) => b[4]), ['topic']);
    assert.deepEqual(briefs(ending, '区公安分局负责本辖区内的检查；').map((b) => b[4]), ['topic']);
    // a verb with its object after it, a mark the cue does not name, an object marker, a remit word inside a relative clause
    assert.deepEqual(briefs(ending, '区公安分局负责检查经营场所。').map((b) => b[4]), [null]);
    assert.deepEqual(briefs(ending, '区公安分局负责本辖区内的检查，并公布结果。').map((b) => b[4]), [null]);
    assert.deepEqual(briefs(ending, '区公安分局负责对经营单位的检查。').map((b) => b[4]), [null]);
    assert.deepEqual(briefs(ending, '由直接负责的人员进行检查。').map((b) => b[4]), [null]);
    assert.equal(namesField('负责全市检查。', 2, 4, 6, ['。'], ['对']), true);
    assert.equal(namesField('负责全市检查。', 2, 4, 6, ['工作'], ['对']), false);
    assert.equal(namesField('负责全市检查场所。', 2, 4, 6, ['。'], ['对']), false);
  });

  it('lexicon files accept heads on an organise cue only', () => {
    const file = (cue: string): string => `{ "name": "t", "version": "1.0.0", "language": "zh", "categories": [], "entries": [], "context": { "before": [ ${cue} ] } }`;
    const parsed = parseLexicon(file('{ "cue": "负责", "effect": "organise", "scope": "sentence", "heads": ["工作"] }'), 'x.json');
    assert.deepEqual(parsed.context?.before, [{ cue: '负责', effect: 'organise', scope: 'sentence', heads: ['工作'] }]);
    assert.throws(() => parseLexicon(file('{ "cue": "负责", "effect": "act", "heads": ["工作"] }'), 'x.json'), /only an "organise" cue names head nouns, not a "act" cue/);
  });

  it('built-in lexicon: the field a competence clause allocates takes no stance; supervision of named firms counts', () => {
    assert.deepEqual(countedAs('engagement', '县级以上地方人民政府民政部门负责本行政区域内的信访事项转送工作。'), []);
    assert.deepEqual(countedAs('control', '省公安厅负责全省视频监控系统的建设和管理工作。'), []);
    assert.deepEqual(countedAs('control', '各有关部门在各自职责范围内承担数据安全监管职责。'), []);
    assert.deepEqual(countedAs('control', '文化部门负责对网吧经营单位的监督检查。'), ['control/surveillance:监督检查']);
    // the remit's object ending on the practice (zh 1.22.0): which office sanctions, not a sanction
    assert.deepEqual(countedAs('control', '区城管执法部门负责本辖区内违法行为的查处。'), []);
    assert.deepEqual(countedAs('control', '区公安部门负责本辖区内的养犬管理以及相关处罚。'), []);
    assert.deepEqual(countedAs('control', '区城管执法部门负责查处本辖区内的违法行为。'), ['control/coercion:查处']);
    // 负责的 and 负责执行的 qualify a person or a court: no remit
    assert.deepEqual(countedAs('control', '对单位直接负责的主管人员依法处罚。'), ['control/sanctions:处罚']);
    assert.deepEqual(countedAs('engagement', '当事人可以向负责执行的人民法院提出书面异议。'), ['engagement/rights:书面异议']);
    // 负责人 is a person, not a remit
    assert.deepEqual(countedAs('engagement', '单位主要负责人为投诉处理工作第一责任人。').length, 1);
  });
});
