// Features of a sentence that the coding scheme names (docs/codebook.md, the coding scheme's "who acts on whom",
// "modal verbs don't decide", negation and exemption, enumerations, definitions and entry-into-force clauses), for
// the retried sentence model (issue #13). Each is a named yes/no fact, so that a reviewer can read a weight table:
// - from the engine's analysis: which of the lexicons' categories (the act's class) occur in the sentence, counted or
//   shown alike; which polarity has a match the engine shows but does not count (negation, exemption, ban scope); the
//   rule kinds that touched a match. The engine's final decision is not among them (see `decision`).
// - from the text: the clause's modality, who its subject is (an authority or the governed) and whom it names after
//   the modal verb, a right, a negation or an exemption, the clause type (definition, scope, commencement, purpose,
//   heading), passive voice, list structure (an item, a lead-in) and, for an item, its lead-in's facts under `parent:`.
import { Match, Polarity } from '../../src/core/index';
import { FeatureBag } from './sentenceFeatures';

type Language = 'en' | 'zh';

/** The text facts of one sentence, as named booleans. */
export interface TextFacts {
  duty: boolean;
  may: boolean;
  ban: boolean;
  right: boolean;
  negation: boolean;
  exemption: boolean;
  subjectAuthority: boolean;
  subjectGoverned: boolean;
  targetAuthority: boolean;
  targetGoverned: boolean;
  definition: boolean;
  scope: boolean;
  commencement: boolean;
  purpose: boolean;
  heading: boolean;
  passive: boolean;
  item: boolean;
  leadIn: boolean;
}

interface Cues {
  duty: RegExp;
  may: RegExp;
  ban: RegExp;
  right: RegExp;
  negation: RegExp;
  exemption: RegExp;
  authority: RegExp;
  governed: RegExp;
  definition: RegExp;
  scope: RegExp;
  commencement: RegExp;
  purpose: RegExp;
  passive: RegExp;
  item: RegExp;
  leadIn: RegExp;
  /** Any modal verb: where the subject ends and the predicate begins. */
  modal: RegExp;
}

const EN: Cues = {
  duty: /\b(shall|must|(is|are) required to|has the duty|have the duty)\b(?! not\b)/i,
  may: /\b(may|(is|are) authorized to|has authority to|have authority to)\b(?! not\b)/i,
  ban: /\b(shall not|may not|must not|no (person|one|entity|individual)\b.*\b(shall|may)|(is|are) prohibited|prohibited from|it (is|shall be) unlawful)\b/i,
  right: /\b(right to|rights|entitled|may (request|appeal|petition|file|object|seek|obtain|apply))\b/i,
  negation: /\b(not|no|never|neither|nor|without)\b/i,
  exemption: /\b(exempt\w*|except\b|(does|shall) not apply|nothing in this)/i,
  authority:
    /\b(secretary|attorney general|administrator|commissioner|director|agency|agencies|department|commission|board|bureau|court|judge|officers?|officials?|inspectors?|government|authorit(y|ies)|ombudsman|council|state|postmaster|police|sheriff|marshal)\b/i,
  governed:
    /\b(person|persons|individuals?|applicants?|employers?|employees?|operators?|providers?|compan(y|ies)|firms?|business(es)?|owners?|citizens?|residents?|aliens?|defendants?|part(y|ies)|consumers?|users?|holders?|licensees?|manufacturers?|servicers?|borrowers?|child(ren)?|parents?|students?|patients?|beneficiar(y|ies)|victims?|the public|petitioners?|complainants?|subscribers?|customers?|carriers?|offenders?|prisoners?|detainees?|respondents?|taxpayers?|workers?|entit(y|ies)|dealers?|registrants?|claimants?|members?)\b/i,
  definition: /\b(means|the term|shall mean|as used in|for (the )?purposes of this|is defined|are defined)\b/i,
  scope: /\b(appl(y|ies) to|shall apply|does not apply|shall not apply)\b/i,
  commencement: /\b(takes? effect|effective date|shall become effective|effective (on|upon|as of)|shall be effective)\b/i,
  purpose: /\b(the purposes? of th(is|e)|in order to|it is the policy)\b/i,
  passive: /\b(be|been|is|are|was|were)\s+[a-z]+ed\b/i,
  item: /^\s*(\((\d+|[a-z]{1,4}|[A-Z]{1,3})\)|\d+\.|[A-Z]\.|[•\-–—*])\s/,
  leadIn: /([:—–]\s*$|\b(the following|as follows)\b)/i,
  modal: /\b(shall|must|may|is required to|are required to|is authorized to|are authorized to|is prohibited|are prohibited)\b/i,
};

const ZH: Cues = {
  duty: /应当|必须|应(?!用|急|对|收|届)|负责|有义务/,
  may: /可以|有权/,
  ban: /不得|禁止|严禁|不准/,
  right: /有权|权利|权益/,
  negation: /不(?!得)|未(?!成年)|无|非(?!法)/,
  exemption: /不适用|除外|免予|免除/,
  authority: /人民政府|政府|机关|部门|公安|法院|检察院|委员会|人民警察|民警|警察|执法人员|工作人员|监察|国务院|主管|行政机构/,
  governed: /公民|个人|单位|组织|经营者|企业|当事人|用户|申请人|消费者|居民|村民|相对人|驾驶人|监护人|未成年人|患者|任何人|业主|法人|市场主体|行为人|罪犯|服刑人员|投资者|运营者|提供者|从业人员/,
  definition: /是指|所称|系指|本(法|条例|办法|规定)(中|所)?(的)?[^，。]{0,6}(包括|指)/,
  scope: /适用于|适用本|本(法|条例|办法|规定|细则)适用|不适用/,
  commencement: /施行|生效|起实施|废止/,
  purpose: /为了.*制定|根据.*制定本|为.*特制定/,
  passive: /被|予以|受到/,
  item: /^\s*(（[一二三四五六七八九十\d]+）|\([一二三四五六七八九十\d]+\)|[一二三四五六七八九十]+、|\d+[.、．])/,
  leadIn: /([：:]\s*$|下列|如下)/,
  modal: /应当|必须|应(?!用|急|对|收|届)|可以|有权|不得|禁止|严禁|不准/,
};

