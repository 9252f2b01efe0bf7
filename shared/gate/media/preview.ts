// An attachment of a held post as the gate dialog shows it: a thumbnail, or the facts of a video, and its alt text.
import type { MediaKind } from './sniff.ts';
import type { MatchBy } from './types.ts';

/** One attachment the dialog shows (JSON-serialisable: it travels in the 'gate:queue' event). */
export interface MediaPreview {
  /** The post part (of a thread) it belongs to. */
  part: number;
  kind: MediaKind;
  /** The type its bytes say (not the one the site declared). */
  mime: string;
  /** Size in bytes of the captured file. */
  size: number;
  /** Duration in ms where the file says it (MP4 header, GIF frame delays). */
  durationMs: number | null;
  alt: string | null;
  /** A `data:` URL the dialog's <img> shows; null when it is not an image (a video, an unknown type). */
  src: string | null;
  /**
   * A video's bytes as a `data:` URL, for the dialog to decode its first frame (through a blob: URL in a
   * <video>); null for anything else, or a video over the size the dialog is sent.
   */
  video?: string | null;
  /** How it was tied to its upload; 'order' is said in the dialog, since it can be wrong. */
  by: MatchBy;
}

/**
 * A held post's attachments: those shown, and how many have no picture (no upload found, or not an
 * image: a video shows its first frame at best). More than 0 needs a second Confirm press.
 */
export interface PostMedia {
  media: MediaPreview[];
  unpreviewed: number;
}

/** Videos larger than this are described (type, size, duration) but not sent to the dialog to decode. */
export const MAX_VIDEO_PREVIEW_BYTES = 32 * 1024 * 1024;
