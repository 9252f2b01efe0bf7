// Turns imported files (a CSV of past replies, or another manager's JSON export) into reply lines, all or
// nothing: any bad row yields a line-numbered error list and no lines.
import { DateTime } from 'luxon';
import { z } from 'zod';
import { PLATFORM_IDS, isPlatformId, type PlatformId } from '../platforms/platform-id.ts';
import { ACCOUNT_KINDS, type AccountKind } from '../accounts/account.ts';
import { START_SOURCES, accountRefSchema, type AccountRef, type DecodeItemTime, type ReplyLine, type StartSource } from './entry-schema.ts';
import { parseCsv, restoreCell } from './csv.ts';
import { JSON_EXPORT_SCHEMA } from './json-export.ts';

/** What parsing an import needs from its caller. */
export interface ImportContext {
  decodeItemTime: DecodeItemTime;
  /** Zone for CSV times written without an offset (e.g. "2026-03-10 09:15"). */
  zone: string;
  /** Finds a known account by handle (or id) on a platform; null when unknown. */
  resolveAccount: (handleOrId: string, platform: PlatformId) => AccountRef | null;
  /** Times after this are rejected as "in the future". */
  now: () => Date;
}

/** The parsed lines, or every error found (then nothing may be written). */
export type ImportParse = { ok: true; lines: ReplyLine[] } | { ok: false; errors: string[] };

const MAX_ERRORS = 200;
const REQUIRED = ['account', 'platform', 'item', 'received_at', 'replied_at'] as const;
const ALIASES: Record<string, PlatformId> = { twitter: 'x', 'x.com': 'x', bsky: 'bluesky', 'bsky.app': 'bluesky' };

/** The date and time shapes imports accept: a day, a time to the minute or finer, and an optional offset. */
const IMPORT_TIME = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2}(?:[.,]\d{1,9})?)?)\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

/** The sentence that ends a list of date errors: which shapes are accepted, and the zone of times without offset. */
export function acceptedDatesText(zone: string): string {
  return `accepted dates: ISO 8601 with an offset (2026-03-30T08:30:00Z, 2026-03-30T10:30:00+02:00), or a local time in ${zone} written 2026-03-30 10:30, 2026-03-30 10:30:00 or 2026-03-30T10:30`;
}

/**
 * Parses an import time: "YYYY-MM-DD[T ]HH:mm[:ss[.fff]]" with an offset (Z, +02:00), or without one in `zone`.
 * NaN for anything else (a day alone, words, another order of day and month), so no guess goes unseen.
 */
export function parseImportTime(text: string, zone: string): number {
  const match = IMPORT_TIME.exec(text.trim());
  if (!match) return NaN;
  const iso = `${match[1]}T${(match[2] ?? '').replace(',', '.')}${match[3]?.toUpperCase() ?? ''}`;
  const parsed = DateTime.fromISO(iso, { zone, setZone: true });
  return parsed.isValid ? parsed.toMillis() : NaN;
}

