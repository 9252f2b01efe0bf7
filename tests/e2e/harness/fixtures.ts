// Shared set-up of the gate e2e tests: one browser, one fixture platform, a fresh app per test.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import type { Account } from '../../../shared/accounts/account.ts';
import type { AppHarness } from './app-harness.ts';
import type { PlatformServer } from './platform-server.ts';
import { addAccount, type NewAccount } from './ui.ts';

export const freshDir = (): string => mkdtempSync(join(tmpdir(), 'hatrack-e2e-'));

/**
 * The accounts the tests add, each opening its fixture site's composer: names, handles and colours are what their
 * assertions and screenshots expect. A test that needs another colour, handle or page spreads one and says which.
 */
export function fixtureAccounts(server: PlatformServer) {
  const composer = (host: string) => server.url(host, '/compose');
  return {
    acmeX: { name: 'Acme Coffee', handle: 'acme', platform: 'X', kind: 'brand', color: '#b91c1c', startUrl: composer('x.com') },
    acmeMastodon: {
      name: 'Acme Coffee',
      handle: 'acme',
      platform: 'Mastodon',
      instance: 'mastodon.test',
      kind: 'brand',
      color: '#facc15',
      startUrl: composer('mastodon.test'),
    },
    acmeSocial: {
      name: 'Acme Social',
      handle: 'acme',
      platform: 'Mastodon',
      instance: 'mastodon.test',
      kind: 'brand',
      color: '#7c3aed',
      startUrl: composer('mastodon.test'),
    },
    acmeSky: { name: 'Acme Sky', handle: 'acme.bsky.test', platform: 'Bluesky', kind: 'brand', color: '#0e7490', startUrl: composer('bsky.test') },
    acmeInsta: { name: 'Acme Insta', handle: 'acme.coffee', platform: 'Instagram', kind: 'brand', color: '#be185d', startUrl: composer('www.instagram.com') },
    acmeThreads: { name: 'Acme Threads', handle: 'acme.threads', platform: 'Threads', kind: 'brand', color: '#111827', startUrl: composer('www.threads.com') },
    ada: { name: 'Ada Lovelace', handle: 'ada', platform: 'X', kind: 'personal', color: '#1d4ed8', startUrl: composer('x.com') },
  } satisfies Record<string, NewAccount>;
}
export type FixtureAccounts = ReturnType<typeof fixtureAccounts>;

/** Adds an account through the UI and returns it with its site page, once `ready` (the fixture composer) is there. */
export async function accountWithSite(app: AppHarness, account: NewAccount, ready = '#composer'): Promise<{ account: Account; site: Page }> {
  await addAccount(app.page, account);
  const created = app.services.accounts.state().accounts.find((candidate) => candidate.handle === account.handle.replace(/^@/, ''));
  if (!created) throw new Error(`account ${account.handle} was not created`);
  const site = await app.shell.page(created.id);
  await site.locator(ready).waitFor();
  return { account: created, site };
}

/** Opens the dashboard from the rail and returns it once shown. */
export async function openDashboard(app: AppHarness): Promise<Locator> {
  await app.page.getByTestId('open-dashboard').click();
  const dashboard = app.page.getByTestId('dashboard');
  await dashboard.waitFor();
  return dashboard;
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
