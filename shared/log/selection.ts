// Exact order statistics without sorting: in-place quickselect for small sets, and for large ones a sampled
// selection that finds several ranks in two read-only passes (the sample only brackets; counts decide).

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
const SPREAD = 160;

/**
 * The k0-th, k1-th and k2-th smallest values of `data` (0-based; `data` is not modified). A random sample
 * brackets each rank; one pass counts values below and inside each bracket, a second copies the insiders,
 * and quickselect finishes on those few. A bracket that misses (bad luck, heavy ties) falls back to a copy.
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
  const bracket = (k: number): [number, number] => {
    const p = Math.floor((k / n) * SAMPLE);
    const lo = p - SPREAD;
    const hi = p + SPREAD;
    return [lo <= 0 ? -Infinity : (sample[lo] as number), hi >= SAMPLE - 1 ? Infinity : (sample[hi] as number)];
  };
  const [lo0, hi0] = bracket(k0);
  const [lo1, hi1] = bracket(k1);
  const [lo2, hi2] = bracket(k2);
  let below0 = 0, below1 = 0, below2 = 0, in0 = 0, in1 = 0, in2 = 0;
  for (let i = 0; i < n; i++) {
    const x = data[i] as number;
    if (x < lo0) below0++;
    else if (x <= hi0) in0++;
    if (x < lo1) below1++;
    else if (x <= hi1) in1++;
    if (x < lo2) below2++;
    else if (x <= hi2) in2++;
  }
  const ok = (k: number, below: number, inside: number): boolean => k >= below && k < below + inside;
  const b0 = new Float64Array(ok(k0, below0, in0) ? in0 : 0);
  const b1 = new Float64Array(ok(k1, below1, in1) ? in1 : 0);
  const b2 = new Float64Array(ok(k2, below2, in2) ? in2 : 0);
  let j0 = 0, j1 = 0, j2 = 0;
  for (let i = 0; i < n; i++) {
    const x = data[i] as number;
    if (x >= lo0 && x <= hi0 && j0 < b0.length) b0[j0++] = x;
    if (x >= lo1 && x <= hi1 && j1 < b1.length) b1[j1++] = x;
    if (x >= lo2 && x <= hi2 && j2 < b2.length) b2[j2++] = x;
  }
  const finish = (buffer: Float64Array, k: number, below: number): number =>
    buffer.length > 0 ? selectInPlace(buffer, k - below) : selectInPlace(data.slice(), k);
  return [finish(b0, k0, below0), finish(b1, k1, below1), finish(b2, k2, below2)];
}
