// Turns the IPC contract into one dispatch function: sender checked, arguments parsed, then the handler runs.
import { invokeArgs, type InvokeChannel, type InvokeHandlers } from '../../../shared/ipc/contract.ts';
import { UserError } from './user-error.ts';

/** The frame an IPC call came from, as the router sees it. */
export interface SenderFrame {
  url: string;
  isMainFrame: boolean;
}

/**
 * True only for the app's own renderer: the main frame, on exactly the app's scheme and host.
 * Parsed with URL, never compared with startsWith (a look-alike host must fail). Scheme and host are
 * compared rather than `origin`, which is the string "null" for every non-web scheme (app:, data:, file:).
 */
export function isTrustedSender(frame: SenderFrame | null | undefined, appOrigin: string): boolean {
  if (!frame || !frame.isMainFrame) return false;
  try {
    const sender = new URL(frame.url);
    const app = new URL(appOrigin);
    return app.host !== '' && sender.protocol === app.protocol && sender.host === app.host;
  } catch {
    return false;
  }
}

/** Dispatches one call; rejects untrusted senders, unknown channels and arguments the schema refuses. */
export type Dispatch = (channel: string, frame: SenderFrame | null, rawArgs: unknown[]) => Promise<unknown>;

export function createDispatcher(handlers: InvokeHandlers, appOrigin: string): Dispatch {
  return async (channel, frame, rawArgs) => {
    if (!isTrustedSender(frame, appOrigin)) throw new Error(`refused IPC from untrusted sender on ${channel}`);
    if (!Object.hasOwn(invokeArgs, channel)) throw new Error(`unknown IPC channel: ${channel}`);
    const key = channel as InvokeChannel;
    const parsed = invokeArgs[key].safeParse(rawArgs);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new UserError(issue?.message.startsWith('errors.') ? issue.message : 'errors.invalidInput');
    }
    const handler = handlers[key] as (...args: unknown[]) => unknown;
    return handler(...(parsed.data as unknown[]));
  };
}
