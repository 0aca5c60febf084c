// Candidate sentences for each of the codebook's decisions (docs/codebook.md, D1–D60), found by surface patterns of
// their text alone: what a person then reads and judges, in its document's context, by the decision. The patterns
// over-reach on purpose (a candidate is not a relabel), and nothing here runs the engine, so that the judging is
// blind to what the engine predicts.
import { headingLevelAt, isTitleLike } from '../../src/core/headings';
import { inTitleCase } from '../../src/core/titleLines';

export interface CandidateClass {
  decision: string;
  what: string;
  /** True when a sentence's text (as a label row holds it) is a candidate of the class. */
  test: (text: string) => boolean;
}

/** Below an article's rank, a heading line is a part, chapter or section title rather than a numbered article. */
const ARTICLE_RANK = 40;
/** An enumeration label opening an English line: "e)", "(2)", "iv)", "A)". */
const ENGLISH_LABEL = /^(?:\(?[0-9A-Za-z]{1,5}[).]\s*)+/;
const ENDS_SENTENCE = /[.;:,]$|[。；：，]$/;

/** A chapter or section heading by the engine's own test, or a short English title line after its label ("e) Detention ."). */
function isHeading(text: string): boolean {
  const level = headingLevelAt(text, 0, text.length);
  if (level >= 0 && level < ARTICLE_RANK) return true;
  const body = text.replace(ENGLISH_LABEL, '').replace(/\s*\.$/, '');
  return /^[A-Z]/.test(body) && !/[;:]/.test(body) && isTitleLike(body) && (inTitleCase(body) || body.split(/\s+/).length <= 3 || !ENDS_SENTENCE.test(text));
}

