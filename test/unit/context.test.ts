// Context rules with a test lexicon: negation scope, per-cue windows, the nearest cue, clause ends,
// exemption, protection, after-cues, and cues that belong to an entry.
import * as assert from 'node:assert/strict';
import { brief, briefs, cues, engineWith } from './helpers/lexicons';

const engine = engineWith(
  [
    { term: 'monitor', category: 'surveillance' },
    { term: 'detain', category: 'coercion' },
    { term: 'consultation', category: 'consultation' },
    { term: 'shall not be permitted to board', category: 'restrictions' },
    { term: 'no-fly list', category: 'sanctions' },
    { term: 'without delay', neutral: true },
    { term: 'not only', neutral: true },
  ],
  {
    context: {
      window: 3,
      clauseBreaks: ['but', 'provided that'],
      protectionCategory: 'rights',
      before: cues(['not', 'negate'], ['no', 'negate'], ['without', 'negate', 1], ['exempt from', 'exempt'], ['shall not be', 'protect']),
      after: cues(['is prohibited', 'protect'], ['is waived', 'exempt']),
    },
  },
);

describe('context rules', () => {
  describe('negation', () => {
    it('negates a match a cue precedes, with the rule and the cue', () => {
      const [m] = engine.analyze('We do not monitor them.').matches();
      assert.deepEqual(brief(m), [10, 17, 'monitor', 'surveillance', 'negation', true]);
      assert.equal(m.ruleDetail, 'negated by "not"');
      assert.equal(m.polarity, 'control');
    });

    it('reaches exactly `window` tokens between the cue and the match', () => {
      assert.deepEqual(briefs(engine, 'not a b c monitor'), [[10, 17, 'monitor', 'surveillance', 'negation', true]]);
      assert.deepEqual(briefs(engine, 'not a b c d monitor'), [[12, 19, 'monitor', 'surveillance', null, false]]);
    });

    it('counts tokens the lexicon does not mention in the window', () => {
      assert.deepEqual(briefs(engine, 'not 2024 the x4 monitor'), [[16, 23, 'monitor', 'surveillance', 'negation', true]]);
      assert.deepEqual(briefs(engine, 'not 2024 the x4 of monitor'), [[19, 26, 'monitor', 'surveillance', null, false]]);
    });

    it('honours a cue\'s own window', () => {
      assert.deepEqual(briefs(engine, 'without the monitor'), [[12, 19, 'monitor', 'surveillance', 'negation', true]]);
      assert.deepEqual(briefs(engine, 'without a b monitor'), [[12, 19, 'monitor', 'surveillance', null, false]]);
    });

    it('continues over commas but stops at ; and : and at clause-break words', () => {
      assert.deepEqual(briefs(engine, 'not a, b, monitor'), [[10, 17, 'monitor', 'surveillance', 'negation', true]]);
      assert.deepEqual(briefs(engine, 'not a; monitor'), [[7, 14, 'monitor', 'surveillance', null, false]]);
      assert.deepEqual(briefs(engine, 'not a: monitor'), [[7, 14, 'monitor', 'surveillance', null, false]]);
      assert.deepEqual(briefs(engine, 'not but monitor'), [[8, 15, 'monitor', 'surveillance', null, false]]);
      assert.deepEqual(briefs(engine, 'not provided that monitor'), [[18, 25, 'monitor', 'surveillance', null, false]]);
    });

    it('stops at the end of a sentence', () => {
      assert.deepEqual(briefs(engine, 'Not here. Monitor them! not? monitor'), [
        [10, 17, 'Monitor', 'surveillance', null, false],
        [29, 36, 'monitor', 'surveillance', null, false],
      ]);
    });

    it('does not negate a match before the cue', () => {
      assert.deepEqual(briefs(engine, 'monitor not'), [[0, 7, 'monitor', 'surveillance', null, false]]);
    });

    it('applies the nearest cue', () => {
      const [m] = engine.analyze('exempt from not monitor').matches();
      assert.equal(m.rule, 'negation');
      const [n] = engine.analyze('not exempt from monitor').matches();
      assert.equal(n.rule, 'exemption');
      const [p] = engine.analyze('not detain is prohibited').matches();
      assert.equal(p.rule, 'negation');
      const [q] = engine.analyze('not a b detain is prohibited').matches();
      assert.deepEqual([q.rule, q.category, q.negated], ['protection', 'rights', false]);
    });

    it('does not read the abbreviation No. (number) as a negation', () => {
      assert.deepEqual(briefs(engine, 'Regulation No. 5 requires monitoring.'), [[26, 36, 'monitoring', 'surveillance', null, false]]);
      assert.deepEqual(briefs(engine, 'No. 12 will monitor.'), [[12, 19, 'monitor', 'surveillance', null, false]]);
      assert.deepEqual(briefs(engine, 'There is no monitor.'), [[12, 19, 'monitor', 'surveillance', 'negation', true]]);
      assert.deepEqual(briefs(engine, 'Decree No 7 will monitor.'), [[17, 24, 'monitor', 'surveillance', null, false]]);
      assert.deepEqual(briefs(engine, 'no 3 agencies will monitor'), [[19, 26, 'monitor', 'surveillance', 'negation', true]]);
    });

    it('applies one cue to each match it reaches', () => {
      assert.deepEqual(briefs(engine, 'not monitor or detain'), [
        [4, 11, 'monitor', 'surveillance', 'negation', true],
        [15, 21, 'detain', 'coercion', 'negation', true],
      ]);
    });
  });

  describe('exemption', () => {
    it('marks a match negated with the exemption rule, before or after it', () => {
      const [m] = engine.analyze('Firms are exempt from monitoring.').matches();
      assert.deepEqual(brief(m), [22, 32, 'monitoring', 'surveillance', 'exemption', true]);
      assert.equal(m.ruleDetail, 'exempted by "exempt from"');
      const [n] = engine.analyze('Consultation is waived.').matches();
      assert.deepEqual(brief(n), [0, 12, 'Consultation', 'consultation', 'exemption', true]);
    });
  });

  describe('protection', () => {
    it('turns a control match into an engagement match in the protection category', () => {
      const [m] = engine.analyze('Petitioners shall not be detained.').matches();
      assert.deepEqual([m.start, m.end, m.text, m.polarity, m.category, m.entry, m.rule, m.negated], [25, 33, 'detained', 'engagement', 'rights', 'detain', 'protection', false]);
      assert.equal(m.ruleDetail, '"shall not be" protects people from "detained"');
    });

    it('works as an after-cue', () => {
      const [m] = engine.analyze('To detain petitioners is prohibited.').matches();
      assert.deepEqual([m.text, m.polarity, m.category, m.rule, m.ruleDetail], ['detain', 'engagement', 'rights', 'protection', '"is prohibited" protects people from "detain"']);
    });

    it('negates an engagement match', () => {
      const [m] = engine.analyze('Consultation is prohibited.').matches();
      assert.deepEqual([m.polarity, m.category, m.rule, m.ruleDetail, m.negated], ['engagement', 'consultation', 'negation', 'negated by "is prohibited"', true]);
      const [n] = engine.analyze('Consultation shall not be held.').matches();
      assert.deepEqual([n.rule, n.negated], [null, false]);
    });

    it('negates a control match when the lexicon names no protection category', () => {
      const plain = engineWith([{ term: 'detain', category: 'coercion' }], { context: { before: cues(['shall not be', 'protect']) } });
      const [m] = plain.analyze('They shall not be detained.').matches();
      assert.deepEqual([m.polarity, m.category, m.rule, m.negated], ['control', 'coercion', 'negation', true]);
    });

    it('is counted on the engagement side of the tally', () => {
      const tally = engine.analyze('Petitioners shall not be detained.').tally();
      assert.deepEqual([tally.control.matches, tally.engagement.matches], [0, 1]);
      assert.equal(tally.categories.find((c) => c.id === 'rights')?.matches, 1);
      assert.equal(tally.categories.find((c) => c.id === 'coercion')?.matches, 0);
    });
  });

  describe('cues and entries', () => {
    it('does not negate a phrase by the cue words it contains', () => {
      const [m] = engine.analyze('They shall not be permitted to board trains.').matches();
      assert.deepEqual(brief(m), [5, 36, 'shall not be permitted to board', 'restrictions', null, false]);
    });

    it('ignores a cue word that is part of an entry, for that entry and the ones after it', () => {
      assert.deepEqual(briefs(engine, 'The no-fly list monitoring.'), [
        [4, 15, 'no-fly list', 'sanctions', null, false],
        [16, 26, 'monitoring', 'surveillance', null, false],
      ]);
    });

    it('ignores a cue word inside a neutral entry', () => {
      assert.deepEqual(briefs(engine, 'Report without delay and monitor.'), [[25, 32, 'monitor', 'surveillance', null, false]]);
    });

    it('lets a neutral entry absorb a cue: "not only … but also" negates nothing', () => {
      assert.deepEqual(briefs(engine, 'They not only monitor but detain.'), [
        [14, 21, 'monitor', 'surveillance', null, false],
        [26, 32, 'detain', 'coercion', null, false],
      ]);
    });

    it('lets a cue with effect "none" claim its words, so a shorter cue inside it does not fire', () => {
      const withNone = engineWith([{ term: 'monitor', category: 'surveillance' }, { term: 'detain', category: 'coercion' }], {
        context: { protectionCategory: 'rights', before: cues(['not', 'negate'], ['not only', 'none'], ['shall not be', 'protect']) },
      });
      assert.deepEqual(briefs(withNone, 'They not only monitor but detain.'), [
        [14, 21, 'monitor', 'surveillance', null, false],
        [26, 32, 'detain', 'coercion', null, false],
      ]);
      assert.deepEqual(briefs(withNone, 'They do not monitor.'), [[12, 19, 'monitor', 'surveillance', 'negation', true]]);
      // The next nearest cue still applies.
      assert.deepEqual(briefs(withNone, 'shall not be not only detained'), [[22, 30, 'detained', 'rights', 'protection', false]]);
      const zhNone = engineWith([{ term: '联合惩戒', category: 'sanctions' }], {
        language: 'zh',
        context: { protectionCategory: 'rights', before: cues(['不得', 'protect'], ['不得不', 'none']) },
      });
      assert.deepEqual(briefs(zhNone, '不得不实施联合惩戒'), [[5, 9, '联合惩戒', 'sanctions', null, false]]);
      assert.deepEqual(briefs(zhNone, '不得实施联合惩戒'), [[4, 8, '联合惩戒', 'rights', 'protection', false]]);
    });

    it('never annotates cue words themselves', () => {
      assert.deepEqual(briefs(engine, 'not without exempt from shall not be is prohibited'), []);
    });
  });
});
