// The README's pictures, taken from the current UI: the shell with a brand and a personal account (the site shown in
// its frame as Electron shows it: here the account's page is pasted into the view slot, since a BrowserContext is a
// separate window), the gate dialog, and the dashboard with 400 replies. `npm run screenshots` writes them into
// resources/screenshots (HATRACK_SCREENSHOTS_DIR); a plain test run writes them under .tmp/e2e and leaves the repo alone.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { accountWithSite, compose } from './harness/fixtures.ts';
import { E2E_DIR, ROOT } from './harness/paths.ts';
import { seedDashboard } from './harness/reply-seed.ts';
import { useWorld } from './harness/world.ts';

const world = useWorld();
const OUT = process.env.HATRACK_SCREENSHOTS_DIR ? resolve(ROOT, process.env.HATRACK_SCREENSHOTS_DIR) : join(E2E_DIR, 'screenshots');
mkdirSync(OUT, { recursive: true });

async function pasteSite(app: Page, site: Page): Promise<void> {
  const slot = await app.getByTestId('view-slot').boundingBox();
  if (!slot) throw new Error('no view slot');
  await site.setViewportSize({ width: Math.round(slot.width), height: Math.round(slot.height) });
  const png = (await site.screenshot()).toString('base64');
  await app.getByTestId('view-slot').evaluate((element, data) => {
    element.innerHTML = '';
    const image = document.createElement('img');
    image.src = `data:image/png;base64,${data}`;
    image.alt = '';
    image.style.cssText = 'display:block;width:100%;height:100%';
    element.append(image);
  }, png);
  await app
    .getByTestId('view-slot')
    .locator('img')
    .evaluate((image: HTMLImageElement) => image.decode());
}

/** True when the app's own font stack draws the emoji in colour: a glyph from a colour font has pixels that are not grey. */
function emojiIsColoured(page: Page, text: string): Promise<boolean> {
  return page.evaluate(async (sample) => {
    const font = `48px ${getComputedStyle(document.body).fontFamily}`;
    await document.fonts.load(font, sample);
    const canvas = document.createElement('canvas');
    canvas.width = 64;
    canvas.height = 64;
    const context = canvas.getContext('2d') as CanvasRenderingContext2D;
    context.font = font;
    context.textBaseline = 'top';
    context.fillText(sample, 4, 4);
    const { data } = context.getImageData(0, 0, 64, 64);
    for (let i = 0; i < data.length; i += 4)
      if (Math.abs((data[i] as number) - (data[i + 1] as number)) > 30 || Math.abs((data[i + 1] as number) - (data[i + 2] as number)) > 30) return true;
    return false;
  }, text);
}

describe('README screenshots', () => {
  it('shows the shell with a brand and a personal account, and the gate dialog', async () => {
    const app = await world.start();
    // Without a colour emoji font (tests/install-system-deps.sh installs one) the pictures show empty boxes.
    expect(await emojiIsColoured(app.page, '☕')).toBe(true);
    const personal = await accountWithSite(app, world.accounts.ada);
    const brand = await accountWithSite(app, { ...world.accounts.acmeMastodon, handle: 'acmecoffee' });
    await brand.site.locator('#composer').fill('Our autumn blend is back! ☕');
    await pasteSite(app.page, brand.site);
    await app.page.screenshot({ path: join(OUT, 'shell-brand.png') });

    await compose(brand.site, 'Our autumn blend is back! ☕');
    await app.page.getByTestId('gate-dialog').waitFor();
    await app.page.screenshot({ path: join(OUT, 'gate-dialog.png') });
    await app.page.keyboard.press('Escape');
    await app.page.getByTestId('gate-dialog').waitFor({ state: 'detached' });

    await app.page.locator('.rail-button', { hasText: 'Ada Lovelace' }).click();
    await expect.poll(() => app.page.getByTestId('band-name').textContent()).toBe('Ada Lovelace');
    await personal.site.locator('#composer').fill('Off to the climbing gym 🧗');
    await pasteSite(app.page, personal.site);
    await app.page.screenshot({ path: join(OUT, 'shell-personal.png') });
    expect(await app.page.getByTestId('kind-badge').textContent()).toBe('PERSONAL');
  });

  it('shows the dashboard with 400 replies', async () => {
    const app = await world.start({ viewport: { width: 1280, height: 800 } });
    await seedDashboard(app, 400);
    await app.page.getByTestId('open-dashboard').click();
    const dashboard = app.page.getByTestId('dashboard');
    await expect.poll(() => dashboard.getByTestId('figure-count').textContent()).toBe('400');
    await dashboard.getByTestId('entry-row').first().waitFor();
    await app.page.screenshot({ path: join(OUT, 'dashboard.png') });
  });
});
