// Any other site: a "(N) " title prefix is read when present; nothing else is known about it.
import { leadingCount } from './title-count.ts';
import type { PlatformPresence } from './types.ts';

/** Presence rules of a 'custom' (Web) account. */
export const customPresence: PlatformPresence = {
  unreadFromTitle: (title) => leadingCount(title),
  isSignInPage: () => false,
  identityCookie: null,
};
