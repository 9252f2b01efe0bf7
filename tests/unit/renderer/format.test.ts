// The dashboard's figures read the way people say durations, in English and French.
import { describe, expect, it } from 'vitest';
import { formatDuration, formatShare, offsetOf } from '../../../renderer/src/dashboard/format.ts';

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
    [23 * h + 59 * min, '23 h 59 min'],
    [2 * 24 * h + 3 * h, '2 d 03 h'],
  ])('%d ms reads %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });

  it('rounds across unit boundaries without showing 60', () => {
    expect(formatDuration(59.7 * min)).toBe('1 h 00 min');
    expect(formatDuration(24 * h - 10 * s)).toBe('1 d 00 h');
  });

  it('uses "j" for days in French and a dash for unknown values', () => {
    expect(formatDuration(26 * h, 'fr-FR')).toBe('1 j 02 h');
    expect(formatDuration(null)).toBe('—');
    expect(formatDuration(Number.NaN)).toBe('—');
  });
});

describe('formatShare and offsetOf', () => {
  it('formats shares per language', () => {
    expect(formatShare(0.875, 'en')).toBe('88%');
    expect(formatShare(0.875, 'fr').replace(/\s/g, ' ')).toBe('88 %');
  });

  it('writes the ISO offset of a date', () => {
    expect(offsetOf(new Date())).toMatch(/^[+-]\d{2}:\d{2}$/);
  });
});
