// Keeps each account's unread count and signed-out state from what its page does, for the rail, the app icon and notices.
import type { Account } from '../../../../shared/accounts/account.ts';
import {
  badgeTotal,
  samePresence,
  UNKNOWN_PRESENCE,
  withCookie,
  withNavigation,
  withTitle,
  type AccountPresence,
  type CookieChange,
} from '../../../../shared/accounts/presence.ts';
import type { Locale } from '../../../../shared/accounts/settings.ts';
import { unreadNotice, type UnreadNotice } from '../../../../shared/accounts/unread-notice.ts';
import type { PresenceMap } from '../../../../shared/ipc/contract.ts';

export type { PresenceMap };

/** What the shell adapters forward from an account's page (Electron's webContents and session, or the test harness). */
export interface PageEvents {
  /** `page-title-updated`. */
  title(accountId: string, title: string): void;
  /** `did-navigate`, or `did-navigate-in-page` of the main frame. */
  navigated(accountId: string, url: string): void;
  /** `session.cookies` 'changed'. */
  cookie(accountId: string, change: CookieChange): void;
}

export interface PresenceServiceDeps {
  accounts: () => readonly Account[];
  locale: () => Locale;
  /** Sends the whole map to the app renderer. */
  emit: (presence: PresenceMap) => void;
  /** Puts the total on the app icon (0 clears it). */
  setBadge: (total: { count: number; more: boolean }) => void;
  /** Shows a desktop notice (only for accounts that opted in). */
  notify: (notice: UnreadNotice) => void;
}

export class PresenceService implements PageEvents {
  private readonly presence = new Map<string, AccountPresence>();
  private lastBadge = { count: 0, more: false };

  constructor(private readonly deps: PresenceServiceDeps) {}

  snapshot(): PresenceMap {
    return Object.fromEntries(this.presence);
  }

  title(accountId: string, title: string): void {
    this.apply(accountId, (state, account) => withTitle(state, account, title));
  }

  navigated(accountId: string, url: string): void {
    this.apply(accountId, (state, account) => withNavigation(state, account, url));
  }

  cookie(accountId: string, change: CookieChange): void {
    this.apply(accountId, (state, account) => withCookie(state, account, change));
  }

  /** Accounts were edited or removed: forget what was known of the removed ones. */
  accountsChanged(): void {
    const accounts = new Map(this.deps.accounts().map((account) => [account.id, account]));
    let changed = false;
    for (const id of [...this.presence.keys()]) {
      if (!accounts.has(id)) {
        this.presence.delete(id);
        changed = true;
      }
    }
    if (changed) this.publish();
  }

  private apply(accountId: string, change: (state: AccountPresence, account: Account) => AccountPresence): void {
    const account = this.deps.accounts().find((candidate) => candidate.id === accountId);
    if (!account) return;
    const before = this.presence.get(accountId) ?? UNKNOWN_PRESENCE;
    const after = change(before, account);
    if (samePresence(before, after)) return;
    this.presence.set(accountId, after);
    this.publish();
    if (account.unreadAlerts) this.maybeNotify(account, before, after);
  }

  private maybeNotify(account: Account, before: AccountPresence, after: AccountPresence): void {
    const locale = this.deps.locale();
    if (after.signedOut && !before.signedOut) {
      this.deps.notify(unreadNotice(account, { kind: 'signed-out' }, locale));
      return;
    }
    // Only a rise from a known count: the first count after a (re)load is not news.
    if (!after.signedOut && before.unread !== null && after.unread !== null && after.unread > before.unread) {
      this.deps.notify(unreadNotice(account, { kind: 'unread', count: after.unread, more: after.more }, locale));
    }
  }

  private publish(): void {
    this.deps.emit(this.snapshot());
    const total = badgeTotal(this.presence.values());
    if (total.count !== this.lastBadge.count || total.more !== this.lastBadge.more) {
      this.lastBadge = total;
      this.deps.setBadge(total);
    }
  }
}
