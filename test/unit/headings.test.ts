// Heading recognition: analysis asks only for a line's level (headingLevelAt), which takes shortcuts for the
// commonest headings; a section's title comes from the full patterns (headingAt). Both must agree on every line.
import * as assert from 'node:assert/strict';
import { headingAt, headingLevelAt } from '../../src/core/headings';
import { Random } from './helpers/random';

function levels(line: string): [number, number] {
  const text = `前文。\n${line}\n后文。`;
  const start = 4;
  const end = start + line.length;
  return [headingLevelAt(text, start, end), headingAt(text, start, end)?.level ?? -1];
}

describe('headings', () => {
  it('reads the level of Chinese ordinal headings and not of references', () => {
    const cases: [string, number][] = [
      ['第一编 总则', 10],
      ['第二部分 附则', 10],
      ['第一分编 通则', 15],
      ['第三章 监督管理', 20],
      ['第四节 信用修复', 30],
      ['第十二条 网信部门应当公开征求意见。', 40],
      ['　 第12条', 40],
      ['第三条\r', 40],
      ['第三十条的规定', -1],
      ['第三条第二款', -1],
      ['第四条至第六条', -1],
      ['第部分', -1],
      ['第三部', -1],
      ['第', -1],
      ['第条', -1],
      // Headings are read from a line's first 400 characters.
      [`第${'三'.repeat(398)}条的`, 40],
      [`第${'三'.repeat(397)}条的`, -1],
      [`第${'三'.repeat(399)}条`, -1],
    ];
    for (const [line, level] of cases) assert.deepEqual(levels(line), [level, level], line);
  });

  it('gives the same level as the full patterns on random lines', () => {
    // Analysis tests most headings on the text itself, up to the line break; headingAt tests a slice of the line.
    const r = new Random(7);
    const pieces = ['第', '三', '十', '2', '条', '章', '节', '编', '部', '分', '的', '至', '款', '正文', ' ', '　', '\t', '\r', '，', 'Article', 'article 3', '#', '1.', ' Scope', '（一）', '一、', 'x', '(1)', ' The', 'I.', 'II. ', 'Sec. 4', 'shall', '87Powers', '.', 'Chapter ', 'PART ', 'title ', 'Section ', ' of', ' OF', 'IV', 'v', '_'];
    for (let n = 0; n < 5000; n++) {
      let line = r.pick(['', ' ', '　', '第', '  第']);
      const count = 1 + r.int(8);
      for (let k = 0; k < count; k++) line += r.pick(pieces);
      if (r.chance(0.05)) line = `${' '.repeat(390 + r.int(12))}${line}`;
      if (r.chance(0.05)) line = `第${'三'.repeat(393 + r.int(8))}${line}`;
      const [fast, full] = levels(line);
      assert.equal(fast, full, JSON.stringify(line));
    }
  });

  it('titles a heading whose words follow a full stop or semicolon, and never leaves a title empty', () => {
    const cases: [string, string][] = [
      ['## 。voiceprint', 'voiceprint'],
      ['# ；监控。正文', '监控'],
      ['## 。 。声纹识别；其他', '声纹识别'],
      ['# 。', '。'],
      ['（一）完善制度。正文', '（一）完善制度'],
    ];
    for (const [line, title] of cases) assert.equal(headingAt(line, 0, line.length)?.title, title, line);
    const r = new Random(15);
    const pieces = ['#', '## ', '。', '；', ' ', '　', 'voiceprint', '监控', '第一章', '（一）', '一、'];
    for (let n = 0; n < 3000; n++) {
      let line = r.pick(['# ', '## ', '第三章', '（一）', '一、']);
      for (let k = r.int(6); k >= 0; k--) line += r.pick(pieces);
      const heading = headingAt(line, 0, line.length);
      if (heading) assert.notEqual(heading.title, '', JSON.stringify(line));
    }
  });
});
