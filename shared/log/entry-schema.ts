// The JSONL log's line vocabulary: one zod schema per line type, all at schema version 1, validated on read.
import { z } from 'zod';
import { PLATFORM_IDS, type PlatformId } from '../platforms/platform-id.ts';
import { POST_ACTIONS } from '../gate/types.ts';
import { ACCOUNT_KINDS } from '../accounts/account.ts';
import { parseIsoMs } from './iso-time.ts';

/** The schema version written in every line (`v`). */
export const LOG_SCHEMA_VERSION = 1;

/** Decodes the creation time carried by an item ID (X snowflake, Bluesky TID, ...); null when it carries none. */
export type DecodeItemTime = (platform: PlatformId, id: string, now?: Date) => Date | null;

/** How a gate decision ended. */
export const GATE_DECISIONS = ['confirmed', 'cancelled', 'timed-out', 'failed-closed', 'blocked-identity', 'undone', 'aborted'] as const;
/** One gate decision outcome. */
export type GateDecision = (typeof GATE_DECISIONS)[number];

/** Where a reply's start time came from. */
export const START_SOURCES = ['decoded', 'manual', 'import', 'unknown'] as const;
/** One start-time provenance. */
export type StartSource = (typeof START_SOURCES)[number];

// Accepts any string Date.parse understands, so lines written with an offset stay readable.
const isoTime = z
  .string()
  .min(10)
  .max(40)
  .refine((value) => !Number.isNaN(Date.parse(value)), { message: 'not an ISO 8601 time' });

/** The account an entry belongs to, copied into each line so the log stays readable after the account is removed. */
export const accountRefSchema = z.object({
  id: z.string().min(1).max(200),
  handle: z.string().min(1).max(200),
  name: z.string().max(200),
  kind: z.enum(ACCOUNT_KINDS),
});
/** An account as the log stores it. */
export type AccountRef = z.infer<typeof accountRefSchema>;

/** A gate decision (audit). */
export const gateLineSchema = z.object({
  v: z.literal(1),
  type: z.literal('gate'),
  at: isoTime,
  requestId: z.string().min(1).max(200),
  account: accountRefSchema,
  platform: z.enum(PLATFORM_IDS),
  action: z.enum(POST_ACTIONS),
  decision: z.enum(GATE_DECISIONS),
  /** The post text, or null when the privacy setting keeps only the hash. */
  text: z.string().nullable(),
  /** SHA-256 of the text (hex), computed by the caller; null when the text was unreadable. */
  textHash: z.string().max(128).nullable(),
});
/** A gate decision line. */
export type GateLine = z.infer<typeof gateLineSchema>;

/** What became of a gated request after the decision (webRequest onCompleted / onErrorOccurred). */
export const gateResultLineSchema = z.object({
  v: z.literal(1),
  type: z.literal('gate-result'),
  at: isoTime,
  requestId: z.string().min(1).max(200),
  status: z.number().int().min(0).max(999).nullable(),
  error: z.string().max(2000).nullable(),
});
/** A gate result line. */
export type GateResultLine = z.infer<typeof gateResultLineSchema>;

/** A reply that went out (2xx), timed against the item it answers. */
export const replyLineSchema = z.object({
  v: z.literal(1),
  type: z.literal('reply'),
  id: z.string().min(1).max(200),
  account: accountRefSchema,
  platform: z.enum(PLATFORM_IDS),
  replyToId: z.string().min(1).max(2000),
  targetCreatedAt: isoTime.nullable(),
  startSource: z.enum(START_SOURCES),
  sentAt: isoTime,
  /** Calendar response time when the line was written; readers recompute it from the folded start. */
  responseMs: z.number().nullable(),
  excerpt: z.string().max(2000).nullable(),
});
/** A reply line. */
export type ReplyLine = z.infer<typeof replyLineSchema>;

/** A manual start time (or a correction of one); the latest correction wins, earlier ones stay as history. */
export const correctionLineSchema = z.object({
  v: z.literal(1),
  type: z.literal('correction'),
  targetId: z.string().min(1).max(200),
  receivedAt: isoTime,
  at: isoTime,
  note: z.string().max(2000).optional(),
});
/** A correction line. */
export type CorrectionLine = z.infer<typeof correctionLineSchema>;

