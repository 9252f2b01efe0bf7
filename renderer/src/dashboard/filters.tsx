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

      <MultiSelect
        label={t('dashboard.filters.accounts')}
        hint={t('dashboard.filters.accountsHint')}
        name="account"
        options={accounts.map((account) => ({ value: account.id, text: `${account.name} (@${account.handle}) · ${t(`kind.${account.kind}`)}` }))}
        chosen={value.accounts}
        onChange={(chosen) => set({ accounts: chosen })}
      />
      <MultiSelect
        label={t('dashboard.filters.platforms')}
        name="platform"
        options={platforms.map((platform) => ({ value: platform, text: PLATFORM_NAMES[platform] }))}
        chosen={value.platforms}
        onChange={(chosen) => set({ platforms: chosen })}
      />

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

/** A disclosure whose summary counts what is chosen (or says all), opening on one checkbox per option. */
function MultiSelect<T extends string>(props: {
  label: string;
  hint?: string;
  name: string;
  options: Array<{ value: T; text: string }>;
  chosen: readonly T[];
  onChange: (chosen: T[]) => void;
}) {
  const { label, hint, name, options, chosen, onChange } = props;
  const { t } = useTranslation();
  return (
    // One name for every filter list: the browser keeps one open at a time (they would overlap).
    <details className="dash-multi" name="dashboard-filter">
      <summary>
        {t('dashboard.filters.summary', { label })} <strong>{chosen.length === 0 ? t('dashboard.filters.kindAll') : String(chosen.length)}</strong>
      </summary>
      <fieldset>
        <legend>{label}</legend>
        {hint !== undefined && <p className="hint">{hint}</p>}
        {options.map((option) => (
          <label key={option.value} className="checkbox">
            <input
              type="checkbox"
              name={name}
              value={option.value}
              checked={chosen.includes(option.value)}
              onChange={(event) => onChange(toggle(chosen, option.value, event.target.checked))}
            />
            {option.text}
          </label>
        ))}
      </fieldset>
    </details>
  );
}