/** The text facts of a sentence. */
export function textFacts(text: string, language: Language): TextFacts {
  const cues = language === 'zh' ? ZH : EN;
  const modal = cues.modal.exec(text);
  const subjectZone = modal ? text.slice(0, modal.index) : '';
  const targetZone = modal ? text.slice(modal.index + modal[0].length) : text;
  const ban = cues.ban.test(text);
  const words = language === 'zh' ? [...text.replace(/\s+/g, '')].length : (text.match(/\S+/g) ?? []).length;
  const ends = /[.;:!?。；：！？]\s*["”’)）]*\s*$/.test(text);
  return {
    duty: cues.duty.test(text) && !ban,
    may: cues.may.test(text),
    ban,
    right: cues.right.test(text),
    negation: cues.negation.test(text),
    exemption: cues.exemption.test(text),
    subjectAuthority: cues.authority.test(subjectZone),
    subjectGoverned: cues.governed.test(subjectZone),
    targetAuthority: cues.authority.test(targetZone),
    targetGoverned: cues.governed.test(targetZone),
    definition: cues.definition.test(text),
    scope: cues.scope.test(text),
    commencement: cues.commencement.test(text),
    purpose: cues.purpose.test(text),
    heading: !ends && words <= (language === 'zh' ? 30 : 14),
    passive: cues.passive.test(text),
    item: cues.item.test(text),
    leadIn: cues.leadIn.test(text),
  };
}

const POLARITIES: readonly Polarity[] = ['control', 'engagement'];

/** The engine's analysis facts of a sentence: act classes, shown-not-counted polarities, rule kinds. */
export function analysisFacts(matches: readonly Match[]): FeatureBag {
  const bag: FeatureBag = new Map();
  for (const m of matches) {
    bag.set(`act:${m.category}`, 1);
    bag.set(`act:${m.polarity}`, 1);
    if (m.negated) bag.set(`shown:${m.polarity}`, 1);
    if (m.rule) bag.set(`rule:${m.rule}`, 1);
  }
  return bag;
}

/** The facts of a list item's lead-in that an item inherits, named under `parent:`. */
function parentFacts(facts: TextFacts, matches: readonly Match[], bag: FeatureBag): void {
  const set = (name: string, on: boolean): void => {
    if (on) bag.set(`parent:${name}`, 1);
  };
  for (const p of POLARITIES) {
    set(`act:${p}`, matches.some((m) => m.polarity === p));
    set(`shown:${p}`, matches.some((m) => m.polarity === p && m.negated));
  }
  set('duty', facts.duty);
  set('may', facts.may);
  set('ban', facts.ban);
  set('right', facts.right);
  set('exemption', facts.exemption);
  set('subject:authority', facts.subjectAuthority);
  set('subject:governed', facts.subjectGoverned);
}

/** One sentence of a document, as the scheme features read it. */
export interface SchemeSentence {
  text: string;
  matches: readonly Match[];
}

/**
 * The scheme features of sentence `i` of a document's sentences (in order). `decision` adds the engine's own
 * decision per polarity (`engine:control`, `engine:engagement`), for the comparison variant only.
 */
export function schemeFeatures(sentences: readonly SchemeSentence[], i: number, language: Language, decision = false): FeatureBag {
  const { text, matches } = sentences[i];
  const facts = textFacts(text, language);
  const bag = analysisFacts(matches);
  const set = (name: string, on: boolean): void => {
    if (on) bag.set(name, 1);
  };
  set('modal:duty', facts.duty);
  set('modal:may', facts.may);
  set('modal:ban', facts.ban);
  set('right', facts.right);
  set('negation', facts.negation);
  set('exemption', facts.exemption);
  set('subject:authority', facts.subjectAuthority);
  set('subject:governed', facts.subjectGoverned);
  set('target:authority', facts.targetAuthority);
  set('target:governed', facts.targetGoverned);
  set('type:definition', facts.definition);
  set('type:scope', facts.scope);
  set('type:commencement', facts.commencement);
  set('type:purpose', facts.purpose);
  set('type:heading', facts.heading);
  set('passive', facts.passive);
  set('list:item', facts.item);
  set('list:lead-in', facts.leadIn);
  const anyModal = facts.duty || facts.may || facts.ban;
  for (const p of POLARITIES) {
    if (!matches.some((m) => m.polarity === p)) continue;
    set(`act:${p}&subject:authority`, facts.subjectAuthority);
    set(`act:${p}&subject:governed`, facts.subjectGoverned);
    set(`act:${p}&target:governed`, facts.targetGoverned);
    set(`act:${p}&target:authority`, facts.targetAuthority);
    set(`act:${p}&ban`, facts.ban);
    set(`act:${p}&right`, facts.right);
    set(`act:${p}&topic-only`, !anyModal && !facts.heading);
  }
  if (facts.item) {
    // The nearest sentence before the item that is a lead-in, passing over the items between.
    for (let j = i - 1; j >= 0 && j >= i - 40; j--) {
      const before = textFacts(sentences[j].text, language);
      if (before.leadIn) {
        parentFacts(before, sentences[j].matches, bag);
        break;
      }
      if (!before.item) break;
    }
  }
  if (decision) for (const p of POLARITIES) set(`engine:${p}`, matches.some((m) => m.polarity === p && !m.negated));
  return bag;
}
