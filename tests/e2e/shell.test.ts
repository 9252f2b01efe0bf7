// The shell in Chromium: accounts added through the UI, framed, switched, reordered, removed, restored, translated.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contrastRatio } from '../../shared/accounts/contrast.ts';
import { E2E_DIR } from './harness/paths.ts';
import { useWorld } from './harness/world.ts';
import { freshDir } from './harness/fixtures.ts';
import { addAccount, editAccount, railNames } from './harness/ui.ts';

const world = useWorld();

const toRgb = (hex: string) => `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(', ')})`;

describe('the shell', () => {
  it('frames each account in its colour with name, handle, platform and kind, and follows switches', async () => {
    const app = await world.start();
    const { page } = app;
    await addAccount(page, { ...world.accounts.ada, handle: '@ada' });
    await addAccount(page, { ...world.accounts.acmeMastodon, handle: 'acmecoffee' });

    // The new brand account is active: band, badge, frame colour and title all say so.
    await expect.poll(() => page.getByTestId('band-name').textContent()).toBe('Acme Coffee');
    expect(await page.getByTestId('band-handle').textContent()).toBe('@acmecoffee');
    expect(await page.getByTestId('band-platform').textContent()).toContain('Mastodon');
    expect(await page.getByTestId('kind-badge').textContent()).toBe('BRAND');
    expect(await page.title()).toBe('Acme Coffee (@acmecoffee) · Mastodon · BRAND — Hatrack');
    const brandFrame = await page.getByTestId('account-frame').evaluate((frame) => {
      const border = frame.querySelector('.frame-border') as HTMLElement;
      const band = frame.querySelector('.band') as HTMLElement;
      return {
        background: getComputedStyle(frame).backgroundColor,
        padding: parseFloat(getComputedStyle(border).paddingTop),
        pattern: getComputedStyle(border).backgroundImage,
        text: getComputedStyle(band).color,
      };
    });
    expect(brandFrame.background).toBe(toRgb('#facc15'));
    expect(brandFrame.padding).toBeGreaterThanOrEqual(6);
    expect(brandFrame.pattern).toContain('repeating-linear-gradient');
    // Dark text on yellow: WCAG AA.
    expect(brandFrame.text).toBe('rgb(17, 17, 17)');
    expect(contrastRatio('#facc15', '#111111')).toBeGreaterThanOrEqual(4.5);
    const brand = app.services.accounts.state().accounts[1];
    expect(app.shell.visibleId).toBe(brand?.id);
    expect(brand?.partition).toBe(`persist:account-${brand?.id}`);
    expect(app.shell.bounds?.width).toBeGreaterThan(0);
    await page.screenshot({ path: join(E2E_DIR, 'shell-brand.png') });

    // Switch with the rail.
    await page.locator('.rail-button', { hasText: 'Ada Lovelace' }).click();
    await expect.poll(() => page.getByTestId('band-name').textContent()).toBe('Ada Lovelace');
    expect(await page.getByTestId('kind-badge').textContent()).toBe('PERSONAL');
    expect(await page.title()).toBe('Ada Lovelace (@ada) · X · PERSONAL — Hatrack');
    const personal = await page.getByTestId('account-frame').evaluate((frame) => ({
      background: getComputedStyle(frame).backgroundColor,
      text: getComputedStyle(frame.querySelector('.band') as HTMLElement).color,
    }));
    expect(personal.background).toBe(toRgb('#1d4ed8'));
    expect(personal.text).toBe('rgb(255, 255, 255)');
    expect(app.shell.visibleId).toBe(app.services.accounts.state().accounts[0]?.id);
    await page.screenshot({ path: join(E2E_DIR, 'shell-personal.png') });

    // Switch with Ctrl+2.
    await page.keyboard.press('Control+2');
    await expect.poll(() => page.getByTestId('band-name').textContent()).toBe('Acme Coffee');
    await app.close();
  });

  it('explains bad input in the account form and keeps what was typed', async () => {
    const app = await world.start();
    const { page } = app;
    await page.locator('.rail-footer button').first().click();
    const form = page.getByTestId('account-form');
    await form.locator('input[name=color]').fill('#12345');
    await form.locator('select[name=platform]').selectOption({ label: 'Web' });
    await form.locator('input[name=startUrl]').fill('ftp://example.com');
    await form.locator('button[type=submit]').click();
    const errors = await form.locator('.field-error').allTextContents();
    expect(errors).toEqual(
      expect.arrayContaining([
        'Enter a display name.',
        'Enter the account’s handle.',
        'The colour must be a hex value like #1d4ed8.',
        'The start URL must be an http:// or https:// address.',
      ]),
    );
    expect(await form.locator('input[name=startUrl]').inputValue()).toBe('ftp://example.com');
    expect(app.services.accounts.state().accounts).toHaveLength(0);
    await app.close();
  });

  it('reorders by drag and drop, removes after a confirmation that names the account, and restores everything after a restart', async () => {
    const dataDir = freshDir();
    let app = await world.start({ dataDir });
    let { page } = app;
    for (const [name, handle, color] of [
      ['One', 'one', '#b91c1c'],
      ['Two', 'two', '#047857'],
      ['Three', 'three', '#7c3aed'],
    ] as const) {
      await addAccount(page, { name, handle, platform: 'X', kind: 'personal', color, startUrl: world.server.url('x.com', '/compose') });
    }
    await page.locator('.rail-item', { hasText: 'Three' }).dragTo(page.locator('.rail-item', { hasText: 'One' }));
    await expect.poll(() => railNames(page)).toEqual(['Three', 'One', 'Two']);

    // Log in to "One": its session keeps a cookie.
    const one = app.services.accounts.state().accounts.find((account) => account.name === 'One');
    if (!one) throw new Error('missing account');
    await page.locator('.rail-button', { hasText: 'One' }).click();
    const site = await app.shell.page(one.id);
    await site.evaluate(() => {
      document.cookie = 'auth_token=session-of-one; Secure; SameSite=Lax; Max-Age=86400';
    });

    // Remove "Two": the dialog names it; its partition is never handed out again.
    await editAccount(page, 'Two');
    await page.getByTestId('account-form').locator('.danger-link').click();
    const dialog = page.getByTestId('remove-dialog');
    expect(await dialog.locator('.modal-title').textContent()).toBe('Remove Two (@two)?');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Keep it');
    await dialog.locator('button.danger').click();
    await expect.poll(() => railNames(page)).toEqual(['Three', 'One']);
    const removed = app.services.accounts.state();
    await page.locator('.rail-button', { hasText: 'One' }).click();
    await app.close();

    // Restart over the same files.
    app = await world.start({ dataDir });
    page = app.page;
    expect(await railNames(page)).toEqual(['Three', 'One']);
    await expect.poll(() => page.getByTestId('band-name').textContent()).toBe('One');
    const restored = app.services.accounts.state();
    expect(restored.accounts.map((account) => account.partition)).toEqual(removed.accounts.map((account) => account.partition));
    const stored = JSON.parse(readFileSync(join(dataDir, 'hatrack.json'), 'utf8')) as { removedPartitions: string[] };
    expect(stored.removedPartitions).toHaveLength(1);
    const cookies = await (await app.shell.page(one.id)).context().cookies();
    expect(cookies.find((cookie) => cookie.name === 'auth_token')?.value).toBe('session-of-one');
    await app.close();
  });

  it('speaks French from the OS locale and switches language in the settings', async () => {
    const app = await world.start({ systemLocale: 'fr-FR' });
    const { page } = app;
    await expect.poll(() => page.locator('.rail-footer button').first().textContent()).toContain('Ajouter un compte');
    await addAccount(page, { name: 'Marque', handle: 'marque', platform: 'X', kind: 'brand', color: '#b91c1c' });
    expect(await page.getByTestId('kind-badge').textContent()).toBe('MARQUE');
    await page.locator('.rail-footer button', { hasText: 'Réglages' }).click();
    await page.getByTestId('settings-panel').locator('select[name=locale]').selectOption('en');
    await expect.poll(() => page.getByTestId('kind-badge').textContent()).toBe('BRAND');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await app.close();
  });

  it('starts with what it can read from a corrupt store file, keeps a copy and says so', async () => {
    const dataDir = freshDir();
    writeFileSync(join(dataDir, 'hatrack.json'), '{"schemaVersion":1,"accounts":[{"id":"x"');
    const app = await world.start({ dataDir });
    const warning = app.page.getByTestId('warnings');
    await warning.waitFor();
    const text = (await warning.textContent()) ?? '';
    expect(text).toContain('could not be read');
    const backup = /kept as (\S+) and/.exec(text)?.[1];
    expect(backup && existsSync(backup)).toBe(true);
    expect(readFileSync(backup as string, 'utf8')).toContain('"accounts":[{"id":"x"');
    await app.close();
  });

  it('refuses IPC from frames that are not the app', async () => {
    const app = await world.start();
    await expect(app.services.dispatch('app:state', { url: 'https://x.com/', isMainFrame: true }, [])).rejects.toThrow(/untrusted/);
    await expect(app.services.dispatch('app:state', { url: `${app.appOrigin}/index.html`, isMainFrame: false }, [])).rejects.toThrow(/untrusted/);
    await expect(app.services.dispatch('accounts:activate', { url: `${app.appOrigin}/index.html`, isMainFrame: true }, ['not-a-uuid'])).rejects.toThrow();
    await app.close();
  });
});
