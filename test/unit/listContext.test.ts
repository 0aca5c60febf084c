// Analysis across blocks (listContext.ts): the items of a list whose lead-in is control inherit it, with an annotation
// on the enumerator that names the lead-in and its line; and the incremental invariant holds with lists: after any
// edit (inside a lead-in or an item, items inserted or removed, a lead-in turned into plain text) the analysis equals
// a fresh one of the new text, matches, explanations, tally and sections.
import * as assert from 'node:assert/strict';
import { analysisContext, DocumentAnalysis as Internals } from '../../src/core/analysis';
import { builtinLexicons, Engine, LexiconSource, Match } from '../../src/core/index';
import { Matcher } from '../../src/core/matcher';
import { Random } from './helpers/random';
import { matchTerm } from '../../src/core/term';

/** The built-in lexicons with lists turned on: Chinese with its list words and ban words, English with a ban word and its own lead-ins without a dash and exemptions. */
function listsOn(): LexiconSource[] {
  return builtinLexicons().map((l) => {
    const lists = l.language === 'zh' ? { refer: ['下列', '以下', '如下'], ban: { words: ['不得', '禁止', '严禁'], entry: '禁止' } } : { ban: { words: ['shall not'], entry: 'prohibit' }, unpunctuated: l.context?.lists?.unpunctuated, exemption: l.context?.lists?.exemption };
    return { ...l, context: { ...l.context, lists } };
  });
}

const engine = new Engine(listsOn());
const listsOff = new Engine(builtinLexicons().map((l) => ({ ...l, context: { ...l.context, lists: undefined } })));

function inherited(text: string, on: Engine = engine): [string, string, string, string | null][] {
  return on
    .analyze(text)
    .matches()
    .filter((m) => m.rule === 'inherited')
    .map((m) => [m.text, m.polarity, m.category, m.ruleDetail]);
}

