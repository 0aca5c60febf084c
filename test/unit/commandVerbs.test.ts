// Lexicons en 1.18: a command in a plain verb ("require", "order") counts only as the act of an authority, when the
// verb follows its clause's predicate word at once and the subject before that word names an authority (an `act` cue
// of scope `subject`); the nearest subject decides, so "the court may order" commands nothing, and a passive ("shall
// be required") is no command. Elsewhere the verb is not shown at all.
import * as assert from 'node:assert/strict';
import { parseLexicon } from '../../src/core/index';
import { briefs, CATEGORIES, counted, engineWith } from './helpers/lexicons';

const en = engineWith([{ term: 'order', category: 'coercion', command: true }], {
  context: {
    predicates: ['shall', 'may'],
    before: [
      { cue: 'the secretary', effect: 'act', scope: 'subject' },
      { cue: 'the court', effect: 'none', scope: 'subject' },
    ],
  },
});

describe('commands in plain verbs (lexicons en 1.18)', () => {
  describe('the mechanism, in a lexicon of its own', () => {
    it('counts the verb right after the predicate word when an authority is the subject, however long the subject', () => {
      assert.deepEqual(briefs(en, 'The Secretary shall order the person to stop.'), [[20, 25, 'order', 'coercion', null, false]]);
      assert.deepEqual(briefs(en, 'If a violation has occurred, the Secretary of Labor acting under paragraph (2) may order the employer to pay.'), [
        [83, 88, 'order', 'coercion', null, false],
      ]);
    });

    it('shows nothing when no authority is the subject, when a nearer subject is another body, or in the passive', () => {
      assert.deepEqual(briefs(en, 'The order shall be served on the person.'), []);
      assert.deepEqual(briefs(en, 'Any person may order copies of the record.'), []);
      assert.deepEqual(briefs(en, 'After a hearing before the Secretary, the court may order additional evidence to be taken.'), []);
      assert.deepEqual(briefs(en, 'The Secretary shall be ordered to report.'), []);
      assert.deepEqual(briefs(en, 'The Secretary shall publish the order.'), []);
    });

    it('Chinese: the same rule with a Chinese predicate word and authority', () => {
      const zh = engineWith([{ term: '责令', category: 'coercion', command: true }], {
        language: 'zh',
        context: { predicates: ['可以'], before: [{ cue: '公安机关', effect: 'act', scope: 'subject' }] },
      });
      assert.deepEqual(briefs(zh, '公安机关可以责令其改正。'), [[6, 8, '责令', 'coercion', null, false]]);
      assert.deepEqual(briefs(zh, '当事人可以责令其改正。'), []);
    });

    it('an act cue of scope subject gives no stance to a topic noun', () => {
      const topics = engineWith([{ term: 'investigate', category: 'surveillance', topic: true }], {
        context: { predicates: ['shall'], before: [{ cue: 'the secretary', effect: 'act', scope: 'subject' }] },
      });
      assert.deepEqual(briefs(topics, 'The Secretary shall investigate the complaint.'), [[20, 31, 'investigate', 'surveillance', 'topic', true]]);
    });

    it('"command" must be true or false', () => {
      const file = JSON.stringify({ name: 'x', version: '1.0.0', language: 'en', categories: CATEGORIES, entries: [{ term: 'order', category: 'coercion', command: 'yes' }] });
      assert.throws(() => parseLexicon(file, 'x.json'), /x\.json:1:\d+: "command" must be true or false/);
    });
  });

  describe('the built-in English lexicon', () => {
    it('an authority orders, requires or excludes the governed: control', () => {
      assert.deepEqual(counted('If the Secretary of Labor determines that a violation has occurred, the Secretary of Labor shall order the person who committed such violation to pay.'), [
        'control/coercion:order',
      ]);
      assert.deepEqual(counted('A State to which a grant is made under section 603 of this title shall require, as a condition of paying assistance, that a member of the family assign to the State any support payments.'), [
        'control/coercion:require',
      ]);
      assert.deepEqual(counted('The Secretary shall exclude the following individuals and entities from participation in any Federal health care program.'), ['control/sanctions:exclude']);
    });

    it('en 1.18.3: an Administrator, or the Administration he heads, is an authority; "the administration of" a program stays a target', () => {
      assert.deepEqual(counted('The Administrator of the Transportation Security Administration shall order the deployment of personnel at each screening location.'), ['control/coercion:order']);
      assert.deepEqual(counted('The senior official may investigate any matter concerning the administration of any program of the Department.'), ['engagement/accountability:investigate']);
    });

    it('a court ordering in a review, a passive requirement and a noun are no commands', () => {
      assert.deepEqual(counted('In the proceeding before the Commission, the court may order such additional evidence to be taken.'), []);
      assert.deepEqual(counted('Separate applications and permits shall be required by the Secretary of the Treasury.'), []);
      assert.deepEqual(counted('The Secretary shall keep each order on file.'), []);
    });

    it('en 1.23.0: an authority notifies, informs or advises in a plain verb: transparency, whoever the recipient', () => {
      assert.deepEqual(counted('The Secretary of Transportation shall notify the manufacturer of a motor vehicle immediately after making an initial decision.'), [
        'engagement/transparency:notify',
      ]);
      assert.deepEqual(counted('Thereafter, the Secretary shall inform those requesting accreditation, within 60 days after the receipt of such request, whether the request is adequate.'), [
        'engagement/transparency:inform',
      ]);
      assert.deepEqual(counted('Before acting, the Administrator may advise the operator of the grounds.'), ['engagement/transparency:advise']);
    });

    it('en 1.23.0: the same verbs with no authority as subject, in the passive or after an adverb are not shown', () => {
      assert.deepEqual(counted('Any person may notify the Secretary of a violation.'), []);
      assert.deepEqual(counted('The operator shall be notified by mail.'), []);
      assert.deepEqual(counted('The court may inform the jury of the charges.'), []);
      assert.deepEqual(counted('The Secretary shall keep the information on file.'), []);
    });

    it('en 1.23.0: a notice from one authority to another is none (codebook D7a)', () => {
      assert.deepEqual(counted('The Secretary shall notify the Attorney General of the decision.'), []);
      assert.deepEqual(counted('The Administrator shall inform the State of the finding.'), []);
      assert.deepEqual(counted('The Director shall notify the agency involved of the decision.'), []);
    });

    it('the items of a lead-in whose command is its predicate inherit it', () => {
      const text = 'the Secretary of Labor shall order the person who committed such violation to\n\n(i) take affirmative action to abate the violation\n\n(ii) pay the costs of the complainant.\n';
      assert.deepEqual(counted(text), ['control/coercion:order', 'control/coercion:i', 'control/coercion:ii', 'engagement/complaints:complainant']);
    });
  });
});
