// Candidate sentences for each of the codebook's decisions (docs/codebook.md, D1–D8), found by surface patterns of
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
    test: (t) => /主管|负责|职责范围|履行.{0,20}职责/.test(t) || /\bshall (?:administer|enforce) this\b|\bresponsible for (?:the )?(?:administ|enforc|implement)|\bhas jurisdiction\b|\bprimary responsibility\b/i.test(t),
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
    test: (t) => /征求.{0,20}(?:部门|机关|专家)|专家论证|咨询/.test(t) || /\bin consultation with\b|\bconsult(?:ation)? with\b|\bafter consulting\b/i.test(t),
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
