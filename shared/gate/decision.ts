// The per-post decision state machine: a held post is decided exactly once, and only by allowed events.
import { handleMatches, type HoldMode } from './policy.ts';

/** A post still waiting: for the manager ('pending') or for its countdown ('pending-delay'). */
export type OpenState = 'pending' | 'pending-delay';

/**
 * How a held post ended. 'sent' is a 'delay' post that went out (by countdown or "send now");
 * 'aborted' is a held request the site itself gave up (the page aborted it, its view closed).
 */
export type FinalState = 'confirmed' | 'cancelled' | 'timed-out' | 'failed-closed' | 'blocked-identity' | 'undone' | 'sent' | 'aborted';

/** Every state of a held post. */
export type DecisionState = OpenState | FinalState;

/** How a post was let through, for the audit log. */
export type ConfirmVia = 'dialog' | 'delay' | 'type-handle';

/** What can happen to a held post. */
export type DecisionEvent =
  /** The manager confirmed (all confirm checks passed; see {@link checkConfirm}). */
  | { kind: 'confirm'; via: 'dialog' | 'type-handle' }
  /** The manager cancelled in the dialog (or pressed Undo on a countdown). */
  | { kind: 'cancel'; identityMismatch: boolean }
  /** Undo on a 'delay' post during its countdown. */
  | { kind: 'undo' }
  /** Nobody answered in time. */
  | { kind: 'timeout' }
  /** A 'delay' post's countdown ended. */
  | { kind: 'elapse' }
  /** A 'delay' post's poster no longer matches the confirmed identity when its countdown ends. */
  | { kind: 'block-identity' }
  /** Something went wrong, or the renderer or the app went away: fail closed. */
  | { kind: 'fail' }
  /** The request errored while held (webRequest onErrorOccurred): nothing is left to send. */
  | { kind: 'abort' };

/** What the held network request does once decided. */
export type Outcome = 'continue' | 'cancel';

/** The result of applying an event. */
export type Transition = { ok: true; state: FinalState; outcome: Outcome; via: ConfirmVia | null } | { ok: false; reason: 'decided' | 'not-allowed' };

/** The decision names written to the audit log (a sent 'delay' post is 'confirmed' with via 'delay'). */
export type AuditDecision = 'confirmed' | 'cancelled' | 'timed-out' | 'failed-closed' | 'blocked-identity' | 'undone' | 'aborted';

/** True once a post has been decided. */
export function isFinal(state: DecisionState): state is FinalState {
  return state !== 'pending' && state !== 'pending-delay';
}

/** The first state of a post held in `mode`. */
export function initialState(mode: HoldMode): OpenState {
  return mode === 'delay' ? 'pending-delay' : 'pending';
}

function to(state: FinalState, via: ConfirmVia | null = null): Transition {
  return { ok: true, state, outcome: state === 'confirmed' || state === 'sent' ? 'continue' : 'cancel', via };
}

const NOT_ALLOWED: Transition = { ok: false, reason: 'not-allowed' };

/**
 * Applies one event. A decided post refuses every event ('decided'), so each post resolves once.
 * 'pending' → confirmed | cancelled | blocked-identity | timed-out | failed-closed | aborted.
 * 'pending-delay' → sent (countdown ended, or confirmed early: "send now") | undone (undo or cancel)
 * | blocked-identity | failed-closed | aborted. A countdown does not time out: its own end decides it.
 */
export function transition(state: DecisionState, event: DecisionEvent): Transition {
  if (isFinal(state)) return { ok: false, reason: 'decided' };
  if (event.kind === 'fail') return to('failed-closed');
  if (event.kind === 'abort') return to('aborted');
  if (state === 'pending') {
    switch (event.kind) {
      case 'confirm':
        return to('confirmed', event.via);
      case 'cancel':
        return to(event.identityMismatch ? 'blocked-identity' : 'cancelled');
      case 'timeout':
        return to('timed-out');
      default:
        return NOT_ALLOWED;
    }
  }
  switch (event.kind) {
    case 'elapse':
      return to('sent', 'delay');
    case 'confirm':
      return to('sent', event.via);
    case 'undo':
    case 'cancel':
      return to('undone');
    case 'block-identity':
      return to('blocked-identity');
    default:
      return NOT_ALLOWED;
  }
}

/** The audit log's name for a final state. */
export function auditDecisionOf(state: FinalState): AuditDecision {
  return state === 'sent' ? 'confirmed' : state;
}

/** What the gate knows when the manager presses Confirm. */
export interface ConfirmCheck {
  mode: HoldMode;
  /** The account's handle, for 'type-handle'. */
  handle: string;
  typedHandle?: string | undefined;
  secondPress?: boolean | undefined;
  hasWatchWordHits: boolean;
  /** An attachment of the post could not be shown in the dialog (issue 10): confirming it takes a second press. */
  hasUnpreviewedMedia?: boolean | undefined;
  identityMismatch: boolean;
}

/** Why a Confirm press does not (yet) confirm. */
export type ConfirmRefusal = 'identity-mismatch' | 'handle-mismatch' | 'needs-second-press';

/**
 * What confirming or cancelling a held post answers (the one type for the gate service and the
 * `gate:decide` channel). 'unknown': no post was ever held under that id; 'decided': it already ended
 * (decided, timed out, aborted by the site), so the click did nothing.
 */
export type DecideAnswer = { ok: true } | { ok: false; reason: 'unknown' | 'decided' | ConfirmRefusal };

/**
 * Checks a Confirm press. In order: a post whose poster identity does not match can never be
 * confirmed; 'type-handle' needs the account's handle typed; a post with watch words, or with an
 * attachment the dialog could not show, needs the second press. A refused press leaves the post pending.
 */
export function checkConfirm(check: ConfirmCheck): { ok: true; via: 'dialog' | 'type-handle' } | { ok: false; reason: ConfirmRefusal } {
  if (check.identityMismatch) return { ok: false, reason: 'identity-mismatch' };
  if (check.mode === 'type-handle' && !handleMatches(check.typedHandle ?? '', check.handle)) {
    return { ok: false, reason: 'handle-mismatch' };
  }
  if ((check.hasWatchWordHits || check.hasUnpreviewedMedia === true) && check.secondPress !== true) return { ok: false, reason: 'needs-second-press' };
  return { ok: true, via: check.mode === 'type-handle' ? 'type-handle' : 'dialog' };
}
