// Composition root: builds the stores and services, the window with its app view, and the IPC router.
import { app, BaseWindow, WebContentsView } from 'electron';
import Store from 'electron-store';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { EventChannel, EventPayloads } from '../../shared/ipc/contract.ts';
import { createAppServices } from './services/app-services.ts';
import { APP_ORIGIN, handleAppProtocol, registerAppScheme } from './shell/app-protocol.ts';
import { electronFiles } from './shell/electron-files.ts';
import { registerIpc, sendToRenderer } from './shell/ipc-router.ts';
import { ViewManager } from './shell/view-manager.ts';

const here = fileURLToPath(new URL('.', import.meta.url));
const devRendererUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;

app.enableSandbox();
registerAppScheme();

async function start(): Promise<void> {
  await app.whenReady();
  handleAppProtocol(join(here, '../renderer'));

  const window = new BaseWindow({ width: 1280, height: 860, minWidth: 720, minHeight: 480, title: 'Hatrack' });
  const ui = new WebContentsView({
    webPreferences: { preload: join(here, '../preload/app.cjs'), sandbox: true, contextIsolation: true, nodeIntegration: false },
  });
  window.contentView.addChildView(ui);
  const fitUi = () => ui.setBounds({ x: 0, y: 0, ...sizeOf(window) });
  window.on('resize', fitUi);
  fitUi();

  const send = <E extends EventChannel>(channel: E, payload: EventPayloads[E]) => sendToRenderer(ui.webContents, channel, payload);
  const services = await createAppServices({
    storePath: join(app.getPath('userData'), 'hatrack.json'),
    createStoreBackend: () => new Store<Record<string, unknown>>({ name: 'hatrack', clearInvalidConfig: false }),
    logPath: join(app.getPath('userData'), 'hatrack-log.jsonl'),
    createShell: (ports) => new ViewManager(window, ports.gate, ports),
    files: electronFiles(window),
    send,
    appOrigin: devRendererUrl ?? APP_ORIGIN,
    systemLocale: app.getLocale(),
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
  });
  const unregisterIpc = registerIpc(services.dispatch);
  

  // The app renderer never navigates away and opens no windows; if it dies, every held post is cancelled.
  ui.webContents.on('will-navigate', (event) => event.preventDefault());
  ui.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  ui.webContents.on('render-process-gone', () => services?.rendererGone('renderer crashed'));
  ui.webContents.on('did-start-navigation', (details) => {
    if (details.isMainFrame && !details.isSameDocument) services?.rendererGone('renderer reloaded');
  });
  await ui.webContents.loadURL(devRendererUrl ?? `${APP_ORIGIN}/index.html`);

  window.on('closed', () => {
    services?.rendererGone('window closed');
    unregisterIpc();
    services.shell.dispose();
    void services?.dispose();
    app.quit();
  });
}

function sizeOf(window: BaseWindow): { width: number; height: number } {
  const [width = 0, height = 0] = window.getContentSize();
  return { width, height };
}

app.on('window-all-closed', () => app.quit());
start().catch((error: unknown) => {
  console.error('Hatrack failed to start:', error);
  app.exit(1);
});
