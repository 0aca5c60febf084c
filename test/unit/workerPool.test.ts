// The CLI's worker pool: a job its worker has not begun can be taken back by the main thread, exactly once.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { builtinLexicons } from '../../src/core';
import { PoolTask, WorkerPool, WorkerResult } from '../../src/cli/pool';

const ROOT = path.resolve(__dirname, '../../..');
const WORKER = path.join(ROOT, 'dist/cliWorker.js');

/** The text row the worker answered with, or what it answered instead. */
function row(result: WorkerResult): string {
  return result.kind === 'document' ? String(result.output[0]) : result.kind;
}

describe('CLI worker pool', function () {
  this.timeout(60000);
  let dir: string;
  let files: string[];

  before(() => {
    if (!fs.existsSync(WORKER)) {
      const build = spawnSync(process.execPath, ['esbuild.js', '--only=cli,cli-worker'], { cwd: ROOT, encoding: 'utf8' });
      assert.equal(build.status, 0, build.stderr);
    }
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-lens-pool-'));
    files = ['a', 'b', 'c', 'd'].map((name) => {
      const file = path.join(dir, `${name}.txt`);
      fs.writeFileSync(file, `Document ${name}. Residents must register with the authority and may take part in the consultation.\n`);
      return file;
    });
  });

  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('takes back only a worker\'s next job not begun; the worker answers the others, in order', async () => {
    const pool = new WorkerPool(1, WORKER, { lexicons: builtinLexicons(), review: null, language: 'en', format: 'text' });
    try {
      const job = (file: string): PoolTask => pool.analyse({ path: file, source: path.basename(file), size: fs.statSync(file).size });
      // Posted while the worker is still starting, so it has begun none of them.
      const tasks = files.slice(0, 3).map(job);
      assert.equal(pool.takeBack(tasks[2]), false, 'not the next job of its worker');
      assert.equal(pool.takeBack(tasks[0]), true);
      assert.equal(pool.takeBack(tasks[0]), false, 'taken once');
      assert.equal(pool.takeNext(), tasks[1]);
      const third = await tasks[2].result;
      assert.match(row(third), /c\.txt/);
      assert.equal(pool.takeBack(tasks[2]), false, 'answered');
      // The answers still match their jobs after the two taken back.
      assert.match(row(await job(files[3]).result), /d\.txt/);
      const settled = await Promise.race([tasks[0].result.then(() => true), new Promise((resolve) => setTimeout(resolve, 50, false))]);
      assert.equal(settled, false, 'a job taken back is never answered');
    } finally {
      await pool.close();
    }
  });
});
