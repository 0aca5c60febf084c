// V8 heap settings for the CLI, imported before anything else so that they hold from the first allocation.
import * as fs from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { holdYoungGeneration } from './youngGeneration';

// Each document leaves its analysis behind as garbage. By default V8 lets the heap grow to several times what is
// live before collecting, so over a corpus the peak would follow the sum of recent documents, not the largest one.
// Growing the limit by 20% at a time keeps the peak near the largest document (this costs no measurable time over a
// corpus). V8 flags are per process, so worker threads started later get it too.
setFlagsFromString('--heap-growing-percent=20');
holdYoungGeneration();
// A run spends much of its time before the analysis is optimised: TurboFan compiles the hot functions on V8's helper
// threads while the main thread runs them unoptimised, and those threads take a core from it. Inlining less makes each
// compilation smaller and the optimised code come sooner; that code is slower once warm, but a run, of one file or
// many, ends with less CPU time and a lower peak (docs/performance-notes.md). Set before the bundle is compiled, as
// its code cache is made under the same flags (codeCache.ts).
setFlagsFromString('--max-inlined-bytecode-size-cumulative=150');

/**
 * Before worker threads start. Each worker's isolate would map its own copy of V8's built-in functions next to its
 * compiled code, for shorter calls into them: about 1.2 MB of resident memory each. With a thread analysing on every
 * core, a young-generation collection shared out to V8's helper threads only waits for a core: done by the collecting
 * thread alone, it costs less time and CPU. Likewise a worker compiles its optimised code on its own thread rather than
 * on helper threads that wait for a core (V8 reads this when an isolate is made, so the main thread's stays as it is).
 * Every thread warms up the same code on its own, so a run over many small files spends a good part of its time before
 * the analysis is optimised: a smaller interrupt budget (V8's default is 67,584 bytecodes) optimises it sooner in every
 * thread (V8 reads it whenever it sets a function's budget, so it holds in the main thread from here on too).
 */
export function withWorkers(): void {
  setFlagsFromString('--no-short-builtin-calls');
  setFlagsFromString('--no-parallel-scavenge');
  setFlagsFromString('--no-concurrent-recompilation');
  setFlagsFromString('--interrupt-budget=30000');
}

/**
 * A run of one document (one regular file, or standard input) leaves no earlier document's garbage to collect, so it
 * goes back to V8's own heap growth (0: the default), which lets the one analysis grow with fewer full collections:
 * with 20% steps a 30 MB report's run made 9 of them, as its analysis grew, instead of 2. The peak then follows what
 * that document's analysis holds. V8 reads the setting at every collection, so it holds from here on.
 */
export function oneDocumentHeap(paths: readonly string[], filesFrom: string | null): void {
  if (filesFrom !== null || paths.length !== 1) return;
  if (paths[0] !== '-' && !isRegularFile(paths[0])) return;
  setFlagsFromString('--heap-growing-percent=0');
}

function isRegularFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}
