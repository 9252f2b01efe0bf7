// What the rail knows about each account's page: its unread count and whether it is signed out, from titles, URLs and cookies.
import type { PlatformId } from '../platforms/platform-id.ts';
import { PRESENCE } from '../platforms/presence/index.ts';
import { onDomain } from '../platforms/presence/title-count.ts';

/** What the rail shows for one account. */
export interface AccountPresence {
  /** Unread items the page reports; null while not known (page not loaded, title without a count, signed out). */
  unread: number | null;
  /** True for a capped label such as "99+": at least `unread`. */
  more: boolean;
  /** Why the account is believed signed out, or null while it is not. */
  signedOut: 'sign-in-page' | 'cookie' | null;
}

/** The presence of an account nothing is known about yet. */
export const UNKNOWN_PRESENCE: AccountPresence = { unread: null, more: false, signedOut: null };

/** The part of an account the presence rules need. */
export interface PresenceAccount {
  platform: PlatformId;
  startUrl: string;
}

/** The page's title changed. */
export function withTitle(state: AccountPresence, account: PresenceAccount, title: string): AccountPresence {
  // A signed-out page's title ("Log in to X / X") carries no count of the account's items.
  if (state.signedOut) return state;
  const unread = PRESENCE[account.platform].unreadFromTitle(title);
  if (!unread) return state;
  return { ...state, unread: unread.count, more: unread.more };
}

/** The page's main frame navigated (a load or a same-document route change) to `url`. */
export function withNavigation(state: AccountPresence, account: PresenceAccount, url: string): AccountPresence {
  const parsed = parseUrl(url);
  const home = parseUrl(account.startUrl);
  if (!parsed || !home) return state;
  if (PRESENCE[account.platform].isSignInPage(parsed, home)) return { unread: null, more: false, signedOut: 'sign-in-page' };
  // Leaving the sign-in page for another page of the platform means the manager signed in again;
  // a gone cookie is cleared only by the cookie coming back.
  if (state.signedOut === 'sign-in-page') return { ...state, signedOut: null };
  return state;
}

/** What Electron's `cookies.on('changed')` reports. */
export interface CookieChange {
  name: string;
  domain: string;
  removed: boolean;
  /** Electron's cause; 'overwrite' removals are followed by the new value and are not a sign-out. */
  cause: 'explicit' | 'overwrite' | 'expired' | 'evicted' | 'expired-overwrite' | string;
}

/** A cookie of the account's session changed. */
export function withCookie(state: AccountPresence, account: PresenceAccount, change: CookieChange): AccountPresence {
  const identity = PRESENCE[account.platform].identityCookie;
  if (!identity || change.name !== identity.name || !onDomain(change.domain, identity.domains)) return state;
  if (change.removed && change.cause !== 'overwrite') return { unread: null, more: false, signedOut: 'cookie' };
  if (!change.removed && state.signedOut === 'cookie') return { ...state, signedOut: null };
  return state;
}

/** The total the app icon shows: every known count of the accounts that are signed in. */
export function badgeTotal(presence: Iterable<AccountPresence>): { count: number; more: boolean } {
  let count = 0;
  let more = false;
  for (const entry of presence) {
    if (entry.signedOut || entry.unread === null) continue;
    count += entry.unread;
    more ||= entry.more;
  }
  return { count, more };
}

/** True when two presences would draw the same rail entry. */
export function samePresence(a: AccountPresence, b: AccountPresence): boolean {
  return a.unread === b.unread && a.more === b.more && a.signedOut === b.signedOut;
}

function parseUrl(value: string): URL | null {
  try {
    return new URL(value);
  } catch {
    return null;
  }
}
