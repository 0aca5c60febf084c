// Who acts on whom, read from the clause (lexicons zh 1.12.x, docs/validity.md): a body named in the object of 对 is
// what a measure is aimed at, the same body as the clause's subject is its actor. The sentences are written for the
// tests, not taken from the corpus.
import * as assert from 'node:assert/strict';
import { parseLexicon } from '../../src/core/index';
import { standsInObject } from '../../src/core/objectPhrase';
import { briefs, counted, engineWith } from './helpers/lexicons';

describe('who acts on whom: bodies in the object of 对 (lexicons zh 1.12.x)', () => {
  describe('standsInObject', () => {
    it('finds a marker that opens the phrase running up to a word', () => {
      const text = '上级机关可以对下级人民政府及其所属部门开展检查。';
      assert.equal(standsInObject(text, text.indexOf('人民政府'), ['对']), true);
      assert.equal(standsInObject(text, text.indexOf('所属部门'), ['对']), true);
    });

    it('a word before the marker is the actor, and a comma ends the phrase', () => {
      const actor = '公安机关对违法嫌疑人进行检查。';
      assert.equal(standsInObject(actor, 0, ['对']), false);
      const comma = '对申请人的申请，行政机关应当审查。';
      assert.equal(standsInObject(comma, comma.indexOf('行政机关'), ['对']), false);
    });

    it('a marker too far back, or no marker at all, makes no object', () => {
      const far = `对${'某'.repeat(30)}行政机关`;
      assert.equal(standsInObject(far, far.indexOf('行政机关'), ['对']), false);
      assert.equal(standsInObject('对行政机关', 1, []), false);
    });
  });

  describe('target cues of scope object', () => {
    const engine = engineWith([{ term: '检查', category: 'surveillance' }], {
      language: 'zh',
      context: { objectMarkers: ['对'], before: [{ cue: '行政机关', effect: 'target', window: 12, scope: 'object', categories: ['surveillance'] }] },
    });

    it('a measure aimed at a body in the object of 对 is accountability (scheme principle 4)', () => {
      assert.deepEqual(briefs(engine, '上级政府对行政机关开展检查。'), [[11, 13, '检查', 'accountability', 'target', false]]);
    });

    it('the same body as the subject acts on the governed: the measure stays control', () => {
      assert.deepEqual(briefs(engine, '行政机关对经营者开展检查。'), [[10, 12, '检查', 'surveillance', null, false]]);
    });

    it('lexicon files accept scope object on a target cue only, and a list of object markers', () => {
      const file = (cue: string): string => `{ "name": "t", "version": "1.0.0", "language": "zh", "categories": [], "entries": [], "context": { "objectMarkers": ["对"], "before": [ ${cue} ] } }`;
      const known = { knownCategories: ['surveillance'] };
      const parsed = parseLexicon(file('{ "cue": "行政机关", "effect": "target", "scope": "object" }'), 'x.json', known);
      assert.deepEqual(parsed.context?.objectMarkers, ['对']);
      assert.deepEqual(parsed.context?.before, [{ cue: '行政机关', effect: 'target', scope: 'object' }]);
      assert.throws(() => parseLexicon(file('{ "cue": "行政机关", "effect": "negate", "scope": "object" }'), 'x.json', known), /x\.json:1:\d+: only a "target" cue has scope "object", not a "negate" cue/);
    });
  });

  describe('built-in lexicon', () => {
    it('supervision of agencies by government is accountability; of the governed by agencies, control', () => {
      assert.deepEqual(counted('县级以上人民政府应当加强对行政机关实施许可的监督检查。'), ['engagement/accountability:监督检查']);
      assert.deepEqual(counted('行政机关应当对被许可人开展监督检查。'), ['control/surveillance:监督检查']);
    });

    it('the police as the object of an inspectorate is accountability; the police acting on residents stays control', () => {
      assert.deepEqual(counted('督察机构对公安机关及其人民警察执法情况开展检查。'), ['engagement/accountability:检查']);
      assert.deepEqual(counted('公安机关对有违法嫌疑的人员可以当场检查。'), ['control/surveillance:检查']);
    });

    it('督察 names a topic: aimed at the police it is accountability, with an act on the governed control, else shown only', () => {
      assert.deepEqual(counted('督察机构可以对公安机关的执法活动进行督察。'), ['engagement/accountability:督察']);
      assert.deepEqual(counted('公安机关对辖区内旅馆开展督察。'), ['control/surveillance:督察']);
      assert.deepEqual(counted('督察工作由专职人员承担。'), []);
    });
  });
});
