// Statute rules of the coding scheme added with lexicons 1.4.0, each in English and Chinese on sentences written
// for these tests: definitions and scope clauses are shown but not counted (define cues), subdivision headings that
// end on a full stop are title lines, recruited reporting is control, the parties of a complaint are topic nouns,
// and consulting other agencies is not public consultation.
import * as assert from 'node:assert/strict';
import { parseLexicon } from '../../src/core/index';
import { Brief, briefs, builtinEngine, engineWith } from './helpers/lexicons';

const en = engineWith(
  [
    { term: 'sanction', category: 'sanctions' },
    { term: 'fine', category: 'sanctions' },
    { term: 'disclosure', category: 'transparency' },
  ],
  { context: { before: [{ cue: 'the term', effect: 'define', window: 20 }, { cue: 'the term of', effect: 'none' }, { cue: 'means any', effect: 'define', window: 20 }] } },
);

const zh = engineWith(
  [
    { term: '投诉', category: 'complaints' },
    { term: '罚款', category: 'sanctions' },
    { term: '监督管理', category: 'surveillance' },
  ],
  { language: 'zh', context: { before: [{ cue: '是指', effect: 'define', window: 20 }], after: [{ cue: '适用本办法', effect: 'define', window: 20 }] } },
);

/** The counted matches of a text on the built-in lexicons, as [text, polarity, category]. */
function counted(text: string): [string, string, string][] {
  return builtinEngine()
    .analyze(text)
    .matches()
    .filter((m) => !m.negated)
    .map((m) => [m.text, m.polarity, m.category]);
}

const polarities = (text: string): string[] => [...new Set(counted(text).map(([, p]) => p))].sort();

