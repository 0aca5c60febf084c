// The scanner's and the heading reader's test for what a pattern's \s matches, read per character instead of by a
// pattern: it must agree with \s on every code unit, and a title's words must be counted across any of them.
import * as assert from 'node:assert/strict';
import { isPatternSpace } from '../../src/core/chars';
import { isTitleLike } from '../../src/core/headings';
import { Random } from './helpers/random';

describe('pattern spaces', () => {
  it('are exactly what \\s matches, on every UTF-16 code unit', () => {
    for (let c = 0; c < 0x10000; c++) assert.equal(isPatternSpace(c), /\s/.test(String.fromCharCode(c)), `U+${c.toString(16)}`);
  });

  it('separate the words a title may hold: fourteen at most, whatever spaces stand between them', () => {
    const r = new Random(20);
    const spaces = [' ', '  ', '\t', '\u00a0', '\u2003', '\u202f', '\u3000', '\ufeff', ' \u2009 '];
    const title = (words: number): string => Array.from({ length: words }, () => 'Data').reduce((text, word) => `${text}${spaces[r.int(spaces.length)]}${word}`);
    for (let round = 0; round < 50; round++) {
      assert.ok(isTitleLike(title(14)), 'fourteen words');
      assert.ok(!isTitleLike(title(15)), 'fifteen words');
    }
  });
});
