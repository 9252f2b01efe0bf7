// The byte-level gate, gate result and correction readers agree with JSON.parse + validateLogLine on every line
// they accept (random lines, and good lines after byte damage), and take the lines the app writes.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  newCorrectionScan,
  newGateResultScan,
  newGateScan,
  scanCorrectionLine,
  scanGateLine,
  scanGateResultLine,
  scannedCorrection,
} from '../../../../shared/log/line-scan.ts';
import { scannedAccountRef, scannedString } from '../../../../shared/log/json-bytes.ts';
import type { LogLine } from '../../../../shared/log/entry-schema.ts';
import { anyString, damaged, isoTime, parsePath } from './line-arbitraries.ts';

const encoder = new TextEncoder();

const nullable = (s: { start: number }, value: () => string): string | null => (s.start < 0 ? null : value());

/** Each scanner, with what it read of the line put back into the fields the parse path compares. */
const SCANNERS = {
  gate(bytes: Uint8Array) {
    const scan = newGateScan();
    if (!scanGateLine(bytes, 0, bytes.length, scan)) return null;
    return {
      requestId: scannedString(bytes, scan.requestId),
      account: scannedAccountRef(bytes, scan.account),
      text: nullable(scan.text, () => scannedString(bytes, scan.text)),
      textHash: nullable(scan.textHash, () => scannedString(bytes, scan.textHash)),
    };
  },
  'gate-result'(bytes: Uint8Array) {
    const scan = newGateResultScan();
    if (!scanGateResultLine(bytes, 0, bytes.length, scan)) return null;
    return { requestId: scannedString(bytes, scan.requestId), error: nullable(scan.error, () => scannedString(bytes, scan.error)) };
  },
  correction(bytes: Uint8Array) {
    const scan = newCorrectionScan();
    if (!scanCorrectionLine(bytes, 0, bytes.length, scan)) return null;
    const line = scannedCorrection(bytes, scan);
    expect(scan.receivedMs).toBe(Date.parse(line.receivedAt));
    return line;
  },
} as const;

/** True when some scanner took the line; then the parse path took it too, with the same values. */
function agree(bytes: Uint8Array): boolean {
  let taken = false;
  for (const [type, scanner] of Object.entries(SCANNERS)) {
    const scanned = scanner(bytes);
    if (scanned === null) continue;
    taken = true;
    const line = parsePath(bytes);
    expect(line?.type).toBe(type);
    expect(line).toMatchObject(scanned);
    if (type === 'correction') expect(scanned).toEqual(line);
  }
  return taken;
}

const account = fc.record({
  id: fc.oneof(anyString, fc.uuid()),
  handle: anyString,
  name: anyString,
  kind: fc.oneof({ arbitrary: fc.constantFrom('brand', 'personal'), weight: 8 }, fc.constantFrom('other', '')),
});
const v = fc.oneof({ arbitrary: fc.constant(1), weight: 8 }, fc.constant(2), fc.constant('1'));
const gate = fc.record({
  v,
  type: fc.oneof({ arbitrary: fc.constant('gate'), weight: 8 }, fc.constant('gate-result')),
  at: isoTime,
  requestId: anyString,
  account,
  platform: fc.oneof({ arbitrary: fc.constantFrom('x', 'mastodon', 'bluesky', 'custom'), weight: 8 }, fc.constant('X')),
  action: fc.oneof({ arbitrary: fc.constantFrom('post', 'reply', 'quote', 'edit', 'repost', 'dm'), weight: 8 }, fc.constant('like')),
  decision: fc.oneof({ arbitrary: fc.constantFrom('confirmed', 'cancelled', 'timed-out', 'aborted'), weight: 8 }, fc.constant('maybe')),
  text: fc.oneof(fc.constant(null), anyString, fc.string({ minLength: 2001, maxLength: 2100 })),
  textHash: fc.oneof(fc.constant(null), anyString),
});
const result = fc.record({
  v,
  type: fc.oneof({ arbitrary: fc.constant('gate-result'), weight: 8 }, fc.constant('gate')),
  at: isoTime,
  requestId: anyString,
  status: fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 999 }), fc.integer(), fc.double(), fc.constant(-0), fc.constant(200.5)),
  error: fc.oneof(fc.constant(null), anyString),
});
// JSON.stringify drops an undefined note: the key is then absent, as the app writes a correction without one.
const correction = fc.record({
  v,
  type: fc.oneof({ arbitrary: fc.constant('correction'), weight: 8 }, fc.constant('deletion')),
  targetId: anyString,
  receivedAt: isoTime,
  at: isoTime,
  note: fc.oneof(fc.constant(undefined), fc.constant(null), anyString),
});

describe('the gate, gate result and correction scanners', () => {
  for (const [name, arbitrary] of [
    ['gate', gate],
    ['gate result', result],
    ['correction', correction],
  ] as const) {
    it(`accept only what JSON.parse + the schema accept, with the same values (${name} lines)`, () => {
      let taken = 0;
      fc.assert(
        fc.property(arbitrary, (value: unknown) => {
          if (agree(encoder.encode(JSON.stringify(value)))) taken++;
        }),
        { numRuns: 3000 },
      );
      // The generator produces accepted lines too, or the property would be empty.
      expect(taken).toBeGreaterThan(300);
    });
  }

  const written: LogLine[] = [
    {
      v: 1,
      type: 'gate',
      at: '2026-03-10T10:00:00.000Z',
      requestId: 'r-1',
      account: { id: 'a', handle: 'acme', name: 'Acmé "Inc"', kind: 'brand' },
      platform: 'x',
      action: 'reply',
      decision: 'confirmed',
      text: 'Merci ! "quoted"\nnew line 🎉 \\',
      textHash: 'ab'.repeat(32),
    },
    { v: 1, type: 'gate-result', at: '2026-03-10T10:00:01.000Z', requestId: 'r-1', status: 200, error: null },
    { v: 1, type: 'gate-result', at: '2026-03-10T10:00:01.000Z', requestId: 'r-2', status: null, error: 'net::ERR_FAILED' },
    { v: 1, type: 'correction', targetId: 'e1', receivedAt: '2026-03-10T09:00:00.000Z', at: '2026-03-10T10:00:00.000Z', note: 'from the inbox' },
    { v: 1, type: 'correction', targetId: 'e1', receivedAt: '2026-03-10T09:00:00.000Z', at: '2026-03-10T10:00:00.000Z' },
  ];

  it('take the lines the app writes, and decline valid JSON in another shape', () => {
    for (const line of written) {
      expect(agree(encoder.encode(JSON.stringify(line)))).toBe(true);
      expect(agree(encoder.encode(JSON.stringify(line, null, 1)))).toBe(false);
      expect(agree(encoder.encode(JSON.stringify({ ...line, extra: 1 })))).toBe(false);
    }
  });

  it('agree after byte-level damage (cut, changed, inserted bytes)', () => {
    for (const line of written) {
      fc.assert(
        fc.property(damaged(encoder.encode(JSON.stringify(line))), (bytes) => {
          agree(bytes);
        }),
        { numRuns: 1500 },
      );
    }
  });
});
