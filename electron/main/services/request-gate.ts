// The port both network adapters (Electron webRequest, Playwright route) call for every account request.
import type { OutgoingRequest } from '../../../shared/gate/types.ts';

export interface RequestGate {
  /** Resolves 'continue' or 'cancel'; a publishing request stays unanswered while the manager decides. */
  intercept(
    accountId: string,
    requestId: string,
    request: OutgoingRequest,
    context?: { sessionIdentity?: string | null },
  ): Promise<'continue' | 'cancel'>;
  completed(requestId: string, statusCode: number): void;
  failed(requestId: string, error: string): void;
}
