// Changes of the round "Fresh groups of a fourteenth round" (lexicons zh 1.18.0, docs/validity.md): a principles
// clause (坚持…) and a budget clause (…经费列入…预算) take no stance, a lead-in that binds the governed to a code
// (应当遵守下列…) is a restriction its items inherit, and 监测与预警 is technical. The sentences are written for the
// tests, not taken from the corpus.
import * as assert from 'node:assert/strict';
import { counted } from './helpers/lexicons';

describe('clause frames, Chinese (lexicons zh 1.18.0)', () => {
  it('a field that 坚持 lists principles for names engagement as an aim, not a practice (D3)', () => {
    assert.deepEqual(counted('第三条 本市平安建设坚持党的领导，坚持以人民为中心，实行社会共治。'), []);
    // 应当坚持 reaches back over the field it frames, whatever the field's polarity.
    assert.deepEqual(counted('信息公开工作应当坚持以人民为中心。'), []);
    // Without the frame the same practice counts.
    assert.deepEqual(counted('行政机关应当公开执法结果。'), ['engagement/transparency:公开']);
  });

  it('a budget clause provides for the practice it names and takes no stance (scheme: budgets are neutral)', () => {
    assert.deepEqual(counted('各级人民政府应当将社区矫正经费列入本级政府预算。'), []);
    assert.deepEqual(counted('热线工作所需经费纳入同级财政预算。'), []);
    // Publishing the budget is disclosure, not a budget clause.
    assert.deepEqual(counted('及时准确发布财政预算信息，推进政务公开。'), ['engagement/transparency:政务公开']);
  });

  it('应当遵守下列 binds its subject to a code: the lead-in and its items are a restriction', () => {
    const text = '第十九条 社区戒毒人员应当遵守下列规定：\n\n(一)履行社区戒毒协议；\n\n(二)定期报告本人情况。';
    assert.deepEqual(counted(text), ['control/restrictions:遵守下列', 'control/restrictions:一', 'control/restrictions:二']);
    // 遵守 alone binds no one to a list: a principle to follow stays a frame.
    assert.deepEqual(counted('第三条 调查工作应当遵守法律法规。'), []);
  });

  it('监测与预警 of events is technical monitoring, as 监测预警 is; 监测 of people still counts', () => {
    assert.deepEqual(counted('县级以上地方人民政府应当建立和完善突发事件监测与预警系统。'), []);
    assert.ok(counted('公安机关对重点人员进行监测。').includes('control/surveillance:监测'));
  });

  it('a ban on discriminating against people protects them (zh 1.18.1)', () => {
    assert.deepEqual(counted('戒毒人员在入学、就业等方面不受歧视。'), ['engagement/rights:不受歧视']);
    assert.deepEqual(counted('行政机关不得歧视任何申请人。'), ['engagement/rights:不得歧视']);
  });
});
