// Worker thread entry (dist/cliWorker.js): builds its own engine once, then analyses the files it is sent.
import { parentPort, workerData } from 'node:worker_threads';
import { Engine } from '../core';
import { analyzeFile, joinedOutput } from './analyze';
import type { WorkerJob, WorkerResult, WorkerSetup } from './pool';

const setup = workerData as WorkerSetup;
const engine = new Engine(setup.lexicons);
const port = parentPort;

port?.on('message', (job: WorkerJob) => {
  const result = analyzeFile(engine, job, setup.language, setup.format, setup.review);
  if (result.kind !== 'document') {
    port.postMessage(result);
    return;
  }
  const output = joinedOutput(result.output);
  const reply: WorkerResult = { kind: 'document', figures: result.figures, output: [output] };
  // Bytes are handed over, not copied: joinedOutput made them for this reply alone.
  port.postMessage(reply, typeof output === 'string' ? [] : [output.buffer]);
});
