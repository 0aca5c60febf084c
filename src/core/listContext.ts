// Analysis across blocks: a list's lead-in reaches its items. Each block is analysed alone (an edit re-analyses only
// the blocks around it), then given a small context computed from the blocks before it: the lead-in whose list it is
// an item of, if that lead-in is control. Such an item gets one annotation on its enumerator, counted like any other,
// whose explanation names the lead-in (scheme: "items of a ban, blacklist or penalty list inherit the ban").
// The context depends only on the text: a lead-in is a block's last sentence ending on a colon or a dash that holds a
// ban word of the lexicons or whose last counted match is control, or, where the lexicons allow it (`unpunctuated`:
// statute text that drops the dash), a sentence ending on a word whose last counted match is a penalty or a
// condition; it governs the blocks that follow it as long as each opens with an enumerator, or, after a colon lead-in,
// is the unnumbered body of a headed item ("(1) Conviction of crimes"). A lead-in holding an
// exemption's words (`exemption`: "shall not apply to") hands on no annotation: its items' engagement matches of the
// exemption's categories are shown as topics, naming the lead-in (scheme: exemptions are no engagement). A lead-in that
// lists the means of supervising authorities (`oversight`: 政府督查可以采取以下方式) hands its items accountability, and one that
// grants a right, a remedy or a protection on grounds its items list (`grounds`: 有下列情形之一的，受害人有取得赔偿的权利) hands
// them that grant (codebook D45). Lexicons turn
// this on (`context.lists`). analysis.ts carries the lead-in from block to block and re-analyses the items of a lead-in
// that an edit changed, so an edited analysis still equals a fresh one.
import { blockAt } from './blocks';
import { exemptSentences } from './exemptionSentences';
import { isTitleLike } from './headings';
import { GroundsLeadIns, Matcher } from './matcher';
import { ENTRY_CONDUCT, ENTRY_ENGAGEMENT } from './ruleFacts';
import { MatchList, MatchListBuilder, matchCount, matchEnd, MatchReader, matchStart, RULE_DIRECTION, RULE_INHERITED, RULE_NONE, RULE_PROTECTION, RULE_SECRECY, RULE_SUBJECT, RULE_TARGET, RULE_TOPIC, TOPIC_COVERED, TOPIC_EXEMPTION } from './matchList';
import type { BlockResult } from './scan';

/** What a lead-in hands its items: the annotation they get and the words their explanation quotes. */
export interface LeadIn {
  /** The lexicon entry the items are counted as, and the cue that moved the lead-in's match (−1 for none). */
  readonly entry: number;
  readonly argument: number;
  /** True when a ban word made the lead-in a ban (the lexicon's `lists.ban`). */
  readonly ban: boolean;
  /** True when exemption words made the lead-in an exemption (the lexicon's `lists.exemption`): its items get no annotation, their matches of its categories are shown as topics. */
  readonly exemption: boolean;
  /**
   * True when the lead-in grants a right, a remedy or a protection (its last counted match is engagement, or its ban word
   * protects), or lists the means of supervising authorities (then `entry` is that of `lists.oversight`): its items name
   * what that covers or reaches, their control matches are shown as topics.
   */
  readonly covers: boolean;
  /**
   * True when a covering lead-in names the grounds its items list (the lexicon's `lists.grounds`: "有下列…情形之一的，受害人有
   * 取得赔偿的权利："): each item is a ground on which the person obtains the right, remedy or protection, counted as `entry`.
   */
  readonly grounds?: boolean;
  /**
   * True when the lead-in is a ban that binds officials and `entry` is the lexicon's `officialsEntry`: each item forbids
   * the official an act on the governed (codebook D15a), except a catch-all that names no act (其他违法行为, D15c).
   */
  readonly officials?: boolean;
  /** True when a covering lead-in is a protective ban that reaches its items (the lexicon's `lists.protective`): each item names what the ban shields, counted as `entry` (codebook D53). */
  readonly protective?: boolean;
  /** True when the lead-in ends on a colon or a dash: its items may be headed subsections ("(1) Conviction of crimes"). */
  readonly colon: boolean;
  /** True when handed on by a heading item of the list: the block after it, unnumbered, is that item's body. */
  readonly headed: boolean;
  /** The lead-in sentence's words, shortened for the explanation. */
  readonly text: string;
  /** Offset of the lead-in sentence from its block's start: where the explanation reads its line. */
  readonly offset: number;
  /** For a ban: the parties it may shield; an item that names one lists a protection, not a banned act (ListBan.shields). */
  readonly shields?: RegExp | null;
  /** For a headed lead-in: the kind of its heading items' enumerator (enumeratorKind), so that a list nested in an item's body knows where it ends. */
  readonly headedKind?: string;
  /**
   * For a lead-in that is itself the body of a headed item of a list (en: "(5) Exclusion …" over "Any individual … which has
   * been … sanctioned, under" over "(A) …", "(B) …"): that outer list's lead-in, taken up again at the next item whose
   * enumerator is of the outer headings' kind (`outerKind`, "(6) …").
   */
  readonly outer?: LeadIn | null;
  readonly outerKind?: string;
  /** For a ban that hands itself on: where its ban word stands in the lead-in's block (`[banFrom, banTo)`), annotated when the lead-in counts no control of its own. */
  readonly banFrom?: number;
  readonly banTo?: number;
}

