// Lexicons en 1.6: a section's title printed on its number's line ("§ 2703. Required disclosure of …") is a title
// line, shown and not counted, as a heading on a line of its own already was; a negation that opens a long subject
// ("no provider that receives a request …, shall disclose") governs the act after the clause's predicate word; and the
// statute vocabulary of the second round of tuning documents (custody, notice and takedown, sanctions aimed at
// officers, redress in plain words, legal phrases).
import * as assert from 'node:assert/strict';
import { Engine } from '../../src/core/index';
import { builtinEngine, counted, engineWith } from './helpers/lexicons';

const en = engineWith([
  { term: 'disclosure', category: 'transparency' },
  { term: 'detention', category: 'coercion' },
]);
const zh = engineWith(
  [
    { term: '信息公开', category: 'transparency' },
    { term: '拘留', category: 'coercion' },
  ],
  { language: 'zh' },
);

/** Each match as [text, category, rule, negated]. */
function shown(engine: Engine, text: string): [string, string, string | null, boolean][] {
  return engine
    .analyze(text)
    .matches()
    .map((m) => [m.text, m.category, m.rule, m.negated]);
}

describe('section titles, subject negation and statute vocabulary (lexicons en 1.6)', () => {
  describe('a title on its section number’s line is a title line', () => {
    it('English: "§ 2703. Required disclosure …" names its topic; the section below still counts', () => {
      assert.deepEqual(shown(en, '§ 1226. Apprehension and detention of aliens\n(a) The officer may order detention.\n'), [
        ['detention', 'coercion', 'topic', true],
        ['detention', 'coercion', null, false],
      ]);
      assert.deepEqual(shown(en, '§§ 552b. Open meetings; disclosure\n'), [['disclosure', 'transparency', 'topic', true]]);
    });

    it('Chinese: a Han title after a section number is a title line too', () => {
      assert.deepEqual(shown(zh, '§ 12. 信息公开\n'), [['信息公开', 'transparency', 'topic', true]]);
      assert.deepEqual(shown(zh, '§ 12. 拘留\n\n公安机关可以拘留。\n'), [
        ['拘留', 'coercion', 'topic', true],
        ['拘留', 'coercion', null, false],
      ]);
    });

    it('English: a catchline in sentence case may join its parts with commas ("§ 44709. Amendments, …, and revocations of certificates")', () => {
      assert.deepEqual(shown(en, '§ 44709. Amendments, modifications, detention, and disclosure of certificates\n(a) The officer may order detention.\n'), [
        ['detention', 'coercion', 'topic', true],
        ['disclosure', 'transparency', 'topic', true],
        ['detention', 'coercion', null, false],
      ]);
      assert.deepEqual(shown(en, '§ 608. Prohibitions; requirements; detention of aliens, and others\n'), [['detention', 'coercion', 'topic', true]]);
    });

    it('English: a catchline with a modal, a colon or a trailing "and" is no title, commas or not', () => {
      assert.deepEqual(shown(en, '§ 5. Aliens, if found, may face detention\n'), [['detention', 'coercion', null, false]]);
      assert.deepEqual(shown(en, '§ 5. Detention, as follows:\n'), [['Detention', 'coercion', null, false]]);
      assert.deepEqual(shown(en, '§ 5. Detention, release and\n'), [['Detention', 'coercion', null, false]]);
    });

    it('not after anything but a bare section number, nor when the rest of the line is a sentence', () => {
      assert.deepEqual(shown(en, 'See above. Detention of aliens\n'), [['Detention', 'coercion', null, false]]);
      assert.deepEqual(shown(en, '§ 5. The officer may order detention\n'), [['detention', 'coercion', null, false]]);
      assert.deepEqual(shown(en, '§ 5. Detention of aliens'), [['Detention', 'coercion', null, false]]);
    });
  });

  describe('a negation that opens a long subject reaches the act after the predicate word (scope "subject")', () => {
    const enNo = engineWith([{ term: 'disclose', category: 'transparency' }, { term: 'detain', category: 'coercion' }], {
      context: { predicates: ['shall', 'may'], clauseBreaks: ['unless'], before: [{ cue: 'no', effect: 'negate', scope: 'subject' }] },
    });
    const zhNo = engineWith([{ term: '拘留', category: 'coercion' }], {
      language: 'zh',
      context: { predicates: ['可以'], before: [{ cue: '没有', effect: 'negate', scope: 'subject' }] },
    });

    it('English: "no provider … shall disclose", however long the subject', () => {
      assert.deepEqual(shown(enNo, 'No provider that receives a request under subsection (b), or officer, employee, or agent thereof, shall disclose the records.'), [['disclose', 'transparency', 'negation', true]]);
    });

    it('English: not past another predicate word or a clause break, nor inside the subject; one word may stand between', () => {
      assert.deepEqual(shown(enNo, 'No report shall be filed by the clerk of the court and the officer may detain the person.'), [['detain', 'coercion', null, false]]);
      assert.deepEqual(shown(enNo, 'No notice is needed unless the court finds that the agency shall disclose the records.'), [['disclose', 'transparency', null, false]]);
      assert.deepEqual(shown(enNo, 'No officer of the agency or of any State who detains a child under this section shall be named.'), [['detains', 'coercion', null, false]]);
      assert.deepEqual(shown(enNo, 'No officer of the agency or of any State who acts under this section shall ever detain a child.'), [['detain', 'coercion', 'negation', true]]);
    });

    it('Chinese: 没有…可以 reaches the act after the predicate word as well', () => {
      assert.deepEqual(shown(zhNo, '没有任何行政机关或者其工作人员在未经法院批准的情况下可以拘留公民。'), [['拘留', 'coercion', 'negation', true]]);
      assert.deepEqual(shown(zhNo, '没有证件的外国人经审查后由公安机关依法处理，可以拘留。'), [['拘留', 'coercion', 'negation', true]]);
    });

    it('built-in English: a secrecy duty with a long subject, and "provider that" is no "provided that"', () => {
      assert.deepEqual(counted('no wire or electronic communication service provider that receives a request under subsection (b), or officer, employee, or agent thereof, shall disclose to any person that the Bureau has sought access.'), ['control/censorship:disclose']);
    });
  });

  describe('a banned disclosure of people\'s own data is a duty of confidentiality (a secret cue of an engagement category)', () => {
    it('English: "may not disclose nonpublic personal information" is privacy; a state measure’s secrecy stays control', () => {
      const m = builtinEngine().analyze('A financial institution may not disclose nonpublic personal information to a nonaffiliated third party.').matches();
      // Since en 1.18.2 the ban is an entry of its own (privacy); the secret cue's reason applies to a negated "disclose".
      assert.deepEqual(
        m.map((x) => [x.text, x.polarity, x.category, x.rule, x.negated]),
        [['may not disclose', 'engagement', 'privacy', null, false]],
      );
      const negated = builtinEngine().analyze('The bank does not disclose nonpublic personal information to third parties.').matches();
      assert.deepEqual(negated.map((x) => [x.text, x.category, x.rule]), [['disclose', 'privacy', 'secrecy']]);
      assert.match(negated[0].ruleDetail ?? '', /duty of confidentiality that protects them/);
      assert.deepEqual(counted('Officials must not disclose the existence of the order.'), ['control/surveillance:not disclose the existence']);
    });

    it('Chinese: the same cue kind in a Chinese lexicon (不得公开…个人信息)', () => {
      const zhData = engineWith([{ term: '公开', category: 'transparency' }], {
        language: 'zh',
        context: { protectionCategory: 'rights', before: [{ cue: '不得', effect: 'protect' }], after: [{ cue: '个人信息', effect: 'secret', category: 'privacy', window: 4 }] },
      });
      assert.deepEqual(shown(zhData, '平台不得公开用户个人信息。'), [['公开', 'privacy', 'secrecy', false]]);
      assert.deepEqual(shown(zhData, '平台应当公开处理规则。'), [['公开', 'transparency', null, false]]);
    });
  });

  describe('statute vocabulary of the second round', () => {
    it('redress and access in plain words (en 1.6.1)', () => {
      assert.deepEqual(counted('Any person may bring a proceeding in the district court to require an agency to promulgate such regulations.'), ['engagement/rights:bring a proceeding']);
      assert.deepEqual(counted('the person possessing the materials shall be afforded adequate opportunity to submit an affidavit'), ['engagement/rights:opportunity to submit']);
      assert.deepEqual(counted('Such information shall be made available to the subscriber at reasonable times.'), ['engagement/transparency:available to the subscriber']);
      assert.deepEqual(counted('the Director shall fully inform the Select Committee on Intelligence'), ['engagement/accountability:fully inform']);
    });

    it('custody, notice and takedown are control', () => {
      assert.deepEqual(counted('The Attorney General shall take into custody any alien who'), ['control/coercion:take into custody']);
      assert.deepEqual(counted('the service provider responds expeditiously to remove, or disable access to, the material'), ['control/censorship:or disable access to']);
      assert.deepEqual(counted('Ramps and disabled access to the building were built.'), []);
    });

    it('sanctions aimed at officers are accountability; on the governed they stay sanctions', () => {
      assert.deepEqual(counted('ii) appropriate sanctions in place for officers, employees, or agents of a Federal entity who act in an unauthorized manner.'), ['engagement/accountability:sanctions']);
      assert.deepEqual(counted('The Commission may impose sanctions on the company.'), ['control/sanctions:sanctions']);
    });

    it('a response to a request or a comment is no responsiveness; a complaining party names a topic', () => {
      assert.deepEqual(counted('the provider does not select the recipients except as an automatic response to the request of another person'), []);
      assert.deepEqual(counted('Agencies shall be responsive to citizens.'), ['engagement/complaints:responsive to']);
      assert.deepEqual(counted('an address at which the complaining party may be contacted.'), []);
    });

    it('legal phrases: advice and consent of the Senate, examination in camera', () => {
      assert.deepEqual(counted('members appointed by the President with the advice and consent of the Senate'), []);
      assert.deepEqual(counted('the court may examine in camera any portion of the transcript'), []);
    });
  });
});
