// The item a reply answered opens on its platform: one URL shape per platform, null where an ID names no page.
import { describe, expect, it } from 'vitest';
import { feedbackTarget } from '../../../../shared/platforms/facebook.ts';
import { instagramShortcode, itemUrl } from '../../../../shared/platforms/item-url.ts';

describe('itemUrl', () => {
  it.each([
    ['x', '1212092628029698048', {}, 'https://x.com/i/web/status/1212092628029698048'],
    ['mastodon', '103270115826048975', { instance: 'mastodon.social' }, 'https://mastodon.social/web/statuses/103270115826048975'],
    ['mastodon', '103270115826048975', { handle: 'acme@Mastodon.Social' }, 'https://mastodon.social/web/statuses/103270115826048975'],
    [
      'bluesky',
      'at://did:plc:ewvi7nxzyoun6zhxrhs64oiz/app.bsky.feed.post/3k43tv4rft22g',
      {},
      'https://bsky.app/profile/did:plc:ewvi7nxzyoun6zhxrhs64oiz/post/3k43tv4rft22g',
    ],
    ['linkedin', 'urn:li:activity:7402746946853253120', {}, 'https://www.linkedin.com/feed/update/urn:li:activity:7402746946853253120/'],
    ['reddit', 't3_1abcde', {}, 'https://www.reddit.com/comments/1abcde/'],
    ['youtube', 'dQw4w9WgXcQ', {}, 'https://www.youtube.com/watch?v=dQw4w9WgXcQ'],
    ['facebook', 'ZmVlZGJhY2s6MTIzNDU2Nzg5MDEyMzQ1Ng==', {}, 'https://www.facebook.com/1234567890123456'],
    ['facebook', '1234567890', {}, 'https://www.facebook.com/1234567890'],
    ['instagram', '2278584739065882267', {}, 'https://www.instagram.com/p/B-fKL9qpeab/'],
  ] as const)('%s %s', (platform, id, context, url) => {
    expect(itemUrl(platform, id, context)).toBe(url);
  });

  it.each([
    ['x', 'not-a-number', {}],
    ['x', '', {}],
    ['mastodon', '103270115826048975', {}],
    ['mastodon', '1', { instance: 'javascript:alert(1)' }],
    ['bluesky', 'https://evil.example/app.bsky.feed.post/x', {}],
    ['reddit', 't1_abc', {}],
    ['youtube', 'UgzUoQgRFt_6K4EGlsV4AaABAg', {}],
    ['linkedin', 'urn:li:comment:(activity:1,2)', {}],
    ['threads', '3141592653589793238', {}],
    ['custom', '42', {}],
  ] as const)('%s %s has no URL', (platform, id, context) => {
    expect(itemUrl(platform, id, context)).toBeNull();
  });

  it('opens a Facebook item by the post feedbackTarget reads, whether the log holds the raw feedback ID or what the gate made of it', () => {
    for (const raw of [btoa('feedback:1234567890123456'), btoa('feedback:1234567890123456').replace(/=+$/, '')]) {
      expect(itemUrl('facebook', raw)).toBe(itemUrl('facebook', feedbackTarget(raw) ?? ''));
      expect(itemUrl('facebook', raw)).toBe('https://www.facebook.com/1234567890123456');
    }
    // A feedback ID that names a comment has no page of its own here, as before.
    expect(itemUrl('facebook', btoa('feedback:123_456'))).toBeNull();
  });

  it('builds only https URLs on the platform hosts, whatever the ID holds', () => {
    for (const id of ['1/../../evil', '<script>', 'a b', '1?x=javascript:']) {
      for (const platform of ['x', 'mastodon', 'bluesky', 'linkedin', 'reddit', 'youtube', 'facebook', 'instagram'] as const) {
        const url = itemUrl(platform, id, { instance: 'mastodon.social' });
        if (url !== null) expect(new URL(url).protocol).toBe('https:');
        if (url !== null) expect(url).not.toMatch(/[<> ]|\.\./);
      }
    }
  });
});

describe('instagramShortcode', () => {
  it('encodes the media ID (before any "_owner" suffix) in Instagram’s base 64', () => {
    expect(instagramShortcode('2278584739065882267')).toBe('B-fKL9qpeab');
    expect(instagramShortcode('2278584739065882267_25025320')).toBe('B-fKL9qpeab');
    expect(instagramShortcode('x')).toBeNull();
    // Decoded back digit by digit, the shortcode gives the ID again.
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    for (const id of ['1', '63', '64', '2278584739065882267', '3141592653589793238']) {
      const code = instagramShortcode(id) ?? '';
      expect([...code].reduce((value, char) => value * 64n + BigInt(alphabet.indexOf(char)), 0n).toString()).toBe(id);
    }
  });
});
