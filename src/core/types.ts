// Plain data shared by the engine, the CLI and the extension. Offsets are UTF-16 code units, as VS Code counts.

export type Polarity = 'control' | 'engagement';
export type Language = 'en' | 'zh';
/** `auto` detects per document; a mixed document annotates both languages either way. */
export type LanguageSetting = Language | 'auto';

/** What a context rule did to a match. */
export type RuleKind = 'negation' | 'exemption' | 'protection' | 'direction' | 'target' | 'topic' | 'secrecy' | 'inherited' | 'subject';

export interface Category {
  id: string;
  label: string;
  /** Simplified Chinese label, shown when VS Code's display language is Chinese. */
  labelZh?: string;
  polarity: Polarity;
  description: string;
}

/** One lexicon entry as written in a lexicon file. */
export interface LexiconEntrySource {
  /** A word (matched through its stem), a wildcard stem (`surveil*`) or a multiword phrase. */
  term: string;
  /** Category id; absent when `neutral` is true. */
  category?: string;
  /** Default 1. */
  weight?: number;
  /** A neutral entry claims its span (longest match wins) but yields no annotation: "control loop". */
  neutral?: boolean;
  /** Why the entry exists, shown in the hover. */
  note?: string;
  /**
   * A topic noun names what a text is about ("privacy", 行政处罚) and takes no stance by itself: its matches are
   * shown but counted only with an `act` cue near them in the same clause, or inside a phrase entry.
   */
  topic?: boolean;
  /**
   * Conduct of the governed that a rule forbids (散布谣言, "incite violence"): a ban on it (不得, "shall not") is
   * control, so a protect cue before it does not make it a protection of people. On an engagement entry, conduct that
   * wrongs the people a party deals with (引人误解, "mislead consumers"): a ban on it protects them, so a protect cue
   * before it leaves it counted instead of negating it. A negation still negates either.
   */
  conduct?: boolean;
  /**
   * A command in a plain verb ("require", "order"): counted only as the act of an authority, when it follows its
   * clause's predicate word ("shall", "may") and the subject before that word holds an `act` cue of scope `subject`
   * ("The Secretary shall order the person …"); otherwise not shown. A bare verb says nothing of who commands whom.
   */
  command?: boolean;
}

/**
 * How a cue before (or after) a match changes it; `none` only claims its words ("not only", 不得不). `target`: the
 * control measure is aimed at officials or agencies, so it is accountability (scheme principle 4). `object`: the
 * control measure is the object of a person's right or of redress (principle 3). `act`: the cue states an act
 * that gives a topic entry its stance ("install a pen register"). A `target` cue of a control category turns the
 * other way: reporting aimed at the police is recruited reporting. `secret`: what a banned disclosure would reveal
 * is a state measure ("must not disclose the existence of the order"), so the ban is a secrecy duty: control.
 * `organise`: the match names a practice that its clause organises rather than does (the subject of 应当遵循…原则, the
 * practice that names a body, its staff or its plan, 检查人员), so it is shown and not counted, as a definition's are.
 */
export type CueEffect = 'negate' | 'exempt' | 'protect' | 'none' | 'target' | 'object' | 'act' | 'define' | 'secret' | 'organise';

