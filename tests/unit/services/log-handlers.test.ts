// Settings' business hours become the log's schedule exactly, including a day that ends at midnight.
import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../../shared/accounts/settings.ts';
import { scheduleOf } from '../../../electron/main/services/log/log-handlers.ts';

describe('scheduleOf', () => {
  it('turns HH:MM into fractional hours in the settings time zone', () => {
    const settings = { ...defaultSettings('Europe/Paris'), businessHours: { days: [1, 2, 3], start: '08:30', end: '17:45', timeZone: 'Europe/Paris' } };
    expect(scheduleOf(settings)).toEqual({ zone: 'Europe/Paris', days: [1, 2, 3], startHour: 8.5, endHour: 17.75 });
  });

  it('reads a closing time of 00:00 as the end of the day', () => {
    const settings = { ...defaultSettings('UTC'), businessHours: { days: [6, 7], start: '10:00', end: '00:00', timeZone: 'UTC' } };
    expect(scheduleOf(settings).endHour).toBe(24);
  });
});
