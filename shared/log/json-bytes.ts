// Reading JSON values straight from a log line's UTF-8 bytes, for the line scanners (reply-scan.ts, line-scan.ts).
// Each reader accepts only a plain form whose value is certain (strict UTF-8, no exponents, canonical times) and
// returns the index after the value, or -1: the caller then declines the line and JSON.parse + the schema decide.
import { ACCOUNT_KINDS } from '../accounts/account.ts';
import { ACCOUNT_REF_KEYS, type AccountRef } from './entry-schema.ts';
import { canonicalIsoMs } from './iso-time.ts';

/** A string field's bytes (between its quotes) and, when it held escapes, its decoded value. */
export interface ScannedText {
  start: number;
  end: number;
  /** Decoded value when the field had backslash escapes; null when the bytes are the UTF-8 of the value. */
  decoded: string | null;
}

/** An empty ScannedText, to be filled by {@link string}. */
export const scannedText = (): ScannedText => ({ start: 0, end: 0, decoded: null });

/** The bytes of an ASCII literal. */
export const codes = (literal: string): Uint8Array => Uint8Array.from(literal, (c) => c.charCodeAt(0));

/** `,"<key>":` plus what opens its value (keys are typed by the caller, so a renamed field does not compile). */
export const key = (name: string, open: string): string => `,"${name}":${open}`;

/** The bytes of {@link key} for a field of line type T: `keyCodes<GateLine>('text', '')`. */
export const keyCodes = <T>(name: keyof T & string, open: string): Uint8Array => codes(key(name, open));

/** How every line of type T starts, up to its first field's opening quote: `{"v":1,"type":"<type>","<first>":"`. */
export const headCodes = <T extends { type: string }>(type: T['type'], first: keyof T & string): Uint8Array =>
  codes(`{"v":1${key('type', `"${type}"`)}${key(first, '"')}`);

export const QUOTE = 0x22;
const BACKSLASH = 0x5c;
/** What a byte is inside a JSON string: one table lookup per byte in the common case. */
const PLAIN = 0;
const END = 1;
const ESCAPE = 2;
const CONTROL = 3;
const MULTI_BYTE = 4;
const BYTE_KIND = Uint8Array.from({ length: 256 }, (_, c) =>
  c === QUOTE ? END : c === BACKSLASH ? ESCAPE : c < 0x20 ? CONTROL : c >= 0x80 ? MULTI_BYTE : PLAIN,
);
export const NULL = codes('null');
// ignoreBOM: a value may start with U+FEFF, which a TextDecoder at its default drops as a byte order mark.
const decoder = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });

/** Index after `lit` when `b[at…]` starts with it, else -1. */
export function literal(b: Uint8Array, at: number, end: number, lit: Uint8Array): number {
  if (at + lit.length > end) return -1;
  for (let k = 0; k < lit.length; k++) if (b[at + k] !== lit[k]) return -1;
  return at + lit.length;
}

/**
 * Scans a JSON string body from `at` (just after its opening quote) whose length in UTF-16 units is within
 * [min, max]; returns the index after the closing quote, or -1.
 */
