// A sentence that exempts from a duty or a protection (exemptionSentences.ts) names what the exemption reaches: its
// engagement matches are shown as topics, with their own explanation; control in it, and engagement in the sentences
// around it, keep their count.
import * as assert from 'node:assert/strict';
import { builtinLexicons, Engine } from '../../src/core/index';
import { Matcher, sharedWordPattern } from '../../src/core/matcher';

const engine = new Engine(builtinLexicons());
// The same lexicons with exemption lists but no `sentences`: an exemption reaches only the items of its list.
const withoutExemptions = new Engine(
  builtinLexicons().map((l) => {
    const exemption = l.context?.lists?.exemption;
    return exemption === undefined ? l : { ...l, context: { ...l.context, lists: { ...l.context?.lists, exemption: { words: exemption.words, categories: exemption.categories } } } };
  }),
);

const DETAIL = /^the sentence exempts from a duty or a protection: ".+" names what the exemption reaches and takes no stance$/;

function exempted(text: string): [string, string][] {
  return engine
    .analyze(text)
    .matches()
    .filter((m) => m.rule === 'topic' && DETAIL.test(m.ruleDetail ?? ''))
    .map((m) => [m.text, m.category]);
}

describe('exemption sentences (English)', () => {
  it('shows the engagement of a sentence that exempts as topics, whatever cue moved it', () => {
    const text = 'Subsections (a) and (b) shall not prohibit the disclosure of nonpublic personal information to a consumer reporting agency.';
    assert.deepEqual(exempted(text), [
      ['prohibit', 'restrictions'],
      ['disclosure', 'transparency'],
    ]);
    assert.equal(engine.analyze(text).tally().units.engagement, 0);
    assert.equal(withoutExemptions.analyze(text).tally().units.engagement, 1, 'without `sentences` the exemption reads as a protection');
  });

  it('reaches matches before the exemption words in the sentence', () => {
    const text = 'The regulations shall provide that verifiable parental consent under paragraph (1) is not required in the case of online contact information.';
    assert.deepEqual(exempted(text), [['consent', 'privacy']]);
  });

  it('leaves control in the sentence counted: an exemption that leaves a measure in place is control', () => {
    const text = 'Any person who violates the order shall be fined, and subsection (c) shall not apply to such person.';
    const analysis = engine.analyze(text);
    assert.ok(analysis.matches().some((m) => m.category === 'sanctions' && !m.negated), 'the fine still counts');
    assert.equal(analysis.tally().units.control, 1);
  });

  it('leaves the sentences around it as they are', () => {
    const text = 'The agency shall publish the decision. Parental consent under paragraph (1) is not required for the records of a school. The agency shall respond to each complaint.';
    assert.deepEqual(exempted(text), [['consent', 'privacy']]);
    assert.equal(engine.analyze(text).tally().units.engagement, 2);
    assert.equal(withoutExemptions.analyze(text).tally().units.engagement, 3);
  });

  it('an exemption from a measure is none: the other clause keeps its protection', () => {
    const text = 'No one shall be punished twice for the same conduct, and small businesses may be exempted from administrative penalties.';
    assert.deepEqual(exempted(text), []);
    assert.equal(engine.analyze(text).tally().units.engagement, 1);
  });

  it('needs the exemption words: a sentence that only negates is not one', () => {
    assert.deepEqual(exempted('The agency shall not publish the records of a consumer without consent.'), []);
    assert.deepEqual(exempted('The agency shall publish the decision and respond to every complaint.'), []);
  });
});

describe('sharedWordPattern (the exemption sentences\' quick test)', () => {
  it('is the longest word every phrase holds, whole and in any case', () => {
    const hint = sharedWordPattern(['shall not apply', 'is not required', 'Shall Not Be Applicable']);
    assert.ok(hint !== null);
    assert.ok(hint.test('This section SHALL NOT apply.'));
    assert.ok(!hint.test('Notice shall be given; nothing else applies.'), '"not" inside "Notice" and "nothing" is no match');
    assert.equal(sharedWordPattern(['must be disclosed', 'must be published'])?.source, '\\bmust\\b');
  });

  it('is null when the phrases share no word, and the phrases then decide alone', () => {
    assert.equal(sharedWordPattern(['shall not apply', 'exempt from']), null);
    assert.equal(sharedWordPattern([]), null);
    const lexicons = builtinLexicons().map((l) => {
      const exemption = l.context?.lists?.exemption;
      return exemption === undefined ? l : { ...l, context: { ...l.context, lists: { ...l.context?.lists, exemption: { ...exemption, sentences: [...(exemption.sentences ?? []), 'need only be filed'] } } } };
    });
    const text = 'The agency shall disclose the records to the consumer, and consent need only be filed.';
    const found = new Engine(lexicons).analyze(text).matches().filter((m) => m.rule === 'topic' && DETAIL.test(m.ruleDetail ?? ''));
    assert.deepEqual(found.map((m) => m.text), ['disclose', 'consent']);
    assert.deepEqual(exempted(text), [], 'the built-in phrases do not reach it');
  });

  it('holds wherever a phrase does: random text that a phrase matches always passes the quick test', () => {
    const exemption = new Matcher(builtinLexicons()).lists?.exemption;
    const phrases = exemption?.sentences ?? null;
    const hint = exemption?.sentencesHint ?? null;
    assert.ok(phrases !== null && hint !== null, 'the built-in English lexicon has both');
    const parts = ['The agency', 'shall', 'SHALL NOT', 'not', 'Not', 'apply', 'be applicable', 'is', 'are', 'required', 'prohibit', 'does', 'notice', 'nothing', '-not-', '\n', '\t', ',', '.'];
    let seed = 7;
    const next = (): number => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) % parts.length;
    let matched = 0;
    for (let n = 0; n < 5000; n++) {
      const text = Array.from({ length: 8 }, () => parts[next()]).join(n % 2 === 0 ? ' ' : '  ');
      if (phrases.test(text)) {
        matched++;
        assert.ok(hint.test(text), text);
      }
    }
    assert.ok(matched > 20, `the random texts reach the phrases (${matched})`);
  });
});
