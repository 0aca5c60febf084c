// Whether anything has made process.stderr. Node makes the stream when the property is first read, and on a pipe that
// loads its network streams (a few milliseconds of a run's start); the CLI's exit reads it only to ask whether output
// is still queued, which a stream never made cannot hold.
const MADE = Symbol.for('policy-lens stderr made');

interface Watched {
  [MADE]?: boolean;
}

/** Watches the first read of process.stderr; the launcher calls it before anything can write there. */
export function watchStderr(): void {
  const property = Object.getOwnPropertyDescriptor(process, 'stderr');
  const get = property?.get;
  if (property === undefined || get === undefined || property.configurable !== true) return;
  (process as Watched)[MADE] = false;
  Object.defineProperty(process, 'stderr', {
    configurable: true,
    enumerable: property.enumerable,
    get() {
      (process as Watched)[MADE] = true;
      Object.defineProperty(process, 'stderr', property);
      return get.call(process);
    },
  });
}

/** False only when standard error was watched from the start and its stream was never made. */
export function stderrMayHoldOutput(): boolean {
  return (process as Watched)[MADE] !== false;
}
