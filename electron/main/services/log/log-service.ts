// The event log service: loads the JSONL file into a column index, appends gate and reply entries durably,
// and answers the dashboard's queries, summaries, exports and imports.
import { randomUUID } from 'node:crypto';
import type { PlatformId } from '../../../../shared/platforms/platform-id.ts';
import type { PostAction } from '../../../../shared/gate/types.ts';
import {
  validateLogLine,
  validateParsedLine,
  type AccountRef,
  type CorrectionLine,
  type DecodeItemTime,
  type DeletionLine,
  type GateDecision,
  type GateLine,
  type GateResultLine,
  type LogLine,
  type ReplyLine,
} from '../../../../shared/log/entry-schema.ts';
import { compileFilter, type GateRow, type LogFilter, type ReplyRow } from '../../../../shared/log/model.ts';
import { BusinessCalendar, defaultSchedule, type BusinessSchedule } from '../../../../shared/log/business-hours.ts';
import { DEFAULT_TARGET_MINUTES, summarise, type LogSummary } from '../../../../shared/log/statistics.ts';
import { newReplyScan, scanReplyLine } from '../../../../shared/log/reply-scan.ts';
import { newCorrectionScan, newGateResultScan, newGateScan, scanCorrectionLine, scanGateLine, scanGateResultLine } from '../../../../shared/log/line-scan.ts';
import type { OpenAppendOnly } from '../file-port.ts';
import { JsonlAppender, loadJsonl, type SkippedLine } from './jsonl-file.ts';
import { ReplyIndex } from './reply-index.ts';
import { grownTo } from './typed-arrays.ts';
import { GateStore } from './gate-store.ts';
import { UserError } from '../user-error.ts';
import { exportLog, importIntoLog, type ExportFormat, type ExportOptions, type ImportResult } from './log-transfer.ts';

/** What the service needs from the composition root. */
export interface LogServiceDeps {
  decodeItemTime: DecodeItemTime;
  now?: () => Date;
  newId?: () => string;
  /** Business hours for the business-time statistics (default Mon–Fri 09–17 UTC). */
  schedule?: BusinessSchedule;
  /** Response targets in minutes per account id. */
  targets?: Record<string, number>;
  defaultTargetMinutes?: number;
  /** Extra group-commit wait in ms (0–5). */
  groupCommitMs?: number;
  /** Load only (CLI export/stats): the file is neither created nor opened for writing. */
  readOnly?: boolean;
  /** How the file is opened for appending (the real disk unless a test simulates one). */
  openFile?: OpenAppendOnly;
}

/** How loading went: entries kept, and the lines skipped with why. */
export interface LoadReport {
  total: number;
  skipped: SkippedLine[];
  /** Lines with bytes that are not UTF-8 (kept, with U+FFFD in their place): how many, and the first line numbers. */
  invalidUtf8: { count: number; lines: number[] };
}

/** A page of the query, its total and the summary over the whole filtered set. */
export interface QueryResult {
  total: number;
  rows: ReplyRow[];
  summary: LogSummary;
}

/** The account fields the log copies (an `Account` works as is). */
export type AccountLike = Pick<AccountRef, 'id' | 'handle' | 'name' | 'kind'>;

/** The service behind the log: one per log file. */
export class LogService {
  readonly index = new ReplyIndex();
  private readonly gates = new GateStore();
  private readonly now: () => Date;
  private readonly newId: () => string;
  private calendar: BusinessCalendar;
  private targets: Record<string, number>;
  private defaultTarget: number;
  /** Business ms per entry under the current schedule; entries below `businessValid` are up to date. */
  private business = new Float64Array(0);
  private businessValid = 0;
  private appender: JsonlAppender | null = null;
  /** Lines folded in so far: a cached selection is stale once this moves. */
  private changes = 0;
  private selection: { key: string; changes: number; matches: Uint32Array } | null = null;
  /** The byte readers' reusable results (scanning allocates nothing for plain lines). */
  private readonly scans = { reply: newReplyScan(), gate: newGateScan(), result: newGateResultScan(), correction: newCorrectionScan() };
  loadReport: LoadReport = { total: 0, skipped: [], invalidUtf8: { count: 0, lines: [] } };

