// Holds the app state main reports, and keeps it fresh through the 'state:changed' event.
import type { AppState } from '../../shared/ipc/contract.ts';
import { api } from './api.ts';
import { useMainValue } from './use-main-value.ts';

const readState = () => api().invoke('app:state');

/** Null until the first read answers; a failed first read leaves the app loading, with the reason shown above it. */
export function useAppState(): AppState | null {
  return useMainValue('state:changed', readState, null);
}
