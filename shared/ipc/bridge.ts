// Builds the renderer's one frozen `window.hatrack` API from the contract over any transport (preload IPC or test binding).
import { EVENT_CHANNEL_NAMES, INVOKE_CHANNEL_NAMES } from './channels.ts';
import type { EventChannel, EventPayloads, InvokeChannel, InvokeInput, InvokeResults } from './contract.ts';

/** How the bridge reaches the main process. */
export interface BridgeTransport {
  invoke(channel: string, args: unknown[]): Promise<unknown>;
  /** Subscribes to an event; returns the unsubscribe function. */
  subscribe(channel: string, listener: (payload: unknown) => void): () => void;
}

/** The API the app renderer sees as `window.hatrack`. */
export interface HatrackApi {
  invoke<C extends InvokeChannel>(channel: C, ...args: InvokeInput<C>): Promise<InvokeResults[C]>;
  /** Listens to a main-process event; the listener gets the payload only (never an IPC event). */
  on<E extends EventChannel>(channel: E, listener: (payload: EventPayloads[E]) => void): () => void;
}

/** Creates the frozen API; channels outside the contract are refused before anything is sent. */
export function createHatrackApi(transport: BridgeTransport): HatrackApi {
  const invokable = new Set<string>(INVOKE_CHANNEL_NAMES);
  const events = new Set<string>(EVENT_CHANNEL_NAMES);
  const api: HatrackApi = {
    invoke(channel, ...args) {
      if (!invokable.has(channel)) return Promise.reject(new Error(`unknown channel: ${String(channel)}`));
      return transport.invoke(channel, args) as Promise<InvokeResults[typeof channel]>;
    },
    on(channel, listener) {
      if (!events.has(channel)) throw new Error(`unknown event: ${String(channel)}`);
      return transport.subscribe(channel, (payload) => listener(payload as EventPayloads[typeof channel]));
    },
  };
  return Object.freeze(api);
}
