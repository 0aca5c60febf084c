// A block's lists as the scanner hands them over: the sentence indices of its annotations, shared between blocks when
// short, and the block's rarely set fields (lead-in, subject, the lead-in it opens, its title), kept apart from the rest.
import * as assert from 'node:assert/strict';
import { builtinLexicons } from '../../src/core';
import { analysisContext, DocumentAnalysis } from '../../src/core/analysis';
import { blockAt } from '../../src/core/blocks';
import { Matcher } from '../../src/core/matcher';
import { MatchListBuilder } from '../../src/core/matchList';
import { analyzeBlock, ScanState } from '../../src/core/scan';
import { Random } from './helpers/random';

/** The sentence indices `finishSentences` gives for annotations standing in `sentences` (ascending). */
function finished(builder: MatchListBuilder, sentences: readonly number[]): readonly number[] {
  builder.reset();
  let sentence = 0;
  for (const s of sentences) {
    while (sentence < s) builder.markSentence(sentence++);
    builder.add(0, 1, 0, 0, -1);
  }
  builder.markSentence(sentence);
  return builder.finishSentences();
}

describe('block lists', () => {
  it('gives every list of sentence indices as it is, one array per list among the shared ones', () => {
    const builder = new MatchListBuilder();
    const r = new Random(23);
    const seen = new Map<string, readonly number[]>();
    const arrays = new Set<readonly number[]>();
    for (let n = 0; n < 20_000; n++) {
      const count = 1 + r.int(30);
      const top = 1 + r.int(r.int(2) === 0 ? 8 : 14);
      const sentences = Array.from({ length: count }, () => r.int(top)).sort((a, b) => a - b);
      const list = finished(builder, sentences);
      assert.deepEqual([...list], sentences);
      const key = sentences.join(',');
      const before = seen.get(key);
      // A short list of low indices is shared: the same list is the same array, and no other list is.
      if (count <= 22 && sentences[count - 1] < 8) {
        if (before !== undefined) assert.equal(list, before, key);
        else {
          assert.ok(!arrays.has(list), `${key} shares another list's array`);
          seen.set(key, list);
          arrays.add(list);
        }
      }
    }
  });

  it('keeps a block\'s heading level, exemption flag, opened lead-in and title', () => {
    const matcher = new Matcher(builtinLexicons());
    const text = '## Monitoring of users\n\nThe agency shall monitor users and shall not be exempt.\n';
    const scan = new ScanState();
    const heading = analyzeBlock(text, 0, blockAt(text, 0), matcher, scan);
    assert.equal(heading.headingLevel, 20);
    assert.equal(heading.title, null);
    heading.title = 'Monitoring of users';
    assert.equal(heading.title, 'Monitoring of users');
    assert.equal(heading.opens, null);
    assert.equal(heading.leadIn, null);
    assert.equal(heading.subject, null);
    const start = heading.length;
    const body = analyzeBlock(text, start, blockAt(text, start), matcher, scan);
    assert.equal(body.headingLevel, -1);
    const leadIn = { entry: 1, argument: -1, ban: false, exemption: false, covers: false, colon: true, headed: false, text: 'x', offset: 0 };
    body.opens = leadIn;
    assert.equal(body.opens, leadIn);
    const subject = { index: 0, title: 't' };
    const moved = body.withMatches(body.matches, body.matchSentences, leadIn, subject);
    assert.equal(moved.leadIn, leadIn);
    assert.equal(moved.subject, subject);
    assert.equal(moved.opens, null);
    assert.equal(moved.title, null);
    assert.equal(moved.headingLevel, body.headingLevel);
    assert.equal(moved.mayExempt, body.mayExempt);
  });

  it('keeps the counts of a block too long to hold them two to a field', () => {
    const matcher = new Matcher(builtinLexicons());
    // A heading takes the blank lines after it, however long: here one of 40,000 spaces.
    const text = `## Monitoring of users\n${' '.repeat(40_000)}\nThe agency shall monitor users.\n`;
    const scan = new ScanState();
    const extent = blockAt(text, 0);
    const heading = analyzeBlock(text, 0, extent, matcher, scan);
    assert.equal(heading.length, extent.end);
    assert.ok(heading.length > 40_000);
    assert.deepEqual([heading.newlines, heading.words, heading.latinWords, heading.hanChars, heading.sentences, heading.headingLevel, heading.title], [2, 3, 3, 0, 1, 20, null]);
    heading.title = 'Monitoring of users';
    heading.opens = null;
    assert.deepEqual([heading.length, heading.newlines, heading.words, heading.title, heading.opens], [extent.end, 2, 3, 'Monitoring of users', null]);
    const moved = heading.withMatches(heading.matches, heading.matchSentences, null, { index: 0, title: 't' });
    assert.deepEqual([moved.length, moved.newlines, moved.words, moved.latinWords, moved.sentences, moved.title, moved.subject?.title], [extent.end, 2, 3, 3, 1, null, 't']);
    const body = analyzeBlock(text, extent.end, blockAt(text, extent.end), matcher, scan);
    assert.deepEqual([body.length, body.words, body.sentences, body.headingLevel], [text.length - extent.end, 5, 1, -1]);
  });

  it('gives an analysis at once the blocks of one in slices, however the density of blocks changes', async () => {
    const matcher = new Matcher(builtinLexicons());
    const context = analysisContext(matcher, null);
    const toc = Array.from({ length: 3000 }, (_, i) => `${i + 1}. Monitoring ${i}\n`).join('');
    const prose = 'The agency shall monitor users and may not disclose their records without a court order. '.repeat(12);
    const paragraphs = Array.from({ length: 300 }, (_, i) => `Article ${i} ${prose}\n\n`).join('');
    for (const text of [toc + paragraphs, paragraphs + toc, paragraphs + toc + paragraphs, toc]) {
      const whole = DocumentAnalysis.create(context, text);
      const sliced = await DocumentAnalysis.createInSlices(context, text, () => Promise.resolve(), 4096);
      assert.equal(JSON.stringify(whole.matches()), JSON.stringify(sliced.matches()));
      assert.deepEqual(whole.tally(), sliced.tally());
      // The lists cut to their length: an edit at the end finds the last block.
      const edited = `${text}The bureau shall monitor firms.\n`;
      whole.applyEdit(text.length, text.length, edited);
      assert.equal(JSON.stringify(whole.matches()), JSON.stringify(DocumentAnalysis.create(context, edited).matches()));
    }
  });
});