/** An item that opens in lower case after its enumerator ("(A) investigate, regulate, or prohibit"): a statute's clause, never a title. */
const LOWER_ITEM = /^\s*(?:\((?:\d{1,3}|[A-Za-z]{1,4})\)|[A-Za-z0-9]{1,4}\))\s*[a-z]/;

/** Longest quote of a lead-in in an explanation. */
const QUOTE = 60;
/** A lead-in sentence read past this many characters back from its block's end is cut there. */
const LEAD_CHARS = 600;

/** True when two lead-ins give their items the same annotations (the line is read when shown, not stored). */
export function sameLeadIn(a: LeadIn | null, b: LeadIn | null): boolean {
  if (a === null || b === null) return a === b;
  return (
    a.entry === b.entry &&
    a.argument === b.argument &&
    a.ban === b.ban &&
    a.exemption === b.exemption &&
    a.covers === b.covers &&
    (a.grounds ?? false) === (b.grounds ?? false) &&
    (a.officials ?? false) === (b.officials ?? false) &&
    (a.protective ?? false) === (b.protective ?? false) &&
    a.colon === b.colon &&
    a.headed === b.headed &&
    a.text === b.text &&
    (a.shields ?? null) === (b.shields ?? null) &&
    (a.headedKind ?? '') === (b.headedKind ?? '') &&
    (a.outerKind ?? '') === (b.outerKind ?? '') &&
    sameLeadIn(a.outer ?? null, b.outer ?? null)
  );
}

/**
 * The lead-in the block `[start, start + block.length)` of `text` is, or null: its last sentence ends on a colon or a
 * dash ("：", "—", "--") and holds a ban word, or its last counted match is control (and stands after the words that
 * name the items, 下列, when it holds them). A heading may be one: statutes run an article's number into its lead-in.
 */
