// Pure formatters of the dashboard: shares, counts, dates, and filter dates as ISO times (durations: shared/log/duration-format.ts).

const pad2 = (value: number): string => String(value).padStart(2, '0');

/** A share 0..1 as a whole percentage in the language's style ("87 %" in French, "87%" in English). */
export function formatShare(share: number | null | undefined, language = 'en'): string {
  if (share === null || share === undefined || !Number.isFinite(share)) return '—';
  return new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 0 }).format(share);
}

/** A count with the language's digit grouping. */
export function formatCount(count: number, language = 'en'): string {
  return new Intl.NumberFormat(language).format(count);
}

/** An ISO time shown as a short local date and time. */
export function formatDateTime(iso: string | null, language = 'en'): string {
  if (iso === null) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '—';
  return new Intl.DateTimeFormat(language, { dateStyle: 'short', timeStyle: 'short' }).format(date);
}

/** The local UTC offset of `date` as "+02:00" (ISO 8601), so filter bounds say which midnight they mean. */
export function offsetOf(date: Date): string {
  const minutes = -date.getTimezoneOffset();
  const sign = minutes >= 0 ? '+' : '-';
  const abs = Math.abs(minutes);
  return `${sign}${pad2(Math.floor(abs / 60))}:${pad2(abs % 60)}`;
}

/** A local Date as ISO 8601 with its offset, e.g. "2025-06-01T00:00:00+02:00". */
export function localIso(date: Date): string {
  return (
    `${date.getFullYear()}-${pad2(date.getMonth() + 1)}-${pad2(date.getDate())}` +
    `T${pad2(date.getHours())}:${pad2(date.getMinutes())}:${pad2(date.getSeconds())}${offsetOf(date)}`
  );
}

/**
 * A date input's "YYYY-MM-DD" as the ISO time of local midnight; `dayAfter` gives the next midnight,
 * so an inclusive "to" day becomes the exclusive bound the log expects. Null for an empty or bad value.
 */
export function dayToIso(day: string, dayAfter = false): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return null;
  const date = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + (dayAfter ? 1 : 0));
  return Number.isNaN(date.getTime()) ? null : localIso(date);
}

/** A datetime-local input's "YYYY-MM-DDTHH:mm[:ss]" as ISO with the local offset; null when incomplete. */
export function localInputToIso(value: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?/.exec(value);
  if (!match) return null;
  const [, y, mo, d, h, mi, s] = match;
  const date = new Date(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s ?? 0));
  return Number.isNaN(date.getTime()) ? null : localIso(date);
}

/** An ISO time as a datetime-local input value (local time, seconds included). */
export function isoToLocalInput(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return localIso(date).slice(0, 19);
}

/** ISO weekdays (1 = Monday) as short names, runs of three or more joined with a dash: "Mon–Fri", "Mon, Wed, Sat–Sun". */
export function formatWeekdays(days: readonly number[], language = 'en'): string {
  const weekday = new Intl.DateTimeFormat(language, { weekday: 'short', timeZone: 'UTC' });
  // 2024-01-01 was a Monday, so ISO day d is 2024-01-0d.
  const name = (day: number) => weekday.format(new Date(Date.UTC(2024, 0, day)));
  const sorted = [...new Set(days)].filter((day) => day >= 1 && day <= 7).sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === (sorted[j] as number) + 1) j++;
    const first = sorted[i] as number;
    const last = sorted[j] as number;
    if (j - i >= 2) parts.push(`${name(first)}–${name(last)}`);
    else for (let k = i; k <= j; k++) parts.push(name(sorted[k] as number));
    i = j + 1;
  }
  return parts.join(', ');
}

/** Round tick steps for a duration axis, in minutes: "15 min", "1 h", "6 h", "1 d" rather than "16 h 40 min". */
const STEPS_MINUTES = [1, 2, 5, 10, 15, 30, 60, 120, 180, 240, 360, 480, 720, 1440, 2880, 4320, 10080];

/** The smallest round step that splits 0..maxMinutes into at most `ticks` intervals. */
export function durationStepMinutes(maxMinutes: number, ticks = 5): number {
  for (const step of STEPS_MINUTES) if (maxMinutes / step <= ticks) return step;
  return Math.ceil(maxMinutes / ticks / 10080) * 10080;
}
