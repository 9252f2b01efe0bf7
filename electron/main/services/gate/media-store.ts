// Captured upload bodies per account session, in memory only, within a byte budget; turned into previews for a held post.
import type { ClassifiedPost, OutgoingRequest } from '../../../../shared/gate/types.ts';
import { rawBlobCid } from '../../../../shared/gate/media/cid.ts';
import { matchMedia, parseUpload, postRefs, uploadRoute, type Candidate } from '../../../../shared/gate/media/match.ts';
import { MAX_VIDEO_PREVIEW_BYTES, type MediaPreview, type PostMedia } from '../../../../shared/gate/media/preview.ts';
import { durationMs, isDisplayableImage, kindOf, sniffMime } from '../../../../shared/gate/media/sniff.ts';
import type { MediaObservation, UploadRoute } from '../../../../shared/gate/media/types.ts';
import type { PlatformId } from '../../../../shared/platforms/platform-id.ts';
import { concatBytes } from './upload-body.ts';

/**
 * The request headers an upload's parse reads: its type, and the rupload headers (Instagram / Threads send
 * the upload_id and the offset there, not in the body). The rest (cookies, tokens) is not kept.
 */
const KEPT_HEADERS = new Set([
  'content-type',
  'x-instagram-rupload-params',
  'x-entity-name',
  'x-entity-length',
  'x-entity-type',
  'offset',
  'segment-start-offset',
  'stream-id',
]);

/** 64 MB per account session: a handful of photos or one short video; the oldest upload goes first. */
export const DEFAULT_MEDIA_BUDGET = 64 * 1024 * 1024;

interface Capture {
  seq: number;
  route: UploadRoute;
  url: string;
  headers: Record<string, string>;
  /** The request body as the adapter read it; parsed only when a post needs it. */
  body: Uint8Array;
  parsed?: MediaObservation[];
  /** Held by a pending post: not offered to another one, dropped when that post is decided. */
  claimed: boolean;
}

/** One uploaded file, assembled from its captures (X sends a file in chunks; Instagram a video and its cover under one id). */
interface Item {
  seqs: number[];
  mediaId: string | null;
  bytes: Uint8Array;
  declaredType: string | null;
  alt: string | null;
}

/** What a held post keeps of the store: the previews, and which captures to drop when it is decided. */
export interface ClaimedMedia extends PostMedia {
  accountId: string;
  seqs: number[];
}

function dataUrl(mime: string, bytes: Uint8Array): string {
  return `data:${mime};base64,${Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('base64')}`;
}

/**
 * The media store. `capture` runs on the upload request's own path, so it only recognises the URL and
 * keeps a reference to the body the adapter already read: no copy, no parse, no hash (the budget
 * bench measures it). Parsing, chunk assembly, hashing and the data: URLs happen when a post is held.
 * Nothing here touches the disk. A post's captures are dropped once it is sent; a post cancelled (or
 * timed out) hands them back for the site's retry, still within the budget.
 */
export class MediaStore {
  private readonly accounts = new Map<string, { captures: Capture[]; bytes: number }>();
  /** CIDs by the parsed bytes they hash (kept with the capture's parse), so no upload is hashed twice. */
  private readonly cids = new WeakMap<Uint8Array, string>();
  private nextSeq = 0;

  constructor(
    private readonly deps: {
      /** SHA-256 of bytes (node:crypto in the composition root). */
      sha256: (bytes: Uint8Array) => Uint8Array;
      /** Bytes kept per account session; default {@link DEFAULT_MEDIA_BUDGET}. */
      budgetBytes?: number;
    },
  ) {}

