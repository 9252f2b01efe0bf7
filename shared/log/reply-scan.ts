// A byte-level reader for reply lines in the exact shape the app writes, so loading a million of them costs
// no JSON.parse objects and no per-line strings. It answers "not mine" for anything else (key order, spacing,
// unknown keys, odd numbers or times, invalid UTF-8), and that line then takes the JSON.parse + schema path.
// When it says yes, the values equal what JSON.parse + validateLogLine yield (a property test checks this).
import { PLATFORM_IDS } from '../platforms/platform-id.ts';
import { ACCOUNT_KINDS } from '../accounts/account.ts';
import { ACCOUNT_REF_KEYS, REPLY_LINE_KEYS, START_SOURCES, type AccountRef, type ReplyLine } from './entry-schema.ts';
import { canonicalIsoMs } from './iso-time.ts';

/** A string field's bytes (between its quotes) and, when it held escapes, its decoded value. */
export interface ScannedText {
  start: number;
  end: number;
  /** Decoded value when the field had backslash escapes; null when the bytes are the UTF-8 of the value. */
  decoded: string | null;
}

/** What a successful scan found; byte offsets point into the scanned buffer. */
export interface ReplyScan {
  id: ScannedText;
  /** The account object's bytes including braces: identical bytes mean an identical account. */
  accountStart: number;
  accountEnd: number;
  accountId: ScannedText;
  handle: ScannedText;
  name: ScannedText;
  kind: number;
  platform: number;
  replyToId: ScannedText;
  /** NaN when targetCreatedAt is null. */
  targetMs: number;
  source: number;
  sentMs: number;
  excerpt: ScannedText;
  excerptNull: boolean;
}

const text = (): ScannedText => ({ start: 0, end: 0, decoded: null });

/** A reusable scan result (one per loader), so scanning allocates nothing for plain lines. */
export function newReplyScan(): ReplyScan {
  return {
    id: text(),
    accountStart: 0,
    accountEnd: 0,
    accountId: text(),
    handle: text(),
    name: text(),
    kind: 0,
    platform: 0,
    replyToId: text(),
    targetMs: NaN,
    source: 0,
    sentMs: NaN,
    excerpt: text(),
    excerptNull: false,
  };
}

const codes = (literal: string): Uint8Array => Uint8Array.from(literal, (c) => c.charCodeAt(0));
/** `,"<key>":` plus what opens its value; the key names are the schema's own (a rename does not compile). */
const key = (name: keyof ReplyLine | keyof AccountRef, open: string): string => `,"${name}":${open}`;
const P_HEAD = codes(`{"v":1${key('type', '"reply"')}${key('id', '"')}`);
const P_ACCOUNT = codes(key('account', '{"id":"'));
const P_HANDLE = codes(key('handle', '"'));
const P_NAME = codes(key('name', '"'));
const P_KIND = codes(key('kind', '"'));
const P_PLATFORM = codes(`}${key('platform', '"')}`);
const P_REPLY_TO = codes(key('replyToId', '"'));
const P_TARGET = codes(key('targetCreatedAt', ''));
const P_SOURCE = codes(key('startSource', '"'));
const P_SENT = codes(key('sentAt', '"'));
const P_RESPONSE = codes(key('responseMs', ''));
const P_EXCERPT = codes(key('excerpt', ''));

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
const ACCOUNT_SCAN_ORDER: { readonly [K in keyof AccountRef]-?: number } = { id: 0, handle: 1, name: 2, kind: 3 };

function assertOrder<K extends string>(what: string, schemaKeys: readonly K[], order: { readonly [P in K]: number }): void {
  const scanned = (Object.keys(order) as K[]).sort((a, b) => order[a] - order[b]);
  if (scanned.join() !== schemaKeys.join()) {
    throw new Error(`reply-scan reads a ${what} as ${scanned.join()}, but the schema writes ${schemaKeys.join()}`);
  }
}
assertOrder('reply line', REPLY_LINE_KEYS, SCAN_ORDER);
assertOrder('account', ACCOUNT_REF_KEYS, ACCOUNT_SCAN_ORDER);

const NULL = codes('null');
const ACCOUNT_BRACE = P_ACCOUNT.indexOf(0x7b);
const KIND_CODES = ACCOUNT_KINDS.map(codes);
const PLATFORM_CODES = PLATFORM_IDS.map(codes);
const SOURCE_CODES = START_SOURCES.map(codes);
const QUOTE = 0x22;
const decoder = new TextDecoder('utf-8', { fatal: false });

function literal(b: Uint8Array, at: number, end: number, lit: Uint8Array): number {
  if (at + lit.length > end) return -1;
  for (let k = 0; k < lit.length; k++) if (b[at + k] !== lit[k]) return -1;
  return at + lit.length;
}

/** Scans a JSON string body from `at` (just after its opening quote); returns the index after the closing quote or -1. */
function string(b: Uint8Array, at: number, end: number, out: ScannedText, min: number, max: number): number {
  let i = at;
  let units = 0;
  let escaped = false;
  for (;;) {
    if (i >= end) return -1;
    const c = b[i] as number;
    if (c === QUOTE) break;
    if (c < 0x20) return -1;
    if (c === 0x5c) {
      escaped = true;
      i += 2;
      continue;
    }
    if (c < 0x80) {
      units++;
      i++;
      continue;
    }
    // Strict UTF-8 only (no overlongs, surrogates or > U+10FFFF): then decoding cannot differ from the line's.
    const n = utf8Length(b, i, end);
    if (n < 0) return -1;
    units += n === 4 ? 2 : 1;
    i += n;
  }
  out.start = at;
  out.end = i;
  out.decoded = null;
  if (escaped) {
    let value: unknown;
    try {
      value = JSON.parse(decoder.decode(b.subarray(at - 1, i + 1)));
    } catch {
      return -1;
    }
    if (typeof value !== 'string') return -1;
    out.decoded = value;
    units = value.length;
  }
  return units < min || units > max ? -1 : i + 1;
}

