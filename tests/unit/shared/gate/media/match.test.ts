// Upload requests and post requests of X, Mastodon and Bluesky, as their web clients send them, and how they are matched.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { rawBlobCid } from '../../../../../shared/gate/media/cid.ts';
import { matchMedia, parseUpload, postRefs, uploadRoute, type Candidate } from '../../../../../shared/gate/media/match.ts';
import { parseMultipartBytes } from '../../../../../shared/gate/media/multipart.ts';
import type { MediaRef } from '../../../../../shared/gate/media/types.ts';

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x0d, 0x0a, 0x2d, 0x2d, 0xff, 0x00]);

/** A multipart body exactly as fetch() serialises a FormData (undici, like Chromium). */
async function multipart(fields: Array<[string, string | Blob, string?]>): Promise<{ headers: Record<string, string>; body: Uint8Array }> {
  const form = new FormData();
  for (const [name, value, filename] of fields) {
    if (typeof value === 'string') form.append(name, value);
    else form.append(name, value, filename);
  }
  const request = new Request('https://example.test/', { method: 'POST', body: form });
  return { headers: { 'Content-Type': request.headers.get('content-type') ?? '' }, body: new Uint8Array(await request.arrayBuffer()) };
}
const json = (value: unknown) => ({ headers: { 'content-type': 'application/json' }, body: new TextEncoder().encode(JSON.stringify(value)) });

describe('multipart bytes', () => {
  it('keeps a file part byte for byte, CRLF and dashes included', async () => {
    const { headers, body } = await multipart([
      ['description', 'A cat, été'],
      ['file', new Blob([PNG], { type: 'image/png' }), 'cat.png'],
    ]);
    const parts = parseMultipartBytes(body, /boundary=(.+)$/.exec(headers['Content-Type'] ?? '')?.[1] ?? null);
    expect(parts.map((part) => part.name)).toEqual(['description', 'file']);
    expect(new TextDecoder().decode(parts[0]?.data)).toBe('A cat, été');
    expect(parts[1]?.filename).toBe('cat.png');
    expect(parts[1]?.contentType).toBe('image/png');
    expect([...(parts[1]?.data ?? [])]).toEqual([...PNG]);
    expect(parseMultipartBytes(body, null)).toHaveLength(2);
  });
});

describe('X', () => {
  it('captures APPEND chunks by media_id and the alt text from the metadata request; INIT and FINALIZE carry nothing to show', async () => {
    const append = 'https://upload.x.com/i/media/upload.json?command=APPEND&media_id=1866000000000000001&segment_index=1';
    const route = uploadRoute('x', 'POST', append);
    expect(route).toEqual({ platform: 'x', step: 'file' });
    expect(uploadRoute('x', 'POST', 'https://upload.x.com/i/media/upload.json?command=INIT&total_bytes=18&media_type=image%2Fpng')).toBeNull();
    expect(uploadRoute('x', 'POST', 'https://upload.x.com/i/media/upload.json?command=FINALIZE&media_id=1')).toBeNull();
    expect(uploadRoute('mastodon', 'POST', append)).toBeNull();
    const { headers, body } = await multipart([['media', new Blob([PNG]), 'blob']]);
    const [seen] = parseUpload(route!, append, headers, body);
    expect(seen).toMatchObject({ platform: 'x', mediaId: '1866000000000000001', segment: 1, alt: null });
    expect([...(seen?.bytes ?? [])]).toEqual([...PNG]);

    const alt = 'https://x.com/i/api/1.1/media/metadata/create.json';
    const altRoute = uploadRoute('x', 'POST', alt);
    const meta = json({ media_id: '1866000000000000001', alt_text: { text: 'A latte with a heart' } });
    expect(parseUpload(altRoute!, alt, meta.headers, meta.body)).toEqual([
      { platform: 'x', mediaId: '1866000000000000001', bytes: null, segment: 0, declaredType: null, alt: 'A latte with a heart' },
    ]);
  });

  it('reads the public API’s form fields and base64 media_data', async () => {
    const url = 'https://upload.twitter.com/1.1/media/upload.json';
    const { headers, body } = await multipart([
      ['command', 'APPEND'],
      ['media_id', '42'],
      ['segment_index', '0'],
      ['media_data', Buffer.from(PNG).toString('base64')],
    ]);
    const [seen] = parseUpload(uploadRoute('x', 'POST', url)!, url, headers, body);
    expect(seen?.mediaId).toBe('42');
    expect([...(seen?.bytes ?? [])]).toEqual([...PNG]);
  });

  it('names the media ids of a CreateTweet', () => {
    const post = json({
      variables: {
        tweet_text: 'hi',
        media: {
          media_entities: [
            { media_id: '1866000000000000001', tagged_users: [] },
            { media_id: '1866000000000000002', tagged_users: [] },
          ],
        },
      },
      queryId: 'q',
    });
    expect(postRefs('x', 'https://x.com/i/api/graphql/q/CreateTweet', post.headers, post.body).map((ref) => [ref.id, ref.by])).toEqual([
      ['1866000000000000001', 'id'],
      ['1866000000000000002', 'id'],
    ]);
  });
});

