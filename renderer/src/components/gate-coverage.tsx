// What the gate covers, shown in the app: the per-platform table in the account form, and the frame's notice of a blocked channel.
import { useTranslation } from 'react-i18next';
import type { Account } from '../../../shared/accounts/account.ts';
import { PLATFORM_NAMES } from '../../../shared/accounts/platforms.ts';
import { blockedChannels, GATE_COVERAGE } from '../../../shared/gate/coverage.ts';
import { POST_ACTIONS } from '../../../shared/gate/types.ts';

/** Per action on the account's platform: held, blocked, not covered (from shared/gate/coverage.ts). */
export function GateCoverageTable({ platform }: { platform: Account['platform'] }) {
  const { t } = useTranslation();
  if (platform === 'custom') return null;
  const table = GATE_COVERAGE[platform];
  return (
    <table className="gate-coverage" data-testid="gate-coverage">
      <caption>{t('coverage.title', { platform: PLATFORM_NAMES[platform] })}</caption>
      <thead>
        <tr>
          <th scope="col">{t('coverage.action')}</th>
          <th scope="col">{t('coverage.status')}</th>
        </tr>
      </thead>
      <tbody>
        {POST_ACTIONS.map((action) => (
          <tr key={action} data-status={table[action].status}>
            <th scope="row">{t(`actions.${action}`)}</th>
            <td>{t(`coverage.statuses.${table[action].status}`)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Says, in the account's frame, that a channel the gate cannot read is refused on this account. */
export function BlockedChannelNotice({ account }: { account: Pick<Account, 'platform' | 'kind' | 'gate'> }) {
  const { t } = useTranslation();
  if (!blockedChannels(account).some((channel) => channel.action === 'message')) return null;
  return (
    <p className="frame-notice" role="status" data-testid="messages-off">
      {t('coverage.messagesOff')}
    </p>
  );
}
