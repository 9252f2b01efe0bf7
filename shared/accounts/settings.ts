// App-wide settings: language, hibernation, gate timeout, privacy of logged text, business hours.
import { z } from 'zod';
import { customRuleSchema } from '../platforms/custom-rules.ts';

export const LOCALES = ['en', 'fr'] as const;
export type Locale = (typeof LOCALES)[number];

export const businessHoursSchema = z.object({
  /** ISO weekdays, 1 = Monday … 7 = Sunday. */
  days: z.array(z.number().int().min(1).max(7)).max(7),
  start: z.string().regex(/^\d{2}:\d{2}$/),
  end: z.string().regex(/^\d{2}:\d{2}$/),
  timeZone: z.string().min(1).max(64),
});
export type BusinessHours = z.infer<typeof businessHoursSchema>;

export const settingsSchema = z.object({
  /** 'system' follows the OS locale. */
  locale: z.enum(['system', ...LOCALES]),
  hibernateMinutes: z
    .number()
    .int()
    .min(1)
    .max(24 * 60),
  gateTimeoutSeconds: z.number().int().min(10).max(3600),
  /** False keeps only a hash of each post's text in the log. */
  logText: z.boolean(),
  businessHours: businessHoursSchema,
  customRules: z.array(customRuleSchema).max(200),
});
export type Settings = z.infer<typeof settingsSchema>;
export const settingsPatchSchema = settingsSchema.partial();
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;

/** Settings on first start. */
export function defaultSettings(timeZone = 'UTC'): Settings {
  return {
    locale: 'system',
    hibernateMinutes: 10,
    gateTimeoutSeconds: 120,
    logText: true,
    businessHours: { days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00', timeZone },
    customRules: [],
  };
}

/** The UI language: the setting, else the OS locale's language when we have it, else English. */
export function resolveLocale(setting: Settings['locale'], systemLocale: string): Locale {
  if (setting !== 'system') return setting;
  const language = systemLocale.toLowerCase().split(/[-_]/)[0];
  return (LOCALES as readonly string[]).includes(language ?? '') ? (language as Locale) : 'en';
}
