// The printable HTML report: one self-contained page (inline CSS and SVG, no external requests), every piece
// of user text escaped; printed to PDF by the app.
import { escapeHtml } from '../escape-html.ts';
import type { LogFilter, ReplyRow } from './model.ts';
import type { LogSummary, TimeStats } from './statistics.ts';
import { formatDuration } from './duration-format.ts';

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
};

/** What the report shows. `slowest` is the few slowest rows, slowest first. */
export interface ReportInput {
  filter: LogFilter;
  summary: LogSummary;
  slowest: ReplyRow[];
  generatedAt: string;
  zone: string;
  text?: ReportText;
}

const CSS = `
*{box-sizing:border-box}body{font:11pt/1.4 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b1f24;margin:24px}
h1{font-size:18pt;margin:0 0 4px}h2{font-size:13pt;margin:20px 0 8px;break-after:avoid}
.meta{color:#57606a;font-size:9pt}table{border-collapse:collapse;width:100%;font-size:9.5pt}
th,td{border-bottom:1px solid #d0d7de;padding:4px 6px;text-align:left;vertical-align:top}
th{background:#f6f8fa}td.n{text-align:right;font-variant-numeric:tabular-nums}
tr{break-inside:avoid}section{break-inside:avoid}svg{max-width:100%;height:auto}
.grid{display:grid;grid-template-columns:1fr 1fr;gap:16px}
@page{size:A4;margin:14mm}@media print{body{margin:0}th{-webkit-print-color-adjust:exact;print-color-adjust:exact}}
`;

function duration(ms: number | null): string {
  return ms === null ? '—' : formatDuration(ms);
}

function share(value: number | null): string {
  return value === null ? '—' : `${Math.round(value * 1000) / 10} %`;
}

function statsTable(summary: LogSummary, t: ReportText): string {
  const row = (label: string, pick: (s: TimeStats) => string): string =>
    `<tr><th>${escapeHtml(label)}</th><td class="n">${pick(summary.calendar)}</td><td class="n">${pick(summary.business)}</td></tr>`;
  return `<table><thead><tr><th></th><th>${escapeHtml(t.calendar)}</th><th>${escapeHtml(t.business)}</th></tr></thead><tbody>
${row(t.median, (s) => duration(s.median))}
${row(t.count, (s) => String(s.count))}
${row(t.mean, (s) => duration(s.mean))}
${row(t.p90, (s) => duration(s.p90))}
${row(t.fastest, (s) => duration(s.fastest))}
${row(t.slowest, (s) => duration(s.slowest))}
${row(t.withinTarget, (s) => share(s.withinTarget))}
<tr><th>${escapeHtml(t.unknownStart)}</th><td class="n">${summary.unknownStart}</td><td></td></tr>
</tbody></table>`;
}

function bucketChart(summary: LogSummary, t: ReportText): string {
  const width = 520;
  const height = 200;
  const max = Math.max(1, ...summary.buckets.flatMap((b) => [b.calendar, b.business]));
  const slot = (width - 40) / summary.buckets.length;
  const bars = summary.buckets
    .map((bucket, i) => {
      const x = 30 + i * slot;
      const hc = ((height - 50) * bucket.calendar) / max;
      const hb = ((height - 50) * bucket.business) / max;
      return `<rect x="${x + 6}" y="${height - 30 - hc}" width="${slot / 2 - 8}" height="${hc}" fill="#0969da"><title>${escapeHtml(t.calendar)}: ${bucket.calendar}</title></rect>
<rect x="${x + slot / 2}" y="${height - 30 - hb}" width="${slot / 2 - 8}" height="${hb}" fill="#8250df"><title>${escapeHtml(t.business)}: ${bucket.business}</title></rect>
<text x="${x + slot / 2}" y="${height - 12}" font-size="10" text-anchor="middle">${escapeHtml(bucket.label)}</text>
<text x="${x + slot / 4 + 2}" y="${height - 34 - hc}" font-size="9" text-anchor="middle">${bucket.calendar}</text>
<text x="${x + (3 * slot) / 4 - 4}" y="${height - 34 - hb}" font-size="9" text-anchor="middle">${bucket.business}</text>`;
    })
    .join('\n');
  const legend = `<rect x="30" y="4" width="10" height="10" fill="#0969da"/><text x="44" y="13" font-size="10">${escapeHtml(t.calendar)}</text>
<rect x="160" y="4" width="10" height="10" fill="#8250df"/><text x="174" y="13" font-size="10">${escapeHtml(t.business)}</text>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${escapeHtml(t.buckets)}">${legend}
<line x1="30" y1="${height - 30}" x2="${width - 10}" y2="${height - 30}" stroke="#57606a"/>${bars}</svg>`;
}

