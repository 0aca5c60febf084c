// The reviewed relabels of the corpus (test/corpus/labels/relabels.tsv): a row is applied only where the label file
// still holds its old labels and its text; the real rows are all applied; the candidate patterns find the classes
// of the codebook's decisions.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { candidates, CANDIDATE_CLASSES } from '../devset/relabelCandidates';
import { applyRelabels, LABEL_SETS, parseRelabels } from '../devset/relabels';

const ROOT = path.resolve(__dirname, '../../..');
const TOOL = path.join(ROOT, 'out/tools/relabel.js');
const HEADER = 'half\tdoc\tsentence\told control\told engagement\tnew control\tnew engagement\tdecision\treason\ttext';
const LABELS = ['doc\tsentence\tcontrol\tengagement\ttext', 'zh99-x\t0\t0\t0\t第一章 总则', 'zh99-x\t1\t1\t1\t第一条 为了规范管理，保障权益，制定本条例。', 'zh99-x\t2\t1\t0\t第二条 公安机关负责治安管理工作。', ''].join('\n');

const row = (cells: string): string => cells.replace(/ \| /g, '\t');
const relabelFile = (...rows: string[]): string => [HEADER, ...rows.map(row), ''].join('\n');
const PURPOSE = 'tuning | zh99-x | 1 | 1 | 1 | 0 | 0 | D3 | purpose clause | 第一条 为了规范管理，保障权益，制定本条例。';

describe('relabels', () => {
  it('applies a row where the file holds the old labels and the text, and leaves every other byte as it was', () => {
    const relabels = parseRelabels(relabelFile(PURPOSE), 'r.tsv');
    const applied = applyRelabels(LABELS, LABEL_SETS.tuning, relabels, 'r.tsv');
    assert.equal(applied.changed.length, 1);
    assert.equal(applied.text, LABELS.replace('zh99-x\t1\t1\t1\t', 'zh99-x\t1\t0\t0\t'));
  });

  it('counts a row the file already holds as applied, so that applying twice changes nothing', () => {
    const relabels = parseRelabels(relabelFile(PURPOSE), 'r.tsv');
    const once = applyRelabels(LABELS, LABEL_SETS.tuning, relabels, 'r.tsv');
    const twice = applyRelabels(once.text, LABEL_SETS.tuning, relabels, 'r.tsv');
    assert.equal(twice.text, once.text);
    assert.deepEqual([twice.changed.length, twice.already.length], [0, 1]);
  });

  it('refuses a row whose old labels the file does not hold', () => {
    const relabels = parseRelabels(relabelFile('tuning | zh99-x | 2 | 0 | 1 | 0 | 0 | D4 | competence | 第二条 公安机关负责治安管理工作。'), 'r.tsv');
    assert.throws(() => applyRelabels(LABELS, LABEL_SETS.tuning, relabels, 'r.tsv'), /r\.tsv:2: .*holds 10, not the old labels 01/);
  });

  it('refuses a row whose text differs from the file, or whose sentence the file lacks', () => {
    const wrongText = parseRelabels(relabelFile('tuning | zh99-x | 2 | 1 | 0 | 0 | 0 | D4 | competence | 第二条 公安机关负责户口登记工作。'), 'r.tsv');
    assert.throws(() => applyRelabels(LABELS, LABEL_SETS.tuning, wrongText, 'r.tsv'), /r\.tsv:2: the text differs from .*:4/);
    const missing = parseRelabels(relabelFile('tuning | zh99-x | 7 | 1 | 0 | 0 | 0 | D4 | competence | 第二条 公安机关负责治安管理工作。'), 'r.tsv');
    assert.throws(() => applyRelabels(LABELS, LABEL_SETS.tuning, missing, 'r.tsv'), /has no sentence 7 of zh99-x/);
  });

  it('refuses malformed rows, rows that change nothing, and a sentence relabelled twice', () => {
    assert.throws(() => parseRelabels(relabelFile('holdout | zh99-x | 1 | 1 | 1 | 0 | 0 | D3 | purpose | t'), 'r.tsv'), /r\.tsv:2: expected/);
    assert.throws(() => parseRelabels(relabelFile('tuning | zh99-x | 1 | 1 | 1 | 0 | 0 | because | purpose | t'), 'r.tsv'), /r\.tsv:2: expected/);
    assert.throws(() => parseRelabels(relabelFile('tuning | zh99-x | 1 | 1 | 1 | 1 | 1 | D3 | purpose | t'), 'r.tsv'), /r\.tsv:2: the new labels are the old ones/);
    assert.throws(() => parseRelabels(relabelFile(PURPOSE, PURPOSE.replace('| 0 | 0 | D3', '| 0 | 1 | D3')), 'r.tsv'), /r\.tsv:3: .*relabelled again \(first at line 2\)/);
    // The same sentence in two label files is two rows, not a repeat.
    assert.equal(parseRelabels(relabelFile(PURPOSE, PURPOSE.replace(/^tuning/, 'second-coding')), 'r.tsv').length, 2);
  });

  it('holds every row of relabels.tsv applied to the label files (npm run relabel -- --check)', () => {
    const r = spawnSync(process.execPath, [TOOL, '--check'], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr + r.stdout);
    assert.ok(fs.readFileSync(path.join(ROOT, 'test/corpus/labels/relabels.tsv'), 'utf8').split('\n').length > 2);
  });
});

