// Property: a spelling variant of an endpoint URL (case, slashes, escapes, default port, trailing dot, query, fragment) is held exactly as the URL is.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { classify, type ClassifyOptions } from '../../../../shared/gate/classify.ts';
import type { Classification, OutgoingRequest } from '../../../../shared/gate/types.ts';
import type { CustomRule } from '../../../../shared/platforms/custom-rules.ts';
import { loadFixtures, toRequest } from '../platforms/fixture-helpers.ts';

const UNRESERVED = /[A-Za-z0-9\-._~]/;

/** One way of spelling the same URL differently, as a server (and the gate) must read it. */
type Variant =
  | { kind: 'host-case'; seed: number }
  | { kind: 'path-case'; seed: number }
  | { kind: 'double-slash'; at: number }
  | { kind: 'trailing-slash' }
  | { kind: 'escape'; at: number; lower: boolean }
  | { kind: 'default-port' }
  | { kind: 'trailing-dot' }
  | { kind: 'query' }
  | { kind: 'fragment' };

const variantArb: fc.Arbitrary<Variant> = fc.oneof(
  fc.record({ kind: fc.constant('host-case' as const), seed: fc.nat() }),
  fc.record({ kind: fc.constant('path-case' as const), seed: fc.nat() }),
  fc.record({ kind: fc.constant('double-slash' as const), at: fc.nat() }),
  fc.constant({ kind: 'trailing-slash' as const }),
  fc.record({ kind: fc.constant('escape' as const), at: fc.nat(), lower: fc.boolean() }),
  fc.constant({ kind: 'default-port' as const }),
  fc.constant({ kind: 'trailing-dot' as const }),
  fc.constant({ kind: 'query' as const }),
  fc.constant({ kind: 'fragment' as const }),
);

function flipCase(text: string, seed: number): string {
  return [...text].map((c, i) => (((seed >> (i % 30)) & 1) === 1 ? c.toUpperCase() : c.toLowerCase())).join('');
}

