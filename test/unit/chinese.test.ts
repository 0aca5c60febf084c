// Chinese: matching by character sequence (not segmentation), Chinese cues and their character window,
// sentence ends, word counts, mixed documents and the language override.
import * as assert from 'node:assert/strict';
import { Engine } from '../../src/core/index';
import { briefs, builtinEngine, cues, repoFile, testLexicon } from './helpers/lexicons';

const zh = testLexicon(
  [
    { term: '信用', category: 'rights' },
    { term: '信用评分', category: 'scoring' },
    { term: '监控', category: 'surveillance' },
    { term: '征求意见', category: 'consultation' },
    { term: '公开', category: 'transparency' },
    { term: '社会监督', category: 'accountability' },
    { term: '监督', category: 'surveillance' },
    { term: '监督检查', category: 'surveillance' },
    { term: '不得转让', category: 'restrictions' },
    { term: '𠀀𠀁', category: 'censorship' },
  ],
  {
    language: 'zh',
    name: 'test-zh',
    context: {
      window: 4,
      clauseBreaks: ['但', '但是'],
      protectionCategory: 'rights',
      before: cues(['不得', 'protect'], ['不予', 'negate'], ['免予', 'exempt'], ['防止滥用', 'protect']),
      after: cues(['被撤销', 'protect']),
    },
  },
);
const en = testLexicon([
  { term: 'monitor', category: 'surveillance' },
  { term: 'consultation', category: 'consultation' },
]);
const engine = new Engine([en, zh]);
const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