export const CANDIDATE_CLASSES: readonly CandidateClass[] = [
  { decision: 'D1', what: 'headings', test: isHeading },
  {
    decision: 'D2',
    what: 'lead-ins cut off before their items',
    test: (t) =>
      !isHeading(t) &&
      (/(?:下列|以下|如下)[^。；]*[：:]?$/.test(t) || /[：:]$/.test(t) || /\b(?:the following|that|be|shall|to|include|includes)\s*[.:]?$/i.test(t) || (/[A-Za-z]$/.test(t) && /\b(?:shall|may|must)\b/.test(t))),
  },
  {
    decision: 'D3',
    what: 'purpose, principle and exhortation clauses',
    test: (t) => /^(?:第[一二三四五六七八九十百零]+条\s*)?为了?.*制定/.test(t) || /原则/.test(t) || /依法行政|诚信行政|示范|表率|鼓励和支持|倡导/.test(t) || /\bpurposes? of (?:this|the) |Congress finds|it is the policy of|sense of Congress/i.test(t),
  },
  {
    decision: 'D4',
    what: 'allocation of competence',
    test: (t) => /主管|负责|职责范围|履行.{0,20}职责/.test(t) || /\bshall (?:administer|enforce) this\b|\bshall be (?:administered|enforced) by\b|\bresponsible for (?:the )?(?:administ|enforc|implement)|\bhas jurisdiction\b|\bprimary responsibility\b/i.test(t),
  },
  {
    decision: 'D5',
    what: 'commercial credit products',
    test: (t) => /信用(?:报告|评价|产品|服务|评级|评分)|信用服务机构|征信机构/.test(t) || /\bconsumer reporting agenc|\bcredit (?:report|rating|score)/i.test(t),
  },
  {
    decision: 'D6',
    what: 'necessity and purpose conditions, caps and deletion',
    test: (t) => /必需|所必要|仅限于|仅用于|不得用于.{0,20}以外|删除|销毁|保存期限|留存.{0,12}日/.test(t) || /\bnecessary (?:to|for)\b|\bonly for the purposes? of\b|\bdestr(?:oy|uction)\b|\bretain(?:ed)? for\b|\bnot (?:to )?exceed\b/i.test(t),
  },
  {
    decision: 'D7',
    what: 'duties to answer or inform a party, notices of flaws, the form of a filing',
    test: (t) => /漏洞|缺陷|真实性|准确性|真实、准确|告知用户/.test(t) || /\bupon (?:the )?request of\b|\bcertification\b|\bvulnerabilit|\btruthful|\baccurate and complete|\bcomplete and accurate/i.test(t),
  },
  {
    decision: 'D8',
    what: 'consultation of other officials or chosen experts',
    test: (t) => /征求.{0,20}(?:部门|机关|专家)|专家论证|咨询|(?:吸收|委托)[^。；]{0,12}专家/.test(t) || /\bin consultation with\b|\bconsult(?:ation)? with\b|\bafter consulting\b/i.test(t),
  },
  {
    decision: 'D9',
    what: 'steps, form and reports upward inside a complaint or redress procedure',
    test: (t) =>
      /向上一级.{0,16}报告|报告.{0,6}(?:查处|处理|办理)(?:情况|结果)|移送|转送|转交|书面(?:申请|形式|材料)|申请书|投诉书|复议申请/.test(t) ||
      /\bunder oath\b|\bin writing\b|\bin such form\b|\bRules of (?:Civil|Criminal|Appellate) Procedure\b|\bnotify the appropriate\b|\brefer (?:the|such) (?:case|charge|complaint|matter)\b|\btransmit(?:ted)? (?:the|a) (?:record|complaint|charge)\b/i.test(t),
  },
  {
    decision: 'D10',
    what: 'safeguard preconditions, "may … only" permissions, exclusions of a class, rules of construction',
    test: (t) =>
      /(?:人民法院|法院|法官).{0,10}(?:批准|决定|裁定|许可)|只能用于|仅(?:能|可)?用于|仅限于|不适用于/.test(t) ||
      /\bprobable cause\b|\bupon (?:proper )?oath\b|\b(?:after|upon) (?:reasonable )?notice (?:to|and)\b|\bjudicial review\b|\bcourt order\b|\bwarrant\b|\bonly (?:as|if|to the extent|for the purposes?)\b|\bis not an? .{0,80}\bfor (?:the )?purposes of\b|\b(?:shall|does) not apply to\b|\bexempt(?:ed)? from\b|\bconstrued\b/i.test(t),
  },
  {
    decision: 'D11',
    what: 'limits on a remedy',
    test: (t) =>
      (/赔偿|补偿|救济/.test(t) && /不得|不超过|不予|限于|减少|扣除/.test(t)) ||
      (/\bback pay\b|\bdamages\b|\bcompensation\b|\brelief\b|\breinstatement\b/i.test(t) && /\bshall not\b|\bno (?:order|damages|relief)\b|\bnot (?:more|later) than\b|\breduce|\blimit|\bexcept\b/i.test(t)) ||
      /\bfrivolous\b|\bterminate (?:a|the) (?:reinvestigation|investigation|review)\b/i.test(t),
  },
  {
    decision: 'D12',
    what: 'lead-ins cut before their verb, lead-ins relaxing a measure',
    test: (t) =>
      /(?:可以|应当|必须|有权)[^。；，]{0,4}$/.test(t) ||
      (!/[.;。；]$/.test(t) && (/\b(?:may|shall|must),/.test(t) || /\botherwise (?:subject to|prohibited|required)\b|\bmay disclose\b/i.test(t))),
  },
  {
    decision: 'D13',
    what: 'rights and entitlements',
    test: (t) => /有权|享有.{0,12}权|不得拒绝/.test(t) || /\bentitled to\b|\bright to\b|\bshall have the right\b|\bmay not refuse\b/i.test(t),
  },
  {
    decision: 'D14',
    what: 'accepting supervision, documents presented with a filing, whole sentences listing a record',
    test: (t) =>
      /接受.{0,6}监督|交验|出示|填写|(?:登记|记载|采集|归集|记录)的?(?:项目|内容|信息|事项)(?:包括|为)/.test(t) ||
      /\baccept(?:s|ing)? (?:the )?supervision\b|\bsubject to (?:public )?(?:supervision|scrutiny)\b|\b(?:record|register|registry|database)s? shall (?:contain|include)\b/i.test(t),
  },
  {
    decision: 'D15',
    what: 'prohibitions on officials and discipline of listed acts',
    test: (t) =>
      /(?:工作人员|人民警察|警察|干部|官员|执法人员|督察人员|检查人员)[^。；]{0,12}不得有?(?:下列|以下)|(?:有|具有)(?:前款|前条|上述|本条[^。；]{0,8})(?:所列|规定的?)?(?:行为|情形)|有下列(?:行为|情形)之一的[^。；]{0,40}(?:处分|追究|责任)|其他(?:违法|违纪|违法违纪)行为[。；]?$/.test(t) ||
      /\b(?:officers?|employees?|officials?|personnel)\b[^.;]{0,40}\b(?:shall not|may not)\b[^.;]{0,20}\b(?:any of )?the following\b|\bdisciplinary action\b/i.test(t),
  },
  {
    decision: 'D16',
    what: 'setting up an office, a post or a service',
    test: (t) => /(?:设立|设置|成立|组建)[^。；]{0,20}(?:机构|办公室|委员会|中心|部门|岗位)/.test(t) || /\b(?:establish|designate|appoint|create)(?:s|ed)?\b[^.;]{0,40}\b(?:an? |the )?(?:Office|office|Board|board|Service|Commission|Ombudsman|officer|official|Council|Committee|Center)\b|\bthere is (?:hereby )?established\b/.test(t),
  },
  {
    decision: 'D17',
    what: 'advocates of the governed: ombudsmen, boards reviewing law',
    test: (t) => /\bombudsm[ae]n\b|\badvoca(?:te|cy)\b|\b(?:review|comment on|recommend)[^.;]{0,60}\b(?:laws|legislation|regulations|policies)\b/i.test(t) || /(?:代表|维护)[^。；]{0,10}(?:利益|权益)[^。；]{0,20}(?:提出|反映)/.test(t),
  },
  {
    decision: 'D18',
    what: 'answering requesters, reports to a legislature',
    test: (t) =>
      /\b(?:authorized person|requester|requesting (?:party|person|agency))\b|\b(?:report|submit|testify|inform)\b[^.;]{0,80}\b(?:Congress|committees? of (?:the )?(?:Senate|House)|Committee on|Select Committee|legislature)\b/i.test(t) ||
      /人民代表大会[^。；]{0,12}(?:报告|备案|监督)|向[^。；]{0,10}人大[^。；]{0,6}报告/.test(t),
  },
  {
    decision: 'D19',
    what: 'acts declared protected by law, immunity, obstruction',
    test: (t) => /受法律保护|不承担[^。；]{0,6}责任|阻碍|阻挠/.test(t) || /\bprotected by law\b|\bno (?:cause of action|civil action)\b|\bimmun(?:e|ity)\b|\bobstruct/i.test(t),
  },
  {
    decision: 'D20',
    what: 'requests for help and services',
    test: (t) => /求助|救助|求援|抢救/.test(t) || /\brequests? for (?:help|assistance)\b|\b(?:emergency|rescue) assistance\b/i.test(t),
  },
  {
    decision: 'D21',
    what: 'the manner of an act on people: scripts, courtesy, credentials',
    test: (t) => /规范用语|文明|礼貌|出示[^。；]{0,8}(?:证件|证明|工作证|任务书|标志)|表明[^。；]{0,4}身份|佩带|着装|制式服装/.test(t) || /\b(?:identification|credentials?|badge|insignia)\b|\bcourte(?:ous|sy)\b|\buniform\b/i.test(t),
  },
  {
    decision: 'D22',
    what: 'required contents of a notice or decision: rights and reasons',
    test: (t) =>
      /(?:公告|通知|决定书|告知书|通知书|文书)[^。；]{0,12}(?:应当)?(?:载明|写明|注明|包括|列明)/.test(t) ||
      /\b(?:notice|notification|order|decision|request|letter)\b[^.;]{0,40}\bshall (?:include|contain|state|set forth|specify)\b/i.test(t),
  },
  {
    decision: 'D23',
    what: "a firm's duties to its customers: delivery, documents, information, remedies",
    test: (t) =>
      /(?:消费者|用户|顾客|购买者|买受人|患者)[^。；]{0,40}(?:应当|必须|不得|有权|可以)|(?:应当|必须|不得)[^。；]{0,40}(?:消费者|用户|顾客|购买者|患者)|随车|发票|凭证|说明书|警示|明码标价|补办|交付/.test(t) ||
      /\b(?:consumers?|customers?|purchasers?|buyers?|patients?|subscribers?)\b[^.;]{0,60}\b(?:shall|must|may not|entitled)\b|\b(?:shall|must)\b[^.;]{0,60}\b(?:consumers?|customers?|purchasers?|buyers?)\b|\b(?:invoice|receipt|instructions for use|labeling)\b/i.test(t),
  },
  {
    decision: 'D24',
    what: "a remedy's standard and term: warranties, repairs, limitation periods",
    test: (t) => /三包|包修|保修|质保|有效期|起计算|时效|中止|修理|更换|退货|退款|赔偿[^。；]{0,10}(?:期限|标准|范围)/.test(t) || /\bwarrant(?:y|ies)\b|\blimitations? period|\bstatute of limitations\b|\btoll(?:ed|ing)?\b|\brepairs?\b|\brefunds?\b|\breplacement\b/i.test(t),
  },
  {
    decision: 'D25',
    what: 'narrowing, proportioning and ending a measure; returning what it took',
    test: (t) => /相适应|相称|必要限度|比例原则|返还|退还|发还|归还|解除[^。；]{0,6}(?:措施|限制|强制|查封|扣押|冻结)|缩小[^。；]{0,6}范围|(?:减轻|减少|限制)[^。；]{0,8}(?:范围|区域)/.test(t) || /\bmay (?:limit|narrow|reduce|shorten|lift|terminate|vacate)\b|\bproportion(?:ate|al)\b|\breturn(?:ed)?\b[^.;]{0,40}\b(?:property|items?|seized|owner)\b/i.test(t),
  },
  {
    decision: 'D26',
    what: 'updating, renewing or changing a filing or registration',
    test: (t) => /变(?:化|更)[^。；]{0,30}(?:备案|登记|手续|更新|报告|申报)|更新备案|延续|换发|重新(?:备案|登记|申报|申请)|及时更新/.test(t) || /\b(?:update|renew(?:al|ed)?)\b|\b(?:notify|inform|report)\b[^.;]{0,40}\b(?:any )?change/i.test(t),
  },
  {
    decision: 'D27',
    what: 'products: standards, tests, bans on making or selling',
    test: (t) => /(?:产品|商品|食品|药品|零部件)[^。；]{0,40}(?:应当|不得|禁止|符合)|检验合格|不得(?:出厂|销售|生产|进口)|质量要求/.test(t) || /\bintroduc(?:e|tion) into interstate commerce\b|\badulterated\b|\bmisbranded\b|\b(?:products?|goods|articles? of food|drugs?|devices?)\b[^.;]{0,40}\b(?:shall (?:meet|comply|conform)|may not be (?:sold|distributed))\b/i.test(t),
  },
  {
    decision: 'D28',
    what: 'mobilising the governed: participation, volunteers, mass prevention',
    test: (t) => /动员|群防群治|志愿|参与|发动|组织[^。；]{0,10}(?:群众|居民|村民|社会力量)/.test(t) || /\bvolunteers?\b|\bmobiliz|\bparticipat(?:e|ion|ing)\b/i.test(t),
  },
  {
    decision: 'D29',
    what: 'duties of the press and of publicity',
    test: (t) => /新闻|媒体|媒介|报刊|广播|电视|舆论|宣传/.test(t) || /\b(?:the press|news media|media|newspapers?|broadcasters?|publicity)\b/i.test(t),
  },
  {
    decision: 'D30',
    what: 'applications for a benefit, a service or a permit, and accepting them',
    test: (t) =>
      /申请[^。；]{0,20}(?:救助|补助|补贴|保障|供养|低保|津贴|待遇|援助|福利)|(?:救助|补助|补贴|保障|供养|低保|津贴|待遇|援助|福利)[^。；]{0,20}申请|代为(?:提出)?申请|受理[^。；]{0,10}申请/.test(t) ||
      /\b(?:apply|applies|applied|applicants?|applications?)\b[^.;]{0,40}\b(?:benefits?|assistance|aid|allowances?|support|payments?|services|eligib)/i.test(t),
  },
  {
    decision: 'D31',
    what: 'a benefit raised, cut, suspended or ended',
    test: (t) =>
      /增发|减发|停发|(?:停止|终止|中止|取消)[^。；]{0,8}(?:发放|供养|救助|保障|享受|待遇|资格|补贴)|不再符合/.test(t) ||
      /\b(?:terminat|suspend|reduc|discontinu|withh[oe]ld|deny|denial)\w*\b[^.;]{0,40}\b(?:benefits?|assistance|payments?|allowances?|eligibility)\b|\bno longer (?:eligible|qualif)/i.test(t),
  },
  {
    decision: 'D32',
    what: 'a choice within a service',
    test: (t) => /(?:自行|自主|自愿)选择|选择[^。；]{0,8}(?:形式|方式|机构|地点)|本人意愿|尊重[^。；]{0,8}意愿/.test(t) || /\bmay (?:elect|choose|opt)\b|\bat (?:the|his|her|their) (?:option|election|choice)\b|\bpreference\b/i.test(t),
  },
  {
    decision: 'D33',
    what: "warnings of the law's penalties to the person",
    test: (t) => /告知[^。；]{0,20}(?:处罚|法律后果|法律责任|后果)|警告|警示/.test(t) || /\bnotif(?:y|ied)\b[^.;]{0,30}\bpenalt|\bwarn(?:ed|ing|s)?\b|\b(?:advise|inform)\w*\b[^.;]{0,30}\b(?:penalt|consequences)/i.test(t),
  },
  {
    decision: 'D34',
    what: "certifying officials and managing their credentials",
    test: (t) => /(?:执法|检查|监督|督察)[^。；]{0,10}(?:资格|证件)|持证上岗|资格(?:认定|审查|考试|管理)|(?:培训|考核)[^。；]{0,10}(?:执法|工作)人员/.test(t) || /\bcertif\w*\b[^.;]{0,30}\b(?:officers?|inspectors?|personnel|agents?|examiners?)\b|\bqualifications? of\b[^.;]{0,20}\b(?:officers?|inspectors?|personnel)\b|\btraining (?:of|for) (?:officers|inspectors|personnel)\b/i.test(t),
  },
  {
    decision: 'D35',
    what: 'catch-all items that name a practice',
    test: (t) => /其他[^。；，]{0,16}(?:方式|措施|形式|手段|制度|职责|监督|处罚|处分|权利|程序)[。；]?$/.test(t) || /^\W*(?:\(?[0-9A-Za-z]{1,5}[).]\s*)*(?:such |any )?other\b[^.;]{0,60}\b(?:means|measures|sanctions|penalties|actions?|remedies|relief|methods|oversight|duties)\b/i.test(t),
  },
  {
    decision: 'D36',
    what: 'the means of a covert operation',
    test: (t) => /秘密侦|技术侦察|身份保护|化名|掩护|伪装|卧底|特情/.test(t) || /\bundercover\b|\bcovert\b|\bclandestine\b|\bproprietar(?:y|ies)\b|\bfront (?:compan|business|organi)|\bon a commercial basis\b/i.test(t),
  },
  {
    decision: 'D37',
    what: "audit offices, and reports to a legislature's offices",
    test: (t) => /审计/.test(t) || /\bComptroller General\b|\b(?:Government Accountability|General Accounting) Office\b|\baudit(?:s|ed|ing|or|ors)?\b/i.test(t),
  },
  {
    decision: 'D38',
    what: "an authority's published guidance, criteria and advice",
    test: (t) =>
      /指引|指南|合规|普及[^。；]{0,10}知识|(?:发布|公布|公开)[^。；]{0,20}(?:标准|办法|规则|细则|目录|清单|范本|指导)/.test(t) ||
      /\bguidance\b|\bguidelines?\b|\bbest practices?\b|\bcompliance (?:program|assistance)|\bpublish\w*\b[^.;]{0,40}\b(?:criteria|standards|rules|regulations|policies|procedures)\b/i.test(t),
  },
  {
    decision: 'D39',
    what: 'withholding, its grounds and what confines it',
    test: (t) =>
      /除[^。；]{0,40}(?:外|以外)[^。；]{0,20}(?:公开|公布|公示|提供)|不予公开|不得公开|不予提供|依法[^。；]{0,6}保密/.test(t) ||
      /\bwithh(?:e|o)ld\w*\b[^.;]{0,40}\b(?:disclos|public|release|records?|information)|\bexempt(?:ed)? from (?:public )?disclosure\b|\bonly to the extent (?:permitted|authorized)\b/i.test(t),
  },
  {
    decision: 'D40',
    what: "a governed association's charter, compact or rules",
    test: (t) => /章程|公约|规约|自治条例/.test(t) || /\bbylaws?\b|\bcharters?\b|\barticles of (?:incorporation|association)\b|\bconstitution of (?:the|an?|its) (?:association|organization|society|union|body)\b/i.test(t),
  },
  {
    decision: 'D41',
    what: 'bans that protect a market or public order',
    test: (t) => /秩序|公平竞争|不正当竞争|垄断|扰乱市场|哄抬/.test(t) || /\bunfair (?:competition|methods of competition|or deceptive)|\bcompetition\b|\bmarket order\b|\bpublic order\b|\brestraint of trade\b|\bprice[- ]fixing\b/i.test(t),
  },
  {
    decision: 'D42',
    what: "a licence's or a registration's qualifying conditions, exclusions and limits",
    test: (t) =>
      /(?:具备|具有|符合)[^。；]{0,6}(?:下列|以下|相应|规定的)?[^。；]{0,4}条件|^\W*[一二三四五六七八九十]+[）)、]\s*有[^。；]{0,40}[；。]?$|完全民事行为能力|固定(?:居所|住所|居住场所)|犯罪记录|受过[^。；]{0,10}(?:刑事处罚|处罚|处分)|总量和布局|范围内[^。；]{0,20}不得(?:设立|开办|经营)|限养|每户限/.test(t) ||
      /\bentitled to (?:a|the) (?:basic )?(?:permit|license|licence|registration|certificate)\b|\b(?:applicants?|licensees?|permittees?|registrants?)\b[^.;]{0,60}\b(?:shall|must) (?:have|be|meet|demonstrate)\b|\b(?:eligib|qualif)\w*\b[^.;]{0,30}\b(?:permit|license|licence|registration|certificate)|\bconvicted\b[^.;]{0,60}\b(?:permit|license|licence|registration)|\b(?:permit|license|licence|registration)\b[^.;]{0,60}\bconvicted\b|\bwithin \d[\d,]* (?:feet|meters|metres|miles|yards) of\b/i.test(t),
  },
  {
    decision: 'D43',
    what: "items of a list of a body's duties: 管理 with its object, 维护…秩序",
    test: (t) =>
      /履行下列职责|下列职责|职责如下|^\W*[一二三四五六七八九十]+[）)、]\s*(?:依法)?(?:管理|监督管理|维护|负责|主管|对[^。；]{0,30}(?:进行|实施|实行)?(?:监督)?管理)|管理[^。；，]{0,30}(?:活动|物品|事务|枪支|行业|刀具)|维护[^。；，]{0,20}秩序[；。]?$/.test(t) ||
      /\bhave charge of\b|\bmanagement and regulation\b|\bkeep(?:ing)? the peace\b|\bmaintain(?:ing)? (?:public |law and )?order\b|\bshall have the following (?:duties|functions|powers)\b|\b(?:duties|functions) of the (?:Bureau|Service|Office|Department|Commission|police)\b/i.test(t),
  },
  {
    decision: 'D44',
    what: 'a release, return or end of a measure when its approval is refused',
    test: (t) =>
      /(?:不批准|未批准|不予批准|未获批准|不予核准|未经批准)[^。]{0,40}(?:释放|解除|停止|返还|终止|撤销)|(?:释放|解除|停止|返还|终止)[^。]{0,40}(?:不批准|未批准|不予批准)|立即释放/.test(t) ||
      /\b(?:denied|disapproved|not approved|refuses? to approve|denies the application)\b[^.]{0,100}\b(?:release|terminat|cease|return|discontinu)\w*|\b(?:release|terminat|cease|return|discontinu)\w*\b[^.]{0,100}\b(?:is denied|are denied|application (?:for the order )?is denied|disapproved|not approved)\b/i.test(t),
  },
  {
    decision: 'D45',
    what: 'grounds of a measure: lead-ins that list them, and items that state them',
    test: (t) =>
      /(?:有|具有|存在|遇有)下列(?:行为|情形|情况)之一|下列情形之一的|^\W*[一二三四五六七八九十]+[）)、][^。；]{2,80}的[；。]?$/.test(t) ||
      /\b(?:determines?|finds?|determined|found|certifies|has reason to believe)\b(?:,[^.;]{0,80},)?\s+that\s*[.:]?$|\b(?:on|for) any of the following (?:grounds|reasons)\b|\bif any of the following\b|^\W*(?:\(?[0-9A-Za-z]{1,5}[).]\s*)+(?:the (?:person|individual|institution|insured depository institution|association|alien|applicant|permittee|licensee) )?(?:has (?:been convicted|engaged|violated|failed|committed)|is (?:in an unsafe|engaging|not a citizen))/i.test(t),
  },
  {
    decision: 'D46',
    what: 'exemptions from a safeguard and their items',
    test: (t) =>
      /不适用|无需|无须|不需(?:要)?(?:经|申请|通知|告知)|可以不经|先行[^。；]{0,20}(?:事后|补办)/.test(t) ||
      /\b(?:shall|does) not apply (?:to|in the case of|with respect to)\b|\b(?:notice|notification|warrant|hearing|consent)\b[^.;]{0,60}\b(?:is|shall) not (?:be )?required\b|\bwithout (?:prior )?notice\b|\bdelay(?:ed)? (?:the )?notice\b|^\W*(?:\(?[0-9A-Za-z]{1,5}[).]\s*)+(?:served on|issued (?:solely )?(?:to|in aid|by))/i.test(t),
  },
  {
    decision: 'D47',
    what: 'the effect of a decision on the parties: binding, conclusive, final',
    test: (t) => /发生(?:法律)?效力|约束力|终局|应当(?:自觉)?履行[^。；]{0,10}(?:决定|调解书|裁决|协议)/.test(t) || /\bbound by\b|\bbinding\b|\bconclusive\b|\bfinal and\b|\bshall be final\b|\bres judicata\b|\bpreclu(?:de|sion)\b/i.test(t),
  },
  {
    decision: 'D48',
    what: 'examining and deciding an application; matters that may be licensed',
    test: (t) =>
      /审查|审核|审批|评估|准予|不予(?:登记|许可|批准|核准)|予以(?:登记|批准|核准)|作出(?:批准|许可|准予|是否)|颁发|发放[^。；]{0,12}(?:证|牌)|设定行政许可|不设行政许可/.test(t) ||
      /\b(?:approv|grant|issu|den(?:y|ied|ial)|refus)\w*\b[^.;]{0,40}\b(?:applications?|permits?|licen[cs]es?|registrations?|certificates?)\b|\b(?:applications?|permits?|licen[cs]es?|registrations?)\b[^.;]{0,40}\b(?:approved|granted|issued|denied|refused)\b/i.test(t),
  },
  {
    decision: 'D49',
    what: 'equal treatment, equal access, non-discrimination',
    test: (t) => /平等|同等|一视同仁|公平对待|歧视|各类市场主体/.test(t) || /\bequal (?:treatment|access|opportunit|protection)|\bequally\b|\bnon-?discriminat|\bwithout discrimination\b|\bdiscriminat/i.test(t),
  },
  {
    decision: 'D50',
    what: 'bans on abusing, falsifying or profiting from a practice',
    test: (t) => /不得(?:利用|借|以)[^。；]{0,30}(?:谋取|牟利|收费|营利|获利)|谋取[^。；]{0,6}(?:利益|私利)|牟利|打击报复|压制|弄虚作假|破坏[^。；]{0,12}(?:设施|设备)/.test(t) || /\bretaliat|\bfalsif|\bfor (?:commercial|personal|private|financial) (?:gain|purposes?|profit|advantage)\b|\bprofit from\b/i.test(t),
  },
  {
    decision: 'D51',
    what: "a body's remit to represent the governed or protect their rights",
    test: (t) =>
      /代表[^。；]{0,24}(?:利益|权益)|(?:维护|保护|保障)[^。；]{0,24}(?:合法)?权益|(?:维护|保护)[^。；]{0,12}(?:权利|利益)/.test(t) ||
      /\brepresent(?:s|ing)? the (?:interests|rights)\b|\b(?:protect and advocate|advocate for|advocacy)\b|\bprotect(?:ing)? the (?:rights|interests) of\b|\bon behalf of (?:its|their) members\b/i.test(t),
  },
  {
    decision: 'D52',
    what: "a statutory body's members: elections, reports, recall; its approval of new bodies",
    test: (t) =>
      /选举|罢免|撤换|补选|换届|报告工作|负责并报告|(?:会员|职工|居民|村民)(?:代表)?(?:大会|会议)|工会|(?:成立|建立|组建)[^。；]{0,20}批准|批准[^。；]{0,12}(?:成立|建立|组建)|章程/.test(t) ||
      /\belect(?:ed|ion|ions)?\b|\brecall\b|\blabor organi[sz]ation|\bunion\b|\bmembership\b|\badvisory (?:council|board|committee)\b|\bgoverning (?:board|body|authority)\b/i.test(t),
  },
  {
    decision: 'D53',
    what: 'a ban that protects people: its lead-in and items that name fields or protected acts',
    test: (t) =>
      /(?:不得|禁止)[^。；]{0,40}(?:下列|以下)|不受歧视|(?:入学|就业|住房|医疗|社会保障)[^。；]{0,10}(?:方面|等)|^\W*[一二三四五六七八九十]+[）)、][^。；]{0,40}(?:内部|房间|场所)[；。]?$/.test(t) ||
      /\b(?:may|shall) not (?:discharge|discriminate|deny|exclude|refuse|search|seize|remove|retaliate)\b|\bon the basis of\b|\bbecause (?:the|of)\b[^.;]{0,20}$|^\W*(?:\(?[0-9A-Za-z]{1,5}[).]\s*)+(?:testified|assisted|participated|filed|provided|employment|housing|health care|education|the provision of|admission)\b/i.test(t),
  },
  {
    decision: 'D54',
    what: 'terms of a deal agreed, in writing or not; pay slips and contracts',
    test: (t) =>
      /书面约定|(?:约定|明确)[^。；]{0,30}(?:工资|报酬|价款|费用|数量|质量|支付)|劳动合同|集体合同|签订[^。；]{0,16}(?:合同|协议)|工资(?:条|清单|支付(?:标准|周期|时间|方式))/.test(t) ||
      /\bwritten (?:agreement|contract|statement of)\b|\bin writing\b[^.;]{0,60}\b(?:terms|wages?|compensation|pay)\b|\bterms and conditions of (?:employment|the (?:contract|agreement))\b|\bpay (?:stub|slip|statement)|\bwage statement/i.test(t),
  },
  {
    decision: 'D55',
    what: "order and others' rights named in one ban; limits on a control measure that protect rights",
    test: (t) =>
      /(?:危害|破坏|扰乱|损害)[^。]{0,40}(?:国家安全|公共利益|秩序|国家利益)[^。]{0,60}(?:合法权益|权益|隐私)|(?:合法权益|权益)[^。]{0,40}(?:扰乱|危害)[^。]{0,20}(?:秩序|国家安全)|尊重和保障人权|工作应当依法进行/.test(t) ||
      /\bin a manner that protects\b|\bprivacy and civil liberties\b|\bcivil liberties\b|\bconstitutional rights\b/i.test(t),
  },
  {
    decision: 'D56',
    what: 'rules of construction and savings clauses that keep or confine remedies',
    test: (t) =>
      /不影响[^。；]{0,30}(?:权利|权益|赔偿|复议|诉讼|救济|请求|责任)|不(?:免除|减轻)[^。；]{0,20}(?:民事|赔偿)?责任|(?:民事|赔偿)责任[^。；]{0,10}不(?:受|因)/.test(t) ||
      /\bconstrued\b[^.;]{0,160}\b(?:remed|relief|rights? of action|cause of action|protection)|\bin addition to (?:any|all)? ?(?:other|existing)\b[^.;]{0,40}\b(?:remed|rights?|relief)|\bexclusive (?:remed|penalt)|\bpreempt|\b(?:limit|affect|impair|diminish)\w*\b[^.;]{0,40}\b(?:existing|other)\b[^.;]{0,30}\b(?:remed|rights?|relief)|\bfor the protection of\b[^.;]{0,40}\bprivacy\b/i.test(t),
  },
  {
    decision: 'D57',
    what: 'consulting or informing the people a service is given to; counselling, outreach, needs assessments',
    test: (t) =>
      /告知[^。；]{0,30}(?:服务|救助|援助|帮扶|条件|程序|渠道|方式|权利)|(?:咨询|辅导|指导)服务|心理(?:健康)?咨询|法律咨询|需求评估|听取[^。；]{0,12}(?:本人|服务对象|家属|监护人|家长)[^。；]{0,6}意见|通俗易懂/.test(t) ||
      /\b(?:consult\w*|inform\w*|notify\w*|advis\w*|explain\w*|outreach)\b[^.;]{0,50}\b(?:parents?|famil(?:y|ies)|residents?|clients?|patients?|recipients?|beneficiar\w+|participants?|individuals served|enrollees?)\b|\bneeds assessment\b|\bin a (?:language|manner|format)\b[^.;]{0,40}\bunderstand|\bcounsel(?:l)?ing\b/i.test(t),
  },
  {
    decision: 'D58',
    what: "an authority's handling of a dispute between governed parties: mediation, requests, stop orders",
    test: (t) =>
      /调解|纠纷|争议|责令[^。；]{0,16}停止[^。；]{0,6}侵权|被投诉人|被请求人|请求书/.test(t) ||
      /\bmediat|\bconciliat|\bdisputes?\b|\binformal methods\b|\benjoin|\bcease and desist\b|\baggrieved\b/i.test(t),
  },
  {
    decision: 'D59',
    what: 'the governed enlisted in a field of work named by a control',
    test: (t) =>
      /控烟|控制吸烟|禁毒工作|矫正工作|(?:参与|支持|协助|配合|鼓励|动员)[^。；]{0,40}(?:反[^。；]{1,10}工作|打击|执法|治安|监督管理|监管)/.test(t) ||
      /\b(?:volunteers?|encourag\w*|enlist\w*|assist\w*|cooperat\w*|support\w*|partner\w*)\b[^.;]{0,60}\b(?:law enforcement|enforcement of|prevention|control) (?:efforts?|activities|work|programs?)\b/i.test(t),
  },
  {
    decision: 'D60',
    what: "a participatory role's qualifications and exclusions: voters, assessors, jurors, mediators",
    test: (t) =>
      /选举权|被选举权|剥夺政治权利|陪审员|(?:调解员|候选人)[^。；]{0,30}(?:担任|条件|不得|应当)|不得担任|不能担任/.test(t) ||
      /\b(?:jurors?|jury service|eligible voters?|ineligible|disqualif\w*)\b|\b(?:vote|voters?|registrants?|serve as)\b[^.;]{0,80}\b(?:convict\w*|felon\w*|incapacity)\b|\bconvict\w*\b[^.;]{0,80}\b(?:vote|voters?|registrants?|serve as|hold office)\b|\bcriminal conviction\b/i.test(t),
  },
];

export interface Candidate {
  decision: string;
  doc: string;
  sentence: number;
  text: string;
}

/** The candidates of every class among the given sentences, in class order, then in the sentences' order. */
export function candidates(rows: readonly { doc: string; sentence: number; text: string }[], classes: readonly CandidateClass[] = CANDIDATE_CLASSES): Candidate[] {
  return classes.flatMap((c) => rows.filter((r) => c.test(r.text)).map((r) => ({ decision: c.decision, doc: r.doc, sentence: r.sentence, text: r.text })));
}
