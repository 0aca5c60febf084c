// Sections: the headings that open them (English, Markdown, numbered clauses, Chinese), the preamble, and
// exact lines and offsets; section tallies add up to the document's.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { SectionTally } from '../../src/core/index';
import { documentBytes, documentSummarySource, SectionList } from '../../src/core/report';
import { engineWith } from './helpers/lexicons';

const engine = engineWith([
  { term: 'monitor', category: 'surveillance' },
  { term: 'appeal', category: 'rights' },
  { term: '监控', category: 'surveillance' },
  { term: '申诉', category: 'rights' },
]);

type Row = [string, number, number | null, number, number, number, number, number, number];

/** title, level, parent, startLine, endLine, startOffset, endOffset, control matches, engagement matches (subsections included) */
function rows(text: string): Row[] {
  return engine
    .analyze(text)
    .tally()
    .sections.map((s: SectionTally): Row => [s.title, s.level, s.parent, s.startLine, s.endLine, s.startOffset, s.endOffset, s.control.matches, s.engagement.matches]);
}

const ENGLISH = [
  'Preamble text: we monitor.', // 0
  '', // 1
  'Chapter II General Provisions', // 2
  'Article 12 of the Regulation applies; we monitor.', // 3
  '', // 4
  'Article 3', // 5
  'They may appeal.', // 6
  'Section 4.1 Scope', // 7
  'Part IV', // 8
  '# Markdown title', // 9
  '## Sub title', // 10
  '2.1 Scope of data', // 11
  '3. Credit Repair', // 12
  'We monitor and monitor.', // 13
  '',
].join('\n');

