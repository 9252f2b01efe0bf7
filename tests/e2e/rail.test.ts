// The rail follows each account's page: unread counts from titles the sites set, "Signed out" when a site lands on its sign-in page.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { AppHarness } from './harness/app-harness.ts';
import { accountWithSite } from './harness/fixtures.ts';
import { E2E_DIR, ROOT } from './harness/paths.ts';
import { editAccount, type NewAccount } from './harness/ui.ts';
import { useWorld } from './harness/world.ts';

const world = useWorld();

/** Adds an account through the UI and waits for its fixture home page. */
const withHome = (app: AppHarness, account: NewAccount) => accountWithSite(app, account, '#home');
/** Acme Coffee on X, opening the fixture's home page (whose title carries the unread count). */
const acmeHome = (color: string): NewAccount => ({ ...world.accounts.acmeX, color, startUrl: world.server.url('x.com', '/home') });

const railItem = (page: Page, name: string) => page.locator('.rail-item', { hasText: name });

describe('the rail', () => {
  it('shows each account’s unread count from its page title, the total on the app icon, and "Signed out" from the sign-in page', async () => {
    const app = await world.start();
    const { page } = app;
    const x = await withHome(app, acmeHome('#facc15'));
    const bsky = await withHome(app, {
      name: 'Ada Lovelace',
      handle: 'ada',
      platform: 'Bluesky',
      kind: 'personal',
      color: '#1d4ed8',
      startUrl: world.server.url('bsky.test', '/home'),
    });
    const masto = await withHome(app, {
      name: 'Acme Social',
      handle: 'acmesocial',
      platform: 'Mastodon',
      instance: 'mastodon.test',
      kind: 'brand',
      color: '#047857',
      startUrl: world.server.url('mastodon.test', '/home'),
    });

    // The sites retitle themselves as their unread pollers do.
    await x.site.evaluate(() => (window as unknown as { fixture: { setUnread(n: number): void } }).fixture.setUnread(3));
    await railItem(page, 'Acme Coffee').getByRole('img', { name: '3 unread' }).waitFor();
    await bsky.site.evaluate(() => (window as unknown as { fixture: { setUnread(n: number, capped: boolean): void } }).fixture.setUnread(30, true));
    await railItem(page, 'Ada Lovelace').getByRole('img', { name: '30+ unread' }).waitFor();
    expect(await railItem(page, 'Ada Lovelace').getByTestId('rail-unread').textContent()).toBe('30+');
    // The rail button's accessible name carries the count with the account.
    await page.getByRole('button', { name: /Acme Coffee.*3 unread/ }).waitFor();
    await expect.poll(() => app.badges.at(-1)).toEqual({ count: 33, more: true });
    // Mastodon's own title carries no count: nothing is claimed for it.
    expect(await railItem(page, 'Acme Social').getByTestId('rail-unread').count()).toBe(0);

    // The count falls when the manager reads the notifications.
    await x.site.evaluate(() => (window as unknown as { fixture: { setUnread(n: number): void } }).fixture.setUnread(0));
    await expect.poll(() => railItem(page, 'Acme Coffee').getByTestId('rail-unread').count()).toBe(0);
    await expect.poll(() => app.badges.at(-1)).toEqual({ count: 30, more: true });

    // X's client routes itself to the sign-in flow when its session is gone.
    await x.site.evaluate(() => (window as unknown as { fixture: { setUnread(n: number): void } }).fixture.setUnread(4));
    await railItem(page, 'Acme Coffee').getByRole('img', { name: '4 unread' }).waitFor();
    await x.site.evaluate(() => (window as unknown as { fixture: { signOut(): void } }).fixture.signOut());
    await expect.poll(() => railItem(page, 'Acme Coffee').getByTestId('rail-signed-out').textContent()).toBe('Signed out');
    expect(await railItem(page, 'Acme Coffee').getByTestId('rail-unread').count()).toBe(0);
    await expect.poll(() => app.badges.at(-1)).toEqual({ count: 30, more: true });

    // Mastodon's server redirects to its sign-in page: the active frame says so too, in words.
    await masto.site.evaluate(() => (window as unknown as { fixture: { signOut(): void } }).fixture.signOut());
    await expect.poll(() => railItem(page, 'Acme Social').getByTestId('rail-signed-out').textContent()).toBe('Signed out');
    expect(await page.getByTestId('band-signed-out').textContent()).toContain('Signed out');
    // `npm run screenshots` writes this one into the README's pictures too.
    const shots = process.env.HATRACK_SCREENSHOTS_DIR ? resolve(ROOT, process.env.HATRACK_SCREENSHOTS_DIR) : E2E_DIR;
    mkdirSync(shots, { recursive: true });
    await page.screenshot({ path: join(shots, 'rail-presence.png'), clip: { x: 0, y: 0, width: 1000, height: 260 } });

    // Switching to the X account: its frame says it is signed out.
    await railItem(page, 'Acme Coffee').locator('.rail-button').click();
    await expect.poll(() => page.getByTestId('band-name').textContent()).toBe('Acme Coffee');
    await page.getByTestId('band-signed-out').waitFor();

    // Signing in again (the site goes home) clears the mark; the active Bluesky account never had one.
    await x.site.goto(world.server.url('x.com', '/home'));
    await expect.poll(() => railItem(page, 'Acme Coffee').getByTestId('rail-signed-out').count()).toBe(0);
    await expect.poll(() => page.getByTestId('band-signed-out').count()).toBe(0);
    expect(await railItem(page, 'Ada Lovelace').getByTestId('rail-signed-out').count()).toBe(0);
    expect(await railItem(page, 'Acme Social').getByTestId('rail-signed-out').count()).toBe(1);
    await app.close();
  });

  it('says "Signed out" when the identity cookie disappears while the page stays where it was', async () => {
    const app = await world.start();
    const x = await withHome(app, acmeHome('#facc15'));
    await x.site.evaluate(() => fetch('/fixture/sign-in'));
    await x.site.evaluate(() => (window as unknown as { fixture: { setUnread(n: number): void } }).fixture.setUnread(2));
    await railItem(app.page, 'Acme Coffee').getByRole('img', { name: '2 unread' }).waitFor();

    // Logged out from another device: the server clears twid; the page has not moved yet.
    await x.site.evaluate(() => fetch('/i/api/1.1/account/logout.json'));
    await expect.poll(() => railItem(app.page, 'Acme Coffee').getByTestId('rail-signed-out').textContent()).toBe('Signed out');
    expect(new URL(x.site.url()).pathname).toBe('/home');
    expect(await app.page.getByTestId('band-signed-out').count()).toBe(1);
    // Moving about the site does not bring the account back; signing in (the cookie returns) does.
    await x.site.goto(world.server.url('x.com', '/home'));
    await app.page.getByTestId('band-signed-out').waitFor();
    await x.site.evaluate(() => fetch('/fixture/sign-in'));
    await expect.poll(() => railItem(app.page, 'Acme Coffee').getByTestId('rail-signed-out').count()).toBe(0);
    await app.close();
  });

  it('notifies an account that opted in when its count rises, naming it in its colour', async () => {
    const app = await world.start();
    const x = await withHome(app, acmeHome('#b91c1c'));
    await editAccount(app.page, 'Acme Coffee');
    await app.page.getByTestId('account-form').locator('input[name=unreadAlerts]').check();
    await app.page.getByTestId('account-form').locator('button[type=submit]').click();
    await expect.poll(() => app.services.accounts.get(x.account.id)?.unreadAlerts).toBe(true);

    const setUnread = (n: number) => x.site.evaluate((count) => (window as unknown as { fixture: { setUnread(n: number): void } }).fixture.setUnread(count), n);
    // The page loaded saying nothing is unread ("Home / X"): each rise from there is news, a fall is not.
    await setUnread(1);
    await railItem(app.page, 'Acme Coffee').getByRole('img', { name: '1 unread' }).waitFor();
    await setUnread(0);
    await setUnread(2);
    await railItem(app.page, 'Acme Coffee').getByRole('img', { name: '2 unread' }).waitFor();
    await expect.poll(() => app.notices.map((notice) => notice.body)).toEqual(['1 unread on X', '2 unread on X']);
    expect(app.notices[1]).toEqual({ accountId: x.account.id, title: 'Acme Coffee (@acme)', body: '2 unread on X', color: '#b91c1c' });
    await app.close();
  });

  it('says "Déconnecté" in French, and reloads an account’s page from settings to free memory', async () => {
    const app = await world.start({ systemLocale: 'fr-FR' });
    const x = await withHome(app, acmeHome('#facc15'));
    await x.site.evaluate(() => (window as unknown as { fixture: { setUnread(n: number): void } }).fixture.setUnread(2));
    await railItem(app.page, 'Acme Coffee').getByRole('img', { name: '2 non lus' }).waitFor();
    await x.site.evaluate(() => (window as unknown as { fixture: { signOut(): void } }).fixture.signOut());
    await expect.poll(() => railItem(app.page, 'Acme Coffee').getByTestId('rail-signed-out').textContent()).toBe('Déconnecté');
    expect(await app.page.getByTestId('band-signed-out').textContent()).toContain('Déconnecté');

    // The reload loads the start page again: the site is home, so signed in again.
    await app.page.locator('.rail-footer button', { hasText: 'Réglages' }).click();
    const memory = app.page.getByTestId('account-memory');
    await memory.getByRole('heading', { name: 'Mémoire par compte' }).waitFor();
    await memory.getByRole('button', { name: 'Recharger Acme Coffee pour libérer la mémoire' }).click();
    await expect.poll(() => x.site.url()).toBe(world.server.url('x.com', '/home'));
    await expect.poll(() => railItem(app.page, 'Acme Coffee').getByTestId('rail-signed-out').count()).toBe(0);
    await app.close();
  });
});
