// The young generation held at its first size, in every thread (src/cli/heapSettings.ts and src/cli/worker.ts).
import { setFlagsFromString } from 'node:v8';

/**
 * The young generation doubles whenever it fills, up to 32 MB per thread, and all of it counts in the peak. Kept at its
 * first size it costs no measurable time here; the peak on the benchmark's 10 MB corpus fell from 129 to 90 MB.
 * V8 raises a growth factor below 2 back to 2 whenever it sets up a heap, and a worker thread sets up its own: so each
 * worker calls this first thing, or the main thread's young generation grows after all (it analyses files while a
 * worker starts: see WorkerPool.takeBack).
 */
export function holdYoungGeneration(): void {
  setFlagsFromString('--semi-space-growth-factor=1');
}
