// The last decisions of the gate: what was held, for which account, what the manager decided, what the site said.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GateRow } from '../../../shared/log/model.ts';
import { api } from '../api.ts';
import { useReportError } from '../ipc-errors.tsx';
import { formatDateTime } from '../dashboard/format.ts';
import { Modal } from './modal.tsx';

export function RecentDecisions({ onClose }: { onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const [rows, setRows] = useState<GateRow[] | null>(null);
  const report = useReportError();
  useEffect(() => {
    const load = () => {
      api().invoke('gate:recent', 20).then(setRows).catch(report);
    };
    load();
    return api().on('log:changed', load);
  }, [report]);
  return (
    <Modal title={t('recent.title')} onClose={onClose} testId="recent-decisions">
      {rows && rows.length === 0 && <p>{t('recent.empty')}</p>}
      <ol className="recent-list">
        {rows?.map((row) => (
          <li key={`${row.requestId}-${row.at}`} className={`recent-${row.decision}`}>
            <time dateTime={row.at}>{formatDateTime(row.at, i18n.language)}</time> · <strong>@{row.account.handle}</strong> · {t(`actions.${row.action}`)} ·{' '}
            <span className="recent-decision">{t(`recent.decisions.${row.decision}`)}</span>
            {row.result?.status != null && <> · {t('recent.status', { status: row.result.status })}</>}
            {row.text && <q className="recent-text">{row.text.length > 120 ? `${row.text.slice(0, 119)}…` : row.text}</q>}
          </li>
        ))}
      </ol>
      <div className="form-actions">
        <button type="button" className="primary" onClick={onClose}>
          {t('recent.close')}
        </button>
      </div>
    </Modal>
  );
}
