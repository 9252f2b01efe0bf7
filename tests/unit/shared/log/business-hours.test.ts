// Business-hours arithmetic across weekends and DST changes, against hand-computed values.
import { describe, it, expect } from 'vitest';
import { BusinessCalendar, defaultSchedule } from '../../../../shared/log/business-hours.ts';

const H = 3_600_000;

describe('BusinessCalendar', () => {
  it('counts only Friday afternoon and Monday morning across a weekend and the Paris spring-forward', () => {
    const calendar = new BusinessCalendar(defaultSchedule('Europe/Paris'));
    // Fri 2026-03-27 16:00 CET (15:00Z) -> Mon 2026-03-30 10:00 CEST (08:00Z); DST began Sun 29 March.
    const start = Date.parse('2026-03-27T15:00:00Z');
    const end = Date.parse('2026-03-30T08:00:00Z');
    expect(end - start).toBe(65 * H);
    expect(calendar.businessMs(start, end)).toBe(2 * H);
  });

  it('makes the Paris DST day two hours long for a 01:00–04:00 schedule', () => {
    const calendar = new BusinessCalendar({ zone: 'Europe/Paris', days: [1, 2, 3, 4, 5, 6, 7], startHour: 1, endHour: 4 });
    // 28 March: 3 h; 29 March: 01:00 CET -> 04:00 CEST = 2 h; 30 March 01:00 CEST (29th 23:00Z) -> 00:00Z = 1 h.
    expect(calendar.businessMs(Date.parse('2026-03-28T00:00:00Z'), Date.parse('2026-03-30T00:00:00Z'))).toBe(6 * H);
  });

  it('keeps 09:00–17:00 local in New York across the March change', () => {
    const calendar = new BusinessCalendar(defaultSchedule('America/New_York'));
    // Fri 2026-03-06 12:00 EST (17:00Z) -> Mon 2026-03-09 12:00 EDT (16:00Z).
    const start = Date.parse('2026-03-06T17:00:00Z');
    const end = Date.parse('2026-03-09T16:00:00Z');
    expect(end - start).toBe(71 * H);
    expect(calendar.businessMs(start, end)).toBe(8 * H);
  });

  it('counts the 25-hour autumn day in full for a round-the-clock schedule', () => {
    const calendar = new BusinessCalendar({ zone: 'Europe/Paris', days: [1, 2, 3, 4, 5, 6, 7], startHour: 0, endHour: 24 });
    expect(calendar.businessMs(Date.parse('2026-10-24T22:00:00Z'), Date.parse('2026-10-25T23:00:00Z'))).toBe(25 * H);
  });

  it('gives zero for a reply entirely over a weekend, and within one working day the plain difference', () => {
    const calendar = new BusinessCalendar(defaultSchedule('UTC'));
    expect(calendar.businessMs(Date.parse('2026-03-07T10:00:00Z'), Date.parse('2026-03-08T18:00:00Z'))).toBe(0);
    expect(calendar.businessMs(Date.parse('2026-03-10T10:00:00Z'), Date.parse('2026-03-10T10:20:00Z'))).toBe(20 * 60_000);
  });

  it('names local days in the schedule zone', () => {
    const calendar = new BusinessCalendar(defaultSchedule('Europe/Paris'));
    expect(calendar.dayLabel(calendar.dayIndex(Date.parse('2026-03-29T23:30:00Z')))).toBe('2026-03-30');
    expect(calendar.dayLabel(calendar.dayIndex(Date.parse('2026-03-29T21:30:00Z')))).toBe('2026-03-29');
  });

  it('rejects an unknown zone and inverted hours', () => {
    expect(() => new BusinessCalendar({ zone: 'Mars/Olympus', days: [1], startHour: 9, endHour: 17 })).toThrow(/time zone/);
    expect(() => new BusinessCalendar({ zone: 'UTC', days: [1], startHour: 17, endHour: 9 })).toThrow(/business hours/);
  });
});