function utf8Length(b: Uint8Array, i: number, end: number): number {
  const c = b[i] as number;
  const cont = (k: number): boolean => i + k < end && ((b[i + k] as number) & 0xc0) === 0x80;
  if (c >= 0xc2 && c <= 0xdf) return cont(1) ? 2 : -1;
  if (c >= 0xe0 && c <= 0xef) {
    if (!cont(1) || !cont(2)) return -1;
    const c1 = b[i + 1] as number;
    if (c === 0xe0 && c1 < 0xa0) return -1;
    if (c === 0xed && c1 >= 0xa0) return -1;
    return 3;
  }
  if (c >= 0xf0 && c <= 0xf4) {
    if (!cont(1) || !cont(2) || !cont(3)) return -1;
    const c1 = b[i + 1] as number;
    if (c === 0xf0 && c1 < 0x90) return -1;
    if (c === 0xf4 && c1 >= 0x90) return -1;
    return 4;
  }
  return -1;
}

/** Matches a quoted enum value (opening quote already consumed); stores the index in `found[0]`. */
function choice(b: Uint8Array, at: number, end: number, options: readonly Uint8Array[], found: Int32Array): number {
  for (let k = 0; k < options.length; k++) {
    const next = literal(b, at, end, options[k] as Uint8Array);
    if (next >= 0 && b[next] === QUOTE) {
      found[0] = k;
      return next + 1;
    }
  }
  return -1;
}

/** Reads `"YYYY-MM-DDTHH:MM:SS.sssZ"` (opening quote consumed) with in-range fields; NaN otherwise (Date.parse decides). */
function time(b: Uint8Array, at: number, end: number): number {
  if (at + 25 > end || b[at + 24] !== QUOTE) return NaN;
  return canonicalIsoMs(b, at);
}

/** `null`, or a JSON number without exponent and with at most 15 digits each side (always finite). */
function responseMs(b: Uint8Array, at: number, end: number): number {
  const isNull = literal(b, at, end, NULL);
  if (isNull >= 0) return isNull;
  let i = at;
  if (b[i] === 45) i++;
  const first = i;
  while (i < end && (b[i] as number) >= 48 && (b[i] as number) <= 57) i++;
  if (i === first || i - first > 15 || (b[first] === 48 && i - first > 1)) return -1;
  if (b[i] === 46) {
    const frac = ++i;
    while (i < end && (b[i] as number) >= 48 && (b[i] as number) <= 57) i++;
    if (i === frac || i - frac > 15) return -1;
  }
  return i;
}

const found = new Int32Array(1);

/**
 * Scans `b[start, end)` as one reply line in the app's own key order; fills `out` and returns true, or returns
 * false for anything else (the caller then uses JSON.parse and the schema, which also explain rejections).
 */
export function scanReplyLine(b: Uint8Array, start: number, end: number, out: ReplyScan): boolean {
  let at = literal(b, start, end, P_HEAD);
  if (at < 0 || (at = string(b, at, end, out.id, 1, 200)) < 0) return false;
  out.accountStart = at + ACCOUNT_BRACE;
  if ((at = literal(b, at, end, P_ACCOUNT)) < 0 || (at = string(b, at, end, out.accountId, 1, 200)) < 0) return false;
  if ((at = literal(b, at, end, P_HANDLE)) < 0 || (at = string(b, at, end, out.handle, 1, 200)) < 0) return false;
  if ((at = literal(b, at, end, P_NAME)) < 0 || (at = string(b, at, end, out.name, 0, 200)) < 0) return false;
  if ((at = literal(b, at, end, P_KIND)) < 0 || (at = choice(b, at, end, KIND_CODES, found)) < 0) return false;
  out.kind = found[0] as number;
  out.accountEnd = at + 1;
  if ((at = literal(b, at, end, P_PLATFORM)) < 0 || (at = choice(b, at, end, PLATFORM_CODES, found)) < 0) return false;
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
  if ((at = literal(b, at, end, P_SOURCE)) < 0 || (at = choice(b, at, end, SOURCE_CODES, found)) < 0) return false;
  out.source = found[0] as number;
  if ((at = literal(b, at, end, P_SENT)) < 0) return false;
  out.sentMs = time(b, at, end);
  if (Number.isNaN(out.sentMs)) return false;
  at += 25;
  if ((at = literal(b, at, end, P_RESPONSE)) < 0 || (at = responseMs(b, at, end)) < 0) return false;
  if ((at = literal(b, at, end, P_EXCERPT)) < 0) return false;
  const excerptNull = literal(b, at, end, NULL);
  if (excerptNull >= 0) {
    at = excerptNull;
    out.excerptNull = true;
  } else {
    if (b[at] !== QUOTE || (at = string(b, at + 1, end, out.excerpt, 0, 2000)) < 0) return false;
    out.excerptNull = false;
  }
  return at + 1 === end && b[at] === 0x7d;
}

/** A scanned string field's value. */
export function scannedString(b: Uint8Array, field: ScannedText): string {
  return field.decoded ?? decoder.decode(b.subarray(field.start, field.end));
}

/** The scanned account as an AccountRef. */
export function scannedAccount(b: Uint8Array, scan: ReplyScan): AccountRef {
  return {
    id: scannedString(b, scan.accountId),
    handle: scannedString(b, scan.handle),
    name: scannedString(b, scan.name),
    kind: ACCOUNT_KINDS[scan.kind] as AccountRef['kind'],
  };
}
