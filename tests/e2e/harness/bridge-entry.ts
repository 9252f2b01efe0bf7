// Init script of the app page under test: the same contract bridge as the preload, over a Playwright binding.
import { createHatrackApi } from '../../../shared/ipc/bridge.ts';

type Listener = (payload: unknown) => void;
const listeners = new Map<string, Set<Listener>>();
const host = window as unknown as {
  __hatrackInvoke: (channel: string, args: unknown[]) => Promise<unknown>;
  __hatrackEmit: (channel: string, payload: unknown) => void;
  hatrack: unknown;
};

host.__hatrackEmit = (channel, payload) => {
  for (const listener of listeners.get(channel) ?? []) listener(payload);
};
host.hatrack = createHatrackApi({
  invoke: (channel, args) => host.__hatrackInvoke(channel, args),
  subscribe: (channel, listener) => {
    const set = listeners.get(channel) ?? new Set<Listener>();
    set.add(listener);
    listeners.set(channel, set);
    return () => set.delete(listener);
  },
});
