// GateService with the real classifier: the Fediverse rules apply to the account's own server and to hosts its session showed to be Fediverse servers.
import { describe, expect, it } from 'vitest';
import type { OutgoingRequest } from '../../../../shared/gate/types.ts';
import type { CustomRule } from '../../../../shared/platforms/custom-rules.ts';
import { gateClassifier } from '../../../../electron/main/services/gate/session-context.ts';
import { account, flush, harness, track, type Harness } from './fixtures.ts';

const statusPage = account({ id: 'web', platform: 'custom', kind: 'brand', handle: 'acme', startUrl: 'https://status.example.com/admin' });
const personalWeb = account({ id: 'me', platform: 'custom', kind: 'personal', handle: 'me', startUrl: 'https://status.example.com/' });
const xBrand = account({ id: 'x', platform: 'x', startUrl: 'https://x.com/home' });
const mastodonBrand = account({ id: 'masto', platform: 'mastodon', handle: 'acme', instance: 'mastodon.social', startUrl: 'https://Mastodon.Social./home' });
const elkBrand = account({ id: 'elk', platform: 'mastodon', handle: 'acme', instance: 'fosstodon.org', startUrl: 'https://elk.zone/home' });

const forumRule: CustomRule = { id: 'forum', host: 'forum.example.com', method: 'POST', pathPattern: '/api/posts' };

function gateWith(rules: readonly CustomRule[] = []): Harness {
  return harness([statusPage, personalWeb, xBrand, mastodonBrand, elkBrand], { classify: gateClassifier(() => rules) });
}

function status(url: string, text = 'All systems operational'): OutgoingRequest {
  return { method: 'POST', url, headers: { 'content-type': 'application/json' }, body: new TextEncoder().encode(JSON.stringify({ status: text })) };
}

/** Whether `request` from `accountId` is held (cancelled afterwards, so each check stands alone). */
async function held(h: Harness, accountId: string, requestId: string, request: OutgoingRequest): Promise<boolean> {
  const result = track(h.gate.intercept(accountId, requestId, request));
  await flush();
  const view = h.gate.queue().find((post) => post.account.id === accountId);
  if (view === undefined) {
    expect(result.value).toBe('continue');
    return false;
  }
  expect(result.settled()).toBe(false);
  h.gate.decide(view.id, { confirm: false });
  await flush();
  expect(result.value).toBe('cancel');
  return true;
}

describe('GateService: Fediverse rules only where the session shows a Fediverse server', () => {
  it('lets a web or X account post /api/v1/statuses and /api/notes/create to a site that is no Fediverse server', async () => {
    const h = gateWith();
    expect(await held(h, 'web', 'r1', status('https://status.example.com/api/v1/statuses'))).toBe(false);
    expect(await held(h, 'web', 'r2', status('https://app.example.com/api/notes/create'))).toBe(false);
    expect(await held(h, 'x', 'r3', status('https://status.example.com/api/v1/statuses'))).toBe(false);
    expect(await held(h, 'me', 'r4', status('https://status.example.com/api/v1/statuses'))).toBe(false);
    expect(h.audits).toEqual([]);
  });

  it('holds every post of a Mastodon account to its own server, written in any case or with a trailing dot', async () => {
    const h = gateWith();
    expect(await held(h, 'masto', 'r1', status('https://mastodon.social/api/v1/statuses'))).toBe(true);
    expect(await held(h, 'masto', 'r2', status('https://MASTODON.social./api/v1/statuses'))).toBe(true);
    expect(
      await held(h, 'masto', 'r3', {
        method: 'PUT',
        url: 'https://mastodon.social/api/v1/statuses/1',
        body: new TextEncoder().encode('status=fixed'),
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      }),
    ).toBe(true);
    expect(await held(h, 'masto', 'r4', { method: 'POST', url: 'https://mastodon.social/api/v1/statuses/1/reblog', body: null })).toBe(true);
    expect(h.audits.map((a) => a.rule)).toEqual(['mastodon.statuses.create', 'mastodon.statuses.create', 'mastodon.statuses.edit', 'mastodon.statuses.reblog']);
  });

  it("holds a Mastodon account's posts to its instance when it starts on another web client", async () => {
    const h = gateWith();
    expect(await held(h, 'elk', 'r1', status('https://fosstodon.org/api/v1/statuses'))).toBe(true);
  });

  it('holds posts to a host that answered a Fediverse probe with 2xx, for that session only', async () => {
    const h = gateWith();
    expect(await held(h, 'web', 'r1', status('https://social.example.org/api/v1/statuses'))).toBe(false);
    // A failed probe, a probe on another path and another session's probe teach nothing.
    h.gate.completed('g1', 404, { accountId: 'web', method: 'GET', url: 'https://social.example.org/api/v1/instance' });
    h.gate.completed('g2', 200, { accountId: 'web', method: 'GET', url: 'https://social.example.org/api/v1/timelines/home' });
    h.gate.completed('g3', 200, { accountId: 'x', method: 'GET', url: 'https://social.example.org/api/v2/instance' });
    expect(await held(h, 'web', 'r2', status('https://social.example.org/api/v1/statuses'))).toBe(false);
    h.gate.completed('g4', 200, { accountId: 'web', method: 'GET', url: 'https://Social.Example.org./api/v2/instance' });
    expect(await held(h, 'web', 'r3', status('https://social.example.org/api/v1/statuses'))).toBe(true);
    // Misskey answers its meta probe to a POST.
    h.gate.completed('g5', 200, { accountId: 'web', method: 'POST', url: 'https://misskey.example.net/api/meta' });
    expect(await held(h, 'web', 'r4', status('https://misskey.example.net/api/notes/create'))).toBe(true);
    expect(await held(h, 'x', 'r5', status('https://social.example.org/api/v1/statuses'))).toBe(true);
  });

  it('forgets the oldest learned hosts beyond a small cap', async () => {
    const h = gateWith();
    for (let i = 0; i < 100; i++) h.gate.completed(`g${i}`, 200, { accountId: 'web', method: 'GET', url: `https://s${i}.example/api/v1/instance` });
    expect(await held(h, 'web', 'r1', status('https://s99.example/api/v1/statuses'))).toBe(true);
    expect(await held(h, 'web', 'r2', status('https://s0.example/api/v1/statuses'))).toBe(false);
  });

  it("still applies a web account's own rules, and a non-Fediverse platform's built-in rules", async () => {
    const h = gateWith([forumRule, { id: 'status', host: 'status.example.com', method: 'POST', pathPattern: '/api/v1/statuses' }]);
    expect(await held(h, 'web', 'r1', { method: 'POST', url: 'https://forum.example.com/api/posts', body: null })).toBe(true);
    expect(await held(h, 'web', 'r2', status('https://status.example.com/api/v1/statuses'))).toBe(true);
    expect(h.audits.map((a) => a.rule)).toEqual(['custom.forum', 'custom.status']);
    const body = new TextEncoder().encode(JSON.stringify({ variables: { tweet_text: 'hello' }, queryId: 'q' }));
    expect(
      await held(h, 'x', 'r3', { method: 'POST', url: 'https://x.com/i/api/graphql/q/CreateTweet', headers: { 'content-type': 'application/json' }, body }),
    ).toBe(true);
  });
});
