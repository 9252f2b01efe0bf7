// Runs the read of a request (body blobs, cookies) under the gate's timeout, so a stalled read fails closed.
import type { OutgoingRequest, PostDetail } from '../../../../shared/gate/types.ts';
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

/** The clock a bounded read needs (the gate service's own). */
export interface ReadClock {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/**
 * Resolves with the read, or with a reason when it rejects, throws, or has not finished within
 * `timeoutMs`. Never rejects: Electron's getBlobData and cookies.get have no timeout of their own, and
 * a request left unanswered would hang the page's post with no decision and no audit.
 */
export function boundedRead(read: () => Promise<ReadRequest>, timeoutMs: number, clock: ReadClock): Promise<ReadOutcome> {
  return new Promise<ReadOutcome>((resolve) => {
    let done = false;
    let timer: unknown;
    const finish = (outcome: ReadOutcome) => {
      if (done) return;
      done = true;
      if (timer !== undefined) clock.clearTimeout(timer);
      resolve(outcome);
    };
    try {
      timer = clock.setTimeout(
        () => finish({ ok: false, reason: `read-timeout: the request could not be read within ${Math.round(timeoutMs / 1000)} s` }),
        timeoutMs,
      );
      read().then(
        (value) => finish({ ok: true, value }),
        (error: unknown) => finish({ ok: false, reason: `read-error: ${messageOf(error)}` }),
      );
    } catch (error) {
      finish({ ok: false, reason: `read-error: ${messageOf(error)}` });
    }
  });
}
