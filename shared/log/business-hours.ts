// Business-hours arithmetic: a schedule in an IANA zone turned into UTC intervals with a running total, so
// the business time between two instants is two interval look-ups (correct across weekends and DST changes).
import { DateTime } from 'luxon';

/** When the team is on duty. Days use ISO numbering: 1 = Monday ... 7 = Sunday. */
export interface BusinessSchedule {
  /** IANA time zone, e.g. 'Europe/Paris'. */
  zone: string;
  days: number[];
  /** Local start of the working day in hours (fractions allowed: 8.5 = 08:30). */
  startHour: number;
  /** Local end of the working day in hours, after `startHour`, at most 24. */
  endHour: number;
}

/** Monday to Friday, 09:00–17:00, in the given zone. */
export function defaultSchedule(zone = 'UTC'): BusinessSchedule {
  return { zone, days: [1, 2, 3, 4, 5], startHour: 9, endHour: 17 };
}

/** Throws a readable Error when the schedule cannot be used (unknown zone, bad hours or days). */
export function assertSchedule(schedule: BusinessSchedule): void {
  if (!DateTime.local().setZone(schedule.zone).isValid) throw new Error(`unknown time zone: ${schedule.zone}`);
  if (!(schedule.startHour >= 0 && schedule.endHour <= 24 && schedule.startHour < schedule.endHour)) {
    throw new Error(`business hours must satisfy 0 <= start < end <= 24 (got ${schedule.startHour}-${schedule.endHour})`);
  }
  if (schedule.days.some((day) => !Number.isInteger(day) || day < 1 || day > 7)) {
    throw new Error('business days must be 1 (Monday) to 7 (Sunday)');
  }
}

const DAY_MS = 86_400_000;
// Times outside this window are almost surely bad decodes; clamping keeps the calendar small.
const MIN_MS = Date.UTC(1990, 0, 1);
const MAX_MS = Date.UTC(2100, 0, 1);

/**
 * The schedule laid out over a span of local days. Grows on demand; every query is O(log days).
 * Also answers "which local day is this instant on", for daily statistics in the schedule's zone.
 */
export class BusinessCalendar {
  readonly schedule: BusinessSchedule;
  private firstDay: DateTime | null = null;
  private dayStarts = new Float64Array(0);
  private dayLabels: string[] = [];
  private openMs = new Float64Array(0);
  private closeMs = new Float64Array(0);
  /** Business milliseconds accumulated before interval i opens. */
  private cumulative = new Float64Array(0);
  private readonly workdays: Set<number>;
  private lastDay = 0;
  /** Seek cursor of isOpen: replies come in time order, so the next answer is nearly always next to the last. */
  private openCursor = -1;
  /** The open or closed stretch holding isOpen's last answer (forgotten when the calendar is rebuilt). */
  private span = { from: 0, to: 0, open: false };

  constructor(schedule: BusinessSchedule) {
    assertSchedule(schedule);
    this.schedule = schedule;
    this.workdays = new Set(schedule.days);
  }

  /** Makes sure instants in [fromMs, toMs] are covered (call once with the data's range to avoid rebuilds). */
  cover(fromMs: number, toMs: number): void {
    const from = clamp(fromMs) - DAY_MS;
    const to = clamp(toMs) + DAY_MS;
    const n = this.dayStarts.length;
    if (n > 0 && (this.dayStarts[0] as number) <= from && (this.dayStarts[n - 1] as number) >= to) return;
    const lo = n > 0 ? Math.min(from, this.dayStarts[0] as number) : from;
    const hi = n > 0 ? Math.max(to, this.dayStarts[n - 1] as number) : to;
    this.build(lo, hi);
  }

  private build(fromMs: number, toMs: number): void {
    const zone = this.schedule.zone;
    let day = DateTime.fromMillis(fromMs, { zone }).startOf('day');
    this.firstDay = day;
    const starts: number[] = [];
    const labels: string[] = [];
    const open: number[] = [];
    const close: number[] = [];
    const startMinutes = Math.round(this.schedule.startHour * 60);
    const endMinutes = Math.round(this.schedule.endHour * 60);
    while (day.toMillis() <= toMs) {
      starts.push(day.toMillis());
      labels.push(day.toISODate() ?? '');
      const next = day.plus({ days: 1 }).startOf('day');
      if (this.workdays.has(day.weekday)) {
        // Local wall-clock times, so a 09:00 start stays 09:00 on both sides of a DST change.
        const opens = atLocalMinutes(day, next, startMinutes);
        const closes = atLocalMinutes(day, next, endMinutes);
        if (closes > opens) {
          open.push(opens);
          close.push(closes);
        }
      }
      day = next;
    }
    starts.push(day.toMillis());
    labels.push(day.toISODate() ?? '');
    this.lastDay = 0;
    this.openCursor = -1;
    this.span = { from: 0, to: 0, open: false };
    this.dayStarts = Float64Array.from(starts);
    this.dayLabels = labels;
    this.openMs = Float64Array.from(open);
    this.closeMs = Float64Array.from(close);
    this.cumulative = new Float64Array(open.length);
    let total = 0;
    for (let i = 0; i < open.length; i++) {
      this.cumulative[i] = total;
      total += (close[i] as number) - (open[i] as number);
    }
  }

