// classify(): fail-closed body handling, exact IDs above 2^53, custom rules, and never throwing.
import { describe, expect, it } from 'vitest';
import { classify } from '../../../../shared/gate/classify.ts';
import { parseJsonKeepingBigInts } from '../../../../shared/platforms/json-body.ts';
import { customRuleSchema, type CustomRule } from '../../../../shared/platforms/custom-rules.ts';
import type { OutgoingRequest } from '../../../../shared/gate/types.ts';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
const CREATE_TWEET = 'https://x.com/i/api/graphql/SiM_cAu83R0wnrpmKQQSEw/CreateTweet';

describe('64-bit IDs', () => {
  const raw =
    '{"variables":{"tweet_text":"x","reply":{"in_reply_to_tweet_id":1790000000000000001}},"n":9007199254740993,"f":0.12345678901234567,"s":"1790000000000000001 in a string"}';
  it('keeps integer literals above 2^53 exact (reviver with context.source)', () => {
    const parsed = parseJsonKeepingBigInts(raw) as { variables: { reply: { in_reply_to_tweet_id: unknown } }; n: unknown; f: unknown; s: unknown };
    expect(parsed.variables.reply.in_reply_to_tweet_id).toBe('1790000000000000001');
    expect(parsed.n).toBe('9007199254740993');
    expect(parsed.f).toBeCloseTo(0.123456789);
    expect(parsed.s).toBe('1790000000000000001 in a string');
  });
  it('keeps them exact through the regex fallback too', () => {
    const parsed = parseJsonKeepingBigInts(raw, true) as { variables: { reply: { in_reply_to_tweet_id: unknown } }; n: unknown; f: unknown; s: unknown };
    expect(parsed.variables.reply.in_reply_to_tweet_id).toBe('1790000000000000001');
    expect(parsed.n).toBe('9007199254740993');
    expect(typeof parsed.f).toBe('number');
    expect(parsed.s).toBe('1790000000000000001 in a string');
  });
  it('reports the reply target of a numeric-ID CreateTweet as the exact string', () => {
    const result = classify({ method: 'POST', url: CREATE_TWEET, body: enc(raw) });
    expect(result.gated && result.parts[0]?.replyToId).toBe('1790000000000000001');
  });
});

describe('fail closed', () => {
  it('holds a matched endpoint whose body is unreadable, as unreadable', () => {
    const result = classify({ method: 'POST', url: CREATE_TWEET, body: null, bodyUnreadable: true });
    expect(result).toMatchObject({ gated: true, platform: 'x', readable: false, unreadableReason: 'body-unavailable' });
    expect(result.gated && result.parts).toEqual([{ text: null, mediaCount: 0, replyToId: null, quotedId: null }]);
  });
  it('holds malformed JSON and missing bodies', () => {
    expect(classify({ method: 'POST', url: CREATE_TWEET, body: enc('{"variables":') })).toMatchObject({
      gated: true,
      readable: false,
      unreadableReason: 'invalid-json',
    });
    expect(classify({ method: 'POST', url: 'https://bsky.social/xrpc/com.atproto.repo.createRecord', body: null })).toMatchObject({
      gated: true,
      readable: false,
    });
  });
  it('holds a body whose shape lacks the text', () => {
    expect(classify({ method: 'POST', url: CREATE_TWEET, body: enc('{"variables":{}}') })).toMatchObject({
      gated: true,
      readable: false,
      unreadableReason: 'text-not-found',
    });
  });
  it('holds a Mastodon edit with the edit action even when unreadable', () => {
    expect(
      classify({ method: 'PUT', url: 'https://mastodon.social/api/v1/statuses/1', body: enc('%%%not json{'), headers: { 'Content-Type': 'application/json' } }),
    ).toMatchObject({ gated: true, action: 'edit', readable: false });
  });
  it('holds a Facebook graphql POST without a friendly name (cannot be told apart)', () => {
    expect(classify({ method: 'POST', url: 'https://www.facebook.com/api/graphql/', body: enc('doc_id=1&variables=%7B%7D') })).toMatchObject({
      gated: true,
      readable: false,
      unreadableReason: 'unknown-operation',
    });
  });
});

