// App settings: the UI language follows the explicit choice, else the OS when we speak it, else English; defaults are valid.
import { describe, it, expect } from 'vitest';
import { defaultSettings, resolveLocale, settingsPatchSchema, settingsSchema } from '../../../../shared/accounts/settings.ts';

describe('resolveLocale', () => {
  it.each([
    ['fr-FR', 'fr'],
    ['fr_CA', 'fr'],
    ['FR', 'fr'],
    ['fr', 'fr'],
    ['en-US', 'en'],
    ['en-GB', 'en'],
    ['de-DE', 'en'],
    ['ja', 'en'],
    ['', 'en'],
    ['C', 'en'],
  ])('follows the system locale %j as %s', (system, locale) => {
    expect(resolveLocale('system', system)).toBe(locale);
  });

  it('lets an explicit setting win over the system', () => {
    expect(resolveLocale('en', 'fr-FR')).toBe('en');
    expect(resolveLocale('fr', 'de-DE')).toBe('fr');
    expect(resolveLocale('fr', 'en-US')).toBe('fr');
  });

  it('does not mistake a language that merely starts with "fr" for French', () => {
    expect(resolveLocale('system', 'fur-IT')).toBe('en');
    expect(resolveLocale('system', 'fry')).toBe('en');
  });
});

describe('defaultSettings', () => {
  it('is valid and follows the system language, on weekdays 9 to 5 in the given zone', () => {
    const settings = defaultSettings('Europe/Paris');
    expect(settingsSchema.parse(settings)).toEqual(settings);
    expect(settings.locale).toBe('system');
    expect(settings.businessHours).toEqual({ days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00', timeZone: 'Europe/Paris' });
    expect(settings.logText).toBe(true);
  });

  it('uses UTC when no zone is known, and returns a fresh object each time', () => {
    const first = defaultSettings();
    expect(first.businessHours.timeZone).toBe('UTC');
    first.businessHours.days.push(6);
    expect(defaultSettings().businessHours.days).toEqual([1, 2, 3, 4, 5]);
    expect(defaultSettings().customRules).toEqual([]);
    expect(defaultSettings().customRules).not.toBe(defaultSettings().customRules);
  });
});

describe('settings schemas', () => {
  it('refuses out-of-range numbers and unknown languages', () => {
    expect(settingsPatchSchema.safeParse({ hibernateMinutes: 0 }).success).toBe(false);
    expect(settingsPatchSchema.safeParse({ hibernateMinutes: 24 * 60 + 1 }).success).toBe(false);
    expect(settingsPatchSchema.safeParse({ gateTimeoutSeconds: 9 }).success).toBe(false);
    expect(settingsPatchSchema.safeParse({ gateTimeoutSeconds: 3601 }).success).toBe(false);
    expect(settingsPatchSchema.safeParse({ locale: 'de' }).success).toBe(false);
    expect(settingsPatchSchema.safeParse({ locale: 'fr' }).success).toBe(true);
  });

  it('refuses malformed business hours', () => {
    const hours = defaultSettings().businessHours;
    expect(settingsPatchSchema.safeParse({ businessHours: { ...hours, start: '9:00' } }).success).toBe(false);
    expect(settingsPatchSchema.safeParse({ businessHours: { ...hours, days: [0] } }).success).toBe(false);
    expect(settingsPatchSchema.safeParse({ businessHours: { ...hours, days: [8] } }).success).toBe(false);
  });
});