describe('analysis across blocks: a list inherits its lead-in', () => {
  it('Chinese: the items of a ban list are control, each on its number, naming the lead-in and its line', () => {
    const text = '第一条 总则。\n第十四条 任何单位和个人不得非法制造下列设备：\n（一）窃听设备；\n（二）专用软件。\n第十五条 其他事项。';
    const detail = 'item of the ban list at line 2: "第十四条 任何单位和个人不得非法制造下列设备："';
    assert.deepEqual(inherited(text), [
      ['一', 'control', 'restrictions', detail],
      ['二', 'control', 'restrictions', detail],
    ]);
    // Counted like any other match: each item's sentence is a control sentence.
    const tally = engine.analyze(text).tally();
    const before = listsOff.analyze(text).tally();
    assert.equal(tally.units.control, before.units.control + 2);
    // Counted under the lead-in's entry, marked as reaching an item, not under the item's number.
    const terms = tally.categories.find((c) => c.id === 'restrictions')?.terms ?? [];
    assert.equal(terms.find((t) => t.term === '禁止 (list item)')?.count, 2);
    assert.equal(terms.find((t) => t.term === '一'), undefined);
    const matches = engine.analyze(text).matches().filter((m) => m.rule === 'inherited');
    assert.deepEqual(matches.map(matchTerm), ['禁止 (list item)', '禁止 (list item)']);
    const standing = engine.analyze(text).termStandings(new Set(['restrictions\u0000禁止 (list item)']));
    assert.equal(standing.get('restrictions\u0000禁止 (list item)')?.first, text.indexOf('（一）') + 1);
    assert.deepEqual(inherited(text, listsOff), [], 'lexicons without lists leave items alone');
  });

  it('Chinese: a ban that protects people from a measure hands no ban on; its items name whom it shields', () => {
    const text = '第九条 对具有下列情形之一的人员，不得适用继续盘问：\n（一）经过当场盘问、检查，已经排除犯罪嫌疑的；\n（二）不满十六周岁的未成年人。';
    const matches = engine.analyze(text).matches();
    assert.deepEqual(matches.filter((m) => m.text === '盘问').map((m) => [m.polarity, m.rule, m.negated]), [
      ['engagement', 'protection', false],
      ['control', 'topic', true],
    ], 'the lead-in protects; the item names the questioning it is shielded from');
    assert.match(matches[1].ruleDetail ?? '', /^item of a list whose lead-in at line 1 grants a right, a remedy or a protection: "第九条 对具有下列情形之一的人员，不得适用继续盘问："/);
    assert.deepEqual(inherited(text), []);
    // The same lead-in as a ban on the governed still hands its ban on.
    assert.equal(inherited('第九条 任何人不得有下列行为：\n（一）投案自首的；\n（二）不满十六周岁的。').length, 2);
  });

  it('Chinese: the items of a lead-in that grants a remedy name the measures it covers: shown, not counted', () => {
    const text = '第三条 行政机关有下列侵犯人身权情形之一的，受害人有取得赔偿的权利：\n（一）违法拘留公民的；\n（二）违法实施罚款的。\n第四条 违反本法的，处以罚款。';
    const counted = engine
      .analyze(text)
      .matches()
      .filter((m) => !m.negated)
      .map((m) => `${m.polarity}:${m.text}`);
    assert.ok(!counted.includes('control:拘留'), 'the unlawful detention named as ground for compensation is no control');
    assert.deepEqual(counted.filter((m) => m.startsWith('control:')), ['control:处以罚款'], 'only the penalty after the list counts');
    assert.ok(counted.some((m) => m.startsWith('engagement:')), 'the lead-in itself grants the remedy');
    assert.deepEqual(inherited(text), []);
  });

  it('English: the items of a lead-in that grants review name the measures it covers: shown, not counted', () => {
    const text = '(a) Any person aggrieved may obtain judicial review of any of the following:\n(1) an order to detain the person;\n(2) a fine imposed under this section.';
    const matches = engine.analyze(text).matches();
    assert.deepEqual(matches.filter((m) => m.polarity === 'control').map((m) => [m.text, m.rule, m.negated]), [
      ['order to', 'topic', true],
      ['detain', 'topic', true],
      ['fine', 'topic', true],
    ]);
    assert.ok(matches.some((m) => m.text === 'judicial review' && m.polarity === 'engagement' && !m.negated));
  });

  it('Chinese: a penalty lead-in hands its sanction on; a control word before 下列 is the items’ condition, not what is done to them', () => {
    assert.deepEqual(
      inherited('第二十条 违反治安管理有下列情形之一的，从重处罚：\n（一）结伙实施的；\n（二）屡教不改的。'),
      [
        ['一', 'control', 'sanctions', 'item of a list whose lead-in at line 1 is control ("从重处罚"): "第二十条 违反治安管理有下列情形之一的，从重处罚："'],
        ['二', 'control', 'sanctions', 'item of a list whose lead-in at line 1 is control ("从重处罚"): "第二十条 违反治安管理有下列情形之一的，从重处罚："'],
      ],
    );
    assert.deepEqual(inherited('第八条 获得举报奖励应当同时符合下列条件：\n（一）有明确的举报对象；\n（二）举报事项属实。'), []);
  });

  it('a lead-in whose last counted match is engagement, or that ends a sentence, hands nothing on', () => {
    assert.deepEqual(inherited('第十四条 行政处罚信息公示期满的，可以申请提前停止公示：\n（一）已经改正；\n（二）已经履行。'), []);
    assert.deepEqual(inherited('违反本法的，处以罚款。\n（一）结伙实施的；'), []);
  });

  it('the list ends at the first block that opens with no enumerator; a heading item may be one', () => {
    const text = '禁止下列行为：\n（一）散布谣言；\n\n本条所列行为，另有规定的除外。\n（二）其他。';
    assert.deepEqual(
      inherited(text).map((m) => m[0]),
      ['一'],
    );
  });

  it('a nested lead-in governs its own items; the next item of the outer kind is the outer list’s again (en 1.21)', () => {
    const text = '任何人不得有下列行为：\n（一）下列情形之一的，处以罚款：\n1、伪造证件；\n2、冒用证件；\n（二）其他行为。';
    const got = inherited(text);
    assert.deepEqual(
      got.map((m) => [m[0], m[2]]),
      [
        ['一', 'restrictions'],
        ['1', 'sanctions'],
        ['2', 'sanctions'],
        ['二', 'restrictions'],
      ],
    );
  });

  it('English: a dash lead-in with a ban word, and a colon lead-in that is control', () => {
    assert.deepEqual(
      inherited('A provider shall not knowingly do any of the following—\n\n(A) sell the records;\n\n(B) keep them.').map((m) => [m[0], m[2], m[3]]),
      [
        ['A', 'restrictions', 'item of the ban list at line 1: "A provider shall not knowingly do any of the following—"'],
        ['B', 'restrictions', 'item of the ban list at line 1: "A provider shall not knowingly do any of the following—"'],
      ],
    );
    assert.deepEqual(
      inherited('The court may impose a fine on any person who:\n(1) refuses an order; or\n(2) lies.').map((m) => m[0]),
      ['1', '2'],
    );
  });

  it('English: a lead-in that ends on a word (statute text without its dash) hands on a penalty or a condition, up to the next heading', () => {
    const lead = 'Any person who is found to have made a false statement shall become ineligible for further participation in the program';
    const text = `(1) ${lead}\n\n(i) for a period of 1 year upon the first occasion;\n\n(ii) permanently upon the second occasion.\n\n(c) Refusal to provide necessary information\n\n(1) A household shall file a report.`;
    assert.deepEqual(
      inherited(text).map((m) => [m[0], m[2], m[3]]),
      [
        ['i', 'restrictions', `item of a list whose lead-in at line 1 is control ("ineligible"): "…${lead.slice(lead.length - 59)}"`],
        ['ii', 'restrictions', `item of a list whose lead-in at line 1 is control ("ineligible"): "…${lead.slice(lead.length - 59)}"`],
      ],
    );
    // The same lead-in in lexicons that do not allow it hands nothing on.
    const dashOnly = new Engine(listsOn().map((l) => (l.language === 'en' ? { ...l, context: { ...l.context, lists: { ban: { words: ['shall not'], entry: 'prohibit' } } } } : l)));
    assert.deepEqual(inherited(text, dashOnly), []);
  });

  it('English: a colon lead-in’s headed items pass it on; the unnumbered body of each inherits it on its first word, up to a lower-case subsection', () => {
    const lead = 'The court may impose a fine on any person who:';
    const detail = `item of a list whose lead-in at line 1 is control ("fine"): "${lead}"`;
    const text = `${lead}\n\n(1) Fraud\n\nmakes a false claim.\n\n(2) Abuse of patients\n\nneglects a patient.\n\n(A) in a hospital\n\n(b) Other provisions\n\nthe Board publishes a report.`;
    assert.deepEqual(
      inherited(text).map((m) => [m[0], m[2], m[3]]),
      [
        ['makes', 'sanctions', detail],
        ['neglects', 'sanctions', detail],
        ['A', 'sanctions', detail],
      ],
    );
    // A second unnumbered block is no body: the list ends.
    assert.deepEqual(inherited(`${lead}\n\n(1) Fraud\n\nmakes a false claim.\n\nthe Board publishes a report.`).map((m) => m[0]), ['makes']);
    // A lead-in ending on a word (no colon) hands nothing across a heading item.
    assert.deepEqual(inherited('Any person who lies shall become ineligible for further participation in the program\n\n(1) Fraud\n\nmakes a false claim.'), []);
  });

  it('English: a list nested in a headed item’s body ends at the next heading of the outer kind, and the outer list goes on (en 1.21)', () => {
    const lead = 'The Secretary may impose a fine on the following persons:';
    const inner = 'Any person which has been suspended or otherwise sanctioned, under';
    const outer = `item of a list whose lead-in at line 1 is control ("fine"): "${lead}"`;
    const nested = `item of a list whose lead-in at line 5 is control ("sanction"): "…${inner.slice(inner.length - 59)}"`;
    const text = [
      lead,
      '(1) Exclusion or suspension under a program',
      inner,
      '(A) any Federal program, or',
      '(B) a State program.',
      '(2) Claims for excessive charges or unnecessary services and failure of certain organizations to furnish services',
      'Any person that the Secretary determines',
      '(A)',
      '(i) has submitted false claims; or',
      '(ii) has furnished unnecessary services.',
      '(3) Fraud',
      'Any person that has committed fraud.',
      '(b) Other provisions',
      'The Board publishes a report.',
    ].join('\n\n');
    assert.deepEqual(
      inherited(text).map((m) => [m[0], m[3]]),
      [
        ['Any', outer],
        ['A', nested],
        ['B', nested],
        // The long heading is a heading of the outer list again, and the body after it inherits the outer lead-in.
        ['Any', outer],
        // A bare enumerator passes the list on to its sub-items without an annotation of its own.
        ['i', outer],
        ['ii', outer],
        ['Any', outer],
      ],
    );
    // Without the outer heading's kind the nested list goes on, as before: an item of the nested kind stays its item.
    assert.deepEqual(
      inherited([lead, '(1) Exclusion', inner, '(A) any Federal program, or', '(B) a State program.'].join('\n\n')).map((m) => m[0]),
      ['Any', 'A', 'B'],
    );
  });

  it('an item that is itself a lead-in governs its sub-items only up to the next item of its own kind (en 1.21), both languages', () => {
    const lead = '(4) conduct a program that makes a reasonable effort to remove the names of ineligible voters by reason of';
    const text = ['(3) keep the rolls accurate;', lead, '(A) the death of the registrant; or', '(B) a change in the residence of the registrant;', '(5) inform applicants of the voter eligibility requirements; and', '(6) ensure that the agency is not disclosed to the public.'].join('\n\n');
    assert.deepEqual(inherited(text).map((m) => m[0]), ['A', 'B']);
    const zh = '第五条 经营者应当履行下列义务：\n（一）如实标明价格；\n（二）任何单位和个人不得有下列行为：\n1、窃听他人通信；\n2、散布谣言；\n（三）公开收费标准。';
    assert.deepEqual(inherited(zh).map((m) => m[0]), ['1', '2']);
  });

  it('English: no lead-in without a dash from a title, a condition, an exemption, an item, or a measure whose items name data', () => {
    const items = '\n\n(A) the name\n\n(B) the address';
    for (const lead of [
      '(b) Fraud and misrepresentation; disqualification penalties; ineligibility period',
      'An officer may seize such materials, if',
      'The authority granted by this section does not include the authority to punish or to detain',
      '(ii) a term of imprisonment of not more than 5 years; and',
      'A provider shall disclose to a governmental entity the',
    ]) {
      assert.deepEqual(inherited(`${lead}${items}`), [], lead);
    }
    // A sentence that ends on a word and whose last counted match is a sanction is one.
    assert.deepEqual(inherited(`The court shall impose a fine on the person${items}`).map((m) => m[0]), ['A', 'B']);
  });

  it('English: the items of an exemption show their engagement matches as topics, naming the lead-in; protections and privacy still count', () => {
    const lead = 'Subsections (a) and (b) shall not prohibit the disclosure of nonpublic personal information';
    const text = `${lead}\n\n(1) to respond to judicial process;\n\n(2) with the consent of the consumer; or\n\n(3) to make public the records.\n\nThe agency shall make public the records.`;
    const analysis = engine.analyze(text);
    const detail = `item of a list whose lead-in at line 1 is an exemption: "…${lead.slice(lead.length - 59)}": it names what the exemption covers and takes no stance`;
    const topics = analysis.matches().filter((m) => m.ruleDetail === detail);
    assert.deepEqual(topics.map((m) => [m.text, m.category, m.negated]), [
      ['respond to', 'complaints', true],
      ['make public', 'transparency', true],
    ]);
    // Not counted: only the sentence after the list and the item whose own words protect the consumer are engagement
    // (the lead-in itself is an exemption sentence, exemptionSentences.ts).
    const off = listsOff.analyze(text).tally();
    assert.equal(analysis.tally().units.engagement, off.units.engagement - 3);
    assert.ok(analysis.matches().some((m) => m.text === 'consent' && !m.negated), 'a privacy match of an item keeps its count');
    // A colon lead-in, and an item that is a bare subsection letter ends the list.
    const colon = engine.analyze('This section does not apply to:\n(1) requests for information;\n(d)\n(1) The agency shall respond to requests for information.');
    assert.deepEqual(colon.matches().filter((m) => m.rule === 'topic' && m.ruleDetail?.includes('exemption') === true).map((m) => m.text), ['requests for information']);
    // Lexicons without the option leave the items counted.
    assert.equal(listsOff.analyze(text).matches().filter((m) => m.ruleDetail?.includes('is an exemption') === true).length, 0);
  });

  it('English: a conjunction or a title ending on a word is no exemption lead-in', () => {
    for (const lead of ['(B) except that subparagraph (B) shall not apply where the agency has disclosed the content; or', '(2) When consent not required']) {
      const text = `${lead}\n\n(3) to make public the records.`;
      assert.ok(engine.analyze(text).matches().every((m) => m.ruleDetail?.includes('is an exemption') !== true), lead);
    }
  });

  it('a title that names reports to state security makes the document’s complaint channel recruited reporting; topic nouns stay topics', () => {
    const body = '第四条 公民可以拨打举报受理电话。\n第五条 举报人应当提供真实信息。';
    const moved = engine
      .analyze(`公民举报危害国家安全行为奖励办法\n\n${body}`)
      .matches()
      .filter((m) => m.rule === 'subject')
      .map((m) => [m.text, m.polarity, m.category, m.ruleDetail]);
    assert.deepEqual(moved, [
      ['举报受理电话', 'control', 'surveillance', 'the document\'s subject, its title "公民举报危害国家安全行为奖励办法", makes "举报受理电话" recruited reporting, since the title names reports to state security: control'],
    ]);
    const plain = engine.analyze(`消费者投诉处理办法\n\n${body}`).matches();
    assert.ok(plain.every((m) => m.rule !== 'subject'));
    assert.ok(plain.some((m) => m.text === '举报受理电话' && m.polarity === 'engagement'));
    // The title edited away: every block is analysed again.
    const text = `公民举报危害国家安全行为奖励办法\n\n${body}`;
    const analysis = engine.analyze(text);
    const next = `公民举报奖励办法\n\n${body}`;
    analysis.applyEdit(4, 12, next);
    assert.deepEqual(analysis.matches(), engine.analyze(next).matches());
  });

  it('the explanation’s line follows edits above the lead-in', () => {
    const text = '禁止下列行为：\n（一）散布谣言；';
    const analysis = engine.analyze(text);
    const next = `新的一行。\n\n${text}`;
    analysis.applyEdit(0, 0, next);
    assert.deepEqual(
      analysis.matches().filter((m) => m.rule === 'inherited').map((m) => m.ruleDetail),
      ['item of the ban list at line 3: "禁止下列行为："'],
    );
  });
});

