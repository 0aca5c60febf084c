// The scanner reads a block that is all ASCII from a copy of its bytes, and any other block from the string: both
// readings give the same block, and only a block without a character past ASCII is copied.
import * as assert from 'node:assert/strict';
import { builtinLexicons } from '../../src/core';
import { blockAt } from '../../src/core/blocks';
import { Matcher } from '../../src/core/matcher';
import { analyzeBlock, BlockResult, ScanState } from '../../src/core/scan';
import { document } from './helpers/corpus';
import { repoFile } from './helpers/lexicons';
import { Random } from './helpers/random';

/** A ScanState that never hands out a block's bytes, so that every block is read from the string. */
class StringsOnly extends ScanState {
  override asciiBytes(): Uint8Array | null {
    return null;
  }
}

function fields(block: BlockResult): unknown {
  const { length, newlines, words, latinWords, hanChars, sentences, matches, matchSentences, headingLevel, mayExempt } = block;
  return { length, newlines, words, latinWords, hanChars, sentences, matches: [...matches], matchSentences: [...matchSentences], headingLevel, mayExempt };
}

describe('ASCII blocks read as bytes', () => {
  it('copies a block only when every character is ASCII', () => {
    const scan = new ScanState();
    const block = 'The agency shall monitor users.\n';
    assert.deepEqual(scan.asciiBytes(`xx ${block}`, 3, 3 + block.length)?.subarray(0, block.length), new TextEncoder().encode(block));
    for (const text of ['The café shall', 'The agency’s users', '监控 users', 'users 𝐀', 'users \ud800 lone', 'users \u00a0 here', 'é first']) {
      assert.equal(scan.asciiBytes(`${text} and more text after it`, 0, text.length), null, JSON.stringify(text));
    }
    // A block longer than the buffer made at first.
    const long = 'The agency shall monitor users. '.repeat(800);
    assert.deepEqual(scan.asciiBytes(long, 0, long.length)?.subarray(0, long.length), new TextEncoder().encode(long));
  });

  it('gives the same blocks as reading every block from the string', () => {
    const matcher = new Matcher(builtinLexicons());
    const texts = [
      repoFile('media/samples/social-credit-outline.policy.txt'),
      repoFile('media/samples/social-credit-outline.zh.policy.txt'),
      ...[1, 2, 3, 4, 5, 6].map((seed) => document(new Random(seed), 100_000)),
    ];
    let asBytes = 0;
    let asString = 0;
    const bytes = new ScanState();
    const strings = new StringsOnly();
    for (const text of texts) {
      for (let pos = 0; pos < text.length; ) {
        const extent = blockAt(text, pos);
        if (bytes.asciiBytes(text, pos, extent.end) !== null) asBytes++;
        else asString++;
        assert.deepEqual(fields(analyzeBlock(text, pos, extent, matcher, bytes)), fields(analyzeBlock(text, pos, extent, matcher, strings)), JSON.stringify(text.slice(pos, extent.end)));
        pos = extent.end;
      }
    }
    assert.ok(asBytes > 1000 && asString > 1000, `both readings are tested (${asBytes} blocks as bytes, ${asString} as strings)`);
  });
});
