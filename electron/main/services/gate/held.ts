// The gate service's records: a held post, a tracked request, and the bounded memory helpers they use.
import type { Account } from '../../../../shared/accounts/account.ts';
import type { DecisionState, Outcome } from '../../../../shared/gate/decision.ts';
import type { PartWatchWordHit } from '../../../../shared/gate/pending.ts';
import type { Escalation, HoldMode } from '../../../../shared/gate/policy.ts';
import type { ClassifiedPost } from '../../../../shared/gate/types.ts';

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
