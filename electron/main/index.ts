// Composition root: builds the stores and services, the window with its app view, the menu and the IPC router.
import { app, BaseWindow, Menu, WebContentsView } from 'electron';
import Store from 'electron-store';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { resolveLocale, type Locale } from '../../shared/accounts/settings.ts';
import type { EventChannel, EventPayloads } from '../../shared/ipc/contract.ts';
import { PRODUCT_NAME } from './services/app-name.ts';
import { createAppServices } from './services/app-services.ts';
import { focusFirstInstance } from './services/single-instance.ts';
import type { GateAdapter } from './shell/account-session.ts';
import { appMenuTemplate, projectPage } from './shell/app-menu.ts';
import { unreadTotalText } from '../../shared/accounts/unread-notice.ts';
import { showNotice, showUnreadTotal } from './shell/app-badge.ts';
import { APP_ORIGIN, handleAppProtocol, registerAppScheme } from './shell/app-protocol.ts';
import { electronFiles } from './shell/electron-files.ts';
import { registerIpc, sendToRenderer } from './shell/ipc-router.ts';
import { safeOpenExternal } from './shell/open-external.ts';
import { ShutdownSequence, wireShutdown } from './shell/shutdown-sequence.ts';
import { UiRecovery } from './shell/ui-recovery.ts';
import { mightPublish } from './shell/site-rules.ts';
import { ViewManager } from './shell/view-manager.ts';

// One data folder, named once (package.json productName), and one instance on it: two processes on one
// folder corrupt the partitions, the store and the log. The lock lives in userData, so name it first.
// An explicit --user-data-dir (tests, a second profile) is kept: Chromium and Electron already use it.
app.setName(PRODUCT_NAME);
if (!app.commandLine.hasSwitch('user-data-dir')) app.setPath('userData', join(app.getPath('appData'), PRODUCT_NAME));
const firstInstance = app.requestSingleInstanceLock();
if (!firstInstance) app.quit();
app.on('second-instance', () => focusFirstInstance(BaseWindow.getAllWindows()));

const here = fileURLToPath(new URL('.', import.meta.url));
const devRendererUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;
const report = (where: string, error: unknown) => console.error(`[hatrack] ${where}:`, error);

app.enableSandbox();
registerAppScheme();
// Never Electron's default menu (DevTools, electronjs.org links); ours is set once the locale is known.
Menu.setApplicationMenu(null);

