// The image of the built-in lexicons' matcher beside the CLI's bundle (src/cli/matcherImageFile.ts): the build's bytes
// are those a fresh build makes, a file that is not the build's is written again, and a file that cannot be written
// again is named in a message while the run goes on with the bundled tables.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { builtinLexicons } from '../../src/core';
import { builtinCompiled, builtinMatcherImageBytes, builtinMatcherSource } from '../../src/core/builtinCompiled';
import { Matcher } from '../../src/core/matcher';
import { decodeMatcherImage, encodeMatcherImage } from '../../src/core/matcherImage';
import { crc32Hex } from '../../src/cli/crc32';
import { loadMatcherImage, MATCHER_IMAGE_FILE } from '../../src/cli/matcherImageFile';
import { scratchFolders } from './helpers/scratchFolders';

const folder = scratchFolders('policy-lens-matcher-image-');

/** The image a fresh build of the built-in lexicons' matcher makes, loaded as the CLI loads the bundled tables. */
function freshImage(): Uint8Array {
  const lexicons = builtinLexicons();
  return encodeMatcherImage(new Matcher(lexicons, JSON.parse(JSON.stringify(new Matcher(lexicons).tables())) as ReturnType<Matcher['tables']>).image());
}

/** loadMatcherImage on a folder holding `bytes` (none for null), with what it said. */
function load(bytes: Uint8Array | null, prepare: (dir: string) => void = () => undefined): { use: string; said: string[]; file: Buffer | null } {
  const dir = folder();
  const file = path.join(dir, MATCHER_IMAGE_FILE);
  if (bytes !== null) fs.writeFileSync(file, bytes);
  prepare(dir);
  const said: string[] = [];
  const use = loadMatcherImage(dir, (line) => said.push(line));
  return { use, said, file: fs.existsSync(file) ? fs.readFileSync(file) : null };
}

describe('the matcher image file', () => {
  const expected = builtinCompiled().imageCrc32;

  it('is of the bytes a fresh build of the built-in lexicons\' matcher makes', () => {
    assert.ok(expected !== null, 'the bundle was built without the image');
    assert.equal(crc32Hex(freshImage()), expected);
  });

  it('is used when it is the build\'s, and the engine and a worker then load the matcher from it', () => {
    const { use, said } = load(freshImage());
    assert.equal(use, 'used');
    assert.deepEqual(said, []);
    const bytes = builtinMatcherImageBytes();
    assert.ok(bytes !== null);
    assert.equal(crc32Hex(bytes), expected);
    assert.ok(builtinMatcherSource(builtinLexicons()) !== null && 'built' in (builtinMatcherSource(builtinLexicons()) ?? {}));
    const [en] = builtinLexicons();
    assert.ok(!('built' in (builtinMatcherSource([en]) ?? {})), 'English alone is not the image');
  });

  it('is left absent when absent (code run unbundled)', () => {
    const { use, said, file } = load(null);
    assert.equal(use, 'absent');
    assert.deepEqual(said, []);
    assert.equal(file, null);
  });

  it('is written again when damaged, truncated or of another build', () => {
    const good = freshImage();
    const damaged = Uint8Array.from(good);
    damaged[damaged.length >> 1] ^= 1;
    const [en] = builtinLexicons();
    const stale = encodeMatcherImage(new Matcher([en]).image());
    for (const bytes of [damaged, good.subarray(0, good.length - 4), stale, new Uint8Array(0)]) {
      const { use, said, file } = load(bytes);
      assert.equal(use, 'rewritten');
      assert.deepEqual(said, []);
      assert.ok(file !== null && file.equals(good));
    }
  });

  it('says so when it cannot be written again, and the run goes on with the same matcher', () => {
    // A folder where the new file would be written first makes the write fail, whoever runs the test.
    const { use, said } = load(Uint8Array.of(1, 2, 3), (dir) => fs.mkdirSync(path.join(dir, `${MATCHER_IMAGE_FILE}.${process.pid}`)));
    assert.equal(use, 'unwritable');
    assert.equal(said.length, 1);
    assert.match(said[0], /builtinMatcher\.bin was damaged or of another build and could not be written again \(.+\)/);
    const bytes = builtinMatcherImageBytes();
    assert.ok(bytes !== null && crc32Hex(bytes) === expected);
  });

  it('refuses bytes that are not an image, and reads one at any byte offset', () => {
    const good = freshImage();
    assert.equal(decodeMatcherImage(new Uint8Array(0)), null);
    assert.equal(decodeMatcherImage(good.subarray(0, 40)), null);
    assert.equal(decodeMatcherImage(good.subarray(0, good.length - 1)), null);
    const swapped = Uint8Array.from(good);
    swapped.subarray(0, 4).reverse();
    assert.equal(decodeMatcherImage(swapped), null, 'the other byte order');
    const shifted = new Uint8Array(good.length + 1);
    shifted.set(good, 1);
    const image = decodeMatcherImage(shifted.subarray(1));
    assert.ok(image !== null);
    const lexicons = builtinLexicons();
    assert.deepEqual(new Matcher(lexicons, image).tables(), new Matcher(lexicons).tables());
  });
});
