// Catches a render error anywhere below it and shows it, instead of leaving the user a blank window.
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../api.ts';

interface State {
  error: unknown;
}

/** Wraps the app: a component that throws while rendering is replaced by a message and a way to try again. */
export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error('[hatrack] render failed:', error, info.componentStack);
  }

  override render(): ReactNode {
    if (this.state.error === null) return this.props.children;
    return <RenderFailed message={errorMessage(this.state.error)} onRetry={() => this.setState({ error: null })} />;
  }
}

function RenderFailed({ message, onRetry }: { message: string; onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="render-failed" role="alert" data-testid="render-failed">
      <h1>{t('ipcErrors.renderFailed')}</h1>
      <p>{message}</p>
      <button type="button" onClick={onRetry}>
        {t('ipcErrors.retry')}
      </button>
    </div>
  );
}
