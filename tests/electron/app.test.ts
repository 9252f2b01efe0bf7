// The built app in real Electron, where its binary exists: accounts, frame, gate, shortcut, close, relaunch, one instance.
// Where no binary exists (it cannot be downloaded on the machines this project is built on) it says so and skips.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron as electron, type ElectronApplication, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_HOSTS } from '../e2e/harness/chromium.ts';
import { fixtureAccounts } from '../e2e/harness/fixtures.ts';
import { ROOT } from '../e2e/harness/paths.ts';
import { startPlatformServer, type PlatformServer } from '../e2e/harness/platform-server.ts';
import { addAccount } from '../e2e/harness/ui.ts';

/** The Electron binary npm would run, found without require('electron') (which would try to download it). */
function electronBinary(): string | null {
  const packageDir = join(ROOT, 'node_modules', 'electron');
  const pathFile = join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const relative = readFileSync(pathFile, 'utf8').trim();
  const binary = process.env.ELECTRON_OVERRIDE_DIST_PATH ? join(process.env.ELECTRON_OVERRIDE_DIST_PATH, relative) : join(packageDir, 'dist', relative);
  return existsSync(binary) ? binary : null;
}

const binary = electronBinary();
if (!binary) {
  process.stdout.write(
    'electron app test: SKIPPED — no Electron binary under node_modules/electron/dist (it cannot be downloaded on this machine); the UI and the gate are tested in Chromium instead.\n',
  );
}

const MAIN = join(ROOT, 'out/main/index.js');
/**
 * The fixture sites resolve to the local server; its self-signed certificate is accepted in tests only.
 * No --no-sandbox: on Linux the CI workflow makes chrome-sandbox root-owned with mode 4755, as users must.
 */
function chromiumArgs(dataDir: string): string[] {
  return [
    MAIN,
    `--user-data-dir=${dataDir}`,
    `--host-resolver-rules=${FIXTURE_HOSTS.map((host) => `MAP ${host} 127.0.0.1`).join(', ')}, EXCLUDE localhost`,
    '--ignore-certificate-errors',
  ];
}

/** The app names its data folder under the OS's app-data folder, so that folder is moved into the test's own too. */
function isolatedEnv(dataDir: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) if (value !== undefined) env[key] = value;
  return { ...env, XDG_CONFIG_HOME: dataDir, APPDATA: dataDir, HOME: dataDir };
}

interface Running {
  app: ElectronApplication;
  ui: Page;
  /** Everything the main process wrote to stderr. */
  stderr: () => string;
}

async function launch(dataDir: string): Promise<Running> {
  const app = await electron.launch({
    executablePath: binary as string,
    args: chromiumArgs(dataDir),
    env: isolatedEnv(dataDir),
  });
  let stderr = '';
  app.process().stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const ui = await pageWhere(app, (url) => url.startsWith('app://hatrack/'));
  await ui.getByRole('navigation').waitFor();
  return { app, ui, stderr: () => stderr };
}

/** Each WebContents (the app UI, every account page) is a page to Playwright; found by its URL. */
async function pageWhere(app: ElectronApplication, match: (url: string) => boolean): Promise<Page> {
  for (;;) {
    const page = app.windows().find((candidate) => match(candidate.url()));
    if (page) return page;
    await app.waitForEvent('window', { timeout: 30_000 }).catch(() => undefined);
  }
}

/** Closes the main window as a user would, and waits for the process to end by itself. */
async function closeWindow(running: Running): Promise<number | null> {
  const exited = new Promise<number | null>((resolve) => running.app.process().once('exit', (code) => resolve(code)));
  await running.app.evaluate(({ BaseWindow }) => BaseWindow.getAllWindows()[0]?.close());
  return exited;
}

