// A fixed set of worker threads, each with its own engine, analysing files handed out one at a time.
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

export class WorkerPool {
  private readonly idle: Worker[] = [];
  private readonly running = new Map<Worker, Pending>();
  private readonly queue: Pending[] = [];
  private readonly workers: Worker[];
  private failure: Error | null = null;

  constructor(size: number, script: string, setup: WorkerSetup) {
    this.workers = Array.from({ length: size }, () => this.start(script, setup));
    this.idle.push(...this.workers);
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
      const pending = this.running.get(worker);
      this.running.delete(worker);
      this.idle.push(worker);
      pending?.resolve(result);
      this.dispatch();
    });
    worker.on('error', (err: Error) => this.fail(err));
    worker.on('exit', (code: number) => {
      if (code !== 0 || this.running.has(worker)) this.fail(new Error(`a worker thread stopped (exit code ${code})`));
    });
    return worker;
  }

  private dispatch(): void {
    while (this.idle.length > 0 && this.queue.length > 0) {
      const worker = this.idle.pop() as Worker;
      const pending = this.queue.shift() as Pending;
      this.running.set(worker, pending);
      worker.postMessage(pending.job);
    }
  }

  private fail(err: Error): void {
    if (this.failure) return;
    this.failure = err;
    for (const pending of [...this.running.values(), ...this.queue]) pending.reject(err);
    this.running.clear();
    this.queue.length = 0;
  }
}
