// The drawn badge: a filled circle in the given colour, a legible count, transparent corners, BGRA layout.
import { describe, expect, it } from 'vitest';
import { badgeLabel, drawBadge } from '../../../../shared/accounts/badge-bitmap.ts';

const pixel = (pixels: Uint8Array, size: number, x: number, y: number) => Array.from(pixels.slice((y * size + x) * 4, (y * size + x) * 4 + 4));

describe('badgeLabel', () => {
  it('shows 1 to 9, then 9+, and nothing at 0', () => {
    expect([0, 1, 9, 10, 120].map((n) => badgeLabel(n))).toEqual(['', '1', '9', '9+', '9+']);
    expect(badgeLabel(9, true)).toBe('9+');
  });
});

describe('drawBadge', () => {
  it('fills a circle with the colour in BGRA order and leaves the corners transparent', () => {
    const size = 16;
    const pixels = drawBadge(size, '#d92d20');
    expect(pixels.length).toBe(size * size * 4);
    expect(pixel(pixels, size, 8, 8)).toEqual([0x20, 0x2d, 0xd9, 255]);
    for (const [x, y] of [
      [0, 0],
      [15, 0],
      [0, 15],
      [15, 15],
    ] as const)
      expect(pixel(pixels, size, x, y)[3]).toBe(0);
  });

  it('draws the count in white on a dark fill and black on a light one', () => {
    const count = (pixels: Uint8Array, rgba: number[]) => {
      let n = 0;
      for (let at = 0; at < pixels.length; at += 4) if (rgba.every((value, i) => pixels[at + i] === value)) n++;
      return n;
    };
    const dark = drawBadge(16, '#1d4ed8', '3');
    expect(count(dark, [255, 255, 255, 255])).toBeGreaterThan(10);
    const light = drawBadge(16, '#facc15', '3');
    expect(count(light, [0x11, 0x11, 0x11, 255]) + count(light, [0, 0, 0, 255])).toBeGreaterThan(10);
  });

  it('draws different counts differently, and ignores characters it has no glyph for', () => {
    const three = drawBadge(16, '#d92d20', '3');
    const eight = drawBadge(16, '#d92d20', '8');
    expect(Buffer.from(three).equals(Buffer.from(eight))).toBe(false);
    expect(Buffer.from(drawBadge(16, '#d92d20', 'x')).equals(Buffer.from(drawBadge(16, '#d92d20')))).toBe(true);
  });
});
