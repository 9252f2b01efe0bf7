// The rail's unread badge and "Signed out" mark of one account: text, never colour alone.
import { useTranslation } from 'react-i18next';
import type { AccountPresence } from '../../../shared/accounts/presence.ts';

export function PresenceMarks({ presence }: { presence: AccountPresence | undefined }) {
  const { t } = useTranslation();
  if (!presence) return null;
  if (presence.signedOut) {
    return (
      <span className="rail-signed-out" data-testid="rail-signed-out">
        {t('presence.signedOut')}
      </span>
    );
  }
  if (!presence.unread) return null;
  const label = presence.more ? t('presence.unreadMore', { count: presence.unread }) : t('presence.unread', { count: presence.unread });
  return (
    <span className="rail-unread" role="img" aria-label={label} title={label} data-testid="rail-unread">
      {presence.unread > 99 ? '99+' : `${presence.unread}${presence.more ? '+' : ''}`}
    </span>
  );
}
