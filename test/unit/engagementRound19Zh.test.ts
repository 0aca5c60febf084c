// Changes of the round "Fresh groups of a nineteenth round" (lexicons zh 1.22, docs/validity.md), Chinese engagement.
// The sentences are written for the tests, not taken from the corpus.
import * as assert from 'node:assert/strict';
import { builtinEngine, counted, countedAs } from './helpers/lexicons';

describe('engagement of the nineteenth round, Chinese (lexicons zh 1.22)', () => {
  it('the items of a list of the grounds of a remedy or a protection take it (codebook D45, zh 1.22.1)', () => {
    const remedy = '第三条 行政机关在行使职权时有下列情形之一的，受害人有取得赔偿的权利：\n\n（一）违法拘留公民的；\n\n（二）违法查封财产的。';
    assert.deepEqual(
      counted(remedy).filter((c) => c.startsWith('engagement/rights:一') || c.startsWith('engagement/rights:二')),
      ['engagement/rights:一', 'engagement/rights:二'],
    );
    // The measures the grounds name are what the remedy covers, not control.
    assert.ok(counted(remedy).every((c) => !c.startsWith('control/')), counted(remedy).join(' '));
    const details = builtinEngine().analyze(remedy).matches().map((m) => m.ruleDetail ?? '');
    assert.ok(details.some((d) => d.startsWith('item of a list whose lead-in at line 1 grants a right, a remedy or a protection on the grounds its items state ("救济情形")')), details.join(' | '));
    // A protecting ban whose list names the persons it shields by their circumstances.
    const shield = '第九条 对具有下列情形之一的人员，不得适用继续盘问：\n\n（一）已经排除违法嫌疑的；\n\n（二）患有严重疾病的。';
    assert.ok(counted(shield).includes('engagement/rights:一') && counted(shield).includes('engagement/rights:二'), counted(shield).join(' '));
    // A remedy the lead-in denies grants nothing; its items stay neutral.
    assert.deepEqual(counted('第五条 属于下列情形之一的，国家不承担赔偿责任：\n\n（一）与行使职权无关的个人行为；'), []);
    // A list that only names what a right covers, with no grounds, keeps its items topics.
    assert.deepEqual(counted('第七条 消费者享有下列权利：\n\n（一）商品的价格；').filter((c) => c.includes(':一')), []);
    // Grounds of a decision to publish (transparency) or to end mediation are not grounds of a right.
    assert.deepEqual(counted('第十五条 有下列情形之一的，登记管理机关注销登记，并向社会公告：\n\n（一）组织终止的；').filter((c) => c.includes(':一')), []);
  });

  it('the date an application was accepted is no complaint handled (zh 1.22.2)', () => {
    assert.deepEqual(countedAs('engagement', '登记管理机关应当自受理申请之日起六十日内作出准予登记或者不予登记的决定。'), []);
    assert.deepEqual(countedAs('engagement', '主管部门应当自受理生产许可申请之日起三十个工作日内作出决定。'), []);
    // Accepting the public's complaints still answers them.
    assert.deepEqual(countedAs('engagement', '有关部门应当及时受理群众的投诉。').includes('engagement/complaints:受理'), true);
  });
});
