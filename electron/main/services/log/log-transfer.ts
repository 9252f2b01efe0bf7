// Streaming exports (CSV, JSON, HTML, XLSX) and all-or-nothing imports for a LogService, with stream backpressure.
import { once } from 'node:events';
import type { LogFilter, ReplyRow } from '../../../../shared/log/model.ts';
import { csvHeader, csvRow } from '../../../../shared/log/csv-export.ts';
import { jsonEntry, jsonHead, jsonTail } from '../../../../shared/log/json-export.ts';
import { buildHtmlReport, type ReportText } from '../../../../shared/log/html-report.ts';
import { LocalTimeFormatter } from '../../../../shared/log/local-time.ts';
import { parseImportCsv, parseImportJson, type ImportContext, type ImportParse } from '../../../../shared/log/import-parse.ts';
import { normaliseHandle } from '../../../../shared/log/model.ts';
import type { AccountRef, DecodeItemTime, ReplyLine } from '../../../../shared/log/entry-schema.ts';
import type { LogService } from './log-service.ts';
import { writeXlsx } from './xlsx-export.ts';

/** Export formats. */
export type ExportFormat = 'csv' | 'json' | 'html' | 'xlsx';

/** Options for exports. */
export interface ExportOptions {
  /** How many slowest replies the HTML report lists. */
  slowestCount?: number;
  text?: ReportText;
  /** Language of the XLSX sheets and of durations in words ("en", "fr"). */
  locale?: string;
  now?: () => Date;
}

const FLUSH_AT = 1 << 16;

async function writeChunk(out: NodeJS.WritableStream, chunk: string): Promise<void> {
  if (!out.write(chunk)) await once(out as unknown as NodeJS.EventEmitter, 'drain');
}

/**
 * The filter as a report shows it: account ids (what the dashboard filters by) named by their @handle, so a
 * reviewer reads "@acme", not a UUID. Values the log does not know are shown as given.
 */
function filterForDisplay(service: LogService, filter: LogFilter): LogFilter {
  if (!filter.accounts?.length) return filter;
  const accountOf = accountLookup(service);
  const named = filter.accounts.map((value) => {
    const account = accountOf(value);
    return account ? `@${account.handle}` : value;
  });
  return { ...filter, accounts: [...new Set(named)] };
}

/** The log's account for an id or a handle (any case, with or without "@"), or null: how filters and imports name accounts. */
function accountLookup(service: LogService): (handleOrId: string) => AccountRef | null {
  const known = new Map<string, AccountRef>();
  for (const account of service.index.variants) {
    known.set(account.id.toLowerCase(), account);
    known.set(normaliseHandle(account.handle), account);
  }
  return (handleOrId) => known.get(handleOrId.toLowerCase()) ?? known.get(normaliseHandle(handleOrId)) ?? null;
}

/** Streams the filtered entries (ascending by sentAt) in `format` to `out`; resolves to the entry count. */
export async function exportLog(
  service: LogService,
  format: ExportFormat,
  filter: LogFilter,
  out: NodeJS.WritableStream,
  options: ExportOptions = {},
): Promise<number> {
  const matches = service.select(filter);
  const now = options.now ?? (() => new Date());
  if (format === 'html') {
    const summary = service.summaryOf(matches);
    const slowest = slowestRows(service, matches, options.slowestCount ?? 20);
    await writeChunk(
      out,
      buildHtmlReport({
        filter: filterForDisplay(service, filter),
        summary,
        slowest,
        generatedAt: now().toISOString(),
        zone: service.schedule.zone,
        schedule: service.schedule,
        ...(options.text ? { text: options.text } : {}),
      }),
    );
    return matches.length;
  }
  if (format === 'xlsx') {
    const input = {
      filter: filterForDisplay(service, filter),
      summary: service.summaryOf(matches),
      schedule: service.schedule,
      generatedMs: now().getTime(),
      locale: options.locale ?? 'en',
    };
    await writeXlsx(out, input, rowsOf(service, matches));
    return matches.length;
  }
  const local = new LocalTimeFormatter(service.schedule.zone);
  let buffer = format === 'csv' ? csvHeader() : jsonHead(filter, service.summaryOf(matches), now().toISOString());
  for (let k = 0; k < matches.length; k++) {
    const row = service.row(matches[k] as number);
    buffer += format === 'csv' ? csvRow(row, local, options.locale) : jsonEntry(row, k === 0);
    if (buffer.length >= FLUSH_AT) {
      await writeChunk(out, buffer);
      buffer = '';
    }
  }
  if (format === 'json') buffer += jsonTail();
  await writeChunk(out, buffer);
  return matches.length;
}

