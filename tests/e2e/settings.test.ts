// Settings in Chromium: the manager's own gated endpoint for any site, and the HAR check of the gate's rules.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { accountWithSite, compose, outcome } from './harness/fixtures.ts';
import { E2E_DIR, ROOT } from './harness/paths.ts';
import { useWorld } from './harness/world.ts';

const world = useWorld();

describe('settings', () => {
  it('holds posts to a site matched by a rule the manager added, as content unknown', async () => {
    const app = await world.start();
    const { site } = await accountWithSite(app, {
      name: 'Acme Forum',
      handle: 'acme',
      platform: 'Web',
      kind: 'brand',
      color: '#334155',
      startUrl: world.server.url('forum.test', '/compose'),
    });
    await compose(site, 'before the rule');
    expect(await outcome(site)).toBe('Your post was sent.');

    await app.page.locator('.rail-footer button', { hasText: 'Settings' }).click();
    const rules = app.page.getByTestId('custom-rules');
    await rules.locator('input[name=ruleHost]').fill('forum.test:8443x');
    await rules.getByRole('button', { name: 'Add rule' }).click();
    await rules.getByRole('alert').waitFor();
    await rules.locator('input[name=ruleHost]').fill('forum.test');
    await rules.locator('input[name=rulePath]').fill('/api/posts/*');
    await rules.getByRole('button', { name: 'Add rule' }).click();
    await expect.poll(() => app.services.accounts.state().settings.customRules.length).toBe(1);
    await app.page.keyboard.press('Escape');

    await compose(site, 'after the rule');
    const dialog = app.page.getByTestId('gate-dialog');
    await dialog.waitFor();
    expect(await dialog.getByTestId('gate-unreadable').textContent()).toContain('Content unknown');
    await dialog.getByTestId('gate-confirm').click();
    expect(await outcome(site)).toBe('Your post was sent.');
    expect(world.server.posts()).toHaveLength(2);
  });

  it('saves the whole numbers typed in its number fields, kept within their range', async () => {
    const app = await world.start();
    await app.page.locator('.rail-footer button', { hasText: 'Settings' }).click();
    const panel = app.page.getByTestId('settings-panel');
    const settings = () => app.services.accounts.state().settings;
    const type = async (name: string, text: string) => {
      const field = panel.locator(`input[name=${name}]`);
      await field.fill(text);
      await field.blur();
    };
    await type('hibernateMinutes', '99999');
    await expect.poll(() => settings().hibernateMinutes).toBe(1440);
    await type('hibernateMinutes', '45');
    await expect.poll(() => settings().hibernateMinutes).toBe(45);
    await type('gateTimeoutSeconds', '5');
    await expect.poll(() => settings().gateTimeoutSeconds).toBe(10);
    await type('gateTimeoutSeconds', '');
    await expect.poll(() => settings().gateTimeoutSeconds).toBe(120);
    expect(settings().hibernateMinutes).toBe(45);
  });

  it('shows in its number fields the value it saved, and reads 0 as a number below the minimum, not as an emptied field', async () => {
    const app = await world.start();
    await app.page.locator('.rail-footer button', { hasText: 'Settings' }).click();
    const panel = app.page.getByTestId('settings-panel');
    const settings = () => app.services.accounts.state().settings;
    const field = (name: string) => panel.locator(`input[name=${name}]`);
    const type = async (name: string, text: string) => {
      await field(name).fill(text);
      await field(name).blur();
    };
    // The shortest timeout asked for is the shortest allowed, not the 2-minute default.
    await type('gateTimeoutSeconds', '0');
    await expect.poll(() => settings().gateTimeoutSeconds).toBe(10);
    expect(await field('gateTimeoutSeconds').inputValue()).toBe('10');
    await type('hibernateMinutes', '0');
    await expect.poll(() => settings().hibernateMinutes).toBe(1);
    expect(await field('hibernateMinutes').inputValue()).toBe('1');
    // A clamped or emptied field says what was saved instead of what was typed.
    await type('hibernateMinutes', '99999');
    await expect.poll(() => settings().hibernateMinutes).toBe(1440);
    expect(await field('hibernateMinutes').inputValue()).toBe('1440');
    await type('gateTimeoutSeconds', '');
    await expect.poll(() => settings().gateTimeoutSeconds).toBe(120);
    expect(await field('gateTimeoutSeconds').inputValue()).toBe('120');
  });

  it('shows what the gate would hold in a HAR, and explains a file that is not one', async () => {
    const app = await world.start();
    await app.page.locator('.rail-footer button', { hasText: 'Settings' }).click();
    const check = app.page.getByTestId('har-check');
    await check.locator('input[type=file]').setInputFiles(join(ROOT, 'tests/fixtures/har/sample.har'));
    expect(await check.getByTestId('har-summary').textContent()).toBe('5 of 8 requests would be held.');
    expect(await check.locator('tr.har-held').count()).toBe(5);
    expect(await check.locator('tr.har-held').first().textContent()).toContain('@jack congrats');
    await app.page.getByTestId('settings-panel').screenshot({ path: join(E2E_DIR, 'settings.png') });
    await check.locator('input[type=file]').setInputFiles({ name: 'broken.har', mimeType: 'application/json', buffer: Buffer.from('{"log": 3') });
    expect(await check.getByRole('alert').textContent()).toContain('This file could not be checked');
  });

  it('says a HAR is too big to check in words, not as the key main refused it with', async () => {
    const app = await world.start();
    await app.page.locator('.rail-footer button', { hasText: 'Settings' }).click();
    const check = app.page.getByTestId('har-check');
    // Over the 50,000,000 characters the IPC contract takes: a HAR of a session with videos is easily that big.
    const big = Buffer.alloc(50_000_001, 0x20);
    await check.locator('input[type=file]').setInputFiles({ name: 'big.har', mimeType: 'application/json', buffer: big });
    const alert = check.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).not.toContain('errors.');
    expect(await alert.textContent()).toBe('This HAR file is too big to check (over 50 MB): export fewer requests.');
  }, 120_000);
});
