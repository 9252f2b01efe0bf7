// The rail's view of an account's page: counts follow titles; sign-in pages and gone identity cookies mean signed out.
import { describe, expect, it } from 'vitest';
import { badgeTotal, UNKNOWN_PRESENCE, withCookie, withNavigation, withTitle, type AccountPresence } from '../../../../shared/accounts/presence.ts';

const x = { platform: 'x' as const, startUrl: 'https://x.com/home' };
const mastodon = { platform: 'mastodon' as const, startUrl: 'https://mastodon.social/home' };

describe('account presence', () => {
  it('follows the title up and down, and keeps the last count through titles that say nothing', () => {
    let state = withTitle(UNKNOWN_PRESENCE, x, '(3) Home / X');
    expect(state).toEqual({ unread: 3, more: false, signedOut: null });
    state = withTitle(state, x, 'Sign in - Google Accounts');
    expect(state.unread).toBe(3);
    state = withTitle(state, x, 'Home / X');
    expect(state.unread).toBe(0);
  });

  it('a Mastodon title without a count leaves the count unknown', () => {
    expect(withTitle(UNKNOWN_PRESENCE, mastodon, 'Home - mastodon.social')).toEqual(UNKNOWN_PRESENCE);
  });

  it('landing on the sign-in page signs the account out and forgets its count; another page of the platform signs it back in', () => {
    const counted = withTitle(UNKNOWN_PRESENCE, x, '(3) Home / X');
    const out = withNavigation(counted, x, 'https://x.com/i/flow/login?redirect_after_login=%2Fhome');
    expect(out).toEqual({ unread: null, more: false, signedOut: 'sign-in-page' });
    // The sign-in page's own title does not bring a count back.
    expect(withTitle(out, x, 'Log in to X / X')).toEqual(out);
    const back = withNavigation(out, x, 'https://x.com/home');
    expect(back.signedOut).toBeNull();
    expect(withTitle(back, x, '(1) Home / X').unread).toBe(1);
  });

  it('a URL that does not parse changes nothing', () => {
    expect(withNavigation(UNKNOWN_PRESENCE, x, 'not a url')).toEqual(UNKNOWN_PRESENCE);
  });

  it('the identity cookie disappearing signs out; an overwrite does not; the cookie coming back signs in', () => {
    const counted = withTitle(UNKNOWN_PRESENCE, x, '(2) Home / X');
    expect(withCookie(counted, x, { name: 'twid', domain: '.x.com', removed: true, cause: 'overwrite' })).toEqual(counted);
    expect(withCookie(counted, x, { name: 'guest_id', domain: '.x.com', removed: true, cause: 'explicit' })).toEqual(counted);
    expect(withCookie(counted, x, { name: 'twid', domain: '.evil.example', removed: true, cause: 'explicit' })).toEqual(counted);
    const out = withCookie(counted, x, { name: 'twid', domain: '.x.com', removed: true, cause: 'expired' });
    expect(out.signedOut).toBe('cookie');
    // Navigating inside the site does not undo a gone cookie: only the cookie does.
    expect(withNavigation(out, x, 'https://x.com/home').signedOut).toBe('cookie');
    expect(withCookie(out, x, { name: 'twid', domain: 'x.com', removed: false, cause: 'explicit' }).signedOut).toBeNull();
  });

  it('platforms without an identity cookie ignore cookie changes', () => {
    expect(withCookie(UNKNOWN_PRESENCE, mastodon, { name: '_mastodon_session', domain: 'mastodon.social', removed: true, cause: 'explicit' })).toEqual(
      UNKNOWN_PRESENCE,
    );
  });

  it('the app icon total adds the known counts of signed-in accounts only', () => {
    const entries: AccountPresence[] = [
      { unread: 3, more: false, signedOut: null },
      { unread: null, more: false, signedOut: null },
      { unread: 30, more: true, signedOut: null },
      { unread: 7, more: false, signedOut: 'cookie' },
    ];
    expect(badgeTotal(entries)).toEqual({ count: 33, more: true });
    expect(badgeTotal([])).toEqual({ count: 0, more: false });
  });
});
