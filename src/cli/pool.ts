// A fixed set of worker threads, each with its own engine, analysing the files handed out to them in turn.
import { Worker } from 'node:worker_threads';
import type { LexiconSource, LanguageSetting } from '../core/types';
import type { DocumentFigures } from './analyse';
import { holdYoungGeneration } from './heapSettings';
import type { OutputFormat } from './args';
import type { Problem } from './inputs';

export interface WorkerSetup {
  lexicons: LexiconSource[];
  language: LanguageSetting;
  format: OutputFormat;
}

export interface WorkerJob {
  path: string;
  source: string;
}

/** A document as it crosses the thread boundary: its output already joined into one string. */
export interface WorkerDocument {
  kind: 'document';
  figures: DocumentFigures;
  output: string[];
}

export type WorkerResult = WorkerDocument | Problem;

interface Pending {
  job: WorkerJob;
  resolve: (result: WorkerResult) => void;
  reject: (err: Error) => void;
}

/**
 * Jobs posted to a worker before it answers the first: its next file is waiting in its own queue when it finishes
 * one, rather than until the main thread, busy with its own share and the writing, hands one over.
 */
const JOBS_AHEAD = 2;

export class WorkerPool {
  /** Per worker, the jobs posted to it and not answered yet, oldest first: a worker answers in order. */
  private readonly running = new Map<Worker, Pending[]>();
  private readonly queue: Pending[] = [];
  private readonly workers: Worker[];
  private failure: Error | null = null;

  constructor(size: number, script: string, setup: WorkerSetup) {
    this.workers = Array.from({ length: size }, () => this.start(script, setup));
    for (const worker of this.workers) this.running.set(worker, []);
  }

  analyse(job: WorkerJob): Promise<WorkerResult> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.queue.push({ job, resolve, reject });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }

  private start(script: string, setup: WorkerSetup): Worker {
    // Workers get small files only, so a small young generation costs them no time and saves each about 10 MB.
    const worker = new Worker(script, { workerData: setup, resourceLimits: { maxYoungGenerationSizeMb: 2 } });
    // Setting up the worker's heap undid the main thread's young-generation setting (see heapSettings).
    worker.once('online', holdYoungGeneration);
    worker.on('message', (result: WorkerResult) => {
      this.running.get(worker)?.shift()?.resolve(result);
      this.dispatch();
    });
    worker.on('error', (err: Error) => this.fail(err));
    worker.on('exit', (code: number) => {
      if (code !== 0 || (this.running.get(worker)?.length ?? 0) > 0) this.fail(new Error(`a worker thread stopped (exit code ${code})`));
    });
    return worker;
  }

  /** Posts queued jobs to the least busy workers, up to JOBS_AHEAD each. */
  private dispatch(): void {
    while (this.queue.length > 0) {
      let worker: Worker | undefined;
      for (const candidate of this.workers) {
        const posted = this.running.get(candidate)?.length ?? JOBS_AHEAD;
        if (posted < JOBS_AHEAD && (worker === undefined || posted < (this.running.get(worker)?.length ?? JOBS_AHEAD))) worker = candidate;
      }
      if (worker === undefined) return;
      const pending = this.queue.shift() as Pending;
      this.running.get(worker)?.push(pending);
      worker.postMessage(pending.job);
    }
  }

  private fail(err: Error): void {
    if (this.failure) return;
    this.failure = err;
    for (const pending of [...[...this.running.values()].flat(), ...this.queue]) pending.reject(err);
    for (const posted of this.running.values()) posted.length = 0;
    this.queue.length = 0;
  }
}
