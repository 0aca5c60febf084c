// A sentence that exempts from a duty or a protection (exemptionSentences.ts) names what the exemption reaches: its
// engagement matches are shown as topics, with their own explanation; control in it, and engagement in the sentences
// around it, keep their count.
import * as assert from 'node:assert/strict';
import { builtinLexicons, Engine } from '../../src/core/index';
import { blockAt } from '../../src/core/blocks';
import { Matcher } from '../../src/core/matcher';
import { analyzeBlock, withScanState } from '../../src/core/scan';
import { Random } from './helpers/random';

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

describe('exemption words found by the scanner', () => {
  it('are read from the lexicons: words a lexicon adds are found as the built-in ones are', () => {
    const lexicons = builtinLexicons().map((l) => {
      const exemption = l.context?.lists?.exemption;
      return exemption === undefined ? l : { ...l, context: { ...l.context, lists: { ...l.context?.lists, exemption: { ...exemption, sentences: [...(exemption.sentences ?? []), 'need only be filed'] } } } };
    });
    const text = 'The agency shall disclose the records to the consumer, and consent need only be filed.';
    const found = new Engine(lexicons).analyze(text).matches().filter((m) => m.rule === 'topic' && DETAIL.test(m.ruleDetail ?? ''));
    assert.deepEqual(found.map((m) => m.text), ['disclose', 'consent']);
    assert.deepEqual(exempted(text), [], 'the built-in phrases do not reach it');
  });

  it('mark every block that the words\' pattern matches, whatever stands beside or between them, and few others', () => {
    const matcher = new Matcher(builtinLexicons());
    const pattern = matcher.lists?.exemption?.sentences ?? null;
    assert.ok(pattern !== null, 'the built-in English lexicon has exemption sentences');
    const phrases = builtinLexicons().flatMap((l) => l.context?.lists?.exemption?.sentences ?? []);
    const words = ['shall', 'not', 'apply', 'applies', 'be', 'applicable', 'is', 'are', 'required', 'prohibit', 'does', 'notice', 'nothing', 'agency', 'consent', 'disclose'];
    // Spaces the pattern reads and the scanner joins, spaces only the pattern reads, marks, and letters a token runs on over.
    const spaces = [' ', ' ', ' ', '  ', '\n', '\t', '\r\n', '\u00a0', '\u3000', '\u2003', '\u000b', '\u000c', '\ufeff', '\u202f', '\n\n'];
    const others = ['-', "'", '_', ',', '. ', '', 'é', 'ſ', 'Ａ', '不', '１', '7', '\ud835\udc00'];
    const rng = new Random(19);
    const cased = (w: string): string => (rng.chance(0.2) ? w.toUpperCase() : rng.chance(0.2) ? w[0].toUpperCase() + w.slice(1) : w);
    let matched = 0;
    let spared = 0;
    for (let n = 0; n < 3000; n++) {
      let text = '';
      for (let w = 0; w < 8; w++) {
        const unit = rng.chance(0.4) ? rng.pick(phrases).split(' ') : [rng.pick(words)];
        text += unit.map(cased).join(rng.chance(0.7) ? rng.pick(spaces) : rng.pick(others));
        text += rng.chance(0.6) ? rng.pick(spaces) : rng.pick(others);
      }
      withScanState((scan) => {
        let pos = 0;
        while (pos < text.length) {
          const extent = blockAt(text, pos);
          const block = analyzeBlock(text, pos, extent, matcher, scan);
          const blockText = text.slice(pos, extent.end);
          if (pattern.test(blockText)) {
            matched++;
            assert.ok(block.mayExempt, `seed 19, text ${n}: ${JSON.stringify(blockText)}`);
          } else if (!block.mayExempt && /\bnot\b/i.test(blockText)) spared++;
          pos = extent.end;
        }
      });
    }
    assert.ok(matched > 1000, `the random texts reach the words (${matched})`);
    assert.ok(spared > 300, `blocks holding "not" but none of the words are passed over (${spared})`);
  });
});
