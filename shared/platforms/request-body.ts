// Lazy, format-sniffing reader for request bodies: JSON, form-urlencoded, multipart, signed_body.
import { isObject, parseJsonKeepingBigInts, type JsonObject, type JsonValue } from './json-body.ts';

/** Thrown by a body reader when the body cannot be read; classify() turns it into `readable: false`. */
export class UnreadableBodyError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'UnreadableBodyError';
  }
}

/** Form fields in order; `get` returns the last value, as Rails and PHP servers read it. */
export class FormFields {
  readonly entries: ReadonlyArray<readonly [string, string]>;
  constructor(entries: Array<[string, string]>) {
    this.entries = entries;
  }
  /** The last value for `name`, or null. */
  get(name: string): string | null {
    for (let i = this.entries.length - 1; i >= 0; i--) {
      const entry = this.entries[i];
      if (entry !== undefined && entry[0] === name) return entry[1];
    }
    return null;
  }
  /** Every value for `name`, in order. */
  getAll(name: string): string[] {
    return this.entries.filter(([key]) => key === name).map(([, value]) => value);
  }
  /**
   * Every value of each field sent more than once, except array fields (`a[]`, `a[0]`): servers keep
   * one of the repeated values (Rails the last, others the first), so the gate shows them all instead.
   */
  repeated(): Array<readonly [string, string]> {
    const counts = new Map<string, number>();
    for (const [key] of this.entries) if (!key.endsWith(']')) counts.set(key, (counts.get(key) ?? 0) + 1);
    return this.entries.filter(([key]) => (counts.get(key) ?? 0) > 1);
  }
  /** How many fields are named `name` or start with `prefix[`. */
  countArray(name: string): number {
    return this.entries.filter(([key]) => key === name || key.startsWith(`${name}[`)).length;
  }
  /**
   * The fields as a JSON-like object, brackets read as Rails and PHP read them: `a[]=x&a[]=y` and `a[0]=x`
   * become arrays under `a`, `poll[options][]=x` an array under `poll.options`, `poll[expires_in]=9` a
   * field of `poll`; other keys keep their last value. Lets one extractor read JSON or form bodies.
   */
  toObject(): JsonObject {
    const out: JsonObject = {};
    for (const [key, value] of this.entries) setPath(out, keyPath(key), value);
    return out;
  }
}

/** The value of header `name` (lower case), whatever the case of its key; '' when absent. */
export function headerValue(headers: Readonly<Record<string, string>> | undefined, name: string): string {
  if (!headers) return '';
  for (const key of Object.keys(headers)) {
    if (key.toLowerCase() === name) return headers[key] ?? '';
  }
  return '';
}

const utf8 = new TextDecoder('utf-8');

/** Names that would reach Object.prototype through a bracketed key: such fields are dropped. */
const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** `poll[options][]` → `poll, options, ''`; a key without well-formed brackets is one segment. */
function keyPath(key: string): string[] {
  const open = key.indexOf('[');
  if (open <= 0 || !key.endsWith(']')) return [key];
  const rest = key.slice(open);
  if (!/^(\[[^[\]]*\])+$/.test(rest)) return [key];
  return [key.slice(0, open), ...rest.slice(1, -1).split('][')];
}

function setPath(out: JsonObject, path: readonly string[], value: string): void {
  if (path.some((segment) => UNSAFE_KEYS.has(segment))) return;
  let node: JsonObject = out;
  for (let i = 0; i < path.length; i++) {
    const segment = path[i] ?? '';
    const next = path[i + 1];
    if (next === undefined) {
      node[segment] = value;
      return;
    }
    if (next === '' || /^\d+$/.test(next)) {
      // An array field: its values in order (deeper nesting under an array is kept flat).
      const existing = node[segment];
      if (Array.isArray(existing)) existing.push(value);
      else node[segment] = [value];
      return;
    }
    const child = Object.prototype.hasOwnProperty.call(node, segment) ? node[segment] : undefined;
    if (isObject(child)) node = child;
    else {
      const created: JsonObject = {};
      node[segment] = created;
      node = created;
    }
  }
}

/**
 * Parses `a=1&b=2` with URLSearchParams, as browsers encode and servers decode it: plus signs are
 * spaces, escapes are UTF-8 bytes, and a malformed escape stays as typed without garbling the rest.
 */
export function formFields(text: string): FormFields {
  const entries: Array<[string, string]> = [];
  for (const [key, value] of new URLSearchParams(text)) entries.push([key, value]);
  return new FormFields(entries);
}

