// Facebook: "(2) Facebook" titles, login.php / /login pages, and the c_user cookie (the signed-in user's id).
import { onDomain, prefixOrZero, routeOf } from './title-count.ts';
import type { PlatformPresence } from './types.ts';

const DOMAINS = ['facebook.com'] as const;

/** Facebook's presence rules. */
export const facebookPresence: PlatformPresence = {
  unreadFromTitle: (title) => prefixOrZero(title, /\bFacebook$/),
  isSignInPage: (url) => onDomain(url.hostname, DOMAINS) && ['/login', '/login.php', '/login/device-based/regular/login'].includes(routeOf(url)),
  identityCookie: { name: 'c_user', domains: DOMAINS },
};
