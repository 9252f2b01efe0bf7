// The filter bar: date range, accounts and platforms (multi-select disclosures), and PERSONAL / BRAND.
import { useTranslation } from 'react-i18next';
import { ACCOUNT_KINDS, type AccountKind } from '../../../shared/accounts/account.ts';
import { PLATFORM_NAMES } from '../../../shared/accounts/platforms.ts';
import type { AccountRef } from '../../../shared/log/entry-schema.ts';
import type { PlatformId } from '../../../shared/platforms/platform-id.ts';
import { DayField } from '../components/date-time-fields.tsx';
import { EMPTY_FILTER, isEmptyFilter, type FilterState } from './filter-state.ts';

interface Props {
  value: FilterState;
  onChange: (next: FilterState) => void;
  /** Accounts that can be chosen: the app's and any the log still names. */
  accounts: AccountRef[];
  platforms: PlatformId[];
}

const toggle = <T,>(list: readonly T[], item: T, on: boolean): T[] => (on ? [...list, item] : list.filter((candidate) => candidate !== item));

export function Filters({ value, onChange, accounts, platforms }: Props) {
  const { t } = useTranslation();
  const set = (patch: Partial<FilterState>) => onChange({ ...value, ...patch });
  const chosen = (count: number) => (count === 0 ? t('dashboard.filters.kindAll') : String(count));

  return (
    <form className="dash-filters" aria-label={t('dashboard.filters.legend')} onSubmit={(event) => event.preventDefault()} data-testid="dash-filters">
      <label className="dash-field">
        <span>{t('dashboard.filters.from')}</span>
        <DayField name="from" value={value.fromDay} onChange={(fromDay) => set({ fromDay })} />
      </label>
      <label className="dash-field">
        <span>{t('dashboard.filters.to')}</span>
        <DayField name="to" value={value.toDay} onChange={(toDay) => set({ toDay })} />
      </label>

      <details className="dash-multi">
        <summary>
          {t('dashboard.filters.summary', { label: t('dashboard.filters.accounts') })} <strong>{chosen(value.accounts.length)}</strong>
        </summary>
        <fieldset>
          <legend>{t('dashboard.filters.accounts')}</legend>
          <p className="hint">{t('dashboard.filters.accountsHint')}</p>
          {accounts.map((account) => (
            <label key={account.id} className="checkbox">
              <input
                type="checkbox"
                name="account"
                value={account.id}
                checked={value.accounts.includes(account.id)}
                onChange={(event) => set({ accounts: toggle(value.accounts, account.id, event.target.checked) })}
              />
              {account.name} (@{account.handle}) · {t(`kind.${account.kind}`)}
            </label>
          ))}
        </fieldset>
      </details>

      <details className="dash-multi">
        <summary>
          {t('dashboard.filters.summary', { label: t('dashboard.filters.platforms') })} <strong>{chosen(value.platforms.length)}</strong>
        </summary>
        <fieldset>
          <legend>{t('dashboard.filters.platforms')}</legend>
          {platforms.map((platform) => (
            <label key={platform} className="checkbox">
              <input
                type="checkbox"
                name="platform"
                value={platform}
                checked={value.platforms.includes(platform)}
                onChange={(event) => set({ platforms: toggle(value.platforms, platform, event.target.checked) })}
              />
              {PLATFORM_NAMES[platform]}
            </label>
          ))}
        </fieldset>
      </details>

      <fieldset className="dash-kind">
        <legend>{t('dashboard.filters.kind')}</legend>
        {(['all', ...ACCOUNT_KINDS] as const).map((kind) => (
          <label key={kind} className={`dash-kind-option${value.kind === kind ? ' selected' : ''}`}>
            <input type="radio" name="kind" value={kind} checked={value.kind === kind} onChange={() => set({ kind: kind as AccountKind | 'all' })} />
            {kind === 'all' ? t('dashboard.filters.kindAll') : t(`kind.${kind}`)}
          </label>
        ))}
      </fieldset>

      <button type="button" className="dash-clear" disabled={isEmptyFilter(value)} onClick={() => onChange(EMPTY_FILTER)}>
        {t('dashboard.filters.clear')}
      </button>
    </form>
  );
}
