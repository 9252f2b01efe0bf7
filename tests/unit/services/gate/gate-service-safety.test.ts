// GateService: identity checks, failures of its collaborators, audit contents and reply timing.
import { describe, expect, it } from 'vitest';
import { account, flush, harness, part, policy, post, request, track } from './fixtures.ts';

const brand = account({ id: 'a1', handle: 'acme' });

describe('GateService: identity check', () => {
  it('remembers the first confirmed identity and blocks a later post from another one', async () => {
    const saved: Array<Record<string, string>> = [];
    const h = harness([brand], { identitiesChanged: (ids) => saved.push(ids) });
    const first = h.gate.intercept('a1', 'r1', request(post({ identity: 'did:plc:acme' })));
    h.gate.decide(h.gate.queue()[0]!.id, { confirm: true });
    await expect(first).resolves.toBe('continue');
    expect(h.gate.rememberedIdentities()).toEqual({ a1: 'did:plc:acme' });
    expect(saved).toEqual([{ a1: 'did:plc:acme' }]);

    // The session identity is used when the request itself does not say who posts.
    const second = track(h.gate.intercept('a1', 'r2', request(post()), { sessionIdentity: 'did:plc:intruder' }));
    const [view] = h.gate.queue();
    expect(view!.identityMismatch).toEqual({ expected: 'did:plc:acme', actual: 'did:plc:intruder' });
    expect(h.gate.decide(view!.id, { confirm: true, secondPress: true })).toEqual({ ok: false, reason: 'identity-mismatch' });
    await flush();
    expect(second.settled()).toBe(false);
    expect(h.gate.decide(view!.id, { confirm: false })).toEqual({ ok: true });
    await flush();
    expect(second.value).toBe('cancel');
    expect(h.audits.at(-1)).toMatchObject({ decision: 'blocked-identity', identity: 'did:plc:intruder' });
  });

  it('lets the same identity, or none, through; survives a restart; can be reset', async () => {
    const h = harness([brand], { initialIdentities: { a1: 'did:plc:acme' } });
    void h.gate.intercept('a1', 'r1', request(post({ identity: 'did:plc:acme' })));
    void h.gate.intercept('a1', 'r2', request(post()));
    void h.gate.intercept('a1', 'r3', request(post({ identity: 'did:plc:other' })));
    expect(h.gate.queue().map((v) => v.identityMismatch)).toEqual([null, null, { expected: 'did:plc:acme', actual: 'did:plc:other' }]);
    h.gate.resetIdentity('a1');
    expect(h.queues.at(-1)!.map((v) => v.identityMismatch)).toEqual([null, null, null]);
    expect(h.gate.decide(h.gate.queue()[2]!.id, { confirm: true })).toEqual({ ok: true });
    expect(h.gate.rememberedIdentities()).toEqual({ a1: 'did:plc:other' });
  });

  it('never sends a delay post from a mismatching identity unseen', async () => {
    const h = harness([account({ id: 'a1', gate: policy('delay', 5) })], { initialIdentities: { a1: 'did:plc:acme' } });
    const result = track(h.gate.intercept('a1', 'r1', request(post({ identity: 'did:plc:other' }))));
    expect(h.gate.queue()[0]).toMatchObject({ mode: 'confirm', delayUntil: null });
    h.clock.advance(5_000);
    await flush();
    expect(result.settled()).toBe(false);
  });

  it('blocks a countdown whose identity stopped matching while it ran', async () => {
    const h = harness([account({ id: 'a1', gate: policy('delay', 10) })]);
    const first = h.gate.intercept('a1', 'r1', request(post({ identity: 'did:plc:one' })));
    const second = h.gate.intercept('a1', 'r2', request(post({ identity: 'did:plc:two' })));
    h.gate.decide(h.gate.queue()[0]!.id, { confirm: true }); // "send now" on the first
    h.clock.advance(10_000);
    await expect(first).resolves.toBe('continue');
    await expect(second).resolves.toBe('cancel');
    expect(h.audits.map((e) => e.decision)).toEqual(['confirmed', 'blocked-identity']);
  });
});

