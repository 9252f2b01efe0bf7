// Response-time statistics over typed arrays: median first, then mean, p90, extremes and share within target,
// in calendar time and in business hours, with buckets, a daily median and a per-account breakdown. All O(n).
import type { AccountRef } from './entry-schema.ts';
import type { BusinessCalendar } from './business-hours.ts';

/** The default response target, in minutes, for accounts without their own. */
export const DEFAULT_TARGET_MINUTES = 60;

/** Headline numbers for one set of response times (milliseconds). Null fields mean "no timed entries". */
export interface TimeStats {
  /** Middle value; the mean of the two middle values for an even count. */
  median: number | null;
  /** How many entries had a known start. */
  count: number;
  mean: number | null;
  /** Nearest-rank 90th percentile: the smallest value at least 90 % of entries do not exceed. */
  p90: number | null;
  fastest: number | null;
  slowest: number | null;
  /** Share (0..1) of timed entries answered within their account's target. */
  withinTarget: number | null;
}

/** Response-time buckets, by upper bound in ms (lower bound inclusive). */
export const BUCKETS = [
  { key: 'lt15m', label: '< 15 min', maxMs: 15 * 60_000 },
  { key: '15to60m', label: '15–60 min', maxMs: 60 * 60_000 },
  { key: '1to4h', label: '1–4 h', maxMs: 4 * 3_600_000 },
  { key: '4to24h', label: '4–24 h', maxMs: 24 * 3_600_000 },
  { key: 'gt24h', label: '> 24 h', maxMs: Infinity },
] as const;

/** How many entries fall in each bucket. */
export interface BucketCount {
  key: string;
  label: string;
  calendar: number;
  business: number;
}

/** Median response time of the replies sent on one local day of the schedule's zone. */
export interface DailyMedian {
  day: string;
  count: number;
  medianMs: number;
  businessMedianMs: number;
}

/** One account's share of a summary. */
export interface AccountSummary {
  account: AccountRef;
  targetMinutes: number;
  total: number;
  unknownStart: number;
  calendar: TimeStats;
  business: TimeStats;
}

/** Everything the dashboard shows for a filtered set of entries. */
export interface LogSummary {
  total: number;
  /** Entries whose start is unknown: counted, not timed. */
  unknownStart: number;
  calendar: TimeStats;
  business: TimeStats;
  buckets: BucketCount[];
  daily: DailyMedian[];
  perAccount: AccountSummary[];
}

/**
 * Column-shaped input: entry i replied at `sentMs[i]` to an item from `startMs[i]` (NaN = unknown start),
 * for account `accounts[accountIndex[i]]`. `businessMs` may be passed when already computed (a cache).
 */
export interface SummaryInput {
  count: number;
  startMs: Float64Array;
  sentMs: Float64Array;
  accountIndex: Uint32Array;
  accounts: readonly AccountRef[];
  businessMs?: Float64Array;
}

/** Targets: per account id in minutes, and the fallback. */
export interface TargetOptions {
  targets?: Readonly<Record<string, number>>;
  defaultTargetMinutes?: number;
}

/** Business milliseconds for each entry (NaN where the start is unknown). */
export function computeBusinessMs(input: SummaryInput, calendar: BusinessCalendar): Float64Array {
  const out = new Float64Array(input.count);
  coverRange(input, calendar);
  for (let i = 0; i < input.count; i++) {
    const start = input.startMs[i] as number;
    out[i] = Number.isNaN(start) ? NaN : calendar.businessMs(start, input.sentMs[i] as number);
  }
  return out;
}

function coverRange(input: SummaryInput, calendar: BusinessCalendar): void {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < input.count; i++) {
    const sent = input.sentMs[i] as number;
    const start = input.startMs[i] as number;
    if (sent < lo) lo = sent;
    if (sent > hi) hi = sent;
    if (start < lo) lo = start;
  }
  if (lo <= hi) calendar.cover(lo, hi);
}

