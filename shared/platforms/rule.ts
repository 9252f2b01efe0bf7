// The shape of a platform rule: which requests it claims by method + URL, and how it reads their bodies.
import type { PlatformId } from './platform-id.ts';
import type { ClassifyContext, PostAction, PostDetail, PostDetailKey, PostPart } from '../gate/types.ts';
import { FormFields, UnreadableBodyError, type RequestBody } from './request-body.ts';
import type { JsonObject, JsonValue } from './json-body.ts';

/** What a rule sees once its URL matched. `segments` are the decoded, non-empty path segments. */
export interface RuleInput {
  method: string;
  url: URL;
  segments: readonly string[];
  body: RequestBody;
  /** The session the request comes from, when the caller knows it. */
  context?: ClassifyContext;
}

/** What a rule found in the body: publishing (action + parts) or, for shared endpoints, nothing. */
export interface Extraction {
  action: PostAction;
  parts: PostPart[];
  identity?: string | null;
  /** Set when the endpoint publishes but the body lacks the text (shown as "content could not be read"). */
  unreadableReason?: string;
  /** Facts of the whole request (recipient, visibility, acting account, ...), in display order. */
  details?: PostDetail[];
  /** Overrides the rule name (e.g. a GraphQL endpoint reports the operation that matched). */
  rule?: string;
}

/**
 * One publishing endpoint. `anchors` are lowercase path segments ('/' for the root path), one of which must be the last or
 * second-to-last segment of a matching URL; they index the rule so that unrelated requests cost one
 * Map lookup. `matchUrl` then checks host and the full path; `extract` reads the body and returns null
 * when this particular request does not publish (a like sent to the same endpoint as a post, say).
 * `extract` may throw; classify() treats any throw as an unreadable, gated post (fail closed).
 */
export interface PlatformRule {
  name: string;
  platform: PlatformId;
  methods: readonly string[];
  anchors: readonly string[];
  /**
   * True for rules matched by path on any host (the Mastodon API, Misskey): with a ClassifyContext they
   * apply only to the account's own server and to hosts the session has shown to be Fediverse servers.
   */
  fediverse?: boolean;
  /** The action reported when the body cannot be read (default 'post'). */
  fallbackAction?: PostAction;
  matchUrl(host: string, segments: readonly string[], url: URL): boolean;
  extract(input: RuleInput): Extraction | null;
}

/**
 * The non-empty, percent-decoded segments of a URL path: `/api//v1/%73tatuses/` is `api, v1, statuses`.
 * Built-in and user rules both match on these, so neither can be escaped by spelling the path differently.
 */
export function pathSegments(pathname: string): string[] {
  const out: string[] = [];
  for (const segment of pathname.split('/')) {
    if (segment.length === 0) continue;
    if (segment.includes('%')) {
      try {
        out.push(decodeURIComponent(segment));
        continue;
      } catch {
        // keep the raw segment
      }
    }
    out.push(segment);
  }
  return out;
}

/** The host as rules compare it: lower case, without the trailing dot of a fully qualified name. */
export function canonicalHost(hostname: string): string {
  const lower = hostname.toLowerCase();
  return lower.endsWith('.') ? lower.slice(0, -1) : lower;
}

/**
 * True when `host` is one of `domains` or a subdomain of one; `host` may be any spelling (upper case, a
 * trailing dot, or a cookie domain's leading dot). For hosts already canonical, `hostIn` is the quicker matcher.
 */
export function onDomain(host: string, domains: readonly string[]): boolean {
  const bare = canonicalHost(host.startsWith('.') ? host.slice(1) : host);
  return domains.some((domain) => bare === domain || bare.endsWith(`.${domain}`));
}

/** A PostPart with defaults for the fields a rule did not find. */
export function part(text: string | null, extra: Partial<Omit<PostPart, 'text'>> = {}): PostPart {
  return {
    text,
    mediaCount: extra.mediaCount ?? 0,
    replyToId: extra.replyToId ?? null,
    quotedId: extra.quotedId ?? null,
    ...(extra.details !== undefined && extra.details.length > 0 ? { details: extra.details } : {}),
  };
}

/** A one-element detail list when `value` is a non-empty string (or number), else an empty one. */
export function detail(key: PostDetailKey, value: unknown): PostDetail[] {
  if (typeof value === 'number' && Number.isFinite(value)) return [{ key, value: String(value) }];
  return typeof value === 'string' && value.trim().length > 0 ? [{ key, value }] : [];
}