describe('structure, not substrings', () => {
  it('matches the operation name segment exactly', () => {
    const body = enc('{"variables":{"tweet_text":"hi"}}');
    expect(classify({ method: 'POST', url: 'https://x.com/i/api/graphql/abc/CreateTweetPreview', body }).gated).toBe(false);
    expect(classify({ method: 'POST', url: 'https://example.com/i/api/graphql/abc/CreateTweet', body }).gated).toBe(false);
    expect(classify({ method: 'POST', url: 'https://x.com/search?q=/i/api/graphql/abc/CreateTweet', body }).gated).toBe(false);
    expect(classify({ method: 'POST', url: 'https://x.com/i/api/graphql/abc/Create%54weet', body }).gated).toBe(true);
  });
  it('treats GET, HEAD, OPTIONS and DELETE as never publishing', () => {
    for (const method of ['GET', 'HEAD', 'OPTIONS', 'DELETE', 'get']) {
      expect(classify({ method, url: 'https://mastodon.social/api/v1/statuses', body: enc('status=hi') }).gated).toBe(false);
    }
  });
  it('accepts lowercase methods and uppercase hosts', () => {
    expect(classify({ method: 'post', url: 'https://MASTODON.social/api/v1/statuses', body: enc('{"status":"hi"}') }).gated).toBe(true);
  });
});

describe('custom rules', () => {
  const rules: CustomRule[] = [
    { id: 'forum', host: '*.example.com', pathPattern: '/api/*/posts', method: 'POST' },
    { id: 'any', host: 'blog.test', pathPattern: '/publish', method: '*' },
  ];
  it('hold matching requests as content-unknown posts', () => {
    const result = classify({ method: 'POST', url: 'https://community.example.com/api/v3/posts?x=1', body: enc('whatever') }, { customRules: rules });
    expect(result).toEqual({
      gated: true,
      platform: 'custom',
      rule: 'custom.forum',
      action: 'post',
      parts: [{ text: null, mediaCount: 0, replyToId: null, quotedId: null }],
      readable: false,
      unreadableReason: 'content-unknown',
      identity: null,
    });
    expect(classify({ method: 'PUT', url: 'https://blog.test/publish', body: null }, { customRules: rules }).gated).toBe(true);
    // '*' means every method that can publish: a GET is never held, as the live adapter never holds one.
    expect(classify({ method: 'GET', url: 'https://blog.test/publish', body: null }, { customRules: rules }).gated).toBe(false);
  });
  it('do not match other hosts, methods or paths', () => {
    expect(classify({ method: 'POST', url: 'https://example.com/api/v3/posts', body: null }, { customRules: rules }).gated).toBe(false);
    expect(classify({ method: 'PUT', url: 'https://a.example.com/api/v3/posts', body: null }, { customRules: rules }).gated).toBe(false);
    expect(classify({ method: 'POST', url: 'https://a.example.com/api/v3/posts/1', body: null }, { customRules: rules }).gated).toBe(false);
    expect(classify({ method: 'POST', url: 'https://evilexample.com/api/v3/posts', body: null }, { customRules: rules }).gated).toBe(false);
  });
  it('treat regex characters in patterns literally', () => {
    const literal: CustomRule[] = [{ id: 'dot', host: 'a.test', pathPattern: '/a.b(c)', method: 'POST' }];
    expect(classify({ method: 'POST', url: 'https://a.test/a.b(c)', body: null }, { customRules: literal }).gated).toBe(true);
    expect(classify({ method: 'POST', url: 'https://a.test/aXb(c)', body: null }, { customRules: literal }).gated).toBe(false);
  });
  it('are validated by customRuleSchema', () => {
    expect(customRuleSchema.safeParse(rules[0]).success).toBe(true);
    expect(customRuleSchema.safeParse({ id: 'x', host: 'a b', pathPattern: '/x', method: 'POST' }).success).toBe(false);
    expect(customRuleSchema.safeParse({ id: 'x', host: 'a.test', pathPattern: 'no-slash', method: 'POST' }).success).toBe(false);
    expect(customRuleSchema.safeParse({ id: 'x', host: 'a.test', pathPattern: '/x', method: 'PO ST' }).success).toBe(false);
  });
});

describe('never throws', () => {
  it('on hostile inputs', () => {
    const weird = [
      { method: 'POST', url: 'not a url', body: null },
      { method: 'POST', url: '', body: null },
      { method: undefined, url: CREATE_TWEET, body: null },
      { method: 'POST', url: CREATE_TWEET, body: new Uint8Array([0xff, 0xfe, 0x00, 0x7b]) },
      { method: 'POST', url: 'https://x.com/i/api/graphql/abc/%E0%A4%A', body: null },
      { method: 'POST', url: CREATE_TWEET, body: enc('{"variables":"{not json"}') },
      { method: 'POST', url: 'https://www.facebook.com/api/graphql/', body: enc('fb_api_req_friendly_name=ComposerStoryCreateMutation&variables=%7Bbad') },
    ] as unknown as OutgoingRequest[];
    for (const request of weird) expect(() => classify(request)).not.toThrow();
    expect(classify(weird[5] as OutgoingRequest)).toMatchObject({ gated: true, readable: false });
    expect(classify(weird[6] as OutgoingRequest)).toMatchObject({ gated: true, readable: false });
  });
});
