// A definition's whole clause says what its term covers (scheme: definitions and scope clauses are neutral), so a define
// cue of scope `sentence` reaches every match after it in its clause, however far (lexicon zh 1.14.0), and a scope clause's
// after-cue every match before it (zh 1.14.1; docs/validity.md); the English define cues too (en 1.16.0).
// The sentences are written for the tests, not taken from the corpus.
import * as assert from 'node:assert/strict';
import { parseLexicon } from '../../src/core/index';
import { briefs, counted, engineWith } from './helpers/lexicons';

describe('definitions reach the end of their clause (lexicon zh 1.14.0)', () => {
  const entries = [{ term: '监督检查', category: 'surveillance' }];
  const define = (scope?: 'sentence') => engineWith(entries, { language: 'zh', context: { before: [{ cue: '是指', effect: 'define', window: 4, ...(scope ? { scope } : {}) }] } });
  const text = '本条例所称督查，是指县级以上人民政府在法定职权范围内组织开展的监督检查。';
  const at = text.indexOf('监督检查');

  it('a define cue of scope sentence makes a match far beyond its window a topic', () => {
    assert.deepEqual(briefs(define('sentence'), text), [[at, at + 4, '监督检查', 'surveillance', 'topic', true]]);
  });

  it('without the scope, the window bounds the cue and the far match counts', () => {
    assert.deepEqual(briefs(define(), text), [[at, at + 4, '监督检查', 'surveillance', null, false]]);
  });

  it('the reach ends with the clause: a match after a colon, or in the next sentence, counts', () => {
    const next = '本条例所称督查，是指上级政府的工作。上级政府依法开展监督检查。';
    const colon = '本条例所称督查，是指下列工作：监督检查';
    assert.deepEqual(briefs(define('sentence'), next).map((b) => b[4]), [null]);
    assert.deepEqual(briefs(define('sentence'), colon).map((b) => b[4]), [null]);
  });

  it('an after-cue of scope sentence (a scope clause) makes every match before it in its clause a topic', () => {
    const scoped = engineWith(entries, { language: 'zh', context: { after: [{ cue: '适用本法', effect: 'define', window: 4, scope: 'sentence' }] } });
    const scope = '对经营者的监督检查以及相关的登记、备案和档案管理等活动，适用本法。';
    assert.deepEqual(briefs(scoped, scope).map((b) => b[4]), ['topic']);
    assert.deepEqual(briefs(scoped, '监督检查应当依法开展：适用本法。').map((b) => b[4]), [null]);
  });

  it('lexicon files accept scope sentence on a define cue only', () => {
    const file = (cue: string): string => `{ "name": "t", "version": "1.0.0", "language": "zh", "categories": [], "entries": [], "context": { "before": [ ${cue} ] } }`;
    const parsed = parseLexicon(file('{ "cue": "是指", "effect": "define", "scope": "sentence" }'), 'x.json');
    assert.deepEqual(parsed.context?.before, [{ cue: '是指', effect: 'define', scope: 'sentence' }]);
    assert.throws(() => parseLexicon(file('{ "cue": "是指", "effect": "negate", "scope": "sentence" }'), 'x.json'), /x\.json:1:\d+: only a "define" or "organise" cue has scope "sentence", not a "negate" cue/);
  });

  it('built-in lexicon: a definition takes no stance however long; the same practice outside one counts', () => {
    assert.deepEqual(counted('第二条 本条例所称政府督查，是指县级以上人民政府在法定职权范围内根据工作需要组织开展的监督检查。'), []);
    assert.deepEqual(counted('本条例所称信息网络，是指由计算机及其相关的和配套的设备构成的，按照一定的规则对信息进行采集、加工、存储的系统。'), []);
    assert.deepEqual(counted('本条例所称服务热线，是指市人民政府设立的受理咨询、投诉和建议的服务平台。'), []);
    assert.deepEqual(counted('第二条 本省行政区域内社会信用信息的记录、采集、归集、共享、披露、查询和使用以及信用环境建设等活动，适用本条例。'), []);
    assert.deepEqual(counted('县级以上人民政府应当对食品生产经营者开展监督检查。'), ['control/surveillance:监督检查']);
  });

  it('built-in lexicon: a purpose clause (为…制定本法) names aims and takes no stance (zh 1.16.0; codebook D3)', () => {
    assert.deepEqual(counted('第一条 为了规范信用信息的归集和使用，加强监督检查，保护公民的合法权益，根据有关法律，结合本省实际，制定本条例。'), []);
    assert.deepEqual(counted('第一条 为了保障公民依法行使集会的权利，维护社会秩序，制定本法。'), []);
    assert.deepEqual(counted('制定本条例。县级以上人民政府应当对经营者开展监督检查。'), ['control/surveillance:监督检查']);
  });

  it('built-in English lexicon: the term, means and has the meaning reach the end of the clause (en 1.16.0)', () => {
    const far = 'the term "routine use" means, with respect to a record kept by an agency about a person who applies for or receives benefits under any program of the State, the disclosure of such record';
    assert.deepEqual(counted(`${far}.`), []);
    assert.deepEqual(counted(`(8) ${far.replace('the term "routine use" means,', 'the term "routine use" has the meaning that,')};`), []);
    assert.deepEqual(counted(`${far}; and the agency shall disclose the record to the person.`), ['engagement/transparency:disclose']);
  });
});
