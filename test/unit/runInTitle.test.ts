// A run-in heading's title is read in place after its number (a sticky pattern at the number's end); it must give
// what the anchored pattern gives on the rest of the line cut off, for every line and every place a number can end.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isTitleLike, runInTitle } from '../../src/core/headings';
import { ROOT } from './helpers/lexicons';
import { Random } from './helpers/random';

/** The title as read from a copy of the rest of the line. */
function fromRest(line: string, numberEnd: number): string {
  const rest = /^\.?[ \t]+(\p{Lu}[^.;:!?]{0,80})[.:]([ \t]|$)/u.exec(line.slice(numberEnd));
  return rest !== null && isTitleLike(rest[1]) ? line.slice(0, numberEnd + rest[0].length - rest[2].length - 1) : line.slice(0, numberEnd);
}

function textLines(dir: string): string[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .flatMap((f) => fs.readFileSync(path.join(dir, f), 'utf8').split('\n'))
    .map((line) => line.slice(0, 400));
}

describe('run-in heading titles', () => {
  it('reads the title after the number as the rest of the line would give it, on real lines', () => {
    const lines = [...textLines(path.join(ROOT, 'test/corpus/en')), ...textLines(path.join(ROOT, 'test/corpus/zh')), ...textLines(path.join(ROOT, 'media/samples'))];
    let titled = 0;
    for (const line of lines) {
      // Every place a number could end, up to a long heading's first words.
      for (let end = 0; end <= Math.min(line.length, 24); end++) {
        const expected = fromRest(line, end);
        assert.equal(runInTitle(line, end), expected, `${JSON.stringify(line)} at ${end}`);
        if (expected.length > end) titled++;
      }
    }
    assert.ok(titled > 50, `only ${titled} run-in titles among the real lines`);
  });

  it('reads a capital as the pattern does, for every character of the BMP', () => {
    for (let c = 0; c < 0x10000; c++) {
      const line = `Article 3 ${String.fromCharCode(c)}cope of it. The rest of the article runs on for a while`;
      assert.equal(runInTitle(line, 9), fromRest(line, 9), `U+${c.toString(16)}`);
    }
  });

  it('reads it alike on random lines, with capitals, stops and characters beyond the BMP', () => {
    const r = new Random(19);
    const pieces = ['Article 3', 'Section 12', '.', ':', ';', '!', '?', ' ', '\t', '  ', 'Definitions', 'Scope', 'Éclairage', 'Ωmega', 'shall', 'the', 'a', '\u{1d400}', '😀', '\ud83d', '\ude00', '第三条', '网信', '。', '，', 'x'.repeat(40), 'Y'.repeat(79)];
    for (let n = 0; n < 20000; n++) {
      let line = '';
      for (let k = 1 + r.int(10); k > 0; k--) line += r.pick(pieces);
      const end = r.int(line.length + 1);
      assert.equal(runInTitle(line, end), fromRest(line, end), `${JSON.stringify(line)} at ${end}`);
    }
  });
});