/** A deletion: the entry is hidden from queries and exports but its lines stay in the file. */
export const deletionLineSchema = z.object({
  v: z.literal(1),
  type: z.literal('deletion'),
  targetId: z.string().min(1).max(200),
  at: isoTime,
  reason: z.string().max(2000).optional(),
});
/** A deletion line. */
export type DeletionLine = z.infer<typeof deletionLineSchema>;

/** Any line of the log. */
export const logLineSchema = z.discriminatedUnion('type', [
  gateLineSchema,
  gateResultLineSchema,
  replyLineSchema,
  correctionLineSchema,
  deletionLineSchema,
]);
/** Any line of the log. */
export type LogLine = z.infer<typeof logLineSchema>;

/** A line that changed an entry after it was written (its auditable history). */
export type HistoryLine = CorrectionLine | DeletionLine;

const SOURCES: ReadonlySet<string> = new Set(START_SOURCES);
const KINDS: ReadonlySet<string> = new Set(ACCOUNT_KINDS);
const PLATFORMS: ReadonlySet<string> = new Set(PLATFORM_IDS);
const str = (value: unknown, min: number, max: number): boolean =>
  typeof value === 'string' && value.length >= min && value.length <= max;
const time = (value: unknown): boolean => str(value, 10, 40) && !Number.isNaN(parseIsoMs(value as string));

/**
 * A hand-written check for reply lines (a million of them load at start-up), strictly narrower than
 * `replyLineSchema`: when it says yes, zod would too (a property test keeps them in step). When it says no,
 * zod decides and explains. It never lets through what the schema would reject.
 */
function isPlainReplyLine(value: Record<string, unknown>): value is ReplyLine {
  const account = value.account as Record<string, unknown> | null;
  return (
    value.v === 1 &&
    str(value.id, 1, 200) &&
    typeof account === 'object' &&
    account !== null &&
    !Array.isArray(account) &&
    str(account.id, 1, 200) &&
    str(account.handle, 1, 200) &&
    str(account.name, 0, 200) &&
    KINDS.has(account.kind as string) &&
    PLATFORMS.has(value.platform as string) &&
    str(value.replyToId, 1, 2000) &&
    (value.targetCreatedAt === null || time(value.targetCreatedAt)) &&
    SOURCES.has(value.startSource as string) &&
    time(value.sentAt) &&
    (value.responseMs === null || (typeof value.responseMs === 'number' && Number.isFinite(value.responseMs))) &&
    (value.excerpt === null || str(value.excerpt, 0, 2000))
  );
}

/** Copies only the schema's keys, as zod's parse would (unknown keys are dropped, not kept). */
function pickReply(value: ReplyLine): ReplyLine {
  const account = value.account;
  return {
    v: 1,
    type: 'reply',
    id: value.id,
    account: { id: account.id, handle: account.handle, name: account.name, kind: account.kind },
    platform: value.platform,
    replyToId: value.replyToId,
    targetCreatedAt: value.targetCreatedAt,
    startSource: value.startSource,
    sentAt: value.sentAt,
    responseMs: value.responseMs,
    excerpt: value.excerpt,
  };
}

/**
 * Validates one parsed JSON value as a log line.
 * Returns the line, or a short human reason (first issue's path and message) for the load report.
 */
export function validateLogLine(value: unknown): { ok: true; line: LogLine } | { ok: false; reason: string } {
  if (typeof value === 'object' && value !== null && 'v' in value && value.v !== LOG_SCHEMA_VERSION) {
    return { ok: false, reason: `unsupported schema version ${JSON.stringify(value.v)}` };
  }
  if (typeof value === 'object' && value !== null && (value as { type?: unknown }).type === 'reply') {
    const record = value as Record<string, unknown>;
    if (isPlainReplyLine(record)) return { ok: true, line: pickReply(record) };
  }
  const result = logLineSchema.safeParse(value);
  if (result.success) return { ok: true, line: result.data };
  const issue = result.error.issues[0];
  const path = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
  return { ok: false, reason: `schema: ${path}${issue?.message ?? 'invalid'}` };
}