describe('Chinese', () => {
  describe('segmentation-independent matching', () => {
    it('matches 信用评分 as a whole although Intl.Segmenter splits it', () => {
      const segments = [...segmenter.segment('信用评分')].map((s) => s.segment);
      assert.ok(segments.length > 1, `the segmenter keeps 信用评分 whole (${segments.join('|')}); the test no longer shows why`);
      assert.deepEqual(briefs(engine, '建立个人信用评分制度'), [[4, 8, '信用评分', 'scoring', 'direction', false]]);
    });

    it('lets the longest Chinese entry win, and the shorter one stand alone', () => {
      assert.deepEqual(briefs(engine, '信用评分和信用'), [
        [0, 4, '信用评分', 'scoring', 'direction', false],
        [5, 7, '信用', 'rights', null, false],
      ]);
    });

    it('applies the direction rule: 社会监督 is engagement, 监督检查 control', () => {
      const matches = engine.analyze('接受社会监督，开展监督检查').matches();
      assert.deepEqual(
        matches.map((m) => [m.start, m.end, m.text, m.polarity, m.rule]),
        [
          [2, 6, '社会监督', 'engagement', 'direction'],
          [9, 13, '监督检查', 'control', null],
        ],
      );
      assert.equal(matches[0].ruleDetail, 'the phrase "社会监督" overrides "监督" (control)');
    });

    it('matches entries of characters beyond the BMP at UTF-16 offsets', () => {
      assert.deepEqual(briefs(engine, '监控𠀀𠀁'), [
        [0, 2, '监控', 'surveillance', null, false],
        [2, 6, '𠀀𠀁', 'censorship', null, false],
      ]);
    });

    it('joins characters across spaces and line breaks (wrapped text), not across punctuation', () => {
      assert.deepEqual(briefs(engine, '征求\n意见'), [[0, 5, '征求\n意见', 'consultation', null, false]]);
      assert.deepEqual(briefs(engine, '征求 意见'), [[0, 5, '征求 意见', 'consultation', null, false]]);
      assert.deepEqual(briefs(engine, '征求，意见'), []);
      assert.deepEqual(briefs(engine, '征求。意见'), []);
    });
  });

  describe('context rules', () => {
    it('不得 protects people from a control term', () => {
      const [m] = engine.analyze('不得非法监控公民').matches();
      assert.deepEqual([m.start, m.end, m.text, m.polarity, m.category, m.rule, m.negated], [4, 6, '监控', 'engagement', 'rights', 'protection', false]);
      assert.equal(m.ruleDetail, '"不得" protects people from "监控"');
    });

    it('不予 negates, 免予 exempts, 防止滥用 protects', () => {
      assert.deepEqual(briefs(engine, '不予公开'), [[2, 4, '公开', 'transparency', 'negation', true]]);
      assert.deepEqual(briefs(engine, '免予监控'), [[2, 4, '监控', 'surveillance', 'exemption', true]]);
      assert.deepEqual(briefs(engine, '防止滥用监控'), [[4, 6, '监控', 'rights', 'protection', false]]);
    });

    it('an after-cue 被撤销 applies to the term before it', () => {
      assert.deepEqual(briefs(engine, '监控被撤销'), [[0, 2, '监控', 'rights', 'protection', false]]);
    });

    it('a phrase that contains a cue is an entry of its own', () => {
      assert.deepEqual(briefs(engine, '股份不得转让'), [[2, 6, '不得转让', 'restrictions', null, false]]);
    });

    it('counts the window in characters', () => {
      assert.deepEqual(briefs(engine, '不得一二三四监控'), [[6, 8, '监控', 'rights', 'protection', false]]);
      assert.deepEqual(briefs(engine, '不得一二三四五监控'), [[7, 9, '监控', 'surveillance', null, false]]);
    });

    it('ends cue scope at 但, at ：, and at sentence ends, not at commas', () => {
      assert.deepEqual(briefs(engine, '不得泄露，监控'), [[5, 7, '监控', 'rights', 'protection', false]]);
      assert.deepEqual(briefs(engine, '不得但监控'), [[3, 5, '监控', 'surveillance', null, false]]);
      assert.deepEqual(briefs(engine, '不得：监控'), [[3, 5, '监控', 'surveillance', null, false]]);
      assert.deepEqual(briefs(engine, '不得。监控'), [[3, 5, '监控', 'surveillance', null, false]]);
      assert.deepEqual(briefs(engine, '不得；监控'), [[3, 5, '监控', 'surveillance', null, false]]);
    });
  });

  describe('sentences and words', () => {
    it('splits sentences on 。！？；', () => {
      const tally = engine.analyze('监控。监控！监控？监控；监控').tally();
      assert.equal(tally.units.sentences, 5);
      assert.equal(tally.control.matches, 5);
    });

    it('counts words, not characters: a run of n characters is n / 1.75 words', () => {
      // 建立社会信用体系 and 我们支持公开透明: eight characters each, 8 / 1.75 rounds to 5 words each.
      const tally = engine.analyze('建立社会信用体系。我们支持公开透明。').tally();
      assert.equal(tally.words, 10);
      assert.equal(tally.units.sentences, 2);
      assert.equal(tally.engagement.perThousandWords, 200);
    });

    it('keeps its word counts within 5% of Intl.Segmenter on the Chinese development set and sample', () => {
      const builtin = builtinEngine();
      for (const file of ['test/devset/zh.tsv', 'media/samples/social-credit-outline.zh.policy.txt']) {
        const text = repoFile(file);
        let segmented = 0;
        for (const run of text.match(/[\u3400-\u9fff]+/g) ?? []) for (const s of segmenter.segment(run)) if (s.isWordLike) segmented++;
        const counted = builtin.analyze(text.replace(/[A-Za-z0-9]+/g, ' ')).tally().words;
        assert.ok(Math.abs(counted / segmented - 1) <= 0.05, `${file}: ${counted} words counted, ${segmented} segmented`);
      }
    });

    it('counts a lone Han character as a word, between Latin words', () => {
      assert.equal(engine.analyze('a 中 b').tally().words, 3);
    });
  });

  describe('languages', () => {
    const mixed = 'The ministry will monitor platforms. 有关部门应当征求意见并公开结果。';

    it('annotates both languages of a mixed document and calls it mixed', () => {
      const analysis = engine.analyze(mixed);
      assert.equal(analysis.language, 'mixed');
      assert.equal(analysis.tally().language, 'mixed');
      assert.deepEqual(
        analysis.matches().map((m) => m.text),
        ['monitor', '征求意见', '公开'],
      );
    });

    it('detects a Chinese and an English document', () => {
      assert.equal(engine.analyze('有关部门应当征求意见并公开结果。').language, 'zh');
      assert.equal(engine.analyze('The ministry will monitor platforms.').language, 'en');
      assert.equal(engine.analyze('The ministry will monitor platforms, 监控.').language, 'en');
    });

    it('with language en, ignores Chinese terms', () => {
      const analysis = engine.analyze(mixed, { language: 'en' });
      assert.equal(analysis.language, 'en');
      assert.deepEqual(
        analysis.matches().map((m) => m.text),
        ['monitor'],
      );
    });

    it('with language zh, ignores English terms', () => {
      const analysis = engine.analyze(mixed, { language: 'zh' });
      assert.equal(analysis.tally().language, 'zh');
      assert.deepEqual(
        analysis.matches().map((m) => m.text),
        ['征求意见', '公开'],
      );
    });

    it('falls back to every lexicon when none has the language asked for', () => {
      const englishOnly = new Engine([en]);
      assert.deepEqual(
        englishOnly.analyze('monitor', { language: 'zh' }).matches().map((m) => m.text),
        ['monitor'],
      );
    });
  });
});
