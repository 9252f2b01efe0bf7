// The gate policy as a pure function: given an account's policy and a classified post, hold it or not, and how.
import { GATE_MODES, type GatePolicy } from '../accounts/account.ts';
import type { ClassifiedPost } from './types.ts';

/** How a held post waits for the manager. */
export type HoldMode = 'confirm' | 'type-handle' | 'delay';

/** Why a post is held in a stricter mode than the account's own. */
export type Escalation = 'unreadable' | 'watch-word' | 'identity-mismatch' | 'invalid-policy';

/** The policy's verdict for one publishing request. */
export type HoldVerdict =
  | { hold: false; reason: 'gate-off' | 'action-off' }
  | {
      hold: true;
      mode: HoldMode;
      /** Milliseconds before a 'delay' post goes out; null for the other modes. */
      delayMs: number | null;
      /** Set when the account asked for 'delay' (or sent an unusable policy) and the post needs a dialog instead. */
      escalatedBecause: Escalation | null;
    };

/** What the gate knows about a post besides its classification. */
export interface HoldContext {
  /** The text contains one of the account's watch words. */
  watchWordHit: boolean;
  /** The post claims a different poster than the one the manager confirmed before. */
  identityMismatch: boolean;
}

const MIN_DELAY_SECONDS = 1;
const MAX_DELAY_SECONDS = 600;

function confirmBecause(escalatedBecause: Escalation): HoldVerdict {
  return { hold: true, mode: 'confirm', delayMs: null, escalatedBecause };
}

/**
 * Decides whether a publishing request is held. Mode 'off' or the action's switch off → not held.
 * Anything unexpected in the policy (unknown mode, missing switch, bad delay) holds with 'confirm':
 * the gate fails closed. A 'delay' post is sent unseen when its countdown ends, so it becomes a
 * 'confirm' post when the manager must see it first: its body could not be read, it contains a
 * watch word (which by design asks for a second press), or its poster identity does not match.
 */
export function holdVerdict(policy: GatePolicy, post: Pick<ClassifiedPost, 'action' | 'readable'>, context: HoldContext): HoldVerdict {
  const mode: unknown = policy.mode;
  if (!(GATE_MODES as readonly unknown[]).includes(mode)) return confirmBecause('invalid-policy');
  if (mode === 'off') return { hold: false, reason: 'gate-off' };
  const switchValue: unknown = policy.actions[post.action];
  // A missing switch (an action added after the policy was saved) is held, not waved through.
  // The identity check runs whether or not the action is held: a repost or message from the wrong
  // logged-in account must not go out just because reposts need no confirmation.
  if (switchValue === false) return context.identityMismatch ? confirmBecause('identity-mismatch') : { hold: false, reason: 'action-off' };
  if (switchValue !== true) return confirmBecause('invalid-policy');
  if (mode === 'type-handle') return { hold: true, mode: 'type-handle', delayMs: null, escalatedBecause: null };
  if (mode === 'confirm') return { hold: true, mode: 'confirm', delayMs: null, escalatedBecause: null };
  // mode === 'delay'
  const seconds = policy.delaySeconds;
  if (!Number.isFinite(seconds) || seconds < MIN_DELAY_SECONDS || seconds > MAX_DELAY_SECONDS) {
    return confirmBecause('invalid-policy');
  }
  if (context.identityMismatch) return confirmBecause('identity-mismatch');
  if (!post.readable) return confirmBecause('unreadable');
  if (context.watchWordHit) return confirmBecause('watch-word');
  return { hold: true, mode: 'delay', delayMs: Math.round(seconds * 1000), escalatedBecause: null };
}

/** Normalises a handle for comparison: trimmed, one leading '@' dropped, composed, lower case. */
export function normalizeHandle(handle: string): string {
  return handle.trim().replace(/^@/, '').normalize('NFC').toLowerCase();
}

/**
 * True when what the manager typed names the account: case-insensitive, leading '@' optional,
 * surrounding spaces ignored. An empty entry never matches.
 */
export function handleMatches(typed: string, handle: string): boolean {
  const expected = normalizeHandle(handle);
  return expected.length > 0 && normalizeHandle(typed) === expected;
}
