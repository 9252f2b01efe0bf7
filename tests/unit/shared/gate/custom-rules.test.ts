// User rules are normalised exactly as built-in rules are, and one function decides for the live gate and the HAR check.
import { describe, expect, it } from 'vitest';
import { classify } from '../../../../shared/gate/classify.ts';
import { harToRows } from '../../../../shared/gate/har.ts';
import type { CustomRule } from '../../../../shared/platforms/custom-rules.ts';

const rule: CustomRule = { id: 'forum', host: 'forum.example.com', pathPattern: '/api/posts', method: 'POST' };
const held = (url: string, rules: CustomRule[] = [rule], method = 'POST'): boolean => classify({ method, url, body: null }, { customRules: rules }).gated;

describe('user rule normalisation', () => {
  it('cannot be escaped by a trailing slash, a double slash, an escaped letter or a trailing dot', () => {
    for (const url of [
      'https://forum.example.com/api/posts',
      'https://forum.example.com/api/posts/',
      'https://forum.example.com/api//posts',
      'https://forum.example.com//api/posts',
      'https://forum.example.com/api/p%6Fsts',
      'https://forum.example.com/%61pi/posts',
      'https://forum.example.com./api/posts',
      'https://FORUM.Example.com/API/Posts',
      'https://forum.example.com:443/api/posts',
      'https://forum.example.com/api/posts?x=1#top',
    ]) {
      expect(held(url), url).toBe(true);
    }
    expect(held('https://forum.example.com/api/posts/1')).toBe(false);
    expect(held('https://forum.example.com/api/postsx')).toBe(false);
  });
  it('matches a rule host written with :443, a trailing dot, or a pattern with slashes and escapes', () => {
    expect(held('https://forum.example.com/api/posts', [{ ...rule, host: 'forum.example.com:443' }])).toBe(true);
    expect(held('https://forum.example.com/api/posts', [{ ...rule, host: 'forum.example.com.' }])).toBe(true);
    expect(held('https://forum.example.com/api/posts', [{ ...rule, pathPattern: '/api//p%6Fsts/' }])).toBe(true);
  });
  it('keeps a non-default port in the rule host meaningful', () => {
    const ported = [{ ...rule, host: 'forum.example.com:8443' }];
    expect(held('https://forum.example.com:8443/api/posts', ported)).toBe(true);
    expect(held('https://forum.example.com/api/posts', ported)).toBe(false);
  });
});

describe('one decision for the live gate and the HAR check', () => {
  const star: CustomRule[] = [{ id: 'all', host: 'forum.example.com', pathPattern: '/api/*', method: '*' }];
  const har = (method: string): string =>
    JSON.stringify({ log: { entries: [{ request: { method, url: 'https://forum.example.com/api/posts', headers: [] } }] } });
  it('a rule with method * never holds GET, HEAD or OPTIONS, in classify and in the HAR check', () => {
    for (const method of ['GET', 'HEAD', 'OPTIONS', 'get']) {
      expect(held('https://forum.example.com/api/posts', star, method)).toBe(false);
      expect(harToRows(har(method), { customRules: star })[0]).toMatchObject({ gated: false, note: 'never-held-method' });
    }
  });
  it('holds every other method, in both', () => {
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
      expect(held('https://forum.example.com/api/posts', star, method)).toBe(true);
      expect(harToRows(har(method), { customRules: star })[0]).toMatchObject({ gated: true, platform: 'custom' });
    }
  });
});
