// The HTML/PDF report laid out by a real browser: every chart label inside its picture, none over a legend,
// on a month of replies in English and French (the words and durations differ in length).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { buildHtmlReport, ENGLISH_REPORT_TEXT } from '../../shared/log/html-report.ts';
import { FRENCH_REPORT_TEXT } from '../../shared/log/report-text-fr.ts';
import type { LogSummary, TimeStats } from '../../shared/log/statistics.ts';
import type { ReplyRow } from '../../shared/log/model.ts';
import { launchChromium } from './harness/chromium.ts';

const HOUR = 3_600_000;
const stats = (median: number): TimeStats => ({
  median,
  count: 400,
  mean: median * 2,
  p90: median * 5,
  fastest: 60_000,
  slowest: 110 * 24 * HOUR,
  withinTarget: 0.4,
});

/** A month of daily medians up to a week, and bucket counts high enough to reach the top of the plot. */
function summary(): LogSummary {
  const daily = Array.from({ length: 31 }, (_, i) => ({
    day: `2026-03-${String(i + 1).padStart(2, '0')}`,
    count: 12,
    medianMs: (i % 7 === 3 ? 170 : (i % 5) + 1) * HOUR,
    businessMedianMs: ((i % 4) + 1) * 0.5 * HOUR,
  }));
  const buckets = ['< 15 min', '15–60 min', '1–4 h', '4–24 h', '> 24 h'].map((label, i) => ({
    key: String(i),
    label,
    calendar: [12345, 44, 48, 61, 145][i] ?? 0,
    business: [20000, 18, 14, 65, 103][i] ?? 0,
  }));
  return { total: 400, unknownStart: 3, calendar: stats(4.6 * HOUR), business: stats(15 * 60_000), buckets, daily, perAccount: [], outsideHours: 0 };
}

/** Slow replies whose cells have no natural break: a formula-like excerpt, a URL, long IDs and handles. */
function slowest(): ReplyRow[] {
  const account = { id: 'a', handle: 'acme_customer_care_official', name: 'Acme Customer Care', kind: 'brand' as const };
  return ['=HYPERLINK("http://evil.example/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")', 'https://example.com/' + 'x'.repeat(120)].map((excerpt, i) => ({
    id: `e${i}`,
    account,
    platform: 'x',
    replyToId: `189999999999999999${i}`,
    targetCreatedAt: '2026-03-01T08:00:00.000Z',
    startAt: '2026-03-01T08:00:00.000Z',
    startSource: 'decoded',
    sentAt: '2026-03-20T08:00:00.000Z',
    responseMs: 19 * 24 * HOUR,
    businessMs: 100 * HOUR,
    targetMinutes: 60,
    withinTarget: false,
    excerpt,
    history: [],
  }));
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('report layout in Chromium', () => {
  for (const text of [ENGLISH_REPORT_TEXT, FRENCH_REPORT_TEXT]) {
    it(`keeps every chart label inside its chart and off the legend (${text.title})`, async () => {
      const html = buildHtmlReport({ filter: {}, summary: summary(), slowest: slowest(), generatedAt: '2026-03-31T12:00:00Z', zone: 'Europe/Paris', text });
      const page = await browser.newPage({ viewport: { width: 800, height: 1000 } });
      try {
        await page.setContent(html);
        const problems = await page.evaluate(
          (series) => {
            const found: string[] = [];
            for (const svg of Array.from(document.querySelectorAll('svg'))) {
              const box = svg.viewBox.baseVal;
              const texts = Array.from(svg.querySelectorAll('text'));
              // Legend entries are the texts naming a series.
              const legend = texts.filter((t) => series.includes(t.textContent ?? ''));
              for (const t of texts) {
                const b = t.getBBox();
                const name = `${svg.getAttribute('aria-label')}: "${t.textContent}"`;
                if (b.x < box.x || b.y < box.y || b.x + b.width > box.x + box.width || b.y + b.height > box.y + box.height)
                  found.push(`${name} is cut at the edge`);
                if (legend.includes(t)) continue;
                for (const l of legend) {
                  const o = l.getBBox();
                  if (b.x < o.x + o.width && o.x < b.x + b.width && b.y < o.y + o.height && o.y < b.y + b.height)
                    found.push(`${name} is printed over the legend "${l.textContent}"`);
                }
              }
            }
            return found;
          },
          [text.calendar, text.business],
        );
        expect(problems).toEqual([]);
        expect(await page.locator('svg[aria-label] polyline').count()).toBe(2);
        // Long unbroken excerpts and 19-digit IDs wrap inside the page instead of pushing the tables past it.
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(800);
      } finally {
        await page.close();
      }
    });
  }
});