/** Parses a multipart/form-data body's text fields (file parts are kept as decoded text, unused). */
export function parseMultipart(text: string, boundaryHint: string | null): FormFields {
  let boundary = boundaryHint;
  if (!boundary) {
    const firstLine = text.slice(0, text.indexOf('\n') >= 0 ? text.indexOf('\n') : text.length).trim();
    if (!firstLine.startsWith('--')) throw new UnreadableBodyError('invalid-multipart');
    boundary = firstLine.slice(2);
  }
  const entries: Array<[string, string]> = [];
  for (const chunk of text.split(`--${boundary}`)) {
    if (chunk.length === 0 || chunk.startsWith('--')) continue;
    const part = chunk.replace(/^\r?\n/, '');
    const gap = /\r?\n\r?\n/.exec(part);
    if (gap === null) continue;
    const head = part.slice(0, gap.index);
    const value = part.slice(gap.index + gap[0].length).replace(/\r?\n$/, '');
    const name = /name="([^"]*)"/i.exec(head)?.[1];
    if (name !== undefined) entries.push([name, value]);
  }
  if (entries.length === 0) throw new UnreadableBodyError('invalid-multipart');
  return new FormFields(entries);
}

/**
 * A request body read on demand: nothing is decoded until a rule whose URL matched asks for it.
 * Every accessor throws UnreadableBodyError when the body is absent or malformed.
 */
export class RequestBody {
  private decoded: string | undefined;
  private parsedJson: JsonValue | undefined;
  private parsedForm: FormFields | undefined;

  constructor(
    private readonly bytes: Uint8Array | null,
    private readonly headerMap: Readonly<Record<string, string>> | undefined,
    private readonly unreadable: boolean,
  ) {}

  /** The body as UTF-8 text. */
  text(): string {
    if (this.decoded !== undefined) return this.decoded;
    if (this.unreadable) throw new UnreadableBodyError('body-unavailable');
    if (this.bytes === null) throw new UnreadableBodyError('body-missing');
    this.decoded = utf8.decode(this.bytes);
    return this.decoded;
  }

  /** The request headers as the adapter gave them (may be undefined). */
  headers(): Readonly<Record<string, string>> | undefined {
    return this.headerMap;
  }

  /** The content type, lowercased ('' when absent). */
  contentType(): string {
    return headerValue(this.headerMap, 'content-type').toLowerCase();
  }

  /** True when the body is (or looks like) JSON. */
  isJson(): boolean {
    const type = this.contentType();
    if (type.includes('json')) return true;
    if (type.includes('form')) return false;
    const first = this.text().trimStart()[0];
    return first === '{' || first === '[';
  }

  /** The body parsed as JSON (big integers kept exact). */
  json(): JsonValue {
    if (this.parsedJson !== undefined) return this.parsedJson;
    try {
      this.parsedJson = parseJsonKeepingBigInts(this.text());
    } catch (error) {
      if (error instanceof UnreadableBodyError) throw error;
      throw new UnreadableBodyError('invalid-json');
    }
    return this.parsedJson;
  }

  /** The form fields if a rule has read the body as a form, else null (nothing is parsed). */
  formIfRead(): FormFields | null {
    return this.parsedForm ?? null;
  }

  /** The body parsed as a form (urlencoded or multipart). */
  form(): FormFields {
    if (this.parsedForm !== undefined) return this.parsedForm;
    const type = this.contentType();
    const text = this.text();
    if (type.startsWith('multipart/') || (!type && text.startsWith('--'))) {
      const boundary = /boundary="?([^";]+)"?/i.exec(this.headerMap ? headerValue(this.headerMap, 'content-type') : '')?.[1];
      this.parsedForm = parseMultipart(text, boundary ?? null);
    } else {
      this.parsedForm = formFields(text.trim());
    }
    return this.parsedForm;
  }

  /**
   * The body as an object whatever its format: a JSON object, or form fields (see FormFields.toObject).
   * A form with a single Instagram-style `signed_body=SIGNATURE.<json>` field yields that JSON.
   */
  record(): JsonObject {
    if (this.isJson()) {
      const value = this.json();
      if (!isObject(value)) throw new UnreadableBodyError('json-not-object');
      return value;
    }
    const form = this.form();
    const signed = form.get('signed_body');
    if (signed !== null) {
      const dot = signed.indexOf('.');
      let inner: JsonValue;
      try {
        inner = parseJsonKeepingBigInts(signed.slice(dot + 1));
      } catch {
        throw new UnreadableBodyError('invalid-signed-body');
      }
      if (!isObject(inner)) throw new UnreadableBodyError('invalid-signed-body');
      return inner;
    }
    return form.toObject();
  }
}
