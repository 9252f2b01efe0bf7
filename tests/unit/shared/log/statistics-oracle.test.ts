// summarise against a naive sort-based oracle on random data, in time order and shuffled, across weekends and DST.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { BusinessCalendar } from '../../../../shared/log/business-hours.ts';
import { BUCKETS, summarise, type TimeStats } from '../../../../shared/log/statistics.ts';

/** The oracle's own bucketing: the first bucket whose upper bound the duration stays under. */
const bucketOf = (ms: number): number => BUCKETS.findIndex((bucket) => ms < bucket.maxMs);
import type { AccountRef } from '../../../../shared/log/entry-schema.ts';

const accounts: AccountRef[] = [0, 1, 2].map((a) => ({ id: `a${a}`, handle: `h${a}`, name: `A${a}`, kind: 'brand' }));
const targetMs = [60, 5, 600].map((minutes) => minutes * 60_000);

function oracle(values: number[], targets: number[]): TimeStats {
  const sorted = [...values].sort((x, y) => x - y);
  const n = sorted.length;
  if (n === 0) return { median: null, count: 0, mean: null, p90: null, fastest: null, slowest: null, withinTarget: null };
  const median = n % 2 ? (sorted[n >> 1] as number) : ((sorted[n / 2 - 1] as number) + (sorted[n / 2] as number)) / 2;
  return {
    median,
    count: n,
    mean: values.reduce((s, v) => s + v, 0) / n,
    p90: sorted[Math.ceil(0.9 * n) - 1] as number,
    fastest: sorted[0] as number,
    slowest: sorted[n - 1] as number,
    withinTarget: values.filter((v, k) => v <= (targets[k] as number)).length / n,
  };
}

describe('summarise (oracle)', () => {
  it('equals a sort-based computation', () => {
    const calendar = new BusinessCalendar({ zone: 'Europe/Paris', days: [1, 2, 3, 4, 5], startHour: 9, endHour: 17.5 });
    const base = Date.parse('2026-03-20T00:00:00Z');
    const entry = fc.record({
      sent: fc.integer({ min: 0, max: 20 * 86_400_000 }),
      wait: fc.option(fc.integer({ min: -3_600_000, max: 4 * 86_400_000 }), { freq: 5 }),
      account: fc.integer({ min: 0, max: 2 }),
    });
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 300 }), fc.boolean(), (rows, ordered) => {
        if (ordered) rows.sort((x, y) => x.sent - y.sent);
        const sentMs = Float64Array.from(rows, (r) => base + r.sent);
        const startMs = Float64Array.from(rows, (r) => (r.wait === null ? NaN : base + r.sent - r.wait));
        const accountIndex = Uint32Array.from(rows, (r) => r.account);
        const summary = summarise({ count: rows.length, sentMs, startMs, accountIndex, accounts }, calendar, { targets: { a1: 5, a2: 600 } });
        const timed = rows.map((_, i) => i).filter((i) => !Number.isNaN(startMs[i] as number));
        const cal = (i: number) => Math.max(0, (sentMs[i] as number) - (startMs[i] as number));
        const bus = (i: number) => calendar.businessMs(startMs[i] as number, sentMs[i] as number);
        const target = (i: number) => targetMs[accountIndex[i] as number] as number;
        expect(summary.total).toBe(rows.length);
        expect(summary.unknownStart).toBe(rows.length - timed.length);
        expect(summary.calendar).toEqual(oracle(timed.map(cal), timed.map(target)));
        expect(summary.business).toEqual(oracle(timed.map(bus), timed.map(target)));
        expect(summary.buckets.map((b) => [b.calendar, b.business])).toEqual(
          BUCKETS.map((_, k) => [timed.filter((i) => bucketOf(cal(i)) === k).length, timed.filter((i) => bucketOf(bus(i)) === k).length]),
        );
        const days = [...new Set(timed.map((i) => calendar.dayLabel(calendar.dayIndex(sentMs[i] as number))))].sort();
        expect(summary.daily).toEqual(
          days.map((day) => {
            const members = timed.filter((i) => calendar.dayLabel(calendar.dayIndex(sentMs[i] as number)) === day);
            return {
              day,
              count: members.length,
              medianMs: oracle(members.map(cal), members.map(target)).median,
              businessMedianMs: oracle(members.map(bus), members.map(target)).median,
            };
          }),
        );
        for (const row of summary.perAccount) {
          const a = accounts.indexOf(row.account);
          const mine = timed.filter((i) => accountIndex[i] === a);
          expect(row.total).toBe(rows.filter((r) => r.account === a).length);
          expect(row.calendar).toEqual(oracle(mine.map(cal), mine.map(target)));
          expect(row.business).toEqual(oracle(mine.map(bus), mine.map(target)));
        }
        expect(summary.perAccount.length).toBe(new Set(rows.map((r) => r.account)).size);
        // The same entries read through `members` from wider columns (with and without business times given).
        const members = Uint32Array.from(rows, (_, i) => 2 * i + 1);
        const wide = (column: Float64Array) => Float64Array.from({ length: 2 * rows.length + 1 }, (_, j) => (j % 2 ? (column[(j - 1) / 2] as number) : -1e12));
        const wideAccounts = Uint32Array.from({ length: 2 * rows.length + 1 }, (_, j) => (j % 2 ? (accountIndex[(j - 1) / 2] as number) : 2));
        const viaMembers = { count: rows.length, members, sentMs: wide(sentMs), startMs: wide(startMs), accountIndex: wideAccounts, accounts };
        const options = { targets: { a1: 5, a2: 600 } };
        expect(summarise(viaMembers, calendar, options)).toEqual(summary);
        const business = Float64Array.from(viaMembers.startMs, (start, j) =>
          Number.isNaN(start) ? NaN : calendar.businessMs(start, viaMembers.sentMs[j] as number),
        );
        expect(summarise({ ...viaMembers, businessMs: business }, calendar, options)).toEqual(summary);
      }),
      { numRuns: 300 },
    );
  });
});

describe('selectRanks', () => {
  it('agrees with sorting on large arrays, with heavy ties and skew', async () => {
    const { selectRanks } = await import('../../../../shared/log/selection.ts');
    const makers = [
      () => Math.random() * 1e9,
      () => Math.floor(Math.random() * 5),
      () => (Math.random() < 0.95 ? 7 : Math.random()),
      () => Math.random() ** 8 * 1e6,
    ];
    for (const make of makers) {
      for (const n of [20_000, 100_001]) {
        const data = Float64Array.from({ length: n }, make);
        const copy = data.slice();
        const sorted = data.slice().sort();
        const ks: [number, number, number] = [0, n >> 1, n - 1];
        const k = Math.floor(Math.random() * n);
        expect(selectRanks(data, ks[0], k, ks[2])).toEqual([sorted[0], sorted[k], sorted[n - 1]]);
        expect(selectRanks(data, (n >> 1) - 1, n >> 1, Math.ceil(0.9 * n) - 1)).toEqual([sorted[(n >> 1) - 1], sorted[n >> 1], sorted[Math.ceil(0.9 * n) - 1]]);
        expect(data).toEqual(copy);
      }
    }
  });
});
