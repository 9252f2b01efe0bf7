// Which inactive account views to put to sleep: idle long enough, opted in, nothing held, never the active one.
import type { Account } from './account.ts';

/**
 * The ids of the accounts whose live views should hibernate now.
 * `lastActiveAt` holds when each live view was last the active one (epoch ms).
 * `held` names the accounts with a post waiting at the gate: closing their view would cancel the
 * request the site is waiting on and lose the draft the manager is about to confirm, so they stay awake.
 */
export function accountsToHibernate(
  accounts: readonly Account[],
  liveViews: ReadonlyMap<string, number>,
  activeId: string | null,
  now: number,
  idleMs: number,
  held: ReadonlySet<string> = new Set(),
): string[] {
  return accounts
    .filter((account) => account.hibernate && account.id !== activeId && !held.has(account.id))
    .filter((account) => {
      const lastActiveAt = liveViews.get(account.id);
      return lastActiveAt !== undefined && now - lastActiveAt >= idleMs;
    })
    .map((account) => account.id);
}
