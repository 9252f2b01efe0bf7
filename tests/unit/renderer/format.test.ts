// The dashboard's figures read the way people say durations, in English and French.
import { describe, expect, it } from 'vitest';
import { formatClock, formatDateTime, formatDay, formatShare, offsetOf, parseClock, parseDay } from '../../../renderer/src/dashboard/format.ts';

describe('formatShare and offsetOf', () => {
  it('formats shares per language', () => {
    expect(formatShare(0.875, 'en')).toBe('88%');
    expect(formatShare(0.875, 'fr').replace(/\s/g, ' ')).toBe('88 %');
  });

  it('writes the ISO offset of a date', () => {
    expect(offsetOf(new Date())).toMatch(/^[+-]\d{2}:\d{2}$/);
  });
});

describe('one date and time style per language', () => {
  const afternoon = new Date(2026, 11, 1, 13, 59);
  it('writes dates and times 12-hour in English and 24-hour in French', () => {
    expect(formatDateTime(afternoon, 'en')).toBe('12/01/2026, 1:59 PM');
    expect(formatDateTime(afternoon, 'fr')).toBe('01/12/2026 13:59');
    expect(formatDateTime(afternoon.toISOString(), 'fr-FR')).toBe('01/12/2026 13:59');
    expect(formatDateTime(null, 'en')).toBe('—');
    expect(formatDay('2026-12-01', 'en')).toBe('12/01/2026');
    expect(formatDay('2026-12-01', 'fr')).toBe('01/12/2026');
    expect(formatClock('09:00', 'en')).toBe('9:00 AM');
    expect(formatClock('17:30', 'en')).toBe('5:30 PM');
    expect(formatClock('09:00', 'fr')).toBe('09:00');
    expect(formatClock('17:30', 'fr')).toBe('17:30');
  });

  it('reads dates back in the language’s order, and ISO in both', () => {
    expect(parseDay('12/01/2026', 'en')).toBe('2026-12-01');
    expect(parseDay('1/12/2026', 'fr')).toBe('2026-12-01');
    expect(parseDay('2026-12-01', 'fr')).toBe('2026-12-01');
    expect(parseDay('31/02/2026', 'fr')).toBeNull();
    expect(parseDay('13/01/2026', 'en')).toBeNull();
    expect(parseDay('soon', 'en')).toBeNull();
    expect(parseDay(formatDay('2026-03-09', 'fr'), 'fr')).toBe('2026-03-09');
    expect(parseDay(formatDay('2026-03-09', 'en'), 'en')).toBe('2026-03-09');
  });

  it('reads times 12- or 24-hour', () => {
    expect(parseClock('9:00')).toBe('09:00');
    expect(parseClock('9:00 PM')).toBe('21:00');
    expect(parseClock('12:15 am')).toBe('00:15');
    expect(parseClock('21h30')).toBe('21:30');
    expect(parseClock('24:00')).toBeNull();
    expect(parseClock('13:00 pm')).toBeNull();
    expect(parseClock(formatClock('17:30', 'en'))).toBe('17:30');
  });
});
