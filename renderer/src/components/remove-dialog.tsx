// Confirms removing an account by name; "keep it" has the focus, since removal wipes the site's data.
import { useTranslation } from 'react-i18next';
import type { Account } from '../../../shared/accounts/account.ts';
import { Modal } from './modal.tsx';

export function RemoveDialog({ account, onConfirm, onClose }: { account: Account; onConfirm: () => void; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal
      title={t('remove.title', { name: account.name, handle: account.handle })}
      onClose={onClose}
      tone="danger"
      testId="remove-dialog"
      accentColor={account.color}
    >
      <p>{t('remove.body')}</p>
      <div className="form-actions">
        <button type="button" onClick={onClose} data-autofocus>
          {t('remove.cancel')}
        </button>
        <button type="button" className="danger" onClick={onConfirm}>
          {t('remove.confirm', { name: account.name })}
        </button>
      </div>
    </Modal>
  );
}