describe('Mastodon', () => {
  it('captures the file and description of POST /api/v2/media, the alt text of PUT /api/v1/media/:id, and a status’s media_ids', async () => {
    const url = 'https://mastodon.test/api/v2/media';
    const { headers, body } = await multipart([
      ['file', new Blob([PNG], { type: 'image/png' }), 'cat.png'],
      ['description', 'A cat'],
    ]);
    const [seen] = parseUpload(uploadRoute('mastodon', 'POST', url)!, url, headers, body);
    expect(seen).toMatchObject({ platform: 'mastodon', mediaId: null, declaredType: 'image/png', alt: 'A cat' });
    expect([...(seen?.bytes ?? [])]).toEqual([...PNG]);

    const put = 'https://mastodon.test/api/v1/media/110';
    const update = json({ description: 'A better alt' });
    expect(parseUpload(uploadRoute('mastodon', 'PUT', put)!, put, update.headers, update.body)[0]).toMatchObject({ mediaId: '110', alt: 'A better alt' });

    const status = json({ status: 'hi', media_ids: ['110', '111'] });
    expect(postRefs('mastodon', 'https://mastodon.test/api/v1/statuses', status.headers, status.body).map((ref) => [ref.id, ref.by])).toEqual([
      ['110', 'order'],
      ['111', 'order'],
    ]);
    const form = {
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new TextEncoder().encode('status=hi&media_ids%5B%5D=7&media_ids%5B%5D=8'),
    };
    expect(postRefs('mastodon', 'https://mastodon.test/api/v1/statuses', form.headers, form.body).map((ref) => ref.id)).toEqual(['7', '8']);
  });
});

describe('Bluesky', () => {
  it('captures an uploadBlob body whole, and reads image refs and alt texts of a post record', () => {
    const url = 'https://bsky.social/xrpc/com.atproto.repo.uploadBlob';
    const [seen] = parseUpload(uploadRoute('bluesky', 'POST', url)!, url, { 'Content-Type': 'image/png' }, PNG);
    expect(seen).toMatchObject({ platform: 'bluesky', declaredType: 'image/png' });
    const cid = rawBlobCid(new Uint8Array(createHash('sha256').update(PNG).digest()));
    const post = json({
      repo: 'did:plc:x',
      collection: 'app.bsky.feed.post',
      record: {
        $type: 'app.bsky.feed.post',
        text: 'hi',
        createdAt: '2026-01-01T00:00:00Z',
        embed: {
          $type: 'app.bsky.embed.images',
          images: [{ alt: 'A cat', image: { $type: 'blob', ref: { $link: cid }, mimeType: 'image/png', size: PNG.length } }],
        },
      },
    });
    expect(postRefs('bluesky', 'https://bsky.social/xrpc/com.atproto.repo.createRecord', post.headers, post.body)).toEqual([
      { part: 0, id: cid, by: 'hash', alt: 'A cat', declaredType: 'image/png' },
    ]);
    const thread = json({
      repo: 'did:plc:x',
      writes: [
        { $type: 'com.atproto.repo.applyWrites#create', collection: 'app.bsky.feed.post', value: { text: 'one' } },
        {
          $type: 'com.atproto.repo.applyWrites#create',
          collection: 'app.bsky.feed.post',
          value: { text: 'two', embed: { $type: 'app.bsky.embed.video', alt: 'A clip', video: { ref: { $link: 'bafkvideo' }, mimeType: 'video/mp4' } } },
        },
      ],
    });
    expect(postRefs('bluesky', 'https://bsky.social/xrpc/com.atproto.repo.applyWrites', thread.headers, thread.body)).toEqual([
      { part: 1, id: 'bafkvideo', by: 'hash', alt: 'A clip', declaredType: 'video/mp4' },
    ]);
  });
});

describe('matchMedia', () => {
  const ref = (id: string | null, by: MediaRef['by']): MediaRef => ({ part: 0, id, by, alt: null, declaredType: null });
  const candidate = (key: number, mediaId: string | null, cid: string | null = null): Candidate => ({ key, mediaId, cid: () => cid });

  it('matches ids and hashes exactly, never twice, and misses what was never captured', () => {
    const matches = matchMedia(
      [ref('b', 'id'), ref('a', 'id'), ref('zz', 'id'), ref('bafyc', 'hash')],
      [candidate(1, 'a'), candidate(2, 'b'), candidate(3, null, 'bafyc')],
    );
    expect(matches.map((match) => [match.key, match.by])).toEqual([
      [2, 'id'],
      [1, 'id'],
      [null, 'id'],
      [3, 'hash'],
    ]);
  });

  it('matches the rest by order, newest uploads last, leaving the first attachments unmatched when uploads are missing', () => {
    expect(matchMedia([ref('7', 'order'), ref('8', 'order')], [candidate(1, null), candidate(2, null), candidate(3, null)]).map((m) => m.key)).toEqual([2, 3]);
    expect(matchMedia([ref('7', 'order'), ref('8', 'order')], [candidate(5, null)]).map((m) => m.key)).toEqual([null, 5]);
  });

  it('hashes only uploads without an id, and only when a post names a hash', () => {
    let hashed = 0;
    const lazy: Candidate = { key: 1, mediaId: null, cid: () => (hashed++, 'bafyc') };
    matchMedia([ref('9', 'order')], [lazy]);
    expect(hashed).toBe(0);
    matchMedia([ref('bafyc', 'hash')], [{ key: 2, mediaId: 'x', cid: () => (hashed++, 'bafyc') }, lazy]);
    expect(hashed).toBe(1);
  });
});
