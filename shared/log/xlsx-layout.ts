// What the XLSX export holds, as plain values: the summary sheet's facts and figures, and one typed row per reply
// (IDs as text, wall-clock dates in the chosen zone, durations as numbers of minutes, formulas neutralised).
import type { BusinessSchedule } from './business-hours.ts';
import { neutraliseCell } from './csv.ts';
import type { LocalTimeFormatter } from './local-time.ts';
import type { LogFilter, ReplyRow } from './model.ts';
import { filterFacts, periodText, scheduleText } from './report-facts.ts';
import type { LogSummary, TimeStats } from './statistics.ts';

/** A cell value: text, a number, a date (wall-clock time, no zone) or empty. */
export type XlsxValue = string | number | Date | null;

/** Number formats the sheets use. */
export const XLSX_FORMATS = { dateTime: 'yyyy-mm-dd hh:mm:ss', minutes: '0.0', share: '0.0%' } as const;

/** One column of the replies sheet. */
export interface XlsxColumn {
  header: string;
  width: number;
  numFmt?: string;
}

/** One row of the summary sheet: a label, its value(s) and their number format. */
export interface XlsxSummaryRow {
  label: string;
  values: XlsxValue[];
  numFmt?: string;
}

/** The sheets' words in one language. */
export interface XlsxText {
  summarySheet: string;
  repliesSheet: string;
  title: string;
  generated: string;
  period: string;
  accounts: string;
  platforms: string;
  kind: string;
  zone: string;
  businessHours: string;
  replies: string;
  unknownStart: string;
  calendar: string;
  business: string;
  median: string;
  mean: string;
  p90: string;
  fastest: string;
  slowest: string;
  withinTarget: string;
  timed: string;
  yes: string;
  no: string;
  columns: {
    id: string;
    account: string;
    accountName: string;
    kind: string;
    platform: string;
    item: string;
    received: string;
    replied: string;
    start: string;
    response: string;
    business: string;
    target: string;
    withinTarget: string;
    excerpt: string;
  };
}

/** English words. */
export const ENGLISH_XLSX_TEXT: XlsxText = {
  summarySheet: 'Summary',
  repliesSheet: 'Replies',
  title: 'Hatrack response times',
  generated: 'Generated',
  period: 'Period',
  accounts: 'Accounts',
  platforms: 'Platforms',
  kind: 'Account kind',
  zone: 'Time zone',
  businessHours: 'Business hours',
  replies: 'Replies',
  unknownStart: 'Unknown start',
  calendar: 'Calendar time',
  business: 'Business hours',
  median: 'Median (minutes)',
  mean: 'Mean (minutes)',
  p90: '90th percentile (minutes)',
  fastest: 'Fastest (minutes)',
  slowest: 'Slowest (minutes)',
  withinTarget: 'Within target',
  timed: 'Replies timed',
  yes: 'yes',
  no: 'no',
  columns: {
    id: 'Id',
    account: 'Account',
    accountName: 'Account name',
    kind: 'Kind',
    platform: 'Platform',
    item: 'Item',
    received: 'Received',
    replied: 'Replied',
    start: 'Start',
    response: 'Response (minutes)',
    business: 'Business hours (minutes)',
    target: 'Target (minutes)',
    withinTarget: 'Within target',
    excerpt: 'Excerpt',
  },
};

/** French words. */
export const FRENCH_XLSX_TEXT: XlsxText = {
  summarySheet: 'Résumé',
  repliesSheet: 'Réponses',
  title: 'Temps de réponse Hatrack',
  generated: 'Généré le',
  period: 'Période',
  accounts: 'Comptes',
  platforms: 'Plateformes',
  kind: 'Type de compte',
  zone: 'Fuseau horaire',
  businessHours: 'Heures ouvrées',
  replies: 'Réponses',
  unknownStart: 'Début inconnu',
  calendar: 'Temps calendaire',
  business: 'Heures ouvrées',
  median: 'Médiane (minutes)',
  mean: 'Moyenne (minutes)',
  p90: '90e centile (minutes)',
  fastest: 'Plus rapide (minutes)',
  slowest: 'Plus lente (minutes)',
  withinTarget: 'Dans l’objectif',
  timed: 'Réponses chronométrées',
  yes: 'oui',
  no: 'non',
  columns: {
    id: 'Id',
    account: 'Compte',
    accountName: 'Nom du compte',
    kind: 'Type',
    platform: 'Plateforme',
    item: 'Élément',
    received: 'Reçu',
    replied: 'Répondu',
    start: 'Début',
    response: 'Réponse (minutes)',
    business: 'Heures ouvrées (minutes)',
    target: 'Objectif (minutes)',
    withinTarget: 'Dans l’objectif',
    excerpt: 'Extrait',
  },
};

