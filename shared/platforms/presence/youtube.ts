// YouTube: "(3) YouTube" titles, and Google's account sign-in pages that a signed-out YouTube session is sent to.
import { onDomain, prefixOrZero, routeOf } from './title-count.ts';
import type { PlatformPresence } from './types.ts';

/** YouTube's presence rules. */
export const youtubePresence: PlatformPresence = {
  unreadFromTitle: (title) => prefixOrZero(title, /\bYouTube$/),
  isSignInPage: (url) => {
    if (!onDomain(url.hostname, ['accounts.google.com'])) return false;
    const route = routeOf(url);
    return route === '/servicelogin' || route.startsWith('/signin') || route.startsWith('/v3/signin');
  },
  // Google's session cookies are shared with every Google site and rotate; none is a reliable sign-out signal here.
  identityCookie: null,
};
