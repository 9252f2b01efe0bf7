// Response-time statistics over typed arrays: median first, then mean, p90, extremes and share within target,
// in calendar time and in business hours, with buckets, a daily median and a per-account breakdown. All O(n).
import type { AccountRef } from './entry-schema.ts';
import type { BusinessCalendar } from './business-hours.ts';
import { medianInPlace, selectInPlace, selectRanks } from './selection.ts';
import { gather, sortByDay } from './summary-input.ts';

export { medianInPlace, selectInPlace } from './selection.ts';

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

/** The buckets' upper bounds; the last is Infinity, so a value's bucket is how many of the first four it reaches. */
const BUCKET_LIMITS = Float64Array.from(BUCKETS, (bucket) => bucket.maxMs);

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
  /** Timed replies sent while the business schedule was closed (they add little or nothing to business time). */
  outsideHours: number;
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
  /** When given, the summary covers entries members[0..count), and every column is read at those indices (no copies). */
  members?: Uint32Array;
}

/** Targets: per account id in minutes, and the fallback. */
export interface TargetOptions {
  targets?: Readonly<Record<string, number>>;
  defaultTargetMinutes?: number;
}

/** Business milliseconds for each entry (NaN where the start is unknown). */
export function computeBusinessMs(input: SummaryInput, calendar: BusinessCalendar): Float64Array {
  const out = new Float64Array(input.count);
  calendar.businessMsMany(input.startMs, input.sentMs, input.count, out);
  return out;
}

function coverRange(input: SummaryInput, calendar: BusinessCalendar): void {
  let lo = Infinity;
  let hi = -Infinity;
  const members = input.members;
  for (let k = 0; k < input.count; k++) {
    const i = members === undefined ? k : (members[k] as number);
    const sent = input.sentMs[i] as number;
    const start = input.startMs[i] as number;
    if (sent < lo) lo = sent;
    if (sent > hi) hi = sent;
    if (start < lo) lo = start;
  }
  if (lo <= hi) calendar.cover(lo, hi);
}

/** From this many values on, sampled selection (two read-only passes) beats in-place quickselect. */
const LARGE = 16_384;

/** Running totals of one set of values, gathered in a single pass before any selection. */
class Totals {
  count = 0;
  sum = 0;
  within = 0;
  fastest = Infinity;
  slowest = -Infinity;

  /**
   * Totals of one account's values (in input order, so the sum is the same float as a running one), counting
   * each value into `buckets` on the way (the index of a value's bucket is how many finite limits it reaches).
   */
  static of(values: Float64Array, target: number, buckets: Float64Array): Totals {
    const totals = new Totals();
    let sum = 0;
    let within = 0;
    let fastest = Infinity;
    let slowest = -Infinity;
    const l0 = BUCKET_LIMITS[0] as number;
    const l1 = BUCKET_LIMITS[1] as number;
    const l2 = BUCKET_LIMITS[2] as number;
    const l3 = BUCKET_LIMITS[3] as number;
    for (let k = 0; k < values.length; k++) {
      const value = values[k] as number;
      sum += value;
      if (value < fastest) fastest = value;
      if (value > slowest) slowest = value;
      if (value <= target) within++;
      const bucket = +(value >= l0) + +(value >= l1) + +(value >= l2) + +(value >= l3);
      buckets[bucket] = (buckets[bucket] as number) + 1;
    }
    totals.count = values.length;
    totals.sum = sum;
    totals.within = within;
    totals.fastest = fastest;
    totals.slowest = slowest;
    return totals;
  }

  /** Adds another set's count, extremes and within-target count; the sum is set by the caller (input order). */
  merge(other: Totals): void {
    this.count += other.count;
    this.within += other.within;
    this.fastest = Math.min(this.fastest, other.fastest);
    this.slowest = Math.max(this.slowest, other.slowest);
  }

  /** The stats, selecting median and p90 among `data` (exactly this set's values; may be reordered). */
  stats(data: Float64Array): TimeStats {
    const count = this.count;
    if (count === 0) return { median: null, count: 0, mean: null, p90: null, fastest: null, slowest: null, withinTarget: null };
    const half = count >> 1;
    const rank = Math.ceil(0.9 * count) - 1;
    let median: number;
    let p90: number;
    if (count >= LARGE) {
      const [lower, upper, ninety] = selectRanks(data, count % 2 === 1 ? half : half - 1, half, rank);
      median = count % 2 === 1 ? upper : (lower + upper) / 2;
      p90 = ninety;
    } else {
      median = medianInPlace(data);
      // The median's selection left everything from n/2 up in the upper half: p90 needs only that half.
      p90 = rank >= half ? selectInPlace(data.subarray(half), rank - half) : selectInPlace(data, rank);
    }
    return {
      median,
      count,
      mean: this.sum / count,
      p90,
      fastest: this.fastest,
      slowest: this.slowest,
      withinTarget: this.within / count,
    };
  }
}

/**
 * Computes the full summary. `calendar` carries the business schedule and its zone (for daily medians).
 * One pass gathers the timed values (in input order), totals and buckets; medians and p90s are then selected
 * in place: per day on contiguous runs (input in time order, as queries give it), per account on a
 * counting-sorted copy, overall on what remains. Selection never sorts: each set costs O(n).
 */
