// GateService identity: checked on every publishing request of a gated account, from what the session shows.
import { describe, expect, it } from 'vitest';
import { account, flush, harness, policy, post, track } from './fixtures.ts';
import type { ClassifiedPost, OutgoingRequest } from '../../../../shared/gate/types.ts';

const noReposts = { ...policy('confirm'), actions: { ...policy('confirm').actions, repost: false, message: false } };
const brand = account({ id: 'a1', name: 'Acme Brand', handle: 'acme', gate: noReposts });

/** A request whose body the fake classifier reads back, with the headers the adapter saw. */
function withHeaders(p: ClassifiedPost, headers: Record<string, string>): OutgoingRequest {
  return { method: 'POST', url: 'https://example.test/api', headers, body: new TextEncoder().encode(JSON.stringify(p)) };
}

async function confirmFirst(
  h: ReturnType<typeof harness>,
  p: ClassifiedPost,
  context: { sessionIdentity?: string | null } = {},
  headers: Record<string, string> = {},
) {
  const result = h.gate.intercept('a1', 'r0', withHeaders(p, headers), context);
  expect(h.gate.decide(h.gate.queue()[0]!.id, { confirm: true })).toEqual({ ok: true });
  await expect(result).resolves.toBe('continue');
}

describe('GateService: identity check on actions that are not held', () => {
  it('holds a repost and a message from another logged-in account, shows the mismatch, and cannot confirm them', async () => {
    const h = harness([brand]);
    await confirmFirst(h, post(), { sessionIdentity: 'x:1111' });
    // The same identity: a repost goes out unheld, as the account asked.
    await expect(h.gate.intercept('a1', 'r1', withHeaders(post({ action: 'repost' }), {}), { sessionIdentity: 'x:1111' })).resolves.toBe('continue');

    for (const action of ['repost', 'message'] as const) {
      const result = track(h.gate.intercept('a1', `r-${action}`, withHeaders(post({ action }), {}), { sessionIdentity: 'x:2222' }));
      await flush();
      expect(result.settled()).toBe(false);
      const [view] = h.gate.queue();
      expect(view).toMatchObject({ action, mode: 'confirm', identityMismatch: { expected: 'x:1111', actual: 'x:2222' } });
      expect(h.gate.decide(view!.id, { confirm: true })).toEqual({ ok: false, reason: 'identity-mismatch' });
      expect(h.gate.decide(view!.id, { confirm: false })).toEqual({ ok: true });
      await flush();
      expect(result.value).toBe('cancel');
      expect(h.audits.at(-1)).toMatchObject({ action, decision: 'blocked-identity', reason: 'held for a dialog: identity-mismatch' });
    }
  });

  it('leaves a personal account (gate off) alone', async () => {
    const personal = account({ id: 'a1', kind: 'personal' });
    const h = harness([personal]);
    await expect(h.gate.intercept('a1', 'r1', withHeaders(post({ action: 'repost' }), {}), { sessionIdentity: 'x:2222' })).resolves.toBe('continue');
  });
});

describe('GateService: who is posting, from the request headers', () => {
  const toot = (): ClassifiedPost => post({ platform: 'mastodon', rule: 'mastodon.statuses', identity: 'server:mastodon.example' });

  it('tells two Mastodon accounts on the same server apart by a fingerprint of the bearer token', async () => {
    const h = harness([brand]);
    await confirmFirst(h, toot(), {}, { authorization: 'Bearer token-of-the-brand' });
    const remembered = h.gate.rememberedIdentities().a1!;
    expect(remembered).toMatch(/^server:mastodon\.example\/token:/);
    expect(remembered).not.toContain('token-of-the-brand');

    const same = h.gate.intercept('a1', 'r1', withHeaders(toot(), { Authorization: 'Bearer token-of-the-brand' }));
    expect(h.gate.queue()[0]!.identityMismatch).toBeNull();
    h.gate.decide(h.gate.queue()[0]!.id, { confirm: false });
    await same;

    const result = h.gate.intercept('a1', 'r2', withHeaders(toot(), { authorization: 'Bearer token-of-my-own-account' }));
    expect(h.gate.queue()[0]!.identityMismatch).toMatchObject({ expected: remembered });
    h.gate.decide(h.gate.queue()[0]!.id, { confirm: false });
    await expect(result).resolves.toBe('cancel');
  });

  it('keeps an identity remembered before fingerprints existed (server only), and refines it on the next confirm', async () => {
    const h = harness([brand], { initialIdentities: { a1: 'server:mastodon.example' } });
    const result = h.gate.intercept('a1', 'r1', withHeaders(toot(), { authorization: 'Bearer token-of-the-brand' }));
    expect(h.gate.queue()[0]!.identityMismatch).toBeNull();
    h.gate.decide(h.gate.queue()[0]!.id, { confirm: true });
    await expect(result).resolves.toBe('continue');
    expect(h.gate.rememberedIdentities().a1).toMatch(/^server:mastodon\.example\/token:/);
  });

  it("takes the acting account the classifier read from X's delegation header over the logged-in one, and shows it", async () => {
    const h = harness([brand]);
    await confirmFirst(h, post(), { sessionIdentity: 'x:1111' });
    // What the X rule makes of `x-act-as-user-id: 3333` (tests/unit/shared/platforms cover the reading itself).
    const delegated = post({ identity: 'x:3333', details: [{ key: 'actingAs', value: 'x:3333' }] });
    const result = h.gate.intercept('a1', 'r1', withHeaders(delegated, { 'x-act-as-user-id': '3333' }), { sessionIdentity: 'x:1111' });
    const [view] = h.gate.queue();
    expect(view!.identityMismatch).toEqual({ expected: 'x:1111', actual: 'x:3333' });
    expect(view!.details).toContainEqual({ key: 'actingAs', value: 'x:3333' });
    h.gate.decide(view!.id, { confirm: false });
    await expect(result).resolves.toBe('cancel');
  });

  it('never shows a red mismatch between a Bluesky handle and a DID it cannot resolve', async () => {
    const h = harness([brand]);
    const skeet = (repo: string) => post({ platform: 'bluesky', rule: 'bluesky.createRecord', identity: repo });
    await confirmFirst(h, skeet('did:plc:brand123'));
    const byHandle = h.gate.intercept('a1', 'r1', withHeaders(skeet('acme.bsky.social'), {}));
    expect(h.gate.queue()[0]!.identityMismatch).toBeNull();
    h.gate.decide(h.gate.queue()[0]!.id, { confirm: true });
    await expect(byHandle).resolves.toBe('continue');
    // A different DID is a different account: that mismatch is certain.
    const other = h.gate.intercept('a1', 'r2', withHeaders(skeet('did:plc:someone'), {}));
    expect(h.gate.queue()[0]!.identityMismatch).toEqual({ expected: 'did:plc:brand123', actual: 'did:plc:someone' });
    h.gate.decide(h.gate.queue()[0]!.id, { confirm: false });
    await expect(other).resolves.toBe('cancel');
  });
});