describe('sections', () => {
  it('opens a section at each English, Markdown and numbered heading, with exact lines and offsets', () => {
    const offset = (line: number): number => ENGLISH.split('\n').slice(0, line).join('\n').length + (line > 0 ? 1 : 0);
    // Ranks: part 10, chapter 20, section 30, article and numbered title 40 ("2.1" 41); Markdown # 10, ## 20. A
    // heading closes the open sections of its rank or deeper; each section's counts include its subsections.
    assert.deepEqual(rows(ENGLISH), [
      ['(preamble)', 1, null, 0, 1, 0, offset(2), 1, 0],
      ['Chapter II General Provisions', 1, null, 2, 7, offset(2), offset(8), 1, 1],
      ['Article 3', 2, 1, 5, 6, offset(5), offset(7), 0, 1],
      ['Section 4.1 Scope', 2, 1, 7, 7, offset(7), offset(8), 0, 0],
      ['Part IV', 1, null, 8, 8, offset(8), offset(9), 0, 0],
      ['Markdown title', 1, null, 9, 14, offset(9), ENGLISH.length, 2, 0],
      ['Sub title', 2, 5, 10, 14, offset(10), ENGLISH.length, 2, 0],
      ['2.1 Scope of data', 3, 6, 11, 11, offset(11), offset(12), 0, 0],
      ['3. Credit Repair', 3, 6, 12, 14, offset(12), ENGLISH.length, 2, 0],
    ]);
  });

  it('does not take a reference to an article, chapter or section for a heading', () => {
    const text = 'Chapter 1\nArticle 12 of the Regulation applies.\nChapter 2 of this Law sets fees.\nSection 3 of the Act.\nSee Article 4 here.\n';
    assert.deepEqual(
      rows(text).map((r) => r[0]),
      ['Chapter 1'],
    );
  });

  it('does not take a Chinese reference to an article (第三十条的规定) for a heading', () => {
    const text = '第一章 总则\n任何单位不得依照本法\n第三十条的规定监控公民。\n依照第五条规定\n第二条 正文。\n第三条第二款\n第四条至第六条\n';
    assert.deepEqual(
      rows(text).map((r) => r[0]),
      ['第一章 总则', '第二条 正文'],
    );
  });

  it('recognises Roman and Arabic numbers, in any case', () => {
    const text = 'CHAPTER IV\nx\nchapter 4\nx\nPART 2\nx\nArticle XII\nx\nTitle three\nx\n';
    assert.deepEqual(
      rows(text).map((r) => [r[0], r[1]]),
      [
        ['CHAPTER IV', 1],
        ['chapter 4', 1],
        ['PART 2', 1],
        ['Article XII', 2],
        ['Title three', 1],
      ],
    );
  });

  it('names a long article by its number, and a numbered sentence is not a title', () => {
    const long = 'Article 5 The competent authorities shall monitor the implementation of this Regulation in every region.';
    const text = `${long}\n1. The authority shall act.\n`;
    assert.deepEqual(rows(text), [['Article 5', 1, null, 0, 2, 0, text.length, 1, 0]]);
  });

  it('opens Chinese sections at 第X章, 第X条, 一、 and （一）, titles ending at 。', () => {
    const text = '总则前言。\n第一章 总则\n第三条 不得监控。\n一、基本原则\n（一）完善制度。正文监控。\n第十二条\n申诉。\n';
    const at = (s: string): number => text.indexOf(s);
    assert.deepEqual(rows(text), [
      ['(preamble)', 1, null, 0, 0, 0, at('第一章'), 0, 0],
      ['第一章 总则', 1, null, 1, 7, at('第一章'), text.length, 2, 1],
      ['第三条 不得监控', 2, 1, 2, 2, at('第三条'), at('一、'), 1, 0],
      ['一、基本原则', 2, 1, 3, 7, at('一、'), text.length, 1, 1],
      ['（一）完善制度', 3, 3, 4, 4, at('（一）'), at('第十二条'), 1, 0],
      ['第十二条', 3, 3, 5, 7, at('第十二条'), text.length, 0, 1],
    ]);
  });

  it('handles CRLF: titles without the carriage return, lines counted at \\n', () => {
    const text = 'Chapter 1 Scope\r\nWe monitor.\r\nArticle 2\r\nWe appeal.\r\n';
    assert.deepEqual(rows(text), [
      ['Chapter 1 Scope', 1, null, 0, 4, 0, text.length, 1, 1],
      ['Article 2', 2, 0, 2, 4, 30, text.length, 0, 1],
    ]);
  });

  it('has no sections without headings, and no preamble when the text opens with a heading', () => {
    assert.deepEqual(rows('We monitor.\n\nThey appeal.\n'), []);
    assert.deepEqual(
      rows('\n\n# Title\nWe monitor.').map((r) => r[0]),
      ['Title'],
    );
  });

  it('gives outermost sections whose tallies sum to the document tally, and parents that hold their children', () => {
    const tally = engine.analyze(ENGLISH).tally();
    const roots = tally.sections.filter((s) => s.parent === null);
    const sum = (list: SectionTally[], pick: (s: SectionTally) => number): number => list.reduce((total, s) => total + pick(s), 0);
    assert.equal(sum(roots, (s) => s.control.matches), tally.control.matches);
    assert.equal(sum(roots, (s) => s.engagement.matches), tally.engagement.matches);
    assert.equal(sum(roots, (s) => s.control.weight), tally.control.weight);
    assert.equal(sum(roots, (s) => s.units.control), tally.units.control);
    assert.equal(sum(roots, (s) => s.units.sentences), tally.units.sentences);
    assert.equal(sum(roots, (s) => s.words), tally.words);
    assert.equal(tally.control.matches, 4);
    // Outermost sections tile the text; children lie inside their parent, at the next level.
    roots.forEach((s, k) => {
      const next = roots[k + 1];
      if (next) assert.equal(s.endOffset, next.startOffset);
    });
    tally.sections.forEach((s, k) => {
      if (s.parent === null) return;
      const parent = tally.sections[s.parent];
      assert.ok(s.parent < k && parent.startOffset <= s.startOffset && s.endOffset <= parent.endOffset && parent.endLine >= s.endLine, s.title);
      assert.equal(s.level, parent.level + 1);
      const children = tally.sections.filter((c) => c.parent === s.parent);
      assert.ok(sum(children, (c) => c.units.control) <= parent.units.control);
    });
  });

  it('gives each section its own lean and densities', () => {
    const text = '# A\nWe monitor.\n# B\nWe appeal. We appeal.\n';
    const [a, b] = engine.analyze(text).tally().sections;
    assert.deepEqual(a.lean, { index: -1, label: 'control-leaning', thin: true, basis: 'sentences' });
    assert.deepEqual(b.lean, { index: 1, label: 'engagement-leaning', thin: true, basis: 'sentences' });
    assert.deepEqual(b.units, { sentences: 3, control: 0, engagement: 2, both: 0 });
    // Section A: "A", "We", "monitor" = 3 words (the heading line counts).
    assert.equal(a.control.perThousandWords, 1000 / 3);
    assert.equal(b.engagement.perThousandWords, 2000 / 5);
  });

  it('keeps the sections of a tally as they were when it was taken, though they are built on first read', () => {
    const text = '# A\nWe monitor.\n# B\nWe appeal.\n';
    const analysis = engine.analyze(text);
    const before = analysis.tally();
    // Replaces "# A\nWe monitor." with "# Z\nWe monitor and monitor.".
    analysis.applyEdit(0, 15, '# Z\nWe monitor and monitor.' + text.slice(15));
    assert.deepEqual(
      before.sections.map((s) => [s.title, s.control.matches]),
      [
        ['A', 1],
        ['B', 0],
      ],
    );
    assert.deepEqual(
      analysis.tally().sections.map((s) => [s.title, s.control.matches]),
      [
        ['Z', 2],
        ['B', 0],
      ],
    );
  });

  it('shows the sections to JSON and to spreads like any other property', () => {
    const tally = engine.analyze('# A\nWe monitor.\n').tally();
    assert.deepEqual(
      JSON.parse(JSON.stringify(tally)).sections.map((s: SectionTally) => s.title),
      ['A'],
    );
    assert.deepEqual({ ...tally }.sections, tally.sections);
    assert.equal(tally.sections, tally.sections);
  });

  it('reads the sections of every tally through one shared getter, so tallies share their hidden class', () => {
    // A getter per tally gave each tally object a class of its own: 10,000 small files cost the CLI 6 MB more.
    const getter = (text: string): unknown => Object.getOwnPropertyDescriptor(engine.analyze(text).tally(), 'sections')?.get;
    const first = getter('# A\nWe monitor.\n');
    assert.equal(typeof first, 'function');
    assert.equal(getter('# B\nWe appeal.\n'), first);
  });
});

