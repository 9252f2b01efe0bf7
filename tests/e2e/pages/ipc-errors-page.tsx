// Test page: the app's error boundary and IPC error reporter around probes whose IPC calls fail on purpose.
import { useState } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { createHatrackApi } from '../../../shared/ipc/bridge.ts';
import { ErrorBoundary } from '../../../renderer/src/components/error-boundary.tsx';
import { createI18n } from '../../../renderer/src/i18n/index.ts';
import { IpcErrorsProvider, useInvoke, useInvokeResult } from '../../../renderer/src/ipc-errors.tsx';

// Main answers as Electron relays a thrown error: a UserError (an i18n key) for one channel, a plain failure otherwise.
(window as unknown as { hatrack: unknown }).hatrack = createHatrackApi({
  invoke: async (channel) => {
    if (channel === 'accounts:activate') throw new Error(`Error invoking remote method '${channel}': UserError: errors.unknownAccount`);
    throw new Error(`Error invoking remote method '${channel}': Error: disk full`);
  },
  subscribe: () => () => undefined,
});

function Probes() {
  const invoke = useInvoke();
  const invokeResult = useInvokeResult();
  const [answer, setAnswer] = useState('none yet');
  const [broken, setBroken] = useState(false);
  if (broken) throw new Error('render exploded');
  return (
    <div>
      <button type="button" onClick={() => invoke('accounts:activate', '11111111-1111-4111-8111-111111111111')}>
        activate
      </button>
      <button type="button" onClick={() => void invokeResult('log:unknown', 10).then((rows) => setAnswer(rows === undefined ? 'undefined' : 'rows'))}>
        load
      </button>
      <button type="button" onClick={() => setBroken(true)}>
        break
      </button>
      <output>{answer}</output>
    </div>
  );
}

const i18n = createI18n('en');
const root = document.createElement('div');
document.body.append(root);
createRoot(root).render(
  <I18nextProvider i18n={i18n}>
    <ErrorBoundary>
      <IpcErrorsProvider>
        <Probes />
      </IpcErrorsProvider>
    </ErrorBoundary>
  </I18nextProvider>,
);
