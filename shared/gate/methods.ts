// HTTP methods as the gate sees them: the ones that never publish, and the method a server really runs (override).
import { headerValue, UnreadableBodyError, type RequestBody } from '../platforms/request-body.ts';

/**
 * Methods that never publish: GET, HEAD, OPTIONS. Both adapters let them through without looking, and
 * classify() (built-in and user rules alike) never holds them, so the live gate and the HAR check agree.
 */
export const SAFE_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS']);

/** True for GET, HEAD and OPTIONS (any case). */
export function isSafeMethod(method: string): boolean {
  return SAFE_METHODS.has(method) || (method.length <= 7 && SAFE_METHODS.has(method.toUpperCase()));
}

/** The method upper-cased; '' when it is not a string. */
export function normaliseMethod(method: unknown): string {
  if (typeof method !== 'string') return '';
  return method === 'POST' || method === 'PUT' || method === 'PATCH' ? method : method.toUpperCase();
}

/** What methodOverride() answers when the body that could name the method cannot be read. */
export const ANY_METHOD = '*';

const OVERRIDE_HEADERS = ['x-http-method-override', 'x-http-method', 'x-method-override'] as const;

/**
 * The method a POST asks the server to run instead (Rails/Rack `_method` in the form body, Express
 * method-override's `_method` query parameter, the `X-HTTP-Method-Override` family of headers), upper-cased,
 * or null. Servers honour it only on POST; the caller still checks the raw POST too, in case the server
 * ignores the override. `body` is read only when the header and query say nothing. ANY_METHOD when the
 * body exists but cannot be read: it could name any method, so the caller checks every rule on the URL
 * (the adapters read a body only where classify() says a rule could match, so this must say yes).
 */
export function methodOverride(headers: Readonly<Record<string, string>> | undefined, url: URL, body: RequestBody | null): string | null {
  for (const name of OVERRIDE_HEADERS) {
    const value = headerValue(headers, name).trim();
    if (value.length > 0) return value.toUpperCase();
  }
  const query = url.searchParams.get('_method');
  if (query !== null && query.length > 0) return query.toUpperCase();
  if (body === null) return null;
  try {
    const value = body.record()['_method'];
    return typeof value === 'string' && value.length > 0 ? value.toUpperCase() : null;
  } catch (error) {
    return error instanceof UnreadableBodyError && error.reason === 'body-missing' ? null : ANY_METHOD;
  }
}
