// GateService: held posts continue only when confirmed, and every other path cancels (fail closed).
import { describe, expect, it } from 'vitest';
import { account, flush, harness, part, policy, post, request, track } from './fixtures.ts';

const brand = account({ id: 'a1', name: 'Acme Brand', handle: 'acme' });
const other = account({ id: 'a2', name: 'Other Brand', handle: 'other', color: '#00aa00' });

describe('GateService: confirm mode', () => {
  it('holds a brand post until confirmed, then continues exactly once', async () => {
    const h = harness([brand]);
    const result = track(h.gate.intercept('a1', 'r1', request(post())));
    await flush();
    expect(result.settled()).toBe(false);
    const [view] = h.gate.queue();
    expect(view).toMatchObject({ account: { id: 'a1', handle: 'acme', name: 'Acme Brand' }, mode: 'confirm', delayUntil: null });
    expect(h.gate.decide(view!.id, { confirm: true })).toEqual({ ok: true });
    expect(h.gate.decide(view!.id, { confirm: true })).toEqual({ ok: false, reason: 'decided' });
    expect(h.gate.decide(view!.id, { confirm: false })).toEqual({ ok: false, reason: 'decided' });
    await flush();
    expect(result.value).toBe('continue');
    expect(result.count()).toBe(1);
    expect(h.gate.queue()).toEqual([]);
    expect(h.audits).toHaveLength(1);
    expect(h.audits[0]).toMatchObject({ requestId: 'r1', pendingId: view!.id, decision: 'confirmed', via: 'dialog', text: 'hello world' });
    expect(h.clock.pendingTimers()).toBe(0);
  });

  it('cancels when the manager cancels', async () => {
    const h = harness([brand]);
    const result = h.gate.intercept('a1', 'r1', request(post()));
    expect(h.gate.decide(h.gate.queue()[0]!.id, { confirm: false })).toEqual({ ok: true });
    await expect(result).resolves.toBe('cancel');
    expect(h.audits[0]).toMatchObject({ decision: 'cancelled' });
    expect(h.audits[0]!.via).toBeUndefined();
  });

  it('answers unknown for an id it never held', () => {
    const h = harness([brand]);
    expect(h.gate.decide('nope', { confirm: true })).toEqual({ ok: false, reason: 'unknown' });
  });

  it('lets non-publishing requests through at once without storing anything', async () => {
    const h = harness([brand]);
    await expect(h.gate.intercept('a1', 'r1', request(null, 'GET'))).resolves.toBe('continue');
    h.gate.completed('r1', 200);
    expect(h.queues).toEqual([]);
    expect(h.audits).toEqual([]);
    expect(h.results).toEqual([]);
  });

  it('lets a personal account (gate off) and a switched-off action through', async () => {
    const personal = account({ id: 'p1', kind: 'personal' });
    const noReposts = account({ id: 'a3', gate: { ...policy('confirm'), actions: { ...policy('confirm').actions, repost: false } } });
    const h = harness([personal, noReposts]);
    await expect(h.gate.intercept('p1', 'r1', request(post()))).resolves.toBe('continue');
    await expect(h.gate.intercept('a3', 'r2', request(post({ action: 'repost' })))).resolves.toBe('continue');
    expect(h.gate.queue()).toEqual([]);
    expect(h.audits).toEqual([]);
  });

  it('times out 120 s after being held and cancels', async () => {
    const h = harness([brand]);
    const result = track(h.gate.intercept('a1', 'r1', request(post())));
    const [view] = h.gate.queue();
    expect(view!.expiresAt - view!.heldAt).toBe(120_000);
    h.clock.advance(119_999);
    await flush();
    expect(result.settled()).toBe(false);
    h.clock.advance(1);
    await flush();
    expect(result.value).toBe('cancel');
    expect(h.audits[0]).toMatchObject({ decision: 'timed-out' });
    expect(h.gate.decide(view!.id, { confirm: true })).toEqual({ ok: false, reason: 'decided' });
    expect(h.gate.queue()).toEqual([]);
  });

  it('uses the timeout from settings, measured from when each post was held', async () => {
    const h = harness([brand]);
    h.settings.timeoutMs = 5_000;
    const first = track(h.gate.intercept('a1', 'r1', request(post())));
    h.clock.advance(3_000);
    const second = track(h.gate.intercept('a1', 'r2', request(post())));
    h.clock.advance(2_000);
    await flush();
    expect(first.value).toBe('cancel');
    expect(second.settled()).toBe(false);
    h.clock.advance(3_000);
    await flush();
    expect(second.value).toBe('cancel');
  });

  it('queues posts from two accounts in order, each naming its account, emitting on every change', async () => {
    const h = harness([brand, other]);
    const first = track(h.gate.intercept('a1', 'r1', request(post({ parts: [part('one')] }))));
    const second = track(h.gate.intercept('a2', 'r2', request(post({ parts: [part('two')] }))));
    expect(h.queues.map((q) => q.map((v) => v.account.handle))).toEqual([['acme'], ['acme', 'other']]);
    const queue = h.gate.queue();
    expect(queue.map((v) => [v.account.id, v.account.color, v.parts[0]!.text])).toEqual([
      ['a1', '#ff0066', 'one'],
      ['a2', '#00aa00', 'two'],
    ]);
    h.gate.decide(queue[0]!.id, { confirm: true });
    expect(h.queues.at(-1)!.map((v) => v.account.id)).toEqual(['a2']);
    h.gate.decide(queue[1]!.id, { confirm: false });
    expect(h.queues.at(-1)).toEqual([]);
    await flush();
    expect([first.value, second.value]).toEqual(['continue', 'cancel']);
    expect(JSON.parse(JSON.stringify(queue))).toEqual(queue);
  });

  it('cancels everything pending when the renderer goes away, and still holds new posts after', async () => {
    const h = harness([brand, other]);
    const a = h.gate.intercept('a1', 'r1', request(post()));
    const b = h.gate.intercept('a2', 'r2', request(post()));
    h.gate.rendererGone('crashed');
    await expect(Promise.all([a, b])).resolves.toEqual(['cancel', 'cancel']);
    expect(h.audits.map((e) => [e.decision, e.reason])).toEqual([
      ['failed-closed', 'renderer-gone: crashed'],
      ['failed-closed', 'renderer-gone: crashed'],
    ]);
    expect(h.gate.queue()).toEqual([]);
    expect(h.queues.at(-1)).toEqual([]);
    expect(h.clock.pendingTimers()).toBe(0);
    const c = track(h.gate.intercept('a1', 'r3', request(post())));
    await flush();
    expect(c.settled()).toBe(false);
    expect(h.gate.queue()).toHaveLength(1);
  });

  it('dispose cancels all pending and refuses later posts', async () => {
    const h = harness([brand]);
    const a = h.gate.intercept('a1', 'r1', request(post()));
    h.gate.dispose();
    await expect(a).resolves.toBe('cancel');
    await expect(h.gate.intercept('a1', 'r2', request(post()))).resolves.toBe('cancel');
    await expect(h.gate.intercept('a1', 'r3', request(null, 'GET'))).resolves.toBe('continue');
    expect(h.audits.map((e) => e.decision)).toEqual(['failed-closed', 'failed-closed']);
    expect(h.clock.pendingTimers()).toBe(0);
  });
});

