// What an account's site may do: which permissions it gets, where popups and navigations may go.
import type { Account } from './account.ts';

/** Hosts whose popups are sign-in flows: they open as child windows in the account's own session. */
export const LOGIN_HOSTS = [
  'accounts.google.com',
  'appleid.apple.com',
  'login.microsoftonline.com',
  'login.live.com',
  'api.x.com',
  'api.twitter.com',
  'x.com',
  'twitter.com',
  'www.facebook.com',
  'm.facebook.com',
  'www.instagram.com',
  'www.linkedin.com',
  'bsky.social',
  'www.reddit.com',
] as const;

/** Permissions a social site may have without asking; everything else is denied. */
const ALWAYS_ALLOWED = new Set(['fullscreen', 'clipboard-sanitized-write']);

/** Deny by default; notifications follow the account's own setting. */
export function allowPermission(permission: string, account: Pick<Account, 'notifications'>): boolean {
  if (permission === 'notifications') return account.notifications;
  return ALWAYS_ALLOWED.has(permission);
}

/**
 * True when `host` is the account's start host (without "www.") or one of its subdomains. Deliberately
 * narrower than "same registrable domain", which would need a public-suffix list to tell brand.co.uk
 * from evil.co.uk.
 */
function isHomeSite(host: string, home: string): boolean {
  const base = home.replace(/^www\./, '');
  return host === base || host.endsWith(`.${base}`);
}

/**
 * Where a window.open / target=_blank from the account's site goes: a login popup stays in the
 * account's session as a child window; any other https link opens in the OS browser; the rest is denied.
 */
export function popupTarget(url: string, account: Pick<Account, 'startUrl'>): 'child' | 'external' | 'deny' {
  if (url === 'about:blank') return 'child';
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'deny';
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return 'deny';
  const host = parsed.hostname.toLowerCase();
  const home = new URL(account.startUrl).hostname.toLowerCase();
  const isLogin = (LOGIN_HOSTS as readonly string[]).includes(host) && /auth|login|signin|sso|oauth|dialog|i\/flow/i.test(parsed.pathname + parsed.search);
  if (isLogin || (isHomeSite(host, home) && /auth|login|signin|sso|oauth/i.test(parsed.pathname))) return 'child';
  return parsed.protocol === 'https:' ? 'external' : 'deny';
}

/** In-place navigation of an account view: web pages only (no file:, javascript:, custom schemes). */
export function allowNavigation(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}