/** Applies variants to an absolute URL, by string surgery (never through URL, which would undo them). */
function spell(url: string, variants: readonly Variant[]): string {
  const match = /^(https?:\/\/)([^/?#:]+)(:\d+)?([^?#]*)(\?[^#]*)?(#.*)?$/.exec(url);
  if (match === null) return url;
  const scheme = match[1] ?? '';
  let [, , host = '', port = '', path = '', query = '', fragment = ''] = match;
  for (const v of variants) {
    switch (v.kind) {
      case 'host-case':
        host = flipCase(host, v.seed);
        break;
      case 'path-case':
        // Path case is the server's to decide; the gate compares paths case-insensitively, so must a variant.
        path = flipCase(path, v.seed);
        break;
      case 'double-slash': {
        const slashes = [...path.matchAll(/\//g)].map((m) => m.index);
        const at = slashes[v.at % Math.max(1, slashes.length)];
        if (at !== undefined) path = `${path.slice(0, at)}/${path.slice(at)}`;
        break;
      }
      case 'trailing-slash':
        if (!path.endsWith('/')) path += '/';
        break;
      case 'escape': {
        const positions = [...path].map((c, i) => (UNRESERVED.test(c) && path[i - 1] !== '%' && path[i - 2] !== '%' ? i : -1)).filter((i) => i >= 0);
        const at = positions[v.at % Math.max(1, positions.length)];
        if (at !== undefined) {
          const hex = (path.charCodeAt(at) ?? 0).toString(16).padStart(2, '0');
          path = `${path.slice(0, at)}%${v.lower ? hex.toLowerCase() : hex.toUpperCase()}${path.slice(at + 1)}`;
        }
        break;
      }
      case 'default-port':
        if (port === '') port = scheme === 'https://' ? ':443' : ':80';
        break;
      case 'trailing-dot':
        if (!host.endsWith('.')) host += '.';
        break;
      case 'query':
        query = query === '' ? '?utm_source=hatrack' : `${query}&utm_source=hatrack`;
        break;
      case 'fragment':
        fragment = '#composer';
        break;
    }
  }
  return `${scheme}${host}${port}${path}${query}${fragment}`;
}

/** What must not change with the spelling: held or not, by which rule, as what, as whom, with which words. */
function verdictOf(c: Classification): unknown {
  if (!c.gated) return { gated: false };
  return { gated: true, rule: c.rule, action: c.action, identity: c.identity, texts: c.parts.map((p) => p.text), readable: c.readable };
}

function optionsOf(fixture: ReturnType<typeof loadFixtures>[number]): ClassifyOptions {
  return fixture.context ? { context: { ...fixture.context, fediverseHosts: new Set(fixture.context.fediverseHosts ?? []) } } : {};
}

const fixtures = loadFixtures().filter((f) => /^https?:\/\//.test(f.request.url));

describe('URL spelling variants', () => {
  it('every built-in rule endpoint (each fixture) is held exactly as its canonical URL is', () => {
    fc.assert(
      fc.property(fc.constantFrom(...fixtures), fc.array(variantArb, { minLength: 1, maxLength: 5 }), (fixture, variants) => {
        const canonical = toRequest(fixture);
        const variant: OutgoingRequest = { ...canonical, url: spell(canonical.url, variants) };
        expect(verdictOf(classify(variant, optionsOf(fixture))), variant.url).toEqual(verdictOf(classify(canonical, optionsOf(fixture))));
      }),
      { numRuns: 3000 },
    );
  });

  const rules: CustomRule[] = [
    { id: 'forum', host: 'forum.example.com', pathPattern: '/api/posts', method: 'POST' },
    { id: 'wild', host: '*.example.org', pathPattern: '/v1/*/submit', method: '*' },
    { id: 'put', host: 'blog.example.net', pathPattern: '/wp-json/wp/v2/posts/*', method: 'PUT' },
  ];
  const canonicalUrls: Array<{ url: string; method: string }> = [
    { url: 'https://forum.example.com/api/posts', method: 'POST' },
    { url: 'https://a.example.org/v1/boards/submit', method: 'PATCH' },
    { url: 'https://blog.example.net/wp-json/wp/v2/posts/42', method: 'PUT' },
    { url: 'https://forum.example.com/api/posts/1', method: 'POST' },
    { url: 'https://example.org/v1/x/submit', method: 'POST' },
  ];

  it('every user rule endpoint is held exactly as its canonical URL is', () => {
    fc.assert(
      fc.property(fc.constantFrom(...canonicalUrls), fc.array(variantArb, { minLength: 1, maxLength: 5 }), (endpoint, variants) => {
        const canonical: OutgoingRequest = { method: endpoint.method, url: endpoint.url, body: null };
        const variant: OutgoingRequest = { ...canonical, url: spell(endpoint.url, variants) };
        expect(verdictOf(classify(variant, { customRules: rules })), variant.url).toEqual(verdictOf(classify(canonical, { customRules: rules })));
      }),
      { numRuns: 2000 },
    );
  });

  it('a user rule written in another spelling holds the same URLs', () => {
    const respell = (rule: CustomRule, variants: readonly Variant[]): CustomRule => {
      const spelled = spell(
        `https://${rule.host.replace('*.', 'wildcard.')}${rule.pathPattern}`,
        variants.filter((v) => v.kind !== 'query' && v.kind !== 'fragment'),
      );
      const m = /^https:\/\/([^/]+)(\/.*)$/.exec(spelled);
      return m === null ? rule : { ...rule, host: (m[1] ?? '').replace(/^wildcard\./i, '*.'), pathPattern: m[2] ?? rule.pathPattern };
    };
    fc.assert(
      fc.property(fc.constantFrom(...canonicalUrls), fc.array(variantArb, { minLength: 1, maxLength: 5 }), (endpoint, variants) => {
        const request: OutgoingRequest = { method: endpoint.method, url: endpoint.url, body: null };
        const respelled = rules.map((r) => respell(r, variants));
        expect(classify(request, { customRules: respelled }).gated, JSON.stringify(respelled)).toBe(classify(request, { customRules: rules }).gated);
      }),
      { numRuns: 2000 },
    );
  });
});
