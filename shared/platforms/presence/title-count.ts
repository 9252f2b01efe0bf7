// The "(3) Page" prefix most platforms put in front of their page title while something is unread.
import type { UnreadCount } from './types.ts';

// One to five digits with an optional "+" cap, in parentheses, then a space: "(3) Home / X", "(30+) Notifications — Bluesky".
const PREFIX = /^\s*\((\d{1,5})(\+?)\)\s/;

/** The count in a leading "(N) " or "(N+) " of `title`, or null when the title has no such prefix. */
export function leadingCount(title: string): UnreadCount | null {
  const match = PREFIX.exec(title);
  if (!match) return null;
  return { count: Number(match[1]), more: match[2] === '+' };
}

/**
 * For platforms whose title carries the prefix whenever something is unread: no prefix on one of
 * their own titles means nothing is unread. `ownTitle` tells the platform's titles from a login
 * provider's or an error page's, which say nothing about the count.
 */
export function prefixOrZero(title: string, ownTitle: RegExp): UnreadCount | null {
  const counted = leadingCount(title);
  if (counted) return counted;
  return ownTitle.test(title) ? { count: 0, more: false } : null;
}

export { onDomain } from '../rule.ts';

/** Path without a trailing slash, lower-cased, for comparing against sign-in routes. */
export function routeOf(url: URL): string {
  return url.pathname.toLowerCase().replace(/\/+$/, '') || '/';
}
