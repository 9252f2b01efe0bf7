// Exact order statistics without sorting: in-place quickselect for small sets, and for large ones a sampled
// selection that finds a rank (or two adjacent ones) in one read-only pass (the sample only brackets; counts decide).

/** Median of `data` (reorders it). */
export function medianInPlace(data: Float64Array): number {
  const n = data.length;
  const upper = selectInPlace(data, n >> 1);
  if (n % 2 === 1) return upper;
  // After selection, everything left of n/2 is <= upper: the lower middle is their maximum.
  let lower = -Infinity;
  for (let i = 0; i < n >> 1; i++) if ((data[i] as number) > lower) lower = data[i] as number;
  return (lower + upper) / 2;
}

/** The k-th smallest value of `data` (0-based), by iterative quickselect (reorders `data`). */
export function selectInPlace(data: Float64Array, k: number): number {
  let lo = 0;
  let hi = data.length - 1;
  while (hi > lo) {
    // Median-of-three pivot keeps already-sorted logs (the common case) linear.
    const mid = (lo + hi) >> 1;
    const a = data[lo] as number;
    const b = data[mid] as number;
    const c = data[hi] as number;
    const pivot = a < b ? (b < c ? b : a < c ? c : a) : a < c ? a : b < c ? c : b;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while ((data[i] as number) < pivot) i++;
      while ((data[j] as number) > pivot) j--;
      if (i <= j) {
        const t = data[i] as number;
        data[i] = data[j] as number;
        data[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return data[k] as number;
  }
  return data[k] as number;
}

const SAMPLE = 4096;
/** Half-width of a bracket in sample positions: about five standard deviations of a rank's sample position. */
const SPREAD = 160;

/** A bracket [low, high] of values around one or two adjacent ranks, and what one pass found about it. */
class Bracket {
  readonly low: number;
  readonly high: number;
  readonly cap: number;
  readonly inside: Float64Array;
  below = 0;
  count = 0;

  constructor(sample: Float64Array, n: number, lo: number, hi: number) {
    const from = Math.floor((lo / n) * SAMPLE) - SPREAD;
    const to = Math.floor((hi / n) * SAMPLE) + SPREAD;
    this.low = from <= 0 ? -Infinity : (sample[from] as number);
    this.high = to >= SAMPLE - 1 ? Infinity : (sample[to] as number);
    // Three times the expected share: overflowing it is vanishingly rare and only costs the fallback.
    this.cap = Math.min(n, Math.ceil((n * 3 * (to - from)) / SAMPLE) + 1024);
    this.inside = new Float64Array(this.cap);
  }

  /** The lo-th and hi-th smallest (hi - lo small), from the insiders, or by quickselect on a copy if the bracket missed. */
  pick(data: Float64Array, lo: number, hi: number): [number, number] {
    if (this.count > this.cap || lo < this.below || hi >= this.below + this.count) {
      const copy = data.slice();
      return [selectInPlace(copy, lo), selectInPlace(copy, hi)];
    }
    const found = this.inside.subarray(0, this.count);
    const first = selectInPlace(found, lo - this.below);
    // After selecting lo, everything from there up is >= it: hi is found in that tail.
    return [first, hi === lo ? first : selectInPlace(found.subarray(lo - this.below), hi - lo)];
  }
}

/**
 * The k0-th <= k1-th (adjacent, e.g. the two middles) and k2-th smallest values of `data` (0-based; `data` is
 * not modified), in one read-only pass: a random sample brackets the ranks, the pass counts values below each
 * bracket and copies those inside it, and quickselect finishes on those few.
 */
export function selectRanks(data: Float64Array, k0: number, k1: number, k2: number): [number, number, number] {
  const n = data.length;
  const sample = new Float64Array(SAMPLE);
  let seed = 0x2545f491;
  for (let s = 0; s < SAMPLE; s++) {
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    sample[s] = data[(seed >>> 0) % n] as number;
  }
  sample.sort();
  const middle = new Bracket(sample, n, k0, k1);
  const upper = new Bracket(sample, n, k2, k2);
  const lowA = middle.low,
    highA = middle.high,
    capA = middle.cap,
    insideA = middle.inside;
  const lowB = upper.low,
    highB = upper.high,
    capB = upper.cap,
    insideB = upper.inside;
  let belowA = 0,
    countA = 0,
    belowB = 0,
    countB = 0;
  for (let i = 0; i < n; i++) {
    const x = data[i] as number;
    if (x < lowA) belowA++;
    else if (x <= highA) {
      if (countA < capA) insideA[countA] = x;
      countA++;
    }
    if (x < lowB) belowB++;
    else if (x <= highB) {
      if (countB < capB) insideB[countB] = x;
      countB++;
    }
  }
  middle.below = belowA;
  middle.count = countA;
  upper.below = belowB;
  upper.count = countB;
  const [a, b] = middle.pick(data, k0, k1);
  return [a, b, upper.pick(data, k2, k2)[0]];
}
