// User-defined publishing endpoints: host + path wildcards + method, validated by zod, no user regex.
import { z } from 'zod';

/**
 * A user rule. `host` is an exact host (`api.example.com`) or `*.example.com` (any subdomain, not the
 * bare domain). `pathPattern` is matched against the URL path only (no query), where `*` stands for
 * any run of characters including `/`; everything else is literal. `method` is an HTTP method or `*`.
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
    .regex(/^(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)*(:\d{1,5})?$/i, 'host must be example.com or *.example.com'),
  pathPattern: z.string().min(1).max(500).startsWith('/'),
  method: z.string().regex(/^(\*|[A-Za-z]+)$/, 'method must be a verb like POST, or *'),
});

interface CompiledRule {
  method: string;
  host: string;
  subdomainsOf: string | null;
  path: RegExp;
}

const compiled = new WeakMap<CustomRule, CompiledRule>();

function compile(rule: CustomRule): CompiledRule {
  const cached = compiled.get(rule);
  if (cached) return cached;
  const host = rule.host.toLowerCase();
  const escaped = rule.pathPattern
    .split('*')
    .map((piece) => piece.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  const result: CompiledRule = {
    method: rule.method.toUpperCase(),
    host,
    subdomainsOf: host.startsWith('*.') ? host.slice(1) : null,
    path: new RegExp(`^${escaped}$`, 'i'),
  };
  compiled.set(rule, result);
  return result;
}

/** The first rule matching `method` + `url`, or null. Malformed rules never match (and never throw). */
export function matchCustomRule(rules: readonly CustomRule[], method: string, url: URL): CustomRule | null {
  const host = url.host.toLowerCase();
  const hostname = url.hostname.toLowerCase();
  for (const rule of rules) {
    let c: CompiledRule;
    try {
      c = compile(rule);
    } catch {
      continue;
    }
    if (c.method !== '*' && c.method !== method) continue;
    const hostOk = c.subdomainsOf !== null ? hostname.endsWith(c.subdomainsOf) && hostname.length > c.subdomainsOf.length : c.host === hostname || c.host === host;
    if (hostOk && c.path.test(url.pathname)) return rule;
  }
  return null;
}
