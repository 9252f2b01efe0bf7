// The media store and the gate: uploads captured per session within a budget, matched to the held post, dropped when decided.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { classify } from '../../../../shared/gate/classify.ts';
import { rawBlobCid } from '../../../../shared/gate/media/cid.ts';
import type { ClassifiedPost, OutgoingRequest } from '../../../../shared/gate/types.ts';
import { MediaStore } from '../../../../electron/main/services/gate/media-store.ts';
import { WebRequestDispatch, type SessionReader } from '../../../../electron/main/services/gate/web-request-dispatch.ts';
import { account, flush, harness, track } from './fixtures.ts';

const sha256 = (bytes: Uint8Array) => new Uint8Array(createHash('sha256').update(bytes).digest());
const enc = new TextEncoder();
// A 1×1 PNG (its bytes matter only for type sniffing and the data: URL).
const PNG = new Uint8Array(Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64'));
const dataUrl = (bytes: Uint8Array) => `data:image/png;base64,${Buffer.from(bytes).toString('base64')}`;

async function multipart(url: string, fields: Array<[string, string | Blob]>): Promise<OutgoingRequest> {
  const form = new FormData();
  for (const [name, value] of fields) form.append(name, value);
  const request = new Request(url, { method: 'POST', body: form });
  return { method: 'POST', url, headers: { 'content-type': request.headers.get('content-type') ?? '' }, body: new Uint8Array(await request.arrayBuffer()) };
}
const json = (url: string, value: unknown, method = 'POST'): OutgoingRequest => ({
  method,
  url,
  headers: { 'content-type': 'application/json' },
  body: enc.encode(JSON.stringify(value)),
});
function classified(request: OutgoingRequest): ClassifiedPost {
  const verdict = classify(request);
  if (!verdict.gated) throw new Error('not a post');
  return verdict;
}

const createTweet = (ids: string[]) =>
  json('https://x.com/i/api/graphql/q/CreateTweet', {
    variables: { tweet_text: 'hi', media: { media_entities: ids.map((media_id) => ({ media_id, tagged_users: [] })), possibly_sensitive: false } },
    queryId: 'q',
  });
const append = (id: string, segment: number, chunk: Uint8Array<ArrayBuffer>) =>
  multipart(`https://upload.x.com/i/media/upload.json?command=APPEND&media_id=${id}&segment_index=${segment}`, [['media', new Blob([chunk])]]);

describe('MediaStore', () => {
  it('assembles X chunks by media_id and segment index, with the alt text of the metadata request, matched by id', async () => {
    const store = new MediaStore({ sha256 });
    store.capture('a1', 'x', await append('77', 1, PNG.subarray(40)));
    store.capture('a1', 'x', await append('77', 0, PNG.subarray(0, 40)));
    store.capture('a1', 'x', json('https://x.com/i/api/1.1/media/metadata/create.json', { media_id: '77', alt_text: { text: 'A latte' } }));
    const tweet = createTweet(['77']);
    const claimed = store.claim('a1', classified(tweet), tweet);
    expect(claimed.media).toEqual([
      { part: 0, kind: 'image', mime: 'image/png', size: PNG.length, durationMs: null, alt: 'A latte', src: dataUrl(PNG), video: null, by: 'id' },
    ]);
    expect(claimed.unpreviewed).toBe(0);
  });

  it('counts an attachment with no captured upload as not previewed', async () => {
    const store = new MediaStore({ sha256 });
    store.capture('a1', 'x', await append('1', 0, PNG));
    const tweet = createTweet(['1', '2']);
    const claimed = store.claim('a1', classified(tweet), tweet);
    expect(claimed.media).toHaveLength(1);
    expect(claimed.unpreviewed).toBe(1);
  });

  it('matches a Bluesky image by the CID of the uploaded bytes, with the record’s alt text', () => {
    const store = new MediaStore({ sha256 });
    const other = Buffer.concat([PNG, Buffer.from([1])]);
    for (const bytes of [PNG, other])
      store.capture('a1', 'bluesky', {
        method: 'POST',
        url: 'https://bsky.test/xrpc/com.atproto.repo.uploadBlob',
        headers: { 'Content-Type': 'image/png' },
        body: bytes,
      });
    const record = json('https://bsky.test/xrpc/com.atproto.repo.createRecord', {
      repo: 'did:plc:brand123',
      collection: 'app.bsky.feed.post',
      record: {
        $type: 'app.bsky.feed.post',
        text: 'hi',
        createdAt: '2026-01-01T00:00:00.000Z',
        embed: {
          $type: 'app.bsky.embed.images',
          images: [{ alt: 'The first', image: { $type: 'blob', ref: { $link: rawBlobCid(sha256(PNG)) }, mimeType: 'image/png', size: PNG.length } }],
        },
      },
    });
    const claimed = store.claim('a1', classified(record), record);
    expect(claimed.media.map((item) => [item.src, item.alt, item.by])).toEqual([[dataUrl(PNG), 'The first', 'hash']]);
  });

  it('matches Mastodon uploads by order (the id is only in the upload’s response), with alt text by id from PUT /api/v1/media/:id', async () => {
    const store = new MediaStore({ sha256 });
    store.capture(
      'a1',
      'mastodon',
      await multipart('https://mastodon.test/api/v2/media', [
        ['file', new Blob([PNG], { type: 'image/png' })],
        ['description', 'Old upload'],
      ]),
    );
    store.capture(
      'a1',
      'mastodon',
      await multipart('https://mastodon.test/api/v2/media', [
        ['file', new Blob([PNG], { type: 'image/png' })],
        ['description', 'A cat'],
      ]),
    );
    store.capture('a1', 'mastodon', json('https://mastodon.test/api/v1/media/110', { description: 'A cat, edited' }, 'PUT'));
    const status = json('https://mastodon.test/api/v1/statuses', { status: 'hi', media_ids: ['110'], visibility: 'public' });
    const claimed = store.claim('a1', classified(status), status);
    expect(claimed.media.map((item) => [item.alt, item.by])).toEqual([['A cat, edited', 'order']]);
    // A second status is not shown the upload the first one claimed.
    const next = json('https://mastodon.test/api/v1/statuses', { status: 'hi', media_ids: ['111'], visibility: 'public' });
    const again = store.claim('a1', classified(next), next);
    expect(again.media.map((item) => item.alt)).toEqual(['Old upload']);
  });

  it('shows a GIF as an image (the <img> plays it) with its duration from the frame delays', async () => {
    const store = new MediaStore({ sha256 });
    const frame = (delay: number) => [0x21, 0xf9, 0x04, 0, delay, 0, 0, 0x00, 0x2c];
    const gif = new Uint8Array([...enc.encode('GIF89a'), ...new Array(7).fill(0), ...frame(40), ...frame(60), 0x3b]);
    store.capture('a1', 'mastodon', await multipart('https://mastodon.test/api/v2/media', [['file', new Blob([gif], { type: 'image/gif' })]]));
    const status = json('https://mastodon.test/api/v1/statuses', { status: 'hi', media_ids: ['1'] });
    const [shown] = store.claim('a1', classified(status), status).media;
    expect(shown).toMatchObject({ kind: 'gif', mime: 'image/gif', durationMs: 1000, src: expect.stringMatching(/^data:image\/gif;base64,/), video: null });
  });

  it('keeps at most its budget per account session, dropping the oldest upload first, and nothing larger than the budget', async () => {
    const store = new MediaStore({ sha256, budgetBytes: 1000 });
    const blob = (size: number): OutgoingRequest => ({
      method: 'POST',
      url: 'https://bsky.test/xrpc/com.atproto.repo.uploadBlob',
      headers: {},
      body: new Uint8Array(size),
    });
    expect(store.capture('a1', 'bluesky', blob(400))).toBe(true);
    expect(store.capture('a1', 'bluesky', blob(400))).toBe(true);
    expect(store.bytesHeld('a1')).toBe(800);
    store.capture('a1', 'bluesky', blob(400));
    expect(store.bytesHeld('a1')).toBe(800);
    expect(store.capture('a1', 'bluesky', blob(1001))).toBe(false);
    expect(store.bytesHeld('a2')).toBe(0);
    store.capture('a2', 'bluesky', blob(1000));
    expect(store.bytesHeld('a1')).toBe(800);
    // Not an upload of the account's platform: not kept.
    expect(store.capture('a1', 'x', blob(10))).toBe(false);
  });
});

describe('the gate with captured media', () => {
  const brand = account({ id: 'a1' });

  it('shows the attachment in the held post, needs no second press when all are shown, and drops the upload once decided', async () => {
    const media = new MediaStore({ sha256 });
    const h = harness([brand], { classify: (request) => classify(request), media });
    expect(await h.gate.intercept('a1', 'r1', await append('5', 0, PNG))).toBe('continue');
    expect(media.bytesHeld('a1')).toBeGreaterThan(PNG.length);
    const result = track(h.gate.intercept('a1', 'r2', createTweet(['5'])));
    await flush();
    const [view] = h.gate.queue();
    expect(view?.media?.map((item) => item.src)).toEqual([dataUrl(PNG)]);
    expect(view?.unpreviewedMedia).toBe(0);
    expect(h.gate.decide(view?.id ?? '', { confirm: true })).toEqual({ ok: true });
    await flush();
    expect(result.value).toBe('continue');
    expect(media.bytesHeld('a1')).toBe(0);
  });

  it('hands a cancelled post’s uploads back, so the site’s retry (same media ids) is still previewed; drops them once sent', async () => {
    const media = new MediaStore({ sha256 });
    const h = harness([brand], { classify: (request) => classify(request), media });
    await h.gate.intercept('a1', 'up', await append('5', 0, PNG));
    const held = media.bytesHeld('a1');
    void h.gate.intercept('a1', 'r1', createTweet(['5']));
    await flush();
    expect(h.gate.decide(h.gate.queue()[0]?.id ?? '', { confirm: false })).toEqual({ ok: true });
    expect(media.bytesHeld('a1')).toBe(held);
    void h.gate.intercept('a1', 'r2', createTweet(['5']));
    await flush();
    expect(h.gate.queue()[0]?.media?.map((item) => item.src)).toEqual([dataUrl(PNG)]);
    expect(h.gate.queue()[0]?.unpreviewedMedia).toBe(0);
    expect(h.gate.decide(h.gate.queue()[0]?.id ?? '', { confirm: true })).toEqual({ ok: true });
    expect(media.bytesHeld('a1')).toBe(0);
  });

  it('needs a second Confirm press when an attachment could not be previewed', async () => {
    const h = harness([brand], { classify: (request) => classify(request), media: new MediaStore({ sha256 }) });
    const result = track(h.gate.intercept('a1', 'r1', createTweet(['404'])));
    await flush();
    const [view] = h.gate.queue();
    expect(view?.unpreviewedMedia).toBe(1);
    expect(h.gate.decide(view?.id ?? '', { confirm: true })).toEqual({ ok: false, reason: 'needs-second-press' });
    expect(h.gate.decide(view?.id ?? '', { confirm: true, secondPress: true })).toEqual({ ok: true });
    await flush();
    expect(result.value).toBe('continue');
  });

  it('counts every attachment as not previewed when no store is wired (fails safe)', async () => {
    const h = harness([brand], { classify: (request) => classify(request) });
    void h.gate.intercept('a1', 'r1', createTweet(['1', '2']));
    await flush();
    expect(h.gate.queue()[0]?.unpreviewedMedia).toBe(2);
  });
});

describe('WebRequestDispatch reads the file parts of media uploads only', () => {
  const mastodon = account({ id: 'm1', platform: 'mastodon', startUrl: 'https://mastodon.test/' });

  it('splices a picked file (uploadData `file`) into a Mastodon upload so the store gets the whole file', async () => {
    const media = new MediaStore({ sha256 });
    const h = harness([mastodon], { classify: (request) => classify(request), media });
    const files: string[] = [];
    const session: SessionReader = {
      getBlobData: () => Promise.reject(new Error('none')),
      cookie: async () => null,
      readFile: async (path) => (files.push(path), PNG),
    };
    const dispatch = new WebRequestDispatch('m1', () => mastodon, h.gate, session);
    const boundary = '----WebKitFormBoundaryabc';
    const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="cat.png"\r\nContent-Type: image/png\r\n\r\n`;
    const tail = `\r\n--${boundary}\r\nContent-Disposition: form-data; name="description"\r\n\r\nA cat\r\n--${boundary}--\r\n`;
    const headers = { 'Content-Type': `multipart/form-data; boundary=${boundary}` };
    const upload = 'https://mastodon.test/api/v2/media';
    await dispatch.beforeRequest({
      id: 1,
      method: 'POST',
      url: upload,
      resourceType: 'xhr',
      uploadData: [{ bytes: enc.encode(head) }, { file: '/home/u/cat.png' }, { bytes: enc.encode(tail) }],
    });
    expect(await dispatch.beforeSendHeaders({ id: 1, method: 'POST', url: upload, requestHeaders: headers })).toEqual({ cancel: false });
    expect(files).toEqual(['/home/u/cat.png']);
    // Another request's file parts are not read.
    await dispatch.beforeRequest({
      id: 2,
      method: 'POST',
      url: 'https://mastodon.test/other',
      resourceType: 'xhr',
      uploadData: [{ file: '/home/u/secret.txt' }],
    });
    await dispatch.beforeSendHeaders({ id: 2, method: 'POST', url: 'https://mastodon.test/other', requestHeaders: {} });
    expect(files).toEqual(['/home/u/cat.png']);
    const status = json('https://mastodon.test/api/v1/statuses', { status: 'hi', media_ids: ['1'] });
    const claimed = media.claim('m1', classified(status), status);
    expect(claimed.media.map((item) => [item.src, item.alt])).toEqual([[dataUrl(PNG), 'A cat']]);
  });
});

describe('MediaStore hashing', () => {
  it('hashes each Bluesky upload once, however many posts are held after it', () => {
    let hashed = 0;
    const store = new MediaStore({ sha256: (bytes) => (hashed++, sha256(bytes)) });
    const other = new Uint8Array([...PNG, 7]);
    store.capture('a1', 'bluesky', { method: 'POST', url: 'https://bsky.test/xrpc/com.atproto.repo.uploadBlob', headers: {}, body: other });
    const record = (cid: string) =>
      json('https://bsky.test/xrpc/com.atproto.repo.createRecord', {
        repo: 'did:plc:brand123',
        collection: 'app.bsky.feed.post',
        record: {
          $type: 'app.bsky.feed.post',
          text: 'hi',
          createdAt: '2026-01-01T00:00:00.000Z',
          embed: { $type: 'app.bsky.embed.images', images: [{ alt: '', image: { $type: 'blob', ref: { $link: cid }, mimeType: 'image/png', size: 1 } }] },
        },
      });
    const missing = record(rawBlobCid(sha256(PNG)));
    store.claim('a1', classified(missing), missing);
    store.claim('a1', classified(missing), missing);
    expect(hashed).toBe(1);
  });
});
