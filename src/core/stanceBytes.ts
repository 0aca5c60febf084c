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

/** Per reader (one per engine and language), the stances written so far: documents of a corpus share them. */
const written = new WeakMap<MatchReader, Map<number, EncodedBytes | null>>();

/** The stances of the annotations a reader reads. */
export class StanceBytes {
  private readonly stances: Map<number, EncodedBytes | null>;

  constructor(private readonly reader: MatchReader) {
    let stances = written.get(reader);
    if (stances === undefined) {
      stances = new Map();
      written.set(reader, stances);
    }
    this.stances = stances;
  }

  /** The bytes writeAnnotationStance writes for annotation `i` of `list`; null when its explanation quotes its words or context. */
  of(list: MatchList, i: number): EncodedBytes | null {
    const key = matchKey(list, i);
    let stance = this.stances.get(key);
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
      this.stances.set(key, stance);
    }
    return stance;
  }
}
