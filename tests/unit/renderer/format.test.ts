// The dashboard's figures read the way people say durations, in English and French.
import { describe, expect, it } from 'vitest';
import { formatShare, offsetOf } from '../../../renderer/src/dashboard/format.ts';

describe('formatShare and offsetOf', () => {
  it('formats shares per language', () => {
    expect(formatShare(0.875, 'en')).toBe('88%');
    expect(formatShare(0.875, 'fr').replace(/\s/g, ' ')).toBe('88 %');
  });

  it('writes the ISO offset of a date', () => {
    expect(offsetOf(new Date())).toMatch(/^[+-]\d{2}:\d{2}$/);
  });
});
