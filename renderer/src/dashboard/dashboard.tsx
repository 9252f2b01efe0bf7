// The response-time dashboard: filters, figures, charts, the entries table, unknown starts, export and import.
// It takes the whole main area while open, so the account's view is hidden (view:covered) for as long as it shows.
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Account } from '../../../shared/accounts/account.ts';
import type { Settings } from '../../../shared/accounts/settings.ts';
import type { AccountRef } from '../../../shared/log/entry-schema.ts';
import { PLATFORM_IDS } from '../../../shared/platforms/platform-id.ts';
import { useInvoke, userMessage } from '../ipc-errors.tsx';
import { Charts } from './charts.tsx';
import { EntryTable } from './entry-table.tsx';
import { Figures } from './figures.tsx';
import { EMPTY_FILTER, isEmptyFilter, toLogFilter, type FilterState } from './filter-state.ts';
import { Filters } from './filters.tsx';
import { Transfer } from './transfer.tsx';
import { UnknownStarts } from './unknown-starts.tsx';
import { useDashboardData } from './use-dashboard-data.ts';

interface Props {
  accounts: Account[];
  settings: Settings;
  onClose: () => void;
}

export function Dashboard({ accounts, settings, onClose }: Props) {
  const { t } = useTranslation();
  const [filterState, setFilterState] = useState<FilterState>(EMPTY_FILTER);
  const filter = useMemo(() => toLogFilter(filterState), [filterState]);
  const data = useDashboardData(filter);
  const invoke = useInvoke();

  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const own = document.querySelector('[data-testid="dashboard"]');
    invoke('view:covered', 'dashboard', true);
    return () => {
      invoke('view:covered', 'dashboard', false);
      // Closed from inside (Escape, Back): the focus goes back to what opened it, not to the top of the page.
      const focus = document.activeElement;
      if (opener?.isConnected && (focus === null || focus === document.body || own?.contains(focus))) opener.focus();
    };
  }, [invoke]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented || document.querySelector('.modal-backdrop') !== null) return;
      // Escape closes the innermost thing first: an open filter menu, then the dashboard.
      const menu = event.target instanceof Element ? event.target.closest('details[open]') : null;
      if (menu instanceof HTMLDetailsElement) {
        menu.open = false;
        menu.querySelector('summary')?.focus();
        return;
      }
      onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);

  const instances = useMemo(() => new Map(accounts.flatMap((account) => (account.instance ? [[account.id, account.instance] as const] : []))), [accounts]);

  // The app's accounts first (in rail order), then any the log still names after they were removed.
  const accountOptions = useMemo(() => {
    const options: AccountRef[] = accounts.map(({ id, handle, name, kind }) => ({ id, handle, name, kind }));
    const known = new Set(options.map((account) => account.id));
    for (const account of data.logAccounts) if (!known.has(account.id)) options.push(account);
    return options;
  }, [accounts, data.logAccounts]);

  return (
    <section className="dashboard" aria-labelledby="dashboard-title" data-testid="dashboard">
      <header className="dash-header">
        <h1 id="dashboard-title">{t('dashboard.title')}</h1>
        <button type="button" onClick={onClose} data-testid="dashboard-close">
          {t('dashboard.close')}
        </button>
      </header>
      <Filters value={filterState} onChange={setFilterState} accounts={accountOptions} platforms={[...PLATFORM_IDS]} />
      {data.error && (
        <p className="dash-error" role="alert">
          {userMessage(t, data.error, 'dashboard.error')}
        </p>
      )}
      {data.summary === null ? (
        <p className="dash-muted" aria-busy="true">
          {t('dashboard.loading')}
        </p>
      ) : (
        <div className="dash-top">
          <Figures summary={data.summary} settings={settings} />
          <Charts summary={data.summary} />
        </div>
      )}
      <section className="dash-card dash-entries" aria-labelledby="dash-entries-heading">
        <h2 id="dash-entries-heading" className="dash-heading">
          {t('dashboard.table.heading')}
        </h2>
        <EntryTable source={data.source} filtered={!isEmptyFilter(filterState)} instances={instances} />
      </section>
      <div className="dash-bottom">
        <UnknownStarts rows={data.unknown} onSaved={data.refresh} />
        <Transfer filter={filter} />
      </div>
    </section>
  );
}
