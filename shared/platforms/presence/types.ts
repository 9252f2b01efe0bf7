// What a platform's own pages reveal about an account: the unread count in the title, the sign-in page, the identity cookie.

/** An unread count as a page shows it; `more` is true for capped labels such as "99+" (at least `count`). */
export interface UnreadCount {
  count: number;
  more: boolean;
}

/** A cookie the platform sets only while someone is signed in. */
export interface IdentityCookie {
  name: string;
  /** Registrable domains the cookie may be set on (a leading dot in the cookie's domain is ignored). */
  domains: readonly string[];
}

/** How one platform's web client shows unread items and a signed-out session. */
export interface PlatformPresence {
  /**
   * The unread count the page title carries; `null` when the title says nothing either way
   * (a platform whose title never carries it, or a title from another site such as a login provider).
   */
  unreadFromTitle(title: string): UnreadCount | null;
  /** True when `url` is the platform's sign-in page; `home` is the account's start page (its own server, for Mastodon). */
  isSignInPage(url: URL, home: URL): boolean;
  /** The cookie whose disappearance means the account was signed out; null where none is known. */
  identityCookie: IdentityCookie | null;
}
