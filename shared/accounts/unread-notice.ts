// The desktop notice for an account whose unread count rose or that was signed out, in English and French.
import type { Locale } from './settings.ts';
import { PLATFORM_NAMES } from './platforms.ts';
import type { Account } from './account.ts';

/** What the OS notification shows: it names the account (the icon carries its colour). */
export interface UnreadNotice {
  accountId: string;
  title: string;
  body: string;
  color: string;
}

/** The event the notice is about. */
export type NoticeEvent = { kind: 'unread'; count: number; more: boolean } | { kind: 'signed-out' };

const TEXT: Record<Locale, { unread: (count: string, platform: string) => string; signedOut: (platform: string) => string }> = {
  en: {
    unread: (count, platform) => `${count} unread on ${platform}`,
    signedOut: (platform) => `Signed out of ${platform}: this account is no longer being watched.`,
  },
  fr: {
    unread: (count, platform) => `${count} non lu${count === '1' ? '' : 's'} sur ${platform}`,
    signedOut: (platform) => `Déconnecté de ${platform} : ce compte n’est plus surveillé.`,
  },
};

/** Builds the notice for `account` in `locale`. */
export function unreadNotice(account: Pick<Account, 'id' | 'name' | 'handle' | 'platform' | 'color'>, event: NoticeEvent, locale: Locale): UnreadNotice {
  const platform = PLATFORM_NAMES[account.platform];
  const text = TEXT[locale];
  const body = event.kind === 'unread' ? text.unread(`${event.count}${event.more ? '+' : ''}`, platform) : text.signedOut(platform);
  return { accountId: account.id, title: `${account.name} (@${account.handle})`, body, color: account.color };
}

/** The app icon's accessible description of the total ("3 unread", "3 non lus"). */
export function unreadTotalText(count: number, more: boolean, locale: Locale): string {
  const label = `${count}${more ? '+' : ''}`;
  return locale === 'fr' ? `${label} non lu${count === 1 && !more ? '' : 's'}` : `${label} unread`;
}
