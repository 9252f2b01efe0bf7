// Runs the read of a request (body blobs, cookies) under the gate's timeout, so a stalled read fails closed.
import type { OutgoingRequest, PostDetail } from '../../../../shared/gate/types.ts';
import { withTimeout, type TimerClock } from '../../../../shared/with-timeout.ts';
import { messageOf } from './held.ts';

/** What an adapter reads before the gate can classify a request. */
export interface ReadRequest {
  request: OutgoingRequest;
  /** Who the session says is logged in (a cookie, a bearer-token fingerprint), when it says so. */
  sessionIdentity: string | null;
  /** Facts the request's headers carry beside its body (the account an X request acts as, say). */
  details?: PostDetail[];
}

/** The read, or why there is none. */
export type ReadOutcome = { ok: true; value: ReadRequest } | { ok: false; reason: string };

/**
 * Resolves with the read, or with a reason when it rejects, throws, or has not finished within
 * `timeoutMs`. Never rejects: Electron's getBlobData and cookies.get have no timeout of their own, and
 * a request left unanswered would hang the page's post with no decision and no audit.
 */
export function boundedRead(read: () => Promise<ReadRequest>, timeoutMs: number, clock: TimerClock): Promise<ReadOutcome> {
  return withTimeout<ReadOutcome, ReadOutcome>(
    () => read().then((value) => ({ ok: true, value })),
    timeoutMs,
    clock,
    () => ({ ok: false, reason: `read-timeout: the request could not be read within ${Math.round(timeoutMs / 1000)} s` }),
  ).catch((error: unknown) => ({ ok: false, reason: `read-error: ${messageOf(error)}` }));
}
