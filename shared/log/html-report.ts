// The printable HTML report: one self-contained page (inline CSS and SVG, no external requests), every piece
// of user text escaped; printed to PDF by the app.
import { escapeHtml } from '../escape-html.ts';
import type { LogFilter, ReplyRow } from './model.ts';
import type { LogSummary, TimeStats } from './statistics.ts';
import { formatDuration } from './duration-format.ts';
import type { BusinessSchedule } from './business-hours.ts';
import { filterFacts, kindWord, localMinuteOfIso, periodText, scheduleText } from './report-facts.ts';

/** Escapes text for HTML element content and quoted attributes. */
export { escapeHtml };

/** Labels of the report, English by default; the app passes its i18n strings. */
export interface ReportText {
  title: string;
  generated: string;
  filter: string;
  calendar: string;
  business: string;
  median: string;
  count: string;
  mean: string;
  p90: string;
  fastest: string;
  slowest: string;
  withinTarget: string;
  unknownStart: string;
  buckets: string;
  dailyMedian: string;
  perAccount: string;
  slowestReplies: string;
  account: string;
  platform: string;
  item: string;
  sentAt: string;
  response: string;
  excerpt: string;
  target: string;
  none: string;
  period: string;
  accounts: string;
  platforms: string;
  kind: string;
  /** Label of the business-hours schedule line ("Business hours: Mon–Fri 09:00–17:00 (zone)"). */
  schedule: string;
  /** Language of the page and of durations in words. */
  lang: string;
}

/** English labels. */
export const ENGLISH_REPORT_TEXT: ReportText = {
  title: 'Hatrack response-time report',
  generated: 'Generated',
  filter: 'Filter',
  calendar: 'Calendar time',
  business: 'Business hours',
  median: 'Median',
  count: 'Replies timed',
  mean: 'Mean',
  p90: '90th percentile',
  fastest: 'Fastest',
  slowest: 'Slowest',
  withinTarget: 'Within target',
  unknownStart: 'Unknown start',
  buckets: 'Response times',
  dailyMedian: 'Daily median',
  perAccount: 'Per account',
  slowestReplies: 'Slowest replies',
  account: 'Account',
  platform: 'Platform',
  item: 'Item',
  sentAt: 'Sent',
  response: 'Response',
  excerpt: 'Excerpt',
  target: 'Target',
  none: 'No entries match this filter.',
  period: 'Period',
  accounts: 'Accounts',
  platforms: 'Platforms',
  kind: 'Account kind',
  schedule: 'Business hours',
  lang: 'en',
};

/** What the report shows. `slowest` is the few slowest rows, slowest first. */
export interface ReportInput {
  filter: LogFilter;
  summary: LogSummary;
  slowest: ReplyRow[];
  generatedAt: string;
  /** Every time on the page is printed in this zone (the business-hours schedule's). */
  zone: string;
  /** The schedule business-hours figures were computed with, stated on the page. */
  schedule?: BusinessSchedule;
  text?: ReportText;
}

const CSS = `
*{box-sizing:border-box}body{font:11pt/1.4 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b1f24;margin:24px}
h1{font-size:18pt;margin:0 0 4px}h2{font-size:13pt;margin:20px 0 8px;break-after:avoid}
.meta{color:#57606a;font-size:9pt}table{border-collapse:collapse;width:100%;font-size:9.5pt}
th,td{border-bottom:1px solid #d0d7de;padding:4px 6px;text-align:left;vertical-align:top}
th{background:#f6f8fa}td.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}td.t{white-space:nowrap}td.x{overflow-wrap:anywhere}
tr{break-inside:avoid}section{break-inside:avoid}svg{max-width:100%;height:auto}
@page{size:A4;margin:14mm}@media print{body{margin:0}th{-webkit-print-color-adjust:exact;print-color-adjust:exact}}
`;

function duration(ms: number | null, t: ReportText): string {
  return formatDuration(ms, t.lang);
}

function share(value: number | null): string {
  return value === null ? '—' : `${Math.round(value * 1000) / 10} %`;
}

