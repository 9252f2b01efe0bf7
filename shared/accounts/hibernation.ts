// Which inactive account views to put to sleep: idle long enough, opted in, and never the active one.
import type { Account } from './account.ts';

/**
 * The ids of the accounts whose live views should hibernate now.
 * `lastActiveAt` holds when each live view was last the active one (epoch ms).
 */
export function accountsToHibernate(
  accounts: readonly Account[],
  liveViews: ReadonlyMap<string, number>,
  activeId: string | null,
  now: number,
  idleMs: number,
): string[] {
  return accounts
    .filter((account) => account.hibernate && account.id !== activeId)
    .filter((account) => {
      const lastActiveAt = liveViews.get(account.id);
      return lastActiveAt !== undefined && now - lastActiveAt >= idleMs;
    })
    .map((account) => account.id);
}
