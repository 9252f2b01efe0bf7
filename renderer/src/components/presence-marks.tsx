// The rail's unread badge and "Signed out" mark of one account: text, never colour alone.
import { useTranslation } from 'react-i18next';
import type { AccountPresence } from '../../../shared/accounts/presence.ts';

/** A count pill on the account's monogram; its accessible name is "3 unread". Nothing while signed out or at 0. */
export function UnreadBadge({ presence }: { presence: AccountPresence | undefined }) {
  const { t } = useTranslation();
  if (!presence || presence.signedOut || !presence.unread) return null;
  const label = presence.more ? t('presence.unreadMore', { count: presence.unread }) : t('presence.unread', { count: presence.unread });
  return (
    <span className="rail-unread" role="img" aria-label={label} title={label} data-testid="rail-unread">
      {presence.unread > 99 ? '99+' : `${presence.unread}${presence.more ? '+' : ''}`}
    </span>
  );
}

/** A "Signed out" line under the account's handle. */
export function SignedOutMark({ presence }: { presence: AccountPresence | undefined }) {
  const { t } = useTranslation();
  if (!presence?.signedOut) return null;
  return (
    <span className="rail-signed-out" data-testid="rail-signed-out">
      {t('presence.signedOut')}
    </span>
  );
}
