// Same class of gaps found while fixing issue 8: other Instagram DM kinds, and a Bluesky handle the session has resolved.
import { describe, expect, it } from 'vitest';
import { classify } from '../../../../shared/gate/classify.ts';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

describe('Instagram direct messages of every kind', () => {
  for (const kind of ['link', 'media_share', 'reel_share', 'profile', 'like']) {
    it(`holds broadcast/${kind}/ as a message with its recipient`, () => {
      const body = new URLSearchParams({
        link_text: 'look https://example.com',
        link_urls: '["https://example.com"]',
        thread_ids: '["340282366841710300949128100000000000001"]',
      });
      const result = classify({
        method: 'POST',
        url: `https://i.instagram.com/api/v1/direct_v2/threads/broadcast/${kind}/`,
        headers: FORM,
        body: enc(body.toString()),
      });
      expect(result).toMatchObject({ gated: true, platform: 'instagram', action: 'message', rule: `instagram.direct.${kind}` });
      expect(result.gated && result.details).toContainEqual({ key: 'recipient', value: '340282366841710300949128100000000000001' });
    });
  }
  it('reads link_text as the text of a link message', () => {
    const body = new URLSearchParams({ link_text: 'look https://example.com', thread_ids: '["1"]' });
    expect(
      classify({ method: 'POST', url: 'https://i.instagram.com/api/v1/direct_v2/threads/broadcast/link/', headers: FORM, body: enc(body.toString()) }),
    ).toMatchObject({ readable: true, parts: [{ text: 'look https://example.com' }] });
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

describe('parameters in the query string are read too (Rails, r2 and Twitter v1.1 merge them with the body)', () => {
  it('Mastodon: a status in the query is what gets posted when the body has none', () => {
    const result = classify({
      method: 'POST',
      url: 'https://hachyderm.io/api/v1/statuses?status=Hidden%20words',
      headers: { 'content-type': 'application/json' },
      body: enc('{"visibility":"public"}'),
    });
    expect(result).toMatchObject({ gated: true, parts: [{ text: 'Hidden words' }] });
  });
  it('Mastodon: a status in both query and body is ambiguous, every value shown', () => {
    const result = classify({ method: 'POST', url: 'https://hachyderm.io/api/v1/statuses?status=from%20query', headers: FORM, body: enc('status=from+body') });
    expect(result).toMatchObject({ gated: true, readable: false, unreadableReason: 'ambiguous-field' });
    expect(result.gated && result.details).toEqual(
      expect.arrayContaining([
        { key: 'ambiguousField', value: 'status: from query' },
        { key: 'ambiguousField', value: 'status: from body' },
      ]),
    );
  });
  it('Reddit: a comment whose text travels in the query', () => {
    expect(
      classify({ method: 'POST', url: 'https://oauth.reddit.com/api/comment?thing_id=t3_abc&text=hello', headers: FORM, body: enc('api_type=json') }),
    ).toMatchObject({ gated: true, action: 'reply', parts: [{ text: 'hello', replyToId: 't3_abc' }] });
  });
  it('X v1.1: statuses/update with the status in the query and no body', () => {
    expect(classify({ method: 'POST', url: 'https://api.x.com/1.1/statuses/update.json?status=Query%20tweet', body: null })).toMatchObject({
      gated: true,
      platform: 'x',
      readable: true,
      parts: [{ text: 'Query tweet' }],
    });
  });
});

describe('LinkedIn batch create', () => {
  it('shows every post of a BATCH_CREATE, in order', () => {
    const body = {
      elements: [
        { author: 'urn:li:organization:1', commentary: 'First', lifecycleState: 'PUBLISHED', visibility: 'PUBLIC' },
        { author: 'urn:li:organization:1', commentary: 'Second', lifecycleState: 'PUBLISHED', visibility: 'PUBLIC' },
      ],
    };
    const result = classify({
      method: 'POST',
      url: 'https://api.linkedin.com/rest/posts',
      headers: { 'content-type': 'application/json', 'x-restli-method': 'BATCH_CREATE' },
      body: enc(JSON.stringify(body)),
    });
    expect(result).toMatchObject({ gated: true, readable: true, identity: 'linkedin:urn:li:organization:1', parts: [{ text: 'First' }, { text: 'Second' }] });
  });
});