function* rowsOf(service: LogService, matches: Uint32Array): Generator<ReplyRow> {
  for (let k = 0; k < matches.length; k++) yield service.row(matches[k] as number);
}

/** The `count` slowest timed replies among `matches`, slowest first. */
function slowestRows(service: LogService, matches: Uint32Array, count: number): ReplyRow[] {
  const index = service.index;
  const top: Array<{ i: number; ms: number }> = [];
  for (let k = 0; k < matches.length; k++) {
    const i = matches[k] as number;
    const ms = (index.sentMs[i] as number) - (index.startMs[i] as number);
    if (Number.isNaN(ms)) continue;
    if (top.length === count && ms <= (top[top.length - 1] as { ms: number }).ms) continue;
    let at = top.length;
    while (at > 0 && (top[at - 1] as { ms: number }).ms < ms) at--;
    top.splice(at, 0, { i, ms });
    if (top.length > count) top.pop();
  }
  return top.map((item) => service.row(item.i));
}

/** The result of an import: what was added and skipped, or every error (then nothing was written). */
export type ImportResult = { ok: true; added: number; duplicates: number } | { ok: false; errors: string[] };

/** How many lines with bad bytes an import error names. */
const MAX_BAD_LINES = 20;

/**
 * An import file's bytes as text, or the lines that are not UTF-8 (a CSV saved as Windows-1252 or Latin-1 would
 * otherwise import its accents as U+FFFD without a word).
 */
export function decodeImportBytes(bytes: Uint8Array): { ok: true; text: string } | { ok: false; errors: string[] } {
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes) };
  } catch {
    const errors: string[] = [];
    const strict = new TextDecoder('utf-8', { fatal: true });
    let start = 0;
    for (let line = 1; start <= bytes.length && errors.length < MAX_BAD_LINES; line++) {
      let end = bytes.indexOf(0x0a, start);
      if (end === -1) end = bytes.length;
      try {
        strict.decode(bytes.subarray(start, end));
      } catch {
        errors.push(`line ${line}: not UTF-8 text (save the file as "CSV UTF-8")`);
      }
      start = end + 1;
    }
    return { ok: false, errors };
  }
}

/** Parses an import file against the log's accounts and zone (every row checked), writing nothing. */
export function parseImport(service: LogService, text: string, kind: 'csv' | 'json', deps: { decodeItemTime: DecodeItemTime; now: () => Date }): ImportParse {
  const context: ImportContext = {
    decodeItemTime: deps.decodeItemTime,
    zone: service.schedule.zone,
    now: deps.now,
    resolveAccount: accountLookup(service),
  };
  return kind === 'csv' ? parseImportCsv(text, context) : parseImportJson(text, deps.now());
}

/** The parsed lines the log does not have yet (by entry id, a repeat in the file counted once), and how many it has. */
export function freshLines(service: LogService, lines: readonly ReplyLine[]): { fresh: ReplyLine[]; duplicates: number } {
  const seen = new Set<string>();
  const fresh = lines.filter((line) => {
    if (service.index.byId.has(line.id) || seen.has(line.id)) return false;
    seen.add(line.id);
    return true;
  });
  return { fresh, duplicates: lines.length - fresh.length };
}

/** Appends the parsed lines the log does not have yet, in one durable write. */
export async function importLines(service: LogService, lines: readonly ReplyLine[]): Promise<{ ok: true; added: number; duplicates: number }> {
  const { fresh, duplicates } = freshLines(service, lines);
  // One write: the import lands whole or (on an I/O error) not at all in memory.
  await service.appendLines(fresh);
  return { ok: true, added: fresh.length, duplicates };
}

/** Imports a CSV of past replies or a JSON export; duplicates (same entry id) are skipped. */
export async function importIntoLog(
  service: LogService,
  text: string,
  kind: 'csv' | 'json',
  deps: { decodeItemTime: DecodeItemTime; now: () => Date },
): Promise<ImportResult> {
  const parsed = parseImport(service, text, kind, deps);
  return parsed.ok ? importLines(service, parsed.lines) : parsed;
}
