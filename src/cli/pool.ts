// A fixed set of worker threads, each with its own engine, analysing the files handed out to them in turn.
import type { Worker } from 'node:worker_threads';
import type { TotalsPart } from '../core/tally';
import type { DocumentSubject } from '../core/listContext';
import type { LexiconSource, LanguageSetting } from '../core/types';
import type { DocumentFigures } from './textTable';
import type { CliReview } from './annotations';
import { withWorkers } from './heapSettings';
import { holdYoungGeneration } from './youngGeneration';
import type { OutputFormat } from './args';
import type { Problem } from './inputs';
import { lexiconsForWorker, WorkerLexicons } from './workerLexicons';
import { builtinMatcherImageBytes } from '../core/builtinCompiled';

export interface WorkerSetup {
  lexicons: LexiconSource[];
  review: CliReview | null;
  language: LanguageSetting;
  format: OutputFormat;
}

/** What a worker is started with: its lexicons as src/cli/workerLexicons.ts sends them. */
export interface WorkerData extends Omit<WorkerSetup, 'lexicons'> {
  lexicons: WorkerLexicons;
  /** One Int32: how many of this worker's jobs have been claimed, by it or taken back by the main thread (see WorkerPool.takeBack). */
  claimed: SharedArrayBuffer;
  /** The image of the built-in lexicons' matcher that the main thread loaded (see matcherImageFile.ts), or null. */
  matcherImage: Uint8Array | null;
}

export interface WorkerJob {
  path: string;
  source: string;
  /** The path's bytes when it is not valid UTF-8 (see FileInput). */
  raw?: Uint8Array;
  /** Its size when listed (see readTextFile). */
  size: number;
  /** Buffers of earlier answers, written, for the worker to hold its next answers in (see HeldOutput). */
  spare?: SharedArrayBuffer[];
  /** Its place among the jobs posted to its worker, from 0: the worker claims it only if the count claimed is this. */
  seq?: number;
}

/** A big file's parts to take in turn with the other threads (src/cli/bigText.ts); `thread` is this worker's place. */
export interface PartsJob {
  kind: 'parts';
  path: string;
  raw?: Uint8Array;
  ranges: number[];
  shared: SharedArrayBuffer;
  /** The document's subject, from its title (see firstPartSubject). */
  subject: DocumentSubject | null;
  thread: number;
}

/** The sums of the parts a worker took, or null when one was not text. */
export interface PartsResult {
  kind: 'parts';
  totals: TotalsPart | null;
}

/** A document as it crosses the thread boundary: its output already joined into one piece (bytes for the JSON formats). */
export interface WorkerDocument {
  kind: 'document';
  figures: DocumentFigures;
  output: Array<string | Uint8Array>;
}

export type WorkerResult = WorkerDocument | Problem | PartsResult;

interface Pending {
  job: WorkerJob | PartsJob;
  resolve: (result: WorkerResult) => void;
  reject: (err: Error) => void;
  /** The worker it was posted to, once posted. */
  thread?: Thread;
  /** What the caller holds of it (a small file's job). */
  task?: PoolTask;
}

/** A small file given to the pool: its answer to come, unless the main thread takes it back (see WorkerPool.takeBack). */
export interface PoolTask {
  readonly result: Promise<WorkerResult>;
  readonly pending: Pending;
}

/**
 * Jobs posted to a worker before it answers the first: its next files are waiting in its own queue when it finishes
 * one, so it does not sit idle while the main thread, busy with a file of its own or the writing, cannot hand one over;
 * and a worker that is never idle is not woken for each post (each wake-up cost the posting thread ~0.2 ms on a busy
 * machine). Bounded in bytes, too, so that a few bigger files do not all wait in one queue.
 */
const JOBS_AHEAD = 8;
const BYTES_AHEAD = 128 * 1024;

/** A worker and the jobs posted to it and not answered yet, oldest first: a worker answers in order. */
interface Thread {
  readonly worker: Worker;
  readonly posted: Pending[];
  /** The listed sizes of the files posted and not answered. */
  postedBytes: number;
  /** Shared with the worker: how many of its jobs were claimed, in the order posted. */
  readonly claimed: Int32Array;
  /** Jobs posted to it so far. */
  posts: number;
}

export class WorkerPool {
  private readonly queue: Pending[] = [];
  private readonly threads: Thread[];
  private failure: Error | null = null;
  private readonly returned: SharedArrayBuffer[] = [];
  private started = 0;

  constructor(size: number, script: string, setup: WorkerSetup) {
    this.threads = Array.from({ length: size }, () => this.start(script, setup));
  }

  analyse(job: WorkerJob): PoolTask {
    let pending: Pending | undefined;
    const result = new Promise<WorkerResult>((resolve, reject) => {
      pending = { job, resolve, reject };
      if (this.failure) return reject(this.failure);
      this.queue.push(pending);
    });
    const task: PoolTask = { result, pending: pending as Pending };
    task.pending.task = task;
    this.dispatch();
    return task;
  }

  /**
   * The task back for the main thread to analyse, when it is the next job of its worker not yet begun: a worker that
   * is still starting, or slower on its first files, then does not keep the main thread waiting on a file it has not
   * begun. False once the worker has claimed it; its answer then comes as usual.
   */
  takeBack(task: PoolTask): boolean {
    const { pending } = task;
    const queued = this.queue.indexOf(pending);
    if (queued >= 0) {
      this.queue.splice(queued, 1);
      return true;
    }
    const thread = pending.thread;
    const seq = (pending.job as WorkerJob).seq;
    const at = thread === undefined ? -1 : thread.posted.indexOf(pending);
    if (thread === undefined || seq === undefined || at < 0) return false;
    // The worker claims a job the same way (src/cli/worker.ts), so exactly one of the two threads gets it.
    if (Atomics.compareExchange(thread.claimed, 0, seq, seq + 1) !== seq) return false;
    thread.posted.splice(at, 1);
    thread.postedBytes -= jobBytes(pending.job);
    this.dispatch();
    return true;
  }

