// What a report says about itself, in the chosen zone and language: the period, the filters, the business-hours
// schedule and local times. Shared by the HTML/PDF report and the XLSX summary sheet so they never disagree.
import type { BusinessSchedule } from './business-hours.ts';
import { LocalTimeFormatter } from './local-time.ts';
import type { LogFilter } from './model.ts';
import { formatWeekdays } from './weekdays.ts';

/** The words a report's facts are made of, per language. */
interface FactWords {
  allEntries: string;
  all: string;
  since: string;
  until: string;
  kinds: Record<'personal' | 'brand', string>;
}

const WORDS: Record<'en' | 'fr', FactWords> = {
  en: { allEntries: 'all entries', all: 'all', since: 'from', until: 'until', kinds: { personal: 'personal', brand: 'brand' } },
  fr: { allEntries: 'toutes les entrées', all: 'tous', since: 'depuis le', until: 'jusqu’au', kinds: { personal: 'personnel', brand: 'marque' } },
};

function wordsOf(locale: string): FactWords {
  return locale.toLowerCase().startsWith('fr') ? WORDS.fr : WORDS.en;
}

/** "personal" / "brand" in the report's language. */
export function kindWord(kind: 'personal' | 'brand', locale: string): string {
  return wordsOf(locale).kinds[kind];
}

/** 'YYYY-MM-DD HH:mm' wall-clock time of `ms` in `zone` ('' for NaN). */
export function localMinute(ms: number, zone: string): string {
  return new LocalTimeFormatter(zone).format(ms).slice(0, 16);
}

/** An ISO time as 'YYYY-MM-DD HH:mm' in `zone`; the text itself when it is not a time. */
export function localMinuteOfIso(iso: string, zone: string): string {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? iso : localMinute(ms, zone);
}

/** "2026-03-30 00:00 – 2026-03-31 00:00 (Europe/Paris)", one bound only, or "all entries". */
export function periodText(filter: LogFilter, zone: string, locale: string): string {
  const w = wordsOf(locale);
  const from = filter.from ? localMinuteOfIso(filter.from, zone) : '';
  const to = filter.to ? localMinuteOfIso(filter.to, zone) : '';
  if (from && to) return `${from} – ${to} (${zone})`;
  if (from) return `${w.since} ${from} (${zone})`;
  if (to) return `${w.until} ${to} (${zone})`;
  return w.allEntries;
}

/** The filter's accounts, platforms and kind, each as text ("all" when not filtered). */
export function filterFacts(filter: LogFilter, locale: string): { accounts: string; platforms: string; kind: string } {
  const w = wordsOf(locale);
  return {
    accounts: filter.accounts?.length ? filter.accounts.join(', ') : w.all,
    platforms: filter.platforms?.length ? filter.platforms.join(', ') : w.all,
    kind: filter.kind ? w.kinds[filter.kind] : w.all,
  };
}

function clock(hours: number): string {
  const minutes = Math.round(hours * 60);
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** "Mon–Fri 09:00–17:30 (Europe/Paris)": the schedule business-hours figures were computed with. */
export function scheduleText(schedule: BusinessSchedule, locale: string): string {
  return `${formatWeekdays(schedule.days, locale)} ${clock(schedule.startHour)}–${clock(schedule.endHour)} (${schedule.zone})`;
}
