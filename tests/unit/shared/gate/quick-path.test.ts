// The classifier's no-parse shortcut must never see a different path than new URL() would.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { quickPath } from '../../../../shared/gate/classify.ts';

describe('quickPath', () => {
  it('agrees with new URL().pathname whenever it answers', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.webUrl({ withQueryParameters: true, withFragments: true }),
          fc.string(),
          fc.webUrl().map((url) => url + '/a/../b\\c?x=/y#/z'),
          fc
            .tuple(fc.webUrl(), fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: fc.constantFrom(...'ab/.\\%"<>`{}|^ \t?#') })))
            .map(([url, tail]) => `${url}/${tail}`),
        ),
        (url) => {
          const quick = quickPath(url);
          if (quick === null) return;
          expect(quick).toBe(new URL(url).pathname);
        },
      ),
      { numRuns: 5000 },
    );
  });

  it.each([
    ['https://x.com/i/api/graphql/abc/CreateTweet?variables=1', '/i/api/graphql/abc/CreateTweet'],
    ['https://x.com?next=/i/api/graphql/abc/CreateTweet', '/'],
    ['https://x.com#/CreateTweet', '/'],
    ['https://x.com', '/'],
  ])('reads %s as %s', (url, path) => {
    expect(quickPath(url)).toBe(path);
  });

  it.each([
    'https://x.com/a"b',
    'https://x.com/a{b}',
    'https://x.com/i/api/graphql/abc/Create\tTweet',
    'https://x.com/a b',
    'https://x.com/é',
    'https://x.com/a/../CreateTweet',
    'https://x.com\\i\\CreateTweet',
    'https://x.com/%43reateTweet',
    'not a url',
  ])('leaves %s to the real parser', (url) => {
    expect(quickPath(url)).toBeNull();
  });
});
