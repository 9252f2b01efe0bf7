// The dashboard's filter as the controls hold it, and its translation into the log's filter (ISO bounds).
import type { AccountKind } from '../../../shared/accounts/account.ts';
import type { LogFilter } from '../../../shared/log/model.ts';
import type { PlatformId } from '../../../shared/platforms/platform-id.ts';
import { dayToIso } from './format.ts';

/** What the filter controls hold: dates as the inputs give them ("YYYY-MM-DD" or ""). */
export interface FilterState {
  fromDay: string;
  toDay: string;
  accounts: string[];
  platforms: PlatformId[];
  kind: AccountKind | 'all';
}

export const EMPTY_FILTER: FilterState = { fromDay: '', toDay: '', accounts: [], platforms: [], kind: 'all' };

/** The log filter: "from" is local midnight of its day, "to" the midnight after its day (the bound is exclusive). */
export function toLogFilter(state: FilterState): LogFilter {
  const filter: LogFilter = {};
  const from = dayToIso(state.fromDay);
  const to = dayToIso(state.toDay, true);
  if (from) filter.from = from;
  if (to) filter.to = to;
  if (state.accounts.length > 0) filter.accounts = [...state.accounts];
  if (state.platforms.length > 0) filter.platforms = [...state.platforms];
  if (state.kind !== 'all') filter.kind = state.kind;
  return filter;
}

/** True when nothing is filtered. */
export function isEmptyFilter(state: FilterState): boolean {
  return !state.fromDay && !state.toDay && state.accounts.length === 0 && state.platforms.length === 0 && state.kind === 'all';
}