/** Fails with the first differing match rather than a diff of hundreds. */
function assertSame(actual: { matches(): Match[]; tally(): unknown }, expected: { matches(): Match[]; tally(): unknown }, context: string): void {
  const a = actual.matches();
  const e = expected.matches();
  for (let k = 0; k < Math.max(a.length, e.length); k++) {
    if (JSON.stringify(a[k]) !== JSON.stringify(e[k])) assert.fail(`${context}: match ${k} differs\n  incremental: ${JSON.stringify(a[k])}\n  fresh:       ${JSON.stringify(e[k])}`);
  }
  assert.deepEqual(actual.tally(), expected.tally(), `${context}: tallies differ`);
}

/** Applies each named edit `[what, start, end, typed]` in turn, checking the patched analysis against a fresh one. */
function assertNamedEdits(text: string, edits: [string, number, number, string][]): void {
  let current = text;
  const analysis = engine.analyze(current);
  for (const [what, start, end, typed] of edits) {
    current = current.slice(0, start) + typed + current.slice(end);
    analysis.applyEdit(start, end, current);
    assertSame(analysis, engine.analyze(current), what);
  }
}

const LEAD_INS = [
  '第十四条 任何单位和个人不得非法制造下列设备：',
  '有下列行为之一的，由公安机关处以罚款：',
  '第八条 获得举报奖励应当同时符合下列条件：',
  '受害人有取得赔偿的权利：',
  'It shall be unlawful for any person to—',
  'The agency shall not do any of the following:',
  'The court may impose a fine on any person who:',
  'Any person who lies shall become ineligible for further participation in the program',
  'Subsections (a) and (b) shall not prohibit the disclosure of',
  'This section does not apply to:',
  'Any person which has been suspended or otherwise sanctioned, under',
];
const ITEMS = ['(c) Refusal to provide necessary information', '(1) Conviction of crimes', '(B) Hardship exception', '（一）窃听设备；', '（二）散布谣言的；', '（三）其他。', '(1) sell the records;', '(A) keep them; or', '1、伪造证件；', '- a bullet', '(ii) monitor the firm;', '(2) to make public the records;', '(d)', '(3)', '(A)', '(6) Claims for excessive charges or unnecessary services and failure of certain organizations to furnish services'];
const PLAIN = ['公民举报危害国家安全行为奖励办法', 'makes a false claim.', 'Any individual convicted of fraud.', '拨打举报受理电话，国家安全机关应当受理。', '本条所列行为，另有规定的除外。', 'The Board shall publish a report.', '第十五条 其他事项。', 'Section 3. Definitions', ''];
/** Pieces an edit types or cuts: the marks and words that make or unmake a lead-in or an item. */
const PIECES = ['：', ':', '—', '。', '；', '\n', '\n\n', '不得', '下列', '罚款', '公开', '（四）', '(2) ', 'shall not ', 'fine ', 'does not apply ', ' or', '的', ' ', '举报', '国家安全', '受理'];

