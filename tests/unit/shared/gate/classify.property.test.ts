// Property tests: publishing endpoints are held whatever their body; unrelated traffic never is.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { classify } from '../../../../shared/gate/classify.ts';
import type { OutgoingRequest } from '../../../../shared/gate/types.ts';

/** Publishing endpoints whose URL alone decides (the body only refines what is shown). */
const PUBLISHING: Array<{ method: string; url: string }> = [
  { method: 'POST', url: 'https://x.com/i/api/graphql/SiM_cAu83R0wnrpmKQQSEw/CreateTweet' },
  { method: 'POST', url: 'https://twitter.com/i/api/graphql/q/CreateNoteTweet' },
  { method: 'POST', url: 'https://x.com/i/api/1.1/dm/new2.json' },
  { method: 'POST', url: 'https://api.x.com/2/tweets' },
  { method: 'POST', url: 'https://mastodon.social/api/v1/statuses' },
  { method: 'PUT', url: 'https://any.host.example/api/v1/statuses/109372843967003916' },
  { method: 'POST', url: 'https://www.threads.net/api/v1/media/configure_text_only_post/' },
  { method: 'POST', url: 'https://www.linkedin.com/voyager/api/contentcreation/normShares' },
  { method: 'POST', url: 'https://www.linkedin.com/voyager/api/voyagerSocialDashNormComments' },
  { method: 'POST', url: 'https://www.instagram.com/api/v1/web/comments/1/add/' },
  { method: 'POST', url: 'https://www.reddit.com/api/comment' },
  { method: 'POST', url: 'https://www.youtube.com/youtubei/v1/comment/create_comment' },
  { method: 'POST', url: 'https://www.googleapis.com/youtube/v3/commentThreads' },
];

const anyBody = fc.oneof(
  fc.constant(null),
  fc.uint8Array({ maxLength: 300 }),
  fc.string({ maxLength: 300 }).map((s) => new TextEncoder().encode(s)),
  fc.json({ maxDepth: 4 }).map((s) => new TextEncoder().encode(s)),
  fc.dictionary(fc.string({ maxLength: 12 }), fc.string({ maxLength: 40 })).map((d) => new TextEncoder().encode(new URLSearchParams(d).toString())),
);

describe('classify properties', () => {
  it('holds every publishing endpoint whatever the body, and never throws', () => {
    fc.assert(
      fc.property(fc.constantFrom(...PUBLISHING), anyBody, fc.boolean(), (endpoint, body, unreadable) => {
        const request: OutgoingRequest = { ...endpoint, body, bodyUnreadable: unreadable };
        const result = classify(request);
        expect(result.gated).toBe(true);
        if (result.gated) {
          expect(result.parts.length).toBeGreaterThan(0);
          if (!result.readable) expect(result.unreadableReason).toBeTruthy();
          for (const p of result.parts) {
            expect(p.replyToId === null || typeof p.replyToId === 'string').toBe(true);
            expect(p.quotedId === null || typeof p.quotedId === 'string').toBe(true);
          }
        }
      }),
      { numRuns: 600 },
    );
  });

  it('never holds reads of rule paths (GET/HEAD/OPTIONS/DELETE)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...PUBLISHING), fc.constantFrom('GET', 'HEAD', 'OPTIONS', 'DELETE'), anyBody, (endpoint, method, body) => {
        expect(classify({ method, url: endpoint.url, body }).gated).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('never holds random traffic on paths no rule knows', () => {
    const segment = fc
      .stringMatching(/^[a-z0-9_.-]{1,12}$/)
      .filter((s) => !['statuses', 'reblog', 'create', 'comment', 'submit', 'compose', 'editusertext', 'add', 'text'].includes(s));
    fc.assert(
      fc.property(
        fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE'),
        fc.constantFrom('x.com', 'www.facebook.com', 'mastodon.social', 'www.reddit.com', 'example.org', 'bsky.social'),
        fc.array(segment, { minLength: 1, maxLength: 5 }),
        anyBody,
        (method, host, segments, body) => {
          expect(classify({ method, url: `https://${host}/${segments.join('/')}`, body }).gated).toBe(false);
        },
      ),
      { numRuns: 600 },
    );
  });

  it('never throws on arbitrary method, URL and body', () => {
    fc.assert(
      fc.property(fc.string(), fc.oneof(fc.webUrl(), fc.string()), anyBody, fc.boolean(), (method, url, body, unreadable) => {
        expect(() => classify({ method, url, body, bodyUnreadable: unreadable })).not.toThrow();
      }),
      { numRuns: 500 },
    );
  });
});
