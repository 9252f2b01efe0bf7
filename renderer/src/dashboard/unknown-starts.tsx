// "Start unknown": replies whose parent item's time no ID could tell, each with a field to enter it by hand.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PLATFORM_NAMES } from '../../../shared/accounts/platforms.ts';
import type { ReplyRow } from '../../../shared/log/model.ts';
import { api, errorMessage } from '../api.ts';
import { useReportError, userMessage } from '../ipc-errors.tsx';
import { formatDateTime, isoToLocalInput, localInputToIso } from './format.ts';

/** How many unknown entries are listed; the rest wait until these are filled in. */
export const UNKNOWN_LIMIT = 50;

interface Props {
  rows: ReplyRow[];
  /** Called after a start was saved (main also sends log:changed). */
  onSaved: () => void;
}

export function UnknownStarts({ rows, onSaved }: Props) {
  const { t } = useTranslation();
  return (
    <section className="dash-card dash-unknown" aria-labelledby="dash-unknown-heading" data-testid="unknown-starts">
      <h2 id="dash-unknown-heading" className="dash-heading">
        {t('dashboard.unknown.heading')} <span className="dash-count">({rows.length})</span>
      </h2>
      {rows.length === 0 ? (
        <p className="dash-muted">{t('dashboard.unknown.empty')}</p>
      ) : (
        <>
          <p className="dash-muted">{t('dashboard.unknown.intro')}</p>
          <ul className="unknown-list">
            {rows.map((row) => (
              <UnknownItem key={row.id} row={row} onSaved={onSaved} />
            ))}
          </ul>
          {rows.length >= UNKNOWN_LIMIT && <p className="dash-muted">{t('dashboard.unknown.more', { count: UNKNOWN_LIMIT })}</p>}
        </>
      )}
    </section>
  );
}

function UnknownItem({ row, onSaved }: { row: ReplyRow; onSaved: () => void }) {
  const { t, i18n } = useTranslation();
  // Start the field at the reply's own time: the item came before it, usually the same day.
  const [value, setValue] = useState(() => isoToLocalInput(row.sentAt));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const report = useReportError();
  const inputId = `unknown-start-${row.id}`;

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const iso = localInputToIso(value);
    if (!iso) {
      setError(t('dashboard.unknown.invalid'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await api().invoke('log:set-start', row.id, iso);
      onSaved();
    } catch (reason) {
      // The log service refuses a start after the reply or in the future with an i18n key.
      setError(userMessage(t, errorMessage(reason), 'dashboard.error'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <li className="unknown-item" data-testid="unknown-item" data-entry-id={row.id}>
      <form
        className="unknown-form"
        // The app checks the time itself and says why in the app's language; the browser's own check would speak
        // the system's language, and block before that.
        noValidate
        onSubmit={(event) => {
          // save shows main's refusal next to the field; only what escapes it is reported.
          save(event).catch(report);
        }}
      >
        <p className="unknown-what">
          {t('dashboard.unknown.entry', {
            account: `@${row.account.handle}`,
            platform: PLATFORM_NAMES[row.platform] ?? row.platform,
            sent: formatDateTime(row.sentAt, i18n.language),
            id: row.replyToId,
          })}
          {row.excerpt && <span className="unknown-excerpt">“{row.excerpt}”</span>}
        </p>
        <label htmlFor={inputId}>{t('dashboard.unknown.receivedAt')}</label>
        <input
          id={inputId}
          type="datetime-local"
          step={1}
          value={value}
          max={isoToLocalInput(row.sentAt)}
          onChange={(event) => setValue(event.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${inputId}-error` : undefined}
          data-testid="unknown-input"
        />
        <button type="submit" disabled={busy} data-testid="unknown-save">
          {t('dashboard.unknown.save')}
        </button>
        {error && (
          <span id={`${inputId}-error`} className="field-error" role="alert">
            {error}
          </span>
        )}
      </form>
    </li>
  );
}
