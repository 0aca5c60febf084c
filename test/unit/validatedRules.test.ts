// Rules added with lexicons zh 1.7.x, each kept only when it did not lower a validation group of documents held back
// inside the tuning half (docs/validity.md): a report is a topic noun that names a channel and takes its stance from
// what is reported or to whom, and a ban on obstructing people (不得干预, 不得妨碍) protects them. English tests use
// lexicons written for them, so that each rule is tested apart from the tuning of the built-in lexicons.
import * as assert from 'node:assert/strict';
import { briefs, counted, engineWith } from './helpers/lexicons';

describe('rule mechanisms validated on held-back documents (lexicons zh 1.7.x)', () => {
  describe('a report is a topic noun', () => {
    it('Chinese: 举报 names a report; a complaint channel, a reward or reporting to the police gives the sentence its stance', () => {
      assert.deepEqual(counted('二）举报事项事先未被有关机关掌握；'), []);
      assert.deepEqual(counted('公民、法人或者其他组织可以向有关部门投诉、举报。'), ['engagement/complaints:投诉']);
      assert.deepEqual(counted('社会公众有权对违反本法规定的行为进行举报。'), ['control/surveillance:违反本法规定的行为', 'engagement/complaints:举报']);
      // Since zh 1.9.1 a right held by the governed (公民有权) is an entry of its own: it claims 有权, and the report it names stays a topic.
      assert.deepEqual(counted('公民有权对违反本法规定的行为进行举报。'), ['engagement/rights:公民有权', 'control/surveillance:违反本法规定的行为']);
      assert.deepEqual(counted('发现可疑情况的，应当及时向公安机关举报。'), ['control/surveillance:向公安机关举报']);
    });

    it('English: the same topic kind on a lexicon written for the test', () => {
      const en = engineWith([{ term: 'tip', category: 'complaints', topic: true }], { context: { before: [{ cue: 'submit', effect: 'act' }] } });
      assert.deepEqual(briefs(en, 'The tip was not known to the agency.'), [[4, 7, 'tip', 'complaints', 'topic', true]]);
      assert.deepEqual(briefs(en, 'Any person may submit a tip.'), [[24, 27, 'tip', 'complaints', null, false]]);
    });
  });

  describe('a ban on obstructing people protects them', () => {
    it('Chinese: 不得干预 and 不得妨碍 protect what they govern, where a bare 不得 would negate it', () => {
      assert.deepEqual(counted('乡镇人民政府不得干预依法属于村民自治范围内的事项。'), ['engagement/rights:不得干预', 'engagement/participation:村民自治']);
      assert.deepEqual(counted('任何组织不得妨碍村民依法行使选举权。'), ['engagement/rights:不得妨碍', 'engagement/participation:选举权']);
      assert.deepEqual(counted('对检举人，任何个人和组织不得打击报复。'), ['engagement/rights:不得打击报复']);
    });

    it('English: a ban written with its verb as an entry, on a lexicon written for the test', () => {
      const en = engineWith(
        [
          { term: 'shall not interfere with', category: 'rights' },
          { term: 'self-government', category: 'participation' },
        ],
        { context: { before: [{ cue: 'not', effect: 'negate' }] } },
      );
      assert.deepEqual(
        briefs(en, 'The county shall not interfere with village self-government.').map((b) => b.slice(2)),
        [
          ['shall not interfere with', 'rights', null, false],
          ['self-government', 'participation', null, false],
        ],
      );
    });
  });

  describe('permits refused and notice in writing (zh 1.7.1)', () => {
    it('Chinese: refusing a permit is gatekeeping; a written notice with reasons informs the applicant', () => {
      assert.deepEqual(counted('申请举行的集会，有下列情形之一的，不予许可'), ['control/restrictions:不予许可']);
      assert.deepEqual(counted('主管机关应当将决定书面通知其负责人。'), ['engagement/transparency:书面通知']);
      assert.deepEqual(counted('不予批准的，应当通知申请人并说明理由。'), ['control/restrictions:不予批准', 'engagement/transparency:通知申请人', 'engagement/transparency:说明理由']);
    });

    it('English: the same notice to the person, built in', () => {
      assert.deepEqual(counted('The agency shall notify the person of the denial.').filter((c) => c.startsWith('engagement')), ['engagement/transparency:notify the person']);
    });
  });

  describe('a surveillance system named is a topic; installing or building it is the act (zh 1.7.2)', () => {
    it('Chinese: 公共安全视频, 视频图像 and 图像采集 count only with an act such as 安装 or 建设', () => {
      assert.deepEqual(counted('第十二条 公共安全视频系统采用的产品、服务应当符合国家标准的强制性要求。'), []);
      assert.deepEqual(counted('管理单位应当确保视频图像信息的原始完整。'), []);
      assert.deepEqual(counted('由县级以上地方人民政府组织有关部门建设公共安全视频系统。'), ['control/surveillance:公共安全视频']);
      assert.deepEqual(counted('在公共场所安装图像采集设备，应当为维护公共安全所必需。'), ['control/data-collection:图像采集']);
    });

    it('English: the same topic kind with an act cue, on a lexicon written for the test', () => {
      const en = engineWith([{ term: 'camera system', category: 'surveillance', topic: true }], { context: { before: [{ cue: 'install', effect: 'act' }] } });
      assert.deepEqual(briefs(en, 'The camera system meets the standard.'), [[4, 17, 'camera system', 'surveillance', 'topic', true]]);
      assert.deepEqual(briefs(en, 'The city may install a camera system.'), [[23, 36, 'camera system', 'surveillance', null, false]]);
    });
  });
});

describe('denying review, and the right to be represented (lexicons en 1.11.1)', () => {
  it('English: a clause that bars review of a measure denies a remedy, control; "judicial review" alone stays a right', () => {
    assert.deepEqual(counted('Action of the Administrator shall not be subject to judicial review.'), ['control/coercion:shall not be subject to judicial review']);
    assert.deepEqual(counted('Such determination shall not be reviewable.'), ['control/coercion:shall not be reviewable']);
    assert.deepEqual(counted('Any person may seek judicial review of the order.'), ['engagement/rights:judicial review']);
  });

  it('English: a right to be represented is a right of procedure; a report that someone was represented is not', () => {
    assert.ok(counted('The employee shall have the right to be represented by an attorney.').includes('engagement/rights:to be represented by an attorney'));
    assert.deepEqual(counted('The defendant was represented by counsel.'), []);
  });
});

describe('exclusion lists and notice to the governed (lexicons en 1.14.0)', () => {
  it('English: a colon lead-in that excludes people from a program is a ban (en 1.18: and counts itself, D2); the bodies of its headed items inherit it', () => {
    const text =
      'The Secretary shall exclude the following individuals and entities from participation in any Federal health care program:\n\n(1) Conviction of program-related crimes\n\nAny individual or entity that has been convicted of a criminal offense.\n\n(b) Permissive exclusion\n\nThe Secretary may waive the exclusion.';
    const items = counted(text).filter((c) => c.startsWith('control/sanctions:'));
    assert.deepEqual(items, ['control/sanctions:exclude', 'control/sanctions:Any']);
  });

  it('English: a duty to notify or inform the person concerned is transparency; notifying an agency is not', () => {
    assert.deepEqual(counted('Each servicer shall notify the borrower in writing of any transfer of the servicing.'), ['engagement/transparency:notify the borrower']);
    assert.deepEqual(counted('The agency shall inform the applicant of its decision.'), ['engagement/transparency:inform the applicant']);
    assert.deepEqual(counted('The Director shall notify the agency involved of the decision.'), []);
  });
});
