// X: "(3) Home / X" titles, the /i/flow/login sign-in flow, and the twid cookie that names the signed-in user.
import { onDomain, prefixOrZero, routeOf } from './title-count.ts';
import type { PlatformPresence } from './types.ts';

const DOMAINS = ['x.com', 'twitter.com'] as const;

/** X's presence rules. */
export const xPresence: PlatformPresence = {
  // Every page title of the signed-in web client ends in " / X" ("Home / X", "Notifications / X").
  unreadFromTitle: (title) => prefixOrZero(title, /(^|\s)\/ (X|Twitter)$/),
  isSignInPage: (url) => onDomain(url.hostname, DOMAINS) && ['/i/flow/login', '/login', '/i/flow/single_sign_on'].includes(routeOf(url)),
  identityCookie: { name: 'twid', domains: DOMAINS },
};