  /** The next job not yet begun of a worker that has one waiting behind the one it is on, taken back (see takeBack). */
  takeNext(): PoolTask | null {
    for (const thread of this.threads) {
      const next = Atomics.load(thread.claimed, 0);
      const pending = thread.posted.find((p) => (p.job as WorkerJob).seq === next);
      if (pending?.task && this.takeBack(pending.task)) return pending.task;
    }
    return null;
  }

  /** An answer's buffer, written: handed back to a worker with its next job. */
  giveBack(buffer: SharedArrayBuffer): void {
    if (this.returned.length < 16 && !this.returned.includes(buffer)) this.returned.push(buffer);
  }

  /** True once every worker runs, its heap set up. */
  get online(): boolean {
    return this.started === this.threads.length;
  }

  /**
   * Before this thread analyses a file while a worker may still be starting: setting up the worker's heap, at a moment
   * this thread cannot see, undoes the young-generation setting (see youngGeneration.ts), so it is set again each time.
   */
  holdWhileStarting(): void {
    if (!this.online) holdYoungGeneration();
  }

  get size(): number {
    return this.threads.length;
  }

  /** True when every worker has as much posted ahead as it takes: a file given now would only wait in a queue. */
  get saturated(): boolean {
    return this.queue.length > 0 || this.threads.every((t) => !this.hasRoom(t));
  }

  /**
   * Gives every worker the parts of a big file to take in turn (see bigText.ts): one answer per worker, in the order
   * of the workers, each the sums of the parts it took. Posted at once, past any queue: a worker takes parts as soon
   * as it is free.
   */
  countParts(job: Omit<PartsJob, 'kind' | 'thread'>): Array<Promise<TotalsPart | null>> {
    return this.threads.map((thread, t) => {
      const answer = new Promise<WorkerResult>((resolve, reject) => {
        if (this.failure) return reject(this.failure);
        const pending: Pending = { job: { kind: 'parts', ...job, thread: t + 1 }, resolve, reject };
        thread.posted.push(pending);
        thread.worker.postMessage(pending.job);
      });
      const totals = answer.then((r) => (r.kind === 'parts' ? r.totals : null));
      totals.catch(() => undefined); // Awaited only when the worker took a part; this keeps a later failure from counting as unhandled.
      return totals;
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.threads.map((t) => t.worker.terminate()));
  }

  private start(script: string, setup: WorkerSetup): Thread {
    // Workers get small files only, so a small young generation costs them no time and saves each about 10 MB.
    // Required here, not at the top: loading node:worker_threads cost every start a few milliseconds, and most runs start no worker.
    const threads = require('node:worker_threads') as typeof import('node:worker_threads');
    const claimed = new SharedArrayBuffer(4);
    const workerData: WorkerData = { ...setup, lexicons: lexiconsForWorker(setup.lexicons), claimed, matcherImage: builtinMatcherImageBytes() };
    withWorkers();
    const worker = new threads.Worker(script, { workerData, resourceLimits: { maxYoungGenerationSizeMb: 2 } });
    const thread: Thread = { worker, posted: [], postedBytes: 0, claimed: new Int32Array(claimed), posts: 0 };
    worker.once('online', () => this.started++);
    worker.on('message', (result: WorkerResult) => {
      const answered = thread.posted.shift();
      if (answered) {
        thread.postedBytes -= jobBytes(answered.job);
        answered.resolve(result);
      }
      this.dispatch();
    });
    worker.on('error', (err: Error) => this.fail(err));
    worker.on('exit', (code: number) => {
      if (code !== 0 || thread.posted.length > 0) this.fail(new Error(`a worker thread stopped (exit code ${code})`));
    });
    return thread;
  }

  /** Posts queued jobs to the least busy workers that have room (see JOBS_AHEAD). */
  private dispatch(): void {
    while (this.queue.length > 0) {
      const thread = this.threads.filter((t) => this.hasRoom(t)).reduce<Thread | undefined>((best, t) => (best === undefined || t.postedBytes < best.postedBytes ? t : best), undefined);
      if (thread === undefined) return;
      const pending = this.queue.shift() as Pending;
      thread.posted.push(pending);
      thread.postedBytes += jobBytes(pending.job);
      pending.thread = thread;
      const job = pending.job as WorkerJob;
      job.seq = thread.posts++;
      if (this.returned.length > 0) job.spare = this.returned.splice(0);
      thread.worker.postMessage(job);
    }
  }

  private hasRoom(thread: Thread): boolean {
    return thread.posted.length === 0 || (thread.posted.length < JOBS_AHEAD && thread.postedBytes < BYTES_AHEAD);
  }

  private fail(err: Error): void {
    if (this.failure) return;
    this.failure = err;
    for (const pending of [...this.threads.flatMap((t) => t.posted.splice(0)), ...this.queue]) pending.reject(err);
    this.queue.length = 0;
  }
}

/** What a job counts against a worker's room: a file's listed size; a big file's parts are taken apart from it. */
function jobBytes(job: WorkerJob | PartsJob): number {
  return 'kind' in job ? 0 : job.size;
}
