// "What would the gate hold?": drop a HAR exported from the browser's DevTools and see each request's verdict.
import { useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { HarRow } from '../../../shared/gate/har.ts';
import { api, errorMessage } from '../api.ts';
import { useReportError, userMessage } from '../ipc-errors.tsx';

export function HarCheck() {
  const { t } = useTranslation();
  const [rows, setRows] = useState<HarRow[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const report = useReportError();

  const check = async (file: File | undefined) => {
    if (!file) return;
    setError(null);
    try {
      setRows(await api().invoke('gate:check-har', await file.text()));
    } catch (caught) {
      setRows(null);
      setError(errorMessage(caught));
    }
  };
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    // check shows a bad file or main's refusal itself; only what escapes it is reported.
    check(event.dataTransfer.files[0]).catch(report);
  };
  const held = rows?.filter((row) => row.gated) ?? [];

  return (
    <fieldset className="har-check" data-testid="har-check">
      <legend>{t('har.title')}</legend>
      <label className="drop-zone" onDragOver={(event) => event.preventDefault()} onDrop={onDrop}>
        {t('har.drop')}
        <input
          type="file"
          name="har"
          accept=".har,application/json"
          onChange={(event) => {
            check(event.target.files?.[0]).catch(report);
          }}
        />
      </label>
      {error && (
        <p className="field-error" role="alert">
          {/* Main refuses a file over the contract's size with a UserError key; a file that is not a HAR, in words. */}
          {userMessage(t, error, 'har.error')}
        </p>
      )}
      {rows && (
        <>
          <p data-testid="har-summary">{t('har.summary', { count: held.length, total: rows.length, held: held.length })}</p>
          <table className="har-table">
            <thead>
              <tr>
                <th>#</th>
                <th>{t('har.request')}</th>
                <th>{t('har.verdict')}</th>
                <th>{t('har.text')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.index} className={row.gated ? 'har-held' : undefined}>
                  <td>{row.index}</td>
                  <td className="har-url" title={row.url}>
                    {row.method} {row.url}
                  </td>
                  <td>
                    {row.gated
                      ? t('har.held', { platform: row.platform, action: row.action ? t(`actions.${row.action}`) : '' })
                      : row.note === 'never-held-method'
                        ? t('gateRules.neverHeldMethod', { method: row.method })
                        : t('har.passes')}
                  </td>
                  <td>{row.gated ? (row.text ?? t('har.unreadable')) : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </fieldset>
  );
}
