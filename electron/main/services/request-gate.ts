// The port both network adapters (Electron webRequest, Playwright route) call for every account request.
import type { OutgoingRequest, PostDetail } from '../../../shared/gate/types.ts';
import type { ReadRequest } from './gate/bounded-read.ts';

/** Which session made a completed request, and what it asked. */
export interface CompletedRequest {
  accountId: string;
  method: string;
  url: string;
}

export interface RequestGate {
  /** Resolves 'continue' or 'cancel'; a publishing request stays unanswered while the manager decides. */
  intercept(
    accountId: string,
    requestId: string,
    request: OutgoingRequest,
    context?: { sessionIdentity?: string | null; details?: PostDetail[] },
  ): Promise<'continue' | 'cancel'>;
  /** The same, for a request the adapter must still read: the read runs inside the post's timeout. */
  interceptRead(accountId: string, requestId: string, read: () => Promise<ReadRequest>): Promise<'continue' | 'cancel'>;
  /**
   * The request completed (any method, so the gate learns which hosts answer as Fediverse servers):
   * `seen` is the account whose session made it and the request's method and final URL.
   */
  completed(requestId: string, statusCode: number, seen: CompletedRequest): void;
  /** The request errored: a held one leaves the queue as "aborted by the site". */
  failed(requestId: string, error: string): void;
}