export function leadInOf(text: string, start: number, block: BlockResult, matcher: Matcher, reader: MatchReader): LeadIn | null {
  const rules = matcher.lists;
  if (rules === null || block.sentences === 0) return null;
  let end = start + block.length;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  if (end === start) return null;
  const last = text.charCodeAt(end - 1);
  const colon = last === 58 || last === 0xff1a || last === 0x2014 || last === 0x2013 || (last === 45 && end - 2 >= start && text.charCodeAt(end - 2) === 45);
  const open = colon ? null : rules.unpunctuated;
  // A protective ban may end on a parenthesis ("… because the employee (or any person acting pursuant to a request of
  // the employee)"); other lead-ins without a colon end on a word.
  const closing = last === 41 && rules.protective != null;
  if (!colon && ((open === null && rules.exemption === null && rules.protective == null) || !(isToken(last) || closing))) return null;
  const sentenceStart = lastSentenceStart(text, start, end);
  const words = text.slice(sentenceStart, end);
  // A title ("(b) Fraud; disqualification penalties"; an item in lower case is none), a condition or an item ending on a
  // word ("…; or") is no lead-in.
  if (!colon && ((isTitleLike(words) && !LOWER_ITEM.test(words)) || open?.except?.test(words) === true)) return null;
  if (rules.exemption?.pattern.test(words) === true) return { entry: -1, argument: -1, ban: false, exemption: true, covers: false, colon, headed: false, text: quote(words), offset: sentenceStart - start };
  // "… as further conditions of probation, that the defendant": each item is what the person must do.
  for (const oblige of rules.obliged) {
    if (oblige.pattern.test(words)) return { entry: oblige.entry, argument: -1, ban: false, exemption: false, covers: false, colon, headed: false, text: quote(words), offset: sentenceStart - start };
  }
  // "No entity shall discriminate against an individual … in" over "(A) admission, access to, or treatment for health
  // care": each item names what the protective ban shields (codebook D53).
  // A lead-in that names the grounds of a protection keeps them (grantLeadIn).
  const shield = rules.protective == null || rules.grounds?.pattern.test(words) === true ? null : protectiveBan(text, start, block, matcher, reader, end, rules.protective.except);
  if (shield !== null) return { entry: shield.entry, argument: shield.argument, ban: false, exemption: false, covers: true, protective: true, colon, headed: false, text: quote(words), offset: sentenceStart - start };
  if (closing && !colon) return null;
  if (!colon) {
    if (open === null || open.exceptWith?.test(words) === true) return null;
    return stanceLeadIn(start, block, reader, words, sentenceStart, -1, open.categories, false);
  }
  for (const ban of rules.bans) {
    if (!ban.pattern.test(words)) continue;
    // A ban that protects people from a measure ("对具有下列情形之一的人员，不得适用继续盘问：") or that names the party it
    // shields ("经营者向消费者提供…信息…不得有下列…行为：") bans nothing its items name: they are what the protection covers.
    // A ban that binds officials ("监狱的人民警察不得有下列行为：") is control or engagement only by what its items forbid
    // (codebook D15): mostly the official's acts on the governed, which the ban shields them from.
    // With the lexicon's `officialsEntry`, each item of a ban that binds officials is a protection of the governed from
    // the act it forbids the official (D15a), counted as that entry.
    const protective = protects(block, reader);
    const shielding = ban.shields?.test(words) === true;
    const official = bindsOfficials(words, ban.pattern, ban.officials ?? null);
    if (protective || shielding || official) {
      const granted = grantLeadIn(block, reader, rules.grounds, words, sentenceStart - start, colon);
      const entry = ban.officialsEntry ?? -1;
      return official && !protective && !shielding && granted.grounds !== true && entry >= 0 ? { ...granted, entry, officials: true } : granted;
    }
    const word = ban.pattern.exec(words);
    const banFrom = word === null ? -1 : sentenceStart - start + word.index;
    return { entry: ban.entry, argument: -1, ban: true, exemption: false, covers: false, colon, headed: false, text: quote(words), offset: sentenceStart - start, shields: ban.shields, banFrom, banTo: word === null ? -1 : banFrom + word[0].length };
  }
  // "政府督查可以采取以下方式：": each item is a means of holding the inspected authorities to account.
  for (const watch of rules.oversight) {
    if (watch.pattern.test(words) && !countsControl(block, reader)) return { entry: watch.entry, argument: -1, ban: false, exemption: false, covers: true, colon, headed: false, text: quote(words), offset: sentenceStart - start, shields: null };
  }
  const refer = rules.refer?.exec(words) ?? null;
  const stance = stanceLeadIn(start, block, reader, words, sentenceStart, refer === null ? -1 : sentenceStart + refer.index, null, true);
  return stance !== null && stance.covers ? grantLeadIn(block, reader, rules.grounds, words, sentenceStart - start, colon) : stance;
}

/**
 * A lead-in that grants a right, a remedy or a protection (its last counted match is engagement, or its ban word
 * protects): when it names the grounds its items list and that match is of one of the grounds' categories, each item is a
 * ground on which the person obtains it (the codebook's D45: the grounds of a measure take its label), counted as the
 * grounds' entry; otherwise its items only name what it covers.
 */
function grantLeadIn(block: BlockResult, reader: MatchReader, grounds: GroundsLeadIns | null, words: string, offset: number, colon: boolean): LeadIn {
  const cover = coverLeadIn(words, offset, colon);
  if (grounds === null || !grounds.pattern.test(words)) return cover;
  const list = block.matches;
  const lastSentence = block.sentences - 1;
  for (let m = matchCount(list) - 1; m >= 0 && block.matchSentences[m] === lastSentence; m--) {
    if (reader.negated(list, m)) continue;
    return grounds.categories.has(reader.categoryIndex(list, m)) ? { ...cover, entry: grounds.entry, grounds: true } : cover;
  }
  return cover;
}

/**
 * The lead-in whose stance is its last counted match, nearest the list, if that is control: of one of `categories`
 * when given, and standing after `after` (the words that name the items) when that is not −1.
 */
