// Instagram: "(1) Instagram" titles, the /accounts/login/ page, and the ds_user_id cookie (the signed-in user's id).
import { onDomain, prefixOrZero, routeOf } from './title-count.ts';
import type { PlatformPresence } from './types.ts';

const DOMAINS = ['instagram.com'] as const;

/** Instagram's presence rules. */
export const instagramPresence: PlatformPresence = {
  // Page titles end in "Instagram" ("Instagram", "… • Instagram photos and videos"); the inbox is "Inbox • Direct".
  unreadFromTitle: (title) => prefixOrZero(title, /\bInstagram(\s.*)?$|• Direct$/),
  isSignInPage: (url) => onDomain(url.hostname, DOMAINS) && routeOf(url) === '/accounts/login',
  identityCookie: { name: 'ds_user_id', domains: DOMAINS },
};