/** Computes the full summary. `calendar` carries the business schedule and its zone (for daily medians). */
export function summarise(input: SummaryInput, calendar: BusinessCalendar, options: TargetOptions = {}): LogSummary {
  const n = input.count;
  const business = input.businessMs ?? computeBusinessMs(input, calendar);
  coverRange(input, calendar);
  const fallback = options.defaultTargetMinutes ?? DEFAULT_TARGET_MINUTES;
  const targetMinutes = input.accounts.map((account) => options.targets?.[account.id] ?? fallback);
  const targetMs = Float64Array.from(targetMinutes, (minutes) => minutes * 60_000);

  const calendarMs = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const start = input.startMs[i] as number;
    calendarMs[i] = Number.isNaN(start) ? NaN : Math.max(0, (input.sentMs[i] as number) - start);
  }
  const all = new Uint32Array(n);
  for (let i = 0; i < n; i++) all[i] = i;

  const buckets: BucketCount[] = BUCKETS.map((bucket) => ({ key: bucket.key, label: bucket.label, calendar: 0, business: 0 }));
  for (let i = 0; i < n; i++) {
    const c = calendarMs[i] as number;
    if (Number.isNaN(c)) continue;
    (buckets[bucketOf(c)] as BucketCount).calendar++;
    (buckets[bucketOf(business[i] as number)] as BucketCount).business++;
  }

  // Group indices by account with a counting sort, then summarise each slice.
  const groupsByAccount = groupBy(n, input.accounts.length, (i) => input.accountIndex[i] as number);
  const perAccount: AccountSummary[] = [];
  for (let a = 0; a < input.accounts.length; a++) {
    const members = groupsByAccount.members.subarray(groupsByAccount.offsets[a], groupsByAccount.offsets[a + 1]);
    if (members.length === 0) continue;
    perAccount.push({
      account: input.accounts[a] as AccountRef,
      targetMinutes: targetMinutes[a] as number,
      total: members.length,
      unknownStart: countUnknown(calendarMs, members),
      calendar: timeStats(calendarMs, members, input.accountIndex, targetMs),
      business: timeStats(business, members, input.accountIndex, targetMs),
    });
  }

  const dayIndex = new Int32Array(n);
  let firstDay = Infinity;
  let lastDay = -Infinity;
  for (let i = 0; i < n; i++) {
    const day = calendar.dayIndex(input.sentMs[i] as number);
    dayIndex[i] = day;
    if (day < firstDay) firstDay = day;
    if (day > lastDay) lastDay = day;
  }
  const daily: DailyMedian[] = [];
  if (n > 0) {
    const byDay = groupBy(n, lastDay - firstDay + 1, (i) => (dayIndex[i] as number) - firstDay);
    for (let d = 0; d <= lastDay - firstDay; d++) {
      const members = byDay.members.subarray(byDay.offsets[d], byDay.offsets[d + 1]);
      const median = medianOf(calendarMs, members);
      if (median === null) continue;
      daily.push({
        day: calendar.dayLabel(d + firstDay),
        count: members.length - countUnknown(calendarMs, members),
        medianMs: median,
        businessMedianMs: medianOf(business, members) ?? 0,
      });
    }
  }

  return {
    total: n,
    unknownStart: countUnknown(calendarMs, all),
    calendar: timeStats(calendarMs, all, input.accountIndex, targetMs),
    business: timeStats(business, all, input.accountIndex, targetMs),
    buckets,
    daily,
    perAccount,
  };
}

/** Index of the bucket a duration falls in. */
export function bucketOf(ms: number): number {
  for (let b = 0; b < BUCKETS.length; b++) if (ms < (BUCKETS[b] as { maxMs: number }).maxMs) return b;
  return BUCKETS.length - 1;
}

function countUnknown(values: Float64Array, members: Uint32Array): number {
  let unknown = 0;
  for (let k = 0; k < members.length; k++) if (Number.isNaN(values[members[k] as number])) unknown++;
  return unknown;
}

function groupBy(n: number, groups: number, key: (i: number) => number): { offsets: Uint32Array; members: Uint32Array } {
  const offsets = new Uint32Array(groups + 1);
  for (let i = 0; i < n; i++) {
    const slot = key(i) + 1;
    offsets[slot] = (offsets[slot] as number) + 1;
  }
  for (let g = 0; g < groups; g++) offsets[g + 1] = (offsets[g + 1] as number) + (offsets[g] as number);
  const cursor = offsets.slice(0, groups);
  const members = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const g = key(i);
    members[cursor[g] as number] = i;
    cursor[g] = (cursor[g] as number) + 1;
  }
  return { offsets, members };
}

/** Stats for `values[members]`, skipping NaN (unknown starts). */
function timeStats(values: Float64Array, members: Uint32Array, accountIndex: Uint32Array, targetMs: Float64Array): TimeStats {
  const known = new Float64Array(members.length);
  let count = 0;
  let sum = 0;
  let within = 0;
  let fastest = Infinity;
  let slowest = -Infinity;
  for (let k = 0; k < members.length; k++) {
    const i = members[k] as number;
    const value = values[i] as number;
    if (Number.isNaN(value)) continue;
    known[count++] = value;
    sum += value;
    if (value < fastest) fastest = value;
    if (value > slowest) slowest = value;
    if (value <= (targetMs[accountIndex[i] as number] as number)) within++;
  }
  if (count === 0) {
    return { median: null, count: 0, mean: null, p90: null, fastest: null, slowest: null, withinTarget: null };
  }
  const data = known.subarray(0, count);
  const median = medianInPlace(data);
  // The median's selection left everything from n/2 up in the upper half: p90 needs only that half.
  const half = count >> 1;
  const rank = Math.ceil(0.9 * count) - 1;
  return {
    median,
    count,
    mean: sum / count,
    p90: rank >= half ? selectInPlace(data.subarray(half), rank - half) : selectInPlace(data, rank),
    fastest,
    slowest,
    withinTarget: within / count,
  };
}

function medianOf(values: Float64Array, members: Uint32Array): number | null {
  const known = new Float64Array(members.length);
  let count = 0;
  for (let k = 0; k < members.length; k++) {
    const value = values[members[k] as number] as number;
    if (!Number.isNaN(value)) known[count++] = value;
  }
  return count === 0 ? null : medianInPlace(known.subarray(0, count));
}

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