function stanceLeadIn(start: number, block: BlockResult, reader: MatchReader, words: string, sentenceStart: number, after: number, categories: ReadonlySet<number> | null, colon: boolean): LeadIn | null {
  const list = block.matches;
  const lastSentence = block.sentences - 1;
  for (let m = matchCount(list) - 1; m >= 0 && block.matchSentences[m] === lastSentence; m--) {
    if (reader.negated(list, m)) continue;
    if (after >= 0 && start + matchStart(list, m) < after) return null;
    // A colon lead-in that grants a right or a remedy ("…受害人有取得赔偿的权利：") lists what it covers.
    if (!reader.isControl(list, m)) return categories === null ? coverLeadIn(words, sentenceStart - start, colon) : null;
    if (categories !== null && !categories.has(reader.categoryIndex(list, m))) return null;
    const rule = reader.rule(list, m);
    const moved = rule === RULE_TARGET || rule === RULE_SECRECY;
    return { entry: reader.entryIndex(list, m), argument: moved ? reader.argument(list, m) : -1, ban: false, exemption: false, covers: false, colon, headed: false, text: quote(words), offset: sentenceStart - start };
  }
  return null;
}

/**
 * The last counted protective ban of the block's last sentence, if none of `except` follows it: a control match a
 * protection cue moved ("may not be detained"), or conduct of engagement a ban forbids and keeps counted ("No entity
 * shall discriminate"). Its entry, and the cue whose category the items take (−1 for the entry's own), or null.
 */
function protectiveBan(text: string, start: number, block: BlockResult, matcher: Matcher, reader: MatchReader, end: number, except: RegExp | null): { entry: number; argument: number } | null {
  const list = block.matches;
  const lastSentence = block.sentences - 1;
  for (let m = matchCount(list) - 1; m >= 0 && block.matchSentences[m] === lastSentence; m--) {
    const rule = reader.rule(list, m);
    const entry = reader.entryIndex(list, m);
    const conduct = rule === RULE_NONE && (matcher.entryFacts[entry] & (ENTRY_CONDUCT | ENTRY_ENGAGEMENT)) === (ENTRY_CONDUCT | ENTRY_ENGAGEMENT);
    if (rule !== RULE_PROTECTION && !conduct) continue;
    if (except !== null && except.test(text.slice(start + matchEnd(list, m), end))) return null;
    return { entry, argument: rule === RULE_PROTECTION ? reader.argument(list, m) : -1 };
  }
  return null;
}

/** A lead-in whose items name what a right, a remedy or a protection covers. */
function coverLeadIn(words: string, offset: number, colon: boolean): LeadIn {
  return { entry: -1, argument: -1, ban: false, exemption: false, covers: true, colon, headed: false, text: quote(words), offset };
}

/** True when the block's last sentence holds a counted control match: its means are a measure on the governed (监督检查). */
function countsControl(block: BlockResult, reader: MatchReader): boolean {
  const list = block.matches;
  const lastSentence = block.sentences - 1;
  for (let m = matchCount(list) - 1; m >= 0 && block.matchSentences[m] === lastSentence; m--) {
    if (!reader.negated(list, m) && reader.isControl(list, m)) return true;
  }
  return false;
}

/** The lead-in block with its ban word annotated as the ban entry, in its place among the block's matches (its last sentence). */
function withBanWord(block: BlockResult, leadIn: LeadIn, builder: MatchListBuilder): BlockResult {
  const from = leadIn.banFrom ?? -1;
  const to = leadIn.banTo ?? -1;
  const list = block.matches;
  const count = matchCount(list);
  const sentences: number[] = [];
  builder.reset();
  let placed = false;
  for (let m = 0; m < count; m++) {
    if (!placed && matchStart(list, m) >= from) {
      if (matchStart(list, m) < to) return block;
      builder.add(from, to, leadIn.entry, RULE_NONE, -1);
      sentences.push(block.sentences - 1);
      placed = true;
    }
    if (matchEnd(list, m) > from && matchStart(list, m) < to) return block;
    builder.copy(list, m);
    sentences.push(block.matchSentences[m]);
  }
  if (!placed) {
    builder.add(from, to, leadIn.entry, RULE_NONE, -1);
    sentences.push(block.sentences - 1);
  }
  return block.withMatches(builder.finish(), sentences, block.leadIn, block.subject);
}

/** Words that put an official named before a ban in its object or its condition, not its subject (对…, 向…, 被…). */
const NOT_SUBJECT = /[对向被]/;

/**
 * True when the ban in `words` binds officials (`officials`, codebook D15): the subject of the clause holding its first
 * ban word names one, or, when that clause opens on the ban word, the sentence's first clause does
 * ("公安机关应当…适用继续盘问，禁止实施下列行为："). "…，被检查单位不得拒绝：" binds the inspected, not the inspectors.
 */
