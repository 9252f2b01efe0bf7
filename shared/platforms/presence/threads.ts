// Threads: "(N) " title prefix like the other Meta sites, and the /login page on threads.com / threads.net.
import { onDomain, prefixOrZero, routeOf } from './title-count.ts';
import type { PlatformPresence } from './types.ts';

const DOMAINS = ['threads.com', 'threads.net'] as const;

/** Threads' presence rules. */
export const threadsPresence: PlatformPresence = {
  unreadFromTitle: (title) => prefixOrZero(title, /\bThreads$/),
  isSignInPage: (url) => onDomain(url.hostname, DOMAINS) && routeOf(url) === '/login',
  // Threads signs in through Instagram; which of its cookies names the user on threads.com is not established.
  identityCookie: null,
};
