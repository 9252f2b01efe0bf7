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
export const GATE_DECISIONS = ['confirmed', 'cancelled', 'timed-out', 'failed-closed', 'blocked-identity', 'undone'] as const;
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

/**
 * A reply line's keys in the order the app writes them: the order of `replyLineSchema`'s shape. The byte reader
 * (reply-scan.ts), the quick check below and the column index (reply-index.ts) all follow this list, or fail.
 */
export const REPLY_LINE_KEYS = Object.keys(replyLineSchema.shape) as ReadonlyArray<keyof ReplyLine>;
/** An account's keys in the order the app writes them (the order of `accountRefSchema`'s shape). */
export const ACCOUNT_REF_KEYS = Object.keys(accountRefSchema.shape) as ReadonlyArray<keyof AccountRef>;

const SOURCES: ReadonlySet<string> = new Set(START_SOURCES);
const KINDS: ReadonlySet<string> = new Set(ACCOUNT_KINDS);
const PLATFORMS: ReadonlySet<string> = new Set(PLATFORM_IDS);
const str = (min: number, max: number) => (value: unknown): boolean => typeof value === 'string' && value.length >= min && value.length <= max;
const time = (value: unknown): boolean => typeof value === 'string' && value.length >= 10 && value.length <= 40 && !Number.isNaN(parseIsoMs(value));
const nullOr = (check: (value: unknown) => boolean) => (value: unknown): boolean => value === null || check(value);

// One check per field, typed by the schema: a field added to replyLineSchema does not compile here until it has one.
const ACCOUNT_CHECKS: { readonly [K in keyof AccountRef]-?: (value: unknown) => boolean } = {
  id: str(1, 200),
  handle: str(1, 200),
  name: str(0, 200),
  kind: (value) => KINDS.has(value as string),
};
const REPLY_CHECKS: { readonly [K in keyof ReplyLine]-?: (value: unknown) => boolean } = {
  v: (value) => value === 1,
  type: (value) => value === 'reply',
  id: str(1, 200),
  account: (value) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
    const account = value as Record<string, unknown>;
    for (const key of ACCOUNT_REF_KEYS) if (!ACCOUNT_CHECKS[key](account[key])) return false;
    return true;
  },
  platform: (value) => PLATFORMS.has(value as string),
  replyToId: str(1, 2000),
  targetCreatedAt: nullOr(time),
  startSource: (value) => SOURCES.has(value as string),
  sentAt: time,
  responseMs: nullOr((value) => typeof value === 'number' && Number.isFinite(value)),
  excerpt: nullOr(str(0, 2000)),
};

/**
 * A hand-written check for reply lines (a million of them load at start-up), strictly narrower than
 * `replyLineSchema`: when it says yes, zod would too (a property test keeps them in step). When it says no,
 * zod decides and explains. It never lets through what the schema would reject.
 */
function isPlainReplyLine(value: Record<string, unknown>): value is ReplyLine {
  for (const key of REPLY_LINE_KEYS) if (!REPLY_CHECKS[key](value[key])) return false;
  return true;
}

/** Copies only the schema's keys, in the schema's order, as zod's parse would (unknown keys are dropped, not kept). */
function pickReply(value: ReplyLine): ReplyLine {
  const line: Record<string, unknown> = {};
  for (const key of REPLY_LINE_KEYS) line[key] = value[key];
  const account: Record<string, unknown> = {};
  for (const key of ACCOUNT_REF_KEYS) account[key] = value.account[key];
  line.account = account;
  return line as unknown as ReplyLine;
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
