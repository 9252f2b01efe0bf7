// The response-time dashboard in Chromium: a real reply timed end to end, exports from the UI, a manual start, a screenshot.
import { randomUUID } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { accountWithSite, compose, freshDir, openDashboard, outcome } from './harness/fixtures.ts';
import type { AppHarness } from './harness/app-harness.ts';
import { E2E_DIR } from './harness/paths.ts';
import { seedDashboard } from './harness/reply-seed.ts';
import { useWorld } from './harness/world.ts';

const world = useWorld();

const X_EPOCH = 1288834974657n;
/** An X status ID minted at `ms` (the snowflake's top bits are milliseconds since X's epoch). */
const snowflakeAt = (ms: number): string => ((BigInt(ms) - X_EPOCH) << 22n).toString();
const MINUTE = 60_000;

/** Every window of rows the table asks main for (log:rows → LogService.page), in order. */
function pagesAsked(harness: AppHarness): Array<{ offset?: number; limit?: number }> {
  const log = harness.services.log;
  const asked: Array<{ offset?: number; limit?: number }> = [];
  const page = log.page.bind(log);
  log.page = (filter, window) => {
    asked.push(window ?? {});
    return page(filter, window);
  };
  return asked;
}

describe('the response-time dashboard', () => {
  it('times a confirmed brand reply on X from the ID it answers, and hides the account view while open', async () => {
    const app = await world.start();
    const { site } = await accountWithSite(app, world.accounts.acmeX);
    const itemId = snowflakeAt(Date.now() - 42 * MINUTE);
    await compose(site, 'Thanks for asking!', itemId);
    await app.page.getByTestId('gate-dialog').getByTestId('gate-confirm').click();
    expect(await outcome(site)).toBe('Your post was sent.');
    await expect.poll(() => app.services.log.query({}).total).toBe(1);

    const dashboard = await openDashboard(app);
    await expect.poll(() => app.shell.covered).toBe(true);
    await expect.poll(() => dashboard.getByTestId('figure-count').textContent()).toBe('1');
    const median = (await dashboard.getByTestId('median-calendar').textContent()) ?? '';
    expect(median).toMatch(/^4[123] min$/);
    const rows = dashboard.getByTestId('entry-row');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(1);
    expect(await rows.first().locator('.col-replyTo a').getAttribute('href')).toBe(`https://x.com/i/web/status/${itemId}`);
    expect(await rows.first().locator('.col-replyTo a').getAttribute('title')).toContain(itemId);
    expect(await rows.first().getByTestId('entry-calendar').textContent()).toBe(median);
    expect(await rows.first().locator('.col-account').textContent()).toBe('@acme');
    expect(await rows.first().locator('.col-within').textContent()).toBe('✓ Yes');
    expect(await dashboard.getByTestId('unknown-starts').textContent()).toContain('Every reply has a known start.');
    // Each chart is an image named like its caption, its figures a table inside the canvas (for screen readers).
    const buckets = dashboard.getByTestId('chart-buckets').locator('canvas');
    expect(await buckets.getAttribute('role')).toBe('img');
    expect(await buckets.getAttribute('aria-label')).toBe('Replies by response time');
    expect(await buckets.locator('thead th').allTextContents()).toEqual(['Response time', 'Calendar time', 'Business hours']);
    expect(await buckets.locator('tbody th').allTextContents()).toEqual(['< 15 min', '15–60 min', '1–4 h', '4–24 h', '> 24 h']);
    expect((await buckets.locator('tbody tr').nth(1).locator('td').allTextContents())[0]).toBe('1');
    const daily = dashboard.getByTestId('chart-daily').locator('canvas');
    expect(await daily.getAttribute('aria-label')).toBe('Daily median response time');
    expect(await daily.locator('thead th').first().textContent()).toBe('Day');
    expect(await daily.locator('tbody td').first().textContent()).toBe(median);

    await dashboard.getByTestId('dashboard-close').click();
    await app.page.getByTestId('account-frame').waitFor();
    await expect.poll(() => app.shell.covered).toBe(false);
  });

  it('exports what the filter selects as CSV and PDF through the save dialog', async () => {
    const app = await world.start();
    const account = { id: randomUUID(), handle: 'acme', name: 'Acme Coffee', kind: 'brand' as const };
    const itemId = snowflakeAt(Date.now() - 90 * MINUTE);
    await app.services.log.recordReply({ account, platform: 'x', replyToId: itemId, sentAt: new Date(), excerpt: 'Café, naïve — “quoted”' });
    const dashboard = await openDashboard(app);
    await expect.poll(() => dashboard.getByTestId('median-calendar').textContent()).toBe('1 h 30 min');

    const csvPath = join(freshDir(), 'export.csv');
    app.files.nextSavePath = csvPath;
    await dashboard.getByTestId('export-csv').click();
    await expect.poll(() => dashboard.getByTestId('transfer-status').textContent()).toBe(`Saved 1 entry to ${csvPath}`);
    const csv = readFileSync(csvPath, 'utf8');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const lines = csv.slice(1).trim().split(/\r?\n/);
    expect(lines[0]?.startsWith('id,account,account_id')).toBe(true);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(itemId);
    expect(lines[1]).toContain('Café, naïve');

    // A filter that selects nothing exports nothing: the export follows the filter on screen.
    await dashboard.locator('input[name=kind][value=personal]').check();
    await expect.poll(() => dashboard.getByTestId('figure-count').textContent()).toBe('0');
    const emptyPath = join(freshDir(), 'empty.csv');
    app.files.nextSavePath = emptyPath;
    await dashboard.getByTestId('export-csv').click();
    await expect.poll(() => dashboard.getByTestId('transfer-status').textContent()).toBe(`Saved 0 entries to ${emptyPath}`);
    expect(readFileSync(emptyPath, 'utf8').slice(1).trim().split(/\r?\n/)).toHaveLength(1);
    await dashboard.locator('input[name=kind][value=all]').check();

    const pdfPath = join(freshDir(), 'report.pdf');
    app.files.nextSavePath = pdfPath;
    await dashboard.getByTestId('export-pdf').click();
    await expect.poll(() => dashboard.getByTestId('transfer-status').textContent(), { timeout: 20_000 }).toBe(`Saved 1 entry to ${pdfPath}`);
    expect(readFileSync(pdfPath).subarray(0, 4).toString('latin1')).toBe('%PDF');

    app.files.nextSavePath = null;
    await dashboard.getByTestId('export-json').click();
    await expect.poll(() => dashboard.getByTestId('transfer-status').textContent()).toBe('Nothing saved: the dialog was cancelled.');
  });

  it('takes a start entered by hand for a reply whose item time is unknown', async () => {
    const app = await world.start();
    const account = { id: randomUUID(), handle: 'acme', name: 'Acme Coffee', kind: 'brand' as const };
    // Whole minutes, so the local datetime input can name the start exactly.
    const sentAt = new Date(Math.floor(Date.now() / MINUTE) * MINUTE);
    const entryId = await app.services.log.recordReply({ account, platform: 'custom', replyToId: 'forum-thread-7', sentAt, excerpt: 'We are on it' });
    expect(app.services.log.entry(entryId)?.startAt).toBeNull();
    const dashboard = await openDashboard(app);
    const item = dashboard.getByTestId('unknown-item');
    await item.waitFor();
    expect(await item.getAttribute('data-entry-id')).toBe(entryId);
    expect(await dashboard.getByTestId('figures-calendar').textContent()).toContain('0 timed replies');

    const localInput = (ms: number) =>
      app.page.evaluate((at) => {
        const d = new Date(at);
        const p = (n: number) => String(n).padStart(2, '0');
        return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}:00`;
      }, ms);
    // A start after the reply (here, also in the future) is refused in the app's own words, not the browser's (in
    // whatever language the system has).
    await item.getByLabel('Item received at').fill(await localInput(sentAt.getTime() + MINUTE));
    await item.getByTestId('unknown-save').click();
    await expect.poll(() => item.getByRole('alert').textContent()).toBe('The item cannot have arrived in the future.');

    const start = sentAt.getTime() - (2 * 60 + 5) * MINUTE;
    await item.getByLabel('Item received at').fill(await localInput(start));
    await item.getByTestId('unknown-save').click();

    await item.waitFor({ state: 'detached' });
    expect(await dashboard.getByTestId('unknown-starts').textContent()).toContain('Every reply has a known start.');
    await expect.poll(() => dashboard.getByTestId('median-calendar').textContent()).toBe('2 h 05 min');
    await expect.poll(() => dashboard.getByTestId('entry-calendar').first().textContent()).toBe('2 h 05 min');
    const row = app.services.log.entry(entryId);
    expect(row?.startSource).toBe('manual');
    expect(row?.responseMs).toBe((2 * 60 + 5) * MINUTE);
  });

  it('imports a CSV of past replies from the UI, all rows or none', async () => {
    const app = await world.start();
    const dir = freshDir();
    const bad = join(dir, 'bad.csv');
    writeFileSync(
      bad,
      'account,platform,item,received_at,replied_at\nacme,x,1790000000000000001,2026-11-02T09:00:00Z,2026-11-02T09:30:00Z\nacme,x,1790000000000000002,yesterday,2026-11-02T10:00:00Z\n',
    );
    const dashboard = await openDashboard(app);
    app.files.nextOpenPath = bad;
    await dashboard.getByTestId('import').click();
    await expect.poll(() => dashboard.getByTestId('transfer-status').textContent()).toContain('Nothing was imported');
    expect(await dashboard.getByTestId('transfer-status').textContent()).toMatch(/line 3/);
    expect(app.services.log.query({}).total).toBe(0);

    const good = join(dir, 'good.csv');
    writeFileSync(
      good,
      'account,platform,item,received_at,replied_at\nacme,mastodon,https://mastodon.social/@acme/113000000000000001,2026-11-02T09:00:00Z,2026-11-02T09:45:00Z\n',
    );
    app.files.nextOpenPath = good;
    await dashboard.getByTestId('import').click();
    await expect.poll(() => dashboard.getByTestId('transfer-status').textContent()).toBe('Imported 1 entry; 0 already present.');
    await expect.poll(() => dashboard.getByTestId('median-calendar').textContent()).toBe('45 min');
    expect(app.services.log.query({}).rows[0]?.replyToId).toBe('113000000000000001');
  });

  it('speaks French: headings, durations and the table', async () => {
    const app = await world.start({ systemLocale: 'fr-FR' });
    const account = { id: randomUUID(), handle: 'marque', name: 'Marque', kind: 'brand' as const };
    await app.services.log.recordReply({ account, platform: 'x', replyToId: snowflakeAt(Date.now() - 65 * MINUTE), sentAt: new Date(), excerpt: 'Merci !' });
    const dashboard = await openDashboard(app);
    expect(await dashboard.locator('h1').textContent()).toBe('Temps de réponse');
    await expect.poll(() => dashboard.getByTestId('median-calendar').textContent()).toBe('1 h 05 min');
    expect(await dashboard.getByTestId('figures-calendar').textContent()).toContain('1 réponse chronométrée');
    expect(await dashboard.getByTestId('entry-row').first().locator('.col-within').textContent()).toBe('✗ Non');
    await app.page.screenshot({ path: join(E2E_DIR, 'dashboard-fr.png') });
  });

  it('offers to try again when the table could not fetch its rows, and shows them once it can', async () => {
    const app = await world.start({ viewport: { width: 1280, height: 800 } });
    await seedDashboard(app, 50);
    const log = app.services.log;
    const page = log.page.bind(log);
    let failures = 1;
    log.page = (filter, window) => {
      // Worded as Electron's ipcRenderer.invoke rejects in the renderer when the handler throws.
      if (failures-- > 0) throw new Error("Error invoking remote method 'log:rows': Error: disk unavailable");
      return page(filter, window);
    };
    const dashboard = await openDashboard(app);
    const table = dashboard.getByTestId('entry-table').locator('..');
    await table.getByRole('alert').waitFor();
    expect(await table.getByRole('alert').textContent()).toBe('Something went wrong: disk unavailable Try again');
    await table.getByRole('button', { name: 'Try again' }).click();
    await dashboard.getByTestId('entry-row').first().waitFor();
    expect(await table.getByRole('alert').count()).toBe(0);
  });

  it('fetches the missing pages of a window that straddles two in one log:rows request', async () => {
    const app = await world.start({ viewport: { width: 1280, height: 800 } });
    await seedDashboard(app, 400);
    const asked = pagesAsked(app);
    const dashboard = await openDashboard(app);
    await dashboard.getByTestId('entry-row').first().waitFor();
    await expect.poll(() => asked.length).toBeGreaterThan(0);
    asked.length = 0;
    // Rows 190–230 or so: the end of page 1 and the start of page 2 (100 rows a page), neither fetched yet.
    await dashboard.locator('.entry-body').evaluate((element) => {
      element.scrollTop = 195 * 44;
    });
    await expect.poll(() => dashboard.locator('[role=row][aria-rowindex="203"][data-testid=entry-row]').count()).toBe(1);
    await expect.poll(() => dashboard.locator('[role=row][aria-rowindex="198"][data-testid=entry-row]').count()).toBe(1);
    expect(asked).toEqual([{ offset: 100, limit: 200 }]);
  });

  it('keeps the pages on screen when the page cache is full (drops the oldest page off screen)', async () => {
    const app = await world.start({ viewport: { width: 1280, height: 800 } });
    await seedDashboard(app, 4300);
    const asked = pagesAsked(app);
    const dashboard = await openDashboard(app);
    await dashboard.getByTestId('entry-row').first().waitFor();
    const body = dashboard.locator('.entry-body');
    const showRow = async (index: number): Promise<void> => {
      await body.evaluate(
        (element, top) => {
          element.scrollTop = top;
        },
        (index - 8) * 44,
      );
      // aria-rowindex counts from the header row, 1: row i (from 0) is i + 2.
      await expect.poll(() => dashboard.locator(`[role=row][aria-rowindex="${index + 2}"][data-testid=entry-row]`).count()).toBe(1);
    };
    // Pages 1 to 41 one after the other: the cache (40 pages) drops pages 0 and 1, and page 2 is now its oldest.
    for (let k = 1; k <= 41; k++) await showRow(k * 100 + 50);
    asked.length = 0;
    // A window across pages 1 (dropped) and 2 (oldest): fetching page 1 must not drop page 2, which is on screen.
    await showRow(196);
    await showRow(204);
    // Requests go one at a time: a refetch of page 2 would come before the next page's.
    await showRow(4250);
    expect(asked).toEqual([
      { offset: 100, limit: 100 },
      { offset: 4200, limit: 100 },
    ]);
    // 44 scroll steps, each waiting for its page: a loaded machine needs more than the default minute.
  }, 180_000);

  it('scrolls a large log without rendering it all, and looks right (screenshot)', async () => {
    const app = await world.start({ viewport: { width: 1280, height: 800 } });
    const accounts = await seedDashboard(app, 400);
    // HATRACK_E2E_CPU_THROTTLE=40 slows the app page as a loaded machine would (how the 1 s poll failure was reproduced).
    if (process.env.HATRACK_E2E_CPU_THROTTLE) {
      const cdp = await app.page.context().newCDPSession(app.page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: Number(process.env.HATRACK_E2E_CPU_THROTTLE) });
    }
    const dashboard = await openDashboard(app);
    await expect.poll(() => dashboard.getByTestId('figure-count').textContent()).toBe('400');
    await dashboard.getByTestId('entry-row').first().waitFor();
    // Only a window of the 400 rows is in the DOM.
    expect(await dashboard.getByTestId('entry-row').count()).toBeLessThan(40);
    await app.page.screenshot({ path: join(E2E_DIR, 'dashboard.png') });
    // With 400 rows the body has a scroll bar, and still no date, ID, platform or duration is cut.
    const cutCells: string[] = [];
    for (const cell of await dashboard.locator('.entry-body [role=cell]:not(.col-excerpt):not(.col-replyTo), .entry-body .col-replyTo a').all()) {
      if (await cell.evaluate(textOverflows)) cutCells.push(`${await cell.getAttribute('class')}: ${await cell.textContent()}`);
    }
    expect(cutCells).toEqual([]);

    // Scrolling the table to the middle fetches and shows that window (rows are numbered from the header, 1).
    const body = dashboard.locator('.entry-body');
    await body.evaluate((element) => {
      element.scrollTop = element.scrollHeight / 2;
    });
    await expect.poll(async () => Number(await dashboard.getByTestId('entry-row').first().getAttribute('aria-rowindex'))).toBeGreaterThan(150);
    await dashboard.evaluate((element) => {
      element.scrollTop = element.scrollHeight;
    });
    await app.page.screenshot({ path: join(E2E_DIR, 'dashboard-bottom.png') });

    // Filtering by account narrows figures and table alike.
    await dashboard.getByText(/^Accounts:/).click();
    await dashboard.getByLabel(/Ada Lovelace/).check();
    const adaCount = app.services.log.query({ accounts: [accounts[2]?.id ?? ''] }).total;
    await expect.poll(() => dashboard.getByTestId('figure-count').textContent()).toBe(String(adaCount));
    await expect.poll(() => dashboard.getByTestId('entry-table').getAttribute('data-total')).toBe(String(adaCount));
    expect(
      await dashboard
        .locator('.col-account')
        .filter({ hasNotText: /Account|Compte/ })
        .allTextContents(),
    ).toEqual(expect.arrayContaining(['@ada.bsky.social']));

    // One filter list open at a time: opening the platforms closes the accounts, which would lie under it.
    const lists = dashboard.locator('details.dash-multi');
    expect(await lists.nth(0).evaluate((details) => (details as HTMLDetailsElement).open)).toBe(true);
    await dashboard.getByText(/^Platforms:/).click();
    expect(await lists.nth(1).evaluate((details) => (details as HTMLDetailsElement).open)).toBe(true);
    expect(await lists.nth(0).evaluate((details) => (details as HTMLDetailsElement).open)).toBe(false);
  });
});

/**
 * Whether an element's text is cut (by an ellipsis or the overflow). On one line the scroll width tells; in text
 * that wraps, Chromium reports scrollWidth == clientWidth for a word cut by an ellipsis, so each word is measured
 * in a probe with the element's font and compared with the content box.
 */
function textOverflows(element: Element): boolean {
  const style = getComputedStyle(element);
  const room =
    element.getBoundingClientRect().width -
    parseFloat(style.paddingLeft) -
    parseFloat(style.paddingRight) -
    parseFloat(style.borderLeftWidth) -
    parseFloat(style.borderRightWidth);
  // On one line, the scroll width tells (an ellipsis there does not hide the overflow from it).
  if (style.whiteSpace === 'nowrap' || style.whiteSpace === 'pre') return element.scrollWidth > element.clientWidth;
  const text = (element.textContent ?? '').trim();
  // A cell that may break anywhere (handles) is cut only when it runs out of lines.
  const pieces = style.overflowWrap === 'anywhere' ? [] : text.split(/[ \t\n]+/);
  const probe = document.createElement('span');
  probe.style.cssText = 'position:absolute;visibility:hidden;white-space:pre;';
  element.append(probe);
  try {
    return (
      pieces.some((piece) => {
        probe.textContent = piece;
        // Within a pixel is cut already: the line's own rounding puts the ellipsis in.
        return probe.getBoundingClientRect().width > room - 1;
      }) || element.scrollHeight > element.clientHeight + 1
    );
  } finally {
    probe.remove();
  }
}

describe('the dashboard a reviewer can read', () => {
  const itemId = '1800000000000000236';

  it('says "No replies yet" on an empty log, and "none match" only under a filter', async () => {
    const app = await world.start();
    const dashboard = await openDashboard(app);
    await expect.poll(() => dashboard.getByTestId('entry-empty').textContent()).toBe('No replies yet');
    await dashboard.locator('input[name=kind][value=brand]').check();
    await expect.poll(() => dashboard.getByTestId('entry-empty').textContent()).toBe('No replies match these filters.');
  });

  it('pluralises counts, links the item with its full ID and a copy button, and keeps handles and excerpts whole', async () => {
    const app = await world.start({ viewport: { width: 1280, height: 800 } });
    await app.page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.appOrigin });
    const account = { id: randomUUID(), handle: 'ada.bsky.social', name: 'Ada Lovelace', kind: 'personal' as const };
    const excerpt = 'Thanks for reaching out — we are on it, and a courier will bring a new grinder to your door on Monday morning';
    await app.services.log.recordReply({ account, platform: 'x', replyToId: itemId, sentAt: new Date(), excerpt });
    const dashboard = await openDashboard(app);
    await expect.poll(() => dashboard.locator('.figures-count-label').textContent()).toBe('reply');
    expect(await dashboard.getByTestId('figures-calendar').textContent()).toContain('1 timed reply');

    const row = dashboard.getByTestId('entry-row').first();
    await row.waitFor();
    const link = row.locator('.col-replyTo a');
    expect(await link.getAttribute('href')).toBe(`https://x.com/i/web/status/${itemId}`);
    expect(await link.getAttribute('title')).toContain(itemId);
    // The visible part tells IDs apart (they share their first digits, not their last).
    expect(await link.textContent()).toContain(itemId.slice(-6));
    await row.getByRole('button', { name: /Copy/ }).click();
    await expect.poll(() => app.page.evaluate(() => navigator.clipboard.readText())).toBe(itemId);

    // Nothing cut: the handle fits its cell; the excerpt takes the free width and wraps to two lines.
    const cut = (selector: string) => row.locator(selector).evaluate(textOverflows);
    expect(await cut('.col-account')).toBe(false);
    // …and on one line: a handle broken as "@ada.bsky.soci / al" is as hard to read as a cut one.
    expect(
      await row.locator('.col-account').evaluate((cell) => cell.getBoundingClientRect().height / parseFloat(getComputedStyle(cell).lineHeight)),
    ).toBeLessThan(1.5);
    const excerptBox = await row.locator('.col-excerpt').evaluate((cell) => {
      const style = getComputedStyle(cell);
      return { width: cell.getBoundingClientRect().width, lines: Math.round(cell.getBoundingClientRect().height / parseFloat(style.lineHeight)) };
    });
    expect(excerptBox.width).toBeGreaterThanOrEqual(200);
    // The free width goes to the excerpt: it is the widest column.
    const widest = await row
      .locator('[role=cell]')
      .evaluateAll((cells) => [...cells].sort((a, b) => b.getBoundingClientRect().width - a.getBoundingClientRect().width)[0]?.className ?? '');
    expect(widest).toContain('col-excerpt');
    expect(excerptBox.lines).toBe(2);
    for (const column of ['.col-sentAt', '.col-start', '.col-calendar', '.col-business', '.col-platform']) expect(await cut(column), column).toBe(false);
    // The longest platform name fits its column ("Mastodon" was cut to "Mastod…").
    expect(
      await row.locator('.col-platform').evaluate((cell) => {
        cell.textContent = 'Mastodon';
        return cell.scrollWidth <= cell.clientWidth;
      }),
    ).toBe(true);
    // The longest durations fit too ("12 h 02 min" was cut to "12 h 02 …").
    expect(
      await row.locator('.col-business').evaluate((cell) => {
        cell.textContent = '23 h 59 min';
        return cell.scrollWidth <= cell.clientWidth;
      }),
    ).toBe(true);

    // The two figure columns line up: the medians, and every row after them, sit at the same heights.
    const tops = (id: string) =>
      dashboard
        .getByTestId(`figures-${id}`)
        .locator('dd')
        .evaluateAll((cells) => cells.map((cell) => Math.round(cell.getBoundingClientRect().top)));
    expect(await tops('business')).toEqual(await tops('calendar'));
  });

  it('says when most replies were sent outside business hours', async () => {
    const app = await world.start();
    const account = { id: randomUUID(), handle: 'acme', name: 'Acme Coffee', kind: 'brand' as const };
    // Saturday replies: outside Monday–Friday 09:00–17:00 whatever the zone; one Tuesday noon reply inside.
    const saturday = Date.parse('2026-11-07T12:00:00Z');
    for (const [i, sent] of [saturday, saturday + 3_600_000, saturday + 7_200_000, Date.parse('2026-11-10T11:00:00Z')].entries()) {
      await app.services.log.recordReply({ account, platform: 'x', replyToId: snowflakeAt(sent - (10 + i) * MINUTE), sentAt: new Date(sent), excerpt: null });
    }
    const dashboard = await openDashboard(app);
    await expect.poll(() => dashboard.getByTestId('outside-hours').textContent()).toBe('3 of 4 replies were sent outside business hours');
  });

  it('speaks French: plural counts, 24-hour times, a space before the colon', async () => {
    const app = await world.start({ systemLocale: 'fr-FR' });
    const account = { id: randomUUID(), handle: 'marque', name: 'Marque', kind: 'brand' as const };
    const sent = new Date(Date.UTC(2026, 10, 10, 14, 5));
    await app.services.log.recordReply({ account, platform: 'x', replyToId: snowflakeAt(sent.getTime() - 5 * MINUTE), sentAt: sent, excerpt: 'Merci !' });
    const dashboard = await openDashboard(app);
    await expect.poll(() => dashboard.locator('.figures-count-label').textContent()).toBe('réponse');
    // 14:05 UTC is in the afternoon in any zone this runs in: a 24-hour clock shows 1x:05 or 2x:05, never "2:05 PM".
    const sentCell = dashboard.getByTestId('entry-row').first().locator('.col-sentAt');
    await expect.poll(() => sentCell.textContent()).toMatch(/^\d{2}\/11\/2026 (1[2-9]|2[0-3]):05$/);
    expect(await dashboard.getByTestId('figures-business').textContent()).toContain('09:00–17:00');
    expect(await dashboard.locator('.dash-multi summary').first().textContent()).toBe('Comptes\u00a0: Tous');
    // A second reply, and the dashboard opened again (the log service was written to directly, without an event).
    await dashboard.getByTestId('dashboard-close').click();
    await app.services.log.recordReply({ account, platform: 'x', replyToId: snowflakeAt(sent.getTime() - 7 * MINUTE), sentAt: sent, excerpt: null });
    await openDashboard(app);
    await expect.poll(() => dashboard.locator('.figures-count-label').textContent()).toBe('réponses');
    // Column headers break between words, never inside one ("Plateform / e", "l’objec / tif").
    const headers = await dashboard.locator('.entry-head [role=columnheader]').evaluateAll((cells) =>
      cells
        .filter(
          (cell) =>
            cell.scrollWidth > cell.clientWidth + 1 ||
            [...(cell.textContent ?? '').split(/\s+/)].some((word) => {
              const probe = document.createElement('span');
              probe.textContent = word;
              probe.style.whiteSpace = 'nowrap';
              cell.append(probe);
              const fits =
                probe.getBoundingClientRect().width <=
                cell.clientWidth - parseFloat(getComputedStyle(cell).paddingLeft) - parseFloat(getComputedStyle(cell).paddingRight) + 0.5;
              probe.remove();
              return !fits;
            }),
        )
        .map((cell) => cell.textContent),
    );
    expect(headers).toEqual([]);
  });
});

describe('dates and times typed in the language of the app, not of the OS', () => {
  it('reads filter dates and business hours in French on an English system, and in English', async () => {
    // An English OS with the app switched to French: native date and time inputs would show mm/dd/yyyy and AM/PM.
    const app = await world.start({ systemLocale: 'en-US' });
    const { page } = app;
    await page.locator('.rail-footer button', { hasText: 'Settings' }).click();
    const settings = page.getByTestId('settings-panel');
    await settings.locator('select[name=locale]').selectOption('fr');
    const opens = settings.locator('input[name=opens]');
    await expect.poll(() => opens.inputValue()).toBe('09:00');
    expect(await settings.locator('input[name=closes]').inputValue()).toBe('17:00');
    await opens.fill('8h30');
    await opens.press('Tab');
    await expect.poll(() => app.services.accounts.state().settings.businessHours.start).toBe('08:30');
    await expect.poll(() => opens.inputValue()).toBe('08:30');
    await opens.fill('25:00');
    await opens.press('Tab');
    expect(await opens.getAttribute('aria-invalid')).toBe('true');
    expect(app.services.accounts.state().settings.businessHours.start).toBe('08:30');
    await settings.locator('select[name=locale]').selectOption('en');
    await expect.poll(() => settings.locator('input[name=closes]').inputValue()).toBe('5:00 PM');
    await settings.locator('select[name=locale]').selectOption('fr');
    await page.keyboard.press('Escape');

    const account = { id: randomUUID(), handle: 'marque', name: 'Marque', kind: 'brand' as const };
    for (const day of [3, 20]) {
      const sent = Date.UTC(2026, 10, day, 11);
      await app.services.log.recordReply({ account, platform: 'x', replyToId: snowflakeAt(sent - 5 * MINUTE), sentAt: new Date(sent), excerpt: null });
    }
    const dashboard = await openDashboard(app);
    await expect.poll(() => dashboard.getByTestId('figure-count').textContent()).toBe('2');
    const from = dashboard.locator('input[name=from]');
    expect(await from.getAttribute('placeholder')).toBe('jj/mm/aaaa');
    // 10 November in French order: day first.
    await from.fill('10/11/2026');
    await from.press('Enter');
    await expect.poll(() => dashboard.getByTestId('figure-count').textContent()).toBe('1');
    await expect.poll(() => from.inputValue()).toBe('10/11/2026');
    await from.fill('31/02/2026');
    await from.press('Enter');
    expect(await from.getAttribute('aria-invalid')).toBe('true');
    expect(await dashboard.getByRole('alert').first().textContent()).toContain('jj/mm/aaaa');
  });
});
