// Holds the app state main reports, and keeps it fresh through the 'state:changed' event.
import { useEffect, useState } from 'react';
import type { AppState } from '../../shared/ipc/contract.ts';
import { api } from './api.ts';

export function useAppState(): AppState | null {
  const [state, setState] = useState<AppState | null>(null);
  useEffect(() => {
    const unsubscribe = api().on('state:changed', setState);
    void api().invoke('app:state').then(setState);
    return unsubscribe;
  }, []);
  return state;
}
