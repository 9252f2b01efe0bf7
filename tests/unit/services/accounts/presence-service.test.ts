// The presence service: page events become rail state, an app-icon total and, for opted-in accounts, desktop notices.
import { describe, expect, it } from 'vitest';
import { PresenceService, type PresenceMap } from '../../../../electron/main/services/accounts/presence-service.ts';
import type { Account } from '../../../../shared/accounts/account.ts';
import type { Locale } from '../../../../shared/accounts/settings.ts';
import type { UnreadNotice } from '../../../../shared/accounts/unread-notice.ts';
import { storedAccount } from './fixtures.ts';

function setup(accounts: Account[], locale: Locale = 'en') {
  const emitted: PresenceMap[] = [];
  const badges: Array<{ count: number; more: boolean }> = [];
  const notices: UnreadNotice[] = [];
  let current = accounts;
  const service = new PresenceService({
    accounts: () => current,
    locale: () => locale,
    emit: (map) => emitted.push(map),
    setBadge: (total) => badges.push(total),
    notify: (notice) => notices.push(notice),
  });
  return { service, emitted, badges, notices, setAccounts: (next: Account[]) => (current = next) };
}

describe('PresenceService', () => {
  const brand = storedAccount(1, { name: 'Acme Coffee', handle: 'acme', color: '#facc15', unreadAlerts: true });
  const personal = storedAccount(2, { name: 'Ada', handle: 'ada', platform: 'bluesky', startUrl: 'https://bsky.app/' });

  it('sends the rail each change once, and the app icon the total of signed-in accounts', () => {
    const { service, emitted, badges } = setup([brand, personal]);
    service.title(brand.id, '(3) Home / X');
    service.title(brand.id, '(3) Home / X'); // same title again: nothing new to say
    service.title(personal.id, '(30+) Notifications — Bluesky');
    expect(emitted).toHaveLength(2);
    expect(emitted.at(-1)).toEqual({
      [brand.id]: { unread: 3, more: false, signedOut: null },
      [personal.id]: { unread: 30, more: true, signedOut: null },
    });
    expect(badges).toEqual([
      { count: 3, more: false },
      { count: 33, more: true },
    ]);
    service.navigated(brand.id, 'https://x.com/i/flow/login');
    expect(service.snapshot()[brand.id]).toEqual({ unread: null, more: false, signedOut: 'sign-in-page' });
    expect(badges.at(-1)).toEqual({ count: 30, more: true });
  });

  it('ignores events of an account that no longer exists, and forgets removed accounts', () => {
    const { service, setAccounts, emitted, badges } = setup([brand, personal]);
    service.title('99999999-0000-4000-8000-000000000000', '(3) Home / X');
    expect(emitted).toHaveLength(0);
    service.title(brand.id, '(4) Home / X');
    setAccounts([personal]);
    service.accountsChanged();
    expect(service.snapshot()).toEqual({});
    expect(badges.at(-1)).toEqual({ count: 0, more: false });
  });

  it('notifies an opted-in account when its count rises from a known count, naming it in its colour', () => {
    const { service, notices } = setup([brand, personal], 'fr');
    service.title(brand.id, '(2) Home / X'); // first count after a load: not news
    service.title(brand.id, '(1) Home / X'); // fewer: not news
    service.title(brand.id, '(5) Home / X');
    expect(notices).toEqual([{ accountId: brand.id, title: 'Acme Coffee (@acme)', body: '5 non lus sur X', color: '#facc15' }]);
    // An account that did not opt in never notifies.
    service.title(personal.id, '(1) Home — Bluesky');
    service.title(personal.id, '(9) Home — Bluesky');
    expect(notices).toHaveLength(1);
  });

  it('notifies an opted-in account when it is signed out, once', () => {
    const { service, notices } = setup([brand]);
    service.title(brand.id, '(2) Home / X');
    service.cookie(brand.id, { name: 'twid', domain: '.x.com', removed: true, cause: 'explicit' });
    service.navigated(brand.id, 'https://x.com/i/flow/login');
    expect(notices.map((notice) => notice.body)).toEqual(['Signed out of X: this account is no longer being watched.']);
  });
});