/** title, level, parent: the shape of the tree. */
function tree(text: string): [string, number, number | null][] {
  return rows(text).map((r) => [r[0], r[1], r[2]]);
}

/** Every section lies inside its parent, one level deeper, and the outermost ones tile the text. */
function assertValidTree(sections: readonly SectionTally[], textLength: number): void {
  let previousRootEnd = -1;
  sections.forEach((s, k) => {
    assert.ok(s.startOffset <= s.endOffset && s.startLine <= s.endLine, `${k} ${s.title}`);
    if (s.parent === null) {
      assert.equal(s.level, 1);
      if (previousRootEnd >= 0) assert.equal(s.startOffset, previousRootEnd);
      previousRootEnd = s.endOffset;
      return;
    }
    assert.ok(s.parent >= 0 && s.parent < k, `${k}: parent ${s.parent}`);
    const parent = sections[s.parent];
    assert.equal(s.level, parent.level + 1);
    assert.ok(parent.startOffset <= s.startOffset && s.endOffset <= parent.endOffset && s.endLine <= parent.endLine, `${k} ${s.title}`);
  });
  if (sections.length > 0) assert.equal(previousRootEnd, textLength);
}

describe('sections as a report reads them (a table of numbers, a section made when read)', () => {
  const texts = (): string[] => {
    const samples = ['social-credit-outline.policy.txt', 'social-credit-outline.zh.policy.txt'].map((f) => fs.readFileSync(path.join(__dirname, '../../../media/samples', f), 'utf8'));
    const many: string[] = [];
    for (let c = 1; c <= 20; c++) {
      many.push(`Chapter ${c}`);
      for (let a = 1; a <= 5; a++) many.push(`Article ${c * 10 + a}`, 'We monitor.', '(1) Scope of data.', 'They may appeal; we monitor.');
    }
    return [ENGLISH, '总则前言。\n第一章 总则\n第三条 不得监控。\n一、基本原则\n（一）完善制度。正文监控。\n第十二条\n申诉。\n', 'Chapter 1 Scope\r\nWe monitor.\r\n', 'We monitor.\n\nThey appeal.\n', '', ...samples, many.join('\n')];
  };

  it('makes the same sections as the tally, in the same order, parents and titles included', () => {
    for (const text of texts()) {
      const table = engine.analyze(text).sectionList();
      const made = Array.from({ length: table.length }, (_, i) => table.at(i));
      assert.deepStrictEqual(made, engine.analyze(text).tally().sections);
    }
  });

  it('writes the same report bytes as the tally\'s own sections, in both styles', () => {
    for (const text of texts()) {
      const analysis = engine.analyze(text);
      const tally = analysis.tally();
      const table = analysis.sectionList();
      const objects = engine.analyze(text).tally().sections;
      for (const style of ['json', 'jsonl'] as const) {
        const bytes = (sections: SectionList): string => Buffer.concat([...documentBytes(documentSummarySource('a.txt', tally, sections), [], style)]).toString('utf8');
        assert.equal(bytes(table), bytes(objects));
      }
    }
  });

  it('gives the tally\'s own sections once they were read', () => {
    const analysis = engine.analyze(ENGLISH);
    const sections = analysis.tally().sections;
    assert.equal(analysis.sectionList(), sections);
  });
});

