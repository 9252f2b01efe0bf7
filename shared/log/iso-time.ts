// The one reader of the log's own time format ("2026-03-10T10:00:00.000Z"), for raw line bytes and for strings,
// without Date.parse's general-purpose cost (a million lines hold two times each).

function digits(b: Uint8Array, at: number, count: number): number {
  let value = 0;
  for (let k = at; k < at + count; k++) {
    const d = (b[k] as number) - 48;
    if (d < 0 || d > 9) return -1;
    value = value * 10 + d;
  }
  return value;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days since 1970-01-01 of a proleptic Gregorian date (exact integer arithmetic; Date.UTC would map years 0–99 to 19xx). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/**
 * Milliseconds of the canonical `toISOString()` form at `b[at, at + 24)`, equal to `Date.parse` of the same text;
 * NaN when the bytes are not that form or a field is out of range (the caller then asks `Date.parse`).
 */
export function canonicalIsoMs(b: Uint8Array, at: number): number {
  if (at + 24 > b.length) return NaN;
  if (b[at + 4] !== 45 || b[at + 7] !== 45 || b[at + 10] !== 84 || b[at + 13] !== 58 || b[at + 16] !== 58 || b[at + 19] !== 46 || b[at + 23] !== 90) {
    return NaN;
  }
  const year = digits(b, at, 4);
  const month = digits(b, at + 5, 2);
  const day = digits(b, at + 8, 2);
  const hour = digits(b, at + 11, 2);
  const minute = digits(b, at + 14, 2);
  const second = digits(b, at + 17, 2);
  const ms = digits(b, at + 20, 3);
  if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59 || ms < 0) {
    return NaN;
  }
  const leap = month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  if (day > (MONTH_DAYS[month - 1] as number) + (leap ? 1 : 0)) return NaN;
  return daysFromCivil(year, month, day) * 86_400_000 + hour * 3_600_000 + minute * 60_000 + second * 1000 + ms;
}

const scratch = new Uint8Array(24);

/**
 * Milliseconds of an ISO time, exactly as `Date.parse` would return them (NaN when invalid).
 * The canonical form goes through `canonicalIsoMs`; anything else (offsets, dates alone) goes to `Date.parse`.
 */
export function parseIsoMs(text: string): number {
  if (text.length === 24) {
    let ascii = true;
    for (let k = 0; k < 24; k++) {
      const c = text.charCodeAt(k);
      if (c > 0x7f) {
        ascii = false;
        break;
      }
      scratch[k] = c;
    }
    if (ascii) {
      const ms = canonicalIsoMs(scratch, 0);
      if (!Number.isNaN(ms)) return ms;
    }
  }
  return Date.parse(text);
}
