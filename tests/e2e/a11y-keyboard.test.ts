// The app by keyboard only: add an account, switch, open and close the dashboard, use its filters and table,
// and see where the focus is at every step (a visible ring on whatever has it).
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seedLines } from './harness/reply-seed.ts';
import { useWorld } from './harness/world.ts';

const world = useWorld();

/** Presses Tab until the focused element matches `test` (at most `limit` presses); returns its description. */
async function tabTo(
  page: Page,
  test: (element: { tag: string; text: string; name: string; label: string }) => boolean,
  limit = 40,
  key = 'Tab',
): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press(key);
    const focused = await describeFocus(page);
    if (test(focused)) return;
  }
  throw new Error(`${key} never reached the element (last: ${JSON.stringify(await describeFocus(page))})`);
}

function describeFocus(page: Page) {
  return page.evaluate(() => {
    const active = document.activeElement as HTMLElement | null;
    return {
      tag: active?.tagName.toLowerCase() ?? '',
      text: (active?.textContent ?? '').trim(),
      name: active?.getAttribute('name') ?? '',
      label: active?.getAttribute('aria-label') ?? '',
    };
  });
}

/** Whether the focused element shows a focus ring (an outline or a box shadow that is not none). */
function focusRingShows(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const active = document.activeElement as HTMLElement | null;
    if (!active || active === document.body) return false;
    const style = getComputedStyle(active);
    return (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2) || style.boxShadow !== 'none';
  });
}

describe('by keyboard only', () => {
  it('adds an account, opens the dashboard, filters, reaches a copy button, and comes back where it was', async () => {
    const app = await world.start();
    const { page } = app;
    await tabTo(page, (focused) => focused.text.includes('Add account'));
    expect(await focusRingShows(page)).toBe(true);
    await page.keyboard.press('Enter');
    await page.getByTestId('account-form').waitFor();
    await page.keyboard.type('Ada Lovelace');
    await page.keyboard.press('Tab');
    await page.keyboard.type('ada');
    await tabTo(page, (focused) => focused.text === 'Add' || focused.text === 'Add account', 40);
    await page.keyboard.press('Enter');
    await page.getByTestId('account-form').waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('band-name').textContent()).toBe('Ada Lovelace');
    // The focus went back to the button that opened the form.
    expect(await describeFocus(page)).toMatchObject({ tag: 'button', text: expect.stringContaining('Add account') });

    const account = app.services.accounts.state().accounts[0];
    if (!account) throw new Error('no account');
    await app.services.log.appendLines(seedLines([account], 30));
    await tabTo(page, (focused) => focused.text.includes('Response times'));
    await page.keyboard.press('Enter');
    const dashboard = page.getByTestId('dashboard');
    await expect.poll(() => dashboard.getByTestId('figure-count').textContent()).toBe('30');

    // The accounts menu opens with the keyboard and its checkboxes are reachable.
    await tabTo(page, (focused) => focused.tag === 'summary');
    expect(await focusRingShows(page)).toBe(true);
    await page.keyboard.press('Enter');
    await tabTo(page, (focused) => focused.name === 'account', 3);
    await page.keyboard.press('Space');
    await expect.poll(() => dashboard.getByTestId('dash-filters').locator('.dash-clear').isEnabled()).toBe(true);
    // Escape closes the menu (not the dashboard) and leaves the focus on its summary.
    await page.keyboard.press('Escape');
    expect(await dashboard.locator('details[open]').count()).toBe(0);
    expect((await describeFocus(page)).tag).toBe('summary');

    // The table's body scrolls from the keyboard and its copy buttons are reachable, with a ring.
    await tabTo(page, (focused) => focused.label.startsWith('Copy ID'), 60);
    expect(await focusRingShows(page)).toBe(true);

    // Escape leaves the dashboard and puts the focus back on the button that opened it.
    await page.keyboard.press('Escape');
    await dashboard.waitFor({ state: 'detached' });
    expect(await describeFocus(page)).toMatchObject({ tag: 'button', text: expect.stringContaining('Response times') });
  });
});
