// Screenshots for people: the shell with a personal and a brand account, the site shown in its frame as Electron
// shows it (here the account's page is pasted into the view slot, since a BrowserContext is a separate window).
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { accountWithSite } from './harness/fixtures.ts';
import { E2E_DIR } from './harness/paths.ts';
import { useWorld } from './harness/world.ts';

const world = useWorld();

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
    const app = await world.start();
    const personal = await accountWithSite(app, { name: 'Ada Lovelace', handle: 'ada', platform: 'X', kind: 'personal', color: '#1d4ed8', startUrl: world.server.url('x.com', '/compose') });
    const brand = await accountWithSite(app, { name: 'Acme Coffee', handle: 'acmecoffee', platform: 'Mastodon', instance: 'mastodon.test', kind: 'brand', color: '#facc15', startUrl: world.server.url('mastodon.test', '/compose') });
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
