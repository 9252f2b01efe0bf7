// Holds the app state main reports, and keeps it fresh through the 'state:changed' event.
import { useEffect, useState } from 'react';
import type { AppState } from '../../shared/ipc/contract.ts';
import { api } from './api.ts';
import { useReportError } from './ipc-errors.tsx';

export function useAppState(): AppState | null {
  const [state, setState] = useState<AppState | null>(null);
  const report = useReportError();
  useEffect(() => {
    const unsubscribe = api().on('state:changed', setState);
    // A failed first read leaves the app loading, with the reason shown above it.
    api().invoke('app:state').then(setState).catch(report);
    return unsubscribe;
  }, [report]);
  return state;
}
