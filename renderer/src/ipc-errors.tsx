// Every failed IPC call reaches the user: a provider collects the errors, a banner shows them, hooks report them.
import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { InvokeChannel, InvokeInput, InvokeResults } from '../../shared/ipc/contract.ts';
import { api, errorMessage } from './api.ts';

/** One failure shown to the user: what the app was doing, and the message from main. */
export interface ShownError {
  id: number;
  message: string;
}

type Report = (error: unknown) => void;

const ReportContext = createContext<Report | null>(null);

/** Holds the failures until the user dismisses them, and draws them above everything else. */
export function IpcErrorsProvider({ children }: { children: ReactNode }) {
  const [errors, setErrors] = useState<ShownError[]>([]);
  const nextId = useRef(1);
  const report = useCallback<Report>((error) => {
    // Logged too: the console keeps the stack that the banner leaves out.
    console.error('[hatrack] IPC call failed:', error);
    const id = nextId.current++;
    // The five latest only: a failure repeating in a loop must not bury the app.
    setErrors((shown) => [...shown.slice(-4), { id, message: errorMessage(error) }]);
  }, []);
  const dismiss = useCallback((id: number) => setErrors((shown) => shown.filter((e) => e.id !== id)), []);
  return (
    <ReportContext.Provider value={report}>
      <IpcErrorBanner errors={errors} onDismiss={dismiss} />
      {children}
    </ReportContext.Provider>
  );
}

/** A message from main as the user reads it: a UserError's i18n key translated, anything else inside `fallbackKey`'s sentence. */
export function userMessage(t: TFunction, message: string, fallbackKey: string): string {
  return message.startsWith('errors.') ? t(message) : t(fallbackKey, { message });
}

/**
 * The visible list of failures (role="alert", so a screen reader announces each one). Drawn above every dialog and
 * left out of the dialogs' inert background (data-above-modals): a call failing inside a dialog is read there.
 */
export function IpcErrorBanner({ errors, onDismiss }: { errors: ShownError[]; onDismiss: (id: number) => void }) {
  const { t } = useTranslation();
  if (errors.length === 0) return null;
  return (
    <div className="warnings ipc-errors" role="alert" data-testid="ipc-errors" data-above-modals="">
      {errors.map((error) => (
        <p key={error.id} className="warning ipc-error">
          <span>{userMessage(t, error.message, 'ipcErrors.failed')}</span>
          <button type="button" onClick={() => onDismiss(error.id)}>
            {t('ipcErrors.dismiss')}
          </button>
        </p>
      ))}
    </div>
  );
}

/**
 * The function to pass to `.catch(…)` of any promise the renderer starts: the failure becomes a visible message.
 * Outside the provider (a component rendered alone in a test) it throws, so a missing provider is found at once.
 */
export function useReportError(): Report {
  const report = useContext(ReportContext);
  if (report === null) throw new Error('useReportError needs <IpcErrorsProvider> above it');
  return report;
}

/**
 * `invoke(channel, ...args)` for calls whose answer the caller does not need (show a view, activate an account):
 * the promise is handled here, and a failure is reported instead of being dropped.
 */
export function useInvoke(): <C extends InvokeChannel>(channel: C, ...args: InvokeInput<C>) => void {
  const report = useReportError();
  return useMemo(
    () =>
      <C extends InvokeChannel>(channel: C, ...args: InvokeInput<C>): void => {
        api()
          .invoke(channel, ...args)
          .catch(report);
      },
    [report],
  );
}

/** Same as `api().invoke`, but a failure is reported and the promise resolves to undefined instead of rejecting. */
export function useInvokeResult(): <C extends InvokeChannel>(channel: C, ...args: InvokeInput<C>) => Promise<InvokeResults[C] | undefined> {
  const report = useReportError();
  return useMemo(
    () =>
      <C extends InvokeChannel>(channel: C, ...args: InvokeInput<C>): Promise<InvokeResults[C] | undefined> =>
        api()
          .invoke(channel, ...args)
          .catch((error: unknown) => {
            report(error);
            return undefined;
          }),
    [report],
  );
}
