// What a manager does in the shell UI, as reusable steps for the e2e tests.
import type { Page } from 'playwright-core';

export interface NewAccount {
  name: string;
  handle: string;
  platform: string;
  kind: 'personal' | 'brand';
  color?: string;
  startUrl?: string;
  instance?: string;
}

/** Adds an account through the rail's "Add account" form. */
export async function addAccount(page: Page, account: NewAccount): Promise<void> {
  await page.locator('.rail-footer button').first().click();
  const form = page.getByTestId('account-form');
  await form.locator('input[name=name]').fill(account.name);
  await form.locator('input[name=handle]').fill(account.handle);
  await form.locator('select[name=platform]').selectOption({ label: account.platform });
  if (account.instance) await form.locator('input[name=instance]').fill(account.instance);
  if (account.startUrl) await form.locator('input[name=startUrl]').fill(account.startUrl);
  await form.locator(`input[name=kind][value=${account.kind}]`).check();
  if (account.color) await form.locator('input[name=color]').fill(account.color);
  await form.locator('button[type=submit]').click();
  await form.waitFor({ state: 'detached' });
}

/** The names in the rail, top to bottom. */
export function railNames(page: Page): Promise<string[]> {
  return page.locator('.rail-name').allTextContents();
}

/** Opens an account's edit form from the rail. */
export async function editAccount(page: Page, name: string): Promise<void> {
  await page.locator('.rail-item', { hasText: name }).locator('.rail-edit').click();
  await page.getByTestId('account-form').waitFor();
}
