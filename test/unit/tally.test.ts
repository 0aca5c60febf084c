// Tally arithmetic: densities, exact weight sums, the lean index and its labels, thin evidence, categories
// and terms; and determinism of matches, tallies and the lexicon hash.
import * as assert from 'node:assert/strict';
import { Engine, Tally } from '../../src/core/index';
import type { AnalysisContext } from '../../src/core/analysis';
import { blockAt } from '../../src/core/blocks';
import { analyzeBlock, withScanState } from '../../src/core/scan';
import { addBlockMatches, SectionWalk, TallyAccumulator } from '../../src/core/tally';
import { builtinEngine, CATEGORIES, cues, engineWith, testLexicon } from './helpers/lexicons';

const entries = [
  { term: 'monitor', category: 'surveillance' },
  { term: 'blacklist', category: 'sanctions', weight: 1.5 },
  { term: 'fine', category: 'sanctions', weight: 0.5 },
  { term: 'tenth', category: 'scoring', weight: 0.1 },
  { term: 'fifth', category: 'scoring', weight: 0.2 },
  { term: 'appeal', category: 'rights' },
  { term: 'hearing', category: 'participation', weight: 1.5 },
  { term: 'notice', category: 'transparency', weight: 0.5 },
  { term: 'public supervision', category: 'accountability' },
];
const engine = engineWith(entries, { context: { before: cues(['not', 'negate'], ['exempt from', 'exempt']) } });

function tallyOf(text: string): Tally {
  return engine.analyze(text).tally();
}

