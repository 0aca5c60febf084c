// The CLI's code cache: dist/cli.js runs dist/cliMain.js with the cache esbuild.js made for that very build, and a
// cache of another build, or one V8 refuses, changes nothing but the time the start takes.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { BUILD_TAG_PREFIX, buildTagOf, cachedDataOf, cacheFileBytes } from '../../src/cli/codeCache';

const ROOT = path.resolve(__dirname, '../../..');
const DIST = path.join(ROOT, 'dist');
const SAMPLE = path.join(ROOT, 'media/samples/social-credit-outline.policy.txt');
const TAG = '0123456789abcdef0123456789abcdef';
/** Writes to standard output the cached data of another script, made under other flags than the CLI's. */
const OTHER_SCRIPT_CACHE = "const vm = require('node:vm'); const s = new vm.Script('1'); s.runInThisContext(); process.stdout.write(s.createCachedData());";

function run(dist: string, args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [path.join(dist, 'cli.js'), ...args], { encoding: 'utf8', env: { ...process.env, POLICY_LENS_DEBUG: 'code-cache' } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A copy of dist/ whose cache file is replaced by `cache` (or removed, for null). */
function distWithCache(cache: Buffer | null): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-lens-code-cache-'));
  for (const name of ['cli.js', 'cliMain.js', 'cliWorker.js']) fs.copyFileSync(path.join(DIST, name), path.join(dir, name));
  if (cache !== null) fs.writeFileSync(path.join(dir, 'cliMain.cache'), cache);
  return dir;
}

describe('the CLI code cache', () => {
  describe('build tags and cache files', () => {
    it('reads the build tag from the last line of a bundle, and none from a bundle without one', () => {
      assert.equal(buildTagOf(`code();\n//# sourceMappingURL=x.map\n\n${BUILD_TAG_PREFIX}${TAG}\n`), TAG);
      assert.equal(buildTagOf('code();\n//# sourceMappingURL=x.map\n'), null);
      assert.equal(buildTagOf(`code();\n${BUILD_TAG_PREFIX}not-a-tag\n`), null);
    });

    it('gives the cached data back only to the build whose tag the file names', () => {
      const data = Buffer.from([1, 2, 3, 4]);
      const file = cacheFileBytes(TAG, data);
      assert.ok(file);
      assert.deepEqual(cachedDataOf(file, TAG), data);
      assert.equal(cachedDataOf(file, TAG.replace('0', '1')), undefined);
      assert.equal(cachedDataOf(file.subarray(0, 10), TAG), undefined);
      assert.equal(cachedDataOf(file.subarray(0, file.length - 1), TAG), undefined);
      const damaged = Buffer.from(file);
      damaged[damaged.length - 1] ^= 1;
      assert.equal(cachedDataOf(damaged, TAG), undefined);
      assert.equal(cachedDataOf(Buffer.alloc(0), TAG), undefined);
    });
  });

  describe('dist/cli.js', function () {
    this.timeout(60_000);

    it('compiles the bundle from the cache the build made for it', () => {
      const r = run(DIST, ['--format', 'text', SAMPLE]);
      assert.equal(r.status, 0, r.stderr);
      assert.match(r.stderr, /code cache used/);
    });

    it('prints the same report without the cache, with another build\'s cache, a damaged one and one V8 refuses', () => {
      const tag = buildTagOf(fs.readFileSync(path.join(DIST, 'cliMain.js'), 'utf8'));
      assert.ok(tag);
      const file = fs.readFileSync(path.join(DIST, 'cliMain.cache'));
      const data = cachedDataOf(file, tag);
      assert.ok(data);
      const damaged = Buffer.from(file);
      damaged[damaged.length >> 1] ^= 0x5a;
      // V8 refuses cached data made for other source, by another version or under other flags.
      const other = spawnSync(process.execPath, ['--max-lazy', '-e', OTHER_SCRIPT_CACHE], { encoding: 'buffer' });
      assert.equal(other.status, 0, other.stderr.toString());
      const foreign = cacheFileBytes(TAG, data);
      const refused = cacheFileBytes(tag, other.stdout);
      assert.ok(foreign && refused);
      const expected = run(DIST, [SAMPLE]);
      assert.equal(expected.status, 0, expected.stderr);
      const cases: Array<[string, Buffer | null]> = [
        ['absent', null],
        ['absent', foreign],
        ['absent', damaged],
        ['rejected', refused],
      ];
      for (const [use, cache] of cases) {
        const dir = distWithCache(cache);
        try {
          const r = run(dir, [SAMPLE]);
          assert.equal(r.status, 0, r.stderr);
          assert.match(r.stderr, new RegExp(`code cache ${use}`));
          assert.equal(r.stdout, expected.stdout);
        } finally {
          fs.rmSync(dir, { recursive: true, force: true });
        }
      }
    });
  });
});