function listDocument(rng: Random, lines: number): string {
  // Half the documents open with a title that gives them a subject.
  const out: string[] = rng.chance(0.5) ? ['公民举报危害国家安全行为奖励办法'] : [];
  for (let i = 0; i < lines; i++) {
    const kind = rng.next();
    if (kind < 0.25) out.push(rng.pick(LEAD_INS));
    else if (kind < 0.8) out.push(rng.pick(ITEMS));
    else out.push(rng.pick(PLAIN));
  }
  return out.join(rng.chance(0.3) ? '\n\n' : '\n');
}

interface Edit {
  start: number;
  oldEnd: number;
  text: string;
}

function listEdit(rng: Random, text: string): Edit {
  const start = rng.int(text.length + 1);
  const kind = rng.next();
  if (kind < 0.3) return { start, oldEnd: Math.min(text.length, start + 1 + rng.int(6)), text: '' };
  if (kind < 0.5) {
    // A whole line removed or a line inserted: an item taken out or put in.
    const lineStart = text.lastIndexOf('\n', start - 1) + 1;
    const lineEnd = text.indexOf('\n', start);
    if (rng.chance(0.5)) return { start: lineStart, oldEnd: lineEnd < 0 ? text.length : lineEnd + 1, text: '' };
    return { start: lineStart, oldEnd: lineStart, text: `${rng.pick([...ITEMS, ...LEAD_INS, ...PLAIN])}\n` };
  }
  const oldEnd = kind < 0.75 ? Math.min(text.length, start + rng.int(4)) : start;
  return { start, oldEnd, text: rng.pick(PIECES) };
}

