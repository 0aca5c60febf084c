// Changes of the round on errors on unseen documents (lexicons zh 1.10.x, docs/validity.md "Errors on unseen
// documents"): classes of the retired validation group's errors (zh24-zh27), fixed with vocabulary classes and
// existing mechanisms, each kept only when the rest of the tuning half rose and the fresh group did not fall. The
// sentences are written for the tests, not taken from the corpus.
import * as assert from 'node:assert/strict';
import { counted } from './helpers/lexicons';

describe('errors on unseen documents, Chinese (lexicons zh 1.10.x)', () => {
  it('网格化 and 网格员 name the grid system and its worker: shown, counted only with an act', () => {
    assert.deepEqual(counted('网格应当配置网格员。'), []);
    assert.deepEqual(counted('推进社会治理网格化服务管理。'), []);
    assert.deepEqual(counted('村民委员会协助街道办事处开展网格化服务管理工作。'), ['control/surveillance:网格化']);
    assert.deepEqual(counted('健全网格化管理体系。'), ['control/surveillance:网格化管理']);
  });

  it('a right named as the object of the measure is the measure: 剥夺人身自由 and 限制公民人身自由 are coercion', () => {
    assert.deepEqual(counted('被判处剥夺人身自由的刑罚的，自刑罚执行完毕之日起计算。'), ['control/coercion:剥夺人身自由']);
    assert.deepEqual(counted('违法采取限制公民人身自由的措施。'), ['control/coercion:限制公民人身自由']);
    // After 不得 the same measure is a protection of people.
    assert.deepEqual(counted('不得限制公民人身自由。'), ['engagement/rights:限制公民人身自由']);
  });

  it('word edges and word forms: 协调解决 holds no 调解; 舆论宣传引导 steers opinion', () => {
    assert.deepEqual(counted('协调解决社会信用建设中的重大问题。'), []);
    assert.deepEqual(counted('经公安机关调解，当事人达成协议。'), ['engagement/complaints:调解']);
    assert.deepEqual(counted('新闻媒体应当发挥舆论宣传引导作用。'), ['control/censorship:舆论宣传引导']);
  });

  it('pooling data among government bodies: 政务共享 and 数据共享 are data collection', () => {
    // Querying by the persons concerned is their access to the information (zh 1.19.0): the sentence is both.
    assert.deepEqual(counted('公共信用信息通过政务共享和查询的方式提供。'), ['control/data-collection:政务共享', 'engagement/transparency:查询']);
    assert.deepEqual(counted('有关部门应当将信息系统接入平台，实现数据共享。'), ['control/data-collection:数据共享']);
  });

  it('a clause that delegates the rules (具体办法按照…执行, like 办法由…制定) takes no stance (zh 1.10.1)', () => {
    assert.deepEqual(counted('信用信息归集的具体办法按照省人民政府有关规定执行。'), []);
    assert.deepEqual(counted('信用信息归集办法由省人民政府制定。'), []);
    assert.deepEqual(counted('有关部门应当按照规定归集信用信息。'), ['control/data-collection:归集']);
  });
});
