// The image of the built-in lexicons' matcher (src/core/matcherImage.ts) that esbuild.js writes beside the CLI's
// bundle, so that a run loads the matcher as views over the file's bytes instead of building its tables. The bundle
// holds the image's CRC-32: a file whose bytes are not the build's (damaged, or left from another build) is not used,
// and is written again from the tables the bundle holds. A file that is absent (code run unbundled, as the unit tests
// do) is left so: the engine then loads the bundled tables as before.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { builtinLexicons } from '../core';
import { builtinCompiled, builtinMatcherTables, useBuiltinMatcherImage } from '../core/builtinCompiled';
import { Matcher } from '../core/matcher';
import { encodeMatcherImage } from '../core/matcherImage';
import { crc32Hex } from './crc32';
import { DEBUG_VARIABLE } from './codeCache';

/** The file's name, in the folder of the bundle. */
export const MATCHER_IMAGE_FILE = 'builtinMatcher.bin';

/** What became of the file: used; absent or not checkable (nothing done); or not the build's, then written again, or not. */
export type ImageFileUse = 'used' | 'absent' | 'unchecked' | 'rewritten' | 'unwritable';

/**
 * Has the engine load the built-in lexicons' matcher from the image in `folder` when it is the build's; otherwise
 * writes it again there, and when that fails calls `say` with why (the run goes on with the bundled tables).
 */
export function loadMatcherImage(folder: string, say: (line: string) => void): ImageFileUse {
  const use = loadOrRewrite(folder, say);
  if (process.env[DEBUG_VARIABLE] === 'matcher-image') process.stderr.write(`policy-lens: matcher image ${use}\n`);
  return use;
}

function loadOrRewrite(folder: string, say: (line: string) => void): ImageFileUse {
  const expected = builtinCompiled().imageCrc32;
  if (expected === null || crc32Hex(new Uint8Array(0)) === null) return 'unchecked';
  const file = path.join(folder, MATCHER_IMAGE_FILE);
  let bytes: Uint8Array;
  try {
    bytes = fs.readFileSync(file);
  } catch {
    return 'absent';
  }
  if (crc32Hex(bytes) === expected && useBuiltinMatcherImage(bytes)) return 'used';
  const lexicons = builtinLexicons();
  const fresh = encodeMatcherImage(new Matcher(lexicons, builtinMatcherTables(lexicons)).image());
  if (crc32Hex(fresh) !== expected) {
    say(`${file} does not match this build, and the tables in the bundle do not make it again; reinstall policy-lens (the run goes on, building the engine's tables each time)`);
    return 'unwritable';
  }
  useBuiltinMatcherImage(fresh);
  const partial = `${file}.${process.pid}`;
  try {
    fs.writeFileSync(partial, fresh);
    fs.renameSync(partial, file);
    return 'rewritten';
  } catch (err: unknown) {
    removeQuietly(partial);
    say(`${file} was damaged or of another build and could not be written again (${err instanceof Error ? err.message : String(err)}); each run builds the engine's tables until it can be`);
    return 'unwritable';
  }
}

/** Removes a file half written, if there is one; whatever stands in its way was not written by this run. */
function removeQuietly(file: string): void {
  try {
    fs.unlinkSync(file);
  } catch {
    // Nothing was written there, or it is not ours to remove.
  }
}
