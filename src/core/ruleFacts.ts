// What resolving a sentence reads of each entry and cue, as bits in typed arrays: the rules look at every candidate
// of every sentence, and reading a flag from a byte array costs less than reading strings off the compiled objects.
import type { CompiledCue, CompiledEntry } from './matcher';

/** Entry facts: counted (it has a polarity and a category), a topic noun, its polarity, conduct a ban stays control on, a command in a plain verb. */
export const ENTRY_COUNTED = 1;
export const ENTRY_TOPIC = 2;
export const ENTRY_CONTROL = 4;
export const ENTRY_ENGAGEMENT = 8;
export const ENTRY_POLARITY = ENTRY_CONTROL | ENTRY_ENGAGEMENT;
export const ENTRY_CONDUCT = 16;
export const ENTRY_COMMAND = 32;

/** Cue facts: a before- or after-cue that can decide (its effect is not `none`), a clause break, a predicate word, phrase scope; and its group. */
export const CUE_BEFORE = 1;
export const CUE_AFTER = 2;
export const CUE_BREAK = 4;
export const CUE_PREDICATE = 8;
export const CUE_PHRASE = 16;
export const CUE_GROUP_SHIFT = 5;
/** Above the group's two bits: a cue of scope `subject`, one of scope `object`, and one of scope `sentence`. */
export const CUE_SUBJECT = 128;
export const CUE_OBJECT = 256;
export const CUE_SENTENCE = 512;
/** An `object` cue, whose head word may also be an entry ("opportunity to": the opportunity is itself a right). */
export const CUE_SHARES_HEAD = 1024;

/** The groups of cues nearestCues looks for: those that set a match's stance, `act`, `secret` and `define` cues (with `organise` cues, which decide as they do). */
export const STANCE_CUES = 0;
export const ACT_CUES = 1;
export const SECRET_CUES = 2;
export const DEFINE_CUES = 3;
export const CUE_GROUPS = 4;

export function entryFacts(entries: readonly CompiledEntry[]): Uint8Array {
  return Uint8Array.from(entries, (e) => {
    const counted = e.polarity !== null && e.category !== null ? ENTRY_COUNTED : 0;
    const polarity = e.polarity === 'control' ? ENTRY_CONTROL : e.polarity === 'engagement' ? ENTRY_ENGAGEMENT : 0;
    return counted | (e.topic ? ENTRY_TOPIC : 0) | (e.conduct ? ENTRY_CONDUCT : 0) | (e.command ? ENTRY_COMMAND : 0) | polarity;
  });
}

export function cueFacts(cues: readonly CompiledCue[]): Uint16Array {
  return Uint16Array.from(cues, (c) => {
    const decides = c.effect !== 'none';
    const kind = c.kind === 'before' ? (decides ? CUE_BEFORE : 0) : c.kind === 'after' ? (decides ? CUE_AFTER : 0) : c.kind === 'break' ? CUE_BREAK : CUE_PREDICATE;
    return kind | (c.phrase ? CUE_PHRASE : 0) | (cueGroup(c) << CUE_GROUP_SHIFT) | (c.subject ? CUE_SUBJECT : 0) | (c.object ? CUE_OBJECT : 0) | (c.sentence ? CUE_SENTENCE : 0) | (c.effect === 'object' ? CUE_SHARES_HEAD : 0);
  });
}

function cueGroup(cue: CompiledCue): number {
  return cue.effect === 'act' ? ACT_CUES : cue.effect === 'secret' ? SECRET_CUES : cue.effect === 'define' || cue.effect === 'organise' ? DEFINE_CUES : STANCE_CUES;
}