/** A 53-bit string hash (cyrb53), seeded: two of them name a CSV row that carries no id. */
function hash53(text: string, seed: number): string {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

/**
 * The id of an imported CSV row without an id column: derived from what the row says (platform, account,
 * item, reply time), so importing the same file twice finds the rows already present.
 */
export function importedRowId(platform: PlatformId, handle: string, item: string, sentAt: string): string {
  const key = `${platform}\n${handle.trim().replace(/^@/, '').toLowerCase()}\n${item}\n${sentAt}`;
  return `csv-${hash53(key, 1)}-${hash53(key, 2)}`;
}

/** The platform named in an import cell (case-insensitive, a few common aliases), or null. */
export function parsePlatform(text: string): PlatformId | null {
  const value = text.trim().toLowerCase();
  if (isPlatformId(value)) return value;
  return ALIASES[value] ?? null;
}

/**
 * The item ID in an import cell: the cell itself, or the ID inside a post URL
 * (x.com/twitter.com …/status/ID, Mastodon https://host/@user/ID, bsky.app …/post/RKEY, LinkedIn URNs).
 */
export function itemIdFromCell(text: string): string {
  const value = text.trim();
  if (!/^https?:\/\//i.test(value)) return value;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return value;
  }
  const path = url.pathname;
  const patterns = [
    /\/status(?:es)?\/(\d+)/, // X / Twitter, Mastodon /users/u/statuses/ID
    /^\/@[^/]+\/(\d+)/, // Mastodon web URL
    /\/post\/([a-z2-7]{13})/, // Bluesky record key (TID)
    /(urn:li:(?:activity|share|ugcPost):\d+)/, // LinkedIn
    /^\/(?:p|reel)\/([\w-]+)/, // Instagram shortcode
  ];
  const decoded = decodeURIComponent(path);
  for (const pattern of patterns) {
    const match = pattern.exec(decoded);
    if (match?.[1]) return match[1];
  }
  return value;
}

function startOf(platform: PlatformId, item: string, receivedMs: number, ctx: ImportContext): { targetCreatedAt: string | null; source: StartSource } {
  if (!Number.isNaN(receivedMs)) return { targetCreatedAt: new Date(receivedMs).toISOString(), source: 'import' };
  let decoded: Date | null;
  try {
    decoded = ctx.decodeItemTime(platform, item, ctx.now());
  } catch {
    decoded = null;
  }
  if (decoded === null || Number.isNaN(decoded.getTime())) return { targetCreatedAt: null, source: 'unknown' };
  return { targetCreatedAt: decoded.toISOString(), source: 'decoded' };
}

/** Parses a CSV of past replies (header names case-insensitive; our own CSV export is accepted too). */
export function parseImportCsv(text: string, ctx: ImportContext): ImportParse {
  let records;
  try {
    records = parseCsv(text);
  } catch (error) {
    return { ok: false, errors: [error instanceof Error ? error.message : String(error)] };
  }
  const header = records.shift();
  if (!header) return { ok: false, errors: ['line 1: the file is empty (expected a header row)'] };
  const columns = new Map(header.cells.map((name, i) => [name.trim().toLowerCase(), i]));
  const missing = REQUIRED.filter((name) => !columns.has(name));
  if (missing.length > 0) return { ok: false, errors: [`line ${header.line}: missing column(s): ${missing.join(', ')}`] };
  // A last row with fewer cells than the header and no line end after it was cut short (a copy or a download that
  // stopped): its last cell may be a stub that still parses ("…T08:45" for "…T08:45:00Z"), so it is not imported.
  const last = records[records.length - 1];
  if (last && last.cells.length < header.cells.length && !/[\r\n]$/.test(text)) {
    return {
      ok: false,
      errors: [`line ${last.line}: ${last.cells.length} cells where the header has ${header.cells.length}, and no line end: the file looks cut short`],
    };
  }
  const errors: string[] = [];
  const lines: ReplyLine[] = [];
  const nowMs = ctx.now().getTime();
  let badDate = false;
  for (const record of records) {
    if (errors.length >= MAX_ERRORS) break;
    const cell = (name: string): string => {
      const i = columns.get(name);
      return i === undefined ? '' : restoreCell(record.cells[i] ?? '').trim();
    };
    const fail = (message: string): void => void errors.push(`line ${record.line}: ${message}`);
    const platform = parsePlatform(cell('platform'));
    const handle = cell('account').replace(/^@/, '');
    const item = itemIdFromCell(cell('item'));
    const received = parseImportTime(cell('received_at'), ctx.zone);
    const replied = parseImportTime(cell('replied_at'), ctx.zone);
    const kindText = cell('kind').toLowerCase();
    const sourceText = cell('start_source').toLowerCase();
    const before = errors.length;
    if (handle === '') fail('account is empty');
    if (platform === null) fail(`platform "${cell('platform')}" is not one of ${PLATFORM_IDS.join(', ')}`);
    if (item === '') fail('item is empty');
    if (cell('received_at') !== '' && Number.isNaN(received)) fail(`received_at "${cell('received_at')}" is not a date`);
    if (Number.isNaN(replied)) fail(cell('replied_at') === '' ? 'replied_at is empty' : `replied_at "${cell('replied_at')}" is not a date`);
    if (errors.length > before && (Number.isNaN(replied) || (cell('received_at') !== '' && Number.isNaN(received)))) badDate = true;
    if (kindText !== '' && !(ACCOUNT_KINDS as readonly string[]).includes(kindText)) fail(`kind "${kindText}" is not personal or brand`);
    if (sourceText !== '' && !(START_SOURCES as readonly string[]).includes(sourceText)) fail(`start_source "${sourceText}" is unknown`);
    if (errors.length > before || platform === null) continue;
    const start = startOf(platform, item, received, ctx);
    const startMs = start.targetCreatedAt === null ? NaN : Date.parse(start.targetCreatedAt);
    if (replied > nowMs) fail(`replied_at ${cell('replied_at')} is in the future`);
    if (received > nowMs) fail(`received_at ${cell('received_at')} is in the future`);
    if (errors.length > before) continue;
    if (replied < startMs) {
      fail(
        start.source === 'import'
          ? `replied_at ${cell('replied_at')} is before received_at ${cell('received_at')}`
          : `replied_at ${cell('replied_at')} is before the item was created (${start.targetCreatedAt}, from its ID)`,
      );
      continue;
    }
    const accountId = cell('account_id');
    const known = ctx.resolveAccount(accountId || handle, platform) ?? (accountId ? null : ctx.resolveAccount(handle, platform));
    const account: AccountRef = accountId
      ? { id: accountId, handle, name: cell('account_name') || known?.name || handle, kind: (kindText || known?.kind || 'brand') as AccountKind }
      : (known ?? {
          id: `import:${platform}:${handle.toLowerCase()}`,
          handle,
          name: cell('account_name') || handle,
          kind: (kindText || 'brand') as AccountKind,
        });
    const source = sourceText !== '' && sourceText !== 'unknown' && start.targetCreatedAt !== null ? (sourceText as StartSource) : start.source;
    const sentAt = new Date(replied).toISOString();
    lines.push({
      v: 1,
      type: 'reply',
      id: cell('id') || importedRowId(platform, handle, item, sentAt),
      account,
      platform,
      replyToId: item,
      targetCreatedAt: start.targetCreatedAt,
      startSource: source,
      sentAt,
      responseMs: Number.isNaN(startMs) ? null : replied - startMs,
      excerpt: cell('excerpt') || null,
    });
  }
  if (badDate) errors.push(acceptedDatesText(ctx.zone));
  return errors.length > 0 ? { ok: false, errors } : { ok: true, lines };
}

const isoOrNull = z
  .string()
  .refine((value) => !Number.isNaN(Date.parse(value)), { message: 'is not a date' })
  .nullable();
const exportedEntrySchema = z.object({
  id: z.string().min(1).max(200),
  account: accountRefSchema,
  platform: z.enum(PLATFORM_IDS),
  replyToId: z.string().min(1).max(2000),
  startAt: isoOrNull,
  startSource: z.enum(START_SOURCES),
  sentAt: z.string().refine((value) => !Number.isNaN(Date.parse(value)), { message: 'is not a date' }),
  excerpt: z.string().max(2000).nullable(),
});

/**
 * Parses another manager's JSON export (`schema: 'hatrack.log.export', v: 1`); errors name the entry number.
 * Replies sent before their start, and times after `now`, are rejected as in CSV imports.
 */
export function parseImportJson(text: string, now: Date): ImportParse {
  let document: unknown;
  try {
    document = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    return { ok: false, errors: [`not JSON: ${error instanceof Error ? error.message : String(error)}`] };
  }
  const head = z.object({ schema: z.literal(JSON_EXPORT_SCHEMA), v: z.literal(1), entries: z.array(z.unknown()) }).safeParse(document);
  if (!head.success) return { ok: false, errors: [`not a Hatrack log export (expected schema "${JSON_EXPORT_SCHEMA}", v 1, entries)`] };
  const errors: string[] = [];
  const lines: ReplyLine[] = [];
  head.data.entries.forEach((value, i) => {
    if (errors.length >= MAX_ERRORS) return;
    const parsed = exportedEntrySchema.safeParse(value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      errors.push(`entry ${i + 1}: ${issue?.path.join('.') ?? ''} ${issue?.message ?? 'invalid'}`.replace(/\s+/g, ' '));
      return;
    }
    const entry = parsed.data;
    const start = entry.startAt === null ? NaN : Date.parse(entry.startAt);
    const sent = Date.parse(entry.sentAt);
    const fail = (message: string): void => void errors.push(`entry ${i + 1}: ${message}`);
    if (sent > now.getTime()) return fail(`sentAt ${entry.sentAt} is in the future`);
    if (start > now.getTime()) return fail(`startAt ${entry.startAt ?? ''} is in the future`);
    if (sent < start) return fail(`sentAt ${entry.sentAt} is before startAt ${entry.startAt ?? ''}`);
    lines.push({
      v: 1,
      type: 'reply',
      id: entry.id,
      account: entry.account,
      platform: entry.platform,
      replyToId: entry.replyToId,
      targetCreatedAt: Number.isNaN(start) ? null : new Date(start).toISOString(),
      startSource: Number.isNaN(start) ? 'unknown' : entry.startSource,
      sentAt: new Date(sent).toISOString(),
      responseMs: Number.isNaN(start) ? null : sent - start,
      excerpt: entry.excerpt,
    });
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, lines };
}
