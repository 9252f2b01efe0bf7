// How many timed replies were sent while the business schedule was closed: the figure that explains a business-hours
// median far below the calendar one (a reply at 22:00 to an item from 21:50 counts 0 business seconds).
import { describe, expect, it } from 'vitest';
import { BusinessCalendar } from '../../../../shared/log/business-hours.ts';
import type { AccountRef } from '../../../../shared/log/entry-schema.ts';
import { summarise } from '../../../../shared/log/statistics.ts';

const MIN = 60_000;
const brand: AccountRef = { id: 'a1', handle: 'brand', name: 'Brand', kind: 'brand' };
// Monday to Friday, 09:00–17:00 in Paris (UTC+1 in March).
const office = new BusinessCalendar({ zone: 'Europe/Paris', days: [1, 2, 3, 4, 5], startHour: 9, endHour: 17 });

function input(rows: Array<{ minutes: number | null; sent: string }>) {
  const sentMs = Float64Array.from(rows, (row) => Date.parse(row.sent));
  const startMs = Float64Array.from(rows, (row, i) => (row.minutes === null ? NaN : (sentMs[i] as number) - row.minutes * MIN));
  return { count: rows.length, sentMs, startMs, accountIndex: new Uint32Array(rows.length), accounts: [brand] };
}

describe('replies sent outside business hours', () => {
  it('counts timed replies sent while the schedule is closed, not the untimed ones', () => {
    const summary = summarise(
      input([
        { minutes: 5, sent: '2026-03-02T09:30:00Z' }, // Monday 10:30 Paris: open
        { minutes: 10, sent: '2026-03-02T16:00:00Z' }, // Monday 17:00 Paris: closed (the end is exclusive)
        { minutes: 10, sent: '2026-03-02T07:59:00Z' }, // Monday 08:59 Paris: closed
        { minutes: 10, sent: '2026-03-02T08:00:00Z' }, // Monday 09:00 Paris: open
        { minutes: 20, sent: '2026-03-07T12:00:00Z' }, // Saturday: closed
        { minutes: null, sent: '2026-03-07T13:00:00Z' }, // Saturday, start unknown: not timed, not counted
      ]),
      office,
    );
    expect(summary.business.count).toBe(5);
    expect(summary.outsideHours).toBe(3);
  });

  it('is 0 for an empty selection', () => {
    expect(summarise(input([]), office).outsideHours).toBe(0);
  });

  it('answers isOpen out of time order, across stretches it remembered, and on days built later', () => {
    const calendar = new BusinessCalendar({ zone: 'UTC', days: [1, 2, 3, 4, 5], startHour: 9, endHour: 17 });
    const at = (iso: string) => calendar.isOpen(Date.parse(iso));
    expect(at('2026-03-04T12:00:00Z')).toBe(true); // Wednesday noon
    expect(at('2026-03-04T20:00:00Z')).toBe(false);
    expect(at('2026-03-05T08:59:59Z')).toBe(false); // Thursday, before opening: same closed stretch
    expect(at('2026-03-05T09:00:00Z')).toBe(true);
    expect(at('2025-06-02T10:00:00Z')).toBe(true); // a Monday long before: the calendar grows back
    expect(at('2025-06-01T10:00:00Z')).toBe(false); // Sunday
    expect(at('2026-03-04T16:59:59Z')).toBe(true);
  });

  it('answers isOpen at the edges of a working day and across a DST change', () => {
    expect(office.isOpen(Date.parse('2026-03-02T08:00:00Z'))).toBe(true);
    expect(office.isOpen(Date.parse('2026-03-02T07:59:59Z'))).toBe(false);
    expect(office.isOpen(Date.parse('2026-03-02T16:00:00Z'))).toBe(false);
    // After 29 March Paris is UTC+2: 09:00 local is 07:00 UTC.
    expect(office.isOpen(Date.parse('2026-03-30T07:00:00Z'))).toBe(true);
    expect(office.isOpen(Date.parse('2026-03-30T06:59:00Z'))).toBe(false);
  });
});
