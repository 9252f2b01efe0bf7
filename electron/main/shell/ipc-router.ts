// The IPC router: the only place that touches ipcMain; every call goes through the contract's dispatcher.
import { ipcMain, type WebContents } from 'electron';
import { INVOKE_CHANNELS, type EventChannel, type EventPayloads } from '../../../shared/ipc/contract.ts';
import type { Dispatch } from '../services/ipc-dispatch.ts';
import { senderFrameOf } from './sender-frame.ts';

/** Registers a handler per contract channel; the sender frame is checked by the dispatcher. */
export function registerIpc(dispatch: Dispatch): () => void {
  for (const channel of INVOKE_CHANNELS) {
    ipcMain.handle(channel, (event, ...args: unknown[]) => dispatch(channel, senderFrameOf(event.senderFrame), args));
  }
  return () => {
    for (const channel of INVOKE_CHANNELS) ipcMain.removeHandler(channel);
  };
}

/** Sends a typed event to the app renderer, if it is still there. */
export function sendToRenderer<E extends EventChannel>(target: WebContents | null, channel: E, payload: EventPayloads[E]): void {
  if (target && !target.isDestroyed()) target.send(channel, payload);
}
