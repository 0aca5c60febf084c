// A sentence that exempts from a duty or a protection ("Subsections (a) and (b) shall not prohibit the disclosure of
// nonpublic personal information", "…verifiable parental consent … is not required in the case of") names what the
// exemption reaches; it grants no disclosure, consent or right (scheme: exemptions are no engagement). Its engagement
// matches are shown as topics. The words are a lexicon's `lists.exemption.sentences`: exemptions from a duty or a
// protection, as a lead-in of an exemption list holds them (listContext.ts), but a sentence needs no list to be one.
// An exemption from a measure ("may be exempted from administrative penalties") is no such word: the cue `exempt
// from` lifts the measure it governs, and the sentence's other words keep their stance.
import { MatchListBuilder, matchCount, matchEnd, MatchReader, matchStart, RULE_TOPIC, TOPIC_EXEMPTION_SENTENCE } from './matchList';
import { Matcher } from './matcher';
import type { BlockResult } from './scan';
import { sentenceSpans } from './sentences';

/**
 * The block `[start, start + block.length)` of `text` with the counted engagement matches of each sentence that holds
 * an exemption's words shown as topics; the block itself when there are none. Only a block the scanner found the words
 * in (`mayExempt`) is read for them with their pattern, which decides. Matches of every engagement category
 * move, whatever cue moved them there: in such a sentence "shall not" or a secret cue reads the exemption's own words.
 */
export function exemptSentences(block: BlockResult, text: string, start: number, matcher: Matcher, reader: MatchReader, builder: MatchListBuilder): BlockResult {
  const exemption = matcher.lists?.exemption ?? null;
  const pattern = exemption?.sentences ?? null;
  const list = block.matches;
  const count = matchCount(list);
  if (pattern === null || !block.mayExempt || count === 0 || !hasEngagement(list, count, reader)) return block;
  const words = text.slice(start, start + block.length);
  if (!pattern.test(words)) return block;
  const spans = sentenceSpans(words);
  if (spans.length !== block.sentences) return block;
  const exempting = spans.map((s) => pattern.test(words.slice(s.start, s.end)));
  builder.reset();
  let moved = false;
  for (let m = 0; m < count; m++) {
    if (exempting[block.matchSentences[m]] === true && !reader.negated(list, m) && !reader.isControl(list, m)) {
      builder.add(matchStart(list, m), matchEnd(list, m), reader.entryIndex(list, m), RULE_TOPIC, TOPIC_EXEMPTION_SENTENCE);
      moved = true;
    } else builder.copy(list, m);
  }
  return moved ? block.withMatches(builder.finish(), block.matchSentences, block.leadIn, block.subject) : block;
}

function hasEngagement(list: BlockResult['matches'], count: number, reader: MatchReader): boolean {
  for (let m = 0; m < count; m++) if (!reader.negated(list, m) && !reader.isControl(list, m)) return true;
  return false;
}
