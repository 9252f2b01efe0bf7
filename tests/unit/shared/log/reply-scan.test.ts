// The byte-level reply reader agrees with JSON.parse + validateLogLine on every line it accepts, rejects
// nothing that matters silently (rejected lines take the parse path), and takes the lines the app writes.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { newReplyScan, scanReplyLine, type ReplyScan } from '../../../../shared/log/reply-scan.ts';
import { scannedAccountRef, scannedString } from '../../../../shared/log/json-bytes.ts';
import { PLATFORM_IDS } from '../../../../shared/platforms/platform-id.ts';
import { START_SOURCES, type ReplyLine } from '../../../../shared/log/entry-schema.ts';
import { anyString, damaged, isoTime, parsePath } from './line-arbitraries.ts';

/** The whole scanned line as the schema would return it (tests compare it with JSON.parse + validateLogLine). */
function scannedReply(b: Uint8Array, scan: ReplyScan): Omit<ReplyLine, 'responseMs' | 'targetCreatedAt' | 'sentAt'> & { targetMs: number; sentMs: number } {
  return {
    v: 1,
    type: 'reply',
    id: scannedString(b, scan.id),
    account: scannedAccountRef(b, scan.account),
    platform: PLATFORM_IDS[scan.platform] as ReplyLine['platform'],
    replyToId: scannedString(b, scan.replyToId),
    targetMs: scan.targetMs,
    startSource: START_SOURCES[scan.source] as ReplyLine['startSource'],
    sentMs: scan.sentMs,
    excerpt: scan.excerptNull ? null : scannedString(b, scan.excerpt),
  };
}

const encoder = new TextEncoder();

const reply = fc.record({
  v: fc.oneof({ arbitrary: fc.constant(1), weight: 8 }, fc.constant(2), fc.constant('1')),
  type: fc.oneof({ arbitrary: fc.constant('reply'), weight: 8 }, fc.constant('gate')),
  id: anyString,
  account: fc.record({
    id: fc.oneof(anyString, fc.uuid()),
    handle: anyString,
    name: anyString,
    kind: fc.oneof({ arbitrary: fc.constantFrom('brand', 'personal'), weight: 8 }, fc.constantFrom('other', '')),
  }),
  platform: fc.oneof({ arbitrary: fc.constantFrom('x', 'mastodon', 'bluesky', 'linkedin', 'custom'), weight: 8 }, fc.constantFrom('myspace', 'X')),
  replyToId: anyString,
  targetCreatedAt: fc.oneof(fc.constant(null), isoTime),
  startSource: fc.oneof({ arbitrary: fc.constantFrom('decoded', 'manual', 'import', 'unknown'), weight: 8 }, fc.constant('guessed')),
  sentAt: isoTime,
  responseMs: fc.oneof(fc.constant(null), fc.integer(), fc.double(), fc.constant(1e300), fc.constant(-0)),
  excerpt: fc.oneof(fc.constant(null), anyString),
});

function agree(bytes: Uint8Array): boolean {
  const scan = newReplyScan();
  if (!scanReplyLine(bytes, 0, bytes.length, scan)) return false;
  const parsed = parsePath(bytes);
  const line = parsed?.type === 'reply' ? parsed : null;
  expect(line).not.toBeNull();
  if (line === null) return true;
  const { targetCreatedAt, sentAt, responseMs: _ignored, ...rest } = line;
  expect(scannedReply(bytes, scan)).toEqual({ ...rest, targetMs: targetCreatedAt === null ? NaN : Date.parse(targetCreatedAt), sentMs: Date.parse(sentAt) });
  return true;
}

describe('scanReplyLine', () => {
  it('accepts only what JSON.parse + the schema accept, with the same values', () => {
    let taken = 0;
    fc.assert(
      fc.property(reply, (value) => {
        if (agree(encoder.encode(JSON.stringify(value)))) taken++;
      }),
      { numRuns: 5000 },
    );
    // Sanity: the generator produces accepted lines too, or the property would be empty.
    expect(taken).toBeGreaterThan(500);
  });

  it('agrees after byte-level damage (cut, changed, inserted bytes)', () => {
    const base = {
      v: 1,
      type: 'reply',
      id: 'e1',
      account: { id: 'a', handle: 'acme', name: 'Acmé "Inc"', kind: 'brand' },
      platform: 'x',
      replyToId: '123',
      targetCreatedAt: '2026-03-10T10:00:00.000Z',
      startSource: 'decoded',
      sentAt: '2026-03-10T10:05:00.000Z',
      responseMs: 300000,
      excerpt: 'hi 😀 \\ "there"',
    };
    const bytes = encoder.encode(JSON.stringify(base));
    expect(agree(bytes)).toBe(true);
    fc.assert(
      fc.property(damaged(bytes), (bytes) => {
        agree(bytes);
      }),
      { numRuns: 5000 },
    );
  });

  it('takes the lines the app writes, including escapes and non-ASCII text', () => {
    const line = {
      v: 1,
      type: 'reply',
      id: '0b7e3c2a-5a0e-4d55-9a55-2f0f5e9a7c11',
      account: { id: 'acc', handle: 'brand', name: 'Brand Ünïcode', kind: 'personal' },
      platform: 'bluesky',
      replyToId: 'at://did:plc:abc/app.bsky.feed.post/3k',
      targetCreatedAt: null,
      startSource: 'unknown',
      sentAt: '2024-02-29T23:59:59.999Z',
      responseMs: null,
      excerpt: 'Merci ! "quoted"\nnew line 🎉',
    };
    expect(agree(encoder.encode(JSON.stringify(line)))).toBe(true);
    expect(agree(encoder.encode(JSON.stringify({ ...line, excerpt: null, responseMs: 12.5 })))).toBe(true);
    // Valid JSON in another shape is not ours: the parse path takes it.
    expect(agree(encoder.encode(JSON.stringify(line, null, 1)))).toBe(false);
    expect(agree(encoder.encode(JSON.stringify({ ...line, extra: 1 })))).toBe(false);
  });
});
