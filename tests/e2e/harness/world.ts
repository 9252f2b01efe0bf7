// One e2e "world" per test file: a Chromium, a fixture platform, and the app under test closed after each test.
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { startApp, type AppHarness, type StartOptions } from './app-harness.ts';
import { launchChromium } from './chromium.ts';
import { fixtureAccounts, freshDir, type FixtureAccounts } from './fixtures.ts';
import { startPlatformServer, type PlatformServer } from './platform-server.ts';

export interface World {
  readonly browser: Browser;
  readonly server: PlatformServer;
  /** The tests' accounts, on this world's fixture platform. */
  readonly accounts: FixtureAccounts;
  /** Starts the app (fresh data folder unless given); it is closed after the test. */
  start(options?: Partial<Omit<StartOptions, 'browser' | 'server'>>): Promise<AppHarness>;
}

/** Registers the hooks of a test file and returns its world. */
export function useWorld(): World {
  let browser: Browser | null = null;
  let server: PlatformServer | null = null;
  const running: AppHarness[] = [];
  beforeAll(async () => {
    browser = await launchChromium();
    server = await startPlatformServer();
  });
  afterEach(async () => {
    for (const app of running.splice(0)) await app.close();
    if (server) server.received.length = 0;
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  const need = <T>(value: T | null, what: string): T => {
    if (!value) throw new Error(`${what} is not started yet`);
    return value;
  };
  return {
    get browser() {
      return need(browser, 'Chromium');
    },
    get server() {
      return need(server, 'the fixture platform');
    },
    get accounts() {
      return fixtureAccounts(need(server, 'the fixture platform'));
    },
    async start(options = {}) {
      const app = await startApp({
        browser: need(browser, 'Chromium'),
        server: need(server, 'the fixture platform'),
        dataDir: options.dataDir ?? freshDir(),
        ...options,
      });
      running.push(app);
      return app;
    },
  };
}
