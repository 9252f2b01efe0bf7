// Preload of the app renderer: exposes one frozen `window.hatrack`, built from the IPC contract. Raw IPC stays here.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { createHatrackApi } from '../../shared/ipc/bridge.ts';

const api = createHatrackApi({
  invoke: (channel, args) => ipcRenderer.invoke(channel, ...args),
  subscribe: (channel, listener) => {
    // The IPC event never reaches the page (Electron security checklist, item 20).
    const forward = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(channel, forward);
    return () => ipcRenderer.removeListener(channel, forward);
  },
});

contextBridge.exposeInMainWorld('hatrack', api);