export interface CueSource {
  cue: string;
  effect: CueEffect;
  /** This cue's own reach in tokens, when it differs from the lexicon's `window` ("without" reaches 2). */
  window?: number;
  /**
   * For `target`, `object` and `secret` cues: the category the match moves to (default: accountability for a target
   * cue, the lexicon's protectionCategory for an object cue, censorship for a secret cue). A target cue moves matches of
   * the other polarity only: an engagement category takes control matches, a control category engagement matches.
   */
  category?: string;
  /**
   * For `target` cues: only matches of these categories move (`"categories": ["complaints"]`: reporting, not appeals).
   * For `secret` cues: matches of these categories are secrecy duties even with no ban cue before them (不得泄露 is an
   * entry written with its ban). For `organise` cues: only matches of these categories are organised; others resolve
   * as if the cue were not there.
   */
  categories?: string[];
  /**
   * `phrase`: the cue qualifies a phrase, not the clause's predicate, so it does not reach past a predicate word
   * ("without consent shall be fined" is still a sanction); an after-cue of phrase scope is a predicate that reaches
   * back over its subject only, not after another predicate word ("Each such inspection shall be commenced").
   * `subject`: the cue opens a clause's subject ("no provider"),
   * so it also governs the act right after the clause's first predicate word, however long the subject ("no provider
   * that receives a request under subsection (b), or officer thereof, shall disclose"). `object` (target cues only):
   * the cue names whom the measure is aimed at only when it stands in the object of a marker (the lexicon's
   * `objectMarkers`, Chinese 对: "对下级人民政府开展督查"); the same words as the clause's subject name the actor
   * ("公安机关对…人员当场盘问" stays control). `sentence` (define and organise cues only): the cue reaches every match
   * after it in its clause whatever its window, since a definition's whole clause says what the term covers ("本条例所称政府督查，是指…组织
   * 开展的监督检查"); an after-cue every match before it ("…等活动，应当遵循…的原则"). Default `clause`.
   */
  scope?: 'clause' | 'phrase' | 'subject' | 'object' | 'sentence';
  /**
   * For `organise` cues: the cue organises a match only when one of these head nouns follows the match in its phrase
   * and no object marker stands before the match in its clause: the field of work that a competence clause allocates
   * ("负责本行政区域内的投诉举报处理工作", "履行监督管理…职责"), not the firms it names ("负责对…经营单位的监督管理").
   */
  heads?: string[];
  /**
   * For `target` cues: what the cue aims the match at, read after "aims <match>" in the explanation ("at keeping
   * disputes local: control dressed as engagement"). Without it the explanation names the police or officials.
   */
  note?: string;
}

export interface LexiconSource {
  name: string;
  version: string;
  language: Language;
  description?: string;
  categories: Category[];
  entries: LexiconEntrySource[];
  context?: {
    /** Cues that precede a match within `window` tokens of the same clause. */
    before?: CueSource[];
    /** Cues that follow a match within `window` tokens of the same clause ("is prohibited"). */
    after?: CueSource[];
    /** Words that close a clause for cue scope ("but", "however"). */
    clauseBreaks?: string[];
    /** Words that open a clause's predicate ("shall", "must"): a cue of scope `phrase` does not reach past one. */
    predicates?: string[];
    /** Words that open the object of a measure (Chinese 对): a cue of scope `object` counts only inside one. */
    objectMarkers?: string[];
    /** Tokens between a cue and the match, at most. English counts words, Chinese counts characters. */
    window?: number;
    /** Category a protected control match moves to ("petitioners shall not be detained" → rights). */
    protectionCategory?: string;
    /**
     * Lists: the items of a list whose lead-in is control inherit it (listContext.ts); present, it turns this on.
     * `refer`: words by which a lead-in names its items (下列); only a control match after them reaches the items (one
     * before them is the items' condition: 获得举报奖励应当符合下列条件). `ban`: words that make a lead-in a ban (不得),
     * and the entry (a term of this lexicon) the items of a ban list are counted as, and the parties a ban may shield
     * (`shields`: 消费者): a ban list whose lead-in or item names one, not as the ban's own subject, lists protections, and
     * the officials a ban may bind (`officials`: 人民警察, 机关): a ban list whose ban binds one (codebook D15) hands no ban
     * on, its items name the official acts it forbids, shown as topics; with `officialsEntry` (a term of this lexicon)
     * each such item is counted as that entry, a protection of the governed from the act it forbids the official
     * (codebook D15a), except a catch-all that names no act (其他违法行为, D15c). `unpunctuated`: a lead-in may also
     * end on a word, as statute text that drops the dash before its items does, when it is a sentence (not a title),
     * its last counted match is of one of `categories` (the measures whose items state the measure: a penalty, a
     * condition imposed on a person) and its last word is none of `except` (a condition's "if", an item's "and") and it holds none of `exceptWith` (an
     * exemption's "not": "does not include the authority to prohibit" names what stays free). `exemption`: words that
     * make a lead-in (ending on a colon, a dash or a word) an exemption ("shall not apply to"): its items name what the
     * duty or protection does not reach, so their counted matches of `categories` are shown as topics, not counted;
     * `sentences`: words that make any sentence holding them show its own counted engagement matches as topics too
     * ("Subsections (a) and (b) shall not prohibit the disclosure of …" grants no disclosure). `obliged`: last words
     * that leave a governed person as the subject of the items' verbs ("… as further conditions of probation, that the
     * defendant", "… may by order require such person to"): each item is a duty laid on that person, counted as `entry`;
     * the lead-in itself names no act and is not counted (codebook D2). `oversight`: a lead-in that names the supervision
     * of authorities (one of `words`, 督查) and, after it, the means its items list (one of `means`, 方式), with no counted
     * control match of its own: each item is a means of holding the inspected authorities to account, counted as `entry`.
     * `grounds`: a lead-in that grants a right, a remedy or a protection (its last counted match is of one of
     * `categories`, or its ban word protects) and names the grounds its items list (one of `words`, 情形: "有下列…情形之一的，
     * 受害人有取得赔偿的权利：", "对具有下列情形之一的人员，不得适用继续盘问："): each item is a ground on which the person obtains
     * it, counted as `entry` (codebook D45). `protective`: a lead-in (ending on a colon, a dash or a word) whose last
     * sentence holds a counted protective ban (a control match a protection cue moved, "may not be detained"; or conduct
     * a ban forbids, "No entity shall discriminate … in") with none of `except` after it (the items of "… unless" are the
     * ban's exceptions) hands its items that protection: each item names what the ban shields (codebook D53).
     */
    lists?: { refer?: string[]; ban?: { words: string[]; entry: string; shields?: string[]; officials?: string[]; officialsEntry?: string }; obliged?: { words: string[]; entry: string }; oversight?: { words: string[]; means: string[]; entry: string }; grounds?: { words: string[]; categories: string[]; entry: string }; unpunctuated?: { categories: string[]; except: string[]; exceptWith?: string[] }; exemption?: { words: string[]; categories: string[]; sentences?: string[] }; protective?: { except: string[] } };
    /**
     * Document subjects (listContext.ts): a document whose title line (its first line, with no sentence-final mark)
     * holds every word of `title` is a scheme of that kind, so counted matches of the `moves` categories all through it
     * count in `category` (a reward scheme for reports to state security: its complaint channel is recruited reporting). `note` is read in the explanation after "makes <match>".
     */
    subjects?: { title: string[]; category: string; moves: string[]; note: string }[];
  };
}

