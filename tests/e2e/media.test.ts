// Issue 10 §1 in Chromium: a PNG attached through each fixture site's own upload flow is shown in the gate dialog, with its alt text.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { accountWithSite, compose, outcome } from './harness/fixtures.ts';
import { E2E_DIR, ROOT } from './harness/paths.ts';
import { testPixel, testPng } from './harness/png.ts';
import { useWorld } from './harness/world.ts';

const world = useWorld();
const SIZE = 300;
const PNG = testPng(SIZE);
const SAMPLES: Array<[number, number]> = [
  [10, 10],
  [290, 12],
  [7, 281],
  [250, 250],
  [150, 149],
];

async function attach(site: Page, alt: string): Promise<void> {
  await site.locator('#alt').fill(alt);
  await site.locator('#media').setInputFiles({ name: 'quadrants.png', mimeType: 'image/png', buffer: PNG });
  await site
    .locator('#status')
    .filter({ hasText: /Attached 1\.|Upload failed/ })
    .waitFor();
  expect(await site.locator('#status').textContent()).toBe('Attached 1.');
}

/** The dialog thumbnail's pixels at the sample points, read back through a canvas at the picture's own size. */
async function thumbnailPixels(app: Page): Promise<{ width: number; height: number; pixels: number[][] }> {
  const thumb = app.getByTestId('gate-media-thumb');
  await thumb.waitFor();
  await expect.poll(() => thumb.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
  return thumb.evaluate((img: HTMLImageElement, samples: Array<[number, number]>) => {
    const canvas = document.createElement('canvas');
    canvas.width = img.naturalWidth;
    canvas.height = img.naturalHeight;
    const context = canvas.getContext('2d');
    if (context === null) throw new Error('no 2d context');
    context.drawImage(img, 0, 0);
    return { width: img.naturalWidth, height: img.naturalHeight, pixels: samples.map(([x, y]) => [...context.getImageData(x, y, 1, 1).data].slice(0, 3)) };
  }, SAMPLES);
}

async function expectSourcePicture(app: Page): Promise<void> {
  const shown = await thumbnailPixels(app);
  expect([shown.width, shown.height]).toEqual([SIZE, SIZE]);
  expect(shown.pixels).toEqual(SAMPLES.map(([x, y]) => testPixel(x, y, SIZE)));
}

/** Posts `text` with the attached picture, and checks that the gate dialog shows it (with `alt`, unless null); returns the dialog. */
async function heldWithPicture(app: Page, site: Page, text: string, alt: string | null): Promise<Locator> {
  await compose(site, text);
  const dialog = app.getByTestId('gate-dialog');
  await dialog.waitFor();
  await expectSourcePicture(app);
  if (alt !== null) expect(await dialog.getByTestId('gate-media-alt').textContent()).toBe(`Alt text: ${alt}`);
  return dialog;
}

describe('attachments in the gate dialog', () => {
  it('X: the chunked upload (INIT/APPEND/FINALIZE) is shown for the post’s media id, with the alt text of the metadata request', async () => {
    const app = await world.start();
    const { site } = await accountWithSite(app, world.accounts.acmeX);
    await attach(site, 'Four coloured squares');
    expect(world.server.received.filter((request) => request.host === 'upload.x.com').length).toBeGreaterThan(3);
    const dialog = await heldWithPicture(app.page, site, 'With a picture', 'Four coloured squares');
    expect(await dialog.getByTestId('gate-media-thumb').getAttribute('alt')).toBe('Four coloured squares');
    expect(await dialog.getByTestId('gate-media-by-order').count()).toBe(0);
    expect(await dialog.getByTestId('gate-media-unpreviewed').count()).toBe(0);
    // `npm run screenshots` writes this one into the README's pictures too.
    const shots = process.env.HATRACK_SCREENSHOTS_DIR ? resolve(ROOT, process.env.HATRACK_SCREENSHOTS_DIR) : E2E_DIR;
    mkdirSync(shots, { recursive: true });
    await app.page.screenshot({ path: join(shots, 'gate-dialog-media.png') });
    await dialog.getByTestId('gate-confirm').click();
    expect(await outcome(site)).toBe('Your post was sent.');
    expect(JSON.parse(world.server.posts()[0]?.body.toString() ?? '{}').variables.media.media_entities).toHaveLength(1);
  });

  it('Mastodon: the /api/v2/media upload is shown with the alt text saved by PUT /api/v1/media/:id, and the dialog says it was matched by order', async () => {
    const app = await world.start();
    const { site } = await accountWithSite(app, world.accounts.acmeSocial);
    await attach(site, 'Quadrants, described on Mastodon');
    const dialog = await heldWithPicture(app.page, site, 'Toot with a picture', 'Quadrants, described on Mastodon');
    expect(await dialog.getByTestId('gate-media-by-order').textContent()).toContain('by order');
    await dialog.getByTestId('gate-confirm').click();
    expect(await outcome(site)).toBe('Your post was sent.');
  });

  it('Bluesky: the uploadBlob (@atproto/api) is shown for the record’s image ref, matched by its CID, with its alt', async () => {
    const app = await world.start();
    const { site } = await accountWithSite(app, world.accounts.acmeSky);
    await attach(site, 'Quadrants in the sky');
    const dialog = await heldWithPicture(app.page, site, 'Skeet with a picture', 'Quadrants in the sky');
    expect(await dialog.getByTestId('gate-media-by-order').count()).toBe(0);
    await dialog.getByTestId('gate-confirm').click();
    expect(await outcome(site)).toBe('Your post was sent.');
    const record = JSON.parse(world.server.posts()[0]?.body.toString() ?? '{}');
    expect(record.record.embed.images[0].alt).toBe('Quadrants in the sky');
  });

  it('Instagram: the rupload_igphoto body is shown for the configure’s upload_id, with its custom_accessibility_caption, and Confirm needs one press', async () => {
    const app = await world.start();
    const { site } = await accountWithSite(app, world.accounts.acmeInsta);
    await attach(site, 'Quadrants on Instagram');
    const upload = world.server.received.find((request) => request.host === 'www.instagram.com' && request.path.startsWith('/rupload_igphoto/'));
    expect(upload?.body.equals(PNG)).toBe(true);
    const dialog = await heldWithPicture(app.page, site, 'Gram with a picture', 'Quadrants on Instagram');
    expect(await dialog.getByTestId('gate-media-by-order').count()).toBe(0);
    expect(await dialog.getByTestId('gate-media-unpreviewed').count()).toBe(0);
    await dialog.getByTestId('gate-confirm').click();
    expect(await outcome(site)).toBe('Your post was sent.');
    const sent = new URLSearchParams(world.server.posts()[0]?.body.toString() ?? '');
    expect(`fb_uploader_${sent.get('upload_id') ?? ''}`).toBe(upload?.path.split('/').pop());
  });

  it('Threads: a www.threads.com rupload is shown for configure_text_post_app_feed’s upload_id, and Confirm needs one press', async () => {
    const app = await world.start();
    const { site } = await accountWithSite(app, world.accounts.acmeThreads);
    await attach(site, '');
    const dialog = await heldWithPicture(app.page, site, 'Thread with a picture', null);
    expect(await dialog.getByTestId('gate-media-unpreviewed').count()).toBe(0);
    await dialog.getByTestId('gate-confirm').click();
    expect(await outcome(site)).toBe('Your post was sent.');
    expect(world.server.posts()).toHaveLength(1);
  });

  it('says an attachment could not be previewed, and Confirm then needs a second press', async () => {
    const app = await world.start();
    const { site } = await accountWithSite(app, world.accounts.acmeX);
    // A media id uploaded in some other session: nothing was captured for it here.
    await site.evaluate(() => (window as unknown as { attached: unknown[] }).attached.push({ id: '1866000000000009999', alt: '' }));
    await compose(site, 'Picture from elsewhere');
    const dialog = app.page.getByTestId('gate-dialog');
    await dialog.waitFor();
    expect(await dialog.getByTestId('gate-media-unpreviewed').textContent()).toBe('1 attachment could not be previewed. Confirming needs a second press.');
    await dialog.getByTestId('gate-confirm').click();
    await expect.poll(() => dialog.getByTestId('gate-confirm').textContent()).toBe('Yes, send as @acme');
    expect(world.server.posts()).toHaveLength(0);
    await dialog.getByTestId('gate-confirm').click();
    expect(await outcome(site)).toBe('Your post was sent.');
    expect(world.server.posts()).toHaveLength(1);
  });

  it('a video (WebM made by MediaRecorder in the site) shows its type, size and first frame, and Confirm needs a second press', async () => {
    const app = await world.start();
    const { site } = await accountWithSite(app, world.accounts.acmeSocial);
    // Left half red, right half blue, for about half a second of VP8.
    const webm = await site.evaluate(async () => {
      const canvas = document.createElement('canvas');
      canvas.width = 160;
      canvas.height = 120;
      const context = canvas.getContext('2d');
      if (context === null) throw new Error('no 2d context');
      const draw = () => {
        context.fillStyle = 'rgb(220, 20, 20)';
        context.fillRect(0, 0, 80, 120);
        context.fillStyle = 'rgb(20, 20, 220)';
        context.fillRect(80, 0, 80, 120);
      };
      const stream = canvas.captureStream(15);
      const timer = setInterval(draw, 30);
      // Record only once the stream carries the drawn picture (its very first frame can be the blank canvas).
      const probe = document.createElement('video');
      probe.muted = true;
      probe.srcObject = stream;
      await probe.play();
      const check = document.createElement('canvas').getContext('2d', { willReadFrequently: true });
      if (check === null) throw new Error('no 2d context');
      for (;;) {
        await new Promise((resolve) => requestAnimationFrame(resolve));
        if (probe.videoWidth === 0) continue;
        check.canvas.width = probe.videoWidth;
        check.canvas.height = probe.videoHeight;
        check.drawImage(probe, 0, 0);
        if ((check.getImageData(30, 60, 1, 1).data[0] ?? 0) > 150) break;
      }
      const recorder = new MediaRecorder(stream, { mimeType: 'video/webm;codecs=vp8' });
      const chunks: Blob[] = [];
      recorder.ondataavailable = (event) => chunks.push(event.data);
      const stopped = new Promise((resolve) => (recorder.onstop = resolve));
      recorder.start();
      await new Promise((resolve) => setTimeout(resolve, 600));
      recorder.stop();
      await stopped;
      clearInterval(timer);
      return [...new Uint8Array(await new Blob(chunks).arrayBuffer())];
    });
    await site.locator('#alt').fill('Red and blue');
    await site.locator('#media').setInputFiles({ name: 'clip.webm', mimeType: 'video/webm', buffer: Buffer.from(webm) });
    await site
      .locator('#status')
      .filter({ hasText: /Attached 1\.|Upload failed/ })
      .waitFor();
    await compose(site, 'Toot with a clip');
    const dialog = app.page.getByTestId('gate-dialog');
    await dialog.waitFor();
    expect(await dialog.getByTestId('gate-media-facts').textContent()).toMatch(/^Video · video\/webm · [\d,.]+ (byte|kB)/);
    const frame = dialog.getByTestId('gate-media-frame');
    await frame.waitFor();
    // WebM from MediaRecorder carries no duration in its header: the decoded video says it.
    await expect.poll(() => dialog.getByTestId('gate-media-facts').textContent()).toMatch(/ · \d+(\.\d)? s$/);
    const pixels = await frame.evaluate(async (img: HTMLImageElement) => {
      await img.decode();
      const canvas = document.createElement('canvas');
      canvas.width = img.naturalWidth;
      canvas.height = img.naturalHeight;
      const context = canvas.getContext('2d');
      if (context === null) throw new Error('no 2d context');
      context.drawImage(img, 0, 0);
      return {
        size: [img.naturalWidth, img.naturalHeight],
        left: [...context.getImageData(30, 60, 1, 1).data].slice(0, 3),
        right: [...context.getImageData(130, 60, 1, 1).data].slice(0, 3),
      };
    });
    expect(pixels.size).toEqual([160, 120]);
    // VP8 is lossy: near the source colours, not equal to them.
    const near = (actual: number[], expected: number[]) => actual.every((value, i) => Math.abs(value - (expected[i] ?? 0)) <= 40);
    expect(near(pixels.left, [220, 20, 20]), `left ${pixels.left.join(',')}`).toBe(true);
    expect(near(pixels.right, [20, 20, 220]), `right ${pixels.right.join(',')}`).toBe(true);
    expect(await dialog.getByTestId('gate-media-first-frame').textContent()).toBe('Only the first frame of 1 video is shown. Confirming needs a second press.');
    expect(await dialog.getByTestId('gate-media-unpreviewed').count()).toBe(0);
    await dialog.getByTestId('gate-confirm').click();
    await expect.poll(() => dialog.getByTestId('gate-confirm').textContent()).toBe('Yes, send as @acme');
    expect(world.server.posts()).toHaveLength(0);
    await dialog.getByTestId('gate-confirm').click();
    expect(await outcome(site)).toBe('Your post was sent.');
  });
});
