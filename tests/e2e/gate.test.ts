// The posting gate in Chromium: fixture sites post as the real web clients do; brand posts wait for the manager.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { accountWithSite, compose, outcome } from './harness/fixtures.ts';
import { E2E_DIR } from './harness/paths.ts';
import { editAccount } from './harness/ui.ts';
import { useWorld } from './harness/world.ts';

const world = useWorld();

describe('the posting gate', () => {
  it('holds a brand post until confirmed, then the site receives exactly the bytes it sent, once', async () => {
    const app = await world.start();
    const { site } = await accountWithSite(app, world.accounts.acmeX);
    const sent: Buffer[] = [];
    site.on('request', (request) => {
      if (request.url().includes('/CreateTweet')) sent.push(request.postDataBuffer() ?? Buffer.alloc(0));
    });
    const text = 'Fresh roast today ☕️ — ünïcödé, emoji 🎉\nand a second line';
    await compose(site, text);

    const dialog = app.page.getByTestId('gate-dialog');
    await dialog.waitFor();
    expect(await dialog.locator('.modal-title').textContent()).toBe('Post as @acme?');
    expect(await dialog.getByTestId('gate-text').textContent()).toContain(text);
    expect(await dialog.getByTestId('kind-badge').textContent()).toBe('BRAND');
    expect(await dialog.getByTestId('gate-confirm').textContent()).toBe('Post as @acme');
    expect(await app.page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('gate-cancel');
    expect(app.shell.covered).toBe(true);
    await app.page.screenshot({ path: join(E2E_DIR, 'gate-dialog.png') });
    expect(world.server.posts()).toHaveLength(0);

    await dialog.getByTestId('gate-confirm').click();
    expect(await outcome(site)).toBe('Your post was sent.');
    expect(world.server.posts()).toHaveLength(1);
    expect(world.server.posts()[0]?.body.equals(sent[0] as Buffer)).toBe(true);
    expect(JSON.parse(world.server.posts()[0]?.body.toString('utf8') ?? '{}').variables.tweet_text).toBe(text);
    await dialog.waitFor({ state: 'detached' });
    expect(app.shell.covered).toBe(false);
    await expect.poll(() => app.services.log.recentGate(5).map((row) => [row.decision, row.result?.status])).toEqual([['confirmed', 200]]);
  });

  it('on cancel (Escape) sends nothing and the draft stays in the composer', async () => {
    const app = await world.start();
    const { site } = await accountWithSite(app, world.accounts.acmeX);
    await compose(site, 'a personal remark that must never go out');
    const dialog = app.page.getByTestId('gate-dialog');
    await dialog.waitFor();
    await app.page.keyboard.press('Escape');
    expect(await outcome(site)).toContain('Something went wrong');
    expect(await site.locator('#composer').inputValue()).toBe('a personal remark that must never go out');
    expect(world.server.posts()).toHaveLength(0);
    await expect.poll(() => app.services.log.recentGate(5)[0]?.decision).toBe('cancelled');
  });

  it('lets personal posts through without asking', async () => {
    const app = await world.start();
    const { site } = await accountWithSite(app, { ...world.accounts.acmeX, name: 'Ada', handle: 'ada', kind: 'personal' });
    await compose(site, 'just me');
    expect(await outcome(site)).toBe('Your post was sent.');
    expect(world.server.posts()).toHaveLength(1);
    expect(await app.page.getByTestId('gate-dialog').count()).toBe(0);
  });

  it('gates Mastodon (JSON) and Bluesky (@atproto/api) posts too', async () => {
    const app = await world.start();
    const mastodon = await accountWithSite(app, world.accounts.acmeSocial);
    await compose(mastodon.site, 'Toot from the brand');
    const dialog = app.page.getByTestId('gate-dialog');
    await dialog.waitFor();
    expect(await dialog.getByTestId('gate-text').textContent()).toContain('Toot from the brand');
    await dialog.getByTestId('gate-confirm').click();
    expect(await outcome(mastodon.site)).toBe('Your post was sent.');
    expect(JSON.parse(world.server.posts()[0]?.body.toString() ?? '{}').status).toBe('Toot from the brand');

    const bluesky = await accountWithSite(app, world.accounts.acmeSky);
    await compose(bluesky.site, 'Skeet from the brand 🦋');
    await dialog.waitFor();
    expect(await dialog.getByTestId('gate-text').textContent()).toContain('Skeet from the brand 🦋');
    expect(world.server.posts()).toHaveLength(1);
    await dialog.getByTestId('gate-confirm').click();
    expect(await outcome(bluesky.site)).toBe('Your post was sent.');
    const record = JSON.parse(world.server.posts()[1]?.body.toString() ?? '{}');
    expect(record.collection).toBe('app.bsky.feed.post');
    expect(record.record.text).toBe('Skeet from the brand 🦋');
  });

  it('applies the Fediverse rules only where the session shows a Fediverse server', async () => {
    const app = await world.start();
    const web = { platform: 'Web', kind: 'brand' as const, color: '#334155' };
    // A status page that happens to use a Mastodon-like path is no Fediverse server: its POST goes out unheld.
    const forum = await accountWithSite(app, { ...web, name: 'Acme Status', handle: 'status', startUrl: world.server.url('forum.test', '/compose') });
    const status = await forum.site.evaluate(() =>
      fetch('/api/v1/statuses', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"status":"All systems operational"}' }).then(
        (r) => r.status,
      ),
    );
    expect(status).toBe(404);
    expect(await app.page.getByTestId('gate-dialog').count()).toBe(0);
    expect(app.services.log.recentGate(5)).toEqual([]);

    // A web account on a Fediverse server: once the server answered its instance probe, its posts are held.
    const social = await accountWithSite(app, { ...web, name: 'Acme Social', handle: 'social', startUrl: world.server.url('mastodon.test', '/compose') });
    expect(await social.site.evaluate(() => fetch('/api/v2/instance').then((r) => r.status))).toBe(200);
    await expect.poll(() => app.services.gate.fediverseHostsOf(social.account.id)).toEqual(['mastodon.test']);
    expect(app.services.gate.fediverseHostsOf(forum.account.id)).toEqual([]);
    await compose(social.site, 'Toot from a web account');
    const dialog = app.page.getByTestId('gate-dialog');
    await dialog.waitFor();
    expect(await dialog.getByTestId('gate-text').textContent()).toContain('Toot from a web account');
    expect(world.server.posts().filter((post) => post.host === 'mastodon.test')).toHaveLength(0);
    await dialog.getByTestId('gate-confirm').click();
    expect(await outcome(social.site)).toBe('Your post was sent.');
  });

  it('cancels a post nobody answers, and every post pending when the app renderer reloads', async () => {
    const app = await world.start();
    app.services.accounts.updateSettings({ gateTimeoutSeconds: 10 });
    const { site } = await accountWithSite(app, world.accounts.acmeX);
    await compose(site, 'nobody is watching');
    await app.page.getByTestId('gate-dialog').waitFor();
    expect(await outcome(site)).toContain('Something went wrong');
    expect(world.server.posts()).toHaveLength(0);
    await expect.poll(() => app.services.log.recentGate(5)[0]?.decision).toBe('timed-out');

    await compose(site, 'pending during a reload');
    await app.page.getByTestId('gate-dialog').waitFor();
    await app.page.reload();
    expect(await outcome(site)).toContain('Something went wrong');
    expect(await site.locator('#composer').inputValue()).toBe('pending during a reload');
    expect(world.server.posts()).toHaveLength(0);
    await expect.poll(() => app.services.log.recentGate(5)[0]?.decision).toBe('failed-closed');
  });

  it('queues posts from two accounts and shows one dialog at a time, each naming its account', async () => {
    const app = await world.start();
    const first = await accountWithSite(app, world.accounts.acmeX);
    const second = await accountWithSite(app, { ...world.accounts.acmeX, name: 'Acme Tea', handle: 'acmetea', color: '#047857' });
    await compose(first.site, 'from coffee');
    const dialog = app.page.getByTestId('gate-dialog');
    await dialog.waitFor();
    await compose(second.site, 'from tea');
    await expect.poll(() => app.services.gate.queue().length).toBe(2);
    expect(await dialog.getByTestId('gate-account-handle').textContent()).toBe('@acme');
    expect(await dialog.locator('.gate-queue').textContent()).toBe('Post 1 of 2 waiting');
    await dialog.getByTestId('gate-confirm').click();
    await expect.poll(() => dialog.getByTestId('gate-account-handle').textContent()).toBe('@acmetea');
    await dialog.getByTestId('gate-cancel').click();
    expect(await outcome(first.site)).toBe('Your post was sent.');
    expect(await outcome(second.site)).toContain('Something went wrong');
    expect(world.server.posts().map((post) => JSON.parse(post.body.toString()).variables.tweet_text)).toEqual(['from coffee']);
  });

  it('asks for the typed @handle when the account says so', async () => {
    const app = await world.start();
    const { account, site } = await accountWithSite(app, world.accounts.acmeX);
    app.services.accounts.update(account.id, { gate: { ...account.gate, mode: 'type-handle' } });
    await compose(site, 'typed to confirm');
    const dialog = app.page.getByTestId('gate-dialog');
    await dialog.waitFor();
    await dialog.locator('input[name=typedHandle]').fill('@acne');
    await dialog.getByTestId('gate-confirm').click();
    await dialog.getByText('That is not the handle of this account.').waitFor();
    expect(world.server.posts()).toHaveLength(0);
    await dialog.locator('input[name=typedHandle]').fill('@acme');
    await dialog.getByTestId('gate-confirm').click();
    expect(await outcome(site)).toBe('Your post was sent.');
    expect(world.server.posts()).toHaveLength(1);
  });

  it('sends after the delay unless undone', async () => {
    const app = await world.start();
    const { account, site } = await accountWithSite(app, world.accounts.acmeX);
    app.services.accounts.update(account.id, { gate: { ...account.gate, mode: 'delay', delaySeconds: 2 } });
    await compose(site, 'undo me');
    const dialog = app.page.getByTestId('gate-dialog');
    await dialog.waitFor();
    expect(await dialog.locator('.gate-timer').textContent()).toMatch(/Sending in 0:0[12]/);
    await dialog.getByTestId('gate-cancel').click();
    expect(await outcome(site)).toContain('Something went wrong');
    expect(world.server.posts()).toHaveLength(0);

    await compose(site, 'let me go');
    await dialog.waitFor();
    expect(await outcome(site)).toBe('Your post was sent.');
    expect(world.server.posts()).toHaveLength(1);
  });

  it('blocks a post from another identity logged in to the same frame', async () => {
    const app = await world.start();
    const { site } = await accountWithSite(app, world.accounts.acmeX);
    const setTwid = (id: string) => site.context().addCookies([{ name: 'twid', value: `u%3D${id}`, domain: 'x.com', path: '/', secure: true }]);
    await setTwid('1111');
    await compose(site, 'first, as the brand');
    const dialog = app.page.getByTestId('gate-dialog');
    await dialog.waitFor();
    await dialog.getByTestId('gate-confirm').click();
    expect(await outcome(site)).toBe('Your post was sent.');

    await setTwid('2222');
    await compose(site, 'oops, from my own account');
    await dialog.waitFor();
    expect(await dialog.getByTestId('gate-identity').textContent()).toContain('You are logged in as x:2222 in the @acme frame');
    expect(await dialog.getByTestId('gate-confirm').count()).toBe(0);
    await dialog.getByTestId('gate-cancel').click();
    expect(await outcome(site)).toContain('Something went wrong');
    expect(world.server.posts()).toHaveLength(1);
    await expect.poll(() => app.services.log.recentGate(5)[0]?.decision).toBe('blocked-identity');

    // Logged in anew on purpose: the manager forgets the remembered identity, and the next post can go.
    await editAccount(app.page, 'Acme Coffee');
    await app.page.getByRole('button', { name: 'Forget the remembered identity' }).click();
    await app.page.getByRole('button', { name: /^Forgotten/ }).waitFor();
    await app.page.keyboard.press('Escape');
    await compose(site, 'now as the new identity');
    await dialog.waitFor();
    expect(await dialog.getByTestId('gate-identity').count()).toBe(0);
    await dialog.getByTestId('gate-confirm').click();
    expect(await outcome(site)).toBe('Your post was sent.');
  });

  it('highlights watch words and needs a second press', async () => {
    const app = await world.start();
    const { account, site } = await accountWithSite(app, world.accounts.acmeX);
    app.services.accounts.update(account.id, { watchWords: ['drunk'] });
    await compose(site, 'Not drunk, just caffeinated');
    const dialog = app.page.getByTestId('gate-dialog');
    await dialog.waitFor();
    expect(await dialog.locator('mark').textContent()).toBe('drunk');
    await dialog.getByTestId('gate-confirm').click();
    await expect.poll(() => dialog.getByTestId('gate-confirm').textContent()).toBe('Yes, send as @acme');
    expect(world.server.posts()).toHaveLength(0);
    await dialog.getByTestId('gate-confirm').click();
    expect(await outcome(site)).toBe('Your post was sent.');
  });
});

