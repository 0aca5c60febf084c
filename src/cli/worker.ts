// Worker thread entry (dist/cliWorker.js): builds its own engine once, then analyses the files it is sent.
import { holdYoungGeneration } from './youngGeneration';
import * as fs from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { Engine } from '../core';
import { analyzeFile } from './analyze';
import { HeldOutput } from './heldOutput';
import { partsFailed, takeParts } from './bigText';
import { emptyTotals } from '../core/tally';
import type { PartsJob, PartsResult, WorkerData, WorkerJob, WorkerResult } from './pool';
import { lexiconsFromMain } from './workerLexicons';
import { useBuiltinMatcherImage } from '../core/builtinCompiled';

// Setting up this thread's heap undid the young-generation setting, the main thread's included (see youngGeneration.ts).
holdYoungGeneration();
const setup = workerData as WorkerData;
if (setup.matcherImage !== null) useBuiltinMatcherImage(setup.matcherImage);
const engine = new Engine(lexiconsFromMain(setup.lexicons));
const port = parentPort;
/** Its buffers are shared with the main thread (see HeldOutput). */
const held = new HeldOutput(true);
/** How many of this worker's jobs were claimed, shared with the main thread, which may take the next one back. */
const claimed = new Int32Array(setup.claimed);

port?.on('message', (job: WorkerJob | PartsJob) => {
  if ('kind' in job) {
    port.postMessage(countParts(job));
    return;
  }
  for (const buffer of job.spare ?? []) held.release(new Uint8Array(buffer));
  // Taken back by the main thread while it waited here (WorkerPool.takeBack): not analysed, not answered.
  const seq = job.seq ?? 0;
  if (Atomics.compareExchange(claimed, 0, seq, seq + 1) !== seq) return;
  const result = analyzeFile(engine, job, setup.language, setup.format, setup.review);
  if (result.kind !== 'document') {
    port.postMessage(result);
    return;
  }
  // Its buffer is shared, not copied, and comes back with a later job once written.
  const reply: WorkerResult = { kind: 'document', figures: result.figures, output: [held.hold(result.output)] };
  port.postMessage(reply);
});

function countParts(job: PartsJob): PartsResult {
  const totals = emptyTotals();
  let fd: number;
  try {
    fd = fs.openSync(job.raw ? Buffer.from(job.raw) : job.path, 'r');
  } catch {
    partsFailed(new Int32Array(job.shared));
    return { kind: 'parts', totals: null };
  }
  try {
    return { kind: 'parts', totals: takeParts(engine, fd, job.ranges, new Int32Array(job.shared), job.thread, setup.language, job.subject, totals) ? totals : null };
  } finally {
    fs.closeSync(fd);
  }
}
