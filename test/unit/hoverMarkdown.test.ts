// Lexicon labels, descriptions, notes and entries reach the hover as Markdown with theme icons enabled. Whatever
// they contain, the hover must show them as the text they are: no icon, heading, code block, link or tag.
import * as assert from 'node:assert/strict';
import { markdownCode, markdownText } from '../../src/extension/markdownText';
import { Random } from './helpers/random';

const ICON = '\\$\\([A-Za-z0-9-]+(?:~[A-Za-z]+)?\\)';
const BREAK = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u2028\u2029]/;
const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/;

/**
 * What VS Code's hover shows for a fragment we built, following its renderer: it first doubles the backslash of
 * `\$(icon)` in the source, Markdown then removes one level of escapes, and an icon left without a backslash in
 * front is drawn as an icon. Throws if any Markdown syntax is live (an unescaped ASCII punctuation character) or a
 * line break could start a block.
 */
function shown(md: string): { text: string; icons: string[] } {
  assert.ok(!BREAK.test(md), `a line break in ${JSON.stringify(md)}`);
  const source = md.replace(new RegExp(`\\\\${ICON}`, 'g'), (m) => `\\${m}`);
  let text = '';
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\' && i + 1 < source.length && ASCII_PUNCTUATION.test(source[i + 1])) {
      text += source[++i];
      continue;
    }
    assert.ok(!ASCII_PUNCTUATION.test(c), `live Markdown syntax ${JSON.stringify(c)} at ${i} in ${JSON.stringify(md)}`);
    text += c;
  }
  const icons: string[] = [];
  const visible = text.replace(new RegExp(`(\\\\)?${ICON}`, 'g'), (m: string, escaped: string | undefined) => {
    if (escaped) return m.slice(1);
    icons.push(m);
    return '';
  });
  return { text: visible, icons };
}

/** A code span holds one line with no backtick or dollar sign; anything else must be escaped text. */
function checkCode(md: string): void {
  const span = /^`([^`]+)`$/.exec(md);
  if (span) assert.ok(!/[`$]/.test(span[1]) && !BREAK.test(span[1]) && span[1].trim() === span[1], JSON.stringify(md));
  else assert.deepEqual(shown(md).icons, [], JSON.stringify(md));
}

const HOSTILE = [
  '$(alert) Sanctions',
  '$(sync~spin)$(alert)',
  '\\$(alert) already escaped',
  '# Heading',
  'label\n# Heading',
  'label\n===',
  'label\r\n---',
  'label\u2028## heading after a line separator',
  'label\u2029```js\nalert(1)\n```',
  'text\n\n    indented code',
  '```fence```',
  '~~~\ncode\n~~~',
  '[click](command:workbench.action.files.delete)',
  '<img src=x onerror=alert(1)>',
  'https://example.com/x and www.example.com',
  '**bold** _em_ ~~strike~~ `code`',
  '1. ordered\n- bullet\n> quote',
  '| a | b |\n|---|---|',
  '&amp; &#36;(alert)',
  'ends with a backslash \\',
  '监控 $(alert) 处罚',
];

describe('hover Markdown escaping', () => {
  it('shows hostile labels, descriptions and notes as their text, with no icon or block syntax', () => {
    for (const s of HOSTILE) {
      const { text, icons } = shown(markdownText(s));
      assert.deepEqual(icons, [], `icons rendered from ${JSON.stringify(s)}`);
      assert.equal(text, s.replace(new RegExp(BREAK.source, 'g'), ' '), JSON.stringify(s));
    }
  });

  it('shows entries as code only when a code span is safe', () => {
    assert.equal(markdownCode('blacklist'), '`blacklist`');
    assert.equal(markdownCode('社会信用'), '`社会信用`');
    for (const s of ['$(alert)', 'a`b', 'a\nb', ' x', '']) {
      const md = markdownCode(s);
      assert.ok(!md.startsWith('`'), JSON.stringify(s));
      checkCode(md);
    }
  });

  it('keeps random text literal (seeded; the seed is in the message)', () => {
    const seed = 0x15ab;
    const random = new Random(seed);
    const pieces = ['$(', 'alert', ')', '\\', '`', '#', '\n', '\r', '\u2028', ' ', '    ', '[', ']', '(', '<', '>', '*', '_', '~', '监', 'é', '\u0301', '😀', '=', '-', '|', '!', '&', ';'];
    for (let n = 0; n < 2000; n++) {
      let s = '';
      for (let k = random.int(12); k >= 0; k--) s += random.pick(pieces);
      const { icons } = shown(markdownText(s));
      assert.deepEqual(icons, [], `seed ${seed}, case ${n}: ${JSON.stringify(s)}`);
      checkCode(markdownCode(s));
    }
  });
});