describe('GateService: failing closed', () => {
  it('cancels and audits a publishing request when the classifier throws', async () => {
    const h = harness([brand], {
      classify: () => {
        throw new Error('parser exploded');
      },
    });
    await expect(h.gate.intercept('a1', 'r1', request(post()))).resolves.toBe('cancel');
    expect(h.audits).toHaveLength(1);
    expect(h.audits[0]).toMatchObject({
      requestId: 'r1',
      pendingId: null,
      decision: 'failed-closed',
      reason: 'classify-error: parser exploded',
      account: { id: 'a1', handle: 'acme' },
      action: null,
      text: null,
    });
    expect(h.gate.queue()).toEqual([]);
  });

  it('lets a GET through when the classifier throws: it cannot publish, and the page keeps working', async () => {
    const h = harness([brand], {
      classify: () => {
        throw new Error('boom');
      },
    });
    await expect(h.gate.intercept('a1', 'r1', request(null, 'GET'))).resolves.toBe('continue');
    expect(h.audits).toEqual([]);
  });

  it('cancels when the classifier returns no verdict', async () => {
    const h = harness([brand], { classify: () => undefined as never });
    await expect(h.gate.intercept('a1', 'r1', request(post()))).resolves.toBe('cancel');
  });

  it('cancels a publishing request from an unknown account, lets its other requests through', async () => {
    const h = harness([brand]);
    await expect(h.gate.intercept('ghost', 'r1', request(post()))).resolves.toBe('cancel');
    await expect(h.gate.intercept('ghost', 'r2', request(null, 'GET'))).resolves.toBe('continue');
    expect(h.audits.map((e) => [e.decision, e.reason, e.account.id, e.account.handle])).toEqual([['failed-closed', 'unknown-account', 'ghost', null]]);
  });

  it('cancels when looking up the account throws', async () => {
    const h = harness([brand], {
      accounts: {
        get: () => {
          throw new Error('store broken');
        },
      },
    });
    await expect(h.gate.intercept('a1', 'r1', request(post()))).resolves.toBe('cancel');
    expect(h.audits[0]).toMatchObject({ decision: 'failed-closed', reason: 'error: store broken' });
  });

  it('cancels a malformed classification instead of throwing', async () => {
    const h = harness([brand], {
      classify: () => ({ gated: true, platform: 'x', rule: 'r', action: 'post', parts: null as never, readable: true, identity: null }),
    });
    await expect(h.gate.intercept('a1', 'r1', request(post()))).resolves.toBe('cancel');
    expect(h.audits[0]).toMatchObject({ decision: 'failed-closed' });
  });

  it('cancels when arming the timer throws', async () => {
    const h = harness([brand]);
    h.deps.clock.setTimeout = () => {
      throw new Error('no timers');
    };
    await expect(h.gate.intercept('a1', 'r1', request(post()))).resolves.toBe('cancel');
    expect(h.gate.queue()).toEqual([]);
  });

  it('still settles when the audit, emit and settings sinks throw', async () => {
    const errors: string[] = [];
    const h = harness([brand], {
      audit: () => {
        throw new Error('disk full');
      },
      emitQueue: () => {
        throw new Error('window gone');
      },
      settings: () => {
        throw new Error('corrupt');
      },
      reportError: (where) => errors.push(where),
    });
    const result = track(h.gate.intercept('a1', 'r1', request(post())));
    const [view] = h.gate.queue();
    expect(view!.expiresAt - view!.heldAt).toBe(120_000); // default timeout when settings fail
    expect(h.gate.decide(view!.id, { confirm: true })).toEqual({ ok: true });
    await flush();
    expect(result.value).toBe('continue');
    expect(errors).toEqual(expect.arrayContaining(['audit', 'emitQueue', 'settings']));
  });
});

