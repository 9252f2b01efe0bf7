// Settings section: memory each account's page uses now, with a "Reload to free memory" action per account.
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Account } from '../../../shared/accounts/account.ts';
import type { AccountMemory } from '../../../shared/accounts/memory.ts';
import { api } from '../api.ts';
import { useReportError } from '../ipc-errors.tsx';

export function AccountMemoryList({ accounts }: { accounts: Account[] }) {
  const { t } = useTranslation();
  const [memory, setMemory] = useState<AccountMemory[] | null>(null);
  const report = useReportError();
  const measure = useCallback(() => {
    api().invoke('accounts:memory').then(setMemory).catch(report);
  }, [report]);
  useEffect(measure, [measure]);
  const names = new Map(accounts.map((account) => [account.id, account.name]));

  return (
    <section className="memory" aria-labelledby="memory-heading" data-testid="account-memory">
      <h3 id="memory-heading">{t('presence.memoryHeading')}</h3>
      <p className="hint">{t('presence.memoryHint')}</p>
      <ul className="memory-list">
        {accounts.map((account) => {
          const entry = memory?.find((candidate) => candidate.accountId === account.id);
          const running = entry?.kilobytes != null;
          return (
            <li key={account.id} data-account-id={account.id}>
              <span className="memory-name">{account.name}</span>{' '}
              <span className="memory-size" data-testid="memory-size">
                {running ? t('presence.memoryMb', { mb: Math.round((entry?.kilobytes ?? 0) / 1024) }) : t('presence.memoryNotRunning')}
              </span>
              {entry && entry.sharedWith.length > 0 && (
                <span className="memory-shared"> · {t('presence.memoryShared', { names: entry.sharedWith.map((id) => names.get(id) ?? id).join(', ') })}</span>
              )}{' '}
              <button
                type="button"
                aria-label={t('presence.reloadNamed', { name: account.name })}
                onClick={() => {
                  api().invoke('accounts:reload', account.id).then(measure).catch(report);
                }}
              >
                {t('presence.reload')}
              </button>
            </li>
          );
        })}
      </ul>
      <button type="button" onClick={measure}>
        {t('presence.measure')}
      </button>
    </section>
  );
}
