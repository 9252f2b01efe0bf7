// Modals by keyboard: focus never leaves an open dialog, everything behind it is inert, Escape cancels from
// anywhere, and while a post is held nothing (rail, Ctrl+N, IPC) can switch the account it was made from.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { accountWithSite, compose, outcome } from './harness/fixtures.ts';
import { addAccount, editAccount } from './harness/ui.ts';
import { useWorld } from './harness/world.ts';

const world = useWorld();

/** Where the focus is: the test id of the dialog holding it, or a description of the element outside any dialog. */
function focusOwner(page: Page, testId: string): Promise<string> {
  return page.evaluate((id) => {
    const active = document.activeElement;
    if (active?.closest(`[data-testid="${id}"]`)) return id;
    return active ? `${active.tagName.toLowerCase()}.${active.className}: ${(active.textContent ?? '').slice(0, 40)}` : 'nothing';
  }, testId);
}

/** Presses Tab (then Shift+Tab) `presses` times each and returns every place the focus went outside the dialog. */
async function tabAround(page: Page, testId: string, presses: number, minStops = 2): Promise<string[]> {
  const escapes: string[] = [];
  const seen = new Set<string>();
  for (const key of ['Tab', 'Shift+Tab']) {
    for (let i = 0; i < presses; i++) {
      await page.keyboard.press(key);
      const owner = await focusOwner(page, testId);
      if (owner !== testId) escapes.push(`${key} #${i + 1}: ${owner}`);
      seen.add(await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 60) ?? ''));
    }
  }
  // A trap that holds the focus on one element is no trap: Tab must visit the dialog's controls.
  if (seen.size < minStops) escapes.push(`focus never moved (${[...seen].join()})`);
  return escapes;
}

/** True when every landmark behind the dialog is inert (no pointer, no focus, hidden from assistive tech). */
function behindIsInert(page: Page): Promise<boolean> {
  return page.evaluate(() => ['nav.rail', 'main.main'].every((selector) => document.querySelector(selector)?.closest('[inert]') !== null));
}

describe('modal dialogs by keyboard', () => {
  it('keeps the focus inside the gate dialog, makes the rest inert, and holds the account while a post waits', async () => {
    const app = await world.start();
    const { page } = app;
    const ada = await accountWithSite(app, world.accounts.ada);
    const acme = await accountWithSite(app, world.accounts.acmeX);
    expect(app.services.accounts.state().activeId).toBe(acme.account.id);
    await compose(acme.site, 'Autumn blend is back');
    const dialog = page.getByTestId('gate-dialog');
    await dialog.waitFor();

    expect(await tabAround(page, 'gate-dialog', 12)).toEqual([]);
    expect(await behindIsInert(page)).toBe(true);

    // Ctrl+2 would be Acme (already active); Ctrl+1 is Ada: neither may switch while the post is held.
    await page.keyboard.press('Control+1');
    await page.keyboard.press('Control+2');
    // A click that reaches the rail button anyway (assistive tech, a script): the renderer refuses it.
    await page.locator('.rail-button', { hasText: 'Ada Lovelace' }).dispatchEvent('click');
    // And main refuses the IPC itself, whoever asks.
    await app.services.dispatch('accounts:activate', { url: `${app.appOrigin}/index.html`, isMainFrame: true }, [ada.account.id]);
    expect(app.services.accounts.state().activeId).toBe(acme.account.id);
    expect(app.shell.visibleId).toBe(acme.account.id);
    expect(await dialog.getByTestId('gate-account-name').textContent()).toBe('Acme Coffee');
    await expect.poll(() => page.getByTestId('band-name').textContent()).toBe('Acme Coffee');

    // The dialog is described by its account, kind and text, not only titled.
    const description = await dialog.evaluate((element) =>
      (element.getAttribute('aria-describedby') ?? '')
        .split(/\s+/)
        .filter(Boolean)
        .map((id) => document.getElementById(id)?.textContent ?? `(missing #${id})`)
        .join(' | '),
    );
    expect(description).toContain('Acme Coffee');
    expect(description).toContain('@acme');
    expect(description).toContain('BRAND');
    expect(description).toContain('Autumn blend is back');
    expect(description).not.toContain('(missing');

    // Escape cancels even when the focus is on nothing in particular.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('Escape');
    expect(await outcome(acme.site)).toContain('Something went wrong');
    await dialog.waitFor({ state: 'detached' });
    expect(world.server.posts()).toHaveLength(0);
    expect(await behindIsInert(page)).toBe(false);

    // With nothing held, switching works again.
    await page.keyboard.press('Control+1');
    await expect.poll(() => app.services.accounts.state().activeId).toBe(ada.account.id);
  });

  it('keeps the focus inside the add-account form, the edit form, the remove dialog, settings and recent decisions', async () => {
    const app = await world.start();
    const { page } = app;
    await addAccount(page, world.accounts.ada);

    const check = async (testId: string, open: () => Promise<void>, presses: number, minStops = 2) => {
      await open();
      await page.getByTestId(testId).waitFor();
      expect(await tabAround(page, testId, presses, minStops), testId).toEqual([]);
      expect(await behindIsInert(page), `${testId}: behind is inert`).toBe(true);
    };
    const escapeCloses = async (testId: string) => {
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      await page.keyboard.press('Escape');
      await page.getByTestId(testId).waitFor({ state: 'detached' });
      expect(await behindIsInert(page), `${testId} closed: nothing inert`).toBe(false);
    };

    await check('account-form', () => page.locator('.rail-footer button', { hasText: 'Add account' }).click(), 24);
    await escapeCloses('account-form');
    await check('account-form', () => editAccount(page, 'Ada Lovelace'), 30);
    await page.getByTestId('account-form').locator('.danger-link').click();
    await check('remove-dialog', async () => undefined, 4);
    await escapeCloses('remove-dialog');
    // The focus returns where it was before the dialog opened, so a keyboard user keeps their place.
    await escapeCloses('account-form');
    await check('settings-panel', () => page.locator('.rail-footer button', { hasText: 'Settings' }).click(), 30);
    await escapeCloses('settings-panel');
    expect(await page.evaluate(() => `${document.activeElement?.tagName}: ${document.activeElement?.textContent ?? ''}`)).toMatch(/^BUTTON: .*Settings/);
    await check('recent-decisions', () => page.locator('.rail-footer button', { hasText: 'Recent posts' }).click(), 4, 1);
    await escapeCloses('recent-decisions');
  });

  it('draws the gate dialog above any other dialog and gives it the keyboard', async () => {
    const app = await world.start();
    const { page } = app;
    const acme = await accountWithSite(app, world.accounts.acmeX);
    await page.locator('.rail-footer button', { hasText: 'Settings' }).click();
    await page.getByTestId('settings-panel').waitFor();
    await compose(acme.site, 'Posted while the settings were open');
    const dialog = page.getByTestId('gate-dialog');
    await dialog.waitFor();
    await expect.poll(() => focusOwner(page, 'gate-dialog')).toBe('gate-dialog');
    expect(await tabAround(page, 'gate-dialog', 8)).toEqual([]);
    expect(await page.getByTestId('settings-panel').evaluate((element) => element.closest('[inert]') !== null)).toBe(true);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    // The settings stay open (Escape answered the gate, not both) and get the keyboard back.
    expect(await page.getByTestId('settings-panel').evaluate((element) => element.closest('[inert]') === null)).toBe(true);
    await expect.poll(() => focusOwner(page, 'settings-panel')).toBe('settings-panel');
  });
});
