// Label contrast on account colours: WCAG arithmetic checked against known values, and the picked text colour is always the more readable one.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { AA_NORMAL_TEXT, contrastRatio, readableTextColor, relativeLuminance } from '../../../../shared/accounts/contrast.ts';
import { ACCOUNT_PALETTE } from '../../../../shared/accounts/platforms.ts';

const hexColor = fc
  .tuple(fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 255 }))
  .map((channels) => `#${channels.map((value) => value.toString(16).padStart(2, '0')).join('')}`);

describe('relativeLuminance', () => {
  it.each([
    ['#000000', 0],
    ['#ffffff', 1],
    ['#FFFFFF', 1],
    ['#ff0000', 0.2126],
    ['#00ff00', 0.7152],
    ['#0000ff', 0.0722],
    ['#808080', 0.2158605],
  ])('of %s is %d', (hex, luminance) => {
    expect(relativeLuminance(hex)).toBeCloseTo(luminance, 6);
  });

  it.each(['#fff', 'ffffff', '#fffffff', 'white', '#ggg000', ''])('refuses %j instead of guessing', (hex) => {
    expect(() => relativeLuminance(hex)).toThrow(/not a #rrggbb colour/);
  });
});

describe('contrastRatio', () => {
  it('is 21 for black on white and 1 for a colour on itself', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 10);
    expect(contrastRatio('#1d4ed8', '#1d4ed8')).toBe(1);
  });

  it.each([
    // Reference values from the WebAIM contrast checker.
    ['#767676', '#ffffff', 4.54],
    ['#777777', '#ffffff', 4.48],
    ['#0000ff', '#ffffff', 8.59],
    ['#ff0000', '#ffffff', 4.0],
    ['#ffff00', '#000000', 19.56],
  ])('%s on %s is %d : 1', (a, b, ratio) => {
    expect(contrastRatio(a, b)).toBeCloseTo(ratio, 2);
  });

  it('does not depend on argument order and stays within 1..21', () => {
    fc.assert(
      fc.property(hexColor, hexColor, (a, b) => {
        const ratio = contrastRatio(a, b);
        expect(ratio).toBeCloseTo(contrastRatio(b, a), 12);
        expect(ratio).toBeGreaterThanOrEqual(1);
        expect(ratio).toBeLessThanOrEqual(21 + 1e-9);
      }),
      { seed: 20260310, numRuns: 500 },
    );
  });
});

describe('readableTextColor', () => {
  it('puts white text on dark colours and dark text on light ones', () => {
    expect(readableTextColor('#000000')).toBe('#ffffff');
    expect(readableTextColor('#1d4ed8')).toBe('#ffffff');
    expect(readableTextColor('#ffffff')).toBe('#111111');
    expect(readableTextColor('#facc15')).toBe('#111111');
  });

  it.each(ACCOUNT_PALETTE.map((color) => [color]))('keeps the label on palette colour %s at WCAG AA (≥ 4.5)', (color) => {
    expect(contrastRatio(color, readableTextColor(color))).toBeGreaterThanOrEqual(AA_NORMAL_TEXT);
  });

  it('always picks the better of the two text colours, and reaches AA whenever either one does', () => {
    fc.assert(
      fc.property(hexColor, (background) => {
        const picked = readableTextColor(background);
        const other = picked === '#111111' ? '#ffffff' : '#111111';
        const pickedRatio = contrastRatio(background, picked);
        expect(pickedRatio).toBeGreaterThanOrEqual(contrastRatio(background, other));
        if (Math.max(contrastRatio(background, '#111111'), contrastRatio(background, '#ffffff')) >= AA_NORMAL_TEXT) {
          expect(pickedRatio).toBeGreaterThanOrEqual(AA_NORMAL_TEXT);
        }
      }),
      { seed: 42, numRuns: 2000 },
    );
  });

  it('falls short of AA only on mid-tones, where neither text colour reaches it (documented limit)', () => {
    // Near-black #111111 instead of pure black costs a little contrast: on a mid-tone such as #9966aa
    // neither #111111 (≈4.35) nor white (≈4.30) reaches 4.5, so the label is the better of two imperfect choices.
    const midTone = '#9966aa';
    expect(contrastRatio(midTone, '#111111')).toBeLessThan(AA_NORMAL_TEXT);
    expect(contrastRatio(midTone, '#ffffff')).toBeLessThan(AA_NORMAL_TEXT);
    expect(readableTextColor(midTone)).toBe('#111111');

    // Across a 4096-colour grid the worst label still keeps more than 4.3 : 1 — never unreadable.
    let worst = Infinity;
    for (let i = 0; i < 4096; i++) {
      const hex = `#${[i >> 8, (i >> 4) & 15, i & 15].map((nibble) => (nibble * 17).toString(16).padStart(2, '0')).join('')}`;
      worst = Math.min(worst, contrastRatio(hex, readableTextColor(hex)));
    }
    expect(worst).toBeGreaterThan(4.3);
  });
});
