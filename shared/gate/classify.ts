// The gate's entry point: decides from method + URL (+ body when a rule's URL matched) whether a request publishes.
import type { Classification, ClassifiedPost, ClassifyContext, OutgoingRequest, PostAction, PostDetail } from './types.ts';

export type { ClassifyContext } from './types.ts';
import type { Extraction, PlatformRule } from '../platforms/rule.ts';
import { canonicalHost, part, pathSegments } from '../platforms/rule.ts';
import { RequestBody, UnreadableBodyError } from '../platforms/request-body.ts';
import { RULE_INDEX, type RuleIndex } from '../platforms/index.ts';
import { matchCustomRule, type CustomRule } from '../platforms/custom-rules.ts';
import type { PlatformId } from '../platforms/platform-id.ts';
import { ANY_METHOD, SAFE_METHODS, methodOverride, normaliseMethod } from './methods.ts';

/** Options for classify(). */
export interface ClassifyOptions {
  /** User rules: they add holds on top of the built-in rules (checked when no built-in rule held). */
  customRules?: readonly CustomRule[];
  /** Rule index to use instead of the built-in catalog (tests inject throwing matchers through it). */
  index?: RuleIndex;
  /** The session the request comes from; see ClassifyContext for what its absence means. */
  context?: ClassifyContext;
}

const NOT_GATED: Classification = Object.freeze({ gated: false });
const NO_RULES: readonly CustomRule[] = Object.freeze([]);

function gated(platform: PlatformId, rule: string, action: PostAction, reason: string, details?: PostDetail[]): Classification {
  const post: ClassifiedPost = { platform, rule, action, parts: [part(null)], readable: false, unreadableReason: reason, identity: null };
  if (details !== undefined) post.details = details;
  return { gated: true, ...post };
}

function messageOf(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}

/** The hold for a write that could not be checked: the gate fails closed and says why. */
function checkFailed(error: unknown): Classification {
  const reason = messageOf(error).slice(0, 300);
  return gated('custom', 'gate.check-failed', 'post', `check-failed: ${reason}`, [{ key: 'checkFailed', value: reason }]);
}

function fromExtraction(rule: PlatformRule, extraction: Extraction, body: RequestBody): Classification {
  const parts = extraction.parts.length > 0 ? extraction.parts : [part(null)];
  let reason = extraction.unreadableReason ?? (parts.some((p) => p.text === null) ? 'text-not-found' : undefined);
  let details = extraction.details;
  const repeated = body.formIfRead()?.repeated() ?? [];
  if (repeated.length > 0) {
    // The server keeps one of the values and we cannot know which: show them all, never pick one.
    reason ??= 'ambiguous-field';
    details = [...(details ?? []), ...repeated.map(([key, value]): PostDetail => ({ key: 'ambiguousField', value: `${key}: ${value}` }))];
  }
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
  if (details !== undefined && details.length > 0) result.details = details;
  return result;
}

/**
 * Classifies one outgoing request. Never throws.
 *
 * - GET, HEAD and OPTIONS never publish: not gated, whatever the rules (built-in or the manager's).
 * - Any other method is a write. Its URL is parsed once and its last two path segments are looked up in
 *   the rule index, so unrelated traffic costs about one `new URL()`. A POST that asks for another method
 *   (`_method`, `X-HTTP-Method-Override`) is checked as both.
 * - The body is decoded only after a rule's method + host + path matched. A body that cannot be read
 *   (missing, `bodyUnreadable`, malformed) on a matched endpoint yields `gated: true, readable: false`
 *   with an `unreadableReason` and a single `{ text: null }` part: the gate fails closed. A form field
 *   sent twice is held as 'ambiguous-field' with every value in `details`.
 * - A rule may decide from the body that the request does not publish (a Bluesky like through
 *   createRecord, a Facebook reaction through /api/graphql/): `{ gated: false }`, unless a user rule holds it.
 * - User rules add holds: `platform: 'custom'`, `action: 'post'`, `readable: false`,
 *   `unreadableReason: 'content-unknown'`: Hatrack knows the endpoint, not its format.
 * - Anything unexpected while checking a write (a bad URL, a rule that throws outside its body reader) is a
 *   hold with rule 'gate.check-failed' and its reason: the gate fails closed.
 */
export function classify(request: OutgoingRequest, options: ClassifyOptions = {}): Classification {
  const method = normaliseMethod(request.method);
  if (SAFE_METHODS.has(method)) return NOT_GATED; // already upper-cased
  try {
    return classifyWrite(request, method, options);
  } catch (error) {
    return checkFailed(error);
  }
}

