// Which upload is which attachment: the platform's id (X media_id, Instagram / Threads upload_id), the content hash, else upload order (and the dialog says so).
import type { PlatformId } from '../../platforms/platform-id.ts';
import { blueskyParseUpload, blueskyPostRefs, blueskyUploadRoute } from './bluesky.ts';
import { ruploadParseUpload, ruploadPostRefs, ruploadRoute } from './instagram.ts';
import { mastodonParseUpload, mastodonPostRefs, mastodonUploadRoute } from './mastodon.ts';
import { urlOf, type MatchBy, type MediaObservation, type MediaRef, type UploadRoute } from './types.ts';
import { xParseUpload, xPostRefs, xUploadRoute } from './x.ts';

/**
 * Recognises an upload from its method and URL only, for an account on `platform` (a request shaped
 * like another platform's upload is not captured). Cheap by design: it runs on every write request.
 */
export function uploadRoute(platform: PlatformId, method: string, url: string): UploadRoute | null {
  if (platform !== 'x' && platform !== 'mastodon' && platform !== 'bluesky' && platform !== 'instagram' && platform !== 'threads') return null;
  const parsed = urlOf(url);
  if (parsed === null) return null;
  const upper = method.toUpperCase();
  if (platform === 'x') return xUploadRoute(parsed, upper);
  if (platform === 'mastodon') return mastodonUploadRoute(parsed, upper);
  if (platform === 'bluesky') return blueskyUploadRoute(parsed, upper);
  return ruploadRoute(platform, parsed, upper);
}

/** What an upload request carried; [] when its body is not what the route expects (never throws). */
export function parseUpload(route: UploadRoute, url: string, headers: Readonly<Record<string, string>>, body: Uint8Array): MediaObservation[] {
  const parsed = urlOf(url);
  if (parsed === null) return [];
  try {
    if (route.platform === 'x') return xParseUpload(route, parsed, headers, body);
    if (route.platform === 'mastodon') return mastodonParseUpload(route, parsed, headers, body);
    if (route.platform === 'bluesky') return blueskyParseUpload(headers, body);
    if (route.platform === 'instagram' || route.platform === 'threads') return ruploadParseUpload(route, parsed, headers, body);
  } catch {
    // A malformed upload body shows nothing; the post that uses it then says its attachment could not be previewed.
  }
  return [];
}

/** The attachments a publishing request names, in order; [] for platforms whose requests do not say. */
export function postRefs(platform: PlatformId, url: string, headers: Readonly<Record<string, string>>, body: Uint8Array | null): MediaRef[] {
  const parsed = urlOf(url);
  if (parsed === null) return [];
  try {
    if (platform === 'x') return xPostRefs(parsed, headers, body);
    if (platform === 'mastodon') return mastodonPostRefs(headers, body);
    if (platform === 'bluesky') return blueskyPostRefs(headers, body);
    if (platform === 'instagram' || platform === 'threads') return ruploadPostRefs(platform, parsed, headers, body);
  } catch {
    // Unreadable: every attachment counts as not previewed.
  }
  return [];
}

/** A captured upload the matcher may tie to an attachment. */
export interface Candidate {
  /** The store's key for it. */
  key: number;
  /** The platform's media id, when the upload request named it. */
  mediaId: string | null;
  /** Its content's CID, computed only when a post names one (hashing is not free). */
  cid: () => string | null;
}

/** One attachment and the upload shown for it (null: none could be found). */
export interface MediaMatch {
  ref: MediaRef;
  key: number | null;
  by: MatchBy;
}

/**
 * Ties each attachment to a captured upload (candidates oldest first). By id or hash exactly; the
 * rest by order: the newest unclaimed uploads without an id, aligned from the end (the last attached
 * is the last uploaded; an upload dropped by the memory budget is the oldest, so the first
 * attachments are the ones left without a preview). An upload is shown for one attachment at most.
 */
export function matchMedia(refs: readonly MediaRef[], candidates: readonly Candidate[]): MediaMatch[] {
  const used = new Set<number>();
  const results: MediaMatch[] = refs.map((ref) => ({ ref, key: null, by: ref.by }));
  for (const result of results) {
    const { ref } = result;
    if (ref.by === 'order' || ref.id === null) continue;
    for (let i = candidates.length - 1; i >= 0; i--) {
      const candidate = candidates[i];
      if (candidate === undefined || used.has(candidate.key)) continue;
      const hit = ref.by === 'id' ? candidate.mediaId === ref.id : candidate.mediaId === null && candidate.cid() === ref.id;
      if (hit) {
        result.key = candidate.key;
        used.add(candidate.key);
        break;
      }
    }
  }
  const byOrder = results.filter((result) => result.ref.by === 'order');
  const pool = candidates.filter((candidate) => candidate.mediaId === null && !used.has(candidate.key));
  for (let i = byOrder.length - 1, j = pool.length - 1; i >= 0 && j >= 0; i--, j--) {
    const result = byOrder[i];
    const candidate = pool[j];
    if (result !== undefined && candidate !== undefined) result.key = candidate.key;
  }
  return results;
}
