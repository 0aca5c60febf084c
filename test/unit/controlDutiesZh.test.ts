// Changes of the round "General mechanisms judged on fresh groups" (lexicons zh 1.11.x, docs/validity.md):
// control that had no cue word (approval and registration duties, integrity culture in a credit scheme) and lower
// agencies as the target of a measure, each kept only when the fresh group did not fall. The sentences are written
// for the tests, not taken from the corpus.
import * as assert from 'node:assert/strict';
import { counted } from './helpers/lexicons';

describe('control duties without a cue word, Chinese (lexicons zh 1.11.x)', () => {
  it('批准 names a topic; an approval an activity needs (经…批准) is gated by the state', () => {
    assert.deepEqual(counted('从事爆破作业，必须经过县级公安机关批准。'), ['control/restrictions:批准']);
    assert.deepEqual(counted('设立分支机构应当报经省级主管部门批准。'), ['control/restrictions:批准']);
    // Who signs off on an internal decision says nothing of the governed.
    assert.deepEqual(counted('处理意见报本级行政首长批准后执行。'), []);
  });

  it('经 inside another word gives 批准 no stance: 经营, 经济, 已经', () => {
    assert.deepEqual(counted('经营者在批准的范围内销售。'), []);
    // a duty to keep within the approved scope is a licence limit, counted since zh 1.23.0 (应当, D42)
    assert.deepEqual(counted('经营者应当在批准的范围内销售。'), ['control/restrictions:批准']);
    assert.deepEqual(counted('已经批准的项目继续实施。'), []);
  });

  it('申报 is a declaration the governed must file; 登记 is a topic, counted when someone must see to it (办理)', () => {
    assert.deepEqual(counted('婴儿出生后一个月以内，由户主向户口登记机关申报出生登记。'), ['control/data-collection:申报']);
    assert.deepEqual(counted('分散居住的户口，由登记机关直接办理户口登记。'), ['control/data-collection:登记']);
    assert.deepEqual(counted('登记簿记载的事项具有证明效力。'), []);
    // The lack of a registration as a condition imposes nothing, and after 不得 it is no protection either.
    assert.deepEqual(counted('当事人不得以未经登记为由否认合同效力。'), []);
  });

  it('手续 is a topic, counted when someone must carry the formalities out (办理): a filing under the regime (zh 1.22.3, D26)', () => {
    assert.deepEqual(counted('经营者变更住所的，应当在十日内向登记机关办理变更手续。'), ['control/restrictions:手续']);
    assert.deepEqual(counted('持证人应当每年到公安派出所办理签注手续。'), ['control/restrictions:手续']);
    // formalities named, with no one to carry them out, are a topic
    assert.deepEqual(counted('手续齐全的，当场发给证件。'), []);
  });

  it('a licence is a topic, counted when one must be obtained or applied for (取得, 办理); 许可管理 is a licensing regime (zh 1.22.4, D42)', () => {
    assert.deepEqual(counted('从事危险化学品经营活动，应当依法取得经营许可证。'), ['control/restrictions:许可证']);
    assert.deepEqual(counted('国家对危险化学品经营实行许可管理。'), ['control/restrictions:许可管理']);
    assert.deepEqual(counted('申请人取得消防安全批准文件后，方可开业。'), ['control/restrictions:批准']);
    // a licence named, with no one to obtain it, is a topic
    assert.deepEqual(counted('许可证有效期为五年。'), []);
  });

  it('a duty (应当, 必须) gives an approval or an application its stance: the compulsory regime (zh 1.23.0, D30, D48)', () => {
    assert.deepEqual(counted('经营者变更经营范围的，应当向原发证机关申请变更。'), ['control/restrictions:申请变更']);
    assert.deepEqual(counted('设立分支机构，必须向省级主管部门提出申请。'), ['control/restrictions:提出申请']);
    assert.deepEqual(counted('许可证件损毁的，持证人应当及时申请换领。'), ['control/restrictions:申请换领']);
    assert.deepEqual(counted('举办大型焰火晚会，必须报公安机关批准。'), ['control/restrictions:批准']);
    // the duty names topic nouns of restrictions only: a registration near it still needs its own act cue (办理)
    assert.deepEqual(counted('养殖户应当在三十日内登记其饲养的牲畜。'), []);
    assert.deepEqual(counted('养殖户应当在三十日内办理登记。'), ['control/data-collection:登记']);
    // an application one may make, or one named with no duty before it, is a topic
    assert.deepEqual(counted('申请人可以向原发证机关申请变更。'), []);
    assert.deepEqual(counted('申请变更的材料应当齐全。'), []);
  });

  it('integrity culture in a credit scheme (education, pledges, watching one another) is discipline: scoring', () => {
    assert.deepEqual(counted('各单位应当开展诚信教育，培育诚信文化。'), ['control/scoring:诚信教育', 'control/scoring:诚信文化']);
    assert.deepEqual(counted('鼓励市场主体主动作出信用承诺。'), ['control/scoring:信用承诺']);
    // Integrity of public bodies stays accountability.
    assert.deepEqual(counted('加强政务诚信建设。'), ['engagement/accountability:政务诚信']);
  });

  it('a measure aimed at a lower agency (下级) is accountability (scheme principle 4)', () => {
    assert.deepEqual(counted('下级机关查处不力的，由上级机关直接督办。'), ['engagement/accountability:查处']);
    assert.deepEqual(counted('市场监管部门查处无照经营行为。'), ['control/coercion:查处']);
  });
});
