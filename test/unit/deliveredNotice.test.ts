// Lexicons en 1.19: a notice is a topic noun, counted when the text delivers it to a governed person ("Notice of such
// determination shall be mailed to the individual filing the claim"): informing the person concerned is engagement
// (scheme principle 5; codebook D22), while a notice named as a subject or a condition says nothing by itself. The
// recipient is an `act` cue that names the categories it acts on, so "to the individual" gives a notice its stance and
// leaves an inquiry or an investigation near it a topic.
// The sentences are written for the tests, not taken from the corpus.
import * as assert from 'node:assert/strict';
import { parseLexicon } from '../../src/core/index';
import { briefs, CATEGORIES, countedAs, engineWith } from './helpers/lexicons';

describe('a notice delivered to a governed person (lexicons en 1.19.1)', () => {
  describe('the mechanism: an act cue that names its categories', () => {
    const en = engineWith(
      [
        { term: 'notice', category: 'transparency', topic: true },
        { term: 'investigation', category: 'surveillance', topic: true },
      ],
      { context: { after: [{ cue: 'to the individual', effect: 'act', categories: ['transparency'], window: 8 }] } },
    );

    it('gives a topic of its categories its stance, within its window after the topic', () => {
      assert.deepEqual(briefs(en, 'Notice of the decision shall be mailed to the individual.').map((b) => [b[2], b[4], b[5]]), [['Notice', null, false]]);
    });

    it('leaves a topic of another category a topic, and a notice with no recipient too', () => {
      assert.deepEqual(briefs(en, 'The investigation shall be reported to the individual.').map((b) => [b[2], b[4], b[5]]), [['investigation', 'topic', true]]);
      assert.deepEqual(briefs(en, 'Notice of the decision shall be published.').map((b) => [b[2], b[4], b[5]]), [['Notice', 'topic', true]]);
    });

    it('is refused in a lexicon only for effects that cannot name categories', () => {
      const file = (cue: string): string => `{ "name": "x", "version": "1", "language": "en", "categories": [], "entries": [], "context": { "after": [${cue}] } }`;
      const known = { knownCategories: CATEGORIES.map((c) => c.id) };
      assert.doesNotThrow(() => parseLexicon(file('{ "cue": "to the person", "effect": "act", "categories": ["transparency"] }'), 'x.json', known));
      assert.throws(() => parseLexicon(file('{ "cue": "to the person", "effect": "protect", "categories": ["transparency"] }'), 'x.json', known), /not a "protect" cue/);
    });
  });

  describe('the built-in English lexicon', () => {
    it('counts a notice mailed, made or given to the person concerned', () => {
      assert.deepEqual(countedAs('engagement', 'Notice of such determination shall be mailed to the individual filing the claim.'), ['engagement/transparency:Notice']);
      assert.deepEqual(countedAs('engagement', 'The notice required under paragraph (1) shall be made to the borrower not less than 15 days before the transfer.'), ['engagement/transparency:notice']);
    });

    it('does not count a notice with no governed recipient, nor one delivered to an authority', () => {
      assert.deepEqual(countedAs('engagement', 'The notice shall state the date of the hearing.'), []);
      assert.deepEqual(countedAs('engagement', 'A copy of the notice shall be sent to the Secretary.'), []);
    });
  });
});

// Lexicons en 1.19.2: a report or a submission to a legislature or its committees is engagement wherever it occurs
// (codebook D18b): the authority answers to those who represent the governed. A report to a superior is not.
describe('a report to a legislature (lexicons en 1.19.2)', () => {
  it('counts a submission to Congress, its committees or one of its Houses as accountability', () => {
    assert.deepEqual(countedAs('engagement', 'The Secretary shall submit to Congress a plan for the program.'), ['engagement/accountability:to Congress']);
    assert.deepEqual(countedAs('engagement', 'The Commission shall transmit to the appropriate congressional committees a detailed plan.'), ['engagement/accountability:congressional committees']);
    assert.deepEqual(countedAs('engagement', 'Any such decision shall be reported by the Secretary to the House of Representatives and the Senate.'), [
      'engagement/accountability:to the House of Representatives',
    ]);
  });

  it('does not count a report to a superior within the executive', () => {
    assert.deepEqual(countedAs('engagement', 'The Secretary shall submit to the President a plan for the program.'), []);
  });
});