describe('sections in the shapes of real documents', () => {
  it('an English statute as published online: Part, run-in numbered sections, (1) subsections that are body text, Section 12.', () => {
    const text = [
      'Data Retention and Oversight Act',
      '',
      'Part 4',
      'Retention of communications data',
      '',
      '87 Powers to require retention of certain data',
      '(1) The Secretary of State may, by notice, require a telecommunications operator to retain relevant communications data.',
      '(2) A retention notice may not require any data to be retained for more than 12 months.',
      '',
      '88Matters to be taken into account before giving retention notices',
      '(1) Before giving a retention notice, the Secretary of State must consult the operator concerned.',
      '',
      'Section 12. Review by the Commissioner. The Commissioner shall review every retention notice and monitor it.',
      '',
      'Article 5',
      'Residents may appeal a retention notice.',
      '12 Member States shall monitor compliance.',
      '',
    ].join('\n');
    assert.deepEqual(tree(text), [
      ['(preamble)', 1, null],
      ['Part 4', 1, null],
      ['87 Powers to require retention of certain data', 2, 1],
      ['88Matters to be taken into account before giving retention notices', 2, 1],
      ['Section 12. Review by the Commissioner', 2, 1],
      ['Article 5', 3, 4],
    ]);
    const sections = engine.analyze(text).tally().sections;
    // The body paragraphs stay in their sections: "12 Member States shall monitor…" is Article 5's text, not a heading.
    assert.deepEqual(
      sections.map((s) => [s.units.control, s.units.engagement]),
      [
        [0, 0],
        [2, 1],
        [0, 0],
        [0, 0],
        [2, 1],
        [1, 1],
      ],
    );
    assertValidTree(sections, text.length);
  });

  it('an English plan outline: I. and II. with (1) clause titles; a heading never takes in the body that follows', () => {
    const text = 'Outline of the Plan\n\nI. The overall thinking\n(1) Development situation.\nCredit systems have grown. Authorities shall monitor enterprises.\n(2) Guiding principles.\nWe will solicit public opinion.\nII. Main tasks\n(1) Strengthening oversight of government integrity.\nResidents may appeal.\n';
    assert.deepEqual(tree(text), [
      ['(preamble)', 1, null],
      ['I. The overall thinking', 1, null],
      ['(1) Development situation.', 2, 1],
      ['(2) Guiding principles.', 2, 1],
      ['II. Main tasks', 1, null],
      ['(1) Strengthening oversight of government integrity.', 2, 4],
    ]);
    const sections = engine.analyze(text).tally().sections;
    assert.deepEqual(
      sections.map((s) => s.units.control + s.units.engagement),
      [0, 1, 1, 0, 1, 1],
    );
    // Not titles: sentences with a finite verb, and long ones.
    assert.deepEqual(tree('(1) The authority shall monitor firms.\nI. The minister may appeal.\n3 Member States shall act\n'), []);
  });

  it('a Chinese statute: 第X编, 第X分编, 第X章, 第X条 and 第X部分 nest, each counting what it holds', () => {
    const text = '数据管理条例\n\n第一编 总则\n第一分编 一般规定\n第一章 基本原则\n第一条 为了规范数据处理活动，制定本条例。\n第二条 有关部门应当依法监控数据处理活动。\n第二章 个人权利\n第三条 个人有权申诉。\n第二部分 附则\n第四条 本条例自公布之日起施行。\n';
    assert.deepEqual(tree(text), [
      ['(preamble)', 1, null],
      ['第一编 总则', 1, null],
      ['第一分编 一般规定', 2, 1],
      ['第一章 基本原则', 3, 2],
      ['第一条 为了规范数据处理活动，制定本条例', 4, 3],
      ['第二条 有关部门应当依法监控数据处理活动', 4, 3],
      ['第二章 个人权利', 3, 2],
      ['第三条 个人有权申诉', 4, 6],
      ['第二部分 附则', 1, null],
      ['第四条 本条例自公布之日起施行', 2, 8],
    ]);
    const sections = engine.analyze(text).tally().sections;
    // A chapter's row is the total of its articles, not its heading line alone.
    assert.deepEqual(
      sections.map((s) => [s.control.matches, s.engagement.matches]),
      [
        [0, 0],
        [1, 1],
        [1, 1],
        [1, 0],
        [0, 0],
        [1, 0],
        [0, 1],
        [0, 1],
        [0, 0],
        [0, 0],
      ],
    );
    assertValidTree(sections, text.length);
  });

  it('a Chinese plan: （一） keeps its title however long the clause, up to 。 or ；', () => {
    const long = `（一）指导思想。坚持以人民为中心，${'完善监督机制，'.repeat(12)}加强对重点人群的监控。`;
    const text = `一、总体要求\n${long}\n（二）收集个人信息的目的、方式和范围；\n二、主要任务\n（一）\n申诉渠道保持畅通。\n`;
    assert.deepEqual(tree(text), [
      ['一、总体要求', 1, null],
      ['（一）指导思想', 2, 0],
      ['（二）收集个人信息的目的、方式和范围', 2, 0],
      ['二、主要任务', 1, null],
      ['（一）', 2, 3],
    ]);
    assert.deepEqual(rows(text)[4].slice(7), [0, 1]);
  });
});

