// The renderer's only way out: the frozen `window.hatrack` API installed by the preload (or the test harness).
import type { HatrackApi } from '../../shared/ipc/bridge.ts';

declare global {
  interface Window {
    hatrack: HatrackApi;
  }
}

/** The message of a failed IPC call as the user should read it, without Electron's "Error invoking remote method" prefix. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message.replace(/^Error invoking remote method '[^']+': (\w+: )?/, '') : String(error);
}

/** The bridge; throws early and clearly when the page runs without one. */
export function api(): HatrackApi {
  if (!window.hatrack) throw new Error('window.hatrack is missing: the app renderer must run inside Hatrack');
  return window.hatrack;
}