describe('GateService: type-handle mode', () => {
  it('keeps the post pending on a wrong handle and passes on the right one', async () => {
    const h = harness([account({ id: 'a1', handle: 'AcmeCorp', gate: policy('type-handle') })]);
    const result = track(h.gate.intercept('a1', 'r1', request(post())));
    const id = h.gate.queue()[0]!.id;
    expect(h.gate.queue()[0]!.mode).toBe('type-handle');
    expect(h.gate.decide(id, { confirm: true })).toEqual({ ok: false, reason: 'handle-mismatch' });
    expect(h.gate.decide(id, { confirm: true, typedHandle: 'acme' })).toEqual({ ok: false, reason: 'handle-mismatch' });
    await flush();
    expect(result.settled()).toBe(false);
    expect(h.gate.queue()).toHaveLength(1);
    expect(h.gate.decide(id, { confirm: true, typedHandle: ' @acmecorp ' })).toEqual({ ok: true });
    await flush();
    expect(result.value).toBe('continue');
    expect(h.audits[0]).toMatchObject({ decision: 'confirmed', via: 'type-handle' });
  });
});

describe('GateService: watch words', () => {
  it('shows the hits and needs a second press to confirm', async () => {
    const h = harness([account({ id: 'a1', watchWords: ['Launch', 'price'] })]);
    const text = 'The launch is today. Pricey? No: the price is right.';
    const result = track(h.gate.intercept('a1', 'r1', request(post({ parts: [part('intro'), part(text)] }))));
    const [view] = h.gate.queue();
    expect(view!.watchWordHits).toEqual([
      { part: 1, start: 4, end: 10, word: 'Launch' },
      { part: 1, start: text.indexOf('price is'), end: text.indexOf('price is') + 5, word: 'price' },
    ]);
    expect(h.gate.decide(view!.id, { confirm: true })).toEqual({ ok: false, reason: 'needs-second-press' });
    await flush();
    expect(result.settled()).toBe(false);
    expect(h.gate.decide(view!.id, { confirm: true, secondPress: true })).toEqual({ ok: true });
    await flush();
    expect(result.value).toBe('continue');
  });

  it('holds a delay post with a watch word for a dialog instead of sending it unseen', async () => {
    const h = harness([account({ id: 'a1', gate: policy('delay', 5), watchWords: ['launch'] })]);
    const result = track(h.gate.intercept('a1', 'r1', request(post({ parts: [part('Launch day')] }))));
    expect(h.gate.queue()[0]).toMatchObject({ mode: 'confirm', delayUntil: null });
    h.clock.advance(5_000);
    await flush();
    expect(result.settled()).toBe(false);
  });
});

