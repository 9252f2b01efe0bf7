// A failed IPC call or a render error reaches the user as a visible message, never a silent drop or a blank window.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import react from '@vitejs/plugin-react';
import type { Browser, Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './harness/chromium.ts';
import { ROOT } from './harness/paths.ts';

let browser: Browser;
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
  browser = await launchChromium();
  page = await browser.newPage();
  await page.setContent('<!doctype html><html lang="en"><head><meta charset="utf-8"></head><body></body></html>');
  await page.addScriptTag({ path: join(outDir, 'page.js') });
});

afterAll(async () => {
  await browser?.close();
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
