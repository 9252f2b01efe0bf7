// A held post as the renderer sees it: all the confirmation dialog or countdown needs, JSON-serialisable.
import type { Account, AccountKind } from '../accounts/account.ts';
import type { PlatformId } from '../platforms/platform-id.ts';
import type { MediaPreview, PostMedia } from './media/preview.ts';
import type { HoldMode } from './policy.ts';
import type { ClassifiedPost, PostAction, PostDetail, PostPart } from './types.ts';
import { findWatchWords } from './watch-words.ts';

/** A watch word found in one part of a (possibly threaded) post; offsets in UTF-16 code units of that part's text. */
export interface PartWatchWordHit {
  part: number;
  start: number;
  end: number;
  word: string;
}

/** One held post, as sent to the renderer in the 'gate:queue' event. */
export interface PendingPostView {
  id: string;
  account: { id: string; name: string; handle: string; kind: AccountKind; color: string; platform: PlatformId };
  platform: PlatformId;
  action: PostAction;
  parts: PostPart[];
  /** Facts of the whole request shown beside the text (recipient, visibility, ...). */
  details: PostDetail[];
  readable: boolean;
  unreadableReason?: string;
  /** How it is held: 'delay' posts show a countdown and need no dialog; the others need the manager. */
  mode: HoldMode;
  /** When a 'delay' post goes out (epoch ms); null in the other modes. */
  delayUntil: number | null;
  /** When the gate held it (epoch ms). */
  heldAt: number;
  /** When it is cancelled for want of an answer (epoch ms); equals `delayUntil` for a 'delay' post. */
  expiresAt: number;
  watchWordHits: PartWatchWordHit[];
  /** Set when the post claims a different poster than the one confirmed before: it cannot be confirmed. */
  identityMismatch: { expected: string; actual: string } | null;
  /** The attachments that can be shown, from the uploads the site made before posting (absent: none). */
  media?: MediaPreview[];
  /** Attachments that could not be shown; more than 0 makes Confirm need a second press (absent: 0). */
  unpreviewedMedia?: number;
}

/** Finds the account's watch words in every readable part of a post. */
export function findPostWatchWords(parts: readonly PostPart[], watchWords: readonly string[]): PartWatchWordHit[] {
  return parts.flatMap((part, index) => (part.text === null ? [] : findWatchWords(part.text, watchWords).map((hit) => ({ part: index, ...hit }))));
}

/** Everything needed to build a view. */
export interface PendingViewInput {
  id: string;
  account: Pick<Account, 'id' | 'name' | 'handle' | 'kind' | 'color' | 'platform'>;
  post: Pick<ClassifiedPost, 'platform' | 'action' | 'parts' | 'readable' | 'unreadableReason' | 'details'>;
  mode: HoldMode;
  delayUntil: number | null;
  heldAt: number;
  expiresAt: number;
  watchWordHits: readonly PartWatchWordHit[];
  identityMismatch: { expected: string; actual: string } | null;
  media?: PostMedia | null;
}

/** Builds a plain-data view (copies, so later changes to the inputs do not leak into a sent event). */
export function pendingPostView(input: PendingViewInput): PendingPostView {
  const { account, post } = input;
  const view: PendingPostView = {
    id: input.id,
    account: {
      id: account.id,
      name: account.name,
      handle: account.handle,
      kind: account.kind,
      color: account.color,
      platform: account.platform,
    },
    platform: post.platform,
    action: post.action,
    parts: post.parts.map((part) => (part.details ? { ...part, details: part.details.map((d) => ({ ...d })) } : { ...part })),
    details: (post.details ?? []).map((d) => ({ ...d })),
    readable: post.readable,
    mode: input.mode,
    delayUntil: input.delayUntil,
    heldAt: input.heldAt,
    expiresAt: input.expiresAt,
    watchWordHits: input.watchWordHits.map((hit) => ({ ...hit })),
    identityMismatch: input.identityMismatch === null ? null : { ...input.identityMismatch },
  };
  if (post.unreadableReason !== undefined) view.unreadableReason = post.unreadableReason;
  if (input.media != null) {
    // The data: URLs are shared, not copied: strings are immutable.
    view.media = input.media.media.map((preview) => ({ ...preview }));
    view.unpreviewedMedia = input.media.unpreviewed;
  }
  return view;
}
