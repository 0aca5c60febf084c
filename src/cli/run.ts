// Inputs → documents in input order. When there are many small files, worker threads analyse them and the main
// thread, between writing, takes those that reach their turn while no worker has room or its worker has not begun it,
// and while it waits on a worker, files a worker has not begun or small files further on; big files and standard
// input are analysed in the main thread when their turn comes, so their output streams without being held whole. Each thread holds a whole engine, so there is one thread per core in all,
// not one worker per core beside an idle main thread.
// At most a window of documents past the one being written are in flight, so memory does not grow with the corpus.
import * as fs from 'node:fs';
import { availableParallelism } from 'node:os';
import * as path from 'node:path';
import type { Engine } from '../core';
import type { LanguageSetting, LexiconSource } from '../core/types';
import { AnalyzedDocument, analyzeFile, analyzeText } from './analyze';
import { HeldOutput } from './heldOutput';
import { BIG_TEXT, countInParts, partThreads } from './bigText';
import { reportInParts } from './bigReport';
import type { CliReview } from './annotations';
import type { OutputFormat } from './args';
import { Input, Problem, problem, walkInputs } from './inputs';
import { PoolTask, WorkerPool, WorkerResult } from './pool';
import { readStdin } from './readText';
import { Shard, shardOf } from './shard';

/**
 * Files at least this big are analysed in the main thread, one at a time, their output streamed in chunks. A worker
 * hands back a document's output whole, and a 2 MB text's report is about 9 MB: several of those in flight were
 * most of the peak memory on a corpus of mixed sizes.
 */
const BIG_FILE = 256 * 1024;
/** How many inputs are looked at before deciding whether worker threads are worth starting. */
const LOOKAHEAD = 16;
/**
 * Inputs past the one being written that may be in flight: enough that the workers always have files posted ahead
 * (see WorkerPool.saturated), few enough that the reports waiting (a small file's is about six times its size) stay a
 * few megabytes.
 */
const WINDOW_FILES = 64;
const WINDOW_BYTES = 512 * 1024;
/**
 * Documents the main thread may have analysed ahead of their turn, each holding its output until then. Without them
 * the main thread sat idle for most of a run over small files, waiting on the one worker. Several times a worker's
 * files posted ahead (JOBS_AHEAD in pool.ts), so that the main thread takes the larger share when a worker is slower.
 */
const MAIN_AHEAD = 32;

export interface RunSettings {
  paths: Iterable<string | Buffer>;
  /** Only the inputs of this part of the corpus (--shard K/N), or all. */
  shard: Shard | null;
  engine: Engine;
  lexicons: LexiconSource[];
  language: LanguageSetting;
  format: OutputFormat;
  /** Explicit --jobs (threads analysing, the main thread included), or null to decide from the inputs and the cores. */
  jobs: number | null;
  /** The annotation store the documents are reviewed against, or null. */
  review: CliReview | null;
  /** Workers started before the engine was built (see earlyPool), used for this run and closed by its caller; or null. */
  pool?: WorkerPool | null;
}

export interface RunHandlers {
  document(doc: AnalyzedDocument): Promise<void>;
  problem(p: Problem): void;
}

/** A worker's answer to come; `settled` once it came. */
interface WorkerSlot {
  kind: 'worker';
  task: PoolTask;
  input: Extract<Input, { kind: 'file' }>;
  settled: boolean;
  size: number;
}

/**
 * An input in the window: not yet taken (the main thread analyses it in its turn), taken by a worker, or analysed by
 * the main thread ahead of its turn.
 */
type Slot = Problem | { kind: 'input'; input: Input } | WorkerSlot | { kind: 'ready'; outcome: AnalyzedDocument | Problem; size: number };

