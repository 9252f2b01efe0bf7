// ID → creation-time decoders against creation times published alongside real IDs.
import { describe, expect, it } from 'vitest';
import { TID } from '@atproto/common-web';
import {
  decodeBlueskyTid,
  decodeInstagramMediaId,
  decodeItemTime,
  decodeLinkedInUrn,
  decodeMastodonId,
  decodeXSnowflake,
  instagramShortcodeToMediaId,
} from '../../../../shared/platforms/index.ts';

const NOW = new Date('2026-01-01T00:00:00Z');

describe('X snowflake', () => {
  it('decodes the tweet in the X API v2 data dictionary example (created_at 2019-12-31T19:26:16.000Z)', () => {
    // docs.x.com/x-api/fundamentals/data-dictionary (Tweet object example, id 1212092628029698048)
    const date = decodeXSnowflake('1212092628029698048', NOW);
    expect(date?.toISOString().slice(0, 19)).toBe('2019-12-31T19:26:16');
  });
  it("returns null for pre-snowflake IDs such as jack's first tweet (20)", () => {
    expect(decodeXSnowflake('20', NOW)).toBeNull();
    expect(decodeXSnowflake('29700859247', NOW)).toBeNull();
  });
  it('keeps precision above 2^53', () => {
    // 2^53 + 1 shifted: a value a double cannot hold exactly
    const id = ((BigInt(Date.parse('2025-06-01T00:00:00.123Z') - 1288834974657) << 22n) | 0x3fffffn).toString();
    expect(BigInt(id) > 2n ** 53n).toBe(true);
    expect(decodeXSnowflake(id, NOW)?.toISOString()).toBe('2025-06-01T00:00:00.123Z');
  });
  it('rejects future times, bogus and oversized strings', () => {
    const future = (BigInt(NOW.getTime() + 3_600_000 - 1288834974657) << 22n).toString();
    expect(decodeXSnowflake(future, NOW)).toBeNull();
    for (const bad of ['', 'abc', '12e5', '-1212092628029698048', '1'.repeat(25), '0x10']) expect(decodeXSnowflake(bad, NOW)).toBeNull();
  });
});

describe('Mastodon', () => {
  it('decodes the status in the Mastodon docs Status example (created_at 2019-12-08T03:48:33.901Z)', () => {
    // docs.joinmastodon.org/entities/Status/#example, id 103270115826048975
    const date = decodeMastodonId('103270115826048975', NOW);
    expect(Math.abs((date?.getTime() ?? 0) - Date.parse('2019-12-08T03:48:33.901Z'))).toBeLessThan(1000);
  });
  it('returns null for pre-snowflake sequential IDs and non-numeric (Pleroma flake) IDs', () => {
    expect(decodeMastodonId('1', NOW)).toBeNull();
    expect(decodeMastodonId('98765432', NOW)).toBeNull();
    expect(decodeMastodonId('AbCdEfGh123', NOW)).toBeNull();
  });
});

describe('Bluesky TID', () => {
  it('agrees with @atproto/common-web for TIDs it mints, bare or as at:// URIs', () => {
    const tid = TID.fromTime(Date.parse('2024-05-01T12:00:00.000Z') * 1000, 7).toString();
    expect(decodeBlueskyTid(tid, NOW)?.toISOString()).toBe('2024-05-01T12:00:00.000Z');
    const uri = `at://did:plc:z72i7hdynmk6r22z27h6tvur/app.bsky.feed.post/${tid}`;
    expect(decodeItemTime('bluesky', uri, NOW)?.toISOString()).toBe('2024-05-01T12:00:00.000Z');
  });
  it('decodes the atproto spec example TID 3jzfcijpj2z2a to 2023', () => {
    // atproto.com/specs/tid (example TID)
    expect(decodeBlueskyTid('3jzfcijpj2z2a', NOW)?.getUTCFullYear()).toBe(2023);
  });
  it('rejects malformed TIDs, a set top bit and pre-Bluesky times', () => {
    for (const bad of ['self', '3jzfcijpj2z2', 'zzzzzzzzzzzzz', '2222222222222', 'at://did/app.bsky.feed.post/self', '3JZFCIJPJ2Z2A']) {
      expect(decodeBlueskyTid(bad, NOW)).toBeNull();
    }
  });
});

describe('Instagram / Threads media IDs', () => {
  it('converts shortcodes to media IDs like instagrapi (B-fKL9qpeab → 2278584739065882267)', () => {
    // subzeroid/instagrapi docs/usage-guide/media.md
    expect(instagramShortcodeToMediaId('B-fKL9qpeab')).toBe('2278584739065882267');
  });
  it('decodes a media ID, its owner-suffixed form, and a shortcode to the same 2020 time', () => {
    const a = decodeInstagramMediaId('2278584739065882267', NOW);
    expect(a?.toISOString().slice(0, 10)).toBe('2020-04-02');
    expect(decodeInstagramMediaId('2278584739065882267_25025320', NOW)?.getTime()).toBe(a?.getTime());
    expect(decodeItemTime('threads', 'B-fKL9qpeab', NOW)?.getTime()).toBe(a?.getTime());
  });
  it('rejects tiny legacy IDs and junk', () => {
    expect(decodeInstagramMediaId('123', NOW)).toBeNull();
    expect(decodeInstagramMediaId('not a code!', NOW)).toBeNull();
  });
});

describe('LinkedIn URNs', () => {
  it('decodes an activity whose post time a scraper recorded (1764952408517 ms)', () => {
    // chetangoel01/social-media-reports guides/scrapers_guides/linkedin_api_usage.md
    expect(decodeLinkedInUrn('urn:li:activity:7402746946853253120', NOW)?.getTime()).toBe(1764952408517);
    expect(decodeItemTime('linkedin', '7402746946853253120', NOW)?.getTime()).toBe(1764952408517);
  });
  it('uses the comment ID of a comment URN, rejects junk', () => {
    const comment = decodeLinkedInUrn('urn:li:comment:(urn:li:activity:7163147469877407744,7402746946853253120)', NOW);
    expect(comment?.getTime()).toBe(1764952408517);
    expect(decodeLinkedInUrn('urn:li:activity:12', NOW)).toBeNull();
    expect(decodeLinkedInUrn('hello 7402746946853253120', NOW)).toBeNull();
  });
});

describe('decodeItemTime', () => {
  it('returns null on platforms whose IDs carry no time', () => {
    for (const p of ['facebook', 'reddit', 'youtube', 'custom'] as const) expect(decodeItemTime(p, '1212092628029698048', NOW)).toBeNull();
  });
});
