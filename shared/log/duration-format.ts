// The one human duration formatter: the dashboard, the CSV / HTML exports and the CLI all print durations through it,
// so a figure reads the same wherever a reviewer meets it.

/** Unit words per language; French shares the SI-like abbreviations except the day ("j"). */
const UNITS: Record<'en' | 'fr', { s: string; min: string; h: string; d: string }> = {
  en: { s: 's', min: 'min', h: 'h', d: 'd' },
  fr: { s: 's', min: 'min', h: 'h', d: 'j' },
};

// Plain spaces (not non-breaking ones) so copied figures paste cleanly; the UI keeps durations on one line with CSS.
const SP = ' ';

const pad2 = (value: number): string => String(value).padStart(2, '0');

/**
 * A duration as people say it, rounded to the nearest unit shown: "45 s" under a minute, "42 min" under an hour,
 * "1 h 05 min" under a day, "2 d 03 h" beyond ("2 j 03 h" in French). Rounding happens once, on the smallest unit
 * shown, so 59.7 min reads "1 h 00 min", never "60 min". Null, undefined and non-finite values give "—".
 *
 * @param ms the duration in milliseconds (negative values count as 0)
 * @param locale a BCP 47 tag; any "fr…" tag gives French units, anything else English
 */
export function formatDuration(ms: number | null | undefined, locale = 'en'): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return '—';
  const u = locale.toLowerCase().startsWith('fr') ? UNITS.fr : UNITS.en;
  const value = Math.max(0, ms);
  const seconds = Math.round(value / 1000);
  if (seconds < 60) return `${seconds}${SP}${u.s}`;
  const minutes = Math.round(value / 60_000);
  if (minutes < 60) return `${minutes}${SP}${u.min}`;
  if (minutes < 24 * 60) return `${Math.floor(minutes / 60)}${SP}${u.h}${SP}${pad2(minutes % 60)}${SP}${u.min}`;
  const hours = Math.round(value / 3_600_000);
  return `${Math.floor(hours / 24)}${SP}${u.d}${SP}${pad2(hours % 24)}${SP}${u.h}`;
}