describe('GateService: audit and completion', () => {
  it('audits only a hash of the text when storeText is off, with the post facts', async () => {
    const h = harness([brand]);
    h.settings.storeText = false;
    const thread = post({ action: 'reply', parts: [part('first', { replyToId: '17', mediaCount: 2 }), part('second', { quotedId: '9', mediaCount: 1 })] });
    void h.gate.intercept('a1', 'r1', request(thread));
    // Its 3 attachments were never uploaded in this session, so none can be previewed: a second press confirms.
    h.gate.decide(h.gate.queue()[0]!.id, { confirm: true, secondPress: true });
    expect(h.audits[0]).toEqual({
      at: new Date(h.clock.time).toISOString(),
      requestId: 'r1',
      pendingId: 'p1',
      account: { id: 'a1', handle: 'acme', name: 'Acme Brand', kind: 'brand' },
      platform: 'x',
      action: 'reply',
      rule: 'x.graphql.CreateTweet',
      decision: 'confirmed',
      via: 'dialog',
      text: null,
      textHash: 'hash(first\n\nsecond)',
      mediaCount: 3,
      partCount: 2,
      replyToId: '17',
      quotedId: '9',
      readable: true,
      identity: null,
    });
  });

  it('times a 2xx reply and audits its status', async () => {
    const h = harness([brand]);
    const reply = post({ action: 'reply', parts: [part('thanks!', { replyToId: '1234' })] });
    void h.gate.intercept('a1', 'r1', request(reply));
    h.gate.completed('r1', 200); // before release: ignored
    expect(h.results).toEqual([]);
    h.gate.decide(h.gate.queue()[0]!.id, { confirm: true });
    h.clock.advance(800);
    h.gate.completed('r1', 200);
    h.gate.completed('r1', 200); // once only
    expect(h.results).toEqual([['r1', 200, null]]);
    expect(h.replies).toHaveLength(1);
    expect(h.replies[0]).toMatchObject({ platform: 'x', replyToId: '1234', text: 'thanks!', account: { id: 'a1' } });
    expect(h.replies[0]!.sentAt.getTime()).toBe(h.clock.time);
  });

  it('times replies from an account whose gate is off, without auditing them', async () => {
    const h = harness([account({ id: 'p1', kind: 'personal' })]);
    await expect(h.gate.intercept('p1', 'r1', request(post({ action: 'reply', parts: [part('hi', { replyToId: '42' })] })))).resolves.toBe('continue');
    h.gate.completed('r1', 201);
    expect(h.replies.map((r) => r.replyToId)).toEqual(['42']);
    expect(h.results).toEqual([]);
  });

  it('does not time a failed reply or a non-reply, and audits the status', async () => {
    const h = harness([brand]);
    void h.gate.intercept('a1', 'r1', request(post({ action: 'reply', parts: [part('hi', { replyToId: '42' })] })));
    void h.gate.intercept('a1', 'r2', request(post()));
    void h.gate.intercept('a1', 'r3', request(post()));
    for (const view of h.gate.queue()) h.gate.decide(view.id, { confirm: true });
    h.gate.completed('r1', 500);
    h.gate.completed('r2', 200);
    h.gate.failed('r3', 'net::ERR_CONNECTION_RESET');
    expect(h.replies).toEqual([]);
    expect(h.results).toEqual([
      ['r1', 500, null],
      ['r2', 200, null],
      ['r3', null, 'net::ERR_CONNECTION_RESET'],
    ]);
  });

  it('forgets a cancelled request: its later error is not reported', async () => {
    const h = harness([brand]);
    void h.gate.intercept('a1', 'r1', request(post()));
    h.gate.decide(h.gate.queue()[0]!.id, { confirm: false });
    h.gate.failed('r1', 'net::ERR_BLOCKED_BY_CLIENT');
    expect(h.results).toEqual([]);
  });
});
