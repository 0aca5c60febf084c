// Lexicon en 1.19.5: an opportunity given to a person is a procedural right whatever verb or noun follows it ("an
// opportunity for mediation", "an opportunity to comment on the priorities", "shall be given an opportunity to
// accompany the inspector"): the frame, not one verb per act, is what the entries "opportunity to appear" and
// "opportunity for a hearing" had each named. The object cue "opportunity to" shares its head with the entry, so a
// control word it governs ("the opportunity to prohibit such disclosure") stays the object of the right.
// The sentences are written for the tests, not taken from the corpus.
import * as assert from 'node:assert/strict';
import { briefs, countedAs, engineWith } from './helpers/lexicons';

describe('an opportunity given to a person (lexicon en 1.19.5)', () => {
  it('counts the opportunity as a right, whatever follows it', () => {
    assert.deepEqual(countedAs('engagement', 'An opportunity for mediation, in accordance with subsection (e).'), ['engagement/rights:opportunity']);
    assert.deepEqual(countedAs('engagement', 'The board shall give residents an opportunity to comment on its annual priorities.'), ['engagement/rights:opportunity']);
  });

  it('keeps the longer entries of the frame', () => {
    assert.deepEqual(countedAs('engagement', 'The applicant shall be given an opportunity for a hearing.'), ['engagement/rights:opportunity for a hearing']);
  });

  describe('the mechanism: an object cue that shares its head with an entry', () => {
    const en = engineWith(
      [
        { term: 'option', category: 'rights' },
        { term: 'deletion', category: 'censorship' },
      ],
      { context: { protectionCategory: 'rights', before: [{ cue: 'option to request', effect: 'object', window: 2 }] } },
    );

    it('keeps both: the entry counts, and the cue still makes the object after it a right', () => {
      assert.deepEqual(
        briefs(en, 'A parent has the option to request deletion.').map((b) => [b[2], b[3], b[4]]),
        [
          ['option', 'rights', null],
          ['deletion', 'rights', 'protection'],
        ],
      );
    });

    it('gives way when another cue or the entry holds its last word', () => {
      const held = engineWith([{ term: 'option to request', category: 'rights' }, { term: 'deletion', category: 'censorship' }], {
        context: { protectionCategory: 'rights', before: [{ cue: 'option to request', effect: 'object', window: 2 }] },
      });
      assert.deepEqual(
        briefs(held, 'A parent has the option to request deletion.').map((b) => [b[2], b[3], b[4]]),
        [
          ['option to request', 'rights', null],
          ['deletion', 'censorship', null],
        ],
      );
    });
  });
});
