// Instagram and Threads media as their web clients send it: rupload_igphoto / rupload_igvideo bodies, and the upload_ids of configure requests.
import { describe, expect, it } from 'vitest';
import { classify } from '../../../../../shared/gate/classify.ts';
import { matchMedia, parseUpload, postRefs, uploadRoute, type Candidate } from '../../../../../shared/gate/media/match.ts';
import type { OutgoingRequest } from '../../../../../shared/gate/types.ts';

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0xff, 0x00]);
const enc = new TextEncoder();

/** The headers instagrapi / instagram-private-api / the web client send with a rupload body. */
function ruploadHeaders(uploadId: string | number, name: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    'X-Instagram-Rupload-Params': JSON.stringify({ media_type: 1, upload_id: uploadId, upload_media_height: 300, upload_media_width: 300 }),
    'X-Entity-Name': name,
    'X-Entity-Length': String(PNG.length),
    'X-Entity-Type': 'image/png',
    Offset: '0',
    'Content-Type': 'application/octet-stream',
    ...extra,
  };
}
const form = (fields: Record<string, string>) => ({
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: enc.encode(new URLSearchParams(fields).toString()),
});
const signed = (value: unknown) => ({
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: enc.encode(`signed_body=SIGNATURE.${encodeURIComponent(JSON.stringify(value))}`),
});
const ids = (refs: ReturnType<typeof postRefs>) => refs.map((ref) => [ref.id, ref.by]);
/** The rules' media count of the same request, which the dialog compares with the refs. */
function mediaCount(url: string, request: { headers: Record<string, string>; body: Uint8Array }): number {
  const verdict = classify({ method: 'POST', url, headers: request.headers, body: request.body } satisfies OutgoingRequest);
  if (!verdict.gated) throw new Error(`not a post: ${url}`);
  return verdict.parts.reduce((sum, part) => sum + part.mediaCount, 0);
}

