// The PERSONAL / BRAND label: a word and an icon, so the kind never rests on colour alone.
import { useTranslation } from 'react-i18next';
import type { AccountKind } from '../../../shared/accounts/account.ts';

export function KindIcon({ kind }: { kind: AccountKind }) {
  return kind === 'brand' ? (
    <svg className="kind-icon" viewBox="0 0 16 16" aria-hidden="true">
      <path d="M8 1 2 3.5v4C2 11 4.6 14 8 15c3.4-1 6-4 6-7.5v-4L8 1Z" fill="currentColor" />
      <path d="M5.5 8.2 7.2 10 10.8 6" stroke="var(--badge-bg, #fff)" strokeWidth="1.6" fill="none" />
    </svg>
  ) : (
    <svg className="kind-icon" viewBox="0 0 16 16" aria-hidden="true">
      <circle cx="8" cy="5" r="3" fill="currentColor" />
      <path d="M2.5 15c0-3.2 2.5-5.5 5.5-5.5s5.5 2.3 5.5 5.5" fill="currentColor" />
    </svg>
  );
}

export function KindBadge({ kind }: { kind: AccountKind }) {
  const { t } = useTranslation();
  return (
    <span className={`kind-badge kind-${kind}`} data-testid="kind-badge">
      <KindIcon kind={kind} />
      {t(`kind.${kind}`)}
    </span>
  );
}
