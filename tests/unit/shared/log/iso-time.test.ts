// One parser for the log's canonical times, for strings and for raw line bytes alike, equal to Date.parse everywhere.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalIsoMs, parseIsoMs } from '../../../../shared/log/iso-time.ts';

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('parseIsoMs', () => {
  it('matches Date.parse on canonical, edge and odd inputs', () => {
    const samples = [
      '2026-03-10T10:00:00.000Z',
      '2026-02-30T00:00:00.000Z',
      '2024-02-29T12:00:00.000Z',
      '2023-02-29T12:00:00.000Z',
      '2026-12-31T23:59:59.999Z',
      '2026-13-01T00:00:00.000Z',
      '2026-03-10T24:00:00.000Z',
      '2026-03-10T10:00:00+02:00',
      '2026-03-10',
      'nope',
      '20x6-03-10T10:00:00.000Z',
      // Years below 100: Date.UTC would read them as 19xx.
      '0050-06-01T00:00:00.000Z',
      '0000-01-01T00:00:00.000Z',
      // A non-Latin digit look-alike must not pass as an ASCII digit.
      '2026-03-1\u0130T10:00:00.000Z',
    ];
    for (const sample of samples) expect(parseIsoMs(sample), sample).toEqual(Date.parse(sample));
  });

  it('equals Date.parse for any time the app can write', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('0000-01-01T00:00:00.000Z'), max: new Date('9999-12-31T23:59:59.999Z'), noInvalidDate: true }), (date) => {
        const text = date.toISOString();
        expect(parseIsoMs(text)).toBe(Date.parse(text));
      }),
    );
  });
});

describe('canonicalIsoMs (the bytes of a line)', () => {
  it('reads the canonical form where it sits in a buffer, and says NaN for anything else', () => {
    const line = bytes('xx2026-03-10T10:00:00.000Zyy');
    expect(canonicalIsoMs(line, 2)).toBe(Date.parse('2026-03-10T10:00:00.000Z'));
    expect(canonicalIsoMs(bytes('2026-02-30T00:00:00.000Z'), 0)).toBeNaN();
    expect(canonicalIsoMs(bytes('2026-03-10T10:00:00+0200'), 0)).toBeNaN();
    expect(canonicalIsoMs(bytes('2026-03-10T10:00'), 0)).toBeNaN();
  });

  it('agrees with parseIsoMs on every canonical time', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('0000-01-01T00:00:00.000Z'), max: new Date('9999-12-31T23:59:59.999Z'), noInvalidDate: true }), (date) => {
        const text = date.toISOString();
        expect(canonicalIsoMs(bytes(text), 0)).toBe(parseIsoMs(text));
      }),
    );
  });
});