  private constructor(
    readonly filePath: string,
    private readonly deps: LogServiceDeps,
  ) {
    this.now = deps.now ?? (() => new Date());
    this.newId = deps.newId ?? (() => randomUUID());
    this.calendar = new BusinessCalendar(deps.schedule ?? defaultSchedule());
    this.targets = { ...(deps.targets ?? {}) };
    this.defaultTarget = deps.defaultTargetMinutes ?? DEFAULT_TARGET_MINUTES;
  }

  /** Loads the file (missing = empty), reports skipped lines, and opens it for appending. */
  static async open(filePath: string, deps: LogServiceDeps): Promise<LogService> {
    const service = new LogService(filePath, deps);
    /** Parses, validates and folds one line; returns why it was skipped, or null. */
    const fold = (text: string, bytes: Uint8Array, start: number, end: number): string | null => {
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch {
        return 'invalid JSON';
      }
      const checked = validateParsedLine(value);
      if (!checked.ok) return checked.reason;
      service.apply(checked.line, bytes, start, end);
      return null;
    };
    // A line the byte readers decline is parsed here; one this declines is parsed again by the loader's slow path,
    // which reports why it was skipped.
    const fast = (bytes: Buffer, start: number, end: number): boolean =>
      service.foldBytes(bytes, start, end) || fold(bytes.toString('utf8', start, end), bytes, start, end) === null;
    const result = await loadJsonl(
      filePath,
      (line, lineNumber) => {
        // A file saved by an editor may start with a byte order mark, which JSON.parse refuses.
        const text = lineNumber === 1 && line.startsWith('\ufeff') ? line.slice(1) : line;
        const bytes = Buffer.from(text, 'utf8');
        return fold(text, bytes, 0, bytes.length);
      },
      fast,
    );
    service.loadReport = { total: result.lines - result.skipped.length, skipped: result.skipped, invalidUtf8: result.invalidUtf8 };
    // Business time is part of loading: one cursor pass over the columns while they are hot in cache.
    service.businessAll();
    if (deps.readOnly) return service;
    service.appender = await JsonlAppender.open(filePath, {
      startWithNewline: result.endsTorn,
      groupCommitMs: deps.groupCommitMs ?? 0,
      ...(deps.openFile ? { openFile: deps.openFile } : {}),
    });
    return service;
  }

  /** The schedule in use for business hours and local days. */
  get schedule(): BusinessSchedule {
    return this.calendar.schedule;
  }

  /** Changes the business schedule and/or targets used by queries and exports (not stored in the log). */
  configure(settings: { schedule?: BusinessSchedule; targets?: Record<string, number>; defaultTargetMinutes?: number }): void {
    if (settings.schedule) {
      this.calendar = new BusinessCalendar(settings.schedule);
      this.businessValid = 0;
    }
    if (settings.targets) this.targets = { ...settings.targets };
    if (settings.defaultTargetMinutes !== undefined) this.defaultTarget = settings.defaultTargetMinutes;
  }

  /**
   * Folds the line `bytes[start, end)` straight from its bytes when it is in the app's own shape (the one way lines
   * enter memory, as loaded and as written); false, with nothing changed, for any other line.
   */
  private foldBytes(bytes: Uint8Array, start: number, end: number): boolean {
    const scans = this.scans;
    if (scanReplyLine(bytes, start, end, scans.reply)) this.index.addScanned(bytes, scans.reply);
    else if (scanGateLine(bytes, start, end, scans.gate)) this.gates.addGate(scans.gate.requestId, bytes, start, end);
    else if (scanGateResultLine(bytes, start, end, scans.result)) this.gates.addResult(scans.result.requestId, bytes, start, end);
    else if (scanCorrectionLine(bytes, start, end, scans.correction)) this.startChanged(this.index.applyScannedCorrection(bytes, start, end, scans.correction));
    else return false;
    this.changes++;
    return true;
  }

