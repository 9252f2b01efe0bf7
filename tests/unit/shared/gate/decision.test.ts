// The decision state machine: a held post is decided once, only by the events its state allows.
import { describe, expect, it } from 'vitest';
import { auditDecisionOf, checkConfirm, initialState, transition, type ConfirmCheck, type DecisionEvent } from '../../../../shared/gate/decision.ts';

const confirm: DecisionEvent = { kind: 'confirm', via: 'dialog' };

describe('transition from pending', () => {
  it.each([
    [confirm, 'confirmed', 'continue'],
    [{ kind: 'cancel', identityMismatch: false }, 'cancelled', 'cancel'],
    [{ kind: 'cancel', identityMismatch: true }, 'blocked-identity', 'cancel'],
    [{ kind: 'timeout' }, 'timed-out', 'cancel'],
    [{ kind: 'fail' }, 'failed-closed', 'cancel'],
  ] as const)('%o → %s (%s)', (event, state, outcome) => {
    expect(transition('pending', event)).toMatchObject({ ok: true, state, outcome });
  });

  it('refuses countdown events', () => {
    expect(transition('pending', { kind: 'undo' })).toEqual({ ok: false, reason: 'not-allowed' });
    expect(transition('pending', { kind: 'elapse' })).toEqual({ ok: false, reason: 'not-allowed' });
  });

  it('records how a post was confirmed', () => {
    expect(transition('pending', { kind: 'confirm', via: 'type-handle' })).toMatchObject({ via: 'type-handle' });
  });
});

describe('transition from pending-delay', () => {
  it.each([
    [{ kind: 'elapse' }, 'sent', 'continue'],
    [{ kind: 'undo' }, 'undone', 'cancel'],
    [{ kind: 'cancel', identityMismatch: false }, 'undone', 'cancel'],
    [{ kind: 'block-identity' }, 'blocked-identity', 'cancel'],
    [{ kind: 'fail' }, 'failed-closed', 'cancel'],
    [confirm, 'sent', 'continue'],
  ] as const)('%o → %s (%s)', (event, state, outcome) => {
    expect(transition('pending-delay', event)).toMatchObject({ ok: true, state, outcome });
  });

  it('does not time out: the countdown decides', () => {
    expect(transition('pending-delay', { kind: 'timeout' })).toEqual({ ok: false, reason: 'not-allowed' });
  });

  it('is audited as confirmed via delay when the countdown ends', () => {
    const sent = transition('pending-delay', { kind: 'elapse' });
    expect(sent).toMatchObject({ via: 'delay' });
    expect(auditDecisionOf('sent')).toBe('confirmed');
    expect(auditDecisionOf('undone')).toBe('undone');
  });
});

describe('decided once', () => {
  const finals = ['confirmed', 'cancelled', 'timed-out', 'failed-closed', 'blocked-identity', 'undone', 'sent'] as const;
  const events: DecisionEvent[] = [
    confirm,
    { kind: 'cancel', identityMismatch: false },
    { kind: 'undo' },
    { kind: 'timeout' },
    { kind: 'elapse' },
    { kind: 'block-identity' },
    { kind: 'fail' },
  ];
  it('refuses every event after a decision', () => {
    for (const state of finals) for (const event of events) expect(transition(state, event)).toEqual({ ok: false, reason: 'decided' });
  });

  it('starts delay posts counting down and the others pending', () => {
    expect(initialState('delay')).toBe('pending-delay');
    expect(initialState('confirm')).toBe('pending');
    expect(initialState('type-handle')).toBe('pending');
  });
});

describe('checkConfirm', () => {
  const base: ConfirmCheck = { mode: 'confirm', handle: 'acme', hasWatchWordHits: false, identityMismatch: false };

  it('confirms a plain press', () => {
    expect(checkConfirm(base)).toEqual({ ok: true, via: 'dialog' });
  });

  it('never confirms an identity mismatch, whatever else is right', () => {
    expect(checkConfirm({ ...base, mode: 'type-handle', typedHandle: 'acme', secondPress: true, identityMismatch: true })).toEqual({
      ok: false,
      reason: 'identity-mismatch',
    });
  });

  it('needs the typed handle in type-handle mode', () => {
    expect(checkConfirm({ ...base, mode: 'type-handle' })).toEqual({ ok: false, reason: 'handle-mismatch' });
    expect(checkConfirm({ ...base, mode: 'type-handle', typedHandle: 'other' })).toEqual({ ok: false, reason: 'handle-mismatch' });
    expect(checkConfirm({ ...base, mode: 'type-handle', typedHandle: '@ACME' })).toEqual({ ok: true, via: 'type-handle' });
  });

  it('needs a second press when watch words were found', () => {
    expect(checkConfirm({ ...base, hasWatchWordHits: true })).toEqual({ ok: false, reason: 'needs-second-press' });
    expect(checkConfirm({ ...base, hasWatchWordHits: true, secondPress: true })).toEqual({ ok: true, via: 'dialog' });
  });
});