describe('Instagram and Threads uploads', () => {
  it('recognises rupload_igphoto and rupload_igvideo POSTs on the account’s own platform hosts only, from the method and URL', () => {
    for (const url of [
      'https://www.instagram.com/rupload_igphoto/fb_uploader_1733000000000',
      'https://i.instagram.com/rupload_igvideo/1733000000000_0_4567890123',
      'https://instagram.com/rupload_igphoto/fb_uploader_1733000000000/',
    ])
      expect(uploadRoute('instagram', 'POST', url), url).toEqual({ platform: 'instagram', step: 'file' });
    for (const url of ['https://www.threads.net/rupload_igphoto/fb_uploader_1', 'https://www.threads.com/rupload_igvideo/fb_uploader_1'])
      expect(uploadRoute('threads', 'post', url), url).toEqual({ platform: 'threads', step: 'file' });
    // Another platform's host, another platform's account, another method, another path, a segmented transfer.
    expect(uploadRoute('instagram', 'POST', 'https://www.threads.com/rupload_igphoto/fb_uploader_1')).toBeNull();
    expect(uploadRoute('threads', 'POST', 'https://www.instagram.com/rupload_igphoto/fb_uploader_1')).toBeNull();
    expect(uploadRoute('instagram', 'POST', 'https://instagram.com.evil.test/rupload_igphoto/fb_uploader_1')).toBeNull();
    expect(uploadRoute('x', 'POST', 'https://www.instagram.com/rupload_igphoto/fb_uploader_1')).toBeNull();
    expect(uploadRoute('instagram', 'GET', 'https://www.instagram.com/rupload_igvideo/fb_uploader_1')).toBeNull();
    expect(uploadRoute('instagram', 'POST', 'https://www.instagram.com/api/v1/media/configure/')).toBeNull();
    expect(uploadRoute('instagram', 'POST', 'https://www.instagram.com/rupload_igphoto/')).toBeNull();
    expect(uploadRoute('instagram', 'POST', 'https://www.instagram.com/rupload_igphoto/a/b')).toBeNull();
    expect(uploadRoute('instagram', 'POST', 'https://i.instagram.com/rupload_igvideo/0f8e?segmented=true&phase=transfer')).toBeNull();
    expect(uploadRoute('instagram', 'POST', 'not a url')).toBeNull();
  });

  it('takes the raw body as the file and the upload_id from X-Instagram-Rupload-Params (string or number)', () => {
    const url = 'https://www.instagram.com/rupload_igphoto/fb_uploader_1733000000001';
    const route = uploadRoute('instagram', 'POST', url)!;
    const [seen] = parseUpload(route, url, ruploadHeaders('1733000000001', 'fb_uploader_1733000000001'), PNG);
    expect(seen).toMatchObject({ platform: 'instagram', mediaId: '1733000000001', segment: 0, declaredType: 'image/png', alt: null, rank: 0 });
    expect([...(seen?.bytes ?? [])]).toEqual([...PNG]);
    // The params win over the entity name; an unquoted number is kept as its digits.
    const named = 'https://www.instagram.com/rupload_igphoto/feed_1';
    expect(parseUpload(route, named, ruploadHeaders(1733000000002, 'feed_1'), PNG)[0]?.mediaId).toBe('1733000000002');
  });

  it('falls back to the entity name (fb_uploader_<id>, <id>_0_<random>) when there are no rupload params', () => {
    const route = uploadRoute('threads', 'POST', 'https://www.threads.com/rupload_igphoto/x')!;
    const bare = { 'X-Entity-Type': 'image/png', Offset: '0' };
    expect(parseUpload(route, 'https://www.threads.com/rupload_igphoto/fb_uploader_1733000000003', bare, PNG)[0]?.mediaId).toBe('1733000000003');
    expect(parseUpload(route, 'https://www.threads.com/rupload_igphoto/1733000000004_0_4567890123', bare, PNG)[0]?.mediaId).toBe('1733000000004');
    expect(parseUpload(route, 'https://www.threads.com/rupload_igphoto/something-else', bare, PNG)).toEqual([]);
  });

  it('marks a video above a photo of the same upload_id (its cover), and keeps the declared X-Entity-Type', () => {
    const url = 'https://i.instagram.com/rupload_igvideo/fb_uploader_1733000000005';
    const headers = { ...ruploadHeaders('1733000000005', 'fb_uploader_1733000000005'), 'X-Entity-Type': 'video/mp4' };
    expect(parseUpload(uploadRoute('instagram', 'POST', url)!, url, headers, PNG)[0]).toMatchObject({
      mediaId: '1733000000005',
      declaredType: 'video/mp4',
      rank: 1,
    });
  });

  it('captures nothing for a malformed params header, a resumed or segmented upload, a partial or empty body; never throws', () => {
    const url = 'https://www.instagram.com/rupload_igphoto/fb_uploader_1733000000006';
    const route = uploadRoute('instagram', 'POST', url)!;
    const base = ruploadHeaders('1733000000006', 'fb_uploader_1733000000006');
    for (const params of ['{not json', '[]', '"1733000000006"', '{"media_type":1}', '{"upload_id":{"a":1}}', '{"upload_id":""}'])
      expect(parseUpload(route, url, { ...base, 'X-Instagram-Rupload-Params': params }, PNG), params).toEqual([]);
    expect(parseUpload(route, url, { ...base, Offset: '4' }, PNG.subarray(4))).toEqual([]);
    expect(parseUpload(route, url, { ...base, Offset: 'x' }, PNG)).toEqual([]);
    expect(parseUpload(route, url, { ...base, 'Segment-Start-Offset': '0', 'Stream-Id': '99' }, PNG)).toEqual([]);
    expect(parseUpload(route, url, base, PNG.subarray(0, 8))).toEqual([]);
    expect(parseUpload(route, url, base, new Uint8Array(0))).toEqual([]);
    expect(parseUpload(route, 'not a url', base, PNG)).toEqual([]);
  });
});

