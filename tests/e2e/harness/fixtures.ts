// Shared set-up of the gate e2e tests: one browser, one fixture platform, a fresh app per test.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { Account } from '../../../shared/accounts/account.ts';
import type { AppHarness } from './app-harness.ts';
import { addAccount, type NewAccount } from './ui.ts';

export const freshDir = (): string => mkdtempSync(join(tmpdir(), 'hatrack-e2e-'));

/** Adds an account through the UI and returns it with its site page (already on the fixture composer). */
export async function accountWithSite(app: AppHarness, account: NewAccount): Promise<{ account: Account; site: Page }> {
  await addAccount(app.page, account);
  const created = app.services.accounts.state().accounts.find((candidate) => candidate.handle === account.handle.replace(/^@/, ''));
  if (!created) throw new Error(`account ${account.handle} was not created`);
  const site = await app.shell.page(created.id);
  await site.locator('#composer').waitFor();
  return { account: created, site };
}

/** Types into the site's composer and presses its Post button (does not wait for the outcome). */
export async function compose(site: Page, text: string, replyTo = ''): Promise<void> {
  await site.locator('#reply-to').fill(replyTo);
  await site.locator('#composer').fill(text);
  await site.locator('#post').click();
}

/** Waits for the site's status line to settle after a post. */
export async function outcome(site: Page): Promise<string> {
  const status = site.locator('#status');
  await status.filter({ hasNotText: 'Sending…' }).filter({ hasText: /./ }).waitFor({ timeout: 30_000 });
  const error = await status.getAttribute('data-error');
  return `${(await status.textContent()) ?? ''}${error ? ` [${error}]` : ''}`;
}
