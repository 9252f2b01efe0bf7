// X media: the chunked upload (APPEND carries the media_id and a chunk), the alt-text metadata request, a post's media ids.
import { arr, at, idOf, isObject, str, type JsonValue } from '../../platforms/json-body.ts';
import { RequestBody } from '../../platforms/request-body.ts';
import { base64Bytes } from './base64.ts';
import { boundaryOf, parseMultipartBytes, textOf } from './multipart.ts';
import { headerOf, type MediaObservation, type MediaRef, type UploadRoute } from './types.ts';

const X_HOST = /(^|\.)(x|twitter)\.com$/;

/**
 * X's upload (`upload.x.com/i/media/upload.json`, `upload.twitter.com/1.1/media/upload.json`):
 * only APPEND carries bytes, and its media_id; INIT's id comes back in its response, FINALIZE has
 * nothing to show. The alt text goes separately to `…/media/metadata/create.json`.
 */
export function xUploadRoute(url: URL, method: string): UploadRoute | null {
  if (method !== 'POST' || !X_HOST.test(url.hostname)) return null;
  const path = url.pathname;
  if (path.endsWith('/media/upload.json')) {
    const command = url.searchParams.get('command');
    // The command may also be a form field of the body (the public API's form); decided when parsed.
    return command === null || command === 'APPEND' ? { platform: 'x', step: 'file' } : null;
  }
  if (path.endsWith('/media/metadata/create.json')) return { platform: 'x', step: 'alt' };
  return null;
}

/** Reads an X upload or metadata request. */
export function xParseUpload(route: UploadRoute, url: URL, headers: Readonly<Record<string, string>>, body: Uint8Array): MediaObservation[] {
  if (route.step === 'alt') {
    const json = new RequestBody(body, headers, false).record();
    const mediaId = idOf(json['media_id']);
    const alt = str(at(json, 'alt_text', 'text'));
    return mediaId === null || alt === null ? [] : [{ platform: 'x', mediaId, bytes: null, segment: 0, declaredType: null, alt }];
  }
  const contentType = headerOf(headers, 'content-type');
  const parts = contentType.toLowerCase().startsWith('multipart/') ? parseMultipartBytes(body, boundaryOf(contentType)) : [];
  const field = (name: string) => url.searchParams.get(name) ?? textOf(parts.find((part) => part.name === name));
  if ((field('command') ?? 'APPEND') !== 'APPEND') return [];
  const mediaId = field('media_id');
  const media = parts.find((part) => part.name === 'media');
  const encoded = media === undefined ? textOf(parts.find((part) => part.name === 'media_data')) : null;
  const bytes = media?.data ?? (encoded === null ? null : base64Bytes(encoded));
  if (mediaId === null || bytes === null) return [];
  return [{ platform: 'x', mediaId, bytes, segment: Number(field('segment_index') ?? '0') || 0, declaredType: media?.contentType ?? null, alt: null }];
}

function idsOf(value: JsonValue | undefined): string[] {
  if (typeof value === 'string')
    return value
      .split(',')
      .map((id) => id.trim())
      .filter((id) => id.length > 0);
  return arr(value)
    .map((id) => (isObject(id) ? idOf(id['media_id']) : idOf(id)))
    .filter((id): id is string => id !== null);
}

/** The media ids a post names (CreateTweet's `media_entities`, the scheduled and API forms' `media_ids`). */
export function xPostRefs(url: URL, headers: Readonly<Record<string, string>>, body: Uint8Array | null): MediaRef[] {
  if (body === null) return [];
  const request = new RequestBody(body, headers, false);
  let record: Record<string, JsonValue>;
  try {
    record = request.record();
  } catch {
    return [];
  }
  let variables = record['variables'];
  if (typeof variables === 'string') {
    try {
      variables = JSON.parse(variables) as JsonValue;
    } catch {
      variables = undefined;
    }
  }
  const ids =
    variables !== undefined
      ? [...idsOf(at(variables, 'media', 'media_entities')), ...idsOf(at(variables, 'post_tweet_request', 'media_ids'))]
      : [...idsOf(at(record, 'media', 'media_ids')), ...idsOf(record['media_ids']), ...idsOf(record['media_id'])];
  return ids.map((id) => ({ part: 0, id, by: 'id' as const, alt: null, declaredType: null }));
}
