// Instagram and Threads media: the rupload_igphoto / rupload_igvideo body (the raw file) and the upload_ids a configure names.
import { arr, at, idOf, isObject, nestedJson, parseJsonKeepingBigInts, str, type JsonObject, type JsonValue } from '../../platforms/json-body.ts';
import type { PlatformId } from '../../platforms/platform-id.ts';
import { RequestBody } from '../../platforms/request-body.ts';
import { hostIn } from '../../platforms/rule.ts';
import { headerOf, type MediaObservation, type MediaRef, type UploadRoute } from './types.ts';

/** The platforms whose web clients upload through Meta's rupload service. */
export type RuploadPlatform = Extract<PlatformId, 'instagram' | 'threads'>;

/** Upload hosts per platform; Threads also accepts i.instagram.com, the app API host its rules read. */
const HOSTS: Record<RuploadPlatform, (host: string) => boolean> = {
  instagram: hostIn('instagram.com'),
  threads: hostIn('threads.net', 'threads.com', 'i.instagram.com'),
};

const RUPLOAD_PATH = /^\/rupload_ig(photo|video)\/([^/]+)\/?$/;

/** A video attaches above its cover photo, which the clients upload under the same upload_id. */
const VIDEO_RANK = 1;

/**
 * `POST /rupload_igphoto/<entity name>` and `/rupload_igvideo/<entity name>` on the platform's own
 * hosts. A segmented video transfer (`?segmented=true`, one part of a stream) is not a whole file: left out.
 */
export function ruploadRoute(platform: RuploadPlatform, url: URL, method: string): UploadRoute | null {
  if (method !== 'POST' || !HOSTS[platform](url.hostname.toLowerCase())) return null;
  if (!RUPLOAD_PATH.test(url.pathname) || url.searchParams.has('segmented')) return null;
  return { platform, step: 'file' };
}

/** `fb_uploader_<id>` (web) or `<id>_0_<random>` (instagrapi, instagram-private-api): the upload_id, digits only. */
function idFromEntityName(name: string): string | null {
  return /^fb_uploader_(\d+)$/.exec(name)?.[1] ?? /^(\d+)_0_\d+$/.exec(name)?.[1] ?? null;
}

/** The upload_id: from X-Instagram-Rupload-Params when sent (malformed: none), else from the entity name. */
function uploadIdOf(headers: Readonly<Record<string, string>>, entityName: string): string | null {
  const params = headerOf(headers, 'x-instagram-rupload-params');
  if (params === '') return idFromEntityName(entityName) ?? idFromEntityName(headerOf(headers, 'x-entity-name'));
  const parsed = parseJsonKeepingBigInts(params);
  return isObject(parsed) ? idOf(parsed['upload_id']) : null;
}

/**
 * Reads a rupload body: the whole file, sent at offset 0. A resumed upload (an `Offset` other than 0),
 * a segment of a stream, or a body shorter than its `X-Entity-Length` is not the file: nothing is kept,
 * and the attachment is then "not previewed" (safe).
 */
export function ruploadParseUpload(route: UploadRoute, url: URL, headers: Readonly<Record<string, string>>, body: Uint8Array): MediaObservation[] {
  const match = RUPLOAD_PATH.exec(url.pathname);
  if (match === null || body.length === 0) return [];
  const offset = headerOf(headers, 'offset').trim();
  if (offset !== '' && offset !== '0') return [];
  if (headerOf(headers, 'segment-start-offset') !== '' || headerOf(headers, 'stream-id') !== '') return [];
  const length = headerOf(headers, 'x-entity-length').trim();
  if (length !== '' && Number(length) !== body.length) return [];
  const mediaId = uploadIdOf(headers, decodeURIComponent(match[2] ?? ''));
  if (mediaId === null) return [];
  const declared = headerOf(headers, 'x-entity-type').split(';')[0]?.trim().toLowerCase() ?? '';
  return [
    {
      platform: route.platform,
      mediaId,
      bytes: body,
      segment: 0,
      declaredType: declared === '' ? null : declared,
      alt: null,
      rank: match[1] === 'video' ? VIDEO_RANK : 0,
    },
  ];
}

/** What a publishing endpoint attaches: one upload_id, or a sidecar's children. */
const ENDPOINTS: Record<RuploadPlatform, Record<string, 'single' | 'video' | 'sidecar'>> = {
  instagram: { configure: 'single', configure_to_clips: 'video', configure_sidecar: 'sidecar' },
  threads: { configure_text_post_app_feed: 'single', configure_text_post_app_sidecar: 'sidecar' },
};

/** Marked as a video in the post: a still uploaded under its id (the cover) is then not shown as the attachment. */
const VIDEO = 'video/*';

function ref(id: string | null, video: boolean, alt: string | null = null): MediaRef {
  return { part: 0, id, by: 'id', alt, declaredType: video ? VIDEO : null };
}

/** A sidecar's children as the rules count them (Threads also reads `children`), each with its upload_id. */
function children(platform: RuploadPlatform, record: JsonObject): JsonValue[] {
  const metadata = nestedJson(record['children_metadata']);
  const listed = Array.isArray(metadata) ? metadata : [];
  return platform === 'threads' && listed.length === 0 ? arr(record['children']) : listed;
}

/**
 * The upload_ids a configure request names, in the post's order, one per attachment the rules count (an
 * attachment without an upload_id is named with none, so it counts as not previewed). A sidecar's own
 * `upload_id` is its `client_sidecar_id`, not a file. `?video=1`, configure_to_clips and a child with
 * `clips` / `length` (instagrapi's video child) declare a video.
 */
export function ruploadPostRefs(platform: RuploadPlatform, url: URL, headers: Readonly<Record<string, string>>, body: Uint8Array | null): MediaRef[] {
  if (body === null || !HOSTS[platform](url.hostname.toLowerCase())) return [];
  const segments = url.pathname.split('/').filter((segment) => segment !== '');
  const endpoint = segments[segments.length - 1] ?? '';
  const kind = segments[segments.length - 2] === 'media' && Object.hasOwn(ENDPOINTS[platform], endpoint) ? ENDPOINTS[platform][endpoint] : undefined;
  if (kind === undefined) return [];
  let record: JsonObject;
  try {
    record = new RequestBody(body, headers, false).record();
  } catch {
    return [];
  }
  if (kind === 'sidecar') {
    return children(platform, record).map((child) => ref(idOf(at(child, 'upload_id')), at(child, 'clips') !== undefined || at(child, 'length') !== undefined));
  }
  const alt = str(record['custom_accessibility_caption']);
  return [ref(idOf(record['upload_id']), kind === 'video' || url.searchParams.get('video') === '1', alt === '' ? null : alt)];
}