function bindsOfficials(words: string, bans: RegExp, officials: RegExp | null): boolean {
  if (officials === null) return false;
  const ban = bans.exec(words);
  if (ban === null) return false;
  const before = words.slice(0, ban.index);
  let subject = before.slice(Math.max(before.lastIndexOf('，'), before.lastIndexOf(','), before.lastIndexOf('；'), before.lastIndexOf(';')) + 1);
  if (subject.trim() === '') {
    const first = before.search(/[，,；;]/);
    subject = first < 0 ? '' : before.slice(0, first);
  }
  return officials.test(subject) && !NOT_SUBJECT.test(subject);
}

/** True when the block's last sentence ends on a counted protection: its ban word shields people from the measure. */
function protects(block: BlockResult, reader: MatchReader): boolean {
  const list = block.matches;
  const m = matchCount(list) - 1;
  return m >= 0 && block.matchSentences[m] === block.sentences - 1 && reader.rule(list, m) === RULE_PROTECTION;
}

/** An enumerator opening an item: blocks' own ("(1)", "（一）", "a) ") and statutes' "(A)", "(ii)". */
const ENUMERATOR = /[ \t\u3000]*(?:\((?:\d{1,3}|[A-Za-z]{1,4})\)|\d{1,3}[.)][ \t]|[A-Za-z]\)[ \t]|[-*•][ \t]|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\d{1,3}[、．])/y;

/** The length of the enumerator opening the block at `start`, with the spaces before it, or 0 when it opens with none. */
export function enumeratorLength(text: string, start: number): number {
  ENUMERATOR.lastIndex = start;
  const found = ENUMERATOR.exec(text);
  return found === null ? 0 : found[0].trimEnd().length;
}

/**
 * The block, as an item of the list `leadIn` governs: its annotations with the inherited one first, on its enumerator's
 * number or letter ("1" of "(1)", "一" of "（一）": the sentence's first token), or, for the unnumbered body of a heading
 * item (`enumerator` 0), on its first word. `enumerator` is the enumerator's length, with the spaces before it. A bullet
 * has no number to hold the annotation, and a block whose first match overlaps the number is left as it is: both still
 * hand the lead-in on.
 */
export function inherit(block: BlockResult, leadIn: LeadIn, text: string, start: number, enumerator: number, builder: MatchListBuilder): BlockResult {
  const reach = enumerator > 0 ? enumerator : block.length;
  let from = 0;
  while (from < reach && !isToken(text.charCodeAt(start + from))) from++;
  let to = from;
  while (to < reach && isToken(text.charCodeAt(start + to))) to++;
  const list = block.matches;
  const count = matchCount(list);
  if (from === to || (count > 0 && matchStart(list, 0) < to)) return block.withMatches(list, block.matchSentences, leadIn, block.subject);
  builder.reset();
  builder.add(from, to, leadIn.entry, RULE_INHERITED, leadIn.argument);
  for (let m = 0; m < count; m++) builder.copy(list, m);
  return block.withMatches(builder.finish(), [0, ...block.matchSentences], leadIn, block.subject);
}

/**
 * The block, as an item of the exemption list `leadIn` governs: its matches that count as their entries have them, in
 * one of the exemption's `categories`, shown as topics (the item names what the duty or protection does not reach).
 * Matches a protection, target or secrecy cue moved keep their count: the item's own words protect people.
 */
export function exempt(block: BlockResult, leadIn: LeadIn, matcher: Matcher, reader: MatchReader, builder: MatchListBuilder): BlockResult {
  const categories = matcher.lists?.exemption?.categories;
  return asTopics(block, leadIn, builder, reader, TOPIC_EXEMPTION, (list, m) => categories?.has(reader.categoryIndex(list, m)) === true);
}

/**
 * The block, as an item of a list whose lead-in grants a right, a remedy or a protection: its control matches that count
 * as their entries have them are shown as topics (scheme: a measure named only as the object of redress is no control;
 * an item that names a topic is neutral).
 */
export function cover(block: BlockResult, leadIn: LeadIn, reader: MatchReader, builder: MatchListBuilder): BlockResult {
  return asTopics(block, leadIn, builder, reader, TOPIC_COVERED, (list, m) => reader.isControl(list, m));
}

/**
 * The item `block` of a covering list: when the lead-in lists the means of supervising authorities (a covering lead-in
 * that names an entry), it also inherits that entry; the measures it names, aimed at the inspected authorities, are
 * already topics (cover). A ban's item that names the party it shields only covers.
 */