  /** Business milliseconds from the calendar's first day up to `ms`, given the last interval opening at or before it. */
  private until(found: number, ms: number): number {
    if (found < 0) return 0;
    const open = this.openMs[found] as number;
    return (this.cumulative[found] as number) + Math.min(ms, this.closeMs[found] as number) - open;
  }

  /** The last interval opening at or before `ms` (-1 for none), searched near `hint` first. */
  private seek(ms: number, hint: number): number {
    const open = this.openMs;
    const n = open.length;
    // Entries come roughly in time order: the answer is nearly always within a few intervals of the last one.
    let j = hint;
    for (let step = 0; step < 4; step++) {
      if (j >= 0 && (open[j] as number) > ms) j--;
      else if (j + 1 < n && (open[j + 1] as number) <= ms) j++;
      else return j;
    }
    let lo = 0;
    let hi = n - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if ((open[mid] as number) <= ms) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  }

  /** Business milliseconds between two instants (0 when `toMs` is not after `fromMs`). */
  businessMs(fromMs: number, toMs: number): number {
    if (!(toMs > fromMs)) return 0;
    this.cover(fromMs, toMs);
    const from = clamp(fromMs);
    const to = clamp(toMs);
    return this.until(this.seek(to, -1), to) - this.until(this.seek(from, -1), from);
  }

  /** Whether the schedule is open at `ms` (each working day's interval includes its start, not its end). */
  isOpen(ms: number): boolean {
    // Replies come in time order, thousands a day: most calls fall in the same open or closed stretch as the last.
    if (ms >= this.span.from && ms < this.span.to) return this.span.open;
    this.cover(ms, ms);
    const at = clamp(ms);
    const found = (this.openCursor = this.seek(at, this.openCursor));
    const open = found >= 0 && at < (this.closeMs[found] as number);
    const next = this.openMs[found + 1];
    this.span = open
      ? { from: this.openMs[found] as number, to: this.closeMs[found] as number, open }
      : { from: found >= 0 ? (this.closeMs[found] as number) : (this.dayStarts[0] ?? at), to: next ?? this.dayStarts[this.dayStarts.length - 1] ?? at, open };
    // A closed stretch past the last interval built is only known up to the calendar's end: the next call re-checks.
    return open;
  }

  /**
   * `businessMs(startMs[i], sentMs[i])` into `out[i]` for i < count (NaN where the start is NaN), with one
   * search cursor per column instead of two binary searches per entry.
   */
  businessMsMany(startMs: Float64Array, sentMs: Float64Array, count: number, out: Float64Array): void {
    let lo = Infinity;
    let hi = -Infinity;
    for (let i = 0; i < count; i++) {
      const start = startMs[i] as number;
      const sent = sentMs[i] as number;
      if (!(sent > start)) continue;
      if (start < lo) lo = start;
      if (sent > hi) hi = sent;
    }
    if (lo <= hi) this.cover(lo, hi);
    let a = -1;
    let b = -1;
    for (let i = 0; i < count; i++) {
      const start = startMs[i] as number;
      const sent = sentMs[i] as number;
      if (Number.isNaN(start)) out[i] = NaN;
      else if (!(sent > start)) out[i] = 0;
      else {
        const from = clamp(start);
        const to = clamp(sent);
        a = this.seek(from, a);
        b = this.seek(to, b);
        out[i] = this.until(b, to) - this.until(a, from);
      }
    }
  }

  /** Index of the local day holding `ms` (stable until the calendar grows); use `dayLabel` to name it. */
  dayIndex(ms: number): number {
    const starts = this.dayStarts;
    // Callers walk entries in time order: the previous answer is usually right.
    const last = this.lastDay;
    if (last + 1 < starts.length && (starts[last] as number) <= ms && ms < (starts[last + 1] as number)) return last;
    this.cover(ms, ms);
    return (this.lastDay = this.searchDay(ms));
  }

  private searchDay(ms: number): number {
    const starts = this.dayStarts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] as number) <= ms) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** First instant of a day index (its end is `dayStartMs(index + 1)`), for callers that track days themselves. */
  dayStartMs(index: number): number {
    return this.dayStarts[index] ?? NaN;
  }

  /** Number of local days currently laid out. */
  get dayCount(): number {
    return this.dayStarts.length;
  }

  /** 'YYYY-MM-DD' of a day index. */
  dayLabel(index: number): string {
    return this.dayLabels[index] ?? this.firstDay?.plus({ days: index }).toISODate() ?? '';
  }
}

function clamp(ms: number): number {
  return Math.min(MAX_MS, Math.max(MIN_MS, ms));
}

function atLocalMinutes(day: DateTime, next: DateTime, minutes: number): number {
  if (minutes >= 24 * 60) return next.toMillis();
  // Luxon moves a wall time that falls in a DST gap forward, which is what a clock on the wall does.
  return day.set({ hour: Math.floor(minutes / 60), minute: minutes % 60 }).toMillis();
}
