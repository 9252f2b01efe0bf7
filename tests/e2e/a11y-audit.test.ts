// axe-core on every screen a manager meets, in English and French: the shell (empty, a personal and a brand
// account active), the gate dialog, the add-account form, settings, and the dashboard (empty and 400 entries).
// No violation is allowed; every "needs review" finding is either resolved or justified below, by rule and place.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { audit, describeFindings, measureContrast, type AxeFinding } from './harness/axe.ts';
import { accountWithSite, compose } from './harness/fixtures.ts';
import { seedLines } from './harness/reply-seed.ts';
import { addAccount } from './harness/ui.ts';
import { useWorld } from './harness/world.ts';

const world = useWorld();

/**
 * Why axe may leave a colour-contrast node "for review", and what this test does about each: it measures the
 * contrast itself from the computed styles (measureContrast) and requires WCAG AA, 4.5:1 (3:1 for large text).
 * - "background gradient": the brand stripes of the gate dialog's account strip (measured against each stripe);
 * - "partially obscured": table rows scrolled half out of the virtualised table's box;
 * - "too short": one-letter cells such as the platform "X".
 * Any other "needs review" finding fails the test until it is fixed or explained here.
 */
const MEASURABLE = /background gradient|partially obscured|too short to determine/;

async function unresolved(page: Page, findings: AxeFinding[]): Promise<string[]> {
  const left: string[] = [];
  for (const finding of findings) {
    for (const node of finding.nodes) {
      const line = `${finding.id} (${finding.impact ?? '?'}) ${node.target}: ${node.summary} — ${node.html}`;
      if (finding.id !== 'color-contrast' || !MEASURABLE.test(node.summary)) {
        left.push(line);
        continue;
      }
      const measured = await measureContrast(page, node.target);
      const needed = measured.large ? 3 : 4.5;
      if (measured.ratio < needed) left.push(`${line} — measured ${measured.ratio.toFixed(2)}:1 < ${needed}:1`);
    }
  }
  return left;
}

async function expectClean(page: Page, screen: string): Promise<void> {
  const report = await audit(page);
  expect.soft(describeFindings(report.violations).join('\n'), `${screen}: violations`).toBe('');
  expect.soft((await unresolved(page, report.incomplete)).join('\n'), `${screen}: needs review`).toBe('');
}

const LANGUAGES = [
  { locale: 'en-US', add: 'Add account', settings: 'Settings', brand: 'BRAND' },
  { locale: 'fr-FR', add: 'Ajouter un compte', settings: 'Réglages', brand: 'MARQUE' },
] as const;

describe.each(LANGUAGES)('accessibility audit ($locale)', ({ locale, add, settings, brand }) => {
  it('finds nothing on the shell, the add-account form, settings and the gate dialog', async () => {
    const app = await world.start({ systemLocale: locale });
    const { page } = app;
    await expect.poll(() => page.locator('.rail-footer button').first().textContent()).toContain(add);
    await expectClean(page, 'empty shell');

    await page.locator('.rail-footer button', { hasText: add }).click();
    await page.getByTestId('account-form').waitFor();
    await expectClean(page, 'add-account form');
    await page.keyboard.press('Escape');
    await page.getByTestId('account-form').waitFor({ state: 'detached' });

    await addAccount(page, { name: 'Ada Lovelace', handle: 'ada', platform: 'X', kind: 'personal', color: '#1d4ed8' });
    await page.getByTestId('account-frame').waitFor();
    await expectClean(page, 'personal account active');

    const acme = await accountWithSite(app, { ...world.accounts.acmeX, color: '#facc15' });
    await expect.poll(() => page.getByTestId('kind-badge').textContent()).toBe(brand);
    await expectClean(page, 'brand account active');

    await compose(acme.site, 'Our autumn blend is back ☕', '1800000000000000001');
    await page.getByTestId('gate-dialog').waitFor();
    await expectClean(page, 'gate dialog');
    await page.keyboard.press('Escape');
    await page.getByTestId('gate-dialog').waitFor({ state: 'detached' });

    await page.locator('.rail-footer button', { hasText: settings }).click();
    await page.getByTestId('settings-panel').waitFor();
    await expectClean(page, 'settings');
  });

  it('finds nothing on the dashboard, empty and with 400 entries', async () => {
    const app = await world.start({ systemLocale: locale });
    const { page } = app;
    await page.getByTestId('open-dashboard').click();
    const dashboard = page.getByTestId('dashboard');
    await expect.poll(() => dashboard.getByTestId('entry-table').getAttribute('data-total'), { timeout: 30_000 }).toBe('0');
    await expectClean(page, 'empty dashboard');
    await dashboard.getByTestId('dashboard-close').click();

    const accounts = [
      app.services.accounts.create({ name: 'Acme Coffee', handle: 'acme', platform: 'x', kind: 'brand', color: '#b91c1c' }),
      app.services.accounts.create({ name: 'Ada Lovelace', handle: 'ada.bsky.social', platform: 'bluesky', kind: 'personal', color: '#047857' }),
    ];
    await app.services.log.appendLines(seedLines(accounts, 400));
    await page.getByTestId('open-dashboard').click();
    await expect.poll(() => dashboard.getByTestId('entry-table').getAttribute('data-total'), { timeout: 30_000 }).toBe('400');
    await dashboard.getByTestId('entry-row').first().waitFor();
    await expectClean(page, 'dashboard with 400 entries');
  });
});
