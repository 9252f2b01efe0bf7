// Mastodon: the stock web client's title ("Home - mastodon.social") carries no count; sign-in is /auth/sign_in on the account's server.
import { leadingCount, routeOf } from './title-count.ts';
import type { PlatformPresence } from './types.ts';

/** Mastodon's presence rules. */
export const mastodonPresence: PlatformPresence = {
  // Stock Mastodon titles are "%s - <server title>" with no count, so no prefix means "not known", never 0.
  // Forks and alternative front ends that do prefix "(N) " are still read.
  unreadFromTitle: (title) => leadingCount(title),
  // Devise's sign-in route, on the account's own server only: another server's sign-in page is someone else's.
  isSignInPage: (url, home) => url.hostname.toLowerCase() === home.hostname.toLowerCase() && routeOf(url) === '/auth/sign_in',
  // Mastodon's session cookie is set for visitors too; no cookie tells a signed-in user apart.
  identityCookie: null,
};
