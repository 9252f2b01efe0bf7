// The gate service's records: a held post, a tracked request, and the bounded memory helpers they use.
import { isSafeMethod } from '../../../../shared/gate/methods.ts';
import type { Account } from '../../../../shared/accounts/account.ts';
import type { DecisionState, Outcome } from '../../../../shared/gate/decision.ts';
import { pendingPostView, type PartWatchWordHit, type PendingPostView } from '../../../../shared/gate/pending.ts';
import type { Escalation, HoldMode } from '../../../../shared/gate/policy.ts';
import type { ClaimedMedia } from './media-store.ts';
import type { Classification, ClassifiedPost, ClassifyContext, OutgoingRequest } from '../../../../shared/gate/types.ts';

/** A post the gate is holding, with everything needed to decide and show it. */
export interface Held {
  id: string;
  requestId: string;
  account: Account;
  post: ClassifiedPost;
  identity: string | null;
  mode: HoldMode;
  escalatedBecause: Escalation | null;
  state: DecisionState;
  heldAt: number;
  delayUntil: number | null;
  expiresAt: number;
  hits: PartWatchWordHit[];
  /** The attachments shown in the dialog (captured uploads), or null when the post has none. */
  media: ClaimedMedia | null;
  timer: unknown;
  resolve: (outcome: Outcome) => void;
}

/** A publishing request let through (or on its way), remembered until its network result arrives. */
export interface Tracked {
  account: Account;
  post: ClassifiedPost;
  /** False while held: a result reported before release is an adapter bug and is ignored. */
  released: boolean;
  /** True when an audit entry exists for it, so its network result is audited too. */
  audited: boolean;
}

/** The renderer's view of a held post. */
export function viewOf(held: Held, identityMismatch: { expected: string; actual: string } | null): PendingPostView {
  const { id, account, post, mode, delayUntil, heldAt, expiresAt, hits, media } = held;
  return pendingPostView({ id, account, post, mode, delayUntil, heldAt, expiresAt, watchWordHits: hits, identityMismatch, media });
}

/**
 * Runs the classifier; its throw, or an answer that is not a verdict (the type says one comes back; a
 * bug could return anything), comes back as `error`.
 */
export function classifySafely(
  classify: (request: OutgoingRequest, context?: ClassifyContext) => Classification,
  request: OutgoingRequest,
  context: ClassifyContext | undefined,
): { classification: Classification } | { error: unknown } {
  try {
    const classification = context === undefined ? classify(request) : classify(request, context);
    const verdict: unknown = classification;
    if (typeof verdict !== 'object' || verdict === null || !('gated' in verdict) || typeof verdict.gated !== 'boolean') {
      throw new Error('classifier returned no verdict');
    }
    return { classification };
  } catch (error) {
    return { error };
  }
}

/**
 * True for a request whose method cannot publish (the one list: shared/gate/methods.ts); when the
 * classifier throws on one, letting it through keeps the pages working. An unreadable method is not safe.
 */
export function isSafeRequest(request: OutgoingRequest): boolean {
  try {
    return isSafeMethod(String(request.method));
  } catch {
    return false;
  }
}

/** A readable message for any thrown value. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Sets `key` as the newest entry of a map kept to `max` entries (the oldest goes). */
export function remember<K, V>(map: Map<K, V>, key: K, value: V, max: number): void {
  map.delete(key);
  map.set(key, value);
  if (map.size > max) {
    const oldest = map.keys().next();
    if (oldest.done !== true) map.delete(oldest.value);
  }
}
