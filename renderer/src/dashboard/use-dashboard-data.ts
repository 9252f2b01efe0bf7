// The dashboard's data: the filtered summary, the accounts the log names, the unknown starts and the table's row source,
// all fetched again whenever main says the log changed.
import { useEffect, useMemo, useReducer, useState } from 'react';
import type { AccountRef } from '../../../shared/log/entry-schema.ts';
import type { LogFilter, ReplyRow } from '../../../shared/log/model.ts';
import type { LogSummary } from '../../../shared/log/statistics.ts';
import { api, errorMessage } from '../api.ts';
import { ipcRowSource, type RowSource } from './row-source.ts';
import { UNKNOWN_LIMIT } from './unknown-starts.tsx';

export interface DashboardData {
  summary: LogSummary | null;
  /** Every account the unfiltered log names (removed accounts included). */
  logAccounts: AccountRef[];
  unknown: ReplyRow[];
  source: RowSource;
  error: string | null;
  /** Fetch everything again now (after a local change, before the event arrives). */
  refresh: () => void;
}

export function useDashboardData(filter: LogFilter): DashboardData {
  const [version, refresh] = useReducer((n: number) => n + 1, 0);
  const [summary, setSummary] = useState<LogSummary | null>(null);
  const [logAccounts, setLogAccounts] = useState<AccountRef[]>([]);
  const [unknown, setUnknown] = useState<ReplyRow[]>([]);
  const [error, setError] = useState<string | null>(null);
  // The filter object is rebuilt on each render; its JSON is the stable identity the effects key on.
  const filterKey = JSON.stringify(filter);

  useEffect(() => api().on('log:changed', () => refresh()), []);

  useEffect(() => {
    let live = true;
    api()
      .invoke('log:query', JSON.parse(filterKey) as LogFilter, { offset: 0, limit: 0 })
      .then(
        (page) => {
          if (!live) return;
          setSummary(page.summary);
          setError(null);
        },
        (reason: unknown) => live && setError(errorMessage(reason)),
      );
    return () => {
      live = false;
    };
  }, [filterKey, version]);

  useEffect(() => {
    let live = true;
    void Promise.all([api().invoke('log:query', {}, { offset: 0, limit: 0 }), api().invoke('log:unknown', UNKNOWN_LIMIT)]).then(
      ([all, rows]) => {
        if (!live) return;
        setLogAccounts(all.summary.perAccount.map((entry) => entry.account));
        setUnknown(rows);
      },
      (reason: unknown) => live && setError(errorMessage(reason)),
    );
    return () => {
      live = false;
    };
  }, [version]);

  // A new source tells the table to drop its pages and refetch, so its key holds the log version as well as the
  // filter: the memo reads both from the key, and a log change (same filter) still yields a new source.
  const sourceKey = JSON.stringify({ version, filter });
  const source = useMemo(() => ipcRowSource((JSON.parse(sourceKey) as { filter: LogFilter }).filter), [sourceKey]);

  return { summary, logAccounts, unknown, source, error, refresh };
}
