// An annotation's stance in a report (its polarity, category, entry, weight, rule, explanation and whether it is
// negated) as bytes. Unless its explanation quotes the annotation's words or its context, the stance depends only on
// the annotation's entry, rule and the rule's argument, so its bytes are written once per engine and copied after.
import { EncodedBytes, JsonBytes } from './jsonBytes';
import { MatchList, MatchReader, matchKey, RULE_INHERITED, RULE_PROTECTION, RULE_SUBJECT, RULE_TARGET, RULE_TOPIC, TOPIC_COVERED, TOPIC_EXEMPTION } from './matchList';
import type { Match } from './types';

/** An annotation's JSON after its text, from its polarity to whether it is negated, then the sentence's key. */
export function writeAnnotationStance(out: JsonBytes, m: Pick<Match, 'polarity' | 'category' | 'entry' | 'weight' | 'rule' | 'ruleDetail' | 'negated'>): void {
  out.raw(',"polarity":');
  out.string(m.polarity);
  out.raw(',"category":');
  out.string(m.category);
  out.raw(',"entry":');
  out.string(m.entry);
  out.raw(',"weight":');
  out.rounded(m.weight);
  out.raw(',"rule":');
  out.string(m.rule);
  out.raw(',"ruleDetail":');
  out.string(m.ruleDetail);
  out.raw(',"negated":');
  out.boolean(m.negated);
  out.raw(',"sentence":');
}

/**
 * The stances written so far, by match key: those of a key below DIRECT (an annotation whose rule has no argument, most
 * of them) in an array at the key, the others in a map. A key of an argument is a double above 2^32, which a map
 * hashes anew at each lookup; a report looks one up per annotation.
 */
interface Written {
  direct: (EncodedBytes | null | undefined)[];
  other: Map<number, EncodedBytes | null>;
}

/** Keys below this are array indices in Written.direct: entry << 4 | rule for 65,536 entries. */
const DIRECT = 1 << 20;

/** Per reader (one per engine and language), the stances written so far: documents of a corpus share them. */
const written = new WeakMap<MatchReader, Written>();

/** The stances of the annotations a reader reads. */
export class StanceBytes {
  private readonly stances: Written;

  constructor(private readonly reader: MatchReader) {
    let stances = written.get(reader);
    if (stances === undefined) {
      stances = { direct: [], other: new Map() };
      written.set(reader, stances);
    }
    this.stances = stances;
  }

  /** The bytes writeAnnotationStance writes for annotation `i` of `list`; null when its explanation quotes its words or context. */
  of(list: MatchList, i: number): EncodedBytes | null {
    const key = matchKey(list, i);
    const direct = key < DIRECT;
    let stance = direct ? this.stances.direct[key] : this.stances.other.get(key);
    if (stance === undefined) {
      const rule = this.reader.rule(list, i);
      // These rules' explanations quote the annotation's words, its lead-in or the document's title.
      const own = rule === RULE_INHERITED || rule === RULE_SUBJECT || rule === RULE_TARGET || rule === RULE_PROTECTION || (rule === RULE_TOPIC && (this.reader.argument(list, i) === TOPIC_EXEMPTION || this.reader.argument(list, i) === TOPIC_COVERED));
      if (own) stance = null;
      else {
        const bytes = new JsonBytes(256);
        writeAnnotationStance(bytes, this.reader.toMatch(list, i, '', 0, 0));
        stance = new EncodedBytes(bytes.copy());
      }
      if (direct) {
        const array = this.stances.direct;
        // Filled up to the key, so that the array stays packed (holes make every read check for one).
        while (array.length < key) array.push(undefined);
        array[key] = stance;
      } else this.stances.other.set(key, stance);
    }
    return stance;
  }
}
