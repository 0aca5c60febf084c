// Rules of lexicons en 1.7, each on sentences written for these tests, in English and Chinese: an investigation or a
// review takes its stance from whom it is aimed at (scheme principle 4), a control word that is the object of a
// person's option or right is engagement (principle 3), and a word inside a name of a body or a law is no stance.
import * as assert from 'node:assert/strict';
import { briefs, builtinEngine, counted, engineWith } from './helpers/lexicons';

describe('rules of lexicons en 1.7', () => {
  describe('an investigation is a topic until a target gives it a stance', () => {
    it('built-in English: an investigation of an agency’s programs is accountability; one of a person counts nothing', () => {
      assert.deepEqual(counted('The senior official may investigate any matter concerning the administration of any program of the Department.'), ['engagement/accountability:investigate']);
      assert.deepEqual(counted('The officer may make such investigations and reports relating to the programs and operations of the agency.'), ['engagement/accountability:investigations']);
      assert.deepEqual(counted('The records are relevant to an ongoing investigation.'), []);
      assert.deepEqual(counted('The officer shall review the implementation of new regulations.'), ['engagement/accountability:review']);
      assert.deepEqual(counted('The decision shall not be subject to review.'), []);
    });

    it('Chinese: the same target cue moves a topic noun to accountability, and leaves it uncounted otherwise', () => {
      const zh = engineWith([{ term: '调查', category: 'surveillance', topic: true }], {
        language: 'zh',
        context: { before: [{ cue: '对行政机关', effect: 'target', category: 'accountability', categories: ['surveillance'], window: 4 }] },
      });
      assert.deepEqual(briefs(zh, '监察委员会对行政机关开展调查。'), [[12, 14, '调查', 'accountability', 'target', false]]);
      assert.deepEqual(briefs(zh, '公安机关开展调查。'), [[6, 8, '调查', 'surveillance', 'topic', true]]);
    });
  });

  describe('a control word that is the object of a person’s option or right is engagement', () => {
    it('built-in English: an opportunity to prohibit a disclosure is a right, a prohibition by the state is not', () => {
      assert.deepEqual(counted('The operator has provided the subscriber the opportunity to prohibit such disclosure.'), ['engagement/rights:opportunity', 'engagement/rights:prohibit', 'engagement/transparency:disclosure']);
      assert.deepEqual(counted('The agency may prohibit such disclosure.'), ['control/restrictions:prohibit', 'engagement/transparency:disclosure']);
    });

    it('English and Chinese: the object cue of a test lexicon', () => {
      const en = engineWith([{ term: 'deletion', category: 'censorship' }], { context: { protectionCategory: 'rights', before: [{ cue: 'request that', effect: 'object', window: 2 }] } });
      assert.deepEqual(briefs(en, 'A parent may request that deletion be made.'), [[26, 34, 'deletion', 'rights', 'protection', false]]);
      assert.deepEqual(briefs(en, 'The platform orders deletion.'), [[20, 28, 'deletion', 'censorship', null, false]]);
      const zh = engineWith([{ term: '删除', category: 'censorship' }], { language: 'zh', context: { protectionCategory: 'rights', before: [{ cue: '有权要求', effect: 'object', window: 2 }] } });
      assert.deepEqual(briefs(zh, '用户有权要求删除其信息。'), [[6, 8, '删除', 'rights', 'protection', false]]);
      assert.deepEqual(briefs(zh, '平台删除违法信息。'), [[2, 4, '删除', 'censorship', null, false]]);
    });
  });

  describe('a word inside a name of a body, an office or a law takes no stance', () => {
    it('built-in English: "the Privacy Office", "the Right to Financial Privacy Act" are names; "privacy protections" is not', () => {
      assert.deepEqual(counted('An employee of the Privacy Office shall sign the form.'), []);
      assert.deepEqual(counted('The bank may disclose the records in accordance with the Right to Financial Privacy Act.'), ['engagement/transparency:disclose']);
      assert.deepEqual(counted('Privacy protections apply to the records.'), ['engagement/privacy:Privacy']);
      const [m] = builtinEngine().analyze('An employee of the Privacy Office shall sign the form.').matches();
      assert.deepEqual([m.text, m.rule, m.negated], ['Privacy', 'topic', true]);
      assert.equal(m.ruleDetail, '"privacy" is part of a name (of a body, an office or a law) and takes no stance');
    });

    it('English: a capitalised word opening a sentence or a whole capitalised phrase is no name', () => {
      const en = engineWith([{ term: 'oversight', category: 'accountability' }, { term: 'federal register', category: 'transparency' }]);
      assert.deepEqual(briefs(en, 'Oversight of the agency is weak.'), [[0, 9, 'Oversight', 'accountability', null, false]]);
      assert.deepEqual(briefs(en, 'It is published in the Federal Register.'), [[23, 39, 'Federal Register', 'transparency', null, false]]);
      assert.deepEqual(briefs(en, 'The Public Oversight Board met.'), [[11, 20, 'Oversight', 'accountability', 'topic', true]]);
    });

    it('Chinese: a word inside a title in book-title marks (《…》) is a name', () => {
      const zh = engineWith([{ term: '权益保护', category: 'rights' }], { language: 'zh' });
      assert.deepEqual(briefs(zh, '依照《消费者权益保护法》处理。'), [[6, 10, '权益保护', 'rights', 'topic', true]]);
      assert.deepEqual(briefs(zh, '加强消费者权益保护。'), [[5, 9, '权益保护', 'rights', null, false]]);
      // The scanner notes the 《 wherever it stands in the block: at its start, or in a later sentence or line.
      assert.deepEqual(briefs(zh, '《消费者权益保护法》自公布之日起施行。'), [[4, 8, '权益保护', 'rights', 'topic', true]]);
      assert.deepEqual(briefs(zh, '本法适用于全市。\n依照《消费者权益保护法》处理。'), [[15, 19, '权益保护', 'rights', 'topic', true]]);
      // A 《 of another line does not open a title.
      assert.deepEqual(briefs(zh, '依照《消费者\n权益保护法》处理。'), [[7, 11, '权益保护', 'rights', null, false]]);
    });
  });

  describe('statute formulae (English 1.7.2)', () => {
    it('a rule of construction is a scope clause and takes no stance; a ban outside one stays control', () => {
      assert.deepEqual(counted('Nothing in this subsection shall be construed to prohibit any State from enacting laws.'), []);
      assert.deepEqual(counted('The agency may prohibit any State from enacting laws.'), ['control/restrictions:prohibit']);
    });

    it('a statement under penalty of perjury is no sanction; a meeting open to public observation is transparency', () => {
      assert.deepEqual(counted('The notice shall include a statement, under penalty of perjury, that it is accurate.'), []);
      assert.deepEqual(counted('Every portion of every meeting shall be open to public observation.'), ['engagement/transparency:open to public observation']);
    });

    it('a heading in title case may hold commas; a list item with commas, or a Chinese line with ，, is no title', () => {
      assert.deepEqual(counted('Part B— Remedies, Exceptions, and Definitions\n'), []);
      assert.deepEqual(counted('i) remedies for a violation, if any, and appeals\n'), ['engagement/rights:remedies', 'engagement/rights:appeals']);
      assert.deepEqual(counted('罚款、没收违法所得\n').length, 2);
    });

    it('sanctions for activities by officers of the government are accountability (principle 4)', () => {
      assert.deepEqual(counted('The guidelines shall include appropriate sanctions for activities by officers of the agency.'), ['engagement/accountability:sanctions']);
    });
  });
});
