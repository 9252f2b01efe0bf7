// Tells the user, once, about stored data that had to be repaired or set aside at start-up.
import { useTranslation } from 'react-i18next';
import type { StoreWarning } from '../../../shared/ipc/contract.ts';

export function WarningsBar({ warnings, onDismiss }: { warnings: StoreWarning[]; onDismiss: (id: string) => void }) {
  const { t } = useTranslation();
  if (warnings.length === 0) return null;
  return (
    <div className="warnings" role="alert" data-testid="warnings">
      {warnings.map((warning) => (
        <p key={warning.id} className="warning">
          <span>{t(warning.messageKey, warning.values)}</span>
          <button type="button" onClick={() => onDismiss(warning.id)}>
            {t('warnings.dismiss')}
          </button>
        </p>
      ))}
    </div>
  );
}