describe('statute rules (lexicons 1.4.0)', () => {
  describe('definitions and scope clauses take no stance', () => {
    it('English: the matches of "The term … means …" are shown, not counted, with the reason', () => {
      const ms = en.analyze('The term “monetary sanction” means any fine ordered to be paid.').matches();
      assert.deepEqual(
        ms.map((m) => [m.text, m.rule, m.negated]),
        [
          ['sanction', 'topic', true],
          ['fine', 'topic', true],
        ],
      );
      assert.equal(ms[0].ruleDetail, 'a definition or scope clause says what a term covers and takes no stance');
    });

    it('English: outside a definition, and after "the term of", the same words count', () => {
      assert.deepEqual(briefs(en, 'The agency may impose a fine.'), [[24, 28, 'fine', 'sanctions', null, false]]);
      assert.deepEqual(briefs(en, 'During the term of the order a fine applies.'), [[31, 35, 'fine', 'sanctions', null, false]]);
    });

    it('Chinese: 是指 opens a definition and 适用本办法 closes a scope clause', () => {
      assert.deepEqual(briefs(zh, '本办法所称举报，是指向监督管理部门反映违法线索的行为。'), [[11, 15, '监督管理', 'surveillance', 'topic', true]]);
      assert.deepEqual(briefs(zh, '市场监督管理部门处理投诉，适用本办法。'), [
        [2, 6, '监督管理', 'surveillance', 'topic', true],
        [10, 12, '投诉', 'complaints', 'topic', true],
      ]);
      assert.deepEqual(briefs(zh, '部门应当处理投诉。'), [[6, 8, '投诉', 'complaints', null, false]]);
    });

    it('a lexicon file accepts a define cue', () => {
      const parsed = parseLexicon('{ "name": "t", "version": "1.0.0", "language": "en", "categories": [], "entries": [], "context": { "before": [ { "cue": "means any", "effect": "define", "window": 20 } ] } }', 'x.json');
      assert.deepEqual(parsed.context?.before, [{ cue: 'means any', effect: 'define', window: 20 }]);
    });

    it('built-in lexicons: definitions in both languages are not counted', () => {
      assert.deepEqual(counted('The term “covered action” means any administrative action that results in monetary sanctions.'), []);
      assert.deepEqual(counted('第三条 本规定所称的投诉，是指消费者请求行政机关解决消费争议的行为。'), []);
      assert.deepEqual(counted('第二条 行政机关处理投诉举报，适用本规定。'), []);
    });
  });

  describe('subdivision headings that end on a full stop are title lines', () => {
    const heading = (text: string): Brief[] => briefs(en, text);

    it('English: "c) Prohibition of Certain Disclosure." and "2) Disclosure to the public ." name a topic', () => {
      assert.deepEqual(heading('c) Prohibition of Certain Disclosure.\n\nThe text goes on.'), [[26, 36, 'Disclosure', 'transparency', 'topic', true]]);
      assert.deepEqual(heading('2) Disclosure to the public .\n'), [[3, 13, 'Disclosure', 'transparency', 'topic', true]]);
    });

    it('English: a labelled sentence, a heading without a label and an item are still counted', () => {
      assert.deepEqual(heading('c) The agency may impose a fine.\n'), [[27, 31, 'fine', 'sanctions', null, false]]);
      assert.deepEqual(heading('Disclosure follows.\n'), [[0, 10, 'Disclosure', 'transparency', null, false]]);
      assert.deepEqual(heading('B) to order disclosure.\n'), [[12, 22, 'disclosure', 'transparency', null, false]]);
      assert.deepEqual(heading('c) Disclosure of records.\nMore text follows here.'), [[3, 13, 'Disclosure', 'transparency', null, false]]);
    });

    it('English: a labelled line that opens with an article is an item, with a full stop or without', () => {
      assert.deepEqual(heading('6) The right to full and timely disclosure as provided in law.\n'), [[32, 42, 'disclosure', 'transparency', null, false]]);
      assert.deepEqual(heading('6) An opportunity for any party to seek disclosure\n'), [[40, 50, 'disclosure', 'transparency', null, false]]);
      assert.deepEqual(heading('A) A fine.\n'), [[5, 9, 'fine', 'sanctions', null, false]]);
      // Without a label the line is a title as before: a document's name may open with an article.
      assert.deepEqual(heading('The Disclosure Act\n'), [[4, 14, 'Disclosure', 'transparency', 'topic', true]]);
      // The article must open the body: "Theft" or "Annual" opens a catchline.
      assert.deepEqual(heading('c) Annual disclosure.\n'), [[10, 20, 'disclosure', 'transparency', 'topic', true]]);
    });

    it('Chinese: a labelled line that ends in 。 is a sentence, not a heading', () => {
      assert.deepEqual(briefs(zh, '（一）依法处以罚款。\n'), [[7, 9, '罚款', 'sanctions', null, false]]);
      assert.deepEqual(briefs(zh, '第三章 罚款\n'), [[4, 6, '罚款', 'sanctions', 'topic', true]]);
    });

    it('English: a heading with "to" inside and semicolons between its parts', () => {
      assert.deepEqual(heading('d) Subscriber access to disclosure\n'), [[24, 34, 'disclosure', 'transparency', 'topic', true]]);
      assert.deepEqual(heading('f) Civil action; fine; costs\n'), [[17, 21, 'fine', 'sanctions', 'topic', true]]);
      assert.deepEqual(heading('(3) a fine;\n'), [[6, 10, 'fine', 'sanctions', null, false]]);
    });
  });

  describe('recruited reporting is control; reporting officials stays engagement', () => {
    it('English: rewards for informants and duties to report to the police', () => {
      assert.deepEqual(polarities('The Commission shall pay an award to the informant.'), ['control']);
      assert.deepEqual(polarities('Landlords must report to the police any tenant who lacks papers.'), ['control']);
      assert.deepEqual(polarities('Residents may report corruption by officials.'), ['engagement']);
    });

    it('Chinese: 向公安机关举报 and 举报奖励 are control; reporting officials is engagement', () => {
      assert.deepEqual(polarities('居民发现可疑人员，应当向公安机关举报。'), ['control']);
      assert.deepEqual(polarities('国家安全机关按照规定发放举报奖励。'), ['control']);
      assert.deepEqual(polarities('群众有权检举国家机关工作人员的违法失职行为。'), ['engagement']);
    });
  });

  describe('the parties of a complaint are topic nouns; the act decides', () => {
    it('English: a whistleblower named in a list item is shown, not counted', () => {
      assert.deepEqual(counted('B) to any whistleblower who is convicted of a crime'), []);
    });

    it('Chinese: 投诉人 and 被投诉人 in an item name parties; 受理投诉 is an act', () => {
      assert.deepEqual(counted('一）投诉人的姓名和被投诉人的地址；'), []);
      assert.deepEqual(polarities('行政机关应当及时受理投诉。'), ['engagement']);
    });
  });

  describe('credit data pooling and passing data to the police are control (zh 1.4.1)', () => {
    it('Chinese: 记分, 记入信用档案 and 通报公安机关 are control', () => {
      assert.deepEqual(polarities('对违规经营者记分，并记入信用档案。'), ['control']);
      assert.deepEqual(polarities('发现可疑情况的，应当及时通报公安机关。'), ['control']);
    });

    it('English: pooling credit data is control, a consumer disputing a record is engagement', () => {
      assert.deepEqual(polarities('Agencies shall join the data pooling scheme.'), ['control']);
      assert.deepEqual(polarities('The consumer may file an objection to the record.'), ['engagement']);
    });
  });

  describe('consulting other agencies is not public consultation', () => {
    it('Chinese: 征求其他部门的意见 is neutral; 向社会公开征求意见 is consultation', () => {
      assert.deepEqual(counted('起草单位应当征求其他部门的意见。'), []);
      assert.deepEqual(polarities('起草单位应当向社会公开征求意见。'), ['engagement']);
    });

    it('English: notifying the person concerned is transparency; a nondisclosure requirement is a gag', () => {
      assert.deepEqual(polarities('The agency shall notify the person of the status of the inquiry.'), ['engagement']);
      assert.deepEqual(polarities('The recipient is bound by the nondisclosure requirement.'), ['control']);
    });
  });
});