  /** Folds one validated line, whose JSON is the UTF-8 `bytes[start, end)`, into memory. */
  private apply(line: LogLine, bytes: Uint8Array, start: number, end: number): void {
    this.changes++;
    switch (line.type) {
      case 'reply':
        this.index.addReply(line);
        break;
      case 'correction':
      case 'deletion':
        this.startChanged(this.index.applyHistory(line, bytes, start, end));
        break;
      case 'gate':
        this.gates.addGate(line.requestId, bytes, start, end);
        break;
      case 'gate-result':
        this.gates.addResult(line.requestId, bytes, start, end);
        break;
    }
  }

  /** A correction changed entry i's start (-1: none yet): only that entry's business time is recomputed. */
  private startChanged(i: number): void {
    if (i >= 0 && i < this.businessValid) this.business[i] = this.businessOf(i);
  }

  private async write(lines: LogLine[]): Promise<void> {
    if (this.appender === null) throw new Error(this.deps.readOnly ? 'log is open read-only' : 'log is closed');
    // Never write a line the next load would reject as damaged.
    for (const line of lines) {
      const checked = validateLogLine(line);
      if (!checked.ok) throw new Error(`refusing to write an invalid log line: ${checked.reason}`);
    }
    const texts = lines.map((line) => JSON.stringify(line));
    await this.appender.appendMany(texts);
    // The bytes just written are folded as a load would fold them; a line the byte readers decline (a deletion,
    // which has none, or a time past year 9999) goes in as its object.
    const bytes = Buffer.from(texts.join('\n'), 'utf8');
    let start = 0;
    lines.forEach((line, k) => {
      const end = k === lines.length - 1 ? bytes.length : bytes.indexOf(0x0a, start);
      if (!this.foldBytes(bytes, start, end)) this.apply(line, bytes, start, end);
      start = end + 1;
    });
  }

  /** Records a gate decision (audit). `text` is null when only the hash is kept. */
  async recordGate(input: {
    account: AccountLike;
    platform: PlatformId;
    action: PostAction;
    decision: GateDecision;
    requestId: string;
    text: string | null;
    textHash: string | null;
    at?: Date;
  }): Promise<GateLine> {
    const line: GateLine = {
      v: 1,
      type: 'gate',
      at: (input.at ?? this.now()).toISOString(),
      requestId: input.requestId,
      account: accountRef(input.account),
      platform: input.platform,
      action: input.action,
      decision: input.decision,
      text: input.text,
      textHash: input.textHash,
    };
    await this.write([line]);
    return line;
  }

  /** Records what became of a gated request (HTTP status, or the network error). */
  async recordGateResult(input: { requestId: string; status: number | null; error: string | null; at?: Date }): Promise<GateResultLine> {
    const line: GateResultLine = {
      v: 1,
      type: 'gate-result',
      at: (input.at ?? this.now()).toISOString(),
      requestId: input.requestId,
      status: input.status,
      error: input.error,
    };
    await this.write([line]);
    return line;
  }

  /**
   * Records a reply that completed 2xx; the start is decoded from the parent item's ID where possible. Resolves
   * with the new entry's id once the line is on disk (`entry(id)` gives its row: the gate, which records replies
   * by the hundred in a busy hour, does not need one).
   */
  async recordReply(input: { account: AccountLike; platform: PlatformId; replyToId: string; sentAt: Date | string; excerpt: string | null }): Promise<string> {
    const sentAt = new Date(input.sentAt);
    if (Number.isNaN(sentAt.getTime())) throw new Error('sentAt is not a date');
    let start: Date | null;
    try {
      start = this.deps.decodeItemTime(input.platform, input.replyToId, this.now());
    } catch {
      // A decoder bug must not lose the reply: it is logged with an unknown start, to be entered by hand.
      start = null;
    }
    if (start !== null && Number.isNaN(start.getTime())) start = null;
    const line: ReplyLine = {
      v: 1,
      type: 'reply',
      id: this.newId(),
      account: accountRef(input.account),
      platform: input.platform,
      replyToId: input.replyToId,
      targetCreatedAt: start === null ? null : start.toISOString(),
      startSource: start === null ? 'unknown' : 'decoded',
      sentAt: sentAt.toISOString(),
      responseMs: start === null ? null : Math.max(0, sentAt.getTime() - start.getTime()),
      excerpt: input.excerpt,
    };
    await this.write([line]);
    return line.id;
  }

