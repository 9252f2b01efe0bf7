// GateService queue: an aborted held request leaves at once, a click applies only to the post it names, reads are bounded.
import { describe, expect, it } from 'vitest';
import { account, flush, harness, policy, post, request, track } from './fixtures.ts';

const brand = account({ id: 'a1', name: 'Acme Brand', handle: 'acme' });
const other = account({ id: 'a2', name: 'Other Brand', handle: 'other', color: '#00aa00' });

describe('GateService: a held request the site aborts', () => {
  it('leaves the queue at once, is audited "aborted" by the site, and a later click does nothing', async () => {
    const h = harness([brand]);
    const result = track(h.gate.intercept('a1', 'r1', request(post())));
    const [view] = h.gate.queue();
    h.gate.failed('r1', 'net::ERR_ABORTED');
    await flush();
    expect(result.value).toBe('cancel');
    expect(h.gate.queue()).toEqual([]);
    expect(h.queues.at(-1)).toEqual([]);
    expect(h.audits).toHaveLength(1);
    expect(h.audits[0]).toMatchObject({ requestId: 'r1', decision: 'aborted', reason: 'aborted by the site: net::ERR_ABORTED' });
    expect(h.gate.decide(view!.id, { confirm: true })).toEqual({ ok: false, reason: 'decided' });
    expect(h.audits).toHaveLength(1);
    expect(h.results).toEqual([]);
    expect(h.clock.pendingTimers()).toBe(0);
  });

  it('aborts a countdown too, and leaves the other held posts where they were', async () => {
    const h = harness([brand, account({ id: 'a2', name: 'Other Brand', handle: 'other', gate: policy('delay') })]);
    const first = track(h.gate.intercept('a1', 'r1', request(post())));
    const second = track(h.gate.intercept('a2', 'r2', request(post())));
    h.gate.failed('r2', 'net::ERR_FAILED');
    await flush();
    expect(second.value).toBe('cancel');
    expect(first.settled()).toBe(false);
    expect(h.gate.queue().map((view) => view.account.id)).toEqual(['a1']);
  });

  it('never holds a request that errored while it was still being read: no dialog for a post that is gone', async () => {
    const h = harness([brand]);
    let deliver: (value: { request: ReturnType<typeof request>; sessionIdentity: string | null }) => void = () => undefined;
    const result = track(h.gate.interceptRead('a1', 'r1', () => new Promise((resolve) => (deliver = resolve))));
    h.gate.failed('r1', 'net::ERR_ABORTED');
    deliver({ request: request(post()), sessionIdentity: null });
    await flush();
    expect(result.value).toBe('cancel');
    expect(h.gate.queue()).toEqual([]);
    expect(h.queues).toEqual([]);
    expect(h.audits).toHaveLength(1);
    expect(h.audits[0]).toMatchObject({ requestId: 'r1', pendingId: null, decision: 'aborted', reason: 'aborted by the site: net::ERR_ABORTED' });
    expect(h.clock.pendingTimers()).toBe(0);
  });

  it('still reports the network error of a released request as its result, not as an abort', async () => {
    const h = harness([brand]);
    const result = h.gate.intercept('a1', 'r1', request(post()));
    h.gate.decide(h.gate.queue()[0]!.id, { confirm: true });
    await result;
    h.gate.failed('r1', 'net::ERR_CONNECTION_RESET');
    expect(h.audits.map((entry) => entry.decision)).toEqual(['confirmed']);
    expect(h.results).toEqual([['r1', null, 'net::ERR_CONNECTION_RESET']]);
  });
});

describe('GateService: a click names the post it was about', () => {
  it('applies a decision to the post whose id it carries, never to the head of the queue', async () => {
    const h = harness([brand, other]);
    const first = track(h.gate.intercept('a1', 'r1', request(post())));
    const second = track(h.gate.intercept('a2', 'r2', request(post())));
    const [head, next] = h.gate.queue();
    expect(h.gate.decide(next!.id, { confirm: true })).toEqual({ ok: true });
    await flush();
    expect(second.value).toBe('continue');
    expect(first.settled()).toBe(false);
    expect(h.gate.queue().map((view) => view.id)).toEqual([head!.id]);
  });

  it('does nothing for a click that arrives after its post timed out, even with another post now at the head', async () => {
    const h = harness([brand, other]);
    h.settings.timeoutMs = 5_000;
    const first = track(h.gate.intercept('a1', 'r1', request(post())));
    const [stale] = h.gate.queue();
    h.clock.advance(3_000);
    const second = track(h.gate.intercept('a2', 'r2', request(post())));
    h.clock.advance(2_000);
    await flush();
    expect(first.value).toBe('cancel');
    expect(h.gate.decide(stale!.id, { confirm: true })).toEqual({ ok: false, reason: 'decided' });
    expect(h.gate.decide(stale!.id, { confirm: false })).toEqual({ ok: false, reason: 'decided' });
    await flush();
    expect(second.settled()).toBe(false);
    expect(h.gate.queue().map((view) => view.account.id)).toEqual(['a2']);
    expect(h.audits.map((entry) => entry.decision)).toEqual(['timed-out']);
  });
});

describe('GateService: reading the request happens inside the timeout', () => {
  it('cancels, with a reason, a request whose body or cookies never arrive', async () => {
    const h = harness([brand]);
    h.settings.timeoutMs = 5_000;
    const result = track(h.gate.interceptRead('a1', 'r1', () => new Promise(() => undefined)));
    await flush();
    expect(result.settled()).toBe(false);
    h.clock.advance(5_000);
    await flush();
    expect(result.value).toBe('cancel');
    expect(h.audits).toHaveLength(1);
    expect(h.audits[0]).toMatchObject({ requestId: 'r1', decision: 'failed-closed', reason: 'read-timeout: the request could not be read within 5 s' });
    expect(h.clock.pendingTimers()).toBe(0);
  });

  it('cancels, with a reason, a request whose read fails', async () => {
    const h = harness([brand]);
    const result = await h.gate.interceptRead('a1', 'r1', () => Promise.reject(new Error('blob gone')));
    expect(result).toBe('cancel');
    expect(h.audits[0]).toMatchObject({ decision: 'failed-closed', reason: 'read-error: blob gone' });
  });

  it('holds a request read in time, and counts the reading time against its timeout', async () => {
    const h = harness([brand]);
    h.settings.timeoutMs = 5_000;
    let deliver: (value: { request: ReturnType<typeof request>; sessionIdentity: string | null }) => void = () => undefined;
    const result = track(h.gate.interceptRead('a1', 'r1', () => new Promise((resolve) => (deliver = resolve))));
    h.clock.advance(2_000);
    deliver({ request: request(post()), sessionIdentity: null });
    await flush();
    const [view] = h.gate.queue();
    expect(view!.expiresAt - h.clock.now()).toBe(3_000);
    h.clock.advance(3_000);
    await flush();
    expect(result.value).toBe('cancel');
    expect(h.audits[0]).toMatchObject({ decision: 'timed-out' });
  });

  it('lets a non-publishing request through once read', async () => {
    const h = harness([brand]);
    await expect(h.gate.interceptRead('a1', 'r1', async () => ({ request: request(null), sessionIdentity: null }))).resolves.toBe('continue');
    expect(h.audits).toEqual([]);
    expect(h.clock.pendingTimers()).toBe(0);
  });
});