function classifyWrite(request: OutgoingRequest, method: string, options: ClassifyOptions): Classification {
  const customRules = options.customRules ?? NO_RULES;
  const index = options.index ?? RULE_INDEX;
  if (customRules.length === 0) {
    // The cheap path: no rule is anchored on this path, so no parse at all.
    const path = quickPath(request.url);
    if (path !== null) {
      const [byLast, byPrevious] = candidatesOf(path, index);
      if (byLast === undefined && byPrevious === undefined) return NOT_GATED;
    }
  }
  const url = new URL(request.url);
  let body: RequestBody | undefined;
  const bodyOf = (): RequestBody => (body ??= new RequestBody(request.body ?? null, request.headers, request.bodyUnreadable === true));
  let override: string | null | undefined;
  const overrideOf = (): string | null => {
    if (method !== 'POST') return null;
    if (override === undefined) override = methodOverride(request.headers, url, bodyOf());
    return override;
  };
  const verdict = classifyBuiltIn(url, method, index, bodyOf, overrideOf, options.context);
  if (verdict !== null && verdict.gated) return verdict;
  if (customRules.length > 0) {
    const rule = matchCustomRule(customRules, method, url, overrideOf);
    if (rule !== null) return gated('custom', `custom.${rule.id}`, 'post', 'content-unknown');
  }
  return NOT_GATED;
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
  if (end === 0) return [index.get('/'), undefined]; // rules for a host's root path (gql.reddit.com) anchor on '/'
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
  // One pass to the end of the path. Anything the URL parser would rewrite (control characters and
  // spaces it strips or escapes, non-ASCII, escapes, backslashes, quotes, dot segments) goes to the real parser.
  let end = start;
  let previous = 0;
  for (; end < url.length; end++) {
    const code = url.charCodeAt(end);
    if (code === 63 || code === 35) break; // '?', '#'
    if (code < 0x21 || code > 0x7e || code === 92 || code === 37 || code === 34 || code === 60 || code === 62 || code === 96 || code === 123 || code === 125)
      return null;
    if (code === 46 && previous === 47) {
      const next = url.charCodeAt(end + 1);
      const afterDot = next === 46 ? url.charCodeAt(end + 2) : next;
      // '/.' or '/..' followed by '/', the end, '?', '#' (NaN at the end of the string) is a dot segment
      if (Number.isNaN(afterDot) || afterDot === 47 || afterDot === 63 || afterDot === 35) return null;
    }
    previous = code;
  }
  return url.slice(start, end);
}

/** True when a Fediverse rule may apply to `host` in `context` (always, without a context). */
function fediverseAllowed(host: string, context: ClassifyContext | undefined): boolean {
  if (context === undefined) return true;
  if (context.platform === 'mastodon' && typeof context.serverHost === 'string' && canonicalHost(context.serverHost) === host) return true;
  return context.fediverseHosts?.has(host) === true;
}

function classifyBuiltIn(
  url: URL,
  method: string,
  index: RuleIndex,
  bodyOf: () => RequestBody,
  overrideOf: () => string | null,
  context: ClassifyContext | undefined,
): Classification | null {
  const path = url.pathname;
  const [byLast, byPrevious] = candidatesOf(path, index);
  if (byLast === undefined && byPrevious === undefined) return null;
  const segments = pathSegments(path);
  const host = canonicalHost(url.hostname);
  let claimed: Classification | null = null;
  for (const candidates of [byLast, byPrevious]) {
    if (candidates === undefined) continue;
    for (const rule of candidates) {
      if (!rule.matchUrl(host, segments, url)) continue;
      if (rule.fediverse === true && !fediverseAllowed(host, context)) continue;
      let runAs: string;
      if (rule.methods.includes(method)) runAs = method;
      else {
        const override = overrideOf();
        if (override === ANY_METHOD) runAs = rule.methods[0] ?? method;
        else if (override === null || !rule.methods.includes(override)) continue;
        else runAs = override;
      }
      const body = bodyOf();
      try {
        const extraction = rule.extract({ method: runAs, url, segments, body, ...(context !== undefined ? { context } : {}) });
        if (extraction !== null) return fromExtraction(rule, extraction, body);
        claimed = NOT_GATED; // this rule says "not publishing"; another rule on the same path may still hold it
      } catch (error) {
        const reason = error instanceof UnreadableBodyError ? error.reason : 'parse-error';
        return gated(rule.platform, rule.name, rule.fallbackAction ?? 'post', reason);
      }
    }
  }
  return claimed;
}
