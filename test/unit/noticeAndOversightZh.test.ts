// Changes of the round "Fresh groups of a fifteenth round" (lexicons zh 1.19.1 and 1.19.2, docs/validity.md), Chinese engagement:
// a notice served on the person a measure concerns, supervision aimed at authorities, a query service for the governed,
// an explanation to the persons concerned, and steering how the public raises its demands. The sentences are written
// for the tests, not taken from the corpus.
import * as assert from 'node:assert/strict';
import { builtinEngine, counted, countedAs } from './helpers/lexicons';

describe('notice, oversight and access, Chinese (lexicons zh 1.19.1)', () => {
  it('a decision served on, or a notice to, the person a measure concerns is engagement (D6, D9)', () => {
    assert.deepEqual(countedAs('engagement', '派出所应当制作决定书，送达被检查人。'), ['engagement/transparency:送达被']);
    assert.deepEqual(countedAs('engagement', '决定书应当送达本人。'), ['engagement/transparency:送达本人']);
    assert.deepEqual(countedAs('engagement', '变更时间的，应当及时通知其负责人。'), ['engagement/transparency:通知其']);
    // A notice to other bodies passes information between authorities (D7a).
    assert.deepEqual(countedAs('engagement', '应当及时通知其他有关部门。'), []);
  });

  it('supervision is a topic noun: aimed at authorities it is accountability, alone it takes no stance', () => {
    assert.deepEqual(counted('上级人民政府应当加强对下级人民政府征地工作的监督。'), ['engagement/accountability:监督']);
    assert.deepEqual(counted('本办法所涉事项由有关部门监督。'), []);
    // Supervision of firms is written as an entry of its own and stays control.
    assert.ok(counted('市场监督管理部门依法对经营者实施监督检查。').includes('control/surveillance:监督检查'));
  });

  it('a query service for the governed is access to information', () => {
    assert.deepEqual(countedAs('engagement', '行政机关应当通过互联网提供办理进度查询服务。'), ['engagement/transparency:查询']);
  });

  it('explaining to the persons concerned informs them; a clause on who interprets a text does not', () => {
    assert.deepEqual(countedAs('engagement', '对当事人有疑问的，执法人员应当耐心解释。'), ['engagement/transparency:解释']);
    assert.deepEqual(counted('本办法由市人民政府负责解释。'), []);
    assert.deepEqual(counted('法律、司法解释另有规定的除外。'), []);
  });

  it('steering how the public raises its demands is control dressed as engagement', () => {
    assert.deepEqual(counted('有关单位应当引导公众以理性方式表达利益诉求。'), ['control/restrictions:诉求']);
    // Without the steering, a channel for the public's demands is engagement.
    assert.ok(countedAs('engagement', '有关部门应当畅通群众诉求表达渠道。').length > 0);
  });

  it('the items of a list of the means of supervising authorities are accountability; their measures are aimed at those supervised (zh 1.19.2)', () => {
    const text = '第十二条 政府督查可以采取以下方式：\n\n（一）开展检查、访谈；\n\n（二）调阅有关资料。';
    assert.deepEqual(counted(text), ['engagement/accountability:一', 'engagement/accountability:二']);
    const details = builtinEngine().analyze(text).matches().map((m) => m.ruleDetail ?? '');
    assert.ok(details.some((d) => d.startsWith('item of a list whose lead-in at line 1 lists the means of supervising authorities')), details.join(' | '));
    assert.ok(details.some((d) => d.includes('"检查" is aimed at the authorities supervised')), details.join(' | '));
    // Supervision of firms by inspection is a measure on the governed: its list is control, as before.
    const firms = '第二十五条 市场监督管理部门实施监督检查，有权采取下列措施：\n\n（一）进入生产经营场所实施现场检查；';
    assert.ok(counted(firms).every((c) => c.startsWith('control/')));
    // A list of what supervision covers names topics, not means.
    assert.deepEqual(counted('第四条 政府督查内容包括：\n\n（一）政策落实情况；'), []);
  });
});
