// The one duration formatter reads the way people say durations, in English and French, rounding once.
import { describe, expect, it } from 'vitest';
import { formatDuration } from '../../../../shared/log/duration-format.ts';

const s = 1000;
const min = 60 * s;
const h = 60 * min;

describe('formatDuration', () => {
  it.each([
    [0, '0 s'],
    [45 * s, '45 s'],
    [59.4 * s, '59 s'],
    [42 * min, '42 min'],
    [65 * min, '1 h 05 min'],
    [5 * h + 56 * min, '5 h 56 min'],
    [23 * h + 59 * min, '23 h 59 min'],
    [2 * 24 * h + 3 * h, '2 d 03 h'],
  ])('%d ms reads %s', (ms, text) => {
    expect(formatDuration(ms, 'en')).toBe(text);
  });

  it('rounds to the nearest unit shown, across unit boundaries, without showing 60', () => {
    expect(formatDuration(59.7 * min, 'en')).toBe('1 h 00 min');
    expect(formatDuration(24 * h - 10 * s, 'en')).toBe('1 d 00 h');
    // 12 min 40 s is nearer 13 min than 12: the exports used to floor it and the dashboard to round it.
    expect(formatDuration(12 * min + 40 * s, 'en')).toBe('13 min');
  });

  it('uses "j" for days in French and a dash for unknown values', () => {
    expect(formatDuration(26 * h, 'fr-FR')).toBe('1 j 02 h');
    expect(formatDuration(26 * h, 'fr')).toBe('1 j 02 h');
    expect(formatDuration(null, 'en')).toBe('—');
    expect(formatDuration(Number.NaN, 'fr')).toBe('—');
    expect(formatDuration(-5 * s, 'en')).toBe('0 s');
  });
});
