// classify() fails closed on writes, lets user rules add holds on top of built-in ones, and honours method override.
import { describe, expect, it } from 'vitest';
import { classify } from '../../../../shared/gate/classify.ts';
import { buildRuleIndex } from '../../../../shared/platforms/index.ts';
import type { PlatformRule } from '../../../../shared/platforms/rule.ts';
import type { CustomRule } from '../../../../shared/platforms/custom-rules.ts';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);

const throwingMatcher: PlatformRule = {
  name: 'test.throws',
  platform: 'x',
  methods: ['POST'],
  anchors: ['boom'],
  matchUrl: () => {
    throw new TypeError('matcher exploded');
  },
  extract: () => null,
};

describe('an unexpected error fails closed on writes', () => {
  const index = buildRuleIndex([throwingMatcher]);
  it('holds a POST as "could not be checked" with the reason', () => {
    const result = classify({ method: 'POST', url: 'https://a.test/api/boom', body: null }, { index });
    expect(result).toMatchObject({ gated: true, readable: false, action: 'post', rule: 'gate.check-failed' });
    expect(result.gated && result.unreadableReason).toMatch(/^check-failed: TypeError: matcher exploded$/);
    expect(result.gated && result.details).toContainEqual({ key: 'checkFailed', value: 'TypeError: matcher exploded' });
  });
  it('holds PUT, PATCH, DELETE and unknown verbs too', () => {
    for (const method of ['PUT', 'PATCH', 'DELETE', 'PROPFIND']) {
      const index2 = buildRuleIndex([{ ...throwingMatcher, methods: [method] }]);
      expect(classify({ method, url: 'https://a.test/api/boom', body: null }, { index: index2 }).gated, method).toBe(true);
    }
  });
  it('lets GET, HEAD and OPTIONS through (they never publish)', () => {
    const index2 = buildRuleIndex([{ ...throwingMatcher, methods: ['GET', 'HEAD', 'OPTIONS'] }]);
    for (const method of ['GET', 'HEAD', 'OPTIONS']) {
      expect(
        classify(
          { method, url: 'https://a.test/api/boom', body: null },
          { index: index2, customRules: [{ id: 'r', host: 'a.test', pathPattern: '/*', method: '*' }] },
        ).gated,
      ).toBe(false);
    }
  });
  it('holds a write whose URL cannot be parsed', () => {
    expect(classify({ method: 'POST', url: 'not a url', body: null })).toMatchObject({ gated: true, rule: 'gate.check-failed' });
  });
});

describe('user rules add holds on top of built-in rules', () => {
  const graphql: CustomRule[] = [{ id: 'fb', host: 'www.facebook.com', pathPattern: '/api/graphql*', method: 'POST' }];
  it('a rule for /api/graphql* holds what the built-in rule passed (a reaction)', () => {
    const body = enc(
      'fb_api_req_friendly_name=CometUFIFeedbackReactMutation&variables=%7B%22input%22%3A%7B%22feedback_reaction_id%22%3A%221635855486666999%22%7D%7D',
    );
    expect(classify({ method: 'POST', url: 'https://www.facebook.com/api/graphql/', body }).gated).toBe(false);
    expect(classify({ method: 'POST', url: 'https://www.facebook.com/api/graphql/', body }, { customRules: graphql })).toMatchObject({
      gated: true,
      rule: 'custom.fb',
    });
  });
  it('a built-in hold keeps its richer reading', () => {
    const rules: CustomRule[] = [{ id: 'm', host: 'mastodon.social', pathPattern: '/api/*', method: 'POST' }];
    expect(classify({ method: 'POST', url: 'https://mastodon.social/api/v1/statuses', body: enc('{"status":"hi"}') }, { customRules: rules })).toMatchObject({
      gated: true,
      platform: 'mastodon',
      parts: [{ text: 'hi' }],
    });
  });
});

describe('method override', () => {
  const url = 'https://mastodon.social/api/v1/statuses/109372843967003916';
  it('POST with _method=put in the form body is an edit', () => {
    const result = classify({ method: 'POST', url, headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: enc('_method=put&status=edited') });
    expect(result).toMatchObject({ gated: true, platform: 'mastodon', action: 'edit', parts: [{ text: 'edited' }] });
  });
  it('POST with _method=PUT in the query is an edit', () => {
    expect(
      classify({ method: 'POST', url: `${url}?_method=PUT`, body: enc('{"status":"edited"}'), headers: { 'content-type': 'application/json' } }),
    ).toMatchObject({ gated: true, action: 'edit' });
  });
  it('POST with X-HTTP-Method-Override: PUT is an edit', () => {
    expect(
      classify({ method: 'POST', url, headers: { 'X-HTTP-Method-Override': 'PUT', 'content-type': 'application/json' }, body: enc('{"status":"edited"}') }),
    ).toMatchObject({ gated: true, action: 'edit' });
  });
  it('POST with _method in a multipart body is an edit', () => {
    const body =
      '--b\r\nContent-Disposition: form-data; name="_method"\r\n\r\nput\r\n--b\r\nContent-Disposition: form-data; name="status"\r\n\r\nedited\r\n--b--\r\n';
    expect(classify({ method: 'POST', url, headers: { 'content-type': 'multipart/form-data; boundary=b' }, body: enc(body) })).toMatchObject({
      gated: true,
      action: 'edit',
      parts: [{ text: 'edited' }],
    });
  });
  it('a plain POST to a status (no override) is not an edit', () => {
    expect(classify({ method: 'POST', url, body: enc('status=x') }).gated).toBe(false);
  });
  it('an override away from a write still holds what the raw POST would publish (the server may ignore it)', () => {
    expect(classify({ method: 'POST', url: 'https://mastodon.social/api/v1/statuses?_method=GET', body: enc('status=hi') })).toMatchObject({
      gated: true,
      action: 'post',
    });
  });
  it('user rules see the overridden method', () => {
    const rules: CustomRule[] = [{ id: 'put', host: 'forum.example.com', pathPattern: '/api/posts/*', method: 'PUT' }];
    expect(
      classify(
        { method: 'POST', url: 'https://forum.example.com/api/posts/1', headers: { 'x-http-method-override': 'PUT' }, body: null },
        { customRules: rules },
      ).gated,
    ).toBe(true);
    expect(classify({ method: 'POST', url: 'https://forum.example.com/api/posts/1', body: enc('_method=PUT') }, { customRules: rules }).gated).toBe(true);
    expect(classify({ method: 'POST', url: 'https://forum.example.com/api/posts/1', body: enc('status=1') }, { customRules: rules }).gated).toBe(false);
  });
});

describe('method override in a body that cannot be read', () => {
  const url = 'https://mastodon.social/api/v1/statuses/109372843967003916';
  it('holds the POST as unreadable: the body could say _method=put (and the adapters read the body only where classify says a rule could match)', () => {
    expect(classify({ method: 'POST', url, body: null, bodyUnreadable: true })).toMatchObject({ gated: true, readable: false, action: 'edit' });
    const rules: CustomRule[] = [{ id: 'put', host: 'forum.example.com', pathPattern: '/api/posts/*', method: 'PUT' }];
    expect(classify({ method: 'POST', url: 'https://forum.example.com/api/posts/1', body: null, bodyUnreadable: true }, { customRules: rules }).gated).toBe(
      true,
    );
  });
  it('passes a POST with no body at all (nothing can override its method)', () => {
    expect(classify({ method: 'POST', url, body: null }).gated).toBe(false);
  });
});
