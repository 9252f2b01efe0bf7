// User-defined publishing endpoints: host + path wildcards + method, validated by zod, no user regex.
import { z } from 'zod';
import { ANY_METHOD, isSafeMethod } from '../gate/methods.ts';
import { canonicalHost, pathSegments } from './rule.ts';

/**
 * A user rule. `host` is an exact host (`api.example.com`, optionally with a port) or `*.example.com`
 * (any subdomain, not the bare domain). `pathPattern` is matched against the URL path only (no query),
 * where `*` stands for any run of characters including `/`; everything else is literal. `method` is an
 * HTTP method or `*` (every method that can publish). GET, HEAD and OPTIONS never publish: no rule holds
 * them, in the live gate and in the HAR check alike.
 *
 * URL and rule are normalised as the built-in rules are: case, empty segments (`//`, a trailing `/`),
 * percent-encoding, a trailing dot in the host, and the default port (`:443`, `:80`) in the rule host.
 */
export interface CustomRule {
  id: string;
  host: string;
  pathPattern: string;
  method: string;
}

/** Validates a CustomRule coming from settings or an import. */
export const customRuleSchema = z.object({
  id: z.string().min(1).max(100),
  host: z
    .string()
    .min(1)
    .max(253)
    .regex(/^(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)*\.?(:\d{1,5})?$/i, 'host must be example.com or *.example.com'),
  pathPattern: z.string().min(1).max(500).startsWith('/'),
  method: z.string().regex(/^(\*|[A-Za-z]+)$/, 'method must be a verb like POST, or *'),
});

interface CompiledRule {
  method: string;
  /** Host without port, canonical. */
  host: string;
  /** A non-default port the rule insists on, or null (any port). */
  port: string | null;
  subdomainsOf: string | null;
  path: RegExp;
}

const compiled = new WeakMap<CustomRule, CompiledRule>();

/** `/api//p%6Fsts/` → `/api/posts`: the same normal form classify() gives a URL path. */
export function normalisePath(pathname: string): string {
  return `/${pathSegments(pathname).join('/')}`;
}

function compile(rule: CustomRule): CompiledRule {
  const cached = compiled.get(rule);
  if (cached) return cached;
  const rawHost = rule.host.trim().toLowerCase();
  const colon = rawHost.lastIndexOf(':');
  const port = colon > 0 ? rawHost.slice(colon + 1) : '';
  const host = canonicalHost(colon > 0 ? rawHost.slice(0, colon) : rawHost);
  const escaped = normalisePath(rule.pathPattern)
    .split('*')
    .map((piece) => piece.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  const result: CompiledRule = {
    method: rule.method.trim().toUpperCase(),
    host,
    port: port === '' || port === '443' || port === '80' ? null : port,
    subdomainsOf: host.startsWith('*.') ? host.slice(1) : null,
    path: new RegExp(`^${escaped}$`, 'i'),
  };
  compiled.set(rule, result);
  return result;
}

/**
 * The first rule matching `method` + `url`, or null. Malformed rules never match (and never throw).
 * `override` is the method a POST asks the server to run instead (see methodOverride), asked for only
 * when a rule names another method.
 */
export function matchCustomRule(rules: readonly CustomRule[], method: string, url: URL, override: () => string | null = () => null): CustomRule | null {
  const upper = method.toUpperCase();
  if (isSafeMethod(upper)) return null;
  const hostname = canonicalHost(url.hostname);
  const path = normalisePath(url.pathname);
  for (const rule of rules) {
    let c: CompiledRule;
    try {
      c = compile(rule);
    } catch {
      continue;
    }
    if (c.method !== '*' && c.method !== upper && !(upper === 'POST' && (override() === c.method || override() === ANY_METHOD))) continue;
    if (c.port !== null && c.port !== url.port) continue;
    const hostOk = c.subdomainsOf !== null ? hostname.endsWith(c.subdomainsOf) && hostname.length > c.subdomainsOf.length : c.host === hostname;
    if (hostOk && c.path.test(path)) return rule;
  }
  return null;
}
