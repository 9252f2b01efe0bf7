// Bluesky: "(3) Home — Bluesky" titles from the web client's bskyTitle(); the session lives in local storage, not in a cookie or a URL.
import { prefixOrZero } from './title-count.ts';
import type { PlatformPresence } from './types.ts';

/** Bluesky's presence rules. */
export const blueskyPresence: PlatformPresence = {
  // social-app builds titles as `(${unreadCountLabel}) ${page} — Bluesky`; the label may be capped ("30+").
  unreadFromTitle: (title) => prefixOrZero(title, /\s— Bluesky$|^Bluesky$/),
  // The web client shows its sign-in screen at whatever URL was open: there is no sign-in route to recognise.
  isSignInPage: () => false,
  identityCookie: null,
};
