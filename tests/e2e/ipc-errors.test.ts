// A failed IPC call or a render error reaches the user as a visible message, never a silent drop or a blank window.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import react from '@vitejs/plugin-react';
import type { Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { UserError } from '../../electron/main/services/user-error.ts';
import { ROOT } from './harness/paths.ts';
import { addAccount, railNames } from './harness/ui.ts';
import { useWorld } from './harness/world.ts';

// The world's Chromium serves the probe page too (its hooks run first, so it is up before ours).
const world = useWorld();
let page: Page;
let outDir: string;

beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), 'hatrack-ipc-errors-'));
  await build({
    configFile: false,
    root: ROOT,
    logLevel: 'warn',
    plugins: [react()],
    // Vitest runs with NODE_ENV=test, which makes the React plugin emit dev JSX: give React its dev build to match.
    mode: 'development',
    define: { 'process.env.NODE_ENV': JSON.stringify('development') },
    build: {
      outDir,
      emptyOutDir: true,
      minify: false,
      lib: { entry: join(ROOT, 'tests/e2e/pages/ipc-errors-page.tsx'), formats: ['iife'], name: 'ipcErrorsPage', fileName: () => 'page.js' },
    },
  });
  page = await world.browser.newPage();
  await page.setContent('<!doctype html><html lang="en"><head><meta charset="utf-8"></head><body></body></html>');
  await page.addScriptTag({ path: join(outDir, 'page.js') });
});

afterAll(async () => {
  await page?.close();
  rmSync(outDir, { recursive: true, force: true });
});

describe('IPC failures and render errors', () => {
  it('shows a failed call’s message (translated when main sent a key) until dismissed', async () => {
    await page.getByRole('button', { name: 'activate' }).click();
    const alert = page.getByTestId('ipc-errors');
    await expect.poll(() => alert.textContent()).toContain('That account no longer exists.');
    await page.getByRole('button', { name: 'load' }).click();
    await expect.poll(() => alert.textContent()).toContain('Something went wrong: disk full');
    expect(await page.locator('output').textContent()).toBe('undefined');
    expect(await alert.getAttribute('role')).toBe('alert');
    await page.getByRole('button', { name: 'Dismiss' }).first().click();
    await page.getByRole('button', { name: 'Dismiss' }).first().click();
    await expect.poll(() => page.getByTestId('ipc-errors').count()).toBe(0);
  });

  it('replaces a component that throws while rendering with a message and a way to try again', async () => {
    await page.getByRole('button', { name: 'break' }).click();
    const failed = page.getByTestId('render-failed');
    await expect.poll(() => failed.textContent()).toContain('This part of Hatrack stopped working');
    expect(await failed.textContent()).toContain('render exploded');
    await page.getByRole('button', { name: 'Try again' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'activate' }).count()).toBe(1);
  });
});

describe('IPC failures in the app', () => {
  it('shows a rejected rail reorder (a call the rail used to drop) and keeps the order main saved', async () => {
    const app = await world.start();
    const { page: appPage } = app;
    for (const [name, handle] of [
      ['One', 'one'],
      ['Two', 'two'],
    ] as const) {
      await addAccount(appPage, { name, handle, platform: 'X', kind: 'personal', startUrl: world.server.url('x.com', '/compose') });
    }
    // Main refuses the new order, as it does when the list the renderer sent no longer matches its accounts.
    const reorder = vi.spyOn(app.services.accounts, 'reorder').mockImplementation(() => {
      throw new UserError('errors.reorder');
    });
    await appPage.locator('.rail-item', { hasText: 'Two' }).dragTo(appPage.locator('.rail-item', { hasText: 'One' }));
    const alert = appPage.getByTestId('ipc-errors');
    await expect.poll(() => alert.textContent()).toContain('The account order could not be saved.');
    expect(reorder).toHaveBeenCalledTimes(1);
    expect(await alert.getAttribute('role')).toBe('alert');
    expect(await railNames(appPage)).toEqual(['One', 'Two']);
    await alert.getByRole('button', { name: 'Dismiss' }).click();
    await expect.poll(() => appPage.getByTestId('ipc-errors').count()).toBe(0);
  });
  it('shows a failure from inside a dialog above it, announced and dismissable while the dialog stays open', async () => {
    const app = await world.start();
    const { page: appPage } = app;
    vi.spyOn(app.services.accounts, 'updateSettings').mockImplementation(() => {
      throw new Error('disk full');
    });
    await appPage.locator('.rail-footer button', { hasText: 'Settings' }).click();
    const panel = appPage.getByTestId('settings-panel');
    await panel.locator('input[name=logText]').click();
    const alert = appPage.getByTestId('ipc-errors');
    await expect.poll(() => alert.textContent()).toContain('Something went wrong: disk full');
    // Not behind the dialog: outside the inert part (so a screen reader hears it) and the topmost thing where it is drawn.
    expect(await alert.evaluate((element) => element.closest('[inert]') === null)).toBe(true);
    const onTop = await alert.evaluate((element) => {
      const box = element.getBoundingClientRect();
      return element.contains(document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2));
    });
    expect(onTop).toBe(true);
    await alert.getByRole('button', { name: 'Dismiss' }).click();
    await expect.poll(() => appPage.getByTestId('ipc-errors').count()).toBe(0);
    expect(await panel.isVisible()).toBe(true);
  });
});
