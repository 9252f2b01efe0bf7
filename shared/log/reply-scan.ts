// A byte-level reader for reply lines in the exact shape the app writes, so loading a million of them costs
// no JSON.parse objects and no per-line strings. It answers "not mine" for anything else (key order, spacing,
// unknown keys, odd numbers or times, invalid UTF-8), and that line then takes the JSON.parse + schema path.
// When it says yes, the values equal what JSON.parse + validateLogLine yield (a property test checks this).
import { PLATFORM_IDS } from '../platforms/platform-id.ts';
import { REPLY_LINE_KEYS, START_SOURCES, type ReplyLine } from './entry-schema.ts';
import {
  account,
  accountScan,
  assertOrder,
  choice,
  codes,
  found,
  headCodes,
  keyCodes,
  literal,
  NULL,
  nullableString,
  number,
  QUOTE,
  scannedText,
  string,
  time,
  type AccountScan,
  type ScannedText,
} from './json-bytes.ts';

/** What a successful scan found; byte offsets point into the scanned buffer. */
export interface ReplyScan {
  id: ScannedText;
  account: AccountScan;
  platform: number;
  replyToId: ScannedText;
  /** NaN when targetCreatedAt is null. */
  targetMs: number;
  source: number;
  sentMs: number;
  excerpt: ScannedText;
  excerptNull: boolean;
}

/** A reusable scan result (one per loader), so scanning allocates nothing for plain lines. */
export function newReplyScan(): ReplyScan {
  return {
    id: scannedText(),
    account: accountScan(),
    platform: 0,
    replyToId: scannedText(),
    targetMs: NaN,
    source: 0,
    sentMs: NaN,
    excerpt: scannedText(),
    excerptNull: false,
  };
}

const P_HEAD = headCodes<ReplyLine>('reply', 'id');
const P_ACCOUNT = keyCodes<ReplyLine>('account', '');
const P_PLATFORM = keyCodes<ReplyLine>('platform', '"');
const P_REPLY_TO = keyCodes<ReplyLine>('replyToId', '"');
const P_TARGET = keyCodes<ReplyLine>('targetCreatedAt', '');
const P_SOURCE = keyCodes<ReplyLine>('startSource', '"');
const P_SENT = keyCodes<ReplyLine>('sentAt', '"');
const P_RESPONSE = keyCodes<ReplyLine>('responseMs', '');
const P_EXCERPT = keyCodes<ReplyLine>('excerpt', '');

// The order this reader takes the fields in. It must be the schema's (the order the app writes): checked when the
// module loads, so a field added to or moved in replyLineSchema fails every test that loads the log until this
// reader follows. The types make the same demand at compile time: every field needs a place here.
const SCAN_ORDER: { readonly [K in keyof ReplyLine]-?: number } = {
  v: 0,
  type: 1,
  id: 2,
  account: 3,
  platform: 4,
  replyToId: 5,
  targetCreatedAt: 6,
  startSource: 7,
  sentAt: 8,
  responseMs: 9,
  excerpt: 10,
};
assertOrder('reply line', REPLY_LINE_KEYS, SCAN_ORDER);

const PLATFORM_CODES = PLATFORM_IDS.map(codes);
const SOURCE_CODES = START_SOURCES.map(codes);

/**
 * Scans `b[start, end)` as one reply line in the app's own key order; fills `out` and returns true, or returns
 * false for anything else (the caller then uses JSON.parse and the schema, which also explain rejections).
 */
export function scanReplyLine(b: Uint8Array, start: number, end: number, out: ReplyScan): boolean {
  let at = literal(b, start, end, P_HEAD);
  if (at < 0 || (at = string(b, at, end, out.id, 1, 200)) < 0) return false;
  if ((at = literal(b, at, end, P_ACCOUNT)) < 0 || (at = account(b, at, end, out.account)) < 0) return false;
  if ((at = literal(b, at, end, P_PLATFORM)) < 0 || (at = choice(b, at, end, PLATFORM_CODES)) < 0) return false;
  out.platform = found[0] as number;
  if ((at = literal(b, at, end, P_REPLY_TO)) < 0 || (at = string(b, at, end, out.replyToId, 1, 2000)) < 0) return false;
  if ((at = literal(b, at, end, P_TARGET)) < 0) return false;
  const isNull = literal(b, at, end, NULL);
  if (isNull >= 0) {
    out.targetMs = NaN;
    at = isNull;
  } else {
    if (b[at] !== QUOTE) return false;
    out.targetMs = time(b, at + 1, end);
    if (Number.isNaN(out.targetMs)) return false;
    at += 26;
  }
  if ((at = literal(b, at, end, P_SOURCE)) < 0 || (at = choice(b, at, end, SOURCE_CODES)) < 0) return false;
  out.source = found[0] as number;
  if ((at = literal(b, at, end, P_SENT)) < 0) return false;
  out.sentMs = time(b, at, end);
  if (Number.isNaN(out.sentMs)) return false;
  at += 25;
  if ((at = literal(b, at, end, P_RESPONSE)) < 0 || (at = responseMs(b, at, end)) < 0) return false;
  if ((at = literal(b, at, end, P_EXCERPT)) < 0) return false;
  if ((at = nullableString(b, at, end, out.excerpt, 0, 2000)) < 0) return false;
  out.excerptNull = out.excerpt.start < 0;
  return at + 1 === end && b[at] === 0x7d;
}

/** `null`, or a JSON number as {@link number} reads it. */
function responseMs(b: Uint8Array, at: number, end: number): number {
  const isNull = literal(b, at, end, NULL);
  return isNull >= 0 ? isNull : number(b, at, end);
}
