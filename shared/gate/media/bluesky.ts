// Bluesky media: com.atproto.repo.uploadBlob (the raw bytes) and a record's image/video `ref` (the blob's CID).
import { arr, at, str, type JsonValue } from '../../platforms/json-body.ts';
import { RequestBody } from '../../platforms/request-body.ts';
import { headerOf, type MediaObservation, type MediaRef, type UploadRoute } from './types.ts';

const POST = 'app.bsky.feed.post';

/** `POST /xrpc/com.atproto.repo.uploadBlob` on any PDS host. */
export function blueskyUploadRoute(url: URL, method: string): UploadRoute | null {
  return method === 'POST' && url.pathname === '/xrpc/com.atproto.repo.uploadBlob' ? { platform: 'bluesky', step: 'file' } : null;
}

/** The whole body is the blob; its type is the request's Content-Type. */
export function blueskyParseUpload(headers: Readonly<Record<string, string>>, body: Uint8Array): MediaObservation[] {
  const declared = headerOf(headers, 'content-type').split(';')[0]?.trim().toLowerCase() ?? '';
  return body.length === 0 ? [] : [{ platform: 'bluesky', mediaId: null, bytes: body, segment: 0, declaredType: declared === '' ? null : declared, alt: null }];
}

function blobRef(blob: JsonValue | undefined): { cid: string | null; mimeType: string | null } {
  // A BlobRef as JSON: { $type: 'blob', ref: { $link: CID }, mimeType, size }; the legacy form is { cid, mimeType }.
  return { cid: str(at(blob, 'ref', '$link')) ?? str(at(blob, 'cid')), mimeType: str(at(blob, 'mimeType')) };
}

function embedRefs(embed: JsonValue | undefined, part: number): MediaRef[] {
  const type = str(at(embed, '$type'));
  if (type === 'app.bsky.embed.recordWithMedia') return embedRefs(at(embed, 'media'), part);
  if (type === 'app.bsky.embed.images') {
    return arr(at(embed, 'images')).map((image) => {
      const ref = blobRef(at(image, 'image'));
      return { part, id: ref.cid, by: 'hash' as const, alt: str(at(image, 'alt')), declaredType: ref.mimeType };
    });
  }
  if (type === 'app.bsky.embed.video') {
    const ref = blobRef(at(embed, 'video'));
    return [{ part, id: ref.cid, by: 'hash', alt: str(at(embed, 'alt')), declaredType: ref.mimeType }];
  }
  return [];
}

/** The blobs a createRecord / putRecord / applyWrites request's post records embed, part by part. */
export function blueskyPostRefs(headers: Readonly<Record<string, string>>, body: Uint8Array | null): MediaRef[] {
  if (body === null) return [];
  let json: JsonValue;
  try {
    json = new RequestBody(body, headers, false).json();
  } catch {
    return [];
  }
  const records: JsonValue[] = [];
  if (str(at(json, 'collection')) === POST) records.push(at(json, 'record') ?? null);
  for (const write of arr(at(json, 'writes')))
    if (str(at(write, 'collection')) === POST && at(write, 'value') !== undefined) records.push(at(write, 'value') ?? null);
  return records.flatMap((record, part) => embedRefs(at(record, 'embed'), part));
}