describe('tally', () => {
  describe('polarity sums', () => {
    it('counts matches, weights and density per 1,000 words', () => {
      const tally = tallyOf('We monitor and blacklist firms, then fine them; they appeal.');
      assert.equal(tally.words, 10);
      assert.equal(tally.units.sentences, 1);
      assert.deepEqual(tally.control, { matches: 3, weight: 3, perThousandWords: 300 });
      assert.deepEqual(tally.engagement, { matches: 1, weight: 1, perThousandWords: 100 });
    });

    it('sums weights exactly (0.5 + 1.5; 0.1 + 0.2 is 0.3, not 0.30000000000000004)', () => {
      assert.equal(tallyOf('fine blacklist fine').control.weight, 2.5);
      assert.equal(tallyOf('tenth fifth').control.weight, 0.3);
      assert.equal(tallyOf('tenth tenth tenth').control.weight, 0.3);
      assert.equal(tallyOf('hearing notice notice').engagement.weight, 2.5);
    });

    it('never counts negated or exempted matches', () => {
      const text = 'We do not monitor. They are exempt from blacklist. We monitor.';
      const analysis = engine.analyze(text);
      assert.equal(analysis.matches().length, 3);
      const tally = analysis.tally();
      assert.deepEqual(tally.control, { matches: 1, weight: 1, perThousandWords: 1000 / 11 });
      const sanctions = tally.categories.find((c) => c.id === 'sanctions');
      assert.deepEqual(sanctions, { id: 'sanctions', label: 'label of sanctions', polarity: 'control', matches: 0, weight: 0, terms: [] });
      assert.deepEqual(tally.lean, { index: -1, label: 'control-leaning', thin: true, basis: 'sentences' });
    });
  });

  describe('the lean', () => {
    const lean = (index: number | null, label: string, thin: boolean): object => ({ index, label, thin, basis: 'sentences' });

    it('is (engagement sentences − control sentences) / (their sum), whatever the weights', () => {
      // Sentences: control (monitor, fine), engagement (hearing), both (blacklist + appeal), engagement (appeal, appeal).
      const tally = tallyOf('We monitor and fine. A hearing. Blacklist, then appeal. Appeal and appeal.');
      assert.deepEqual(tally.units, { sentences: 4, control: 2, engagement: 3, both: 1 });
      // (3 − 2) / (3 + 2) = 0.2; by weight it would have been (1.5 + 1 + 1 + 1 − 1 − 0.5 − 1.5) / 7.5.
      // Four sentences hold a match: fewer than five, so the lean is flagged thin.
      assert.deepEqual(tally.lean, lean(0.2, 'engagement-leaning', true));
      // Matches and weights stay as the evidence.
      assert.deepEqual(tally.control, { matches: 3, weight: 3, perThousandWords: 3000 / 12 });
      assert.deepEqual(tally.engagement, { matches: 4, weight: 4.5, perThousandWords: 4000 / 12 });
    });

    it('counts one sentence that repeats a term five times as one control sentence', () => {
      const repeated = tallyOf('Monitor, monitor, monitor, monitor and monitor. They appeal.');
      assert.equal(repeated.control.matches, 5);
      assert.deepEqual(repeated.units, { sentences: 2, control: 1, engagement: 1, both: 0 });
      assert.equal(repeated.lean.index, 0);
      const five = tallyOf('We monitor. We monitor. We monitor. We monitor. We monitor. They appeal.');
      assert.deepEqual(five.units, { sentences: 6, control: 5, engagement: 1, both: 0 });
      assert.equal(five.lean.index, (1 - 5) / 6);
    });

    it('counts a sentence with both polarities in both, and a negated match in neither', () => {
      assert.deepEqual(tallyOf('We monitor and they appeal.').units, { sentences: 1, control: 1, engagement: 1, both: 1 });
      assert.deepEqual(tallyOf('We do not monitor. They are exempt from blacklist.').units, { sentences: 2, control: 0, engagement: 0, both: 0 });
      assert.deepEqual(tallyOf('We do not monitor; they appeal.').units, { sentences: 1, control: 0, engagement: 1, both: 0 });
    });

    it('labels −0.2 and below control-leaning, +0.2 and above engagement-leaning, between balanced', () => {
      const sentences = (control: number, engagement: number, both = 0): string =>
        [...Array(control).fill('We monitor.'), ...Array(engagement).fill('They appeal.'), ...Array(both).fill('We monitor; they appeal.')].join(' ');
      const cases: [string, number, string][] = [
        [sentences(3, 2), -0.2, 'control-leaning'], // (2 − 3) / 5
        [sentences(7, 5), -1 / 6, 'balanced'],
        [sentences(1, 1), 0, 'balanced'],
        [sentences(0, 0, 3), 0, 'balanced'],
        [sentences(4, 5), 1 / 9, 'balanced'],
        [sentences(2, 3), 0.2, 'engagement-leaning'],
        [sentences(2, 0), -1, 'control-leaning'],
      ];
      for (const [text, index, label] of cases) {
        const l = tallyOf(text).lean;
        assert.deepEqual([l.index, l.label], [index, label], text);
      }
    });

    it('is null with the label "no signal" when no sentence holds a counted match', () => {
      assert.deepEqual(tallyOf('Nothing here. We do not monitor.').lean, lean(null, 'no signal', true));
      assert.deepEqual(tallyOf('').lean, lean(null, 'no signal', true));
    });

    it('flags fewer than five sentences holding a match as thin, however many matches they hold', () => {
      assert.equal(tallyOf('appeal appeal appeal appeal appeal appeal').lean.thin, true);
      assert.equal(tallyOf('Appeal. Appeal. Appeal. Appeal.').lean.thin, true);
      assert.equal(tallyOf('Appeal. Appeal. Appeal. Appeal. Appeal.').lean.thin, false);
      // A sentence that is both counts once: four sentences hold a match here.
      assert.equal(tallyOf('Appeal. Appeal. Appeal. Monitor and appeal.').lean.thin, true);
      assert.equal(tallyOf('Appeal. Appeal. Appeal. Appeal. Not appeal.').lean.thin, true);
    });
  });

  describe('categories and terms', () => {
    it('lists every category in lexicon order, zeros included', () => {
      const tally = tallyOf('They appeal.');
      assert.deepEqual(
        tally.categories.map((c) => [c.id, c.polarity, c.matches]),
        CATEGORIES.map((c) => [c.id, c.polarity, c.id === 'rights' ? 1 : 0]),
      );
      assert.deepEqual(tally.categories.find((c) => c.id === 'privacy'), { id: 'privacy', label: 'label of privacy', polarity: 'engagement', matches: 0, weight: 0, terms: [] });
    });

    it('sorts terms by count, then alphabetically, counting lower-cased text with spacing normalised', () => {
      const tally = tallyOf('Monitoring monitored. MONITORED monitors. monitors monitoring monitored. monitor.');
      const surveillance = tally.categories.find((c) => c.id === 'surveillance');
      assert.deepEqual(surveillance?.terms, [
        { term: 'monitored', count: 3 },
        { term: 'monitoring', count: 2 },
        { term: 'monitors', count: 2 },
        { term: 'monitor', count: 1 },
      ]);
      assert.equal(surveillance?.matches, 8);
      const accountability = tallyOf('Public  supervision and public\nSupervision.').categories.find((c) => c.id === 'accountability');
      assert.deepEqual(accountability?.terms, [{ term: 'public supervision', count: 2 }]);
    });

    it('sums category weights exactly', () => {
      const sanctions = tallyOf('fine fine blacklist').categories.find((c) => c.id === 'sanctions');
      assert.deepEqual([sanctions?.matches, sanctions?.weight], [3, 2.5]);
    });
  });

  describe('determinism', () => {
    const text = 'Chapter 1\nWe monitor and blacklist; they appeal at a hearing. 我们监控。\n\nArticle 2\nNot monitor.';

    it('gives deep-equal matches and tallies for the same text, analysed twice or by two engines', () => {
      const again = engineWith(entries, { context: { before: cues(['not', 'negate'], ['exempt from', 'exempt']) } });
      const a = engine.analyze(text);
      const b = engine.analyze(text);
      const c = again.analyze(text);
      assert.deepEqual(b.matches(), a.matches());
      assert.deepEqual(b.tally(), a.tally());
      assert.deepEqual(c.matches(), a.matches());
      assert.deepEqual(c.tally(), a.tally());
      assert.deepEqual(JSON.stringify(c.tally()), JSON.stringify(a.tally()));
    });

    it('names the lexicons by a stable SHA-256 that changes with their content', () => {
      const lexicon = testLexicon(entries);
      const first = new Engine([lexicon]).lexiconInfo;
      const second = new Engine([structuredClone(lexicon)]).lexiconInfo;
      assert.deepEqual(second, first);
      assert.match(first.sha256, /^[0-9a-f]{64}$/);
      assert.equal(first.entries, entries.length);
      const changed = new Engine([testLexicon([...entries.slice(0, -1), { term: 'public supervision', category: 'accountability', weight: 2 }])]).lexiconInfo;
      assert.notEqual(changed.sha256, first.sha256);
    });
  });
});

