// Starts Hatrack for a test: the real main-process services over a data folder, the built renderer in Chromium,
// and one BrowserContext per account. Closing and starting again over the same folder is a restart.
import { join } from 'node:path';
import Conf from 'conf';
import type { Browser, Page } from 'playwright-core';
import type { EventChannel, EventPayloads } from '../../../shared/ipc/contract.ts';
import { createAppServices, type AppServices } from '../../../electron/main/services/app-services.ts';
import type { FilePort } from '../../../electron/main/services/file-port.ts';
import type { UnreadNotice } from '../../../shared/accounts/unread-notice.ts';
import { HarnessShell } from './harness-shell.ts';
import { E2E_DIR } from './paths.ts';
import type { PlatformServer } from './platform-server.ts';

/** The FilePort of the tests: the "dialogs" answer with paths the test chose; PDFs come from Chromium's page.pdf(). */
export class TestFiles implements FilePort {
  nextSavePath: string | null = null;
  nextOpenPath: string | null = null;
  constructor(private readonly browser: Browser) {}
  async saveAs(): Promise<string | null> {
    return this.nextSavePath;
  }
  async openFile(): Promise<string | null> {
    return this.nextOpenPath;
  }
  async htmlToPdf(html: string): Promise<Uint8Array> {
    const page = await this.browser.newPage();
    try {
      await page.setContent(html);
      return await page.pdf({ format: 'A4', printBackground: true });
    } finally {
      await page.close();
    }
  }
}

export interface AppHarness {
  page: Page;
  files: TestFiles;
  services: AppServices;
  shell: HarnessShell;
  appOrigin: string;
  /** Every total put on the "app icon", in order. */
  badges: Array<{ count: number; more: boolean }>;
  /** Every desktop notice shown, in order. */
  notices: UnreadNotice[];
  close(): Promise<void>;
}

export interface StartOptions {
  browser: Browser;
  server: PlatformServer;
  dataDir: string;
  systemLocale?: string;
  viewport?: { width: number; height: number };
}

export async function startApp(options: StartOptions): Promise<AppHarness> {
  const { browser, server, dataDir } = options;
  const appOrigin = server.url('app.test', '').replace(/\/$/, '');
  const context = await browser.newContext({
    ignoreHTTPSErrors: true,
    viewport: options.viewport ?? { width: 1280, height: 800 },
    locale: options.systemLocale ?? 'en-US',
  });
  const page = await context.newPage();
  let services: AppServices | null = null;
  const files = new TestFiles(browser);
  const badges: AppHarness['badges'] = [];
  const notices: UnreadNotice[] = [];
  const send = <E extends EventChannel>(channel: E, payload: EventPayloads[E]) => {
    if (!page.isClosed()) {
      page
        .evaluate(([name, value]) => (window as unknown as { __hatrackEmit?: (c: string, p: unknown) => void }).__hatrackEmit?.(name, value), [
          channel,
          payload,
        ] as const)
        .catch(() => undefined);
    }
  };
  const started = await createAppServices({
    storePath: join(dataDir, 'hatrack.json'),
    createStoreBackend: () => new Conf<Record<string, unknown>>({ cwd: dataDir, configName: 'hatrack', clearInvalidConfig: false, projectName: 'hatrack' }),
    logPath: join(dataDir, 'hatrack-log.jsonl'),
    createShell: (ports) => {
      const harnessShell = new HarnessShell(
        browser,
        join(dataDir, 'Partitions'),
        () => ports.gate,
        () => ports.pageEvents,
      );
      harnessShell.stoppedChanged = (stopped) => send('view:stopped', stopped);
      harnessShell.cancelHeldOf = ports.cancelHeldOf;
      return harnessShell;
    },
    files,
    send,
    appOrigin,
    systemLocale: options.systemLocale ?? 'en-US',
    timeZone: 'Europe/Paris',
    views: (harnessShell) => harnessShell,
    setBadge: (total) => badges.push(total),
    notify: (notice) => notices.push(notice),
  });
  services = started;
  const shell = started.shell;
  const dispatch = started.dispatch;
  await page.exposeBinding('__hatrackInvoke', (source, channel: string, args: unknown[]) =>
    dispatch(channel, { url: source.frame.url(), isMainFrame: source.frame === source.page.mainFrame() }, args),
  );
  await page.addInitScript({ path: join(E2E_DIR, 'bridge.js') });
  // A crash, a reload or a closed window of the app renderer cancels every held post, as in Electron.
  let loaded = false;
  let closed = false;
  page.on('crash', () => services?.rendererGone('renderer crashed'));
  page.on('close', () => services?.rendererGone('window closed'));
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame() && loaded) {
      // The UI's own covers (modals, dashboard) went with the old page, as ViewManager.uiReset does.
      shell.covers.clearRenderer();
      services?.rendererGone('renderer reloaded');
    }
  });
  await page.goto(`${appOrigin}/index.html`);
  loaded = true;
  await page.getByRole('navigation').waitFor();
  return {
    page,
    files,
    services: started,
    shell,
    appOrigin,
    badges,
    notices,
    async close() {
      if (closed) return;
      closed = true;
      await shell.close();
      await services?.dispose();
      await context.close();
    },
  };
}
