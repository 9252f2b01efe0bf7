// JSON parsing that keeps 64-bit integer IDs exact, plus small typed accessors for parsed bodies.

/** A parsed JSON value. Integers too large for a double arrive as their source digits (a string). */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

type SourceReviver = (key: string, value: unknown, context?: { source?: string }) => unknown;
const parseWithReviver = JSON.parse as (text: string, reviver: SourceReviver) => unknown;

/** True when this runtime passes `context.source` to JSON.parse revivers (Node 22, Chrome 114+). */
const REVIVER_HAS_SOURCE: boolean = (() => {
  try {
    let seen = false;
    parseWithReviver('1', (_k, v, c) => {
      if (typeof c?.source === 'string') seen = true;
      return v;
    });
    return seen;
  } catch {
    return false;
  }
})();

/** Runs of 16+ digits: the regex engine finds them by skipping ahead, so most bodies are scanned cheaply. */
const DIGIT_RUNS = /[0-9]{16,}/g;

/**
 * True when `text` may hold an integer literal of 16+ digits. A run with a quote on both sides is a whole
 * string (an ID sent as a string, the usual case) and is skipped: a number literal never touches a quote.
 */
function mayHoldBigInt(text: string): boolean {
  DIGIT_RUNS.lastIndex = 0;
  for (let m = DIGIT_RUNS.exec(text); m !== null; m = DIGIT_RUNS.exec(text)) {
    if (text.charCodeAt(m.index - 1) !== 34 || text.charCodeAt(m.index + m[0].length) !== 34) return true;
  }
  return false;
}

/** True when a parsed value holds an integer a double could not keep exact (then the source is re-read). */
function hasUnsafeInteger(value: unknown, depth = 0): boolean {
  if (typeof value === 'number') return Number.isInteger(value) && !Number.isSafeInteger(value);
  if (typeof value !== 'object' || value === null || depth > 200) return depth > 200;
  if (Array.isArray(value)) {
    for (const item of value) if (hasUnsafeInteger(item, depth + 1)) return true;
    return false;
  }
  const record = value as Record<string, unknown>;
  for (const key in record) if (hasUnsafeInteger(record[key], depth + 1)) return true;
  return false;
}
/** Strings are skipped; unquoted integer literals of 16+ digits are quoted. */
const QUOTE_BIG_INTS = /"(?:[^"\\]|\\.)*"|(?<![\w.+-])(-?\d{16,})(?![\w.])/g;

const keepBigIntSource: SourceReviver = (_key, value, context) => {
  if (typeof value === 'number' && !Number.isSafeInteger(value) && Number.isInteger(value)) {
    const source = context?.source;
    if (typeof source === 'string' && /^-?\d+$/.test(source)) return source;
  }
  return value;
};

/**
 * `JSON.parse`, except that integer literals beyond 2^53 come back as their exact digits (a string),
 * so IDs such as `"in_reply_to_tweet_id": 1790000000000000001` survive. Throws on invalid JSON.
 */
export function parseJsonKeepingBigInts(text: string, forceFallback = false): JsonValue {
  if (!mayHoldBigInt(text)) return JSON.parse(text) as JsonValue;
  if (!forceFallback) {
    // An unquoted long digit run may still sit inside a string: parse once, re-read only when a number lost precision.
    const plain = JSON.parse(text) as JsonValue;
    if (!hasUnsafeInteger(plain)) return plain;
  }
  if (REVIVER_HAS_SOURCE && !forceFallback) return parseWithReviver(text, keepBigIntSource) as JsonValue;
  const quoted = text.replace(QUOTE_BIG_INTS, (match: string, digits: string | undefined) => (digits === undefined ? match : `"${digits}"`));
  return JSON.parse(quoted) as JsonValue;
}

/** A JSON object (not an array, not null). */
export type JsonObject = { [key: string]: JsonValue };

/** True when `value` is a plain JSON object. */
export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Follows `path` through objects (and array indexes given as numbers); undefined when any step is missing. */
export function at(value: unknown, ...path: Array<string | number>): JsonValue | undefined {
  let current: unknown = value;
  for (const step of path) {
    if (typeof step === 'number') {
      if (!Array.isArray(current)) return undefined;
      current = current[step];
    } else {
      if (!isObject(current)) return undefined;
      current = Object.prototype.hasOwnProperty.call(current, step) ? current[step] : undefined;
    }
  }
  return current as JsonValue | undefined;
}

/** The value when it is a string, else null. */
export function str(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

/** An ID as a string: strings pass through (non-empty), finite integers are printed; anything else is null. */
export function idOf(value: unknown): string | null {
  if (typeof value === 'string') return value.length > 0 ? value : null;
  if (typeof value === 'number' && Number.isInteger(value)) return String(value);
  if (typeof value === 'bigint') return value.toString();
  return null;
}

/** The value as an array (empty when it is not one). */
export function arr(value: unknown): JsonValue[] {
  return Array.isArray(value) ? (value as JsonValue[]) : [];
}

/**
 * Values that clients sometimes send as string-encoded JSON (Facebook `variables`, Threads
 * `text_post_app_info`): parse a string that looks like JSON, pass objects through.
 */
export function nestedJson(value: unknown): JsonValue | undefined {
  if (typeof value === 'string') {
    const trimmed = value.trimStart();
    if (trimmed.startsWith('{') || trimmed.startsWith('[')) return parseJsonKeepingBigInts(value);
    return undefined;
  }
  return value as JsonValue | undefined;
}
