// The media store with Instagram and Threads: rupload bodies kept with their headers, tied to a configure by upload_id.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { classify } from '../../../../shared/gate/classify.ts';
import type { ClassifiedPost, OutgoingRequest } from '../../../../shared/gate/types.ts';
import { MediaStore } from '../../../../electron/main/services/gate/media-store.ts';
import { account, flush, harness, track } from './fixtures.ts';

const sha256 = (bytes: Uint8Array) => new Uint8Array(createHash('sha256').update(bytes).digest());
const enc = new TextEncoder();
const PNG = new Uint8Array(Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64'));
// The first box of an MP4 (ftyp): enough for the type sniffing.
const MP4 = new Uint8Array([0, 0, 0, 24, ...enc.encode('ftypisom'), 0, 0, 2, 0, ...enc.encode('isomiso2')]);
const dataUrl = (bytes: Uint8Array) => `data:image/png;base64,${Buffer.from(bytes).toString('base64')}`;

/** A rupload request as the web client sends it: the file as the body, the upload_id in the params header. */
function rupload(host: string, kind: 'photo' | 'video', uploadId: string, bytes: Uint8Array, extra: Record<string, string> = {}): OutgoingRequest {
  return {
    method: 'POST',
    url: `https://${host}/rupload_ig${kind}/feed_${uploadId}`,
    headers: {
      'X-Instagram-Rupload-Params': JSON.stringify({ media_type: kind === 'photo' ? 1 : 2, upload_id: uploadId }),
      'X-Entity-Name': `feed_${uploadId}`,
      'X-Entity-Length': String(bytes.length),
      'X-Entity-Type': kind === 'photo' ? 'image/png' : 'video/mp4',
      Offset: '0',
      'Content-Type': 'application/octet-stream',
      ...extra,
    },
    body: bytes,
  };
}
const configure = (url: string, fields: Record<string, string>): OutgoingRequest => ({
  method: 'POST',
  url,
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: enc.encode(new URLSearchParams(fields).toString()),
});
function classified(request: OutgoingRequest): ClassifiedPost {
  const verdict = classify(request);
  if (!verdict.gated) throw new Error('not a post');
  return verdict;
}
const CONFIGURE = 'https://www.instagram.com/api/v1/media/configure/';

describe('MediaStore with Instagram and Threads', () => {
  it('ties a configure’s upload_id to the rupload_igphoto body, reading the id from the params header it keeps', () => {
    const store = new MediaStore({ sha256 });
    expect(store.capture('a1', 'instagram', rupload('www.instagram.com', 'photo', '1733000000001', PNG))).toBe(true);
    const other = Buffer.concat([PNG, Buffer.from([1])]);
    store.capture('a1', 'instagram', rupload('i.instagram.com', 'photo', '1733000000002', other));
    const post = configure(CONFIGURE, { upload_id: '1733000000001', caption: 'hi', custom_accessibility_caption: 'A cat' });
    const claimed = store.claim('a1', classified(post), post);
    expect(claimed.media).toEqual([
      { part: 0, kind: 'image', mime: 'image/png', size: PNG.length, durationMs: null, alt: 'A cat', src: dataUrl(PNG), video: null, by: 'id' },
    ]);
    expect(claimed.unpreviewed).toBe(0);
  });

  it('shows a sidecar of two in the post’s order, and a Threads post from a threads.com upload', () => {
    const store = new MediaStore({ sha256 });
    const second = Buffer.concat([PNG, Buffer.from([2])]);
    store.capture('a1', 'instagram', rupload('www.instagram.com', 'photo', '12', second));
    store.capture('a1', 'instagram', rupload('www.instagram.com', 'photo', '11', PNG));
    const sidecar = configure('https://www.instagram.com/api/v1/media/configure_sidecar/', {
      caption: 'two',
      client_sidecar_id: '10',
      children_metadata: JSON.stringify([{ upload_id: '11' }, { upload_id: '12' }]),
    });
    const claimed = store.claim('a1', classified(sidecar), sidecar);
    expect(claimed.media.map((item) => item.size)).toEqual([PNG.length, second.length]);
    expect(claimed.unpreviewed).toBe(0);

    store.capture('t1', 'threads', rupload('www.threads.com', 'photo', '21', PNG));
    const feed = configure('https://www.threads.com/api/v1/media/configure_text_post_app_feed/', { upload_id: '21', caption: 'a thread' });
    expect(store.claim('t1', classified(feed), feed).unpreviewed).toBe(0);
  });

  it('keeps nothing from another platform’s host, and previews nothing for a resumed upload', () => {
    const store = new MediaStore({ sha256 });
    expect(store.capture('a1', 'instagram', rupload('www.threads.com', 'photo', '31', PNG))).toBe(false);
    expect(store.capture('t1', 'threads', rupload('www.instagram.com', 'photo', '31', PNG))).toBe(false);
    store.capture('a1', 'instagram', rupload('www.instagram.com', 'photo', '32', PNG.subarray(10), { Offset: '10' }));
    const post = configure(CONFIGURE, { upload_id: '32' });
    const claimed = store.claim('a1', classified(post), post);
    expect(claimed.media).toEqual([]);
    expect(claimed.unpreviewed).toBe(1);
  });

  it('shows a video, not the cover photo uploaded after it under the same upload_id; a video whose cover alone was kept is not previewed', () => {
    const store = new MediaStore({ sha256 });
    store.capture('a1', 'instagram', rupload('www.instagram.com', 'video', '41', MP4));
    store.capture('a1', 'instagram', rupload('www.instagram.com', 'photo', '41', PNG));
    const reel = configure('https://www.instagram.com/api/v1/media/configure_to_clips/', { upload_id: '41', caption: 'reel' });
    const claimed = store.claim('a1', classified(reel), reel);
    expect(claimed.media.map((item) => [item.kind, item.mime, item.size])).toEqual([['video', 'video/mp4', MP4.length]]);
    // Both requests go with the post once it is decided.
    store.release(claimed);
    expect(store.bytesHeld('a1')).toBe(0);

    // The video was too large to keep (or dropped by the budget): its cover is not the attachment.
    store.capture('a1', 'instagram', rupload('www.instagram.com', 'photo', '42', PNG));
    const clip = configure('https://www.instagram.com/api/v1/media/configure_to_clips/', { upload_id: '42' });
    const cover = store.claim('a1', classified(clip), clip);
    expect(cover.media).toEqual([]);
    expect(cover.unpreviewed).toBe(1);
    // The cover is still this post's upload: it goes when the post is decided, as the post's captures do.
    store.release(cover);
    expect(store.bytesHeld('a1')).toBe(0);
  });

  it('keeps no cookie, authorization or other header beyond the ones the parse reads', () => {
    const store = new MediaStore({ sha256 });
    const secret = { Cookie: 'sessionid=SECRET', Authorization: 'Bearer SECRET', 'X-IG-WWW-Claim': 'SECRET', 'X-CSRFToken': 'SECRET' };
    store.capture('a1', 'instagram', rupload('www.instagram.com', 'photo', '51', PNG, secret));
    // Reads what the store keeps (a private field): no kept header holds a session secret.
    const held = (store as unknown as { accounts: Map<string, { captures: Array<{ headers: Record<string, string> }> }> }).accounts.get('a1');
    const headers = held?.captures[0]?.headers ?? {};
    expect(Object.keys(headers).sort()).toEqual(['content-type', 'offset', 'x-entity-length', 'x-entity-name', 'x-entity-type', 'x-instagram-rupload-params']);
    expect(JSON.stringify(headers)).not.toContain('SECRET');
  });
});

describe('the gate with an Instagram upload', () => {
  it('lets the rupload request through, holds the configure with its picture, and needs one press', async () => {
    const brand = account({ id: 'a1', platform: 'instagram', startUrl: 'https://www.instagram.com/' });
    const media = new MediaStore({ sha256 });
    const h = harness([brand], { classify: (request) => classify(request), media });
    expect(await h.gate.intercept('a1', 'up', rupload('www.instagram.com', 'photo', '51', PNG))).toBe('continue');
    expect(media.bytesHeld('a1')).toBe(PNG.length);
    const result = track(h.gate.intercept('a1', 'post', configure(CONFIGURE, { upload_id: '51', caption: 'hi' })));
    await flush();
    const [view] = h.gate.queue();
    expect(view?.media?.map((item) => item.src)).toEqual([dataUrl(PNG)]);
    expect(view?.unpreviewedMedia).toBe(0);
    expect(h.gate.decide(view?.id ?? '', { confirm: true })).toEqual({ ok: true });
    await flush();
    expect(result.value).toBe('continue');
    expect(media.bytesHeld('a1')).toBe(0);
  });
});