  /**
   * Sets (or corrects) the time the item replied to was received; history keeps every earlier value. Refuses, with a
   * UserError (an i18n key), a time that is not a date, is in the future or comes after the reply: the rules imports
   * follow, kept here rather than in the IPC handler so that any caller gets them.
   */
  async setManualStart(entryId: string, receivedAt: Date | string, note?: string): Promise<ReplyRow> {
    const i = this.mustFind(entryId);
    const received = new Date(receivedAt);
    if (Number.isNaN(received.getTime())) throw new UserError('errors.startInvalid');
    if (received.getTime() > this.now().getTime()) throw new UserError('errors.startInFuture');
    if (received.getTime() > (this.index.sentMs[i] as number)) throw new UserError('errors.startAfterReply');
    const line: CorrectionLine = {
      v: 1,
      type: 'correction',
      targetId: entryId,
      receivedAt: received.toISOString(),
      at: this.now().toISOString(),
      ...(note !== undefined ? { note } : {}),
    };
    await this.write([line]);
    return this.row(this.mustFind(entryId));
  }

  /** Hides an entry from queries and exports; its lines stay in the file. */
  async deleteEntry(entryId: string, reason?: string): Promise<void> {
    this.mustFind(entryId);
    const line: DeletionLine = {
      v: 1,
      type: 'deletion',
      targetId: entryId,
      at: this.now().toISOString(),
      ...(reason !== undefined ? { reason } : {}),
    };
    await this.write([line]);
  }

  private mustFind(entryId: string): number {
    const i = this.index.byId.get(entryId);
    if (i === undefined) throw new Error(`no log entry ${entryId}`);
    return i;
  }

  /** One entry's folded view, or null (deleted entries are returned too, with their history). */
  entry(entryId: string): ReplyRow | null {
    const i = this.index.byId.get(entryId);
    return i === undefined ? null : this.row(i);
  }

  private businessOf(i: number): number {
    const start = this.index.startMs[i] as number;
    return Number.isNaN(start) ? NaN : this.calendar.businessMs(start, this.index.sentMs[i] as number);
  }

  /** Business milliseconds for every entry, extended to new entries (appends) rather than recomputed. */
  private businessAll(): Float64Array {
    const index = this.index;
    const from = this.businessValid;
    if (from === index.count) return this.business;
    this.business = grownTo(this.business, index.count);
    const to = index.count;
    this.calendar.businessMsMany(index.startMs.subarray(from, to), index.sentMs.subarray(from, to), to - from, this.business.subarray(from, to));
    this.businessValid = to;
    return this.business;
  }

  private targetOf(account: AccountRef): number {
    return this.targets[account.id] ?? this.defaultTarget;
  }

  /** Materialises one entry. */
  row(i: number, business?: Float64Array): ReplyRow {
    const index = this.index;
    const account = index.accountOf(i);
    const target = index.targetMs[i] as number;
    const start = index.startMs[i] as number;
    const sent = index.sentMs[i] as number;
    const known = !Number.isNaN(start);
    const responseMs = known ? Math.max(0, sent - start) : null;
    const businessMs = known ? (business ? (business[i] as number) : this.calendar.businessMs(start, sent)) : null;
    const targetMinutes = this.targetOf(account);
    return {
      id: index.idOf(i),
      account,
      platform: index.platformOf(i),
      replyToId: index.replyToIdOf(i),
      targetCreatedAt: Number.isNaN(target) ? null : new Date(target).toISOString(),
      startAt: known ? new Date(start).toISOString() : null,
      startSource: index.sourceOf(i),
      sentAt: new Date(sent).toISOString(),
      responseMs,
      businessMs,
      targetMinutes,
      withinTarget: responseMs === null ? null : responseMs <= targetMinutes * 60_000,
      excerpt: index.excerptOf(i),
      history: index.historyOf(i),
    };
  }

