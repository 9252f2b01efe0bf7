// Per-platform presence rules on real title formats, sign-in URLs and identity cookies; each fixture names its source.
import { describe, expect, it } from 'vitest';
import { PRESENCE } from '../../../../shared/platforms/presence/index.ts';
import { leadingCount } from '../../../../shared/platforms/presence/title-count.ts';

const count = (count: number, more = false) => ({ count, more });
const home = (url: string) => new URL(url);

describe('unread count from the page title', () => {
  it('Bluesky: bskyTitle() builds `(${unreadCountLabel}) ${page} — Bluesky`, the label capped at "30+"', () => {
    // Source: bluesky-social/social-app src/lib/strings/headings.ts (bskyTitle) and
    // src/state/queries/notifications/unread.tsx (unreadCountStr: '30+' at 30 or more, '' at 0).
    expect(PRESENCE.bluesky.unreadFromTitle('(3) Home — Bluesky')).toEqual(count(3));
    expect(PRESENCE.bluesky.unreadFromTitle('(30+) Notifications — Bluesky')).toEqual(count(30, true));
    expect(PRESENCE.bluesky.unreadFromTitle('Home — Bluesky')).toEqual(count(0));
    // A page of another site (the sign-in provider, an error page) says nothing about the count.
    expect(PRESENCE.bluesky.unreadFromTitle('Sign in')).toBeNull();
  });

  it('X: "(2) Home / X" and its older "(2) Twitter / Home" shape', () => {
    // Source: X web client titles "<page> / X"; the "(2) Twitter / Home" shape is quoted in
    // alan.edward.es/posts/unread-count (a Chrome extension reading counts from titles).
    expect(PRESENCE.x.unreadFromTitle('(2) Home / X')).toEqual(count(2));
    expect(PRESENCE.x.unreadFromTitle('(12) Notifications / X')).toEqual(count(12));
    expect(PRESENCE.x.unreadFromTitle('(2) Twitter / Home')).toEqual(count(2));
    expect(PRESENCE.x.unreadFromTitle('Home / X')).toEqual(count(0));
    expect(PRESENCE.x.unreadFromTitle('Sign in - Google Accounts')).toBeNull();
  });

  it('Mastodon: the stock client titles "%s - <server>" with no count, so no prefix is "not known", not 0', () => {
    // Source: mastodon/mastodon app/javascript/mastodon/containers/mastodon.jsx
    // (<Helmet defaultTitle={title} titleTemplate={`%s - ${title}`} />).
    expect(PRESENCE.mastodon.unreadFromTitle('Home - mastodon.social')).toBeNull();
    // Mastodon 3.x servers: app/javascript/mastodon/features/ui/components/document_title.js wrote
    // `(${unread}) ${title}` for updates missed while unfocused, and `(*) ${title}` above 99.
    expect(PRESENCE.mastodon.unreadFromTitle('(7) mastodon.social')).toEqual(count(7));
    expect(PRESENCE.mastodon.unreadFromTitle('(*) mastodon.social')).toEqual(count(100, true));
    // Fediverse front ends that do prefix a count (ferdium/ferdium-recipes recipes/pleroma/webview.js: /^\((\d+)\)/).
    expect(PRESENCE.mastodon.unreadFromTitle('(4) Pleroma-FE')).toEqual(count(4));
  });

  it('Facebook, LinkedIn, Instagram, YouTube, Threads, Reddit: a leading "(N) " on the platform\'s own titles', () => {
    // Sources: adweek.com/digital/browser-tab-alerts (Facebook puts the combined count in the tab title);
    // blog.corsego.com/browser-tab-title-notifications (LinkedIn's "(N) LinkedIn" tab).
    expect(PRESENCE.facebook.unreadFromTitle('(2) Facebook')).toEqual(count(2));
    expect(PRESENCE.facebook.unreadFromTitle('Facebook')).toEqual(count(0));
    expect(PRESENCE.linkedin.unreadFromTitle('(5) Feed | LinkedIn')).toEqual(count(5));
    expect(PRESENCE.linkedin.unreadFromTitle('Feed | LinkedIn')).toEqual(count(0));
    expect(PRESENCE.instagram.unreadFromTitle('(1) Instagram')).toEqual(count(1));
    expect(PRESENCE.instagram.unreadFromTitle('Inbox • Direct')).toEqual(count(0));
    expect(PRESENCE.youtube.unreadFromTitle('(3) YouTube')).toEqual(count(3));
    expect(PRESENCE.threads.unreadFromTitle('(2) Threads')).toEqual(count(2));
    expect(PRESENCE.reddit.unreadFromTitle('(1) Reddit - Dive into anything')).toEqual(count(1));
    expect(PRESENCE.facebook.unreadFromTitle('Log in with Google')).toBeNull();
  });

  it('reads only a leading count: a number later in the title, or without the space, is not one', () => {
    expect(leadingCount('Breaking (3) news / X')).toBeNull();
    expect(leadingCount('(3)Home / X')).toBeNull();
    expect(leadingCount('(abc) Home / X')).toBeNull();
    expect(leadingCount('(99+) Feed | LinkedIn')).toEqual(count(99, true));
    expect(leadingCount('  (7) Facebook')).toEqual(count(7));
  });
});

