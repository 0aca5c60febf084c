// Tokens and offsets: UTF-16 offsets as VS Code counts them, astral characters, CRLF, very long lines, edges.
import * as assert from 'node:assert/strict';
import { Engine, lineIndex } from '../../src/core/index';
import { brief, briefs, testLexicon } from './helpers/lexicons';

const engine = new Engine([
  testLexicon([
    { term: 'monitor', category: 'surveillance' },
    { term: 'penalty', category: 'sanctions' },
    { term: 'public supervision', category: 'accountability' },
  ]),
  testLexicon([{ term: '监控', category: 'surveillance' }], { language: 'zh', name: 'test-zh' }),
]);

describe('tokens and offsets', () => {
  describe('characters beyond the BMP', () => {
    it('counts an emoji before a match as two code units each', () => {
      assert.deepEqual(briefs(engine, '😀😀 monitor'), [[5, 12, 'monitor', 'surveillance', null, false]]);
    });

    it('counts a CJK Extension B character (𠀀, U+20000) as two code units', () => {
      const text = '𠀀 monitor 𠀀监控';
      assert.equal('𠀀'.length, 2);
      assert.deepEqual(briefs(engine, text), [
        [3, 10, 'monitor', 'surveillance', null, false],
        [13, 15, '监控', 'surveillance', null, false],
      ]);
    });

    it('treats an emoji between letters as a separator, so both words are tokens', () => {
      assert.deepEqual(briefs(engine, 'monitor😀penalty'), [
        [0, 7, 'monitor', 'surveillance', null, false],
        [9, 16, 'penalty', 'sanctions', null, false],
      ]);
    });

    it('steps one code unit at a time through ASCII letters that follow an astral letter in a word', () => {
      // 𝐀 (U+1D400) is a letter two code units wide; the letters after it are one unit each.
      assert.deepEqual(briefs(engine, '𝐀b monitor'), [[4, 11, 'monitor', 'surveillance', null, false]]);
      assert.deepEqual(briefs(engine, 'x𝐀y penalty'), [[5, 12, 'penalty', 'sanctions', null, false]]);
    });

    it('slices match text exactly at surrogate boundaries', () => {
      const text = '🇪🇺 the 𝐀 penalty';
      const [m] = engine.analyze(text).matches();
      assert.equal(text.slice(m.start, m.end), 'penalty');
      assert.equal(m.start, text.indexOf('penalty'));
    });
  });

  describe('CRLF line endings', () => {
    const text = 'First line.\r\nWe monitor it.\r\n\r\nThe penalty applies.\r\n';

    it('gives offsets that exclude the carriage return and map to VS Code positions', () => {
      const matches = engine.analyze(text).matches();
      assert.deepEqual(matches.map(brief), [
        [16, 23, 'monitor', 'surveillance', null, false],
        [35, 42, 'penalty', 'sanctions', null, false],
      ]);
      const index = lineIndex(text);
      assert.deepEqual(index.positionAt(matches[0].start), { line: 1, character: 3 });
      assert.deepEqual(index.positionAt(matches[0].end), { line: 1, character: 10 });
      assert.deepEqual(index.positionAt(matches[1].start), { line: 3, character: 4 });
      assert.equal(index.lineCount, 5);
    });

    it('joins a phrase across a CRLF line break (whitespace joins phrase words)', () => {
      assert.deepEqual(briefs(engine, 'under public\r\nsupervision'), [[6, 25, 'public\r\nsupervision', 'accountability', null, false]]);
    });

    it('counts lines the same with and without the carriage returns', () => {
      const lf = text.replace(/\r\n/g, '\n');
      const crlfTally = engine.analyze(text).tally();
      const lfTally = engine.analyze(lf).tally();
      assert.equal(crlfTally.words, lfTally.words);
      assert.equal(crlfTally.units.sentences, lfTally.units.sentences);
      assert.equal(crlfTally.control.matches, 2);
    });
  });

  describe('lineIndex', () => {
    it('maps offsets to zero-based lines and UTF-16 characters', () => {
      const index = lineIndex('ab\n😀c\n\nd');
      assert.deepEqual(index.positionAt(0), { line: 0, character: 0 });
      assert.deepEqual(index.positionAt(2), { line: 0, character: 2 });
      assert.deepEqual(index.positionAt(3), { line: 1, character: 0 });
      assert.deepEqual(index.positionAt(5), { line: 1, character: 2 });
      assert.deepEqual(index.positionAt(7), { line: 2, character: 0 });
      assert.deepEqual(index.positionAt(9), { line: 3, character: 1 });
      assert.equal(index.lineCount, 4);
      assert.equal(index.offsetAt(3), 8);
      assert.equal(index.offsetAt(99), 8);
      assert.equal(index.offsetAt(-1), 0);
    });

    it('ends lines at a lone carriage return too, as VS Code does', () => {
      const index = lineIndex('a\rb\r\nc\n');
      assert.equal(index.lineCount, 4);
      assert.deepEqual(index.positionAt(2), { line: 1, character: 0 });
      assert.deepEqual(index.positionAt(3), { line: 1, character: 1 });
      assert.deepEqual(index.positionAt(5), { line: 2, character: 0 });
      assert.deepEqual(index.positionAt(7), { line: 3, character: 0 });
    });

    it('has one line for an empty text', () => {
      const index = lineIndex('');
      assert.equal(index.lineCount, 1);
      assert.deepEqual(index.positionAt(0), { line: 0, character: 0 });
    });
  });

  describe('very long lines', () => {
    it('finds a match at the end of a 100 KB line with no newline, at its exact offset', () => {
      const filler = 'lorem ipsum dolor '.repeat(6000);
      const text = `${filler}we monitor`;
      assert.ok(text.length > 100_000);
      assert.equal(text.indexOf('\n'), -1);
      const analysis = engine.analyze(text);
      assert.deepEqual(analysis.matches().map(brief), [[text.length - 7, text.length, 'monitor', 'surveillance', null, false]]);
      assert.equal(analysis.tally().words, 18_002);
    });

    it('keeps every match of a 100 KB line of sentences, each at its offset', () => {
      const sentence = 'The office shall monitor firms. ';
      const text = sentence.repeat(3200);
      const matches = engine.analyze(text).matches();
      assert.equal(matches.length, 3200);
      matches.forEach((m, k) => assert.equal(m.start, k * sentence.length + 17));
      assert.equal(engine.analyze(text).tally().units.sentences, 3200);
    });

    it('cuts a long line without sentence ends after a space, so a phrase across the cut is lost', () => {
      // A line longer than 8192 characters with no sentence end is cut after the first space at or after
      // 8192 characters into the block: here between "public" and "supervision".
      const before = 'ab '.repeat(2729); // 8187 characters, ending with a space
      const text = `${before}public supervision ${'cd '.repeat(4000)}public supervision`;
      assert.equal(text.indexOf('public'), 8187);
      const matches = engine.analyze(text).matches().map(brief);
      assert.deepEqual(matches, [[text.length - 18, text.length, 'public supervision', 'accountability', null, false]]);
    });

    it('keeps every match of one sentence of a thousand lexicon words', () => {
      const text = 'monitor '.repeat(1000);
      const matches = engine.analyze(text).matches();
      assert.equal(matches.length, 1000);
      matches.forEach((m, k) => assert.deepEqual([m.start, m.end], [k * 8, k * 8 + 7]));
    });

    it('never cuts a long line inside a surrogate pair', () => {
      const text = `${'😀'.repeat(60_000)} penalty`;
      assert.deepEqual(briefs(engine, text), [[120_001, 120_008, 'penalty', 'sanctions', null, false]]);
    });
  });

  describe('sentences', () => {
    it('does not end a sentence at abbreviations, initials, decimals or before lower case', () => {
      const text = 'Art. 5 applies. It is 3.5 km away. Dr. Smith left. The U.S. Congress met. See e.g. the annex.';
      assert.equal(engine.analyze(text).tally().units.sentences, 5);
      assert.equal(engine.analyze('One! Two? Three; four: five. Six').tally().units.sentences, 4);
    });

    it('keeps a phrase within a sentence: a full stop between its words stops it', () => {
      assert.deepEqual(briefs(engine, 'The public. Supervision'), []);
      assert.deepEqual(briefs(engine, 'see art. public supervision'), [[9, 27, 'public supervision', 'accountability', null, false]]);
    });
  });

  describe('edges of the text', () => {
    it('finds matches at the very start and the very end', () => {
      assert.deepEqual(briefs(engine, 'monitor'), [[0, 7, 'monitor', 'surveillance', null, false]]);
      assert.deepEqual(briefs(engine, 'Penalty and monitor'), [
        [0, 7, 'Penalty', 'sanctions', null, false],
        [12, 19, 'monitor', 'surveillance', null, false],
      ]);
      assert.deepEqual(briefs(engine, '监控'), [[0, 2, '监控', 'surveillance', null, false]]);
    });

    it('analyses an empty text to nothing', () => {
      const analysis = engine.analyze('');
      assert.deepEqual(analysis.matches(), []);
      const tally = analysis.tally();
      assert.equal(tally.words, 0);
      assert.equal(tally.units.sentences, 0);
      assert.deepEqual(tally.lean, { index: null, label: 'no signal', thin: true, basis: 'sentences' });
      assert.deepEqual(tally.sections, []);
      assert.equal(tally.language, 'en');
      assert.deepEqual(tally.control, { matches: 0, weight: 0, perThousandWords: 0 });
    });

    it('analyses a whitespace-only text to nothing', () => {
      const analysis = engine.analyze(' \t\r\n\n   \u3000\n');
      assert.deepEqual(analysis.matches(), []);
      assert.equal(analysis.tally().words, 0);
      assert.equal(analysis.tally().units.sentences, 0);
      assert.deepEqual(analysis.tally().sections, []);
    });

    it('lower-cases tokens for matching but reports the text as written', () => {
      assert.deepEqual(briefs(engine, 'MONITOR Public Supervision'), [
        [0, 7, 'MONITOR', 'surveillance', null, false],
        [8, 26, 'Public Supervision', 'accountability', null, false],
      ]);
    });
  });
});
