// Statistics against hand-computed values: median, mean, p90, extremes, target share, buckets, daily and per account.
import { describe, it, expect } from 'vitest';
import { BusinessCalendar } from '../../../../shared/log/business-hours.ts';
import { medianInPlace, selectInPlace, summarise } from '../../../../shared/log/statistics.ts';
import type { AccountRef } from '../../../../shared/log/entry-schema.ts';

const MIN = 60_000;
const brand: AccountRef = { id: 'a1', handle: 'brand', name: 'Brand', kind: 'brand' };
const me: AccountRef = { id: 'a2', handle: 'me', name: 'Me', kind: 'personal' };
const allDay = new BusinessCalendar({ zone: 'UTC', days: [1, 2, 3, 4, 5, 6, 7], startHour: 0, endHour: 24 });

function input(rows: Array<{ minutes: number | null; sent: string; account: number }>) {
  const sentMs = Float64Array.from(rows, (row) => Date.parse(row.sent));
  const startMs = Float64Array.from(rows, (row, i) => (row.minutes === null ? NaN : (sentMs[i] as number) - row.minutes * MIN));
  return { count: rows.length, sentMs, startMs, accountIndex: Uint32Array.from(rows, (row) => row.account), accounts: [brand, me] };
}

describe('summarise', () => {
  const data = input([
    { minutes: 5, sent: '2026-03-02T10:00:00Z', account: 0 },
    { minutes: 10, sent: '2026-03-02T11:00:00Z', account: 0 },
    { minutes: 20, sent: '2026-03-03T10:00:00Z', account: 1 },
    { minutes: 90, sent: '2026-03-03T12:00:00Z', account: 1 },
    { minutes: 300, sent: '2026-03-03T18:00:00Z', account: 0 },
    { minutes: null, sent: '2026-03-03T19:00:00Z', account: 1 },
  ]);

  it('computes median first, mean, p90, extremes and the share within target', () => {
    const summary = summarise(data, allDay);
    expect(Object.keys(summary.calendar)[0]).toBe('median');
    expect(summary.total).toBe(6);
    expect(summary.unknownStart).toBe(1);
    expect(summary.calendar).toEqual({
      median: 20 * MIN,
      count: 5,
      mean: 85 * MIN,
      p90: 300 * MIN,
      fastest: 5 * MIN,
      slowest: 300 * MIN,
      withinTarget: 3 / 5,
    });
    // Round-the-clock business hours: identical to calendar time.
    expect(summary.business).toEqual(summary.calendar);
  });

  it('applies per-account targets', () => {
    const summary = summarise(data, allDay, { targets: { a1: 5 }, defaultTargetMinutes: 100 });
    // a1: 5 ok, 10 late, 300 late; a2: 20 ok, 90 ok -> 3 of 5.
    expect(summary.calendar.withinTarget).toBe(3 / 5);
    const a1 = summary.perAccount.find((row) => row.account.id === 'a1');
    expect(a1?.targetMinutes).toBe(5);
    expect(a1?.calendar.withinTarget).toBeCloseTo(1 / 3);
    expect(a1?.calendar.median).toBe(10 * MIN);
    const a2 = summary.perAccount.find((row) => row.account.id === 'a2');
    expect(a2).toMatchObject({ total: 3, unknownStart: 1 });
    expect(a2?.calendar.median).toBe(55 * MIN);
  });

  it('fills buckets and daily medians', () => {
    const summary = summarise(data, allDay);
    expect(summary.buckets.map((bucket) => bucket.calendar)).toEqual([2, 1, 1, 1, 0]);
    expect(summary.daily).toEqual([
      { day: '2026-03-02', count: 2, medianMs: 7.5 * MIN, businessMedianMs: 7.5 * MIN },
      { day: '2026-03-03', count: 3, medianMs: 90 * MIN, businessMedianMs: 90 * MIN },
    ]);
  });

  it('reports business hours separately from calendar time', () => {
    const office = new BusinessCalendar({ zone: 'UTC', days: [1, 2, 3, 4, 5], startHour: 9, endHour: 17 });
    // Item Friday 16:00Z, reply Monday 09:30Z: calendar 65.5 h, business 1.5 h.
    const one = {
      count: 1,
      sentMs: Float64Array.of(Date.parse('2026-03-09T09:30:00Z')),
      startMs: Float64Array.of(Date.parse('2026-03-06T16:00:00Z')),
      accountIndex: Uint32Array.of(0),
      accounts: [brand],
    };
    const summary = summarise(one, office);
    expect(summary.calendar.median).toBe(65.5 * 60 * MIN);
    expect(summary.business.median).toBe(90 * MIN);
    expect(summary.calendar.withinTarget).toBe(0);
    expect(summary.buckets.find((bucket) => bucket.key === 'gt24h')?.calendar).toBe(1);
    expect(summary.buckets.find((bucket) => bucket.key === '1to4h')?.business).toBe(1);
  });

  it('handles an empty set', () => {
    const summary = summarise(input([]), allDay);
    expect(summary).toMatchObject({ total: 0, unknownStart: 0, daily: [], perAccount: [] });
    expect(summary.calendar.median).toBeNull();
  });
});

describe('selection', () => {
  it('agrees with sorting on random data', () => {
    for (let trial = 0; trial < 50; trial++) {
      const n = 1 + Math.floor(Math.random() * 200);
      const values = Float64Array.from({ length: n }, () => Math.floor(Math.random() * 50));
      const sorted = Float64Array.from(values).sort();
      const k = Math.floor(Math.random() * n);
      expect(selectInPlace(Float64Array.from(values), k)).toBe(sorted[k]);
      const median = n % 2 ? (sorted[n >> 1] as number) : ((sorted[n / 2 - 1] as number) + (sorted[n / 2] as number)) / 2;
      expect(medianInPlace(Float64Array.from(values))).toBe(median);
    }
  });
});