function statsTable(summary: LogSummary, t: ReportText): string {
  const row = (label: string, pick: (s: TimeStats) => string): string =>
    `<tr><th>${escapeHtml(label)}</th><td class="n">${pick(summary.calendar)}</td><td class="n">${pick(summary.business)}</td></tr>`;
  return `<table><thead><tr><th></th><th>${escapeHtml(t.calendar)}</th><th>${escapeHtml(t.business)}</th></tr></thead><tbody>
${row(t.median, (s) => duration(s.median, t))}
${row(t.count, (s) => String(s.count))}
${row(t.mean, (s) => duration(s.mean, t))}
${row(t.p90, (s) => duration(s.p90, t))}
${row(t.fastest, (s) => duration(s.fastest, t))}
${row(t.slowest, (s) => duration(s.slowest, t))}
${row(t.withinTarget, (s) => share(s.withinTarget))}
<tr><th>${escapeHtml(t.unknownStart)}</th><td class="n">${summary.unknownStart}</td><td></td></tr>
</tbody></table>`;
}

// Chart geometry. Text widths are estimated (no layout engine here): ~0.6 em per character covers digits and
// Latin letters, so labels get room and never run past the picture's edge or into the legend.
const CHART_WIDTH = 640;
const CHART_HEIGHT = 230;
/** Plot top: below the legend row (0–16) and the value labels printed above the tallest bar. */
const PLOT_TOP = 40;
const PLOT_BOTTOM = CHART_HEIGHT - 30;
const CALENDAR_COLOUR = '#0969da';
const BUSINESS_COLOUR = '#8250df';

function textWidth(text: string, fontSize: number): number {
  return Math.ceil(text.length * fontSize * 0.6);
}

/** A legend row at the top: coloured swatch + label per series, laid out by label width. */
function legend(items: ReadonlyArray<{ label: string; colour: string; dashed?: boolean }>, left: number): string {
  let x = left;
  return items
    .map((item) => {
      const swatch = item.dashed
        ? `<line x1="${x}" y1="9" x2="${x + 14}" y2="9" stroke="${item.colour}" stroke-width="2" stroke-dasharray="4 2"/>`
        : `<rect x="${x}" y="3" width="12" height="12" fill="${item.colour}"/>`;
      const label = `<text x="${x + 18}" y="13" font-size="11">${escapeHtml(item.label)}</text>`;
      x += 18 + textWidth(item.label, 11) + 20;
      return swatch + label;
    })
    .join('');
}

