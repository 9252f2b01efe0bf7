// File types from magic bytes, and durations from MP4 movie headers and GIF frame delays.
import { describe, expect, it } from 'vitest';
import { durationMs, kindOf, sniffMime } from '../../../../../shared/gate/media/sniff.ts';

const bytes = (...values: Array<number | string>) =>
  new Uint8Array(values.flatMap((value) => (typeof value === 'string' ? [...value].map((ch) => ch.charCodeAt(0)) : [value])));
const u32 = (n: number) => [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255];

describe('sniffMime', () => {
  it('trusts the bytes over the declared type', () => {
    expect(sniffMime(bytes(0x89, 'PNG', 13, 10, 26, 10), 'image/jpeg')).toBe('image/png');
    expect(sniffMime(bytes(0xff, 0xd8, 0xff, 0xe0), null)).toBe('image/jpeg');
    expect(sniffMime(bytes('GIF89a'), null)).toBe('image/gif');
    expect(sniffMime(bytes('RIFF', 0, 0, 0, 0, 'WEBP'), null)).toBe('image/webp');
    expect(sniffMime(bytes(0, 0, 0, 24, 'ftypisom'), null)).toBe('video/mp4');
    expect(sniffMime(bytes(1, 2, 3), 'application/pdf')).toBe('application/pdf');
    expect(kindOf('image/gif')).toBe('gif');
    expect(kindOf('video/mp4')).toBe('video');
  });
});

describe('durationMs', () => {
  it('reads an MP4 mvhd (version 0) inside moov', () => {
    const mvhd = [
      ...u32(8 + 100),
      ...'mvhd'.split('').map((c) => c.charCodeAt(0)),
      0,
      0,
      0,
      0,
      ...u32(0),
      ...u32(0),
      ...u32(1000),
      ...u32(12_345),
      ...new Array(100 - 20).fill(0),
    ];
    const moov = [...u32(8 + mvhd.length), ...'moov'.split('').map((c) => c.charCodeAt(0)), ...mvhd];
    const file = bytes(...u32(16), 'ftypisom', 0, 0, 0, 0, ...moov);
    expect(durationMs(file, 'video/mp4')).toBe(12_345);
    expect(durationMs(file.subarray(0, 40), 'video/mp4')).toBeNull();
  });

  it('sums a GIF’s frame delays', () => {
    const frame = (delay: number) => [0x21, 0xf9, 0x04, 0, delay & 255, delay >> 8, 0, 0x00, 0x2c];
    const gif = bytes('GIF89a', ...new Array(7).fill(0), ...frame(50), ...frame(70), 0x3b);
    expect(durationMs(gif, 'image/gif')).toBe(1200);
    expect(durationMs(bytes('GIF89a', ...new Array(7).fill(0), ...frame(50), 0x3b), 'image/gif')).toBeNull();
  });
});
