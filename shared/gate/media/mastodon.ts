// Mastodon media: POST /api/v2/media (a file and its description), PUT /api/v1/media/:id (alt text), a status's media_ids.
import { arr, idOf, isObject, str, type JsonObject } from '../../platforms/json-body.ts';
import { RequestBody } from '../../platforms/request-body.ts';
import { boundaryOf, parseMultipartBytes, textOf } from './multipart.ts';
import { headerOf, type MediaObservation, type MediaRef, type UploadRoute } from './types.ts';

/**
 * The upload (`/api/v2/media`, the older `/api/v1/media`) answers the media id only in its response,
 * which webRequest cannot read: uploads are matched to a status by order. Editing the alt text later
 * (`PUT /api/v1/media/:id`) names the id, so that alt text is matched exactly.
 */
export function mastodonUploadRoute(url: URL, method: string): UploadRoute | null {
  const path = url.pathname.replace(/\/+$/, '');
  if (method === 'POST' && (path === '/api/v2/media' || path === '/api/v1/media')) return { platform: 'mastodon', step: 'file' };
  if (method === 'PUT' && /^\/api\/v1\/media\/[^/]+$/.test(path)) return { platform: 'mastodon', step: 'alt' };
  return null;
}

function record(headers: Readonly<Record<string, string>>, body: Uint8Array): JsonObject {
  return new RequestBody(body, headers, false).record();
}

/** Reads a media upload or a media update. */
export function mastodonParseUpload(route: UploadRoute, url: URL, headers: Readonly<Record<string, string>>, body: Uint8Array): MediaObservation[] {
  const contentType = headerOf(headers, 'content-type');
  const multipart = contentType.toLowerCase().startsWith('multipart/');
  if (route.step === 'alt') {
    const mediaId = decodeURIComponent(url.pathname.replace(/\/+$/, '').split('/').pop() ?? '');
    const alt = multipart
      ? textOf(parseMultipartBytes(body, boundaryOf(contentType)).find((part) => part.name === 'description'))
      : str(record(headers, body)['description']);
    return alt === null || mediaId === '' ? [] : [{ platform: 'mastodon', mediaId, bytes: null, segment: 0, declaredType: null, alt }];
  }
  if (!multipart) return [];
  const parts = parseMultipartBytes(body, boundaryOf(contentType));
  const file = parts.find((part) => part.name === 'file');
  if (file === undefined) return [];
  const alt = textOf(parts.find((part) => part.name === 'description'));
  return [{ platform: 'mastodon', mediaId: null, bytes: file.data, segment: 0, declaredType: file.contentType, alt: alt === '' ? null : alt }];
}

/** A status's attachments (`media_ids`, JSON or form), with alt text from `media_attributes` when an edit sends it. */
export function mastodonPostRefs(headers: Readonly<Record<string, string>>, body: Uint8Array | null): MediaRef[] {
  if (body === null) return [];
  let fields: JsonObject;
  try {
    fields = record(headers, body);
  } catch {
    return [];
  }
  const attributes = new Map<string, string>();
  for (const attribute of arr(fields['media_attributes'])) {
    if (!isObject(attribute)) continue;
    const id = idOf(attribute['id']);
    const description = str(attribute['description']);
    if (id !== null && description !== null) attributes.set(id, description);
  }
  return arr(fields['media_ids'])
    .map((id) => idOf(id))
    .filter((id): id is string => id !== null)
    .map((id) => ({ part: 0, id, by: 'order' as const, alt: attributes.get(id) ?? null, declaredType: null }));
}
