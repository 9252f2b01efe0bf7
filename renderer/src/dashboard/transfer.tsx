// Export (CSV, XLSX, JSON, HTML report, PDF) of what the filter selects, and import of past replies, with what happened said in words.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExportFormatChoice, ImportAnswer } from '../../../shared/ipc/contract.ts';
import type { LogFilter } from '../../../shared/log/model.ts';
import { api, errorMessage } from '../api.ts';
import { useReportError, userMessage } from '../ipc-errors.tsx';

type Status =
  | { kind: 'idle' }
  | { kind: 'working' }
  | { kind: 'saved'; path: string; count: number }
  | { kind: 'cancelled' }
  | { kind: 'imported'; added: number; duplicates: number }
  | { kind: 'import-cancelled' }
  | { kind: 'import-errors'; errors: string[] }
  | { kind: 'error'; message: string };

const FORMATS: ExportFormatChoice[] = ['csv', 'xlsx', 'json', 'html', 'pdf'];
/** Import errors shown at most; the rest are counted, as a long list helps nobody fix a file. */
const MAX_ERRORS = 20;

export function Transfer({ filter }: { filter: LogFilter }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const report = useReportError();
  const busy = status.kind === 'working';

  const run = async (action: () => Promise<Status>) => {
    setStatus({ kind: 'working' });
    try {
      setStatus(await action());
    } catch (reason) {
      setStatus({ kind: 'error', message: errorMessage(reason) });
    }
  };
  const exportAs = (format: ExportFormatChoice) =>
    run(async () => {
      const result = await api().invoke('log:export', format, filter);
      return result.path === null ? { kind: 'cancelled' } : { kind: 'saved', path: result.path, count: result.count };
    });
  const importFile = () =>
    run(async () => {
      const answer: ImportAnswer = await api().invoke('log:import');
      if (answer === null) return { kind: 'import-cancelled' };
      return answer.ok ? { kind: 'imported', added: answer.added, duplicates: answer.duplicates } : { kind: 'import-errors', errors: answer.errors };
    });

  return (
    <section className="dash-card dash-transfer" aria-labelledby="dash-transfer-heading">
      <h2 id="dash-transfer-heading" className="dash-heading">
        {t('dashboard.transfer.heading')}
      </h2>
      <div className="transfer-buttons">
        {FORMATS.map((format) => (
          <button
            key={format}
            type="button"
            disabled={busy}
            onClick={() => {
              // run shows a failed export in the status line; only what escapes it is reported.
              exportAs(format).catch(report);
            }}
            data-testid={`export-${format}`}
          >
            {t(`dashboard.transfer.${format}`)}
          </button>
        ))}
        <button
          type="button"
          disabled={busy}
          onClick={() => {
            importFile().catch(report);
          }}
          data-testid="import"
        >
          {t('dashboard.transfer.import')}
        </button>
      </div>
      <div className="transfer-status" role="status" aria-live="polite" data-testid="transfer-status">
        <StatusText status={status} />
      </div>
    </section>
  );
}

function StatusText({ status }: { status: Status }) {
  const { t } = useTranslation();
  switch (status.kind) {
    case 'idle':
      return null;
    case 'working':
      return <p>{t('dashboard.transfer.working')}</p>;
    case 'saved':
      return <p>{t('dashboard.transfer.saved', { count: status.count, path: status.path })}</p>;
    case 'cancelled':
      return <p>{t('dashboard.transfer.cancelled')}</p>;
    case 'imported':
      return <p>{t('dashboard.transfer.imported', { count: status.added, duplicates: status.duplicates })}</p>;
    case 'import-cancelled':
      return <p>{t('dashboard.transfer.importCancelled')}</p>;
    case 'import-errors':
      return (
        <div className="transfer-errors">
          <p className="field-error">{t('dashboard.transfer.importErrors')}</p>
          <ul>
            {status.errors.slice(0, MAX_ERRORS).map((error, i) => (
              <li key={i}>{error}</li>
            ))}
            {status.errors.length > MAX_ERRORS && <li>…</li>}
          </ul>
        </div>
      );
    case 'error':
      return <p className="field-error">{userMessage(t, status.message, 'dashboard.error')}</p>;
  }
}