function dailyChart(summary: LogSummary, t: ReportText): string {
  const width = 520;
  const height = 200;
  const days = summary.daily;
  if (days.length === 0) return '';
  const max = Math.max(1, ...days.map((d) => d.medianMs));
  const x = (i: number): number => 50 + (days.length === 1 ? (width - 60) / 2 : (i * (width - 60)) / (days.length - 1));
  const y = (ms: number): number => height - 30 - ((height - 50) * ms) / max;
  const points = days.map((d, i) => `${x(i).toFixed(1)},${y(d.medianMs).toFixed(1)}`).join(' ');
  const dots = days
    .map((d, i) => `<circle cx="${x(i).toFixed(1)}" cy="${y(d.medianMs).toFixed(1)}" r="2.5" fill="#0969da"><title>${escapeHtml(d.day)}: ${escapeHtml(formatDuration(d.medianMs))}</title></circle>`)
    .join('');
  const last = days[days.length - 1];
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${escapeHtml(t.dailyMedian)}">
<line x1="50" y1="${height - 30}" x2="${width - 10}" y2="${height - 30}" stroke="#57606a"/><line x1="50" y1="20" x2="50" y2="${height - 30}" stroke="#57606a"/>
<text x="46" y="24" font-size="9" text-anchor="end">${escapeHtml(formatDuration(max))}</text><text x="46" y="${height - 30}" font-size="9" text-anchor="end">0</text>
<polyline points="${points}" fill="none" stroke="#0969da" stroke-width="1.5"/>${dots}
<text x="50" y="${height - 12}" font-size="10">${escapeHtml(days[0]?.day ?? '')}</text>
<text x="${width - 10}" y="${height - 12}" font-size="10" text-anchor="end">${escapeHtml(last?.day ?? '')}</text></svg>`;
}

function filterText(filter: LogFilter): string {
  const parts: string[] = [];
  if (filter.from) parts.push(`from ${filter.from}`);
  if (filter.to) parts.push(`to ${filter.to}`);
  if (filter.accounts?.length) parts.push(`accounts ${filter.accounts.join(', ')}`);
  if (filter.platforms?.length) parts.push(`platforms ${filter.platforms.join(', ')}`);
  if (filter.kind) parts.push(`kind ${filter.kind}`);
  return parts.length ? parts.join('; ') : '—';
}

/** Builds the whole report page. */
export function buildHtmlReport(input: ReportInput): string {
  const t = input.text ?? ENGLISH_REPORT_TEXT;
  const { summary } = input;
  const accounts = summary.perAccount
    .map(
      (a) => `<tr><td>${escapeHtml(a.account.name)} (@${escapeHtml(a.account.handle)}, ${escapeHtml(a.account.kind)})</td>
<td class="n">${a.total}</td><td class="n">${duration(a.calendar.median)}</td><td class="n">${duration(a.business.median)}</td>
<td class="n">${duration(a.calendar.p90)}</td><td class="n">${share(a.calendar.withinTarget)}</td><td class="n">${a.targetMinutes} min</td><td class="n">${a.unknownStart}</td></tr>`,
    )
    .join('\n');
  const slowest = input.slowest
    .map(
      (r) => `<tr><td>@${escapeHtml(r.account.handle)}</td><td>${escapeHtml(r.platform)}</td><td>${escapeHtml(r.replyToId)}</td>
<td>${escapeHtml(r.sentAt)}</td><td class="n">${duration(r.responseMs)}</td><td class="n">${duration(r.businessMs)}</td><td>${escapeHtml(r.excerpt ?? '')}</td></tr>`,
    )
    .join('\n');
  const body =
    summary.total === 0
      ? `<p>${escapeHtml(t.none)}</p>`
      : `<section>${statsTable(summary, t)}</section>
<div class="grid"><section><h2>${escapeHtml(t.buckets)}</h2>${bucketChart(summary, t)}</section>
<section><h2>${escapeHtml(t.dailyMedian)}</h2>${dailyChart(summary, t)}</section></div>
<h2>${escapeHtml(t.perAccount)}</h2>
<table><thead><tr><th>${escapeHtml(t.account)}</th><th>#</th><th>${escapeHtml(t.median)}</th><th>${escapeHtml(t.median)} (${escapeHtml(t.business)})</th><th>${escapeHtml(t.p90)}</th><th>${escapeHtml(t.withinTarget)}</th><th>${escapeHtml(t.target)}</th><th>${escapeHtml(t.unknownStart)}</th></tr></thead>
<tbody>${accounts}</tbody></table>
<h2>${escapeHtml(t.slowestReplies)}</h2>
<table><thead><tr><th>${escapeHtml(t.account)}</th><th>${escapeHtml(t.platform)}</th><th>${escapeHtml(t.item)}</th><th>${escapeHtml(t.sentAt)}</th><th>${escapeHtml(t.response)}</th><th>${escapeHtml(t.business)}</th><th>${escapeHtml(t.excerpt)}</th></tr></thead>
<tbody>${slowest}</tbody></table>`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${escapeHtml(t.title)}</title><style>${CSS}</style></head>
<body><h1>${escapeHtml(t.title)}</h1>
<p class="meta">${escapeHtml(t.generated)}: ${escapeHtml(input.generatedAt)} (${escapeHtml(input.zone)}) · ${escapeHtml(t.filter)}: ${escapeHtml(filterText(input.filter))}</p>
${body}
</body></html>
`;
}
