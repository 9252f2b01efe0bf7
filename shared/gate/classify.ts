// The gate's entry point: decides from method + URL (+ body when a rule's URL matched) whether a request publishes.
import type { Classification, OutgoingRequest, PostAction } from './types.ts';
import type { Extraction, PlatformRule } from '../platforms/rule.ts';
import { part } from '../platforms/rule.ts';
import { RequestBody, UnreadableBodyError } from '../platforms/request-body.ts';
import { RULE_INDEX, type RuleIndex } from '../platforms/index.ts';
import { matchCustomRule, type CustomRule } from '../platforms/custom-rules.ts';

/** Options for classify(). */
export interface ClassifyOptions {
  /** User rules, checked when no built-in rule claims the request. */
  customRules?: readonly CustomRule[];
  /** Rule index to use instead of the built-in catalog (tests). */
  index?: RuleIndex;
}

/** Methods that can publish on a built-in rule; everything else (GET, HEAD, OPTIONS, DELETE…) cannot. */
const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH']);
const NOT_GATED: Classification = Object.freeze({ gated: false });

function segmentsOf(pathname: string): string[] {
  const raw = pathname.split('/');
  const out: string[] = [];
  for (const segment of raw) {
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

function unreadable(rule: PlatformRule, reason: string, action: PostAction = 'post'): Classification {
  return {
    gated: true,
    platform: rule.platform,
    rule: rule.name,
    action,
    parts: [part(null)],
    readable: false,
    unreadableReason: reason,
    identity: null,
  };
}

function fromExtraction(rule: PlatformRule, extraction: Extraction): Classification {
  const parts = extraction.parts.length > 0 ? extraction.parts : [part(null)];
  const reason = extraction.unreadableReason ?? (parts.some((p) => p.text === null) ? 'text-not-found' : undefined);
  const result: Classification = {
    gated: true,
    platform: rule.platform,
    rule: extraction.rule ?? rule.name,
    action: extraction.action,
    parts,
    readable: reason === undefined,
    identity: extraction.identity ?? null,
  };
  if (reason !== undefined) result.unreadableReason = reason;
  return result;
}

function customVerdict(rule: CustomRule): Classification {
  return {
    gated: true,
    platform: 'custom',
    rule: `custom.${rule.id}`,
    action: 'post',
    parts: [part(null)],
    readable: false,
    unreadableReason: 'content-unknown',
    identity: null,
  };
}

/**
 * Classifies one outgoing request. Never throws.
 *
 * - Only POST/PUT/PATCH can match a built-in rule; the URL is parsed once and its last two path
 *   segments are looked up in the rule index, so unrelated traffic costs about one `new URL()`.
 * - The body is decoded only after a rule's method + host + path matched. A body that cannot be read
 *   (missing, `bodyUnreadable`, malformed) on a matched endpoint yields `gated: true, readable: false`
 *   with an `unreadableReason` and a single `{ text: null }` part: the gate fails closed.
 * - A rule may decide from the body that the request does not publish (a Bluesky like through
 *   createRecord, a Facebook reaction through /api/graphql/): `{ gated: false }`.
 * - Custom rules (checked last, any method) yield `platform: 'custom'`, `action: 'post'`,
 *   `readable: false`, `unreadableReason: 'content-unknown'`: Hatrack knows the endpoint, not its format.
 */
export function classify(request: OutgoingRequest, options: ClassifyOptions = {}): Classification {
  let url: URL;
  let method: string;
  try {
    const raw = typeof request.method === 'string' ? request.method : '';
    method = WRITE_METHODS.has(raw) ? raw : raw.toUpperCase();
    const customRules = options.customRules;
    const write = WRITE_METHODS.has(method);
    const noCustom = customRules === undefined || customRules.length === 0;
    if (!write && noCustom) return NOT_GATED;
    const index = options.index ?? RULE_INDEX;
    if (noCustom) {
      // The cheap path: no rule is anchored on this path, so no parse at all.
      const path = quickPath(request.url);
      if (path !== null) {
        const [byLast, byPrevious] = candidatesOf(path, index);
        if (byLast === undefined && byPrevious === undefined) return NOT_GATED;
      }
    }
    url = new URL(request.url);
    if (write) {
      const verdict = classifyBuiltIn(request, method, url, index);
      if (verdict !== null) return verdict;
    }
    if (customRules !== undefined && customRules.length > 0) {
      const rule = matchCustomRule(customRules, method, url);
      if (rule !== null) return customVerdict(rule);
    }
    return NOT_GATED;
  } catch {
    return NOT_GATED;
  }
}

/** Lowercased, percent-decoded copy of one path segment (for the index lookup). */
function anchorKey(segment: string): string {
  if (segment.includes('%')) {
    try {
      return decodeURIComponent(segment).toLowerCase();
    } catch {
      // keep the raw segment
    }
  }
  return segment.toLowerCase();
}

/** The rules anchored on the last two non-empty segments of `path`, found without splitting the whole path. */
function candidatesOf(path: string, index: RuleIndex): [readonly PlatformRule[] | undefined, readonly PlatformRule[] | undefined] {
  let end = path.length;
  while (end > 0 && path.charCodeAt(end - 1) === 47) end--;
  if (end === 0) return [undefined, undefined];
  const cut = path.lastIndexOf('/', end - 1);
  const byLast = index.get(anchorKey(path.slice(cut + 1, end)));
  let end2 = cut;
  while (end2 > 0 && path.charCodeAt(end2 - 1) === 47) end2--;
  const byPrevious = end2 > 0 ? index.get(anchorKey(path.slice(path.lastIndexOf('/', end2 - 1) + 1, end2))) : undefined;
  return [byLast, byPrevious];
}

/**
 * The path of an absolute URL read straight from the string, or null whenever `new URL()` might see a
 * different one (see the last line): the caller then parses for real.
 * Browsers hand webRequest canonical URLs, so unrelated traffic is turned away without parsing.
 */
export function quickPath(url: string): string | null {
  const scheme = url.indexOf('://');
  if (scheme <= 0) return null;
  let start = scheme + 3;
  while (start < url.length) {
    const code = url.charCodeAt(start);
    if (code === 47 || code === 63 || code === 35) break; // '/', '?', '#' end the authority
    if (code === 92) return null; // '\\' acts as '/' for special schemes
    start++;
  }
  if (start >= url.length || url.charCodeAt(start) !== 47) return '/';
  let end = url.length;
  const query = url.indexOf('?', start);
  if (query >= 0) end = query;
  const hash = url.indexOf('#', start);
  if (hash >= 0 && hash < end) end = hash;
  const path = url.slice(start, end);
  // Anything the URL parser would rewrite (control characters and spaces it strips or escapes, non-ASCII,
  // escapes, backslashes, dot segments) goes to the real parser.
  return /[^\x21-\x7e]|[\\%"<>`{}]|\/\.\.?(?:\/|$)/.test(path) ? null : path;
}

function classifyBuiltIn(request: OutgoingRequest, method: string, url: URL, index: RuleIndex): Classification | null {
  const path = url.pathname;
  const [byLast, byPrevious] = candidatesOf(path, index);
  if (byLast === undefined && byPrevious === undefined) return null;
  const segments = segmentsOf(path);
  const host = url.hostname.endsWith('.') ? url.hostname.slice(0, -1) : url.hostname;
  let body: RequestBody | undefined;
  for (const candidates of [byLast, byPrevious]) {
    if (candidates === undefined) continue;
    for (const rule of candidates) {
      if (!rule.methods.includes(method) || !rule.matchUrl(host, segments, url)) continue;
      body ??= new RequestBody(request.body ?? null, request.headers, request.bodyUnreadable === true);
      try {
        const extraction = rule.extract({ method, url, segments, body });
        if (extraction === null) return NOT_GATED;
        return fromExtraction(rule, extraction);
      } catch (error) {
        const reason = error instanceof UnreadableBodyError ? error.reason : 'parse-error';
        return unreadable(rule, reason, rule.fallbackAction);
      }
    }
  }
  return null;
}
