// Mastodon: today's web client titles pages "%s - <server>" with no count; 3.x prefixed "(N) " / "(*) "; sign-in is /auth/sign_in on the account's server.
import { leadingCount, routeOf } from './title-count.ts';
import type { PlatformPresence } from './types.ts';

// Mastodon 3.x's DocumentTitle wrote "(*) " once more than 99 updates were missed.
const OVER_99 = /^\s*\(\*\)\s/;

/** Mastodon's presence rules. */
export const mastodonPresence: PlatformPresence = {
  // No prefix means "not known", never 0: current servers never put a count in the title.
  unreadFromTitle: (title) => (OVER_99.test(title) ? { count: 100, more: true } : leadingCount(title)),
  // Devise's sign-in route, on the account's own server only: another server's sign-in page is someone else's.
  isSignInPage: (url, home) => url.hostname.toLowerCase() === home.hostname.toLowerCase() && routeOf(url) === '/auth/sign_in',
  // Mastodon's session cookie is set for visitors too; no cookie tells a signed-in user apart.
  identityCookie: null,
};