describe('analysis across blocks: the incremental invariant', function () {
  this.timeout(120_000);

  it('equals a fresh analysis after each of 1,500 random edits of documents of lead-ins and lists, both languages', () => {
    for (const seed of [1, 2, 3, 20261206, 77]) {
      const rng = new Random(seed);
      let text = listDocument(rng, 40);
      const analysis = engine.analyze(text);
      for (let n = 1; n <= 300; n++) {
        const edit = listEdit(rng, text);
        const next = text.slice(0, edit.start) + edit.text + text.slice(edit.oldEnd);
        analysis.applyEdit(edit.start, edit.oldEnd, next);
        text = next;
        assertSame(analysis, engine.analyze(text), `seed ${seed}, edit ${n}: applyEdit(${edit.start}, ${edit.oldEnd}, ${JSON.stringify(edit.text)})`);
      }
    }
  });

  it('named edits: inside a lead-in, inside an item, inserting and removing items, a lead-in turned into plain text', () => {
    const text = '第一条 总则。\n任何单位和个人不得有下列行为：\n（一）窃听；\n（二）散布谣言；\n（三）其他。\n第二条 附则。';
    const lead = text.indexOf('不得');
    const colon = text.indexOf('：');
    const item = text.indexOf('（二）');
    const edits: [string, number, number, string][] = [
      ['the ban word changed', lead, lead + 2, '应当'],
      ['the ban word back', lead, lead + 2, '不得'],
      ['the colon made a full stop: plain text', colon, colon + 1, '。'],
      ['the colon again', colon, colon + 1, '：'],
      ['a word typed inside an item', item + 4, item + 4, '公开'],
      ['an item inserted', item, item, '（四）监控设备；\n'],
      ['an item removed', item, item + '（四）监控设备；\n'.length, ''],
      ['the enumerator of an item removed', item, item + 3, ''],
      ['a plain line between the lead-in and its items', colon + 2, colon + 2, '说明。\n'],
    ];
    assertNamedEdits(text, edits);
  });

  it('named edits of a list nested in a headed item’s body: the nested lead-in unmade and made, the outer heading cut and typed', () => {
    const text = ['The Secretary may impose a fine on the following persons:', '(1) Exclusion', 'Any person which has been suspended or otherwise sanctioned, under', '(A) any Federal program, or', '(B) a State program.', '(2) Claims for excessive charges or unnecessary services and failure of certain organizations to furnish services', 'Any person that the Secretary determines', '(A)', '(i) has submitted false claims.', '(3) Fraud', 'Any person that has committed fraud.'].join('\n\n');
    const sanctioned = text.indexOf('sanctioned');
    const heading = text.indexOf('(2)');
    const edits: [string, number, number, string][] = [
      ['the nested lead-in’s measure cut', sanctioned, sanctioned + 'sanctioned'.length, 'named'],
      ['the nested lead-in’s measure typed again', sanctioned, sanctioned + 'named'.length, 'sanctioned'],
      ['the outer heading’s enumerator cut', heading, heading + 3, ''],
      ['the outer heading’s enumerator typed again', heading, heading, '(2)'],
      ['the outer heading made a nested item', heading + 1, heading + 2, 'C'],
      ['the outer heading again', heading + 1, heading + 2, '2'],
      ['the outer lead-in’s colon cut', text.indexOf(':'), text.indexOf(':') + 1, ''],
    ];
    assertNamedEdits(text, edits);
  });

  it('analysing in slices of any size gives the same as at once', async () => {
    const rng = new Random(5);
    const text = listDocument(rng, 200);
    const whole = engine.analyze(text);
    const context = analysisContext(new Matcher(engine.lexicons), null);
    for (const slice of [1, 7, 64, 1000]) {
      const sliced = await Internals.createInSlices(context, text, () => Promise.resolve(), slice, Infinity);
      assertSame(sliced, whole, `slices of ${slice}`);
    }
  });

  it('the totals of a text (the CLI’s) count the inherited annotations as the analysis does', () => {
    const rng = new Random(9);
    const text = listDocument(rng, 300);
    const totals = engine.totals(engine.totalsPart(text));
    const tally = engine.analyze(text).tally();
    assert.ok(tally.control.matches > 0);
    assert.deepEqual(totals, { language: tally.language, words: tally.words, units: tally.units, control: tally.control, engagement: tally.engagement, lean: tally.lean });
  });
});
