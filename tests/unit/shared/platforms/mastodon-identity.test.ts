// A Mastodon post names the server it goes to, so a frame logged in to another server is caught by the gate.
import { describe, expect, it } from 'vitest';
import { classify } from '../../../../shared/gate/classify.ts';

const post = (url: string) =>
  classify({ method: 'POST', url, headers: { 'content-type': 'application/json' }, body: new TextEncoder().encode(JSON.stringify({ status: 'hello' })) });

describe('Mastodon identity', () => {
  it('is the server host, in lower case', () => {
    const result = post('https://Mastodon.Social/api/v1/statuses');
    expect(result.gated && result.identity).toBe('server:mastodon.social');
  });

  it('differs between two servers', () => {
    const a = post('https://mastodon.social/api/v1/statuses');
    const b = post('https://fosstodon.org/api/v1/statuses');
    expect(a.gated && b.gated && a.identity !== b.identity).toBe(true);
  });
});