describe('the posting gate: what the dialog shows, and a queue that follows the site', () => {
  // The Mastodon fixture's composer with a poll.
  const mastodonBrand = () => ({ ...world.accounts.acmeSocial, startUrl: world.server.url('mastodon.test', '/compose-poll') });

  it('shows a Mastodon post’s content warning, every poll option and its visibility in the dialog', async (context) => {
    const app = await world.start();
    const { site } = await accountWithSite(app, mastodonBrand());
    await compose(site, 'Who watched the finale?');
    const dialog = app.page.getByTestId('gate-dialog');
    await dialog.waitFor();
    const held = app.services.gate.queue()[0];
    const details = [...(held?.details ?? []), ...(held?.parts.flatMap((part) => part.details ?? []) ?? [])];
    // The classifier fills details in its own change (issue 8, classifier helper); until it is merged there is nothing to show.
    if (details.length === 0) context.skip('needs the classifier change that extracts Mastodon details');
    const shown = await dialog.locator('.gate-details').allInnerTexts();
    const text = shown.join('\n');
    expect(text).toMatch(/Content warning\s+Season finale spoilers/);
    expect(text).toMatch(/Poll option\s+Loved it/);
    expect(text).toMatch(/Poll option\s+Hated it/);
    expect(text).toMatch(/Visibility\s+unlisted/);
    await dialog.getByTestId('gate-cancel').click();
    expect(await outcome(site)).toContain('Something went wrong');
  });

  it('closes the dialog of a request the site aborts, audits it "aborted", and a stale click does nothing', async () => {
    const app = await world.start();
    const { site } = await accountWithSite(app, world.accounts.acmeX);
    await compose(site, 'changed my mind');
    const dialog = app.page.getByTestId('gate-dialog');
    await dialog.waitFor();
    const staleId = app.services.gate.queue()[0]?.id ?? '';
    expect(staleId).not.toBe('');
    await site.locator('#abort').click();
    await dialog.waitFor({ state: 'detached' });
    expect(app.services.gate.queue()).toEqual([]);
    await expect.poll(() => app.services.log.recentGate(5)[0]?.decision).toBe('aborted');
    await app.page.getByRole('button', { name: 'Recent posts' }).click();
    await app.page.getByText('aborted by the site').first().waitFor();
    await app.page.keyboard.press('Escape');

    // A new post is held; a click carrying the aborted post's id must not decide it.
    await compose(site, 'the real one');
    await dialog.waitFor();
    await expect.poll(() => dialog.getByTestId('gate-text').textContent()).toContain('the real one');
    const answer = await app.page.evaluate(
      (id) =>
        (window as unknown as { hatrack: { invoke: (c: string, ...a: unknown[]) => Promise<unknown> } }).hatrack.invoke('gate:decide', id, { confirm: true }),
      staleId,
    );
    expect(answer).toEqual({ ok: false, reason: 'decided' });
    expect(app.services.gate.queue()).toHaveLength(1);
    expect(world.server.posts()).toHaveLength(0);
    await dialog.getByTestId('gate-confirm').click();
    expect(await outcome(site)).toBe('Your post was sent.');
    expect(world.server.posts()).toHaveLength(1);
  });
});
