// The vocabulary of media capture: an upload request seen in a session, what it carried, and what a post refers to.
import type { PlatformId } from '../../platforms/platform-id.ts';

/**
 * A request that uploads or describes media, recognised from its method and URL alone (cheap: it runs
 * on the upload request's path before it continues; the body is parsed later, when a post needs it).
 */
export interface UploadRoute {
  platform: PlatformId;
  /** 'file' carries media bytes (a whole file, or one chunk of X's chunked upload); 'alt' only describes. */
  step: 'file' | 'alt';
}

/** What one upload request said, once its body is parsed. */
export interface MediaObservation {
  platform: PlatformId;
  /** The platform's own media id when the request names it (X); null when only the response knows it. */
  mediaId: string | null;
  /** The file's bytes, or one chunk's; null for a request that only describes media. */
  bytes: Uint8Array | null;
  /** The chunk's index in a chunked upload (X APPEND `segment_index`); 0 otherwise. */
  segment: number;
  /** The type the request declared (a part's Content-Type, X's `media_type`). */
  declaredType: string | null;
  /** Alt text the request carried (Mastodon `description`, X metadata `alt_text.text`). */
  alt: string | null;
  /**
   * Within one media id, a file of a higher rank replaces one of a lower rank, never the reverse: an
   * Instagram / Threads video (1) over the cover photo its client uploads under the same upload_id (0).
   * Absent: 0.
   */
  rank?: number;
}

/** How an attachment was tied to its upload: the platform's id, the content hash, or upload order. */
export type MatchBy = 'id' | 'hash' | 'order';

/** One attachment a post request refers to. */
export interface MediaRef {
  /** The post part (of a thread) it belongs to. */
  part: number;
  /** The id or CID the post names; what it is matched on depends on `by`. */
  id: string | null;
  /** 'id' (X media ids, Instagram / Threads upload_ids), 'hash' (Bluesky CIDs), 'order' (Mastodon: the id comes back only in the upload's response). */
  by: MatchBy;
  /** Alt text the post itself carries (Bluesky `alt`). */
  alt: string | null;
  /**
   * The type the post declares (Bluesky `mimeType`; `video/*` for an Instagram reel or video). An
   * attachment declared a video is never shown by a still image (a video's cover shares its id).
   */
  declaredType: string | null;
}

/** A part of a multipart/form-data body, bytes intact. */
export interface MultipartPart {
  name: string;
  filename: string | null;
  contentType: string | null;
  data: Uint8Array;
}

/** Reads a header case-insensitively ('' when absent). */
export function headerOf(headers: Readonly<Record<string, string>> | undefined, name: string): string {
  if (headers === undefined) return '';
  for (const key of Object.keys(headers)) if (key.toLowerCase() === name) return headers[key] ?? '';
  return '';
}

/** The URL parsed, or null. */
export function urlOf(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}
