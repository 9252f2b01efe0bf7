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

/**
 * The one date-and-time style per language, used by the table, the filters, the figures and the dialogs:
 * English "12/01/2026, 1:59 PM" (12-hour), French "01/12/2026 13:59" (24-hour). Any "fr…" tag is French.
 */
function isFrench(language: string): boolean {
  return language.toLowerCase().startsWith('fr');
}

const DATE_OPTIONS: Intl.DateTimeFormatOptions = { year: 'numeric', month: '2-digit', day: '2-digit' };
function timeOptions(language: string): Intl.DateTimeFormatOptions {
  return isFrench(language) ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } : { hour: 'numeric', minute: '2-digit', hourCycle: 'h12' };
}
const localeOf = (language: string) => (isFrench(language) ? 'fr-FR' : 'en-US');

/** One Intl formatter per language and style: a table row formats two dates on every render. */
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(language: string, style: 'dateTime' | 'day' | 'clock'): Intl.DateTimeFormat {
  const key = `${localeOf(language)} ${style}`;
  let cached = formatters.get(key);
  if (cached === undefined) {
    const options: Intl.DateTimeFormatOptions =
      style === 'dateTime'
        ? { ...DATE_OPTIONS, ...timeOptions(language) }
        : style === 'day'
          ? { ...DATE_OPTIONS, timeZone: 'UTC' }
          : { ...timeOptions(language), timeZone: 'UTC' };
    cached = new Intl.DateTimeFormat(localeOf(language), options);
    formatters.set(key, cached);
  }
  return cached;
}

/** An ISO time (or Date) shown as a local date and time in the language's one style; "—" when unknown. */
export function formatDateTime(iso: string | Date | null, language = 'en'): string {
  if (iso === null) return '—';
  const date = iso instanceof Date ? iso : new Date(iso);
  if (Number.isNaN(date.getTime())) return '—';
  return formatter(language, 'dateTime').format(date);
}

/** A "YYYY-MM-DD" day in the language's date style ("12/01/2026", "01/12/2026"); "" for a bad value. */
export function formatDay(day: string, language = 'en'): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return '';
  return formatter(language, 'day').format(new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))));
}

/** A wall-clock "HH:mm" in the language's time style ("9:00 AM", "09:00"); the input back when it is not a time. */
export function formatClock(clock: string, language = 'en'): string {
  const match = /^(\d{2}):(\d{2})$/.exec(clock);
  if (!match) return clock;
  return formatter(language, 'clock').format(new Date(Date.UTC(2024, 0, 1, Number(match[1]), Number(match[2]))));
}

/** The pattern a date field expects, shown as its placeholder. */
export function dayPattern(language = 'en'): string {
  return isFrench(language) ? 'jj/mm/aaaa' : 'mm/dd/yyyy';
}

/** A date typed in the language's style ("12/1/2026" in English, "1/12/2026" in French, or ISO "2026-12-01") as "YYYY-MM-DD"; null when not a real date. */
export function parseDay(text: string, language = 'en'): string | null {
  const value = text.trim();
  let y: number, m: number, d: number;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value);
  const local = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(value);
  if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (local) {
    const [a, b] = [Number(local[1]), Number(local[2])];
    [m, d] = isFrench(language) ? [b, a] : [a, b];
    y = Number(local[3]);
  } else return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, '0')}-${pad2(m)}-${pad2(d)}`;
}

/** A time typed as "9:00", "09:00", "9:00 pm", "21h30" or "21:30" as "HH:mm" (24-hour); null when not a time. */
export function parseClock(text: string): string | null {
  const match = /^(\d{1,2})(?:[:h.](\d{2}))?\s*([ap]\.?m\.?)?$/i.exec(text.trim());
  if (!match) return null;
  let hour = Number(match[1]);
  const minute = Number(match[2] ?? 0);
  const meridiem = match[3]?.toLowerCase().replace(/\./g, '');
  if (meridiem) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (meridiem === 'pm' ? 12 : 0);
  }
  if (hour > 23 || minute > 59) return null;
  return `${pad2(hour)}:${pad2(minute)}`;
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

/** Round tick steps for a duration axis, in minutes: "15 min", "1 h", "6 h", "1 d" rather than "16 h 40 min". */
const STEPS_MINUTES = [1, 2, 5, 10, 15, 30, 60, 120, 180, 240, 360, 480, 720, 1440, 2880, 4320, 10080];

/** The smallest round step that splits 0..maxMinutes into at most `ticks` intervals. */
export function durationStepMinutes(maxMinutes: number, ticks = 5): number {
  for (const step of STEPS_MINUTES) if (maxMinutes / step <= ticks) return step;
  return Math.ceil(maxMinutes / ticks / 10080) * 10080;
}
