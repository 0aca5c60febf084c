// A list of prohibitions that names the party it shields lists protections, not banned acts (lexicon zh 1.19.0; the
// scheme: protection applies when the prohibited act is aimed at the protected party; the codebook's D23): under
// "经营者向消费者提供…信息…不得有下列…行为：" the items are what the consumers are shielded from, and an item of a plain ban
// that names the shielded party ("未经消费者同意，收集…") is a protection too. The party as the ban's own subject
// ("…和上网消费者不得利用…") is bound by it: that list stays a ban. The sentences are written for the tests.
import * as assert from 'node:assert/strict';
import { builtinLexicons, Engine, parseLexicon } from '../../src/core/index';
import { controlByLine, withBanParties } from './helpers/banLists';

describe('a ban list that names the party it shields lists protections (lexicon zh 1.19.0)', () => {
  const shielding = withBanParties({ shields: ['消费者', '未成年人'] });
  const plain = withBanParties({});

  it('a lead-in that names the shielded party: its items are covered, not banned', () => {
    const text = '第六条 经营者向消费者提供商品信息，不得有下列行为：\n（一）作虚假的现场演示；\n（二）虚构交易。';
    assert.deepEqual(controlByLine(shielding, text), [false, false, false]);
    const item = shielding.analyze(text).matches().find((m) => m.text === '一');
    assert.equal(item?.rule ?? null, null, 'an item covered by a protection gets no inherited ban');
    assert.deepEqual(controlByLine(plain, text), [true, true, true], 'without shields the lead-in is a ban and its items inherit it');
  });

  it('an item of a plain ban that names the shielded party is covered; its siblings keep the ban', () => {
    const text = '第五条 经营者不得有下列行为：\n（一）销售变质的商品；\n（二）未经消费者同意，收集消费者个人信息。';
    assert.deepEqual(controlByLine(shielding, text), [true, true, false]);
  });

  it('the shielded party as the ban\'s own subject is bound by it: the list stays a ban', () => {
    const text = '第十四条 经营单位和上网消费者不得利用营业场所传播含有下列内容的信息：\n（一）危害国家安全的；\n（二）宣扬邪教的。';
    assert.deepEqual(controlByLine(shielding, text).slice(1), [true, true]);
  });

  it('lexicon files accept shields on lists.ban as a list of words', () => {
    const file = (ban: string): string => `{ "name": "t", "version": "1.0.0", "language": "zh", "categories": [], "entries": [ { "term": "禁止", "neutral": true } ], "context": { "lists": { "ban": ${ban} } } }`;
    const parsed = parseLexicon(file('{ "words": ["不得"], "entry": "禁止", "shields": ["消费者"] }'), 'x.json');
    assert.deepEqual(parsed.context?.lists?.ban, { words: ['不得'], entry: '禁止', shields: ['消费者'] });
    assert.throws(() => parseLexicon(file('{ "words": ["不得"], "entry": "禁止", "shields": "消费者" }'), 'x.json'));
  });

  it('built-in lexicon: a ban shielding consumers lists protections; a ban on what anyone may make stays control', () => {
    const builtin = new Engine(builtinLexicons());
    assert.deepEqual(controlByLine(builtin, '第六条 经营者向消费者提供商品信息，不得有下列行为：\n（一）作虚假的现场演示；\n（二）虚构交易。'), [false, false, false]);
    assert.deepEqual(controlByLine(builtin, '第十四条 任何单位和个人不得非法制造下列设备：\n（一）窃听设备；\n（二）专用软件。'), [true, true, true]);
  });
});
