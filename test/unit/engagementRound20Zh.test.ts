// Changes of the round "Fresh groups of a twentieth round" (lexicons zh 1.23, docs/validity.md), Chinese engagement.
// The sentences are written for the tests, not taken from the corpus.
import * as assert from 'node:assert/strict';
import { builtinLexicons, Engine, LexiconSource, parseLexicon } from '../../src/core/index';
import { builtinEngine, counted } from './helpers/lexicons';

/** The counted annotations of the item lines (those opening with "（"), as "polarity/category:text". */
function items(engine: Engine, text: string): string[] {
  const lines = text.split('\n');
  const starts = lines.map((_, i) => lines.slice(0, i).reduce((n, l) => n + l.length + 1, 0));
  const itemLines = lines.map((l, i) => [l, starts[i]] as const).filter(([l]) => l.startsWith('（'));
  return engine
    .analyze(text)
    .matches()
    .filter((m) => !m.negated && itemLines.some(([l, s]) => m.start >= s && m.start < s + l.length))
    .map((m) => `${m.polarity}/${m.category}:${m.text}`);
}

describe('engagement of the twentieth round, Chinese (lexicons zh 1.23)', () => {
  describe('the items of a ban list that binds officials are protections of the governed (codebook D15a, zh 1.23.1)', () => {
    const prison = '第十条 看守所的人民警察不得有下列行为：\n（一）殴打在押人员；\n（二）侮辱在押人员的人格；\n（三）其他违法行为。';

    it('each item counts as the officials entry; a catch-all that names no act gets none (D15c)', () => {
      assert.deepEqual(items(builtinEngine(), prison), ['engagement/rights:一', 'engagement/rights:二']);
      // The lead-in forbids nothing of its own (D15b): it counts no match.
      assert.deepEqual(counted('第十条 看守所的人民警察不得有下列行为：'), []);
      const details = builtinEngine().analyze(prison).matches().map((m) => m.ruleDetail ?? '');
      assert.ok(details.some((d) => d.startsWith('item of a ban list that binds officials at line 1: it forbids them an act on the governed, which it shields ("公职禁止行为")')), details.join(' | '));
    });

    it('a ban opening its own clause binds the sentence\'s first subject; a catch-all that names an act still counts', () => {
      const text = '第八条 公安机关应当依法适用继续盘问，禁止实施下列行为：\n（一）超时限继续盘问；\n（二）其他侵犯当事人合法权益的行为。';
      const got = items(builtinEngine(), text);
      assert.ok(got.includes('engagement/rights:一') && got.includes('engagement/rights:二'), got.join(' '));
      assert.ok(got.every((c) => !c.startsWith('control/')), got.join(' '));
    });

    it('a ban on the governed, a ban that shields a party and a ban that grants on grounds keep their own readings', () => {
      assert.ok(items(builtinEngine(), '第十四条 任何单位和个人不得非法制造下列设备：\n（一）窃听设备；').includes('control/restrictions:一'));
      assert.ok(items(builtinEngine(), '第二十条 公安机关实施检查，有权采取下列措施，被检查单位不得拒绝：\n（一）查阅有关资料；').every((c) => c.startsWith('control/')));
      assert.deepEqual(items(builtinEngine(), '第六条 经营者向消费者提供商品信息，不得有下列行为：\n（一）作虚假的现场演示；'), []);
      assert.deepEqual(items(builtinEngine(), '第九条 对具有下列情形之一的人员，不得适用继续盘问：\n（一）患有严重疾病的；'), ['engagement/rights:一']);
      const details = builtinEngine().analyze('第九条 对具有下列情形之一的人员，不得适用继续盘问：\n（一）患有严重疾病的；').matches().map((m) => m.ruleDetail ?? '');
      assert.ok(details.some((d) => d.includes('("救济情形")')), details.join(' | '));
    });

    it('without officialsEntry the items are covered only, as in zh 1.20.0', () => {
      const plain = new Engine(
        builtinLexicons().map((l): LexiconSource => {
          const ban = l.context?.lists?.ban;
          if (l.language !== 'zh' || ban === undefined) return l;
          return { ...l, context: { ...l.context, lists: { ...l.context?.lists, ban: { words: ban.words, entry: ban.entry, shields: ban.shields, officials: ban.officials } } } };
        }),
      );
      assert.deepEqual(items(plain, prison), []);
    });

    it('lexicon files accept officialsEntry on lists.ban as a term of the lexicon with a category', () => {
      const file = (ban: string): string =>
        `{ "name": "t", "version": "1.0.0", "language": "zh", "categories": [ { "id": "rights", "label": "Rights", "labelZh": "权利", "polarity": "engagement", "description": "rights" } ], "entries": [ { "term": "禁止", "category": "rights" }, { "term": "公职禁止行为", "category": "rights" } ], "context": { "lists": { "ban": ${ban} } } }`;
      const parsed = parseLexicon(file('{ "words": ["不得"], "entry": "禁止", "officials": ["人民警察"], "officialsEntry": "公职禁止行为" }'), 'x.json');
      assert.equal(parsed.context?.lists?.ban?.officialsEntry, '公职禁止行为');
      assert.throws(() => parseLexicon(file('{ "words": ["不得"], "entry": "禁止", "officialsEntry": 3 }'), 'x.json'));
      assert.throws(() => new Engine([parseLexicon(file('{ "words": ["不得"], "entry": "禁止", "officials": ["人民警察"], "officialsEntry": "无此条目" }'), 'x.json')]));
    });
  });

  it('bare acceptance of supervision names no supervisor: exhortation (codebook D14a, zh 1.23.2)', () => {
    assert.deepEqual(counted('督察人员在督察工作中，必须实事求是，严格依法办事，接受监督。'), []);
    assert.ok(counted('村民委员会应当办事公道，接受村民监督。').includes('engagement/accountability:接受村民监督') || counted('村民委员会应当办事公道，接受社会监督。').includes('engagement/accountability:接受社会监督'));
    assert.ok(counted('排污单位应当主动公开自动监测数据，接受社会监督。').includes('engagement/accountability:接受社会监督'));
  });
});