function overseen(block: BlockResult, leadIn: LeadIn, text: string, start: number, enumerator: number, builder: MatchListBuilder): BlockResult {
  if (!leadIn.covers || leadIn.entry < 0) return block;
  if (leadIn.officials === true && CATCH_ALL.test(text.slice(start + enumerator, start + block.length))) return block.withMatches(block.matches, block.matchSentences, leadIn, block.subject);
  return inherit(block, leadIn, text, start, enumerator, builder);
}

/** An item that names no act, only "other" conduct (其他违法行为；): neutral in a ban on officials (codebook D15c). */
const CATCH_ALL = /^[\s\u3000）)]*其他(?:违法|违纪|违法违纪|违规)?(?:行为|情形|事项)[。；;.]?\s*$/;

/** The block with its matches that count as their entries have them and that `pick` takes shown as topics (`topic` says why). */
function asTopics(block: BlockResult, leadIn: LeadIn, builder: MatchListBuilder, reader: MatchReader, topic: number, pick: (list: MatchList, m: number) => boolean): BlockResult {
  const list = block.matches;
  const count = matchCount(list);
  builder.reset();
  let moved = false;
  for (let m = 0; m < count; m++) {
    const rule = reader.rule(list, m);
    if ((rule === RULE_NONE || rule === RULE_DIRECTION) && pick(list, m)) {
      builder.add(matchStart(list, m), matchEnd(list, m), reader.entryIndex(list, m), RULE_TOPIC, topic);
      moved = true;
    } else builder.copy(list, m);
  }
  return block.withMatches(moved ? builder.finish() : list, block.matchSentences, leadIn, block.subject);
}

/**
 * True when the numbered line `text[from, end)` (after its enumerator) is a heading: one line, a capital letter first,
 * and a title ("(c) Refusal to provide necessary information"), or nothing but a letter's enumerator ("(d)"). A statute's
 * next subsection ends the list before it. `from` is where the enumerator ends.
 */
function isHeadingItem(text: string, from: number, end: number): boolean {
  const words = text.slice(from, end).trim();
  // A bare lower-case letter ("(d)" on its own line) opens a statute's subsection; a bare "(3)" is an item whose
  // sub-items follow.
  if (words === '') return isLowerLetter(text.charCodeAt(from - 2)) && !isLowerLetter(text.charCodeAt(from - 3));
  const first = words.charCodeAt(0);
  return first >= 65 && first <= 90 && !words.includes('\n') && isTitleLike(words);
}

/**
 * True when a heading item whose enumerator ends at `from` ("(1) Conviction relating to fraud") is an item of the list
 * `leadIn` governs, its body the block after it: the lead-in ends on a colon (statutes head the items of such lists) and
 * hands on a stance or a ban, and the enumerator is a number or a capital letter. A lower-case letter ("(c)") opens the
 * statute's next subsection, which ends the list.
 */
function opensHeadedItem(leadIn: LeadIn, text: string, from: number): boolean {
  if (!leadIn.colon || leadIn.exemption || leadIn.covers) return false;
  const last = text.charCodeAt(from - 2);
  return (last >= 48 && last <= 57) || (last >= 65 && last <= 90);
}

/**
 * The kind of the enumerator `text[start, from)` as a nested list tells its levels apart: a number, a capital letter, a
 * lower-case letter, a lower-case or capital Roman numeral ("(ii)", "(IV)"; a lone "i" or "I" too), a Chinese numeral;
 * a bullet is a kind of its own.
 */
function enumeratorKind(text: string, start: number, from: number): string {
  const token = /[0-9A-Za-z\u4e00-\u9fff]+/.exec(text.slice(start, from))?.[0] ?? '';
  if (token === '') return 'bullet';
  if (/^[0-9]+$/.test(token)) return 'number';
  if (/^[ivxl]+$/.test(token)) return 'roman';
  if (/^[a-z]+$/.test(token)) return 'lower';
  if (/^(?:I|[IVXL]{2,})$/.test(token)) return 'ROMAN';
  if (/^[A-Z]+$/.test(token)) return 'capital';
  return 'han';
}

/**
 * True when the numbered line `text[from, end)` (after its enumerator) reads as the heading of an item of a headed list
 * taken up again after a list nested in its last item's body: one line, a capital letter first, no sentence-final or
 * list mark at its end, however long ("(6) Claims for excessive charges or unnecessary services and failure of certain
 * organizations to furnish medically necessary services").
 */
