// A list of prohibitions that binds officials lists acts by their direction, not banned acts of the governed (lexicon
// zh 1.20.0; the codebook's D15: the lead-in "监狱的人民警察不得有下列行为" is neutral and each item is what it forbids
// the official to do to the governed). Such a lead-in hands no ban on and covers its items, as a ban that shields a
// party does. A ban whose own clause binds the governed ("…，被检查单位不得拒绝：") stays a ban, and so does one that
// names an official only as its object or condition. The sentences are written for the tests.
import * as assert from 'node:assert/strict';
import { builtinLexicons, Engine, parseLexicon } from '../../src/core/index';
import { controlByLine, withBanParties } from './helpers/banLists';

describe('a ban list that binds officials lists their acts by direction (lexicon zh 1.20.0)', () => {
  const binding = withBanParties({ officials: ['人民警察', '机关'] });
  const plain = withBanParties({});

  it('an official as the subject of the ban\'s clause: the items are covered, not banned', () => {
    const text = '第十条 看守所的人民警察不得有下列行为：\n（一）殴打在押人员；\n（二）扣押在押人员的财物。';
    assert.deepEqual(controlByLine(binding, text), [false, false, false]);
    assert.deepEqual(controlByLine(plain, text), [true, true, true], 'without officials the lead-in is a ban and its items inherit it');
  });

  it('a ban opening its own clause binds the sentence\'s first subject', () => {
    const text = '第八条 公安机关应当依法执行检查，禁止实施下列行为：\n（一）超时限留置；\n（二）索要财物。';
    assert.deepEqual(controlByLine(binding, text).slice(1), [false, false]);
  });

  it('a ban whose clause binds the governed, or names the official as its object, stays a ban', () => {
    const inspected = '第二十条 公安机关实施检查，有权采取下列措施，被检查单位不得拒绝：\n（一）查阅有关资料；\n（二）询问有关人员。';
    assert.deepEqual(controlByLine(binding, inspected).slice(1), [true, true]);
    const object = '第九条 任何人不得向国家机关提供下列信息：\n（一）虚假的身份信息；\n（二）伪造的证明。';
    assert.deepEqual(controlByLine(binding, object).slice(1), [true, true]);
  });

  it('lexicon files accept officials on lists.ban as a list of words', () => {
    const file = (ban: string): string => `{ "name": "t", "version": "1.0.0", "language": "zh", "categories": [], "entries": [ { "term": "禁止", "neutral": true } ], "context": { "lists": { "ban": ${ban} } } }`;
    const parsed = parseLexicon(file('{ "words": ["不得"], "entry": "禁止", "officials": ["人民警察"] }'), 'x.json');
    assert.deepEqual(parsed.context?.lists?.ban, { words: ['不得'], entry: '禁止', officials: ['人民警察'] });
    assert.throws(() => parseLexicon(file('{ "words": ["不得"], "entry": "禁止", "officials": "人民警察" }'), 'x.json'));
  });

  it('built-in lexicon: a ban on prison officers lists their acts; a ban on what anyone may make stays control', () => {
    const builtin = new Engine(builtinLexicons());
    assert.deepEqual(controlByLine(builtin, '第十条 看守所的人民警察不得有下列行为：\n（一）殴打在押人员；\n（二）扣押在押人员的财物。'), [false, false, false]);
    assert.deepEqual(controlByLine(builtin, '第十四条 任何单位和个人不得非法制造下列设备：\n（一）窃听设备；\n（二）专用软件。'), [true, true, true]);
  });
});
