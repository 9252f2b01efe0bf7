// Business days read the same on the dashboard and in the reports: one formatWeekdays, in English and French.
import { describe, expect, it } from 'vitest';
import { formatWeekdays } from '../../../../shared/log/weekdays.ts';
import { scheduleText } from '../../../../shared/log/report-facts.ts';

// What the dashboard and the reports printed before they shared one function (ISO days, 1 = Monday).
const CASES: Array<[readonly number[], string, string]> = [
  [[1, 2, 3, 4, 5], 'Mon–Fri', 'lun.–ven.'],
  [[1, 3, 6, 7], 'Mon, Wed, Sat, Sun', 'lun., mer., sam., dim.'],
  [[1, 2], 'Mon, Tue', 'lun., mar.'],
  [[7, 1, 2, 3], 'Mon–Wed, Sun', 'lun.–mer., dim.'],
  [[5, 6, 7, 1], 'Mon, Fri–Sun', 'lun., ven.–dim.'],
  [[1, 2, 3, 4, 5, 6, 7], 'Mon–Sun', 'lun.–dim.'],
  [[0, 8, 2, 2, 3, 4], 'Tue–Thu', 'mar.–jeu.'],
  [[], '', ''],
];

describe('formatWeekdays', () => {
  it.each(CASES)('%j reads "%s" in English and "%s" in French', (days, en, fr) => {
    expect(formatWeekdays(days, 'en')).toBe(en);
    expect(formatWeekdays(days, 'fr')).toBe(fr);
  });

  it('is what the reports print before the hours', () => {
    for (const [days, en, fr] of CASES) {
      const schedule = { zone: 'Europe/Paris', days: [...days], startHour: 9, endHour: 17.5 };
      expect(scheduleText(schedule, 'en')).toBe(`${en} 09:00–17:30 (Europe/Paris)`);
      expect(scheduleText(schedule, 'fr')).toBe(`${fr} 09:00–17:30 (Europe/Paris)`);
    }
  });
});
