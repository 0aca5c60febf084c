// A section's title (headingAt) is read in place for the commonest headings: a Chinese 第…条 line from where its number
// ends, an English "Article 12 …" from where the sticky pattern stopped, a run-in title by one forward pass. It must
// give what slicing the line and matching the full patterns gives (headingByPatterns), title and level, on every line.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { headingAt, headingByPatterns } from '../../src/core/headings';
import { chineseText, englishText } from '../bench/corpus';
import { ROOT } from './helpers/lexicons';
import { Random } from './helpers/random';

/** Every line of `text` (its start and its end before the newline) compared both ways; the number of headings. */
function compareLines(text: string): number {
  let headings = 0;
  for (let start = 0; start <= text.length; ) {
    const newline = text.indexOf('\n', start);
    const end = newline < 0 ? text.length : newline;
    const fast = headingAt(text, start, end);
    assert.deepEqual(fast, headingByPatterns(text, start, end), JSON.stringify(text.slice(start, Math.min(end, start + 200))));
    if (fast !== null) headings++;
    start = end + 1;
  }
  return headings;
}

describe('heading titles read in place', () => {
  it('titles the headings of both languages as the full patterns do', () => {
    const lines = [
      '第一编 总则',
      '第二部分 附则',
      '第一分编 通则',
      '第三章 监督管理',
      '第四节 信用修复',
      '第十二条 网信部门应当公开征求意见。',
      `第十二条 ${'网信部门应当公开征求意见，'.repeat(6)}`,
      `　 第12条　${'正文'.repeat(40)}`,
      `第三条. Scope. ${'x'.repeat(60)}`,
      '第三十条的规定',
      '第三条第二款',
      '一、总体要求',
      `二、${'完善制度。'.repeat(20)}`,
      '（一）完善制度。正文',
      '(1) Development situation.',
      `(2) The Secretary of State may ${'act '.repeat(20)}`,
      'I. The overall thinking',
      'IV. Safeguards',
      '# Title',
      `## A Markdown heading that runs on for a long while. ${'More words. '.repeat(8)}`,
      'Chapter I General Provisions on Part 1',
      'PART 2 OBLIGATIONS',
      'Title IV of the Act',
      `Article 1 Where necessary, Township governments shall improve the service quality for users ${'x '.repeat(40)}`,
      `Article 12. Definitions. In this Act ${'words '.repeat(20)}`,
      `Article 12: Definitions: In this Act ${'words '.repeat(20)}`,
      `Section 12. Definitions. In this Act ${'words '.repeat(20)}`,
      `Sec. 4 Scope of this Part: the Part applies ${'words '.repeat(20)}`,
      `Section 5.1a Powers to require retention of data.${'x'.repeat(70)}`,
      `Article 3 ${'Y'.repeat(80)}. The rest ${'z'.repeat(20)}`,
      `Article 3 ${'Y'.repeat(81)}. The rest ${'z'.repeat(20)}`,
      `Article 3 Éclairage public et voirie. ${'z'.repeat(60)}`,
      `Article 3 Ωmega rules. ${'z'.repeat(60)}`,
      `Article 3 \u{1d400}bold capital. ${'z'.repeat(60)}`,
      `Article 3 Scope \u{1f600} of it. ${'z'.repeat(60)}`,
      `Article 3 The authority shall act. ${'z'.repeat(60)}`,
      `Article 3 Scope.${'z'.repeat(60)}`,
      `Article 3 Scope!  ${'z'.repeat(60)}`,
      `Article 3 Scope.`,
      `Article 3.\tScope. ${'z'.repeat(60)}`,
      `article iv Scope: ${'z'.repeat(60)}`,
      '2.1 Scope',
      `3. Credit Repair ${'x'.repeat(60)}`,
      `${' '.repeat(398)}Article 3 Scope. rest`,
      `Article 3 Scope of the rules ${'z'.repeat(360)}. Words`,
      `第${'三'.repeat(398)}条的`,
    ];
    let headings = 0;
    for (const ending of ['\n', '\r\n', '']) {
      for (const line of lines) headings += compareLines(`前文。\n${line}${ending}`);
    }
    assert.ok(headings > 100, `only ${headings} headings`);
  });

  it('titles every line of the samples and the bench texts as the full patterns do', () => {
    const samples = path.join(ROOT, 'media/samples');
    let headings = 0;
    for (const name of fs.readdirSync(samples)) headings += compareLines(fs.readFileSync(path.join(samples, name), 'utf8'));
    headings += compareLines(englishText(20260122, 300_000));
    headings += compareLines(chineseText(20260122, 300_000));
    assert.ok(headings > 1000, `only ${headings} headings`);
  });

  it('titles random lines as the full patterns do', () => {
    const r = new Random(26);
    const openings = ['', ' ', '　', '\t', '第', '  第', 'Article ', 'article 3', 'Section ', 'Sec. 4', 'CHAPTER ', 'Part ', 'title ', '(1)', '（一）', '一、', 'I.', 'IV. ', '#', '## ', '2.1', '3. '];
    const pieces = ['第', '三', '十', '2', '12', 'iv', '条', '章', '节', '编', '部', '分', '的', '款', '正文', '。', '；', ' ', '  ', '\t', '　', '\r', '，', '.', ':', ';', '!', '?', ' Scope', ' Definitions', ' The', ' shall', ' of', 'Éclairage', 'Ωmega', 'x'.repeat(30), 'Y'.repeat(79), '\u{1d400}', '😀', '\ud83d', '\ude00', '_'];
    for (let n = 0; n < 20000; n++) {
      let line = r.pick(openings);
      for (let k = 1 + r.int(12); k > 0; k--) line += r.pick(pieces);
      if (r.chance(0.05)) line = `${' '.repeat(380 + r.int(30))}${line}`;
      if (r.chance(0.05)) line = `${line}${'word '.repeat(80)}`;
      compareLines(`前文。\n${line}${r.pick(['\n后文。', '\r\n后文。', '', '\n'])}`);
    }
  });
});
