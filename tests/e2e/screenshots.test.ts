// Screenshots for people: the shell with a personal and a brand account, the site shown in its frame as Electron
// shows it (here the account's page is pasted into the view slot, since a BrowserContext is a separate window).
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp } from './harness/app-harness.ts';
import { launchChromium } from './harness/chromium.ts';
import { accountWithSite, freshDir } from './harness/fixtures.ts';
import { E2E_DIR } from './harness/paths.ts';
import { startPlatformServer, type PlatformServer } from './harness/platform-server.ts';

let browser: Browser;
let server: PlatformServer;

beforeAll(async () => {
  browser = await launchChromium();
  server = await startPlatformServer();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function pasteSite(app: Page, site: Page): Promise<void> {
  const slot = await app.getByTestId('view-slot').boundingBox();
  if (!slot) throw new Error('no view slot');
  await site.setViewportSize({ width: Math.round(slot.width), height: Math.round(slot.height) });
  const png = (await site.screenshot()).toString('base64');
  await app.getByTestId('view-slot').evaluate((element, data) => {
    element.innerHTML = '';
    const image = document.createElement('img');
    image.src = `data:image/png;base64,${data}`;
    image.style.cssText = 'display:block;width:100%;height:100%';
    element.append(image);
  }, png);
}

describe('screenshots', () => {
  it('shows the shell with a personal and a brand account', async () => {
    const app = await startApp({ browser, server, dataDir: freshDir() });
    const personal = await accountWithSite(app, { name: 'Ada Lovelace', handle: 'ada', platform: 'X', kind: 'personal', color: '#1d4ed8', startUrl: server.url('x.com', '/compose') });
    const brand = await accountWithSite(app, { name: 'Acme Coffee', handle: 'acmecoffee', platform: 'Mastodon', instance: 'mastodon.test', kind: 'brand', color: '#facc15', startUrl: server.url('mastodon.test', '/compose') });
    await brand.site.locator('#composer').fill('Our autumn blend is back! ☕');
    await pasteSite(app.page, brand.site);
    await app.page.screenshot({ path: join(E2E_DIR, 'readme-brand.png') });
    await app.page.locator('.rail-button', { hasText: 'Ada Lovelace' }).click();
    await app.page.getByTestId('view-slot').waitFor();
    await personal.site.locator('#composer').fill('Off to the climbing gym');
    await pasteSite(app.page, personal.site);
    await app.page.screenshot({ path: join(E2E_DIR, 'readme-personal.png') });
    expect(await app.page.getByTestId('kind-badge').textContent()).toBe('PERSONAL');
    await app.close();
  });
});
