// Reddit: "(N) " title prefix, the /login page (new and old Reddit), and the reddit_session cookie.
import { onDomain, prefixOrZero, routeOf } from './title-count.ts';
import type { PlatformPresence } from './types.ts';

const DOMAINS = ['reddit.com'] as const;

/** Reddit's presence rules. */
export const redditPresence: PlatformPresence = {
  unreadFromTitle: (title) => prefixOrZero(title, /\breddit\b/i),
  isSignInPage: (url) => onDomain(url.hostname, DOMAINS) && ['/login', '/account/login'].includes(routeOf(url)),
  identityCookie: { name: 'reddit_session', domains: DOMAINS },
};