export async function analyzeAll(settings: RunSettings, handlers: RunHandlers): Promise<void> {
  const inputs = settings.shard ? inShard(walkInputs(settings.paths), settings.shard) : walkInputs(settings.paths);
  const ahead: Array<Input | Problem> = [];
  while (ahead.length < LOOKAHEAD) {
    const item = inputs.next();
    if (item.done) break;
    ahead.push(item.value);
  }
  const given = settings.pool ?? null;
  const workers = given ? given.size : threadCount(settings.jobs, ahead) - 1;
  let pool = given ?? (workers > 0 ? startPool(workers, settings) : null);
  /** For a big file in the text format, counted in parts: the pool, or one started for it when it is counted by several threads (see partThreads). */
  const partPool = (size: number): WorkerPool | null => {
    const threads = partThreads(size, settings.jobs, availableParallelism());
    if (pool === null && threads > 1) pool = startPool(threads - 1, settings);
    return pool;
  };
  const next = (): Input | Problem | undefined => {
    if (ahead.length > 0) return ahead.shift();
    const item = inputs.next();
    return item.done ? undefined : item.value;
  };
  // Without workers every input is analysed when its turn comes, so its output streams and nothing waits.
  const maxFiles = pool ? WINDOW_FILES : 1;
  const slots: Slot[] = [];
  let slotBytes = 0;
  const fill = (): void => {
    while (slots.length < maxFiles && slotBytes < WINDOW_BYTES) {
      const item = next();
      if (item === undefined) return;
      slots.push(item.kind === 'problem' ? item : { kind: 'input', input: item });
      slotBytes += slotSize(slots[slots.length - 1]);
    }
  };
  /** Gives the workers the window's small files, earliest first, while they have room (see WorkerPool.saturated). */
  const feed = (): void => {
    for (let i = 0; pool !== null && i < slots.length && !pool.saturated; i++) {
      const slot = slots[i];
      if (slot.kind !== 'input' || !isSmallFile(slot.input)) continue;
      const { input } = slot;
      const task = pool.analyse({ path: input.path, source: input.source, raw: input.raw, size: input.size });
      const taken: WorkerSlot = { kind: 'worker', task, input, settled: false, size: input.size };
      // Awaited in turn below; this also keeps a later failure from counting as unhandled.
      task.result.then(
        () => (taken.settled = true),
        () => (taken.settled = true),
      );
      slots[i] = taken;
    }
  };
  /** A worker's document, its buffer handed back once written (see HeldOutput). */
  const answer = async (result: Promise<WorkerResult>): Promise<WorkerResult | AnalyzedDocument> => {
    const outcome = await result;
    const workers = pool;
    if (outcome.kind !== 'document' || workers === null) return outcome;
    const release = (piece: string | Uint8Array): void => {
      if (typeof piece !== 'string' && piece.buffer instanceof SharedArrayBuffer) workers.giveBack(piece.buffer);
    };
    return { ...outcome, release };
  };
  let ready = 0;
  const held = new HeldOutput();
  /** A small file analysed here ahead of its turn, its output held until then. */
  const analyseAhead = (i: number, input: Extract<Input, { kind: 'file' }>): void => {
    const outcome = analyzeFile(settings.engine, input, settings.language, settings.format, settings.review);
    const doc: AnalyzedDocument | Problem = outcome.kind === 'document' ? { kind: 'document', figures: outcome.figures, output: [held.hold(outcome.output)], release: (piece) => held.release(piece) } : outcome;
    slots[i] = { kind: 'ready', outcome: doc, size: input.size };
    ready++;
  };
  /** While the head waits on a worker: analyses the window's next small file not taken, if not too many are held. */
  const takeAhead = (): boolean => {
    // Not before the workers run: setting up a worker's heap lets this thread's young generation grow (see youngGeneration.ts).
    if (ready >= MAIN_AHEAD || pool === null || !pool.online) return false;
    const i = slots.findIndex((slot) => slot.kind === 'input' && isSmallFile(slot.input));
    if (i < 0) return false;
    analyseAhead(i, (slots[i] as { input: Extract<Input, { kind: 'file' }> }).input);
    return true;
  };
  /**
   * While the head waits on a worker: takes back that worker's next file not begun, if not too many are held. Taken
   * before files further on, as it is nearer the head and soon written, and the worker is given another.
   */
  const takeFromWorker = (): boolean => {
    if (ready >= MAIN_AHEAD || pool === null || !pool.online) return false;
    const task = pool.takeNext();
    if (task === null) return false;
    const i = slots.findIndex((slot) => slot.kind === 'worker' && slot.task === task);
    analyseAhead(i, (slots[i] as WorkerSlot).input);
    return true;
  };
  try {
    for (;;) {
      fill();
      feed();
      let head = slots[0];
      if (head === undefined) break;
      if (head.kind === 'worker' && !head.settled) {
        // Not begun by its worker: analysed here in its turn rather than waited for.
        if (pool?.takeBack(head.task)) {
          pool.holdWhileStarting();
          head = slots[0] = { kind: 'input', input: head.input };
        } else if (takeFromWorker() || takeAhead()) {
          // The worker's answers are taken in, and it is given more, only between tasks of this thread.
          await new Promise(setImmediate);
          continue;
        }
      }
      slots.shift();
      slotBytes -= slotSize(head);
      if (head.kind === 'ready') ready--;
      const outcome = head.kind === 'worker' ? await answer(head.task.result) : head.kind === 'input' ? await analyzeHere(head.input, settings, partPool) : head.kind === 'ready' ? head.outcome : head;
      if (outcome.kind === 'problem') handlers.problem(outcome);
      else if (outcome.kind === 'document') await handlers.document(outcome);
    }
  } finally {
    if (pool !== given) await pool?.close();
  }
}

