// Fediverse rules apply to the account's own server and to hosts the session has shown to be Fediverse servers.
import { describe, expect, it } from 'vitest';
import { classify, type ClassifyContext } from '../../../../shared/gate/classify.ts';
import { fediverseHostOf } from '../../../../shared/platforms/mastodon.ts';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
const JSON_TYPE = { 'content-type': 'application/json' };
const status = (host: string) => ({ method: 'POST', url: `https://${host}/api/v1/statuses`, headers: JSON_TYPE, body: enc('{"status":"hi"}') });
const note = (host: string) => ({ method: 'POST', url: `https://${host}/api/notes/create`, headers: JSON_TYPE, body: enc('{"text":"hi"}') });

describe('Fediverse rules with a session context', () => {
  const mastodonAccount: ClassifyContext = { platform: 'mastodon', serverHost: 'hachyderm.io', fediverseHosts: new Set(['misskey.io']) };
  const xAccount: ClassifyContext = { platform: 'x', serverHost: 'x.com', fediverseHosts: new Set() };
  it("hold posts to the account's own server (any case, trailing dot)", () => {
    expect(classify(status('hachyderm.io'), { context: mastodonAccount })).toMatchObject({ gated: true, platform: 'mastodon' });
    expect(classify(status('Hachyderm.IO.'), { context: mastodonAccount }).gated).toBe(true);
  });
  it('hold posts to hosts the session has shown to be Fediverse servers', () => {
    expect(classify(note('misskey.io'), { context: mastodonAccount }).gated).toBe(true);
    expect(classify(note('misskey.io'), { context: { ...xAccount, fediverseHosts: new Set(['misskey.io']) } }).gated).toBe(true);
  });
  it("pass a status page's POST /api/v1/statuses and an app's /api/notes/create", () => {
    expect(classify(status('status.example.com'), { context: mastodonAccount }).gated).toBe(false);
    expect(classify(note('app.example.com'), { context: mastodonAccount }).gated).toBe(false);
    expect(classify(status('x.com'), { context: xAccount }).gated).toBe(false);
  });
  it('without a context (HAR check, CLI), hold on every host: more is held, nothing escapes', () => {
    expect(classify(status('status.example.com')).gated).toBe(true);
    expect(classify(note('app.example.com')).gated).toBe(true);
  });
  it('keep the other platforms rules as they are', () => {
    expect(
      classify(
        {
          method: 'POST',
          url: 'https://bsky.social/xrpc/com.atproto.repo.createRecord',
          headers: JSON_TYPE,
          body: enc('{"repo":"did:plc:a","collection":"app.bsky.feed.post","record":{"text":"hi"}}'),
        },
        { context: xAccount },
      ).gated,
    ).toBe(true);
  });
});

describe('fediverseHostOf', () => {
  it('names the host of a successful instance or nodeinfo read', () => {
    expect(fediverseHostOf('GET', 'https://Hachyderm.io./api/v1/instance', 200)).toBe('hachyderm.io');
    expect(fediverseHostOf('GET', 'https://a.social/api/v2/instance', 200)).toBe('a.social');
    expect(fediverseHostOf('GET', 'https://a.social/.well-known/nodeinfo', 200)).toBe('a.social');
    expect(fediverseHostOf('POST', 'https://misskey.io/api/meta', 200)).toBe('misskey.io');
  });
  it('says nothing for failures and other paths', () => {
    expect(fediverseHostOf('GET', 'https://a.social/api/v1/instance', 404)).toBeNull();
    expect(fediverseHostOf('GET', 'https://status.example.com/api/v1/statuses', 200)).toBeNull();
    expect(fediverseHostOf('GET', 'not a url', 200)).toBeNull();
  });
});
