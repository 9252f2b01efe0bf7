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
export const logLineSchema = z.discriminatedUnion('type', [gateLineSchema, gateResultLineSchema, replyLineSchema, correctionLineSchema, deletionLineSchema]);
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
const str =
  (min: number, max: number) =>
  (value: unknown): boolean =>
    typeof value === 'string' && value.length >= min && value.length <= max;
const time = (value: unknown): boolean => typeof value === 'string' && value.length >= 10 && value.length <= 40 && !Number.isNaN(parseIsoMs(value));
const nullOr =
  (check: (value: unknown) => boolean) =>
  (value: unknown): boolean =>
    value === null || check(value);

/** One check per field of T, typed by the schema: a field added to a line schema does not compile here until it has one. */
type Checks<T> = { readonly [K in keyof T]-?: (value: unknown) => boolean };
const oneOf =
  (values: ReadonlySet<unknown>) =>
  (value: unknown): boolean =>
    values.has(value);
const optional =
  (check: (value: unknown) => boolean) =>
  (value: unknown): boolean =>
    value === undefined || check(value);

const ACCOUNT_CHECKS: Checks<AccountRef> = {
  id: str(1, 200),
  handle: str(1, 200),
  name: str(0, 200),
  kind: oneOf(KINDS),
};
const account = (value: unknown): boolean => {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const record = value as Record<string, unknown>;
  for (const key of ACCOUNT_REF_KEYS) if (!ACCOUNT_CHECKS[key](record[key])) return false;
  return true;
};
const REPLY_CHECKS: Checks<ReplyLine> = {
  v: (value) => value === 1,
  type: (value) => value === 'reply',
  id: str(1, 200),
  account,
  platform: oneOf(PLATFORMS),
  replyToId: str(1, 2000),
  targetCreatedAt: nullOr(time),
  startSource: oneOf(SOURCES),
  sentAt: time,
  responseMs: nullOr((value) => typeof value === 'number' && Number.isFinite(value)),
  excerpt: nullOr(str(0, 2000)),
};
const GATE_CHECKS: Checks<GateLine> = {
  v: (value) => value === 1,
  type: (value) => value === 'gate',
  at: time,
  requestId: str(1, 200),
  account,
  platform: oneOf(PLATFORMS),
  action: oneOf(new Set(POST_ACTIONS)),
  decision: oneOf(new Set(GATE_DECISIONS)),
  text: nullOr((value) => typeof value === 'string'),
  textHash: nullOr(str(0, 128)),
};
const GATE_RESULT_CHECKS: Checks<GateResultLine> = {
  v: (value) => value === 1,
  type: (value) => value === 'gate-result',
  at: time,
  requestId: str(1, 200),
  status: nullOr((value) => Number.isInteger(value) && (value as number) >= 0 && (value as number) <= 999),
  error: nullOr(str(0, 2000)),
};
const CORRECTION_CHECKS: Checks<CorrectionLine> = {
  v: (value) => value === 1,
  type: (value) => value === 'correction',
  targetId: str(1, 200),
  receivedAt: time,
  at: time,
  note: optional(str(0, 2000)),
};

/** A quick path per line type: its keys in schema order, and its checks. */
interface Quick {
  keys: readonly string[];
  checks: Readonly<Record<string, (value: unknown) => boolean>>;
}
// The checks' own types already tie them to their schema; this only pairs them with the schema's key order.
const quick = (schema: { shape: object }, checks: object): Quick => ({
  keys: Object.keys(schema.shape),
  checks: checks as Quick['checks'],
});
const QUICK: Readonly<Record<string, Quick>> = {
  reply: quick(replyLineSchema, REPLY_CHECKS),
  gate: quick(gateLineSchema, GATE_CHECKS),
  'gate-result': quick(gateResultLineSchema, GATE_RESULT_CHECKS),
  correction: quick(correctionLineSchema, CORRECTION_CHECKS),
};

/** True when `value`'s own keys are exactly the present ones of `keys`, in that order (what zod's output would have). */
function exactKeys(value: object, keys: readonly string[]): boolean {
  const own = Object.keys(value);
  let k = 0;
  // Absent (optional) keys are skipped; a key out of order or not in the schema is left unmatched.
  for (const key of keys) if (own[k] === key) k++;
  return k === own.length;
}

/**
 * Hand-written checks for the lines loaded by the million at start-up, strictly narrower than the zod schemas:
 * when one says yes, zod would too, with the same result (a property test keeps them in step). When it says no,
 * zod decides and explains. Returns the line with only the schema's keys, in the schema's order (as zod would),
 * or null. With `adopt`, a value already in that exact shape is returned itself rather than copied.
 */
function quickLine(value: Record<string, unknown>, adopt: boolean): LogLine | null {
  const path = QUICK[value.type as string];
  if (path === undefined) return null;
  for (const key of path.keys) if (!(path.checks[key] as (value: unknown) => boolean)(value[key])) return null;
  // The app writes lines in exactly this shape: then building an equal copy of each of a million lines is waste.
  if (adopt && exactKeys(value, path.keys) && (value.account === undefined || exactKeys(value.account as object, ACCOUNT_REF_KEYS))) {
    return value as unknown as LogLine;
  }
  const line: Record<string, unknown> = {};
  // An optional key absent stays absent, as in zod's output (and a present one is copied even when undefined).
  for (const key of path.keys) if (Object.hasOwn(value, key)) line[key] = value[key];
  if (line.account !== undefined) {
    const source = line.account as Record<string, unknown>;
    const copy: Record<string, unknown> = {};
    for (const key of ACCOUNT_REF_KEYS) copy[key] = source[key];
    line.account = copy;
  }
  return line as unknown as LogLine;
}

/**
 * Validates one parsed JSON value as a log line.
 * Returns the line, or a short human reason (first issue's path and message) for the load report.
 */
export function validateLogLine(value: unknown): { ok: true; line: LogLine } | { ok: false; reason: string } {
  return validate(value, false);
}

/**
 * As {@link validateLogLine}, for a value the caller owns outright (fresh from `JSON.parse`): when it already has
 * exactly the schema's keys in the schema's order, the value itself is returned as the line, not a copy.
 */
export function validateParsedLine(value: unknown): { ok: true; line: LogLine } | { ok: false; reason: string } {
  return validate(value, true);
}

function validate(value: unknown, adopt: boolean): { ok: true; line: LogLine } | { ok: false; reason: string } {
  if (typeof value === 'object' && value !== null && 'v' in value && value.v !== LOG_SCHEMA_VERSION) {
    return { ok: false, reason: `unsupported schema version ${JSON.stringify(value.v)}` };
  }
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const line = quickLine(value as Record<string, unknown>, adopt);
    if (line !== null) return { ok: true, line };
  }
  const result = logLineSchema.safeParse(value);
  if (result.success) return { ok: true, line: result.data };
  const issue = result.error.issues[0];
  const path = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
  return { ok: false, reason: `schema: ${path}${issue?.message ?? 'invalid'}` };
}

/**
 * Parses a line the log kept as text after validating it (gate and history lines are stored that way): the same
 * text validates the same way again, so a failure here is a bug, and throws.
 */
export function rereadStoredLine<T extends LogLine['type']>(text: string, ...types: T[]): Extract<LogLine, { type: T }> {
  const checked = validateLogLine(JSON.parse(text));
  if (!checked.ok || !(types as string[]).includes(checked.line.type)) throw new Error(`a stored ${types.join(' or ')} line no longer validates`);
  return checked.line as Extract<LogLine, { type: T }>;
}
