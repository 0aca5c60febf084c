// Changes of the round "Fresh groups of an eighteenth round" (docs/validity.md), Chinese engagement. The sentences are
// written for the tests, not taken from the corpus.
import * as assert from 'node:assert/strict';
import { countedAs } from './helpers/lexicons';

describe('notification between authorities, Chinese (lexicon zh 1.21.0)', () => {
  it('通报 passed to another authority or named as a system tells no one governed (D7a)', () => {
    assert.deepEqual(countedAs('engagement', '公安机关应当将处理情况通报有关主管部门。'), []);
    assert.deepEqual(countedAs('engagement', '县级以上人民政府应当建立健全突发事件信息的报告、通报制度。'), []);
  });

  it('notification written to the public, and an explanation owed to users, still count', () => {
    assert.ok(countedAs('engagement', '有关部门应当及时向社会通报调查结果。').includes('engagement/transparency:向社会通报'));
    assert.ok(countedAs('engagement', '平台应当向受影响用户作出说明。').includes('engagement/transparency:用户作出说明'));
    // Other disclosure beside it keeps its count.
    assert.ok(countedAs('engagement', '司法行政机关应当将备案情况通报人民法院，并在其网站上公布。').includes('engagement/transparency:公布'));
  });
});

describe("others' rights named beside an order, Chinese (lexicon zh 1.21.1)", () => {
  it('rights named after the order a ban or a penalty keeps are part of a ban on the governed (D41)', () => {
    const text = '任何组织和个人不得利用互联网从事危害国家安全、社会公共利益和公民合法权益的活动。';
    assert.deepEqual(countedAs('engagement', text), []);
    assert.ok(countedAs('control', text).includes('control/restrictions:合法权益'));
  });

  it('rights protected for their own sake still count, and so do those the state security organs must protect', () => {
    assert.ok(countedAs('engagement', '国家保护公民的合法权益不受侵害。').includes('engagement/rights:合法权益'));
    assert.ok(countedAs('engagement', '国家安全机关应当保护举报人的合法权益。').includes('engagement/rights:合法权益'));
  });
});

describe('public notice as a verb, Chinese (lexicon zh 1.21.2)', () => {
  it('公告 with the frame of a duty to announce counts as publication; an electronic bulletin board does not', () => {
    assert.ok(countedAs('engagement', '县级人民政府作出征收决定后应当及时公告。').includes('engagement/transparency:及时公告'));
    assert.ok(countedAs('engagement', '登记管理机关应当注销其登记，并予以公告。').includes('engagement/transparency:予以公告'));
    assert.deepEqual(countedAs('engagement', '拟开办电子公告服务的，应当提出专项申请。'), []);
  });
});

describe('negotiation that failed between bodies, Chinese (lexicon zh 1.21.3)', () => {
  it('协商不成 and 协商不一致 before a matter goes up to a superior body consult no one governed', () => {
    assert.deepEqual(countedAs('engagement', '协商不一致的，报请本级人民政府决定。'), []);
    assert.deepEqual(countedAs('engagement', '协商不成的，可以向上一级主管部门申请协调。'), []);
    // Consultation with the public still counts.
    assert.ok(countedAs('engagement', '起草部门应当与群众代表协商。').includes('engagement/consultation:协商'));
  });
});
