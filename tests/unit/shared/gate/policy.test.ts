// The gate policy: which publishing requests are held, and how.
import { describe, expect, it } from 'vitest';
import { defaultGatePolicy, type GatePolicy } from '../../../../shared/accounts/account.ts';
import { handleMatches, holdVerdict, type HoldContext } from '../../../../shared/gate/policy.ts';

const plain: HoldContext = { watchWordHit: false, identityMismatch: false };
const readablePost = { action: 'post' as const, readable: true };
const withMode = (mode: GatePolicy['mode'], delaySeconds = 10): GatePolicy => ({ ...defaultGatePolicy('brand'), mode, delaySeconds });

describe('holdVerdict', () => {
  it('does not hold when the gate is off (the personal default)', () => {
    expect(holdVerdict(defaultGatePolicy('personal'), readablePost, plain)).toEqual({ hold: false, reason: 'gate-off' });
  });

  it('holds a brand post for confirmation by default, every action included', () => {
    for (const action of ['post', 'reply', 'quote', 'edit', 'schedule', 'repost', 'message'] as const) {
      expect(holdVerdict(defaultGatePolicy('brand'), { action, readable: true }, plain)).toEqual({
        hold: true,
        mode: 'confirm',
        delayMs: null,
        escalatedBecause: null,
      });
    }
  });

  it('does not hold an action whose switch is off', () => {
    const policy = { ...withMode('confirm'), actions: { ...withMode('confirm').actions, message: false } };
    expect(holdVerdict(policy, { action: 'message', readable: true }, plain)).toEqual({ hold: false, reason: 'action-off' });
    expect(holdVerdict(policy, readablePost, plain).hold).toBe(true);
  });

  it('still holds an action whose switch is off when the poster is not the identity seen before', () => {
    const policy = { ...withMode('confirm'), actions: { ...withMode('confirm').actions, message: false } };
    expect(holdVerdict(policy, { action: 'message', readable: true }, { ...plain, identityMismatch: true })).toEqual({
      hold: true,
      mode: 'confirm',
      delayMs: null,
      escalatedBecause: 'identity-mismatch',
    });
  });

  it('holds in type-handle mode', () => {
    expect(holdVerdict(withMode('type-handle'), readablePost, plain)).toMatchObject({ hold: true, mode: 'type-handle' });
  });

  it('holds in delay mode for delaySeconds', () => {
    expect(holdVerdict(withMode('delay', 7), readablePost, plain)).toEqual({ hold: true, mode: 'delay', delayMs: 7_000, escalatedBecause: null });
  });

  it('turns a delay post into a confirm post when the manager must see it first', () => {
    const delay = withMode('delay');
    expect(holdVerdict(delay, { action: 'post', readable: false }, plain)).toMatchObject({ mode: 'confirm', escalatedBecause: 'unreadable' });
    expect(holdVerdict(delay, readablePost, { ...plain, watchWordHit: true })).toMatchObject({ mode: 'confirm', escalatedBecause: 'watch-word' });
    expect(holdVerdict(delay, readablePost, { ...plain, identityMismatch: true })).toMatchObject({ mode: 'confirm', escalatedBecause: 'identity-mismatch' });
  });

  it('fails closed on a policy it cannot understand', () => {
    const broken = { ...withMode('confirm'), mode: 'sometimes' } as unknown as GatePolicy;
    expect(holdVerdict(broken, readablePost, plain)).toMatchObject({ hold: true, mode: 'confirm', escalatedBecause: 'invalid-policy' });
    const missingSwitch = { ...withMode('confirm'), actions: {} } as unknown as GatePolicy;
    expect(holdVerdict(missingSwitch, readablePost, plain)).toMatchObject({ hold: true, mode: 'confirm' });
    expect(holdVerdict(withMode('delay', Number.NaN), readablePost, plain)).toMatchObject({ hold: true, mode: 'confirm', escalatedBecause: 'invalid-policy' });
    expect(holdVerdict(withMode('delay', 0), readablePost, plain)).toMatchObject({ hold: true, mode: 'confirm' });
  });
});

describe('handleMatches', () => {
  it('ignores case, a leading @ and surrounding spaces', () => {
    expect(handleMatches('acmecorp', 'AcmeCorp')).toBe(true);
    expect(handleMatches('  @ACMECORP ', 'AcmeCorp')).toBe(true);
    expect(handleMatches('@acme@mastodon.social', 'acme@mastodon.social')).toBe(true);
  });

  it('rejects another handle, a prefix, and an empty entry', () => {
    expect(handleMatches('acme', 'AcmeCorp')).toBe(false);
    expect(handleMatches('acmecorp2', 'AcmeCorp')).toBe(false);
    expect(handleMatches('', 'AcmeCorp')).toBe(false);
    expect(handleMatches('@', '@')).toBe(false);
  });

  it('compares composed and decomposed accents as the same handle', () => {
    expect(handleMatches('cafe\u0301', 'caf\u00e9')).toBe(true);
  });
});
