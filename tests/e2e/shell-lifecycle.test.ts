// The shell's renderer side in Chromium: covers as owners, the AZERTY shortcut, a stopped page with Reload in its frame.
import { describe, expect, it } from 'vitest';
import { accountWithSite, compose, outcome } from './harness/fixtures.ts';
import { addAccount } from './harness/ui.ts';
import { useWorld } from './harness/world.ts';

const world = useWorld();

describe('the shell around the account view', () => {
  it('keeps the account page hidden under the dashboard after a modal over it closes', async () => {
    const app = await world.start();
    const { page } = app;
    await addAccount(page, world.accounts.acmeMastodon);
    await expect.poll(() => app.shell.covered).toBe(false);
    await page.getByTestId('open-dashboard').click();
    await page.getByTestId('dashboard').waitFor();
    await expect.poll(() => app.shell.covered).toBe(true);
    await page.locator('.rail-action', { hasText: 'Settings' }).click();
    const settings = page.getByTestId('settings-panel');
    await settings.waitFor();
    // The modal is an owner of its own beside the dashboard (a call without an owner would be refused).
    await expect.poll(() => app.shell.covers.list()).toEqual([expect.stringMatching(/^ui:dashboard$/), expect.stringMatching(/^ui:modal/)]);
    await page.keyboard.press('Escape');
    await settings.waitFor({ state: 'detached' });
    await expect.poll(() => app.shell.covers.list()).toEqual(['ui:dashboard']);
    expect(app.shell.covered).toBe(true);
    await page.getByTestId('dashboard-close').click();
    await expect.poll(() => app.shell.covered).toBe(false);
  });

  it('switches accounts with Ctrl+1 on an AZERTY keyboard (key "&", code Digit1)', async () => {
    const app = await world.start();
    const { page } = app;
    await addAccount(page, { ...world.accounts.ada, handle: '@ada' });
    await addAccount(page, world.accounts.acmeMastodon);
    await expect.poll(() => page.getByTestId('band-name').textContent()).toBe('Acme Coffee');
    await page.evaluate(() => window.dispatchEvent(new KeyboardEvent('keydown', { key: '&', code: 'Digit1', ctrlKey: true, bubbles: true, cancelable: true })));
    await expect.poll(() => page.getByTestId('band-name').textContent()).toBe('Ada Lovelace');
  });

  it('shows "This account\'s page stopped — Reload" in the frame of a crashed page, whose held post is cancelled', async () => {
    const app = await world.start();
    const { account, site } = await accountWithSite(app, world.accounts.acmeMastodon);
    await compose(site, 'Held while the page dies');
    await app.page.getByTestId('gate-dialog').waitFor();
    app.shell.crashPage(account.id);
    await app.page.getByTestId('gate-dialog').waitFor({ state: 'detached' });
    expect(await outcome(site)).toContain('Something went wrong');
    expect(world.server.received.filter((r) => r.method === 'POST')).toEqual([]);
    const stopped = app.page.getByTestId('view-stopped');
    await stopped.waitFor();
    expect(await stopped.textContent()).toContain('This account’s page stopped');
    await stopped.getByRole('button', { name: 'Reload' }).click();
    await stopped.waitFor({ state: 'detached' });
    expect(app.shell.reloads).toEqual([account.id]);
    await expect.poll(() => app.services.log.recentGate(5)[0]?.decision).toBe('failed-closed');
  });
});
