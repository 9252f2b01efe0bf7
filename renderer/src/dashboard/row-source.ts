// Where the entries table gets its rows: a function of (offset, limit), fed by `log:rows` over IPC (the bench too).
import type { LogFilter, ReplyRow } from '../../../shared/log/model.ts';
import { api } from '../api.ts';

/** One window of rows, newest first, and how many the whole selection holds. */
export interface RowPage {
  total: number;
  rows: ReplyRow[];
}

/** Fetches rows [offset, offset + limit) of the current selection. */
export type RowSource = (offset: number, limit: number) => Promise<RowPage>;

/** Pages of the filtered log through `log:rows` (rows only: the summary comes once, from `log:query`). */
export function ipcRowSource(filter: LogFilter): RowSource {
  return (offset, limit) => api().invoke('log:rows', filter, { offset, limit });
}
