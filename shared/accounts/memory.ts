// Memory per account: Electron's per-process metrics matched to the OS process of each account's view.

/** One entry of `app.getAppMetrics()`, reduced to what the match needs (sizes in kilobytes, as Electron reports them). */
export interface ProcessMemory {
  pid: number;
  memory: { workingSetSize: number; privateBytes?: number };
}

/** An account's live view and its renderer's OS process id (`webContents.getOSProcessId()`; 0 when none yet). */
export interface ViewProcess {
  accountId: string;
  pid: number;
}

/** What the settings panel shows for one account. */
export interface AccountMemory {
  accountId: string;
  /** Kilobytes used by the view's process; null when the view is asleep or its process is not in the metrics. */
  kilobytes: number | null;
  /** Other accounts whose views run in the same process (their figure is the same process, not extra memory). */
  sharedWith: string[];
}

/**
 * Matches each account in `accountIds` to its view's process. Private bytes are used where the OS
 * reports them (Windows, macOS) since they are what reloading frees; elsewhere the working set.
 */
export function memoryByAccount(accountIds: readonly string[], views: readonly ViewProcess[], metrics: readonly ProcessMemory[]): AccountMemory[] {
  const byPid = new Map(metrics.map((metric) => [metric.pid, metric]));
  const pidOf = new Map(views.filter((view) => view.pid > 0).map((view) => [view.accountId, view.pid]));
  return accountIds.map((accountId) => {
    const pid = pidOf.get(accountId);
    const metric = pid === undefined ? undefined : byPid.get(pid);
    if (pid === undefined || !metric) return { accountId, kilobytes: null, sharedWith: [] };
    const sharedWith = [...pidOf].filter(([other, otherPid]) => other !== accountId && otherPid === pid).map(([other]) => other);
    return { accountId, kilobytes: metric.memory.privateBytes ?? metric.memory.workingSetSize, sharedWith };
  });
}