export function string(b: Uint8Array, at: number, end: number, out: ScannedText, min: number, max: number): number {
  let i = at;
  // UTF-16 units = bytes - surplus, where each multi-byte character adds its bytes beyond its units.
  let surplus = 0;
  let escaped = false;
  for (;;) {
    if (i >= end) return -1;
    const kind = BYTE_KIND[b[i] as number] as number;
    if (kind === PLAIN) {
      i++;
      continue;
    }
    if (kind === END) break;
    if (kind === ESCAPE) {
      escaped = true;
      i += 2;
      continue;
    }
    if (kind === CONTROL) return -1;
    // Strict UTF-8 only (no overlongs, surrogates or > U+10FFFF): then decoding cannot differ from the line's.
    const n = utf8Length(b, i, end);
    if (n < 0) return -1;
    surplus += n === 4 ? 2 : n - 1;
    i += n;
  }
  out.start = at;
  out.end = i;
  out.decoded = null;
  let units = i - at - surplus;
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

/** A nullable string: `null` (then `out.start` is -1) or a quoted string as {@link string} reads it. */
export function nullableString(b: Uint8Array, at: number, end: number, out: ScannedText, min: number, max: number): number {
  const isNull = literal(b, at, end, NULL);
  if (isNull >= 0) {
    out.start = -1;
    out.end = -1;
    out.decoded = null;
    return isNull;
  }
  return b[at] === QUOTE ? string(b, at + 1, end, out, min, max) : -1;
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

/** Where {@link choice} puts the index of the option it matched. */
export const found = new Int32Array(1);

/** Matches a quoted enum value (opening quote already consumed); stores the index in `found[0]`. */
export function choice(b: Uint8Array, at: number, end: number, options: readonly Uint8Array[]): number {
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
export function time(b: Uint8Array, at: number, end: number): number {
  if (at + 25 > end || b[at + 24] !== QUOTE) return NaN;
  return canonicalIsoMs(b, at);
}

/** Index after a JSON number without exponent and with at most 15 digits each side (always finite), or -1. */
export function number(b: Uint8Array, at: number, end: number): number {
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

/** What {@link account} found: the object's bytes including braces (identical bytes mean an identical account). */
export interface AccountScan {
  start: number;
  end: number;
  id: ScannedText;
  handle: ScannedText;
  name: ScannedText;
  kind: number;
}

export const accountScan = (): AccountScan => ({ start: 0, end: 0, id: scannedText(), handle: scannedText(), name: scannedText(), kind: 0 });

const A_ID = codes(`{"${ACCOUNT_REF_KEYS[0]}":"`);
const A_HANDLE = codes(key(ACCOUNT_REF_KEYS[1] as string, '"'));
const A_NAME = codes(key(ACCOUNT_REF_KEYS[2] as string, '"'));
const A_KIND = codes(key(ACCOUNT_REF_KEYS[3] as string, '"'));
const KIND_CODES = ACCOUNT_KINDS.map(codes);
// The account's keys as accountRefSchema writes them; the names above are read from the schema, this checks the count.
if (ACCOUNT_REF_KEYS.join() !== 'id,handle,name,kind')
  throw new Error(`json-bytes reads an account as id,handle,name,kind, the schema writes ${ACCOUNT_REF_KEYS.join()}`);

/** Scans an account object in the schema's key order from its `{`; returns the index after its `}`, or -1. */
export function account(b: Uint8Array, at: number, end: number, out: AccountScan): number {
  out.start = at;
  if ((at = literal(b, at, end, A_ID)) < 0 || (at = string(b, at, end, out.id, 1, 200)) < 0) return -1;
  if ((at = literal(b, at, end, A_HANDLE)) < 0 || (at = string(b, at, end, out.handle, 1, 200)) < 0) return -1;
  if ((at = literal(b, at, end, A_NAME)) < 0 || (at = string(b, at, end, out.name, 0, 200)) < 0) return -1;
  if ((at = literal(b, at, end, A_KIND)) < 0 || (at = choice(b, at, end, KIND_CODES)) < 0) return -1;
  out.kind = found[0] as number;
  if (b[at] !== 0x7d) return -1;
  out.end = at + 1;
  return at + 1;
}

/** A scanned string field's value. */
export function scannedString(b: Uint8Array, field: ScannedText): string {
  return field.decoded ?? decoder.decode(b.subarray(field.start, field.end));
}

/** The scanned account as an AccountRef. */
export function scannedAccountRef(b: Uint8Array, scan: AccountScan): AccountRef {
  return {
    id: scannedString(b, scan.id),
    handle: scannedString(b, scan.handle),
    name: scannedString(b, scan.name),
    kind: ACCOUNT_KINDS[scan.kind] as AccountRef['kind'],
  };
}

/**
 * Checks at load time that a scanner takes a line's fields in the order its schema writes them, so a field added
 * to or moved in a schema fails every test that loads the log until the scanner follows.
 */
export function assertOrder<K extends string>(what: string, schemaKeys: readonly K[], order: { readonly [P in K]: number }): void {
  const scanned = (Object.keys(order) as K[]).sort((a, b) => order[a] - order[b]);
  if (scanned.join() !== schemaKeys.join()) {
    throw new Error(`the byte scanner reads a ${what} as ${scanned.join()}, but the schema writes ${schemaKeys.join()}`);
  }
}
