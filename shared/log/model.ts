// Folded views of the log (what queries, exports and the dashboard see) and the filter they are selected by.
import type { PlatformId } from '../platforms/platform-id.ts';
import type { AccountKind } from '../accounts/account.ts';
import type { PostAction } from '../gate/types.ts';
import type { AccountRef, GateDecision, HistoryLine, StartSource } from './entry-schema.ts';

/** One response-time entry after its corrections and deletion were applied. */
export interface ReplyRow {
  id: string;
  account: AccountRef;
  platform: PlatformId;
  replyToId: string;
  /** The start as first recorded (decoded or imported); ISO UTC or null. */
  targetCreatedAt: string | null;
  /** The start in effect: the latest manual correction, else `targetCreatedAt`. */
  startAt: string | null;
  startSource: StartSource;
  sentAt: string;
  /** Calendar milliseconds from start to reply; null when the start is unknown. */
  responseMs: number | null;
  /** Business-hours milliseconds under the schedule in use; null when the start is unknown. */
  businessMs: number | null;
  /** The response target that applies to this entry's account, in minutes. */
  targetMinutes: number;
  /** Calendar response within target; null when the start is unknown. */
  withinTarget: boolean | null;
  excerpt: string | null;
  /** Corrections and deletion lines aimed at this entry, oldest first. */
  history: HistoryLine[];
}

/** One gate decision, with the request's result once it arrived. */
export interface GateRow {
  at: string;
  requestId: string;
  account: AccountRef;
  platform: PlatformId;
  action: PostAction;
  decision: GateDecision;
  text: string | null;
  textHash: string | null;
  result: { at: string; status: number | null; error: string | null } | null;
}

/** What the dashboard, the exports and the CLI select entries by. Empty or absent parts match everything. */
export interface LogFilter {
  /** Inclusive lower bound on `sentAt` (ISO time). */
  from?: string;
  /** Exclusive upper bound on `sentAt` (ISO time). */
  to?: string;
  /** Account ids or handles (a leading @ is ignored, handles compare case-insensitively). */
  accounts?: string[];
  platforms?: PlatformId[];
  kind?: AccountKind;
}

/** Turns a filter's times into numbers once, so matching a million entries costs no parsing. */
export interface CompiledFilter {
  fromMs: number;
  toMs: number;
  accounts: Set<string> | null;
  platforms: Set<string> | null;
  kind: AccountKind | null;
}

/** Compiles a filter; throws a readable Error when a bound is not a time. */
export function compileFilter(filter: LogFilter): CompiledFilter {
  const bound = (text: string | undefined, fallback: number, name: string): number => {
    if (text === undefined || text === '') return fallback;
    const ms = Date.parse(text);
    if (Number.isNaN(ms)) throw new Error(`${name} is not a date: ${text}`);
    return ms;
  };
  const accounts = filter.accounts && filter.accounts.length > 0 ? new Set(filter.accounts.map((value) => normaliseHandle(value))) : null;
  return {
    fromMs: bound(filter.from, -Infinity, 'from'),
    toMs: bound(filter.to, Infinity, 'to'),
    accounts,
    platforms: filter.platforms && filter.platforms.length > 0 ? new Set(filter.platforms) : null,
    kind: filter.kind ?? null,
  };
}

/** Lower-cases and drops a leading @, so "@Brand" and "brand" select the same account. */
export function normaliseHandle(value: string): string {
  return value.trim().replace(/^@/, '').toLowerCase();
}

/** True when `account` is selected by the compiled filter's account part (by id or handle). */
export function accountMatches(filter: CompiledFilter, account: AccountRef): boolean {
  if (filter.kind !== null && account.kind !== filter.kind) return false;
  if (filter.accounts === null) return true;
  return filter.accounts.has(account.id.toLowerCase()) || filter.accounts.has(normaliseHandle(account.handle));
}