async function start(): Promise<void> {
  await app.whenReady();
  handleAppProtocol(join(here, '../renderer'));

  const window = new BaseWindow({ width: 1280, height: 860, minWidth: 720, minHeight: 480, title: 'Hatrack' });
  const ui = new WebContentsView({
    webPreferences: { preload: join(here, '../preload/app.cjs'), sandbox: true, contextIsolation: true, nodeIntegration: false },
  });
  window.contentView.addChildView(ui);
  const fitUi = () => {
    if (!window.isDestroyed()) ui.setBounds({ x: 0, y: 0, ...sizeOf(window) });
  };
  window.on('resize', fitUi);
  fitUi();

  const send = <E extends EventChannel>(channel: E, payload: EventPayloads[E]) => sendToRenderer(ui.webContents, channel, payload);
  // The UI language, kept in step with the app state (window title, popups, menus, save dialogs, badge text).
  let uiLocale: Locale = resolveLocale('system', app.getLocale());
  const locale = () => uiLocale;

  const projectUrl = readProjectPage();
  let menuLocale = '';
  const applyMenu = (views: ViewManager) => {
    if (menuLocale === locale()) return;
    menuLocale = locale();
    const template = appMenuTemplate(
      { locale: menuLocale, platform: process.platform, hasProjectPage: projectUrl !== null },
      {
        zoomActive: (step) => views.zoomActive(step),
        reloadActive: () => views.reloadActive(),
        openProject: () => projectUrl !== null && safeOpenExternal(projectUrl),
      },
    );
    Menu.setApplicationMenu(Menu.buildFromTemplate(template));
  };

  const services = await createAppServices({
    storePath: join(app.getPath('userData'), 'hatrack.json'),
    createStoreBackend: () => new Store<Record<string, unknown>>({ name: 'hatrack', clearInvalidConfig: false }),
    logPath: join(app.getPath('userData'), 'hatrack-log.jsonl'),
    createShell: (ports) => {
      const gate: GateAdapter = {
        intercept: (...args) => ports.gate.intercept(...args),
        interceptRead: (...args) => ports.gate.interceptRead(...args),
        completed: (...args) => ports.gate.completed(...args),
        failed: (...args) => ports.gate.failed(...args),
        // The same rules the gate applies, asked without a body: when none could match, the body is never read.
        mightPublish: (method, url) => mightPublish(method, url, ports.customRules()),
      };
      return new ViewManager(window, gate, {
        hibernateMs: ports.hibernateMs,
        heldAccounts: ports.heldAccounts,
        pageEvents: () => ports.pageEvents,
        onShortcut: ports.onShortcut,
        locale,
        ui: () => ui.webContents,
        onStoppedChanged: (stopped) => send('view:stopped', stopped),
        cancelHeldOf: ports.cancelHeldOf,
        report,
      });
    },
    files: electronFiles(window, locale),
    send: (channel, payload) => {
      if (channel === 'state:changed') {
        uiLocale = (payload as EventPayloads['state:changed']).locale;
        applyMenu(services.shell);
      }
      send(channel, payload);
    },
    appOrigin: devRendererUrl ?? APP_ORIGIN,
    systemLocale: app.getLocale(),
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    reportError: report,
    views: (views) => ({ processes: () => views.processes(), metrics: () => app.getAppMetrics(), reload: (id) => views.reload(id) }),
    setBadge: (total) => showUnreadTotal(window, total, unreadTotalText(total.count, total.more, locale())),
    notify: (notice) =>
      showNotice(notice, (accountId) => {
        window.focus();
        services.accounts.activate(accountId);
      }),
  });
  const views = services.shell;
  uiLocale = services.accounts.state().locale;
  applyMenu(views);
  const unregisterIpc = registerIpc(services.dispatch);

  // The app renderer never navigates away and opens no windows.
  ui.webContents.on('will-navigate', (event) => event.preventDefault());
  ui.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  const recovery = new UiRecovery({
    reload: () => {
      if (!ui.webContents.isDestroyed()) ui.webContents.reload();
    },
    cancelAllHeld: (reason) => services.rendererGone(reason),
    cancelCountdowns: (reason) => void services.gate.cancelWhere((post) => post.mode === 'delay', reason),
    uiReset: () => views.uiReset(),
  });
  ui.webContents.on('render-process-gone', (_event, details) => recovery.crashed(details.reason));
  ui.webContents.on('did-start-navigation', (details) => recovery.navigationStarted(details.isMainFrame, details.isSameDocument));
  ui.webContents.on('did-fail-load', (_event, _code, description, _url, isMainFrame) => {
    if (isMainFrame) recovery.loadFailed(description);
  });
  ui.webContents.on('did-finish-load', () => {
    // Chromium remembers a zoom per origin; the app UI stays at 100 % so the frame and the site view line up.
    ui.webContents.setZoomFactor(1);
    recovery.loaded();
  });
  // Ctrl+wheel and pinch would zoom the UI away from the site view's bounds.
  void ui.webContents.setVisualZoomLevelLimits(1, 1).catch((error: unknown) => report('zoom limits', error));

  const shutdown = new ShutdownSequence({
    teardownViews: () => {
      views.dispose();
      if (!window.isDestroyed()) window.contentView.removeChildView(ui);
      if (!ui.webContents.isDestroyed()) ui.webContents.close();
    },
    cancelHeld: (reason) => services.rendererGone(reason),
    unregisterIpc,
    flush: () => services.dispose(),
    exit: (code) => app.exit(code),
    report,
  });
  // 'close' is the last moment the window exists: by 'closed' it is destroyed and must not be touched.
  wireShutdown(app, window, shutdown);

  await ui.webContents.loadURL(devRendererUrl ?? `${APP_ORIGIN}/index.html`);
}

function sizeOf(window: BaseWindow): { width: number; height: number } {
  const [width = 0, height = 0] = window.getContentSize();
  return { width, height };
}

function readProjectPage(): string | null {
  try {
    return projectPage(JSON.parse(readFileSync(join(app.getAppPath(), 'package.json'), 'utf8')));
  } catch {
    return null;
  }
}

app.on('window-all-closed', () => app.quit());
// An error nobody caught is logged, never Electron's modal "A JavaScript error occurred in the main process"
// (the gate fails closed on its own: a held post that nobody answers is cancelled at its timeout).
process.on('uncaughtException', (error) => report('uncaught exception', error));
if (firstInstance)
  start().catch((error: unknown) => {
    console.error('Hatrack failed to start:', error);
    app.exit(1);
  });
