// The CSV export's columns: ISO UTC and local times, seconds and human durations, calendar and business time,
// target flag, and the entry id (so re-importing an export de-duplicates). Rows are produced one at a time.
import type { ReplyRow } from './model.ts';
import { csvLine } from './csv.ts';
import type { LocalTimeFormatter } from './local-time.ts';
import { formatDuration } from './duration-format.ts';

/** Header names; `account, platform, item, received_at, replied_at` are also the import columns. */
export const CSV_COLUMNS = [
  'id',
  'account',
  'account_id',
  'account_name',
  'kind',
  'platform',
  'item',
  'received_at',
  'replied_at',
  'received_local',
  'replied_local',
  'start_source',
  'response_seconds',
  'response',
  'business_seconds',
  'business_response',
  'target_minutes',
  'within_target',
  'excerpt',
] as const;

/** UTF-8 byte order mark, so spreadsheet apps read accents correctly. */
export const CSV_BOM = '\uFEFF';

/** BOM + header record. */
export function csvHeader(): string {
  return CSV_BOM + csvLine(CSV_COLUMNS);
}

function seconds(ms: number | null): number | null {
  return ms === null ? null : Math.round(ms / 1000);
}

/** A duration in words through the one shared formatter; an empty cell when the start is unknown. */
function words(ms: number | null, locale: string): string {
  return ms === null ? '' : formatDuration(ms, locale);
}

/** One entry as a CSV record (CRLF-terminated). Local columns use the formatter's zone. */
export function csvRow(row: ReplyRow, local: LocalTimeFormatter, locale = 'en'): string {
  const start = row.startAt === null ? NaN : Date.parse(row.startAt);
  return csvLine([
    row.id,
    row.account.handle,
    row.account.id,
    row.account.name,
    row.account.kind,
    row.platform,
    row.replyToId,
    row.startAt,
    row.sentAt,
    local.format(start),
    local.format(Date.parse(row.sentAt)),
    row.startSource,
    seconds(row.responseMs),
    words(row.responseMs, locale),
    seconds(row.businessMs),
    words(row.businessMs, locale),
    row.targetMinutes,
    row.withinTarget === null ? null : row.withinTarget ? 'yes' : 'no',
    row.excerpt,
  ]);
}
