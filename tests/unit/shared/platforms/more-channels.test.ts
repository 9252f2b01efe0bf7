// Same class of gaps found while fixing issue 8: other Instagram DM kinds, and a Bluesky handle the session has resolved.
import { describe, expect, it } from 'vitest';
import { classify } from '../../../../shared/gate/classify.ts';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

describe('Instagram direct messages of every kind', () => {
  for (const kind of ['link', 'media_share', 'reel_share', 'profile', 'like']) {
    it(`holds broadcast/${kind}/ as a message with its recipient`, () => {
      const body = new URLSearchParams({ link_text: 'look https://example.com', link_urls: '["https://example.com"]', thread_ids: '["340282366841710300949128100000000000001"]' });
      const result = classify({ method: 'POST', url: `https://i.instagram.com/api/v1/direct_v2/threads/broadcast/${kind}/`, headers: FORM, body: enc(body.toString()) });
      expect(result).toMatchObject({ gated: true, platform: 'instagram', action: 'message', rule: `instagram.direct.${kind}` });
      expect(result.gated && result.details).toContainEqual({ key: 'recipient', value: '340282366841710300949128100000000000001' });
    });
  }
  it('reads link_text as the text of a link message', () => {
    const body = new URLSearchParams({ link_text: 'look https://example.com', thread_ids: '["1"]' });
    expect(classify({ method: 'POST', url: 'https://i.instagram.com/api/v1/direct_v2/threads/broadcast/link/', headers: FORM, body: enc(body.toString()) })).toMatchObject({ readable: true, parts: [{ text: 'look https://example.com' }] });
  });
});

describe('Bluesky handle resolved by the session', () => {
  const request = {
    method: 'POST',
    url: 'https://bsky.social/xrpc/com.atproto.repo.createRecord',
    headers: { 'content-type': 'application/json' },
    body: enc(JSON.stringify({ repo: 'Brand.bsky.social', collection: 'app.bsky.feed.post', record: { text: 'hi' } })),
  };
  it('is compared as the DID the session resolved it to', () => {
    const result = classify(request, { context: { platform: 'bluesky', blueskyHandles: new Map([['brand.bsky.social', 'did:plc:brand']]) } });
    expect(result).toMatchObject({ gated: true, identity: 'did:plc:brand' });
  });
  it('stays unknown (null) when the session never resolved it', () => {
    expect(classify(request, { context: { platform: 'bluesky', blueskyHandles: new Map() } })).toMatchObject({ gated: true, identity: null });
  });
});
