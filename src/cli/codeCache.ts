// Runs a CommonJS bundle compiled with the V8 code cache made for it at build time (esbuild.js), so that a run skips
// most of the bundle's compilation. A cache belongs to one build: esbuild.js ends each bundle with a build tag and the
// cache file starts with the same tag, so a cache left from another build is never used. V8 itself rejects a cache
// made by another V8 version or under other V8 flags, and then compiles the source as usual; but it trusts the
// bytecode it reads, so the file also carries the data's CRC-32 (as Node's own compile cache does), and a damaged cache
// is not used.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vm from 'node:vm';
import { crc32Hex } from './crc32';

/** The line esbuild.js appends to a bundle: this prefix, then the build's tag. */
export const BUILD_TAG_PREFIX = '//# policyLensBuild=';
/** Set to a file name, the run writes its bundle's code cache there on exit (esbuild.js does, after building). */
export const CACHE_OUT_VARIABLE = 'POLICY_LENS_CODE_CACHE_OUT';
/** Set to `code-cache`, the run says on standard error whether the code cache was used. */
export const DEBUG_VARIABLE = 'POLICY_LENS_DEBUG';

const HEAD = 'policy-lens code cache ';
const WRAPPER_HEAD = '(function (exports, require, module, __filename, __dirname) {';
const WRAPPER_TAIL = '\n})';

/** How a run compiled its bundle. */
export type CacheUse = 'used' | 'rejected' | 'absent';

/** The build tag at the end of a bundle's source, or null when it has none. */
export function buildTagOf(source: string): string | null {
  const at = source.lastIndexOf(`\n${BUILD_TAG_PREFIX}`);
  if (at === -1) return null;
  const start = at + 1 + BUILD_TAG_PREFIX.length;
  const end = source.indexOf('\n', start);
  const tag = source.slice(start, end === -1 ? source.length : end).trim();
  return /^[0-9a-f]{16,64}$/.test(tag) ? tag : null;
}

/** The cache file's contents: a header line naming the build and the data's checksum, then V8's cached data. */
export function cacheFileBytes(tag: string, data: Uint8Array): Buffer | null {
  const sum = crc32Hex(data);
  return sum === null ? null : Buffer.concat([Buffer.from(`${HEAD}${tag} ${sum}\n`, 'latin1'), data]);
}

/** V8's cached data from a cache file's contents, or undefined when the file is of another build, damaged or malformed. */
export function cachedDataOf(bytes: Buffer, tag: string): Buffer | undefined {
  const head = Buffer.from(`${HEAD}${tag} `, 'latin1');
  const lineEnd = head.length + CHECKSUM_DIGITS;
  if (bytes.length <= lineEnd + 1 || !bytes.subarray(0, head.length).equals(head) || bytes[lineEnd] !== 10) return undefined;
  const data = bytes.subarray(lineEnd + 1);
  return bytes.toString('latin1', head.length, lineEnd) === crc32Hex(data) ? data : undefined;
}

const CHECKSUM_DIGITS = 8;


/**
 * Compiles and runs the bundle at `file` as a CommonJS module whose `require` is `load` (the launcher's own, which
 * resolves from the same folder), with the cache at `cacheFile` when it is of the same build.
 */
export function runBundle(file: string, cacheFile: string, load: NodeJS.Require): CacheUse {
  const source = fs.readFileSync(file, 'utf8');
  const tag = buildTagOf(source);
  const cachedData = tag === null ? undefined : readCache(cacheFile, tag);
  const script = new vm.Script(`${WRAPPER_HEAD}${source}${WRAPPER_TAIL}`, { filename: file, cachedData });
  const use: CacheUse = cachedData === undefined ? 'absent' : script.cachedDataRejected === true ? 'rejected' : 'used';
  if (process.env[DEBUG_VARIABLE] === 'code-cache') process.stderr.write(`policy-lens: code cache ${use}\n`);
  const out = process.env[CACHE_OUT_VARIABLE];
  // After the run, so that the cache holds the functions the run compiled, not only the bundle's top level.
  if (out && tag !== null) {
    process.once('exit', () => {
      const bytes = cacheFileBytes(tag, script.createCachedData());
      if (bytes !== null) fs.writeFileSync(out, bytes);
    });
  }
  const run = script.runInThisContext() as (exports: object, require: NodeJS.Require, module: object, filename: string, dirname: string) => void;
  const module = { exports: {} };
  run.call(module.exports, module.exports, load, module, file, path.dirname(file));
  return use;
}

function readCache(cacheFile: string, tag: string): Buffer | undefined {
  try {
    return cachedDataOf(fs.readFileSync(cacheFile), tag);
  } catch {
    return undefined;
  }
}
