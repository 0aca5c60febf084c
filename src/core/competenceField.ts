// Whether a practice is the field of work that a competence clause allocates (the codebook's D4: allocating
// competence is neutral): "负责本行政区域内的投诉举报处理工作" names which office handles complaints, not an answer to
// anyone; "负责对…经营单位的监督管理" names the firms supervised, which is control.
import { PHRASE_ENDS } from './objectPhrase';

/** How many characters after a practice its head noun may start: a field runs on a few words ("…的集中查询、共享、公开和应用等管理工作"). */
const HEAD_REACH = 16;

/**
 * True when the practice `text[start, end)` is the field that a remit word ending at `cueEnd` allocates: the two stand
 * in one phrase with no object marker between, and one of `heads` starts within HEAD_REACH characters after the
 * practice, in its phrase. A head may be a mark that ends a phrase (。 ；): it holds when the practice is the phrase's
 * last word, the noun the remit's object ends on ("负责本辖区内违法行为的查处。"), not a verb with an object after it.
 */
export function namesField(text: string, cueEnd: number, start: number, end: number, heads: readonly string[], markers: readonly string[]): boolean {
  return headFollows(text, end, heads) && plainBetween(text, cueEnd, start, markers);
}

function headFollows(text: string, end: number, heads: readonly string[]): boolean {
  const ceiling = Math.min(text.length, end + HEAD_REACH);
  for (let i = end; i < ceiling; i++) {
    // A phrase end is a head only right after the practice.
    if (PHRASE_ENDS.has(text.charCodeAt(i))) return i === end && heads.includes(text[i]);
    for (const head of heads) if (text.startsWith(head, i)) return true;
  }
  return false;
}

function plainBetween(text: string, from: number, to: number, markers: readonly string[]): boolean {
  for (let i = from; i < to; i++) {
    if (PHRASE_ENDS.has(text.charCodeAt(i))) return false;
    for (const marker of markers) if (marker.length > 0 && text.startsWith(marker, i)) return false;
  }
  return true;
}