describe('Instagram and Threads posts', () => {
  it('names the upload_id of a configure (form, JSON or signed_body), agreeing with the rules’ media count', () => {
    const url = 'https://www.instagram.com/api/v1/media/configure/';
    const web = form({ upload_id: '1733000000001', caption: 'hi', custom_accessibility_caption: 'A cat' });
    expect(postRefs('instagram', url, web.headers, web.body)).toEqual([{ part: 0, id: '1733000000001', by: 'id', alt: 'A cat', declaredType: null }]);
    expect(mediaCount(url, web)).toBe(1);
    const app = signed({ upload_id: 1733000000001, caption: 'hi' });
    expect(ids(postRefs('instagram', 'https://i.instagram.com/api/v1/media/configure/', app.headers, app.body))).toEqual([['1733000000001', 'id']]);
    // A configure without an upload_id still counts its one attachment (not previewed).
    const none = form({ caption: 'hi' });
    expect(ids(postRefs('instagram', url, none.headers, none.body))).toEqual([[null, 'id']]);
    expect(mediaCount(url, none)).toBe(1);
  });

  it('declares a video where the request says it is one (configure_to_clips, configure?video=1, a sidecar child with clips)', () => {
    const clip = form({ upload_id: '1733000000005', caption: 'reel' });
    const clipUrl = 'https://www.instagram.com/api/v1/media/configure_to_clips/';
    expect(postRefs('instagram', clipUrl, clip.headers, clip.body)).toEqual([{ part: 0, id: '1733000000005', by: 'id', alt: null, declaredType: 'video/*' }]);
    expect(mediaCount(clipUrl, clip)).toBe(1);
    expect(postRefs('instagram', 'https://i.instagram.com/api/v1/media/configure/?video=1', clip.headers, clip.body)[0]?.declaredType).toBe('video/*');
  });

  it('names a sidecar’s children in order (children_metadata as a JSON string or an array), not its client_sidecar_id', () => {
    const url = 'https://www.instagram.com/api/v1/media/configure_sidecar/';
    const children = [
      { upload_id: '1733000000011', source_type: '4' },
      { upload_id: '1733000000012', clips: '[{"length":3.2,"source_type":"4"}]', length: 3.2 },
    ];
    const web = form({ caption: 'two', client_sidecar_id: '1733000000010', upload_id: '1733000000010', children_metadata: JSON.stringify(children) });
    const refs = postRefs('instagram', url, web.headers, web.body);
    expect(refs.map((ref) => [ref.id, ref.by, ref.declaredType])).toEqual([
      ['1733000000011', 'id', null],
      ['1733000000012', 'id', 'video/*'],
    ]);
    expect(mediaCount(url, web)).toBe(2);
    const app = signed({ caption: 'two', client_sidecar_id: '1733000000010', children_metadata: children });
    expect(ids(postRefs('instagram', url, app.headers, app.body))).toEqual([
      ['1733000000011', 'id'],
      ['1733000000012', 'id'],
    ]);
  });

  it('reads Threads’ configure_text_post_app_feed and _sidecar, and names nothing for a text-only post', () => {
    const feed = form({ upload_id: '1733000000021', caption: 'a thread', text_post_app_info: '{"reply_control":0}' });
    const feedUrl = 'https://www.threads.com/api/v1/media/configure_text_post_app_feed/';
    expect(ids(postRefs('threads', feedUrl, feed.headers, feed.body))).toEqual([['1733000000021', 'id']]);
    expect(mediaCount(feedUrl, feed)).toBe(1);
    const sidecarUrl = 'https://www.threads.net/api/v1/media/configure_text_post_app_sidecar/';
    const sidecar = signed({
      caption: 'two',
      client_sidecar_id: '1733000000020',
      children_metadata: [{ upload_id: '1733000000022' }, { upload_id: '1733000000023' }],
    });
    expect(ids(postRefs('threads', sidecarUrl, sidecar.headers, sidecar.body))).toEqual([
      ['1733000000022', 'id'],
      ['1733000000023', 'id'],
    ]);
    expect(mediaCount(sidecarUrl, sidecar)).toBe(2);
    const text = form({ caption: 'words only' });
    expect(postRefs('threads', 'https://www.threads.com/api/v1/media/configure_text_only_post/', text.headers, text.body)).toEqual([]);
    // An Instagram endpoint from a Threads account (and the other way round) names nothing.
    expect(postRefs('threads', 'https://www.instagram.com/api/v1/media/configure/', feed.headers, feed.body)).toEqual([]);
    expect(postRefs('instagram', feedUrl, feed.headers, feed.body)).toEqual([]);
  });

  it('names nothing for an unreadable body; never throws', () => {
    const url = 'https://www.instagram.com/api/v1/media/configure_sidecar/';
    expect(postRefs('instagram', url, { 'content-type': 'application/json' }, enc.encode('{oops'))).toEqual([]);
    expect(postRefs('instagram', url, {}, null)).toEqual([]);
    const bad = form({ children_metadata: '[{"upload_id":' });
    expect(postRefs('instagram', url, bad.headers, bad.body)).toEqual([]);
  });

  it('matches exactly by upload_id: never an upload of another id, never one upload twice', () => {
    const candidate = (key: number, mediaId: string | null): Candidate => ({ key, mediaId, cid: () => null });
    const body = form({ children_metadata: JSON.stringify([{ upload_id: '2' }, { upload_id: '9' }, { upload_id: '2' }]) });
    const refs = postRefs('instagram', 'https://www.instagram.com/api/v1/media/configure_sidecar/', body.headers, body.body);
    expect(matchMedia(refs, [candidate(1, '1'), candidate(2, '2'), candidate(3, null)]).map((match) => [match.key, match.by])).toEqual([
      [2, 'id'],
      [null, 'id'],
      [null, 'id'],
    ]);
  });
});