describe('a section walk given the tally’s block sums (an analysis in parts)', () => {
  it('closes the sections a walk reading the matches closes, and leaves the heading blocks untitled', () => {
    const builtin = builtinEngine();
    const context = (builtin as unknown as { context(language: string): AnalysisContext }).context('auto');
    const text = [
      'Preamble: the agency may monitor and fine firms; residents may appeal.',
      'Chapter 1 Oversight',
      'Article 1 Scope. The authority shall monitor the platforms and blacklist offenders, not punish them.',
      'Section 2. Definitions',
      'Residents may appeal and request a hearing. The agency shall not monitor residents.',
      '第一章 总则',
      '第二条 公安机关可以依法监控，公民有权申诉。',
      'Article 3 The authority shall publish the notice.',
    ].join('\n\n');
    type Closed = unknown[];
    const walked = (counted: boolean): { closed: Closed[]; titled: number; sums: number[] } => {
      const closed: Closed[] = [];
      const record = (s: { index: number; startLine: number; startOffset: number; words: number; units: object; control: object; engagement: object }, ...rest: unknown[]): void => {
        closed.push([s.index, s.startLine, s.startOffset, s.words, { ...s.units }, { ...s.control }, { ...s.engagement }, ...rest]);
      };
      const walk = counted ? new SectionWalk(context.reader, record, false) : new SectionWalk(context.reader, record);
      const acc = new TallyAccumulator(context.reader, context.terms, context.categories.length);
      let titled = 0;
      const sums: number[] = [];
      withScanState((scan) => {
        for (let pos = 0; pos < text.length; ) {
          const extent = blockAt(text, pos, scan.extent);
          const block = analyzeBlock(text, pos, extent, context.matcher, scan);
          acc.apply(block, 1, text, pos);
          const control = { matches: 0, weightMilli: 0 };
          const engagement = { matches: 0, weightMilli: 0 };
          addBlockMatches(control, engagement, block, context.reader);
          assert.deepEqual([acc.blockControl, acc.blockEngagement], [control, engagement], JSON.stringify(text.slice(pos, extent.end)));
          sums.push(control.matches, engagement.matches);
          walk.add(block, text, pos, pos, counted ? acc : null);
          if (block.title !== null) titled++;
          pos = extent.end;
        }
      });
      assert.ok(walk.end(text.length));
      return { closed, titled, sums };
    };
    const read = walked(false);
    const given = walked(true);
    assert.deepEqual(given.closed, read.closed);
    assert.ok(read.closed.length >= 7, `sections: ${read.closed.length}`);
    assert.ok(read.sums.some((n) => n > 0));
    assert.equal(read.titled, read.closed.length - 1, 'a walk over an open document keeps each heading’s title');
    assert.equal(given.titled, 0, 'a walk over parts keeps none');
  });
});
