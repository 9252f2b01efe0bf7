// Entry of the app renderer: i18n first, then the React tree inside the error boundary and the IPC error reporter.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { App } from './app.tsx';
import { ErrorBoundary } from './components/error-boundary.tsx';
import { createI18n } from './i18n/index.ts';
import { IpcErrorsProvider } from './ipc-errors.tsx';
import './styles.css';

const i18n = createI18n(navigator.language);
createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <ErrorBoundary>
        <IpcErrorsProvider>
          <App i18n={i18n} />
        </IpcErrorsProvider>
      </ErrorBoundary>
    </I18nextProvider>
  </StrictMode>,
);