/** What a slot counts against the window: its file's listed size. */
function slotSize(slot: Slot): number {
  if (slot.kind === 'input') return slot.input.kind === 'file' ? slot.input.size : 0;
  return slot.kind === 'problem' ? 0 : slot.size;
}

/** A file a worker may take: big files and standard input are analysed here in their turn, their output streamed. */
function isSmallFile(input: Input): input is Extract<Input, { kind: 'file' }> {
  return input.kind === 'file' && input.size < BIG_FILE;
}

function startPool(size: number, settings: Pick<RunSettings, 'lexicons' | 'review' | 'language' | 'format'>): WorkerPool {
  return new WorkerPool(size, path.join(__dirname, 'cliWorker.js'), { lexicons: settings.lexicons, review: settings.review, language: settings.language, format: settings.format });
}

/** True when the file is counted in parts (see bigText.ts): a big one, for the text format's totals alone. */
function countedInParts(size: number, settings: Pick<RunSettings, 'format' | 'review'>): boolean {
  return size >= BIG_TEXT && settings.format === 'text' && settings.review === null;
}

/**
 * True when the file's JSON or JSON Lines report is made from its text in parts (see bigReport.ts): every file this
 * thread analyses in its turn, as one of a few megabytes analysed whole, left on top of a bigger one's garbage, set
 * the peak of a corpus of mixed sizes.
 */
function reportedInParts(size: number, settings: Pick<RunSettings, 'format' | 'review'>): boolean {
  return size >= BIG_FILE && (settings.format === 'json' || settings.format === 'jsonl') && settings.review === null;
}

/**
 * Workers started before the main thread builds its engine, when the first input is a big file counted in parts: each
 * takes a moment to start and build its own, and parts are taken as threads come free, so they start at once. Null
 * when they would not be used. The caller closes them.
 */
export function earlyPool(settings: Pick<RunSettings, 'lexicons' | 'review' | 'language' | 'format' | 'jobs'>, paths: readonly string[]): WorkerPool | null {
  if (settings.jobs === 1 || paths.length === 0 || paths[0] === '-') return null;
  let size: number;
  try {
    const stat = fs.statSync(paths[0]);
    if (!stat.isFile()) return null;
    size = stat.size;
  } catch {
    return null;
  }
  const threads = partThreads(size, settings.jobs, availableParallelism());
  return threads > 1 && countedInParts(size, settings) ? startPool(threads - 1, settings) : null;
}

async function analyzeHere(input: Input, settings: RunSettings, partPool: (size: number) => WorkerPool | null): Promise<AnalyzedDocument | Problem> {
  if (input.kind === 'file' && countedInParts(input.size, settings)) {
    const counted = await countInParts(settings.engine, input, settings.language, partPool(input.size));
    if (counted !== null) return counted;
  }
  if (input.kind === 'file' && reportedInParts(input.size, settings)) {
    const reported = reportInParts(settings.engine, input, settings.language, settings.format as 'json' | 'jsonl');
    if (reported !== null) return reported;
  }
  if (input.kind === 'file') return analyzeFile(settings.engine, input, settings.language, settings.format, settings.review);
  const read = await readStdin();
  if (!read.ok) return problem(read.severity, input.source, read.message);
  return analyzeText(settings.engine, input.source, read.text, settings.language, settings.format);
}

/** Threads analysing, the main thread included. More than one pays off only with several small files. */
function threadCount(jobs: number | null, ahead: Array<Input | Problem>): number {
  const small = ahead.filter((i): i is Extract<Input, { kind: 'file' }> => i.kind === 'file' && i.size < BIG_FILE);
  if (small.length < 2) return 1;
  if (jobs !== null) return jobs;
  const bytes = small.reduce((sum, f) => sum + f.size, 0);
  return small.length >= 8 || bytes >= 1024 * 1024 ? availableParallelism() : 1;
}

/** The inputs (and problems) whose path falls in the shard; the others are another process's. */
function* inShard(items: Iterable<Input | Problem>, shard: Shard): Generator<Input | Problem> {
  for (const item of items) if (shardOf(item.source, shard.count) === shard.index) yield item;
}