function isResumedHeading(text: string, from: number, end: number): boolean {
  const words = text.slice(from, end).trim();
  if (words === '' || words.includes('\n')) return false;
  const first = words.charCodeAt(0);
  return first >= 65 && first <= 90 && !/[.;:,\u2014\u2013-]$/.test(words) && !/\b(?:and|or)$/.test(words);
}

/** A character of an enumerator's number: a digit, a Latin letter or a Chinese numeral. */
function isToken(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 0x4e00 && c <= 0x9fff);
}

function quote(words: string): string {
  const flat = words.replace(/\s+/g, ' ').trim();
  return flat.length > QUOTE ? `…${flat.slice(flat.length - QUOTE + 1)}` : flat;
}

/** Where the last sentence of `text[start, end)` starts: after the last sentence-final mark, read at most LEAD_CHARS back. */
function lastSentenceStart(text: string, start: number, end: number): number {
  const from = Math.max(start, end - LEAD_CHARS);
  for (let i = end - 2; i >= from; i--) {
    const c = text.charCodeAt(i);
    if (c === 0x3002 || c === 0xff01 || c === 0xff1f || c === 0xff1b || c === 33 || c === 63) return skipSpaces(text, i + 1, end);
    if (c === 46 && isSpace(text.charCodeAt(i + 1)) && i > start && !isDigit(text.charCodeAt(i - 1))) return skipSpaces(text, i + 1, end);
  }
  return skipSpaces(text, from, end);
}

function skipSpaces(text: string, i: number, end: number): number {
  while (i < end && isSpace(text.charCodeAt(i))) i++;
  return i;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 0x3000 || c === 0xa0;
}

/** True when `text[from, end)` holds nothing but white space. */
function isBlankText(text: string, from: number, end: number): boolean {
  for (let i = from; i < end; i++) if (!isSpace(text.charCodeAt(i))) return false;
  return true;
}