describe.skipIf(!binary)('the app in Electron', () => {
  let server: PlatformServer;
  let dataDir = '';

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'hatrack-electron-'));
    server = await startPlatformServer();
  });
  afterAll(async () => {
    await server?.close();
  });

  it('adds accounts, frames them, gates a brand post, switches with Ctrl+2, closes cleanly and restores everything', async () => {
    const first = await launch(dataDir);
    const { app, ui } = first;
    expect(ui.url()).toBe('app://hatrack/index.html');
    const mastodon = server.url('mastodon.test', '/compose');
    const accounts = fixtureAccounts(server);
    await addAccount(ui, { ...accounts.ada, handle: '@ada' });
    await addAccount(ui, accounts.acmeMastodon);

    // The brand account is active and framed, and the window title (on the BaseWindow) names it.
    await expect.poll(() => ui.getByTestId('band-name').textContent()).toBe('Acme Coffee');
    expect(await ui.getByTestId('kind-badge').textContent()).toBe('BRAND');
    await expect
      .poll(() => app.evaluate(({ BaseWindow }) => BaseWindow.getAllWindows()[0]?.getTitle()))
      .toBe('Acme Coffee (@acme) · Mastodon · BRAND — Hatrack');

    // A held brand post, confirmed: the platform receives it once.
    const site = await pageWhere(app, (url) => url.startsWith(mastodon));
    await site.locator('#composer').waitFor();
    await site.locator('#composer').fill('Fresh roast today');
    await site.locator('#post').click();
    const dialog = ui.getByTestId('gate-dialog');
    await dialog.waitFor();
    expect(server.posts()).toEqual([]);
    await dialog.getByTestId('gate-confirm').click();
    await site.locator('#status', { hasText: 'Your post was sent.' }).waitFor();
    expect(server.posts().map((post) => post.body.toString())).toEqual([expect.stringContaining('Fresh roast today')]);

    // Another, cancelled: nothing reaches the platform, the draft stays.
    await site.locator('#composer').fill('Not this one');
    await site.locator('#post').click();
    await dialog.waitFor();
    await dialog.getByTestId('gate-cancel').click();
    await site.locator('#status', { hasText: 'Something went wrong' }).waitFor();
    expect(server.posts()).toHaveLength(1);
    expect(await site.locator('#composer').inputValue()).toBe('Not this one');

    // Ctrl+2 typed while the site has the keyboard switches accounts (main's before-input-event), and back.
    await ui.locator('.rail-button', { hasText: 'Ada Lovelace' }).click();
    await expect.poll(() => ui.getByTestId('band-name').textContent()).toBe('Ada Lovelace');
    const personal = await pageWhere(app, (url) => url.startsWith(server.url('x.com', '')));
    await personal.locator('#composer').click();
    await personal.keyboard.press('Control+2');
    await expect.poll(() => ui.getByTestId('band-name').textContent()).toBe('Acme Coffee');

    // Closing the window ends the app by itself, with no main-process error.
    expect(await closeWindow(first)).toBe(0);
    expect(first.stderr()).not.toMatch(/A JavaScript error occurred|Uncaught|Object has been destroyed/);

    // Relaunched: the accounts, their order and the active one come back; the log has the gate's decisions.
    const second = await launch(dataDir);
    expect(await second.ui.locator('.rail-name').allTextContents()).toEqual(['Ada Lovelace', 'Acme Coffee']);
    await expect.poll(() => second.ui.getByTestId('band-name').textContent()).toBe('Acme Coffee');
    const userData = await second.app.evaluate(({ app }) => app.getPath('userData'));
    const log = readFileSync(join(userData, 'hatrack-log.jsonl'), 'utf8');
    expect(log).toContain('"confirmed"');
    expect(log).toContain('"cancelled"');
    await closeWindow(second);
  });

  it('a second launch focuses the first and exits', async () => {
    const running = await launch(dataDir);
    await running.app.evaluate(({ app }) => {
      const state = globalThis as unknown as { secondInstances: number };
      state.secondInstances = 0;
      app.on('second-instance', () => state.secondInstances++);
    });
    const code = await new Promise<number | null>((resolve) => {
      const child = spawn(binary as string, chromiumArgs(dataDir), { env: isolatedEnv(dataDir), stdio: 'ignore' });
      child.once('exit', resolve);
    });
    expect(code).toBe(0);
    await expect.poll(() => running.app.evaluate(() => (globalThis as unknown as { secondInstances: number }).secondInstances)).toBe(1);
    expect(await running.app.evaluate(({ BaseWindow }) => BaseWindow.getAllWindows().length)).toBe(1);
    expect(await running.app.evaluate(({ BaseWindow }) => BaseWindow.getAllWindows()[0]?.isMinimized())).toBe(false);
    await closeWindow(running);
  });
});