/** The words for a locale ("fr…" French, anything else English). */
export function xlsxText(locale: string): XlsxText {
  return locale.toLowerCase().startsWith('fr') ? FRENCH_XLSX_TEXT : ENGLISH_XLSX_TEXT;
}

/** Milliseconds as minutes, to the hundredth: a number a spreadsheet can sum and average. */
export function minutesOf(ms: number | null): number | null {
  return ms === null || !Number.isFinite(ms) ? null : Math.round(ms / 600) / 100;
}

/** The replies sheet's columns; date headers name the zone their wall-clock times are in. */
export function replyColumns(t: XlsxText, zone: string): XlsxColumn[] {
  const c = t.columns;
  return [
    { header: c.id, width: 14 },
    { header: c.account, width: 16 },
    { header: c.accountName, width: 18 },
    { header: c.kind, width: 9 },
    { header: c.platform, width: 10 },
    { header: c.item, width: 22 },
    { header: `${c.received} (${zone})`, width: 20, numFmt: XLSX_FORMATS.dateTime },
    { header: `${c.replied} (${zone})`, width: 20, numFmt: XLSX_FORMATS.dateTime },
    { header: c.start, width: 9 },
    { header: c.response, width: 12, numFmt: XLSX_FORMATS.minutes },
    { header: c.business, width: 12, numFmt: XLSX_FORMATS.minutes },
    { header: c.target, width: 10 },
    { header: c.withinTarget, width: 10 },
    { header: c.excerpt, width: 60 },
  ];
}

/** Text cells start with a quote when a spreadsheet would read them as a formula (as in the CSV export). */
function text(value: string | null): string | null {
  return value === null || value === '' ? null : neutraliseCell(value);
}

/** One reply as the replies sheet's cells, in `replyColumns` order. */
export function replyCells(row: ReplyRow, local: LocalTimeFormatter, t: XlsxText): XlsxValue[] {
  const wall = (ms: number): Date | null => (Number.isNaN(ms) ? null : new Date(ms + local.offsetMinutes(ms) * 60_000));
  return [
    text(row.id),
    text(row.account.handle),
    text(row.account.name),
    row.account.kind,
    row.platform,
    text(row.replyToId),
    wall(row.startAt === null ? NaN : Date.parse(row.startAt)),
    wall(Date.parse(row.sentAt)),
    row.startSource,
    minutesOf(row.responseMs),
    minutesOf(row.businessMs),
    row.targetMinutes,
    row.withinTarget === null ? null : row.withinTarget ? t.yes : t.no,
    text(row.excerpt),
  ];
}

/** What the summary sheet describes. */
export interface XlsxSummaryInput {
  filter: LogFilter;
  summary: LogSummary;
  schedule: BusinessSchedule;
  /** When the file was made (ms since the epoch). */
  generatedMs: number;
  locale: string;
}

/** The summary sheet: title, what was selected and how it was measured, then the figures (minutes). */
export function summaryRows(input: XlsxSummaryInput, local: LocalTimeFormatter, t: XlsxText): XlsxSummaryRow[] {
  const { filter, summary, schedule, locale } = input;
  const facts = filterFacts(filter, locale);
  const zone = schedule.zone;
  const figure = (label: string, pick: (s: TimeStats) => number | null, numFmt: string = XLSX_FORMATS.minutes): XlsxSummaryRow => ({
    label,
    values: [pick(summary.calendar), pick(summary.business)],
    numFmt,
  });
  return [
    { label: t.title, values: [] },
    { label: t.generated, values: [new Date(input.generatedMs + local.offsetMinutes(input.generatedMs) * 60_000)], numFmt: XLSX_FORMATS.dateTime },
    { label: t.period, values: [periodText(filter, zone, locale)] },
    { label: t.accounts, values: [facts.accounts] },
    { label: t.platforms, values: [facts.platforms] },
    { label: t.kind, values: [facts.kind] },
    { label: t.zone, values: [zone] },
    { label: t.businessHours, values: [scheduleText(schedule, locale)] },
    { label: t.replies, values: [summary.total] },
    { label: t.unknownStart, values: [summary.unknownStart] },
    { label: '', values: [t.calendar, t.business] },
    figure(t.timed, (s) => s.count, '0'),
    figure(t.median, (s) => minutesOf(s.median)),
    figure(t.mean, (s) => minutesOf(s.mean)),
    figure(t.p90, (s) => minutesOf(s.p90)),
    figure(t.fastest, (s) => minutesOf(s.fastest)),
    figure(t.slowest, (s) => minutesOf(s.slowest)),
    figure(t.withinTarget, (s) => s.withinTarget, XLSX_FORMATS.share),
  ];
}