  /** Matching live entry indices, ascending by sentAt. Throws a readable Error on a bad filter. */
  select(filter: LogFilter): Uint32Array {
    return this.index.select(compileFilter(filter));
  }

  /** Summary over the given entry indices. */
  summaryOf(matches: Uint32Array): LogSummary {
    const index = this.index;
    // The summary reads the index's columns through `matches`: no per-query copies of a million values.
    const input = { count: matches.length, members: matches, startMs: index.startMs, sentMs: index.sentMs, businessMs: this.businessAll() };
    const targets = { targets: this.targets, defaultTargetMinutes: this.defaultTarget };
    return summarise({ ...input, accountIndex: index.accountGroup, accounts: index.groups }, this.calendar, targets);
  }

  /**
   * The selection for a filter, kept until the next change: the dashboard's table asks for page after page of the
   * same filter while it scrolls, and selecting 100k entries for each page would make scrolling grow with the log.
   */
  private matching(filter: LogFilter): Uint32Array {
    const key = JSON.stringify(filter);
    const cached = this.selection;
    if (cached !== null && cached.key === key && cached.changes === this.changes) return cached.matches;
    const matches = this.select(filter);
    this.selection = { key, changes: this.changes, matches };
    return matches;
  }

  /** Filtered entries, newest first, one page of rows, and the summary of the whole filtered set. */
  query(filter: LogFilter, page: { offset?: number; limit?: number } = {}): QueryResult {
    const matches = this.matching(filter);
    return { ...this.pageOf(matches, page), summary: this.summaryOf(matches) };
  }

  /** A page of the filtered rows, newest first, without the summary (the dashboard table's scrolling). */
  page(filter: LogFilter, page: { offset?: number; limit?: number } = {}): Omit<QueryResult, 'summary'> {
    return this.pageOf(this.matching(filter), page);
  }

  private pageOf(matches: Uint32Array, page: { offset?: number; limit?: number }): Omit<QueryResult, 'summary'> {
    const offset = Math.max(0, page.offset ?? 0);
    const limit = Math.max(0, page.limit ?? 100);
    const business = this.businessAll();
    const rows: ReplyRow[] = [];
    for (let k = matches.length - 1 - offset; k >= 0 && rows.length < limit; k--) rows.push(this.row(matches[k] as number, business));
    return { total: matches.length, rows };
  }

  /** Live entries whose start is unknown (to be entered by hand), newest first. */
  unknownStarts(limit = 1000): ReplyRow[] {
    const index = this.index;
    const order = index.timeOrder();
    const rows: ReplyRow[] = [];
    for (let k = order.length - 1; k >= 0 && rows.length < limit; k--) {
      const i = order[k] as number;
      if (index.deleted[i] === 0 && Number.isNaN(index.startMs[i] as number)) rows.push(this.row(i));
    }
    return rows;
  }

  /** The latest gate decisions, newest first, with their results. */
  recentGate(limit = 50): GateRow[] {
    return this.gates.recent(limit);
  }

  /** Streams the filtered entries as CSV, JSON or an HTML report; resolves to the number of entries. */
  exportTo(format: ExportFormat, filter: LogFilter, writable: NodeJS.WritableStream, options: ExportOptions = {}): Promise<number> {
    return exportLog(this, format, filter, writable, { now: this.now, ...options });
  }

  /** Imports a CSV of past replies or a JSON export: all rows or none (errors are line-numbered). */
  importFile(text: string, kind: 'csv' | 'json'): Promise<ImportResult> {
    return importIntoLog(this, text, kind, { decodeItemTime: this.deps.decodeItemTime, now: this.now });
  }

  /** Appends pre-built lines in one durable write (imports). */
  async appendLines(lines: LogLine[]): Promise<void> {
    await this.write(lines);
  }

  /** Flushes pending appends and closes the file. */
  async close(): Promise<void> {
    const appender = this.appender;
    this.appender = null;
    if (appender) await appender.close();
  }
}

/** Copies only the fields the log keeps, so an Account's other settings never leak into the file. */
export function accountRef(account: AccountLike): AccountRef {
  return { id: account.id, handle: account.handle, name: account.name, kind: account.kind };
}