/** One annotation: a lexicon entry found in the text, after context rules. */
export interface Match {
  start: number;
  end: number;
  /** The matched text as it stands in the document. */
  text: string;
  polarity: Polarity;
  category: string;
  /** The lexicon entry's term as written in the lexicon. */
  entry: string;
  weight: number;
  rule: RuleKind | null;
  /** Human-readable reason for the rule: the cue, or the shorter entry a phrase overrode. */
  ruleDetail: string | null;
  /** Negated and exempted matches are shown but never counted. */
  negated: boolean;
  /** Index of the match's sentence in the document (or the analysed text), counting from 0. */
  sentence: number;
}

/** The evidence of one polarity: counted matches, their summed entry weights, and matches per 1,000 words. */
export interface PolarityTally {
  matches: number;
  weight: number;
  perThousandWords: number;
}

/** Sentences as the engine splits them, and how many hold at least one counted match of each polarity. */
export interface Units {
  sentences: number;
  /** Sentences with at least one counted control match. */
  control: number;
  /** Sentences with at least one counted engagement match. */
  engagement: number;
  /** Sentences counted in both of the above. */
  both: number;
}

export type LeanLabel = 'control-leaning' | 'balanced' | 'engagement-leaning' | 'no signal';

export interface Lean {
  /** (engagement sentences − control sentences) / (engagement sentences + control sentences); null when both are 0. */
  index: number | null;
  label: LeanLabel;
  /** True when fewer than THIN_EVIDENCE sentences hold a counted match (see docs/measurement.md). */
  thin: boolean;
  /** What the index counts. */
  basis: 'sentences';
}

export interface TermCount {
  term: string;
  count: number;
}

export interface CategoryTally {
  id: string;
  label: string;
  polarity: Polarity;
  matches: number;
  weight: number;
  terms: TermCount[];
}

/** A section with everything inside it: its own text and its subsections'. */
export interface SectionTally {
  title: string;
  /** Depth in the section tree, 1 = outermost. */
  level: number;
  /** Index of the enclosing section in the same array, or null. */
  parent: number | null;
  /** Zero-based lines; endLine (inclusive) covers the section's children. */
  startLine: number;
  endLine: number;
  startOffset: number;
  endOffset: number;
  words: number;
  units: Units;
  control: PolarityTally;
  engagement: PolarityTally;
  lean: Lean;
}

export interface Tally {
  language: Language | 'mixed';
  words: number;
  units: Units;
  control: PolarityTally;
  engagement: PolarityTally;
  lean: Lean;
  categories: CategoryTally[];
  sections: SectionTally[];
}
