// Lexicon features, each tested with a lexicon of a few entries: stems, the conflation guard, wildcards,
// phrases and their joiners, longest match, ties, neutral entries, the direction rule and weights.
import * as assert from 'node:assert/strict';
import { Engine } from '../../src/core/index';
import { briefs, builtinEngine, engineWith, testLexicon } from './helpers/lexicons';

describe('matching', () => {
  describe('stems', () => {
    const engine = engineWith([
      { term: 'penalty', category: 'sanctions' },
      { term: 'monitor', category: 'surveillance' },
    ]);

    it('matches inflections through the Porter stem', () => {
      assert.deepEqual(
        engine
          .analyze('penalty penalties monitor monitors monitoring monitored')
          .matches()
          .map((m) => [m.text, m.entry]),
        [
          ['penalty', 'penalty'],
          ['penalties', 'penalty'],
          ['monitor', 'monitor'],
          ['monitors', 'monitor'],
          ['monitoring', 'monitor'],
          ['monitored', 'monitor'],
        ],
      );
    });

    it('does not match words that merely start with the term', () => {
      assert.deepEqual(briefs(engine, 'monitory penaltyx premonitor'), []);
    });
  });

  describe('the conflation guard', () => {
    it('keeps "accountability" from matching "account" and back (Porter conflates them)', () => {
      const engine = engineWith([{ term: 'accountability', category: 'accountability' }]);
      assert.deepEqual(briefs(engine, 'the account of accountability'), [[15, 29, 'accountability', 'accountability', null, false]]);
      const reverse = engineWith([{ term: 'account', category: 'transparency' }]);
      assert.deepEqual(briefs(reverse, 'accountability accounts'), [[15, 23, 'accounts', 'transparency', null, false]]);
    });

    it('keeps "consult" and "consultation" apart, so a lexicon lists both', () => {
      const engine = engineWith([{ term: 'consult', category: 'consultation' }]);
      assert.deepEqual(briefs(engine, 'public consultation; we consult, consulted, consulting'), [
        [24, 31, 'consult', 'consultation', null, false],
        [33, 42, 'consulted', 'consultation', null, false],
        [44, 54, 'consulting', 'consultation', null, false],
      ]);
      const other = engineWith([{ term: 'consultation', category: 'consultation' }]);
      assert.deepEqual(briefs(other, 'consult consultations'), [[8, 21, 'consultations', 'consultation', null, false]]);
    });
  });

  describe('wildcards', () => {
    const engine = engineWith([
      { term: 'surveil*', category: 'surveillance' },
      { term: 'data collect*', category: 'data-collection' },
    ]);

    it('matches any token starting with the stem', () => {
      assert.deepEqual(briefs(engine, 'Surveillance, surveilled, surveil.'), [
        [0, 12, 'Surveillance', 'surveillance', null, false],
        [14, 24, 'surveilled', 'surveillance', null, false],
        [26, 33, 'surveil', 'surveillance', null, false],
      ]);
    });

    it('does not match inside a word', () => {
      assert.deepEqual(briefs(engine, 'resurveil unsurveilled'), []);
    });

    it('matches as the last word of a phrase', () => {
      assert.deepEqual(briefs(engine, 'data collectors and data collection'), [
        [0, 15, 'data collectors', 'data-collection', null, false],
        [20, 35, 'data collection', 'data-collection', null, false],
      ]);
    });
  });

  describe('phrases', () => {
    const engine = engineWith([
      { term: 'public supervision', category: 'accountability' },
      { term: "people's congress", category: 'participation' },
      { term: 'co-governance', category: 'participation' },
    ]);

    it('joins words with spaces, hyphens, apostrophes and line breaks', () => {
      assert.deepEqual(briefs(engine, 'public  supervision; public-supervision; public\nsupervision'), [
        [0, 19, 'public  supervision', 'accountability', null, false],
        [21, 39, 'public-supervision', 'accountability', null, false],
        [41, 59, 'public\nsupervision', 'accountability', null, false],
      ]);
    });

    it('splits terms at hyphens and apostrophes the way it splits the text', () => {
      assert.deepEqual(briefs(engine, "the people's congress, the people’s congress, co governance, co-governance"), [
        [4, 21, 'people\'s congress', 'participation', null, false],
        [27, 44, 'people’s congress', 'participation', null, false],
        [46, 59, 'co governance', 'participation', null, false],
        [61, 74, 'co-governance', 'participation', null, false],
      ]);
    });

    it('does not match across commas, brackets, other words or sentence ends', () => {
      assert.deepEqual(briefs(engine, 'public, supervision. public (supervision) public good supervision. The public. Supervision'), []);
    });

    it('does not match across a paragraph break', () => {
      assert.deepEqual(briefs(engine, 'public\n\nsupervision'), []);
    });
  });

  describe('overlaps', () => {
    it('lets the longest match win among entries starting at the same token', () => {
      const engine = engineWith([
        { term: 'supervision', category: 'surveillance' },
        { term: 'supervision by the people', category: 'accountability' },
      ]);
      assert.deepEqual(engine.analyze('accept supervision by the people').matches().map((m) => [m.start, m.end, m.entry]), [[7, 32, 'supervision by the people']]);
    });

    it('lets the longest match win across different starting points, whatever the lexicon order', () => {
      const entries = [
        { term: 'public supervision', category: 'accountability' },
        { term: 'supervision of enterprises', category: 'surveillance' },
      ];
      for (const order of [entries, [...entries].reverse()]) {
        const matches = engineWith(order).analyze('public supervision of enterprises').matches();
        assert.deepEqual(
          matches.map((m) => [m.start, m.end, m.entry, m.polarity, m.rule, m.ruleDetail]),
          [[7, 33, 'supervision of enterprises', 'control', 'direction', 'the phrase "supervision of enterprises" overrides "public supervision" (engagement)']],
        );
      }
    });

    it('lets the leftmost win between overlapping matches of equal length, whatever the lexicon order', () => {
      const entries = [
        { term: 'public supervision', category: 'accountability' },
        { term: 'supervision enterprises', category: 'surveillance' },
      ];
      for (const order of [entries, [...entries].reverse()]) {
        const matches = engineWith(order).analyze('public supervision enterprises').matches();
        assert.deepEqual(
          matches.map((m) => [m.start, m.end, m.entry]),
          [[0, 18, 'public supervision']],
        );
      }
    });

    it('gives a tie over the same span to the entry listed first', () => {
      // "penalties" is an inflection of the entry "penalty" and the entry "penalties" itself.
      const first = engineWith([
        { term: 'penalty', category: 'sanctions' },
        { term: 'penalties', category: 'coercion' },
      ]);
      const second = engineWith([
        { term: 'penalties', category: 'coercion' },
        { term: 'penalty', category: 'sanctions' },
      ]);
      assert.deepEqual(first.analyze('penalties').matches().map((m) => [m.entry, m.category]), [['penalty', 'sanctions']]);
      assert.deepEqual(second.analyze('penalties').matches().map((m) => [m.entry, m.category]), [['penalties', 'coercion']]);
    });

    it('gives a tie between a wildcard and a word to the entry listed first', () => {
      const wildcardFirst = engineWith([
        { term: 'surveil*', category: 'surveillance' },
        { term: 'surveillance', category: 'censorship' },
      ]);
      const wordFirst = engineWith([
        { term: 'surveillance', category: 'censorship' },
        { term: 'surveil*', category: 'surveillance' },
      ]);
      assert.deepEqual(wildcardFirst.analyze('surveillance').matches().map((m) => [m.entry, m.category]), [['surveil*', 'surveillance']]);
      assert.deepEqual(wordFirst.analyze('surveillance').matches().map((m) => [m.entry, m.category]), [['surveillance', 'censorship']]);
    });

    it('keeps the first of two identical terms and counts it once', () => {
      const engine = engineWith([
        { term: 'blacklist', category: 'sanctions' },
        { term: 'Blacklist', category: 'scoring' },
      ]);
      assert.equal(engine.lexiconInfo.entries, 1);
      assert.deepEqual(briefs(engine, 'blacklist'), [[0, 9, 'blacklist', 'sanctions', null, false]]);
    });
  });

  describe('paths through words of several slots and scripts', () => {
    it('continues a phrase through a word that also fills a wildcard, and matches the wildcard alone', () => {
      // "surveillance" fills two slots, the word of "surveillance camera" and the prefix of "surveil*".
      const engine = engineWith([
        { term: 'surveil*', category: 'surveillance' },
        { term: 'surveillance camera', category: 'data-collection' },
      ]);
      assert.deepEqual(
        engine.analyze('surveillance cameras and surveillance, surveilling drones').matches().map((m) => [m.text, m.entry]),
        [
          ['surveillance cameras', 'surveillance camera'],
          ['surveillance', 'surveil*'],
          ['surveilling', 'surveil*'],
        ],
      );
    });

    it('finds every path in a run of overlapping phrases, from whichever token each starts', () => {
      const engine = engineWith([
        { term: 'credit', category: 'scoring' },
        { term: 'social credit system', category: 'scoring' },
        { term: 'credit system', category: 'transparency' },
        { term: 'system', category: 'restrictions' },
      ]);
      assert.deepEqual(
        engine.analyze('a credit system, a social credit system, a credit and a system').matches().map((m) => [m.text, m.entry]),
        [
          ['credit system', 'credit system'],
          ['social credit system', 'social credit system'],
          ['credit', 'credit'],
          ['system', 'system'],
        ],
      );
    });

    it('matches a term that mixes Latin words and Han characters', () => {
      const engine = engineWith([{ term: 'APP运营者', category: 'restrictions' }], { language: 'zh' });
      assert.deepEqual(
        engine.analyze('约谈APP运营者，约谈 app 运营者，运营者').matches().map((m) => [m.start, m.text]),
        [
          [2, 'APP运营者'],
          [12, 'app 运营者'],
        ],
      );
    });
  });

  describe('neutral entries', () => {
    const engine = engineWith([
      { term: 'control', category: 'restrictions' },
      { term: 'control loop', neutral: true },
      { term: 'monitoring', category: 'surveillance' },
      { term: 'sensor monitoring', neutral: true },
    ]);

    it('claim their span and yield nothing', () => {
      assert.deepEqual(briefs(engine, 'The control loop uses sensor monitoring.'), []);
    });

    it('leave the words elsewhere to their own entries', () => {
      assert.deepEqual(briefs(engine, 'Export control and monitoring; loop sensor.'), [
        [7, 14, 'control', 'restrictions', null, false],
        [19, 29, 'monitoring', 'surveillance', null, false],
      ]);
    });

    it('do not count in the tally', () => {
      const tally = engine.analyze('control loop control loop').tally();
      assert.equal(tally.control.matches, 0);
      assert.deepEqual(tally.lean, { index: null, label: 'no signal', thin: true, basis: 'sentences' });
    });
  });

  describe('the direction rule', () => {
    const engine = engineWith([
      { term: 'public opinion', category: 'consultation' },
      { term: 'guide public opinion', category: 'censorship' },
      { term: 'supervision', category: 'surveillance' },
      { term: 'supervision by the people', category: 'accountability' },
      { term: 'strict supervision', category: 'surveillance' },
      { term: 'fire', neutral: true },
      { term: 'fire supervision', category: 'surveillance' },
    ]);

    it('records a phrase that reverses a shorter entry of the other polarity', () => {
      const matches = engine.analyze('Guide public opinion and accept supervision by the people.').matches();
      assert.deepEqual(
        matches.map((m) => [m.text, m.polarity, m.category, m.rule, m.ruleDetail]),
        [
          ['Guide public opinion', 'control', 'censorship', 'direction', 'the phrase "guide public opinion" overrides "public opinion" (engagement)'],
          ['supervision by the people', 'engagement', 'accountability', 'direction', 'the phrase "supervision by the people" overrides "supervision" (control)'],
        ],
      );
    });

    it('records nothing when the shorter entry has the same polarity or is neutral', () => {
      assert.deepEqual(briefs(engine, 'strict supervision; fire supervision'), [
        [0, 18, 'strict supervision', 'surveillance', null, false],
        [20, 36, 'fire supervision', 'surveillance', null, false],
      ]);
    });

    it('leaves the shorter entry alone where the phrase is absent', () => {
      assert.deepEqual(briefs(engine, 'public opinion and supervision'), [
        [0, 14, 'public opinion', 'consultation', null, false],
        [19, 30, 'supervision', 'surveillance', null, false],
      ]);
    });
  });

  describe('weights', () => {
    it('default to 1 and carry the entry weight', () => {
      const engine = engineWith([
        { term: 'blacklist', category: 'sanctions', weight: 1.5 },
        { term: 'notice', category: 'transparency', weight: 0.5 },
        { term: 'hearing', category: 'participation' },
      ]);
      assert.deepEqual(
        engine.analyze('blacklist notice hearing').matches().map((m) => [m.text, m.weight]),
        [
          ['blacklist', 1.5],
          ['notice', 0.5],
          ['hearing', 1],
        ],
      );
    });
  });

  describe('several lexicons', () => {
    it('union their categories in first-seen order and their entries', () => {
      const a = testLexicon([{ term: 'monitor', category: 'surveillance' }], { categories: [{ id: 'surveillance', label: 'S', polarity: 'control', description: 'd' }] });
      const b = testLexicon([{ term: 'appeal', category: 'rights' }], {
        name: 'b',
        categories: [
          { id: 'rights', label: 'R', polarity: 'engagement', description: 'd' },
          { id: 'surveillance', label: 'S2', labelZh: '监视', polarity: 'control', description: 'd' },
        ],
      });
      const engine = new Engine([a, b]);
      assert.deepEqual(
        engine.categories.map((c) => [c.id, c.label, c.labelZh]),
        [
          ['surveillance', 'S', '监视'],
          ['rights', 'R', undefined],
        ],
      );
      assert.deepEqual(engine.lexiconInfo.name, 'test+b');
      assert.deepEqual(engine.lexiconInfo.entries, 2);
      assert.deepEqual(briefs(engine, 'monitor appeal'), [
        [0, 7, 'monitor', 'surveillance', null, false],
        [8, 14, 'appeal', 'rights', null, false],
      ]);
    });

    it('refuses an engine with no lexicon and an entry naming an unknown category', () => {
      assert.throws(() => new Engine([]), /at least one lexicon/);
      assert.throws(() => engineWith([{ term: 'x', category: 'nowhere' }]), /unknown category "nowhere"/);
    });
  });

  describe('the built-in lexicons (facts any sane lexicon keeps)', () => {
    const engine = builtinEngine();
    const counted = (text: string): string[] =>
      engine
        .analyze(text)
        .matches()
        .filter((m) => !m.negated)
        .map((m) => `${m.polarity}:${m.text}`);

    it('reads "joint punishment" as control and its removal by credit repair as engagement', () => {
      assert.deepEqual(counted('Joint punishment applies.'), ['control:Joint punishment']);
      assert.ok(counted('They may apply for credit repair.').some((m) => m.startsWith('engagement:')));
    });

    it('reads "petitioners shall not be detained" as a protected right, not control', () => {
      const matches = engine.analyze('Petitioners shall not be detained.').matches();
      assert.ok(matches.length > 0);
      assert.ok(matches.every((m) => m.negated || m.polarity === 'engagement'));
      assert.ok(matches.some((m) => m.rule === 'protection'));
    });

    it('reads 联合惩戒 and 黑名单 as control, 征求意见 as engagement', () => {
      assert.deepEqual(counted('实施联合惩戒。'), ['control:联合惩戒']);
      const blacklist = counted('列入黑名单。');
      assert.equal(blacklist.length, 1);
      assert.match(blacklist[0], /^control:.*黑名单$/);
      assert.deepEqual(counted('向社会征求意见。'), ['engagement:征求意见']);
    });

    it('does not read 不得不 (have to) as a prohibition', () => {
      assert.deepEqual(counted('我们不得不实施联合惩戒。'), ['control:联合惩戒']);
    });

    it('does not read "not only … but also" as a negation', () => {
      assert.deepEqual(
        engine
          .analyze('The state will not only monitor users but also punish them.')
          .matches()
          .map((m) => [m.text, m.polarity, m.negated]),
        [
          ['monitor', 'control', false],
          ['punish', 'control', false],
        ],
      );
    });

    it('reads 接受人民监督 as engagement, 对企业的监督检查 as control, 不得非法监控 as no control', () => {
      const polarities = (text: string): string[] => [...new Set(counted(text).map((m) => m.split(':')[0]))];
      assert.deepEqual(polarities('自觉接受人民监督。'), ['engagement']);
      assert.deepEqual(polarities('加强对企业的监督检查。'), ['control']);
      assert.ok(!polarities('不得非法监控公民。').includes('control'));
    });
  });

  describe('built-in senses', () => {
    it('reads accessibility for disabled people as nothing, and a commencement clause as no transparency', () => {
      const engine = builtinEngine();
      assert.deepEqual(engine.analyze('The council will improve disabled access to public buildings.').matches(), []);
      assert.deepEqual(engine.analyze('本法自公布之日起施行。').matches(), []);
      assert.deepEqual(
        engine.analyze('条例全文应当向社会公布。').matches().map((m) => [m.text, m.category]),
        [['向社会公布', 'transparency']],
      );
    });
  });

  describe('offsets and rules in long documents', () => {
    it('keeps every annotation exact past blank lines and lines of millions of characters', () => {
      const engine = builtinEngine();
      const spaces = ' '.repeat(3_000_000);
      const text = `Mass surveillance.\n${spaces}\nThey will not monitor anyone.\n${'x'.repeat(2_500_000)} surveillance ${spaces} a blacklist, then a public hearing.\n`;
      const found = engine.analyze(text).matches();
      const expected = [
        [0, 'Mass surveillance', null],
        [text.indexOf('monitor'), 'monitor', 'negation'],
        [text.lastIndexOf('surveillance'), 'surveillance', null],
        [text.indexOf('blacklist'), 'blacklist', null],
        [text.indexOf('public hearing'), 'public hearing', null],
      ];
      assert.deepEqual(found.map((m) => [m.start, m.text, m.rule]), expected);
      for (const m of found) assert.equal(text.slice(m.start, m.end), m.text);
      assert.match(found[1].ruleDetail ?? '', /"not"/);
    });
  });
});
