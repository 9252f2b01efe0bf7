// What every bench reports: the median and the min–max of several runs, never one lucky (or unlucky) number.

/** Several measurements of one quantity. */
export interface Sampled {
  values: number[];
  median: number;
  min: number;
  max: number;
}

/** At least this many runs per measurement. */
export const RUNS = 5;

export function sampled(values: number[]): Sampled {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
  return { values, median, min: sorted[0] ?? NaN, max: sorted[sorted.length - 1] ?? NaN };
}

/** "123 ms (min–max 110–140)" */
export function ms(s: Sampled, digits = 0): string {
  return `${s.median.toFixed(digits)} ms (${s.min.toFixed(digits)}–${s.max.toFixed(digits)})`;
}

/** The value at quantile q (0–1) of `values` (nearest rank). */
export function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? NaN;
}

/** "1.2–3.4 ms" */
export function range(values: readonly number[], digits = 2, unit = ' ms'): string {
  return `${Math.min(...values).toFixed(digits)}–${Math.max(...values).toFixed(digits)}${unit}`;
}

/** One bench result: the ratio of each run, compared with its target (≤ target unless `atLeast`). */
export interface Result {
  name: string;
  ratios: number[];
  target: number;
  /** The target is a floor (≥), not a ceiling (≤). */
  atLeast?: boolean;
  /** The statistic held to the target: the median unless a quantile is named here (0.95 for a p95 target). */
  quantile?: number;
  detail: string;
}

/** Milliseconds since `start` (from process.hrtime.bigint()). */
export const since = (start: bigint): number => Number(process.hrtime.bigint() - start) / 1e6;
