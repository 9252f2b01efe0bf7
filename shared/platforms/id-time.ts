// ID → creation-time decoders for platforms whose IDs embed a timestamp (pure BigInt arithmetic).

const FUTURE_SLACK_MS = 5 * 60_000;

/** X's snowflake epoch (2010-11-04T01:42:54.657Z). */
export const X_EPOCH_MS = 1288834974657;
/** Instagram's media-ID epoch (2011-08-24T21:07:01.721Z). */
export const INSTAGRAM_EPOCH_MS = 1314220021721;

const X_MIN_MS = X_EPOCH_MS + 60_000; // pre-snowflake sequential IDs decode to the epoch's first seconds
const MASTODON_MIN_MS = Date.UTC(2016, 0, 1);
const BLUESKY_MIN_MS = Date.UTC(2022, 10, 1);
const INSTAGRAM_MIN_MS = INSTAGRAM_EPOCH_MS + 86_400_000;
const LINKEDIN_MIN_MS = Date.UTC(2003, 4, 5);

const DECIMAL_64 = /^\d{1,20}$/;
const U64_MAX = (1n << 64n) - 1n;

function toU64(id: string): bigint | null {
  if (!DECIMAL_64.test(id)) return null;
  const value = BigInt(id);
  return value > U64_MAX ? null : value;
}

function plausible(ms: number, minMs: number, now: Date): Date | null {
  if (!Number.isFinite(ms) || ms < minMs || ms > now.getTime() + FUTURE_SLACK_MS) return null;
  return new Date(ms);
}

/** X snowflake: ms = (id >> 22) + X_EPOCH_MS. Pre-snowflake IDs (before 2010-11-04) → null. */
export function decodeXSnowflake(id: string, now: Date = new Date()): Date | null {
  const value = toU64(id.trim());
  if (value === null) return null;
  return plausible(Number(value >> 22n) + X_EPOCH_MS, X_MIN_MS, now);
}

/** Mastodon: the high 48 bits are ms since the Unix epoch. Old sequential IDs (pre-2016 decodes) → null. */
export function decodeMastodonId(id: string, now: Date = new Date()): Date | null {
  const value = toU64(id.trim());
  if (value === null) return null;
  return plausible(Number(value >> 16n), MASTODON_MIN_MS, now);
}

const TID_ALPHABET = '234567abcdefghijklmnopqrstuvwxyz';

/**
 * Bluesky TID (a bare 13-char TID or an `at://…/<collection>/<rkey>` URI whose rkey is one):
 * base32-sortable, top bit 0, then 53 bits of microseconds since the Unix epoch, then 10 bits of clock id.
 */
export function decodeBlueskyTid(idOrUri: string, now: Date = new Date()): Date | null {
  const trimmed = idOrUri.trim();
  const tid = trimmed.startsWith('at://') ? (trimmed.split('/').pop() ?? '') : trimmed;
  if (!/^[234567a-z]{13}$/.test(tid)) return null;
  let value = 0n;
  for (const ch of tid) value = (value << 5n) | BigInt(TID_ALPHABET.indexOf(ch));
  if (value >> 63n !== 0n) return null;
  const micros = value >> 10n;
  return plausible(Number(micros / 1000n), BLUESKY_MIN_MS, now);
}

const SHORTCODE_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** Instagram shortcode (the `/p/<code>/` part) → numeric media ID, or null when it is not one. */
export function instagramShortcodeToMediaId(shortcode: string): string | null {
  if (!/^[A-Za-z0-9_-]{1,11}$/.test(shortcode)) return null;
  let value = 0n;
  for (const ch of shortcode) value = value * 64n + BigInt(SHORTCODE_ALPHABET.indexOf(ch));
  return value > U64_MAX ? null : value.toString();
}

/**
 * Instagram/Threads media ID (`3141…`, `3141…_12345` with the owner suffix, or a shortcode):
 * ms = (id >> 23) + INSTAGRAM_EPOCH_MS.
 */
export function decodeInstagramMediaId(id: string, now: Date = new Date()): Date | null {
  const trimmed = id.trim();
  const numeric = /^\d+(_\d+)?$/.test(trimmed) ? (trimmed.split('_')[0] ?? '') : instagramShortcodeToMediaId(trimmed);
  if (numeric === null) return null;
  const value = toU64(numeric);
  if (value === null) return null;
  return plausible(Number(value >> 23n) + INSTAGRAM_EPOCH_MS, INSTAGRAM_MIN_MS, now);
}

/**
 * LinkedIn activity/share/ugcPost/comment URN or bare ID: ms = id >> 22 (the first 41 of 63 bits).
 * For a comment URN such as `urn:li:comment:(activity:1,2)` the comment's own (last) ID is decoded.
 */
export function decodeLinkedInUrn(urnOrId: string, now: Date = new Date()): Date | null {
  const trimmed = urnOrId.trim();
  if (!/^\d+$/.test(trimmed) && !trimmed.startsWith('urn:li:')) return null;
  const ids = trimmed.match(/\d{6,20}/g);
  const last = ids?.[ids.length - 1];
  if (last === undefined) return null;
  const value = toU64(last);
  if (value === null) return null;
  return plausible(Number(value >> 22n), LINKEDIN_MIN_MS, now);
}
