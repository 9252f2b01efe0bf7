// Generators shared by the byte-scanner property tests: strings and times at and past every limit the log
// schema sets, and byte-level damage of a good line.
import fc from 'fast-check';
import { validateLogLine, type LogLine } from '../../../../shared/log/entry-schema.ts';

/** Strings of every kind, including the schema's limits (1, 128, 200, 2000 units) and one past each. */
export const anyString = fc.oneof(
  { arbitrary: fc.string({ minLength: 1, maxLength: 12 }), weight: 4 },
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.string({ unit: 'grapheme', maxLength: 6 }),
  fc.constantFrom(
    '',
    'x'.repeat(128),
    'x'.repeat(129),
    'x'.repeat(200),
    'x'.repeat(201),
    'é'.repeat(200),
    '😀'.repeat(100),
    '😀'.repeat(101),
    'a"b',
    'a\\b',
    'line\nbreak',
    '\u0000',
    '\ud800',
    // U+FEFF first: a TextDecoder left at its default drops it (a byte order mark) from the value.
    '\ufeff',
    '\ufeffx',
    'x'.repeat(2000),
    'x'.repeat(2001),
  ),
);

/** ISO times: canonical ones over the whole range, and odd ones (leap days, out-of-range fields, offsets). */
export const isoTime = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.date({ min: new Date('0000-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59Z'), noInvalidDate: true }).map((d) => d.toISOString()),
  },
  fc.constantFrom(
    '2026-02-29T00:00:00.000Z',
    '2024-02-29T10:00:00.000Z',
    '2026-02-30T00:00:00.000Z',
    '2026-03-10T24:00:00.000Z',
    '2026-03-10T23:59:60.000Z',
    '2026-13-01T00:00:00.000Z',
    '2026-03-10T10:00:00Z',
    '2026-03-10T10:00:00.000+02:00',
    'nope',
    '2026-03-10',
  ),
);
/** A good line's bytes after one to three random edits (a byte set, the rest cut, a byte inserted). */
export function damaged(bytes: Uint8Array): fc.Arbitrary<Uint8Array> {
  return fc
    .array(fc.tuple(fc.nat(bytes.length - 1), fc.integer({ min: 0, max: 255 }), fc.constantFrom('set', 'cut', 'insert')), { minLength: 1, maxLength: 3 })
    .map((edits) => {
      let out = Array.from(bytes);
      for (const [at, byte, kind] of edits) {
        const k = Math.min(at, out.length - 1);
        if (kind === 'set') out[k] = byte;
        else if (kind === 'cut') out = out.slice(0, k);
        else out.splice(k, 0, byte);
      }
      return Uint8Array.from(out);
    });
}

const decoder = new TextDecoder();

/** What the parse path makes of a line's bytes: the validated line, or null. */
export function parsePath(bytes: Uint8Array): LogLine | null {
  let value: unknown;
  try {
    value = JSON.parse(decoder.decode(bytes));
  } catch {
    return null;
  }
  const checked = validateLogLine(value);
  return checked.ok ? checked.line : null;
}
