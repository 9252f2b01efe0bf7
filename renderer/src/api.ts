// The renderer's only way out: the frozen `window.hatrack` API installed by the preload (or the test harness).
import type { HatrackApi } from '../../shared/ipc/bridge.ts';

declare global {
  interface Window {
    hatrack: HatrackApi;
  }
}

/** The bridge; throws early and clearly when the page runs without one. */
export function api(): HatrackApi {
  if (!window.hatrack) throw new Error('window.hatrack is missing: the app renderer must run inside Hatrack');
  return window.hatrack;
}