describe('relabel candidates', () => {
  const classOf = (text: string): string[] => candidates([{ doc: 'x', sentence: 0, text }]).map((c) => c.decision);

  it('finds headings, not list items or sentences', () => {
    for (const heading of ['e) Detention .', 'Release or detention of a defendant pending trial', '第二章 处罚的种类和适用', 'd) Temporary Detention To Permit Revocation of Conditional Release, Deportation, or Exclusion .']) {
      assert.ok(classOf(heading).includes('D1'), heading);
    }
    for (const other of ['5) to make arrests', 'The Attorney General shall enforce this section.', '第六条 市市场监管部门负责社会信用体系建设工作。']) {
      assert.ok(!classOf(other).includes('D1'), other);
    }
  });

  it('finds lead-ins, purpose clauses and allocations of competence by their surface', () => {
    assert.ok(classOf('听证会依照下列程序组织').includes('D2'));
    assert.ok(classOf('An order authorizing the installation of a pen register shall direct that').includes('D2'));
    assert.ok(classOf('第一条 为了规范社会信用管理，制定本条例。').includes('D3'));
    assert.ok(classOf('县级以上地方人民政府公安机关负责本行政区域内的治安管理工作。').includes('D4'));
    assert.ok(classOf('The Attorney General shall enforce this section.').includes('D4'));
    assert.deepEqual(classOf('The weather was fine.'), []);
  });

  it('finds the surfaces of D9 to D14', () => {
    assert.ok(classOf('Charges shall be in writing under oath or affirmation.').includes('D9'));
    assert.ok(classOf('督察机构应当向上一级公安机关督察机构报告查处情况；').includes('D9'));
    assert.ok(classOf('The Bureau may disseminate records only as provided in guidelines.').includes('D10'));
    assert.ok(classOf('A library is not a wire or electronic communication service provider for purposes of this section.').includes('D10'));
    assert.ok(classOf('Back pay liability shall not accrue from a date more than two years prior to the filing of a charge.').includes('D11'));
    assert.ok(classOf('The Director may, using a term that specifically identifies a person as the basis for a request').includes('D12'));
    assert.ok(classOf('第十三条 公民从事有关活动，需要证明身份的，有权使用').includes('D12'));
    assert.ok(classOf('居民身份证证明身份，有关单位及其工作人员不得拒绝。').includes('D13'));
    assert.ok(classOf('督察人员必须实事求是，严格依法办事，接受监督。').includes('D14'));
    assert.ok(classOf('居民身份证登记的项目包括：姓名、性别、指纹信息。').includes('D14'));
    assert.ok(classOf('The Secretary shall pay a reward.').every((d) => !['D9', 'D10', 'D11', 'D12', 'D13', 'D14'].includes(d)));
  });

  it('finds the surfaces of D15 to D22', () => {
    assert.ok(classOf('第十四条 监狱的人民警察不得有下列行为').includes('D15'));
    assert.ok(classOf('监狱的人民警察有前款所列行为，构成犯罪的，依法追究刑事责任；').includes('D15'));
    assert.ok(classOf('The Secretary shall establish and conduct a Federal Parent Locator Service.').includes('D16'));
    assert.ok(classOf('县级以上地方人民政府根据需要设置社区矫正机构。').includes('D16'));
    assert.ok(classOf('The Ombudsman shall comment on proposed laws pertaining to residents.').includes('D17'));
    assert.ok(classOf('The Director shall report to the Committee on the Judiciary.').includes('D18'));
    assert.ok(classOf('市人民政府应当向市人民代表大会常务委员会报告市民服务热线工作。').includes('D18'));
    assert.ok(classOf('国家情报工作机构及其工作人员依法开展情报工作，受法律保护。').includes('D19'));
    assert.ok(classOf('五）接受群众求助。').includes('D20'));
    assert.ok(classOf('检查驾驶证时，交通警察应当使用的规范用语是：你好！').includes('D21'));
    assert.ok(classOf('检查人员应当当场出示有效执法证件。').includes('D21'));
    assert.ok(classOf('Inspectors, upon presenting appropriate credentials, may enter the premises.').includes('D21'));
    assert.ok(classOf('公告应当载明征收补偿方案和行政复议、行政诉讼权利等事项。').includes('D22'));
    assert.ok(classOf('The order shall state the findings which are the basis for the order.').includes('D22'));
    const late = ['D15', 'D16', 'D17', 'D18', 'D19', 'D20', 'D21', 'D22'];
    assert.ok(classOf('The Secretary shall pay a reward.').every((d) => !late.includes(d)));
  });

  it('finds the surfaces of D23 to D29', () => {
    assert.ok(classOf('二）向消费者交付随车文件以及购车发票；').includes('D23'));
    assert.ok(classOf('The seller shall give the customer an invoice.').includes('D23'));
    assert.ok(classOf('三包有效期和包修期自销售者开具购车发票之日起计算；').includes('D24'));
    assert.ok(classOf('The limitations period shall be tolled while the emergency lasts.').includes('D24'));
    assert.ok(classOf('被征用的财产在使用完毕后，应当及时返还。').includes('D25'));
    assert.ok(classOf('The Secretary may limit the size of the geographic area affected by such cessation.').includes('D25'));
    assert.ok(classOf('备案信息发生变化的，生产者应当自变化之日起20个工作日内更新备案。').includes('D26'));
    assert.ok(classOf('The registrant shall notify the Secretary of any change in its address.').includes('D26'));
    assert.ok(classOf('未经检验合格，不得出厂销售。').includes('D27'));
    assert.ok(classOf('No person shall introduce into interstate commerce any adulterated food.').includes('D27'));
    assert.ok(classOf('组织动员企业事业单位、社会组织、志愿者等各方力量依法有序参与突发事件应对工作。').includes('D28'));
    assert.ok(classOf('The Ombudsman may designate a volunteer to represent the entity.').includes('D28'));
    assert.ok(classOf('新闻媒体采访报道突发事件应当及时、准确、客观、公正。').includes('D29'));
    assert.ok(classOf('The news media shall have access to the hearing.').includes('D29'));
    const late = ['D23', 'D24', 'D25', 'D26', 'D27', 'D28', 'D29'];
    assert.ok(classOf('The Secretary shall pay a reward.').every((d) => !late.includes(d)));
  });

  it('finds the surfaces of D30 to D35', () => {
    assert.ok(classOf('一)由共同生活的家庭成员向户籍所在地的乡镇人民政府、街道办事处提出书面申请最低生活保障；').includes('D30'));
    assert.ok(classOf('A household may apply for assistance at the local office.').includes('D30'));
    assert.ok(classOf('县级人民政府民政部门应当及时决定增发、减发或者停发最低生活保障金；').includes('D31'));
    assert.ok(classOf('The State agency shall terminate the benefits of a household that no longer qualifies.').includes('D31'));
    assert.ok(classOf('特困供养人员可以自行选择供养形式。').includes('D32'));
    assert.ok(classOf('A beneficiary may elect to receive the benefit in cash.').includes('D32'));
    assert.ok(classOf('Any alien removed shall be notified of the penalties for reentry.').includes('D33'));
    assert.ok(classOf('四）认定行政执法机构和人员资格，统一管理行政执法证件；').includes('D34'));
    assert.ok(classOf('七）法律、法规规定的其他监督方式。').includes('D35'));
    assert.ok(classOf('E) such other sanctions as the Secretary determines appropriate.').includes('D35'));
    const late = ['D30', 'D31', 'D32', 'D33', 'D34', 'D35'];
    assert.ok(classOf('The Secretary shall pay a reward.').every((d) => !late.includes(d)));
  });

  it('finds the surfaces of D36 to D41', () => {
    assert.ok(classOf('A) may establish or acquire proprietary corporations and operate them on a commercial basis as part of the undercover operation.').includes('D36'));
    assert.ok(classOf('国家情报工作机构可以采取技术侦察措施和身份保护措施。').includes('D36'));
    assert.ok(classOf('The Secretary shall report the disposition to the Comptroller General.').includes('D37'));
    assert.ok(classOf('审计机关按照规定对重大行政决策进行监督。').includes('D37'));
    assert.ok(classOf('The Secretary shall publish guidelines on best practices for compliance programs.').includes('D38'));
    assert.ok(classOf('市场监督管理部门应当发布经营者合规指引。').includes('D38'));
    assert.ok(classOf('Information may be withheld from disclosure only to the extent permitted by statute.').includes('D39'));
    assert.ok(classOf('行政许可的实施和结果，除涉及国家秘密、商业秘密或者个人隐私的外，应当公开。').includes('D39'));
    assert.ok(classOf('宗教团体章程应当符合国家社会团体管理的有关规定。').includes('D40'));
    assert.ok(classOf('The bylaws of the association shall provide for elected officers.').includes('D40'));
    assert.ok(classOf('经营者不得利用价格手段扰乱市场价格秩序。').includes('D41'));
    assert.ok(classOf('No person shall engage in unfair methods of competition.').includes('D41'));
    const late = ['D36', 'D37', 'D38', 'D39', 'D40', 'D41'];
    assert.ok(classOf('The Secretary shall pay a reward.').every((d) => !late.includes(d)));
  });

  it('finds the surfaces of D42 to D44', () => {
    assert.ok(classOf('第十二条 饲养犬只的个人应当具有完全民事行为能力，在本市有固定居住场所。').includes('D42'));
    assert.ok(classOf('单位因工作需要饲养犬只的，应当具备下列条件').includes('D42'));
    assert.ok(classOf('三）有与其经营活动相适应并符合国家规定的消防安全条件的营业场所；').includes('D42'));
    assert.ok(classOf('The following persons shall, on application therefor, be entitled to a basic permit').includes('D42'));
    assert.ok(classOf('No license shall be issued to an applicant who has been convicted of a felony.').includes('D42'));
    assert.ok(classOf('八）管理集会、游行、示威活动；').includes('D43'));
    assert.ok(classOf('十）维护国（边）境地区的治安秩序；').includes('D43'));
    assert.ok(classOf('1) have charge of the management and regulation of all Federal penal and correctional institutions').includes('D43'));
    assert.ok(classOf('未批准继续盘问的，应当立即释放。').includes('D44'));
    assert.ok(classOf('The use shall terminate when the application for the order is denied.').includes('D44'));
    const late = ['D42', 'D43', 'D44'];
    assert.ok(classOf('The Secretary shall pay a reward.').every((d) => !late.includes(d)));
    assert.ok(classOf('国家鼓励公民举报。').every((d) => !late.includes(d)));
  });

  it('finds the surfaces of D45 to D50', () => {
    assert.ok(classOf('第十二条 中国公民有下列情形之一的，不准出境').includes('D45'));
    assert.ok(classOf('一）未持有效出境入境证件或者拒绝、逃避接受边防检查的；').includes('D45'));
    assert.ok(classOf('If the judicial officer determines that').includes('D45'));
    assert.ok(classOf('A) the person has been convicted of a Federal offense described in subsection (f)(1)').includes('D45'));
    assert.ok(classOf('This section shall not apply to any summons').includes('D46'));
    assert.ok(classOf('C) issued solely to determine the identity of any person having a numbered account').includes('D46'));
    assert.ok(classOf('文娱、体育活动，正常的宗教活动，传统的民间习俗活动，不适用本法。').includes('D46'));
    assert.ok(classOf('Findings of fact of the Board are conclusive if supported by substantial evidence.').includes('D47'));
    assert.ok(classOf('代表人的投诉行为对其代表的投诉人发生效力。').includes('D47'));
    assert.ok(classOf('应当自收到申请之日起60日内审查完毕，作出批准或者不予批准的决定。').includes('D48'));
    assert.ok(classOf('The Secretary shall by order deny the application stating the findings.').includes('D48'));
    assert.ok(classOf('国家保障各类市场主体依法平等使用生产要素。').includes('D49'));
    assert.ok(classOf('Such programs shall be uniform and nondiscriminatory.').includes('D49'));
    assert.ok(classOf('任何单位不得利用评价谋取利益。').includes('D50'));
    assert.ok(classOf('No person shall retaliate against a complainant.').includes('D50'));
    const late = ['D45', 'D46', 'D47', 'D48', 'D49', 'D50'];
    assert.ok(classOf('The Secretary shall pay a reward.').every((d) => !late.includes(d)));
    assert.ok(classOf('国家鼓励公民举报。').every((d) => !late.includes(d)));
  });

  it('finds the surfaces of D51 to D55', () => {
    assert.ok(classOf('一)协助人民政府贯彻落实法律、法规、规章和政策，维护信教公民的合法权益；').includes('D51'));
    assert.ok(classOf('E) represent the interests of the residents before governmental agencies').includes('D51'));
    assert.ok(classOf('居民会议有权撤换和补选居民委员会成员。').includes('D52'));
    assert.ok(classOf('The council shall be chaired by a member elected by the members.').includes('D52'));
    assert.ok(classOf('第八条 禁止在公共场所的下列区域、部位安装图像采集设备及相关设施').includes('D53'));
    assert.ok(classOf('3) testified or is about to testify in such a proceeding; or').includes('D53'));
    assert.ok(classOf('用人单位应当与农民工书面约定工资支付标准。').includes('D54'));
    assert.ok(classOf('The employer shall provide each worker a written statement of wages.').includes('D54'));
    assert.ok(classOf('开展数据处理活动，不得危害国家安全、公共利益，不得损害个人、组织的合法权益。').includes('D55'));
    assert.ok(classOf('A) facilitating interceptions in a manner that protects the privacy of communications').includes('D55'));
    const late = ['D51', 'D52', 'D53', 'D54', 'D55'];
    assert.ok(classOf('The Secretary shall pay a reward.').every((d) => !late.includes(d)));
    assert.ok(classOf('国家鼓励公民举报。').every((d) => !late.includes(d)));
  });

  it('finds the surfaces of D56 to D60', () => {
    assert.ok(classOf('3) The remedy provided by this section shall be in addition to any other lawful remedy available to a cable subscriber.').includes('D56'));
    assert.ok(classOf('本条规定不影响当事人依法申请行政复议或者提起行政诉讼的权利。').includes('D56'));
    assert.ok(classOf('C) inform the residents about means of obtaining services provided by providers or agencies').includes('D57'));
    assert.ok(classOf('提示当事人享有依法申请法律援助的权利，并告知申请法律援助的条件和程序。').includes('D57'));
    assert.ok(classOf('the Service shall use its best efforts, by mediation and conciliation, to bring them to agreement.').includes('D58'));
    assert.ok(classOf('市场监督管理部门经投诉人和被投诉人同意，采用调解的方式处理投诉。').includes('D58'));
    assert.ok(classOf('国家鼓励、支持企业事业单位、社会组织、志愿者等社会力量依法参与社区矫正工作。').includes('D59'));
    assert.ok(classOf('The Secretary shall encourage volunteers to support drug law enforcement efforts.').includes('D59'));
    assert.ok(classOf('依照法律被剥夺政治权利的人没有选举权和被选举权。').includes('D60'));
    assert.ok(classOf('B) as provided by State law, by reason of criminal conviction or mental incapacity of the registrant; or').includes('D60'));
    const late = ['D56', 'D57', 'D58', 'D59', 'D60'];
    assert.ok(classOf('The Secretary shall pay a reward.').every((d) => !late.includes(d)));
    assert.ok(classOf('国家鼓励公民举报。').every((d) => !late.includes(d)));
  });

  it('lists a class in the order of the sentences given', () => {
    const found = candidates([
      { doc: 'zh99-x', sentence: 4, text: '第三章 信用修复' },
      { doc: 'zh99-x', sentence: 9, text: '第四章 法律责任' },
    ], CANDIDATE_CLASSES.filter((c) => c.decision === 'D1'));
    assert.deepEqual(found.map((c) => c.sentence), [4, 9]);
  });
});