/**
 * A scheduled-time detail from an epoch (seconds below 10^12, else milliseconds; number or digits) or a
 * date string, as ISO 8601; empty when absent or not a time.
 */
export function scheduledDetail(value: unknown): PostDetail[] {
  if (typeof value === 'string' && !/^\d+$/.test(value)) return detail('scheduledAt', value);
  const n = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : NaN;
  if (!Number.isFinite(n) || n <= 0) return [];
  const date = new Date(n < 1e12 ? n * 1000 : n);
  return Number.isNaN(date.getTime()) ? [] : [{ key: 'scheduledAt', value: date.toISOString() }];
}

/** Picks the action from a part: reply wins over quote (reply timing matters most), else `fallback`. */
export function actionOf(p: PostPart, fallback: PostAction = 'post'): PostAction {
  if (p.replyToId !== null) return 'reply';
  if (p.quotedId !== null) return 'quote';
  return fallback;
}

/** An extraction for one part; `unreadableReason` is set when the text is missing. */
export function single(p: PostPart, action: PostAction = actionOf(p)): Extraction {
  return p.text === null ? { action, parts: [p], unreadableReason: 'text-not-found' } : { action, parts: [p] };
}

/** Host matcher for a registrable domain and its subdomains (`x.com`, `api.x.com`, …). */
export function hostIn(...domains: string[]): (host: string) => boolean {
  return (host) => domains.some((d) => host === d || host.endsWith(`.${d}`));
}

/** Compares path segments with a pattern where `*` matches any one segment; case-insensitive. */
export function pathIs(segments: readonly string[], ...pattern: string[]): boolean {
  if (segments.length !== pattern.length) return false;
  for (let i = 0; i < pattern.length; i++) {
    const want = pattern[i];
    if (want !== '*' && want?.toLowerCase() !== segments[i]?.toLowerCase()) return false;
  }
  return true;
}

/** True when the path ends with `pattern` (same `*` rule as pathIs). */
export function pathEndsWith(segments: readonly string[], ...pattern: string[]): boolean {
  if (segments.length < pattern.length) return false;
  return pathIs(segments.slice(segments.length - pattern.length), ...pattern);
}

function asText(value: JsonValue | undefined): string {
  if (Array.isArray(value)) return value.map((v) => asText(v)).join(', ');
  return typeof value === 'string' ? value : JSON.stringify(value ?? null);
}

/**
 * For servers that read the query string and the body as one set of parameters (Rails, Reddit's r2,
 * Twitter v1.1): `read` gets the body's fields with the query's added, so words sent in the query are
 * shown too. A field in both with different values is held as 'ambiguous-field' with both values: which
 * one the server keeps is its own business, and the dialog never picks one. A missing body with a query is
 * read as an empty one.
 */
export function withQueryParams(read: (record: JsonObject, input: RuleInput) => Extraction | null): PlatformRule['extract'] {
  return (input) => {
    const query = new FormFields([...input.url.searchParams]).toObject();
    const keys = Object.keys(query).filter((k) => k !== '_method');
    let body: JsonObject;
    try {
      body = input.body.record();
    } catch (error) {
      if (!(error instanceof UnreadableBodyError && error.reason === 'body-missing' && keys.length > 0)) throw error;
      body = {};
    }
    if (keys.length === 0) return read(body, input);
    const merged: JsonObject = { ...body };
    const conflicts: PostDetail[] = [];
    for (const key of keys) {
      const fromQuery = query[key];
      if (!Object.prototype.hasOwnProperty.call(body, key)) merged[key] = fromQuery ?? null;
      else if (JSON.stringify(body[key]) !== JSON.stringify(fromQuery)) {
        conflicts.push({ key: 'ambiguousField', value: `${key}: ${asText(fromQuery)}` }, { key: 'ambiguousField', value: `${key}: ${asText(body[key])}` });
      }
    }
    const extraction = read(merged, input);
    if (extraction === null || conflicts.length === 0) return extraction;
    return { ...extraction, unreadableReason: extraction.unreadableReason ?? 'ambiguous-field', details: [...(extraction.details ?? []), ...conflicts] };
  };
}