function bucketChart(summary: LogSummary, t: ReportText): string {
  const left = 10;
  const max = Math.max(1, ...summary.buckets.flatMap((b) => [b.calendar, b.business]));
  const slot = (CHART_WIDTH - left * 2) / summary.buckets.length;
  const barWidth = Math.min(48, slot / 2 - 6);
  const scale = (PLOT_BOTTOM - PLOT_TOP) / max;
  const bars = summary.buckets
    .map((bucket, i) => {
      const centre = left + i * slot + slot / 2;
      const bar = (value: number, x: number, colour: string, name: string): string => {
        const h = value * scale;
        return `<rect x="${x.toFixed(1)}" y="${(PLOT_BOTTOM - h).toFixed(1)}" width="${barWidth.toFixed(1)}" height="${h.toFixed(1)}" fill="${colour}"><title>${escapeHtml(bucket.label)} · ${escapeHtml(name)}: ${value}</title></rect>
<text x="${(x + barWidth / 2).toFixed(1)}" y="${(PLOT_BOTTOM - h - 4).toFixed(1)}" font-size="10" text-anchor="middle">${value}</text>`;
      };
      return `${bar(bucket.calendar, centre - barWidth - 2, CALENDAR_COLOUR, t.calendar)}
${bar(bucket.business, centre + 2, BUSINESS_COLOUR, t.business)}
<text x="${centre.toFixed(1)}" y="${PLOT_BOTTOM + 18}" font-size="11" text-anchor="middle">${escapeHtml(bucket.label)}</text>`;
    })
    .join('\n');
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${CHART_WIDTH} ${CHART_HEIGHT}" width="${CHART_WIDTH}" height="${CHART_HEIGHT}" role="img" aria-label="${escapeHtml(t.buckets)}">
${legend(
  [
    { label: t.calendar, colour: CALENDAR_COLOUR },
    { label: t.business, colour: BUSINESS_COLOUR },
  ],
  left,
)}
<line x1="${left}" y1="${PLOT_BOTTOM}" x2="${CHART_WIDTH - left}" y2="${PLOT_BOTTOM}" stroke="#57606a"/>
${bars}</svg>`;
}

/** Round axis steps, in minutes, so ticks read "1 h", "6 h", "1 d" rather than "16 h 40 min". */
const STEPS_MINUTES = [1, 2, 5, 10, 15, 30, 60, 120, 180, 240, 360, 480, 720, 1440, 2880, 4320, 10080];

function axisStepMs(maxMs: number): number {
  const maxMinutes = maxMs / 60_000;
  const step = STEPS_MINUTES.find((minutes) => maxMinutes / minutes <= 4) ?? Math.ceil(maxMinutes / 4 / 10080) * 10080;
  return step * 60_000;
}

function dailyChart(summary: LogSummary, t: ReportText): string {
  const days = summary.daily;
  if (days.length === 0) return '';
  const highest = Math.max(60_000, ...days.map((d) => Math.max(d.medianMs, d.businessMedianMs)));
  const step = axisStepMs(highest);
  const top = step * Math.ceil(highest / step);
  const ticks: number[] = [];
  for (let value = 0; value <= top; value += step) ticks.push(value);
  const tickLabels = ticks.map((value) => (value === 0 ? '0' : duration(value, t)));
  // The left margin fits the widest tick label, so no label is cut at the picture's edge.
  const left = 8 + Math.max(...tickLabels.map((label) => textWidth(label, 10))) + 6;
  const right = CHART_WIDTH - 12;
  const x = (i: number): number => (days.length === 1 ? (left + right) / 2 : left + (i * (right - left)) / (days.length - 1));
  const y = (ms: number): number => PLOT_BOTTOM - ((PLOT_BOTTOM - PLOT_TOP) * ms) / top;
  const grid = ticks
    .map(
      (value, i) => `<line x1="${left}" y1="${y(value).toFixed(1)}" x2="${right}" y2="${y(value).toFixed(1)}" stroke="#d0d7de" stroke-width="0.5"/>
<text x="${left - 6}" y="${(y(value) + 3.5).toFixed(1)}" font-size="10" text-anchor="end">${escapeHtml(tickLabels[i] ?? '')}</text>`,
    )
    .join('\n');
  const series = (pick: (d: (typeof days)[number]) => number, colour: string, name: string, dashed: boolean): string => {
    const points = days.map((d, i) => `${x(i).toFixed(1)},${y(pick(d)).toFixed(1)}`).join(' ');
    const dots = days
      .map(
        (d, i) =>
          `<circle cx="${x(i).toFixed(1)}" cy="${y(pick(d)).toFixed(1)}" r="2.5" fill="${colour}"><title>${escapeHtml(d.day)} · ${escapeHtml(name)}: ${escapeHtml(duration(pick(d), t))}</title></circle>`,
      )
      .join('');
    return `<polyline points="${points}" fill="none" stroke="${colour}" stroke-width="1.5"${dashed ? ' stroke-dasharray="4 2"' : ''}/>${dots}`;
  };
  const first = days[0]?.day ?? '';
  const last = days[days.length - 1]?.day ?? '';
  const dayLabels =
    days.length === 1
      ? `<text x="${x(0).toFixed(1)}" y="${PLOT_BOTTOM + 18}" font-size="11" text-anchor="middle">${escapeHtml(first)}</text>`
      : `<text x="${left}" y="${PLOT_BOTTOM + 18}" font-size="11">${escapeHtml(first)}</text><text x="${right}" y="${PLOT_BOTTOM + 18}" font-size="11" text-anchor="end">${escapeHtml(last)}</text>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${CHART_WIDTH} ${CHART_HEIGHT}" width="${CHART_WIDTH}" height="${CHART_HEIGHT}" role="img" aria-label="${escapeHtml(t.dailyMedian)}">
${legend(
  [
    { label: t.calendar, colour: CALENDAR_COLOUR },
    { label: t.business, colour: BUSINESS_COLOUR, dashed: true },
  ],
  left,
)}
${grid}
<line x1="${left}" y1="${PLOT_TOP}" x2="${left}" y2="${PLOT_BOTTOM}" stroke="#57606a"/><line x1="${left}" y1="${PLOT_BOTTOM}" x2="${right}" y2="${PLOT_BOTTOM}" stroke="#57606a"/>
${series((d) => d.medianMs, CALENDAR_COLOUR, t.calendar, false)}
${series((d) => d.businessMedianMs, BUSINESS_COLOUR, t.business, true)}
${dayLabels}</svg>`;
}

/** The page's header facts: when (in the zone), what was selected, and the business hours used. */
function metaLines(input: ReportInput, t: ReportText): string {
  const facts = filterFacts(input.filter, t.lang);
  // French typography puts a (non-breaking) space before the colon.
  const c = t.lang.startsWith('fr') ? '\u00a0: ' : ': ';
  const lines = [
    `${t.generated}${c}${localMinuteOfIso(input.generatedAt, input.zone)} (${input.zone})`,
    `${t.period}${c}${periodText(input.filter, input.zone, t.lang)} · ${t.accounts}${c}${facts.accounts} · ${t.platforms}${c}${facts.platforms} · ${t.kind}${c}${facts.kind}`,
  ];
  if (input.schedule) lines.push(`${t.schedule}${c}${scheduleText(input.schedule, t.lang)}`);
  return lines.map((line) => `<p class="meta">${escapeHtml(line)}</p>`).join('\n');
}

/** Builds the whole report page. */
export function buildHtmlReport(input: ReportInput): string {
  const t = input.text ?? ENGLISH_REPORT_TEXT;
  const { summary } = input;
  const accounts = summary.perAccount
    .map(
      (a) => `<tr><td>${escapeHtml(a.account.name)} (@${escapeHtml(a.account.handle)}, ${escapeHtml(kindWord(a.account.kind, t.lang))})</td>
<td class="n">${a.total}</td><td class="n">${duration(a.calendar.median, t)}</td><td class="n">${duration(a.business.median, t)}</td>
<td class="n">${duration(a.calendar.p90, t)}</td><td class="n">${share(a.calendar.withinTarget)}</td><td class="n">${a.targetMinutes} min</td><td class="n">${a.unknownStart}</td></tr>`,
    )
    .join('\n');
  const slowest = input.slowest
    .map(
      (r) => `<tr><td class="x">@${escapeHtml(r.account.handle)}</td><td>${escapeHtml(r.platform)}</td><td class="x">${escapeHtml(r.replyToId)}</td>
<td class="t">${escapeHtml(localMinuteOfIso(r.sentAt, input.zone))}</td><td class="n">${duration(r.responseMs, t)}</td><td class="n">${duration(r.businessMs, t)}</td><td class="x">${escapeHtml(r.excerpt ?? '')}</td></tr>`,
    )
    .join('\n');
  const body =
    summary.total === 0
      ? `<p>${escapeHtml(t.none)}</p>`
      : `<section>${statsTable(summary, t)}</section>
<section><h2>${escapeHtml(t.buckets)}</h2>${bucketChart(summary, t)}</section>
<section><h2>${escapeHtml(t.dailyMedian)}</h2>${dailyChart(summary, t)}</section>
<h2>${escapeHtml(t.perAccount)}</h2>
<table><thead><tr><th>${escapeHtml(t.account)}</th><th>#</th><th>${escapeHtml(t.median)}</th><th>${escapeHtml(t.median)} (${escapeHtml(t.business)})</th><th>${escapeHtml(t.p90)}</th><th>${escapeHtml(t.withinTarget)}</th><th>${escapeHtml(t.target)}</th><th>${escapeHtml(t.unknownStart)}</th></tr></thead>
<tbody>${accounts}</tbody></table>
<h2>${escapeHtml(t.slowestReplies)}</h2>
<table><thead><tr><th>${escapeHtml(t.account)}</th><th>${escapeHtml(t.platform)}</th><th>${escapeHtml(t.item)}</th><th>${escapeHtml(t.sentAt)}</th><th>${escapeHtml(t.response)}</th><th>${escapeHtml(t.business)}</th><th>${escapeHtml(t.excerpt)}</th></tr></thead>
<tbody>${slowest}</tbody></table>`;
  return `<!doctype html>
<html lang="${escapeHtml(t.lang)}"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${escapeHtml(t.title)}</title><style>${CSS}</style></head>
<body><h1>${escapeHtml(t.title)}</h1>
${metaLines(input, t)}
${body}
</body></html>
`;
}
