// LinkedIn: "(5) Feed | LinkedIn" titles, its login / authwall pages, and the li_at session cookie.
import { onDomain, prefixOrZero, routeOf } from './title-count.ts';
import type { PlatformPresence } from './types.ts';

const DOMAINS = ['linkedin.com'] as const;
const SIGN_IN = new Set(['/login', '/uas/login', '/checkpoint/lg/login', '/authwall', '/m/login']);

/** LinkedIn's presence rules. */
export const linkedinPresence: PlatformPresence = {
  unreadFromTitle: (title) => prefixOrZero(title, /\bLinkedIn$/),
  isSignInPage: (url) => onDomain(url.hostname, DOMAINS) && SIGN_IN.has(routeOf(url)),
  identityCookie: { name: 'li_at', domains: DOMAINS },
};
