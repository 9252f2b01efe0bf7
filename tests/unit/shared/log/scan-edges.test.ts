// Hand-written lines at the edges the random ones rarely reach (escapes of every kind, numbers, spacing, times,
// lengths counted in escapes, trailing bytes): whenever a byte scanner takes one, JSON.parse + the schema take it
// too, with the same values.
import { describe, expect, it } from 'vitest';
import { newReplyScan, scanReplyLine } from '../../../../shared/log/reply-scan.ts';
import {
  newCorrectionScan,
  newGateResultScan,
  newGateScan,
  scanCorrectionLine,
  scanGateLine,
  scanGateResultLine,
  scannedCorrection,
} from '../../../../shared/log/line-scan.ts';
import { scannedAccountRef, scannedString, type ScannedText } from '../../../../shared/log/json-bytes.ts';
import { parseIsoMs } from '../../../../shared/log/iso-time.ts';
import { parsePath } from './line-arbitraries.ts';

const encoder = new TextEncoder();
const text = (b: Uint8Array, s: ScannedText): string | null => (s.start < 0 ? null : scannedString(b, s));

/** What the scanners make of a line (null: none takes it), in the fields the parse path yields. */
function scanned(line: string): Record<string, unknown> | null {
  const b = encoder.encode(line);
  const reply = newReplyScan();
  if (scanReplyLine(b, 0, b.length, reply)) {
    return {
      type: 'reply',
      id: scannedString(b, reply.id),
      account: scannedAccountRef(b, reply.account),
      replyToId: scannedString(b, reply.replyToId),
      targetMs: reply.targetMs,
      sentMs: reply.sentMs,
      excerpt: reply.excerptNull ? null : scannedString(b, reply.excerpt),
    };
  }
  const gate = newGateScan();
  if (scanGateLine(b, 0, b.length, gate)) {
    return {
      type: 'gate',
      requestId: scannedString(b, gate.requestId),
      account: scannedAccountRef(b, gate.account),
      text: text(b, gate.text),
      textHash: text(b, gate.textHash),
    };
  }
  const result = newGateResultScan();
  if (scanGateResultLine(b, 0, b.length, result)) return { type: 'gate-result', requestId: scannedString(b, result.requestId), error: text(b, result.error) };
  const correction = newCorrectionScan();
  if (scanCorrectionLine(b, 0, b.length, correction)) return { ...scannedCorrection(b, correction), receivedMs: correction.receivedMs };
  return null;
}

/** The parse path's line in the same fields as {@link scanned}. */
function parsed(line: string): Record<string, unknown> | null {
  const value = parsePath(encoder.encode(line));
  if (value === null) return null;
  if (value.type === 'reply') {
    return {
      type: 'reply',
      id: value.id,
      account: value.account,
      replyToId: value.replyToId,
      targetMs: value.targetCreatedAt === null ? NaN : parseIsoMs(value.targetCreatedAt),
      sentMs: parseIsoMs(value.sentAt),
      excerpt: value.excerpt,
    };
  }
  if (value.type === 'gate') return { type: 'gate', requestId: value.requestId, account: value.account, text: value.text, textHash: value.textHash };
  if (value.type === 'gate-result') return { type: 'gate-result', requestId: value.requestId, error: value.error };
  if (value.type === 'correction') return { ...value, receivedMs: parseIsoMs(value.receivedAt) };
  return null;
}

const ACCOUNT = String.raw`{"id":"a","handle":"acme","name":"Acme","kind":"brand"}`;
const reply = (over: Partial<Record<string, string>> = {}): string => {
  const f = {
    id: '"e1"',
    account: ACCOUNT,
    replyToId: '"123"',
    target: '"2026-03-10T09:00:00.000Z"',
    sent: '"2026-03-10T10:00:00.000Z"',
    ms: '3600000',
    excerpt: '"hi"',
    ...over,
  };
  return `{"v":1,"type":"reply","id":${f.id},"account":${f.account},"platform":"x","replyToId":${f.replyToId},"targetCreatedAt":${f.target},"startSource":"decoded","sentAt":${f.sent},"responseMs":${f.ms},"excerpt":${f.excerpt}}`;
};
const gate = (over: Partial<Record<string, string>> = {}): string => {
  const f = { at: '"2026-03-10T10:00:00.000Z"', requestId: '"r1"', text: '"hello"', textHash: 'null', ...over };
  return `{"v":1,"type":"gate","at":${f.at},"requestId":${f.requestId},"account":${ACCOUNT},"platform":"x","action":"post","decision":"confirmed","text":${f.text},"textHash":${f.textHash}}`;
};
const result = (over: Partial<Record<string, string>> = {}): string => {
  const f = { requestId: '"r1"', status: '200', error: 'null', ...over };
  return `{"v":1,"type":"gate-result","at":"2026-03-10T10:00:01.000Z","requestId":${f.requestId},"status":${f.status},"error":${f.error}}`;
};
const correction = (over: Partial<Record<string, string>> = {}): string => {
  const f = { targetId: '"e1"', receivedAt: '"2026-03-10T09:00:00.000Z"', at: '"2026-03-10T11:00:00.000Z"', tail: '', ...over };
  return `{"v":1,"type":"correction","targetId":${f.targetId},"receivedAt":${f.receivedAt},"at":${f.at}${f.tail}}`;
};

