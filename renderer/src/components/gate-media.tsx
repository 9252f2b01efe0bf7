// A held post's attachments in the gate dialog: thumbnails with their alt text, a video's facts, what could not be shown.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MediaPreview } from '../../../shared/gate/media/preview.ts';
import type { PendingPostView } from '../../../shared/gate/pending.ts';
import { base64Bytes } from '../../../shared/gate/media/base64.ts';

function formatSize(bytes: number, language: string): string {
  const [value, unit] = bytes >= 1024 * 1024 ? [bytes / (1024 * 1024), 'megabyte'] : bytes >= 1024 ? [bytes / 1024, 'kilobyte'] : [bytes, 'byte'];
  return new Intl.NumberFormat(language, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: 1 }).format(value);
}

/** A video's first frame as the dialog decoded it, or why not; absent while it decodes. */
export interface VideoFrame {
  frame: string | null;
  durationMs: number | null;
}

/**
 * Decodes the first frame of a video: its bytes become a blob: URL (the CSP allows blob: for media
 * only), a detached muted <video> loads it, and its first frame is drawn to a canvas whose PNG the
 * dialog shows as an image. Rejects when this Chromium cannot decode it.
 */
async function firstFrame(dataUrl: string): Promise<VideoFrame> {
  const comma = dataUrl.indexOf(',');
  const mime = /^data:([^;,]+)/.exec(dataUrl)?.[1] ?? 'video/mp4';
  const bytes = base64Bytes(dataUrl.slice(comma + 1));
  if (bytes === null) throw new Error('not base64');
  const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: mime }));
  const video = document.createElement('video');
  try {
    video.muted = true;
    video.preload = 'auto';
    await new Promise<void>((resolve, reject) => {
      video.addEventListener('loadeddata', () => resolve(), { once: true });
      video.addEventListener('error', () => reject(new Error(video.error?.message ?? 'cannot decode')), { once: true });
      // A stalled decode must not leave the dialog saying "decoding" for ever.
      setTimeout(() => reject(new Error('decode timeout')), 20_000);
      video.src = url;
    });
    const canvas = document.createElement('canvas');
    canvas.width = video.videoWidth;
    canvas.height = video.videoHeight;
    const context = canvas.getContext('2d');
    if (context === null || canvas.width === 0) throw new Error('no frame');
    context.drawImage(video, 0, 0);
    return { frame: canvas.toDataURL('image/png'), durationMs: Number.isFinite(video.duration) ? Math.round(video.duration * 1000) : null };
  } finally {
    video.removeAttribute('src');
    URL.revokeObjectURL(url);
  }
}

/**
 * The first frames of a post's videos, by index in `media`; a failed decode is `{ frame: null }`.
 * Decoded once per held post: its attachments never change, while the queue event re-sends them.
 */
export function useVideoFrames(postId: string, media: readonly MediaPreview[] | undefined): ReadonlyMap<number, VideoFrame> {
  // The latest attachments, read by the decode effect without making each re-sent queue event a new decode.
  const latest = useRef(media);
  useEffect(() => {
    latest.current = media;
  });
  const [decoded, setDecoded] = useState<{ postId: string; frames: ReadonlyMap<number, VideoFrame> }>({ postId, frames: NO_FRAMES });
  useEffect(() => {
    let live = true;
    const add = (index: number, frame: VideoFrame) =>
      live && setDecoded((old) => ({ postId, frames: new Map(old.postId === postId ? old.frames : NO_FRAMES).set(index, frame) }));
    (latest.current ?? []).forEach((item, index) => {
      if (item.video == null) return;
      firstFrame(item.video).then(
        (frame) => add(index, frame),
        () => add(index, { frame: null, durationMs: null }),
      );
    });
    return () => {
      live = false;
    };
  }, [postId]);
  return decoded.postId === postId ? decoded.frames : NO_FRAMES;
}

const NO_FRAMES: ReadonlyMap<number, VideoFrame> = new Map();

/** The attachments of one part (with their index in the post's list), each with its type, size, duration where known, and alt text. */
export function PartMedia({ media, frames }: { media: ReadonlyArray<{ item: MediaPreview; index: number }>; frames: ReadonlyMap<number, VideoFrame> }) {
  const { t, i18n } = useTranslation();
  if (media.length === 0) return null;
  return (
    <ul className="gate-attachments" aria-label={t('gate.attachments.label')} data-testid="gate-media">
      {media.map(({ item, index }) => {
        const decoded = frames.get(index);
        const duration = item.durationMs ?? decoded?.durationMs ?? null;
        const facts = [
          t(`gate.attachments.kind.${item.kind}`),
          item.mime,
          formatSize(item.size, i18n.language),
          ...(duration === null
            ? []
            : [t('gate.attachments.seconds', { seconds: (duration / 1000).toLocaleString(i18n.language, { maximumFractionDigits: 1 }) })]),
        ].join(' · ');
        return (
          <li key={index} className="gate-attachment" data-testid="gate-media-item" data-kind={item.kind}>
            {item.src !== null ? (
              <img src={item.src} alt={item.alt || t('gate.attachments.noAlt')} className="gate-thumb" data-testid="gate-media-thumb" />
            ) : decoded?.frame != null ? (
              <img src={decoded.frame} alt={item.alt || t('gate.attachments.noAlt')} className="gate-thumb" data-testid="gate-media-frame" />
            ) : (
              <span className="gate-thumb gate-thumb-none">
                {item.video != null && decoded === undefined ? t('gate.attachments.decoding') : t('gate.attachments.noFrame')}
              </span>
            )}
            <span className="gate-attachment-facts" data-testid="gate-media-facts">
              {facts}
            </span>
            <span className="gate-attachment-alt" data-testid="gate-media-alt">
              {item.alt !== null && item.alt !== '' ? t('gate.attachments.alt', { alt: item.alt }) : t('gate.attachments.noAlt')}
            </span>
          </li>
        );
      })}
    </ul>
  );
}

/**
 * Warnings about the whole post's attachments: matched by order; videos of which only the first frame
 * is shown; how many could not be shown at all. (The gate counts videos among the attachments without a
 * picture: the second press stands whether or not a frame decodes.)
 */
export function MediaNotes({ post, frames }: { post: PendingPostView; frames: ReadonlyMap<number, VideoFrame> }) {
  const { t } = useTranslation();
  const framesShown = [...frames.values()].filter((frame) => frame.frame !== null).length;
  const unpreviewed = Math.max(0, (post.unpreviewedMedia ?? 0) - framesShown);
  const byOrder = (post.media ?? []).some((item) => item.by === 'order');
  return (
    <>
      {byOrder && (
        <p className="gate-media-note" data-testid="gate-media-by-order">
          {t('gate.attachments.byOrder')}
        </p>
      )}
      {framesShown > 0 && (
        <p className="gate-alert gate-media-unpreviewed" role="alert" data-testid="gate-media-first-frame">
          {t('gate.attachments.firstFrameOnly', { count: framesShown })}
        </p>
      )}
      {unpreviewed > 0 && (
        <p className="gate-alert gate-media-unpreviewed" role="alert" data-testid="gate-media-unpreviewed">
          {t('gate.attachments.unpreviewed', { count: unpreviewed })}
        </p>
      )}
    </>
  );
}