describe('GateService: delay mode', () => {
  const delayed = account({ id: 'a1', gate: policy('delay', 10) });

  it('sends the post when the countdown ends', async () => {
    const h = harness([delayed]);
    const result = track(h.gate.intercept('a1', 'r1', request(post())));
    const [view] = h.gate.queue();
    expect(view).toMatchObject({ mode: 'delay', delayUntil: h.clock.time + 10_000, expiresAt: h.clock.time + 10_000 });
    h.clock.advance(9_999);
    await flush();
    expect(result.settled()).toBe(false);
    h.clock.advance(1);
    await flush();
    expect(result.value).toBe('continue');
    expect(h.audits[0]).toMatchObject({ decision: 'confirmed', via: 'delay' });
    expect(h.gate.undo(view!.id)).toEqual({ ok: false });
  });

  it('cancels on undo during the countdown, and a timeout longer than the countdown does not matter', async () => {
    const h = harness([delayed]);
    h.settings.timeoutMs = 1_000;
    const result = track(h.gate.intercept('a1', 'r1', request(post())));
    h.clock.advance(5_000);
    await flush();
    expect(result.settled()).toBe(false);
    expect(h.gate.undo(h.gate.queue()[0]!.id)).toEqual({ ok: true });
    await flush();
    expect(result.value).toBe('cancel');
    expect(h.audits[0]).toMatchObject({ decision: 'undone' });
    h.clock.advance(10_000);
    await flush();
    expect(result.count()).toBe(1);
    expect(h.audits).toHaveLength(1);
  });

  it('treats decide(confirm: false) during the countdown as undo', async () => {
    const h = harness([delayed]);
    const result = h.gate.intercept('a1', 'r1', request(post()));
    expect(h.gate.decide(h.gate.queue()[0]!.id, { confirm: false })).toEqual({ ok: true });
    await expect(result).resolves.toBe('cancel');
    expect(h.audits[0]).toMatchObject({ decision: 'undone' });
  });

  it('cancels a countdown when the renderer goes away (nobody could press Undo)', async () => {
    const h = harness([delayed]);
    const result = h.gate.intercept('a1', 'r1', request(post()));
    h.gate.rendererGone('reload');
    await expect(result).resolves.toBe('cancel');
    expect(h.audits[0]).toMatchObject({ decision: 'failed-closed' });
  });

  it('undo refuses a post that is not counting down', () => {
    const h = harness([brand]);
    void h.gate.intercept('a1', 'r1', request(post()));
    expect(h.gate.undo(h.gate.queue()[0]!.id)).toEqual({ ok: false });
    expect(h.gate.undo('nope')).toEqual({ ok: false });
    expect(h.gate.queue()).toHaveLength(1);
  });
});

describe('GateService: unreadable posts', () => {
  it('shows why the content could not be read, and never sends it on a countdown', async () => {
    const h = harness([account({ id: 'a1', gate: policy('delay', 5) })]);
    const unreadable = post({ parts: [part(null, { mediaCount: 1 })], readable: false, unreadableReason: 'body is a file upload' });
    const result = track(h.gate.intercept('a1', 'r1', request(unreadable)));
    const [view] = h.gate.queue();
    expect(view).toMatchObject({ readable: false, unreadableReason: 'body is a file upload', mode: 'confirm', delayUntil: null });
    h.clock.advance(5_000);
    await flush();
    expect(result.settled()).toBe(false);
    h.gate.decide(view!.id, { confirm: false });
    expect(h.audits[0]).toMatchObject({
      decision: 'cancelled',
      readable: false,
      text: null,
      textHash: null,
      mediaCount: 1,
      reason: 'held for a dialog: unreadable',
    });
  });
});