function isLowerLetter(c: number): boolean {
  return c >= 97 && c <= 122;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/**
 * The block `raw` (just analysed, at `start`) in its context: under the document's subject (read from the title line
 * when the block is the first, else the one `previous` was under), an item of `previous`'s list when it opens with an
 * enumerator (a numbered clause that is a heading too: statutes' items are), and, in `opens`, the lead-in it is itself.
 * `builder` is free for the block's new list.
 */
export function inContext(
  raw: BlockResult,
  text: string,
  start: number,
  previous: BlockResult | undefined,
  matcher: Matcher,
  reader: MatchReader,
  builder: MatchListBuilder,
  /** For the first block of a later part of a document counted apart (no block before it here), the document's subject. */
  documentSubject?: DocumentSubject | null,
): BlockResult {
  const opens = leadInOf(text, start, raw, matcher, reader);
  // The first block (none before it) reads the title; a text analysed in parts passes each part the block before it.
  const subject = previous !== undefined ? previous.subject : documentSubject !== undefined ? documentSubject : titleSubject(text, raw.length, matcher);
  let block = subject === null ? raw : underSubject(raw, subject, matcher, reader, builder);
  let leadIn = handedOn(previous);
  const enumerator = enumeratorLength(text, start);
  const kind = enumerator > 0 ? enumeratorKind(text, start, start + enumerator) : '';
  // An item of the kind of the item or heading whose lead-in opened this list ends it: the outer list goes on, or none.
  const resumed = leadIn !== null && enumerator > 0 && leadIn.outerKind !== undefined && kind === leadIn.outerKind;
  if (resumed) leadIn = leadIn?.outer ?? null;
  let body: LeadIn | null = null;
  let member: LeadIn | null = null;
  if (leadIn !== null) {
    const item = leadIn.headed ? { ...leadIn, headed: false } : leadIn;
    if (enumerator > 0 && enumerator < raw.length) {
      // An item of a ban that names the party the ban shields ("未经消费者同意，收集…") is a protection the list covers.
      const covered = leadIn.covers || leadIn.shields?.test(text.slice(start + enumerator, start + raw.length)) === true;
      const heading = isHeadingItem(text, start + enumerator, start + raw.length) || (resumed && isResumedHeading(text, start + enumerator, start + raw.length));
      if (!heading) member = item;
      // A bare enumerator ("(A)" on its own line, its sub-items below) says nothing itself: it hands the list on unannotated.
      if (!heading && isBlankText(text, start + enumerator, start + raw.length)) block = block.withMatches(block.matches, block.matchSentences, item, block.subject);
      else if (!heading) block = leadIn.exemption ? exempt(block, item, matcher, reader, builder) : covered ? overseen(cover(block, item, reader, builder), item, text, start, enumerator, builder) : inherit(block, item, text, start, enumerator, builder);
      else if (opensHeadedItem(leadIn, text, start + enumerator)) block = block.withMatches(block.matches, block.matchSentences, { ...leadIn, headed: true, headedKind: kind }, block.subject);
    } else if (enumerator === 0 && leadIn.headed) {
      block = inherit(block, item, text, start, 0, builder);
      body = item;
    }
  }
  block = exemptSentences(block, text, start, matcher, reader, builder);
  // A ban on the governed is control by itself, whatever its items (codebook D15b): a lead-in whose ban word is no entry
  // ("经营者不得有下列行为：") counts that word as the ban entry.
  if (opens !== null && opens.ban && (opens.banFrom ?? -1) >= 0 && !countsControl(block, reader)) block = withBanWord(block, opens, builder);
  // A lead-in that is an item of a list, or the body of a headed item, keeps the list it is nested in (or none), to be
  // taken up again at the next item of its own enumerator's kind.
  if (opens !== null && body !== null && leadIn?.headedKind !== undefined) block.opens = { ...opens, outer: body, outerKind: leadIn.headedKind };
  else if (opens !== null && enumerator > 0 && enumerator < raw.length) block.opens = { ...opens, outer: member, outerKind: kind };
  else block.opens = opens;
  return block;
}

/** What a document's title says it is (a lexicon's `subjects`): the subject's index and the title line. */
export interface DocumentSubject {
  readonly index: number;
  readonly title: string;
}

/** Longest title line read for a subject. */
const TITLE_CHARS = 120;

/** True when two blocks are under the same subject. */
export function sameSubject(a: DocumentSubject | null, b: DocumentSubject | null): boolean {
  if (a === null || b === null) return a === b;
  return a.index === b.index && a.title === b.title;
}

/**
 * The subject of a document whose first block is `firstBlock` characters long: its first line, when it reads as a title
 * (short, no sentence-final mark), holds every title word of a subject of the lexicons.
 */
function titleSubject(text: string, firstBlock: number, matcher: Matcher): DocumentSubject | null {
  if (matcher.subjects.length === 0) return null;
  let end = text.indexOf('\n');
  if (end < 0 || end > firstBlock) end = firstBlock;
  const line = text.slice(0, Math.min(end, TITLE_CHARS + 1)).trim();
  if (line === '' || end > TITLE_CHARS || /[。；！？.;!?]$/.test(line)) return null;
  const lower = line.toLowerCase();
  const index = matcher.subjects.findIndex((s) => s.title.every((w) => lower.includes(w.toLowerCase())));
  return index < 0 ? null : { index, title: line };
}

/**
 * The block with the matches its document's subject moves: those of the subject's `moves` categories that count as
 * they are. Topic nouns stay topics (a subject's own noun names what a clause is about), and negated, protected, aimed,
 * name and title matches stay.
 */
function underSubject(block: BlockResult, subject: DocumentSubject, matcher: Matcher, reader: MatchReader, builder: MatchListBuilder): BlockResult {
  const moves = matcher.subjects[subject.index].moves;
  const list = block.matches;
  const count = matchCount(list);
  builder.reset();
  for (let m = 0; m < count; m++) {
    const rule = reader.rule(list, m);
    const entry = reader.entryIndex(list, m);
    const movable = rule === RULE_NONE || rule === RULE_DIRECTION;
    if (movable && moves.has(matcher.entryList[entry].category ?? '')) builder.add(matchStart(list, m), matchEnd(list, m), entry, RULE_SUBJECT, subject.index);
    else builder.copy(list, m);
  }
  return block.withMatches(count === 0 ? list : builder.finish(), block.matchSentences, null, subject);
}

/**
 * The subject the title line of the document `text` begins gives it (null for none): what the parts of a document
 * counted apart are all under. `text` may be only its first part: the title is its first line.
 */
export function subjectOfDocument(text: string, matcher: Matcher): DocumentSubject | null {
  return text.length === 0 ? null : titleSubject(text, blockAt(text, 0).end, matcher);
}

/** The lead-in the block after `block` is an item of, if it opens with an enumerator: the block's own, else its list's. */
export function handedOn(block: BlockResult | undefined): LeadIn | null {
  return block === undefined ? null : (block.opens ?? block.leadIn);
}
