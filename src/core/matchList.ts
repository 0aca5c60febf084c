// A block's annotations as one array of small integers rather than an object each. A long document holds
// hundreds of thousands of them for as long as it is open, and long-lived objects are what the garbage
// collector pays for; Match objects are made only when someone asks for them. A plain array of small
// integers, not an Int32Array: tens of thousands of tiny typed arrays, each with its own backing store,
// cost more to allocate than they save.
import { Matcher } from './matcher';
import { Match, Polarity } from './types';

/** Fields per annotation: start, end (relative to the block), entry, cue, overridden entry, rule. */
const FIELDS = 6;

export const RULE_NONE = 0;
export const RULE_NEGATION = 1;
export const RULE_EXEMPTION = 2;
export const RULE_PROTECTION = 3;
export const RULE_DIRECTION = 4;

export class MatchList {
  constructor(
    readonly count: number,
    private readonly data: readonly number[],
    /** The tally term of each counted annotation ('' for negated ones). */
    private readonly terms: readonly string[],
    private readonly matcher: Matcher,
  ) {}

  start(i: number): number {
    return this.data[i * FIELDS];
  }

  end(i: number): number {
    return this.data[i * FIELDS + 1];
  }

  /** Negated and exempted annotations are shown but not counted. */
  negated(i: number): boolean {
    const rule = this.data[i * FIELDS + 5];
    return rule === RULE_NEGATION || rule === RULE_EXEMPTION;
  }

  polarity(i: number): Polarity {
    return this.data[i * FIELDS + 5] === RULE_PROTECTION ? 'engagement' : (this.matcher.entryList[this.data[i * FIELDS + 2]].polarity as Polarity);
  }

  category(i: number): string {
    const d = i * FIELDS;
    if (this.data[d + 5] === RULE_PROTECTION) return this.matcher.cueList[this.data[d + 3]].protectionCategory as string;
    return this.matcher.entryList[this.data[d + 2]].category as string;
  }

  weightMilli(i: number): number {
    return this.matcher.entryList[this.data[i * FIELDS + 2]].weightMilli;
  }

  term(i: number): string {
    return this.terms[i];
  }

  /** Annotation `i` as a Match, with offsets shifted by `base`; `text` is the document. */
  toMatch(i: number, text: string, base: number): Match {
    const d = i * FIELDS;
    const start = this.data[d] + base;
    const end = this.data[d + 1] + base;
    const entry = this.matcher.entryList[this.data[d + 2]];
    const rule = this.data[d + 5];
    const surface = text.slice(start, end);
    const match: Match = {
      start,
      end,
      text: surface,
      polarity: entry.polarity as Polarity,
      category: entry.category as string,
      entry: entry.term,
      weight: entry.weightMilli / 1000,
      rule: null,
      ruleDetail: null,
      negated: false,
    };
    if (rule === RULE_DIRECTION) {
      const overridden = this.matcher.entryList[this.data[d + 4]];
      match.rule = 'direction';
      match.ruleDetail = `the phrase "${entry.term}" overrides "${overridden.term}" (${overridden.polarity})`;
    } else if (rule !== RULE_NONE) {
      const cue = this.matcher.cueList[this.data[d + 3]];
      if (rule === RULE_PROTECTION) {
        match.polarity = 'engagement';
        match.category = cue.protectionCategory as string;
        match.rule = 'protection';
        match.ruleDetail = `"${cue.cue}" protects people from "${surface}"`;
      } else {
        match.negated = true;
        match.rule = rule === RULE_EXEMPTION ? 'exemption' : 'negation';
        match.ruleDetail = rule === RULE_EXEMPTION ? `exempted by "${cue.cue}"` : `negated by "${cue.cue}"`;
      }
    }
    return match;
  }
}

/** Collects a block's annotations; each block gets fresh arrays, handed over without a copy. */
export class MatchListBuilder {
  count = 0;
  private data: number[] = [];
  private terms: string[] = [];

  reset(): void {
    this.count = 0;
    this.data.length = 0;
    this.terms.length = 0;
  }

  add(start: number, end: number, entry: number, cue: number, overridden: number, rule: number, term: string): void {
    this.data.push(start, end, entry, cue, overridden, rule);
    this.terms.push(term);
    this.count++;
  }

  /** The annotations so far as a list of their own; null when there are none. */
  finish(matcher: Matcher): MatchList | null {
    if (this.count === 0) return null;
    const list = new MatchList(this.count, this.data, this.terms, matcher);
    this.data = [];
    this.terms = [];
    return list;
  }
}