const STRINGS = [
  String.raw`"\u0000"`,
  String.raw`"a\/b"`,
  String.raw`"\u0061"`,
  String.raw`"\ud83d\ude00"`,
  String.raw`"\ud83d"`,
  String.raw`"\ude00\ud83d"`,
  String.raw`"\uD83D\uDE00"`,
  String.raw`"\u00e9"`,
  String.raw`"\x41"`,
  String.raw`"\u12"`,
  String.raw`"\'"`,
  String.raw`"\"\\\b\f\n\r\t"`,
  '"\\\u00e9"',
  '"\ufeff"',
  '""',
  `"${'x'.repeat(200)}"`,
  `"${'x'.repeat(201)}"`,
  `"${'\\u00e9'.repeat(200)}"`,
  `"${'\\u00e9'.repeat(201)}"`,
  `"${'é'.repeat(200)}"`,
  `"${'é'.repeat(201)}"`,
  `"${'\\ud83d\\ude00'.repeat(100)}"`,
  `"${'\\ud83d\\ude00'.repeat(100)}x"`,
  `"${'😀'.repeat(100)}"`,
  `"${'😀'.repeat(99)}\\ud83d"`,
  `"${'😀'.repeat(100)}\\ud83d"`,
  `"${'x'.repeat(2000)}"`,
  `"${'x'.repeat(1999)}\\/"`,
  `"${'x'.repeat(2000)}\\/"`,
  `"${'x'.repeat(128)}"`,
  `"${'x'.repeat(127)}\\u0078"`,
  `"${'x'.repeat(128)}\\u0078"`,
  '"tab\there"',
  'null',
  'nul',
  '1',
];
const TIMES = [
  '"0000-01-01T00:00:00.000Z"',
  '"0000-02-29T00:00:00.000Z"',
  '"9999-12-31T23:59:59.999Z"',
  '"+002026-03-10T10:00:00.000Z"',
  '"-000001-03-10T10:00:00.000Z"',
  '"2026-03-10T23:59:60.000Z"',
  '"2026-03-10T24:00:00.000Z"',
  '"2026-02-29T00:00:00.000Z"',
  '"2024-02-29T00:00:00.000Z"',
  '"1900-02-29T00:00:00.000Z"',
  '"2026-03-10t10:00:00.000z"',
  '"2026-03-10T10:00:00.000+00:00"',
  '"2026-03-10T10:00:00.0000Z"',
  '"2026-03-10 10:00:00.000Z"',
  '"2026-03-10T10:00:00.00Z"',
  '"\\u0032026-03-10T10:00:00.000Z"',
  'null',
];
const NUMBERS = [
  '-0',
  '0',
  '1.0',
  '1e2',
  '1E2',
  '01',
  '-01',
  '-',
  '1.',
  '.5',
  '+1',
  '1.5',
  '0.000000000000001',
  '123456789012345',
  '1234567890123456',
  'null',
  'NaN',
  '200.0',
  '2e2',
  '1000',
  '999',
  '-1',
  '0200',
];
const TAILS = ['', ' ', '\r', '\t', 'x', '}', ',', '\u0000', '\n'];

describe('the byte scanners at the edges', () => {
  const lines: string[] = [];
  for (const s of STRINGS) {
    lines.push(reply({ id: s }), reply({ replyToId: s }), reply({ excerpt: s }), reply({ account: `{"id":${s},"handle":${s},"name":${s},"kind":"brand"}` }));
    lines.push(gate({ requestId: s }), gate({ text: s }), gate({ textHash: s }), result({ requestId: s }), result({ error: s }));
    lines.push(correction({ targetId: s }), correction({ tail: `,"note":${s}` }));
  }
  for (const t of TIMES) lines.push(reply({ target: t }), reply({ sent: t }), gate({ at: t }), correction({ receivedAt: t }), correction({ at: t }));
  for (const n of NUMBERS) lines.push(reply({ ms: n }), result({ status: n }));
  for (const base of [reply(), gate(), result(), correction(), correction({ tail: ',"note":"n"' })]) {
    for (const tail of TAILS) lines.push(base + tail, tail + base, base.replace(/,/, `,${tail}`), base.replace(/:/, `:${tail}`));
    lines.push('\ufeff' + base, base.replace(/}$/, ',"v":1}'), base.replace('{"v":1,', '{"v":1,"v":1,'), base.replace('"v":1', '"v":1.0'));
  }
  lines.push(
    correction({ tail: ',"note":"a","note":"b"' }),
    correction({ tail: ',"note":null' }),
    reply().replace('"excerpt":"hi"', '"excerpt":"hi","excerpt":null'),
  );

  it('take a line only when the parse path takes it, with the same values', () => {
    let taken = 0;
    for (const line of lines) {
      const fast = scanned(line);
      if (fast === null) continue;
      taken++;
      expect({ line, value: parsed(line) }).toEqual({ line, value: fast });
    }
    // The edges include good lines: the scanners must take a fair share of them.
    expect(taken).toBeGreaterThan(150);
  });

  it('take the plain lines', () => {
    for (const line of [reply(), gate(), result(), correction(), correction({ tail: ',"note":"n"' })]) expect(scanned(line)).not.toBeNull();
  });
});
