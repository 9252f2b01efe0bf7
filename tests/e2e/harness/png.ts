// A known test picture: four coloured quadrants with deterministic noise (so it does not compress below X's 64 kB chunk).
import { deflateSync } from 'node:zlib';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = (CRC_TABLE[(crc ^ byte) & 0xff] ?? 0) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

const QUADRANTS: Array<[number, number, number]> = [
  [200, 30, 30],
  [30, 160, 60],
  [40, 60, 200],
  [220, 200, 40],
];

/** The RGB value of pixel (x, y) of a `size`×`size` test picture. */
export function testPixel(x: number, y: number, size: number): [number, number, number] {
  const base = QUADRANTS[(y < size / 2 ? 0 : 2) + (x < size / 2 ? 0 : 1)] ?? [0, 0, 0];
  let seed = (x * 7919 + y * 104_729) >>> 0;
  seed = (Math.imul(seed ^ (seed >>> 13), 0x5bd1e995) ^ (seed >>> 15)) >>> 0;
  return [base[0] + (seed & 31), base[1] + ((seed >>> 5) & 31), base[2] + ((seed >>> 10) & 31)];
}

/** The test picture as an RGB PNG file. */
export function testPng(size: number): Buffer {
  const raw = Buffer.alloc(size * (size * 3 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 3 + 1)] = 0;
    for (let x = 0; x < size; x++) raw.set(testPixel(x, y, size), y * (size * 3 + 1) + 1 + x * 3);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
