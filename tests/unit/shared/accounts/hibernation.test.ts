// Which idle account views go to sleep: only opted-in, live, long-idle ones, never the account on screen.
import { describe, it, expect } from 'vitest';
import { defaultGatePolicy, type Account } from '../../../../shared/accounts/account.ts';
import { accountsToHibernate } from '../../../../shared/accounts/hibernation.ts';

function account(n: number, hibernate = true): Account {
  const id = `${String(n).repeat(8)}-0000-4000-8000-000000000000`;
  return {
    id,
    partition: `persist:account-${id}`,
    name: `Account ${n}`,
    handle: `a${n}`,
    platform: 'x',
    startUrl: 'https://x.com/home',
    kind: 'personal',
    color: '#1d4ed8',
    gate: defaultGatePolicy('personal'),
    watchWords: [],
    targetMinutes: 60,
    notifications: false,
    hibernate,
    createdAt: '2026-03-10T12:00:00.000Z',
  };
}

const MINUTE = 60_000;
const NOW = Date.parse('2026-03-10T12:00:00Z');
const IDLE = 10 * MINUTE;

describe('accountsToHibernate', () => {
  const [a, b, c] = [account(1), account(2), account(3)];

  it('puts to sleep every opted-in live view idle for the whole delay, in rail order', () => {
    const live = new Map([
      [c.id, NOW - 30 * MINUTE],
      [a.id, NOW - 11 * MINUTE],
    ]);
    expect(accountsToHibernate([a, b, c], live, b.id, NOW, IDLE)).toEqual([a.id, c.id]);
  });

  it('never puts the active account to sleep, however long it has been idle', () => {
    const live = new Map([[a.id, NOW - 24 * 60 * MINUTE]]);
    expect(accountsToHibernate([a], live, a.id, NOW, IDLE)).toEqual([]);
  });

  it('leaves accounts that opted out awake', () => {
    const optedOut = account(4, false);
    const live = new Map([
      [optedOut.id, NOW - 60 * MINUTE],
      [a.id, NOW - 60 * MINUTE],
    ]);
    expect(accountsToHibernate([optedOut, a], live, null, NOW, IDLE)).toEqual([a.id]);
  });

  it('waits for the full idle delay: one millisecond short is too soon, exactly the delay is enough', () => {
    expect(accountsToHibernate([a], new Map([[a.id, NOW - IDLE + 1]]), null, NOW, IDLE)).toEqual([]);
    expect(accountsToHibernate([a], new Map([[a.id, NOW - IDLE]]), null, NOW, IDLE)).toEqual([a.id]);
  });

  it('ignores views that are not live (already asleep or never opened)', () => {
    expect(accountsToHibernate([a, b], new Map(), null, NOW, IDLE)).toEqual([]);
  });

  it('with no active account, every eligible view may sleep', () => {
    const live = new Map([
      [a.id, NOW - IDLE],
      [b.id, NOW - IDLE],
    ]);
    expect(accountsToHibernate([a, b], live, null, NOW, IDLE)).toEqual([a.id, b.id]);
  });

  it('never names an id that is not one of the accounts', () => {
    const live = new Map([['99999999-0000-4000-8000-000000000000', NOW - 60 * MINUTE]]);
    expect(accountsToHibernate([a], live, null, NOW, IDLE)).toEqual([]);
  });

  it('never puts an account to sleep while one of its posts is held, and lets it sleep once decided', () => {
    const live = new Map([
      [a.id, NOW - 60 * MINUTE],
      [b.id, NOW - 60 * MINUTE],
    ]);
    expect(accountsToHibernate([a, b], live, null, NOW, IDLE, new Set([a.id]))).toEqual([b.id]);
    expect(accountsToHibernate([a, b], live, null, NOW, IDLE, new Set())).toEqual([a.id, b.id]);
  });
});
