// A bench figure and the statistics behind it, shared by the bench and the real-host runner's bench mode.

export interface Figure {
  name: string;
  /** Median over the repetitions. */
  value: number;
  unit: string;
  /** The figure divided by what its target compares it with; null when the target is absolute or absent. */
  ratio: number | null;
  min: number;
  max: number;
  target: string;
  pass: boolean | null;
}

export function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

export const median = (values: number[]): number => quantile(values, 0.5);

export function figure(name: string, values: number[], unit: string, target: string, check: ((median: number) => boolean) | null, ratio: number | null = null): Figure {
  const value = median(values);
  return { name, value, unit, ratio, min: Math.min(...values), max: Math.max(...values), target, pass: check ? check(value) : null };
}

/** A prefix for one figure as a console line, so a runner can pick figures out of a host's console output. */
export const figurePrefix = 'POLICY_LENS_BENCH_FIGURE ';
