// What the presence and memory features ask of the shell's account views (Electron's WebContentsViews, or test contexts).
import type { ProcessMemory, ViewProcess } from '../../../../shared/accounts/memory.ts';

export interface ViewsPort {
  /** Each live account view and its renderer's OS process id. */
  processes(): ViewProcess[];
  /** Per-process memory as `app.getAppMetrics()` reports it. */
  metrics(): ProcessMemory[];
  /** Reloads the account's view from its start page (no-op when it is asleep: it loads fresh when woken). */
  reload(accountId: string): void;
}

/** A shell without views to measure: every account reads "not measured". */
export const NO_VIEWS: ViewsPort = { processes: () => [], metrics: () => [], reload: () => undefined };