describe('sign-in pages', () => {
  const cases: Array<[keyof typeof PRESENCE, string, string, boolean]> = [
    ['x', 'https://x.com/home', 'https://x.com/i/flow/login?redirect_after_login=%2Fhome', true],
    ['x', 'https://x.com/home', 'https://twitter.com/login', true],
    ['x', 'https://x.com/home', 'https://x.com/home', false],
    ['x', 'https://x.com/home', 'https://x.com/someone/status/1', false],
    ['x', 'https://x.com/home', 'https://evil.example/i/flow/login', false],
    ['mastodon', 'https://mastodon.social/home', 'https://mastodon.social/auth/sign_in', true],
    ['mastodon', 'https://mastodon.social/home', 'https://other.server/auth/sign_in', false],
    ['mastodon', 'https://mastodon.social/home', 'https://mastodon.social/home', false],
    ['linkedin', 'https://www.linkedin.com/feed/', 'https://www.linkedin.com/login?fromSignIn=true', true],
    ['linkedin', 'https://www.linkedin.com/feed/', 'https://www.linkedin.com/authwall?trk=gf', true],
    ['linkedin', 'https://www.linkedin.com/feed/', 'https://www.linkedin.com/checkpoint/lg/login-submit', false],
    ['facebook', 'https://www.facebook.com/', 'https://www.facebook.com/login.php?next=https%3A%2F%2Fwww.facebook.com%2F', true],
    ['facebook', 'https://www.facebook.com/', 'https://www.facebook.com/login/', true],
    ['facebook', 'https://www.facebook.com/', 'https://www.facebook.com/groups/login', false],
    ['instagram', 'https://www.instagram.com/', 'https://www.instagram.com/accounts/login/?next=%2F', true],
    ['threads', 'https://www.threads.com/', 'https://www.threads.com/login?show_choice_screen=false', true],
    ['reddit', 'https://www.reddit.com/', 'https://www.reddit.com/login/', true],
    ['reddit', 'https://www.reddit.com/', 'https://old.reddit.com/login', true],
    ['youtube', 'https://www.youtube.com/', 'https://accounts.google.com/v3/signin/identifier?service=youtube', true],
    ['youtube', 'https://www.youtube.com/', 'https://accounts.google.com/ServiceLogin?service=youtube', true],
    ['youtube', 'https://www.youtube.com/', 'https://www.youtube.com/feed/subscriptions', false],
    ['bluesky', 'https://bsky.app/', 'https://bsky.app/', false],
    ['custom', 'https://forum.example/', 'https://forum.example/login', false],
  ];
  it.each(cases)('%s (start %s): %s is a sign-in page: %s', (platform, start, url, expected) => {
    expect(PRESENCE[platform].isSignInPage(new URL(url), home(start))).toBe(expected);
  });
});

describe('identity cookies', () => {
  it('names the cookies that exist only while signed in, where one is known', () => {
    expect(PRESENCE.x.identityCookie?.name).toBe('twid');
    expect(PRESENCE.facebook.identityCookie?.name).toBe('c_user');
    expect(PRESENCE.instagram.identityCookie?.name).toBe('ds_user_id');
    expect(PRESENCE.linkedin.identityCookie?.name).toBe('li_at');
    expect(PRESENCE.reddit.identityCookie?.name).toBe('reddit_session');
    // Mastodon's session cookie exists for visitors too; Bluesky keeps its session in local storage.
    expect(PRESENCE.mastodon.identityCookie).toBeNull();
    expect(PRESENCE.bluesky.identityCookie).toBeNull();
  });
});
