// GateService.cancelWhere: a crashed or closed account page cancels its own held posts; the app UI's crash cancels countdowns.
import { describe, expect, it } from 'vitest';
import { account, harness, policy, post, request, track } from './fixtures.ts';

const acme = account({ id: 'a1', name: 'Acme Brand', handle: 'acme' });
const other = account({ id: 'a2', name: 'Other Brand', handle: 'other', color: '#00aa00' });
const counting = account({ id: 'a3', name: 'Countdown', handle: 'count', gate: policy('delay', 10) });

describe('cancelWhere', () => {
  it("cancels one account's held posts with the reason, audited; the others stay held with their timers", async () => {
    const h = harness([acme, other]);
    const a = h.gate.intercept('a1', 'r1', request(post()));
    const b = track(h.gate.intercept('a2', 'r2', request(post())));
    const expiresAt = h.gate.queue()[1]?.expiresAt;
    expect(h.gate.cancelWhere((held) => held.account.id === 'a1', 'account page stopped: crashed')).toBe(1);
    await expect(a).resolves.toBe('cancel');
    expect(h.audits).toMatchObject([{ decision: 'failed-closed', reason: 'account page stopped: crashed', requestId: 'r1' }]);
    expect(h.gate.queue().map((held) => held.account.id)).toEqual(['a2']);
    expect(h.gate.queue()[0]?.expiresAt).toBe(expiresAt);
    expect(h.queues.at(-1)?.map((held) => held.account.id)).toEqual(['a2']);
    expect(b.settled()).toBe(false);
  });

  it('cancels only the countdown posts when asked (the app UI crashed: no Undo on screen)', async () => {
    const h = harness([acme, counting]);
    const held = track(h.gate.intercept('a1', 'r1', request(post())));
    const countdown = h.gate.intercept('a3', 'r2', request(post()));
    expect(h.gate.cancelWhere((p) => p.mode === 'delay', 'app UI crashed: crashed')).toBe(1);
    await expect(countdown).resolves.toBe('cancel');
    expect(held.settled()).toBe(false);
    expect(h.gate.queue()).toHaveLength(1);
  });

  it('does nothing and emits nothing when no post matches', () => {
    const h = harness([acme]);
    void h.gate.intercept('a1', 'r1', request(post()));
    const emitted = h.queues.length;
    expect(h.gate.cancelWhere(() => false, 'x')).toBe(0);
    expect(h.queues.length).toBe(emitted);
  });
});
