// The renderer's window.hatrack: frozen, only contract channels reach the transport, listeners get payloads only and can unsubscribe.
import { describe, it, expect } from 'vitest';
import { createHatrackApi, type BridgeTransport } from '../../../../shared/ipc/bridge.ts';
import { EVENT_CHANNEL_NAMES as EVENT_CHANNELS } from '../../../../shared/ipc/channels.ts';
import { INVOKE_CHANNELS, type EventChannel, type InvokeChannel } from '../../../../shared/ipc/contract.ts';

/** A transport that records invocations and lets the test emit events. */
function fakeTransport(result: unknown = 'ok') {
  const invoked: Array<{ channel: string; args: unknown[] }> = [];
  const listeners = new Map<string, Set<(payload: unknown, ...extra: unknown[]) => void>>();
  const transport: BridgeTransport = {
    async invoke(channel, args) {
      invoked.push({ channel, args });
      return result;
    },
    subscribe(channel, listener) {
      const set = listeners.get(channel) ?? new Set();
      set.add(listener);
      listeners.set(channel, set);
      return () => set.delete(listener);
    },
  };
  /** Emits like Electron's ipcRenderer would if handed the raw listener: an event object first would be a leak. */
  const emit = (channel: string, payload: unknown, ...extra: unknown[]) => listeners.get(channel)?.forEach((listener) => listener(payload, ...extra));
  const subscribers = (channel: string) => listeners.get(channel)?.size ?? 0;
  return { transport, invoked, emit, subscribers };
}

describe('createHatrackApi', () => {
  it('returns a frozen object: page scripts cannot swap its methods', () => {
    const api = createHatrackApi(fakeTransport().transport);
    expect(Object.isFrozen(api)).toBe(true);
    expect(() => {
      (api as { invoke: unknown }).invoke = () => Promise.resolve('hijacked');
    }).toThrow(TypeError);
    expect(() => {
      (api as unknown as Record<string, unknown>).send = () => undefined;
    }).toThrow(TypeError);
  });

  it('passes a contract call to the transport with its arguments as a list, and returns the answer', async () => {
    const { transport, invoked } = fakeTransport({ ok: true });
    const api = createHatrackApi(transport);
    await expect(api.invoke('gate:decide', 'p1', { confirm: true })).resolves.toEqual({ ok: true });
    await api.invoke('app:state');
    expect(invoked).toEqual([
      { channel: 'gate:decide', args: ['p1', { confirm: true }] },
      { channel: 'app:state', args: [] },
    ]);
  });

  it('reaches every contract channel', async () => {
    const { transport, invoked } = fakeTransport();
    const api = createHatrackApi(transport);
    for (const channel of INVOKE_CHANNELS) await (api.invoke as (c: string) => Promise<unknown>)(channel);
    expect(invoked.map((call) => call.channel)).toEqual(INVOKE_CHANNELS);
  });

  it.each(['shell:openExternal', 'fs:read', '__proto__', 'toString', 'constructor', 'APP:STATE', 'app:state ', ''])(
    'refuses the unknown channel %j without calling the transport',
    async (channel) => {
      const { transport, invoked } = fakeTransport();
      const api = createHatrackApi(transport);
      await expect(api.invoke(channel as InvokeChannel)).rejects.toThrow(/unknown channel/);
      expect(invoked).toEqual([]);
    },
  );

  it('gives listeners the payload only, never the IPC event or anything else', () => {
    const { transport, emit } = fakeTransport();
    const api = createHatrackApi(transport);
    const received: unknown[][] = [];
    api.on('log:changed', (...args: unknown[]) => received.push(args));
    emit('log:changed', null, { sender: 'ipc event' });
    expect(received).toEqual([[null]]);
  });

  it('delivers each event only to listeners of that channel', () => {
    const { transport, emit } = fakeTransport();
    const api = createHatrackApi(transport);
    const queue: unknown[] = [];
    const log: unknown[] = [];
    api.on('gate:queue', (payload) => queue.push(payload));
    api.on('log:changed', (payload) => log.push(payload));
    emit('gate:queue', []);
    expect(queue).toEqual([[]]);
    expect(log).toEqual([]);
  });

  it('stops delivering after unsubscribe, leaving other listeners subscribed', () => {
    const { transport, emit, subscribers } = fakeTransport();
    const api = createHatrackApi(transport);
    const first: unknown[] = [];
    const second: unknown[] = [];
    const off = api.on('log:changed', (payload) => first.push(payload));
    api.on('log:changed', (payload) => second.push(payload));
    emit('log:changed', null);
    off();
    emit('log:changed', null);
    expect(first).toHaveLength(1);
    expect(second).toHaveLength(2);
    expect(subscribers('log:changed')).toBe(1);
  });

  it('refuses to listen to an event outside the contract', () => {
    const { transport, subscribers } = fakeTransport();
    const api = createHatrackApi(transport);
    expect(() => api.on('ipc:raw' as EventChannel, () => undefined)).toThrow(/unknown event/);
    expect(subscribers('ipc:raw')).toBe(0);
  });

  it('accepts every contract event', () => {
    const { transport, subscribers } = fakeTransport();
    const api = createHatrackApi(transport);
    for (const channel of EVENT_CHANNELS) api.on(channel, () => undefined);
    for (const channel of EVENT_CHANNELS) expect(subscribers(channel), channel).toBe(1);
  });
});