export function summarise(input: SummaryInput, calendar: BusinessCalendar, options: TargetOptions = {}): LogSummary {
  if (input.members !== undefined && input.businessMs === undefined) return summarise(gather(input, input.members), calendar, options);
  const n = input.count;
  const business = input.businessMs ?? computeBusinessMs(input, calendar);
  const members = input.members;
  coverRange(input, calendar);
  const fallback = options.defaultTargetMinutes ?? DEFAULT_TARGET_MINUTES;
  const accounts = input.accounts.length;
  const targetMinutes = input.accounts.map((account) => options.targets?.[account.id] ?? fallback);
  const targetMs = Float64Array.from(targetMinutes, (minutes) => minutes * 60_000);

  // Sizes first, so the main pass can write each value straight into its account's slice.
  const totalBy = new Uint32Array(accounts);
  const offsets = new Uint32Array(accounts + 1);
  for (let k = 0; k < n; k++) {
    const i = members === undefined ? k : (members[k] as number);
    const a = input.accountIndex[i] as number;
    totalBy[a] = (totalBy[a] as number) + 1;
    if (!Number.isNaN(input.startMs[i] as number)) offsets[a + 1] = (offsets[a + 1] as number) + 1;
  }
  for (let a = 0; a < accounts; a++) offsets[a + 1] = (offsets[a + 1] as number) + (offsets[a] as number);
  const timed = offsets[accounts] as number;
  const cursor = offsets.slice(0, accounts);

  const calendarAll = new Totals();
  const businessAll = new Totals();
  const cal = new Float64Array(timed);
  const bus = new Float64Array(timed);
  const calByAccount = new Float64Array(timed);
  const busByAccount = new Float64Array(timed);
  const calendarBuckets = new Float64Array(BUCKETS.length);
  const businessBuckets = new Float64Array(BUCKETS.length);
  /** Day runs over the timed values in input order: day index and first position of each run. */
  const runDays: number[] = [];
  const runStarts: number[] = [];
  let m = 0;
  let daysInOrder = true;
  // Summed here, in input order, so the overall mean is the same float whatever the grouping.
  let calendarSum = 0;
  let businessSum = 0;
  let outsideHours = 0;
  // Columns and the current day in locals: this loop runs once per entry.
  const { startMs, sentMs, accountIndex } = input;
  let day = -1;
  let dayFrom = Infinity;
  let dayTo = -Infinity;
  for (let k = 0; k < n; k++) {
    const i = members === undefined ? k : (members[k] as number);
    const start = startMs[i] as number;
    if (Number.isNaN(start)) continue;
    const a = accountIndex[i] as number;
    const sent = sentMs[i] as number;
    const c = Math.max(0, sent - start);
    const b = business[i] as number;
    cal[m] = c;
    bus[m] = b;
    const at = cursor[a] as number;
    calByAccount[at] = c;
    busByAccount[at] = b;
    cursor[a] = at + 1;
    if (!(sent >= dayFrom && sent < dayTo)) {
      const next = calendar.dayIndex(sent);
      if (next !== day) {
        if (next < day) daysInOrder = false;
        day = next;
        runDays.push(day);
        runStarts.push(m);
      }
      dayFrom = calendar.dayStartMs(day);
      dayTo = calendar.dayStartMs(day + 1);
    }
    m++;
    if (!calendar.isOpen(sent)) outsideHours++;
    calendarSum += c;
    businessSum += b;
  }
  // Totals and buckets in tight passes over each account's contiguous slice.
  const calendarBy: Totals[] = [];
  const businessBy: Totals[] = [];
  for (let a = 0; a < accounts; a++) {
    const from = offsets[a] as number;
    const to = offsets[a + 1] as number;
    calendarBy.push(Totals.of(calByAccount.subarray(from, to), targetMs[a] as number, calendarBuckets));
    businessBy.push(Totals.of(busByAccount.subarray(from, to), targetMs[a] as number, businessBuckets));
  }
  for (let a = 0; a < accounts; a++) {
    calendarAll.merge(calendarBy[a] as Totals);
    businessAll.merge(businessBy[a] as Totals);
  }
  calendarAll.sum = calendarSum;
  businessAll.sum = businessSum;
  const buckets: BucketCount[] = BUCKETS.map((bucket, k) => ({
    key: bucket.key,
    label: bucket.label,
    calendar: calendarBuckets[k] as number,
    business: businessBuckets[k] as number,
  }));

  const perAccount: AccountSummary[] = [];
  for (let a = 0; a < accounts; a++) {
    const total = totalBy[a] as number;
    if (total === 0) continue;
    const from = offsets[a] as number;
    const to = offsets[a + 1] as number;
    perAccount.push({
      account: input.accounts[a] as AccountRef,
      targetMinutes: targetMinutes[a] as number,
      total,
      unknownStart: total - (to - from),
      calendar: (calendarBy[a] as Totals).stats(calByAccount.subarray(from, to)),
      business: (businessBy[a] as Totals).stats(busByAccount.subarray(from, to)),
    });
  }

  // Daily medians: selection inside each day's slice only permutes that slice, so the overall selection below still sees every value.
  if (!daysInOrder) sortByDay(input, calendar, cal, bus, runDays, runStarts);
  runStarts.push(m);
  const daily: DailyMedian[] = [];
  for (let r = 0; r < runDays.length; r++) {
    const from = runStarts[r] as number;
    const to = runStarts[r + 1] as number;
    daily.push({
      day: calendar.dayLabel(runDays[r] as number),
      count: to - from,
      medianMs: medianInPlace(cal.subarray(from, to)),
      businessMedianMs: medianInPlace(bus.subarray(from, to)),
    });
  }

  return {
    total: n,
    unknownStart: n - timed,
    calendar: calendarAll.stats(cal.subarray(0, m)),
    business: businessAll.stats(bus.subarray(0, m)),
    outsideHours,
    buckets,
    daily,
    perAccount,
  };
}
