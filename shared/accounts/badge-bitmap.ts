// A small round badge drawn pixel by pixel (a filled circle with a short count), for the Windows taskbar overlay and notice icons.
import { readableTextColor } from './contrast.ts';

// 3×5 glyphs, one string per row, '#' is ink.
const GLYPHS: Record<string, readonly string[]> = {
  '0': ['###', '#.#', '#.#', '#.#', '###'],
  '1': ['.#.', '##.', '.#.', '.#.', '###'],
  '2': ['###', '..#', '###', '#..', '###'],
  '3': ['###', '..#', '###', '..#', '###'],
  '4': ['#.#', '#.#', '###', '..#', '..#'],
  '5': ['###', '#..', '###', '..#', '###'],
  '6': ['###', '#..', '###', '#.#', '###'],
  '7': ['###', '..#', '..#', '..#', '..#'],
  '8': ['###', '#.#', '###', '#.#', '###'],
  '9': ['###', '#.#', '###', '..#', '###'],
  '+': ['...', '.#.', '###', '.#.', '...'],
};

/** The label that fits a taskbar-sized badge: 1–9, then "9+". */
export function badgeLabel(count: number, more = false): string {
  if (count <= 0) return '';
  return count > 9 || (count === 9 && more) ? '9+' : String(count);
}

/**
 * Draws a `size`×`size` badge: a circle filled with `fill` (#rrggbb) and `text` (digits and '+') in
 * black or white, whichever reads better on the fill. Returns raw BGRA pixels, the layout
 * `nativeImage.createFromBitmap` takes; outside the circle is transparent.
 */
export function drawBadge(size: number, fill: string, text = ''): Uint8Array {
  const pixels = new Uint8Array(size * size * 4);
  const [r, g, b] = rgb(fill);
  const radius = size / 2;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const dx = x + 0.5 - radius;
      const dy = y + 0.5 - radius;
      if (dx * dx + dy * dy <= radius * radius) put(pixels, size, x, y, [r, g, b]);
    }
  }
  const glyphs = [...text].map((char) => GLYPHS[char]).filter((glyph): glyph is readonly string[] => glyph !== undefined);
  if (glyphs.length === 0) return pixels;
  const units = glyphs.length * 4 - 1;
  const scale = Math.max(1, Math.min(Math.floor((size * 0.75) / units), Math.floor((size * 0.7) / 5)));
  const ink = rgb(readableTextColor(fill));
  const left = Math.floor((size - units * scale) / 2);
  const top = Math.floor((size - 5 * scale) / 2);
  glyphs.forEach((glyph, index) => {
    glyph.forEach((row, gy) => {
      [...row].forEach((cell, gx) => {
        if (cell !== '#') return;
        for (let sy = 0; sy < scale; sy++) {
          for (let sx = 0; sx < scale; sx++) put(pixels, size, left + (index * 4 + gx) * scale + sx, top + gy * scale + sy, ink);
        }
      });
    });
  });
  return pixels;
}

function put(pixels: Uint8Array, size: number, x: number, y: number, [r, g, b]: readonly [number, number, number]): void {
  if (x < 0 || y < 0 || x >= size || y >= size) return;
  const at = (y * size + x) * 4;
  pixels[at] = b;
  pixels[at + 1] = g;
  pixels[at + 2] = r;
  pixels[at + 3] = 255;
}

function rgb(hex: string): [number, number, number] {
  const value = /^#([0-9a-f]{6})$/i.exec(hex)?.[1] ?? '000000';
  return [0, 2, 4].map((at) => parseInt(value.slice(at, at + 2), 16)) as [number, number, number];
}