describe('sections of bad input: a valid tree every time', () => {
  it('a text with no sentences', () => {
    for (const text of ['', '\n\n\n', '— — —\n。。。\n', '   \t\n']) {
      const tally = engine.analyze(text).tally();
      assert.deepEqual(tally.sections, [], JSON.stringify(text));
      assert.deepEqual(tally.units, { sentences: 0, control: 0, engagement: 0, both: 0 });
      assert.equal(tally.lean.index, null);
    }
    assert.deepEqual(tree('# Title\n'), [['Title', 1, null]]);
  });

  it('headings with no body, one after another', () => {
    const text = 'Chapter 1\nChapter 2\nArticle 1\nArticle 2\n第三章\n';
    assert.deepEqual(tree(text), [
      ['Chapter 1', 1, null],
      ['Chapter 2', 1, null],
      ['Article 1', 2, 1],
      ['Article 2', 2, 1],
      ['第三章', 1, null],
    ]);
    assertValidTree(engine.analyze(text).tally().sections, text.length);
  });

  it('headings out of order: an article before any chapter, a jump from part to article, deeper before shallower', () => {
    const text = 'Article 1\nWe monitor.\nChapter 1\nThey appeal.\nPart 2\nArticle 9\nWe monitor.\n（一）细则\n第一编\n#### Deep\n# Shallow\n';
    assert.deepEqual(tree(text), [
      ['Article 1', 1, null],
      ['Chapter 1', 1, null],
      ['Part 2', 1, null],
      ['Article 9', 2, 2],
      ['（一）细则', 3, 3],
      ['第一编', 1, null],
      ['Deep', 2, 5],
      ['Shallow', 1, null],
    ]);
    assertValidTree(engine.analyze(text).tally().sections, text.length);
  });

  it('10,000 sections in three levels, quickly', () => {
    const lines: string[] = [];
    for (let c = 1; c <= 100; c++) {
      lines.push(`Chapter ${c}`);
      for (let a = 1; a <= 33; a++) lines.push(`Article ${c * 100 + a}`, 'We monitor.', '(1) Scope of data.', 'They appeal.');
    }
    const text = lines.join('\n');
    const started = performance.now();
    const tally = engine.analyze(text).tally();
    const sections = tally.sections;
    const elapsed = performance.now() - started;
    assert.equal(sections.length, 100 + 100 * 33 * 2);
    assertValidTree(sections, text.length);
    assert.deepEqual(
      [sections[0].units.control, sections[0].units.engagement, sections[1].parent, sections[2].parent, sections[2].level],
      [33, 33, 0, 1, 3],
    );
    assert.ok(elapsed < 5000, `${elapsed} ms`);
  });
});