  /** Keeps an upload request's body, if it is one; returns whether it did. */
  capture(accountId: string, platform: PlatformId, request: OutgoingRequest): boolean {
    const route = uploadRoute(platform, request.method, request.url);
    if (route === null || request.body === null || request.body.length === 0) return false;
    const budget = this.deps.budgetBytes ?? DEFAULT_MEDIA_BUDGET;
    if (request.body.length > budget) return false;
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(request.headers ?? {})) {
      const lower = name.toLowerCase();
      if (KEPT_HEADERS.has(lower)) headers[lower] = value;
    }
    const account = this.accounts.get(accountId) ?? { captures: [], bytes: 0 };
    this.accounts.set(accountId, account);
    account.captures.push({
      seq: ++this.nextSeq,
      route,
      url: request.url,
      headers,
      body: request.body,
      claimed: false,
    });
    account.bytes += request.body.length;
    while (account.bytes > budget) {
      const oldest = account.captures.shift();
      if (oldest === undefined) break;
      account.bytes -= oldest.body.length;
    }
    return true;
  }

  /** Bytes held for an account (for tests and diagnostics). */
  bytesHeld(accountId: string): number {
    return this.accounts.get(accountId)?.bytes ?? 0;
  }

  /**
   * The previews of a post being held, and the captures it claims. Every attachment the post counts
   * (the classifier's media counts, or the ids it names, whichever is more) that has no image to show
   * is counted as not previewed.
   */
  claim(accountId: string, post: ClassifiedPost, request: OutgoingRequest): ClaimedMedia {
    const counted = post.parts.reduce((sum, part) => sum + part.mediaCount, 0);
    const refs = postRefs(post.platform, request.url, request.headers ?? {}, request.body);
    const total = Math.max(counted, refs.length);
    const empty: ClaimedMedia = { accountId, seqs: [], media: [], unpreviewed: total };
    if (refs.length === 0) return empty;
    const account = this.accounts.get(accountId);
    const { items, alts } = this.items(account?.captures.filter((capture) => !capture.claimed) ?? []);
    const candidates: Candidate[] = items.map((item, key) => ({
      key,
      mediaId: item.mediaId,
      cid: () => this.cidOf(item.bytes),
    }));
    const media: MediaPreview[] = [];
    const seqs: number[] = [];
    for (const match of matchMedia(refs, candidates)) {
      const item = match.key === null ? undefined : items[match.key];
      if (item === undefined) continue;
      // The upload the post names goes with the post whether or not it is shown (released when the post is decided).
      seqs.push(...item.seqs);
      const mime = sniffMime(item.bytes, item.declaredType ?? match.ref.declaredType);
      // A post that declares a video is not shown by a still under its id (a video's cover): not previewed.
      if (match.ref.declaredType?.startsWith('video/') === true && kindOf(mime) !== 'video') continue;
      const idAlt = match.ref.id === null ? undefined : alts.get(match.ref.id);
      media.push({
        part: match.ref.part,
        kind: kindOf(mime),
        mime,
        size: item.bytes.length,
        durationMs: durationMs(item.bytes, mime),
        alt: match.ref.alt ?? idAlt ?? item.alt,
        src: isDisplayableImage(mime) ? dataUrl(mime, item.bytes) : null,
        video: kindOf(mime) === 'video' && item.bytes.length <= MAX_VIDEO_PREVIEW_BYTES ? dataUrl(mime, item.bytes) : null,
        by: match.by,
      });
    }
    for (const capture of account?.captures ?? []) if (seqs.includes(capture.seq)) capture.claimed = true;
    return { accountId, seqs, media, unpreviewed: total - media.filter((preview) => preview.src !== null).length };
  }

  /** The post was decided: its captures go. */
  release(claimed: ClaimedMedia): void {
    const account = this.accounts.get(claimed.accountId);
    if (account === undefined) return;
    const gone = new Set(claimed.seqs);
    account.captures = account.captures.filter((capture) => {
      if (!gone.has(capture.seq)) return true;
      account.bytes -= capture.body.length;
      return false;
    });
  }

  /** The post was not sent: its captures may be shown again for the site's retry (the oldest still go first). */
  unclaim(claimed: ClaimedMedia): void {
    const back = new Set(claimed.seqs);
    for (const capture of this.accounts.get(claimed.accountId)?.captures ?? []) if (back.has(capture.seq)) capture.claimed = false;
  }

  /** Everything of an account (it was removed, or its session closed). */
  forget(accountId: string): void {
    this.accounts.delete(accountId);
  }

  private cidOf(bytes: Uint8Array): string {
    let cid = this.cids.get(bytes);
    if (cid === undefined) {
      cid = rawBlobCid(this.deps.sha256(bytes));
      this.cids.set(bytes, cid);
    }
    return cid;
  }

  private items(captures: readonly Capture[]): { items: Item[]; alts: Map<string, string> } {
    const items: Item[] = [];
    const alts = new Map<string, string>();
    const chunked = new Map<string, { seqs: number[]; chunks: Array<{ segment: number; bytes: Uint8Array }>; declaredType: string | null; rank: number }>();
    for (const capture of captures) {
      capture.parsed ??= parseUpload(capture.route, capture.url, capture.headers, capture.body);
      for (const seen of capture.parsed) {
        if (seen.bytes === null) {
          if (seen.mediaId !== null && seen.alt !== null) alts.set(seen.mediaId, seen.alt);
        } else if (seen.mediaId !== null) {
          const rank = seen.rank ?? 0;
          const entry = chunked.get(seen.mediaId) ?? { seqs: [], chunks: [], declaredType: seen.declaredType, rank };
          if (!chunked.has(seen.mediaId)) {
            chunked.set(seen.mediaId, entry);
            items.push({ seqs: entry.seqs, mediaId: seen.mediaId, bytes: new Uint8Array(0), declaredType: null, alt: null });
          }
          // Its capture goes with the post either way (an Instagram video's cover is dropped with the video).
          entry.seqs.push(capture.seq);
          if (rank < entry.rank) continue;
          if (rank > entry.rank) {
            // A file of a higher rank under the same id (a video over its cover photo) replaces what came before.
            entry.chunks = [];
            entry.declaredType = seen.declaredType;
            entry.rank = rank;
          }
          // A retried chunk replaces the earlier one of the same index.
          entry.chunks = [...entry.chunks.filter((chunk) => chunk.segment !== seen.segment), { segment: seen.segment, bytes: seen.bytes }];
        } else {
          items.push({ seqs: [capture.seq], mediaId: null, bytes: seen.bytes, declaredType: seen.declaredType, alt: seen.alt });
        }
      }
    }
    for (const item of items) {
      const entry = item.mediaId === null ? undefined : chunked.get(item.mediaId);
      if (entry === undefined) continue;
      item.bytes = concatBytes([...entry.chunks].sort((a, b) => a.segment - b.segment).map((chunk) => chunk.bytes));
      item.declaredType = entry.declaredType;
    }
    return { items, alts };
  }
}

/** A held post's attachments; when they cannot be worked out, every one counts as not previewed (fails safe). */
export function claimPostMedia(
  store: MediaStore | undefined,
  accountId: string,
  post: ClassifiedPost,
  request: OutgoingRequest | undefined,
  report: (error: unknown) => void,
): ClaimedMedia | null {
  const counted = post.parts.reduce((sum, part) => sum + part.mediaCount, 0);
  try {
    if (store !== undefined && request !== undefined) return store.claim(accountId, post, request);
  } catch (error) {
    report(error);
  }
  return counted === 0 ? null : { accountId, seqs: [], media: [], unpreviewed: counted };
}
