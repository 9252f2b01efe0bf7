// Benchmarks the gate's reaction time in the Chromium harness: from a request held by the gate to its dialog painted.
import { rmSync } from 'node:fs';
import { startApp } from '../e2e/harness/app-harness.ts';
import { launchChromium } from '../e2e/harness/chromium.ts';
import { accountWithSite, compose, freshDir } from '../e2e/harness/fixtures.ts';
import { startPlatformServer } from '../e2e/harness/platform-server.ts';
import setup from '../e2e/global-setup.ts';
import { quantile, range, type Result } from './stats.ts';

const RUNS = 20;
const WARM_UP = 2;
const TARGET_P95_MS = 150;

/**
 * In the app page: records when a gate dialog is first painted (the frame after it enters the DOM,
 * two animation frames later), as epoch milliseconds comparable with the gate's own clock.
 */
function watchDialog(): void {
  const host = window as unknown as { __dialogShownAt: number | null };
  host.__dialogShownAt = null;
  const seen = new WeakSet<Element>();
  new MutationObserver(() => {
    const dialog = document.querySelector('[data-testid="gate-dialog"]');
    if (dialog === null || seen.has(dialog)) return;
    seen.add(dialog);
    requestAnimationFrame(() => requestAnimationFrame(() => (host.__dialogShownAt = performance.timeOrigin + performance.now())));
  }).observe(document.body, { childList: true, subtree: true });
}

/** Holds RUNS posts one after the other and measures each from `heldAt` (the gate's hold time) to the painted dialog. */
export async function bench(): Promise<Result[]> {
  // Measure the code as it is now: build the renderer and the harness scripts, as the e2e setup does.
  await setup();
  const browser = await launchChromium();
  const server = await startPlatformServer();
  const dataDir = freshDir();
  const samples: number[] = [];
  try {
    const app = await startApp({ browser, server, dataDir });
    try {
      const { site } = await accountWithSite(app, {
        name: 'Acme Coffee',
        handle: 'acme',
        platform: 'X',
        kind: 'brand',
        color: '#b91c1c',
        startUrl: server.url('x.com', '/compose'),
      });
      await app.page.evaluate(watchDialog);
      const dialog = app.page.getByTestId('gate-dialog');
      for (let run = 0; run < WARM_UP + RUNS; run++) {
        await app.page.evaluate(() => ((window as unknown as { __dialogShownAt: number | null }).__dialogShownAt = null));
        await compose(site, `bench post ${run}`);
        await dialog.waitFor();
        const shownAt = await app.page
          .waitForFunction(() => (window as unknown as { __dialogShownAt: number | null }).__dialogShownAt)
          .then((handle) => handle.jsonValue());
        const heldAt = app.services.gate.queue()[0]?.heldAt;
        if (typeof heldAt !== 'number' || typeof shownAt !== 'number') throw new Error('no held post or no painted dialog');
        if (run >= WARM_UP) samples.push(shownAt - heldAt);
        await dialog.getByTestId('gate-cancel').click();
        await dialog.waitFor({ state: 'detached' });
      }
    } finally {
      await app.close();
    }
  } finally {
    await browser.close();
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
  if (process.env.BENCH_VERBOSE) process.stdout.write(`gate dialog samples (ms): ${samples.map((s) => s.toFixed(1)).join(' ')}\n`);
  const fmt = (ms: number) => `${ms.toFixed(1)} ms`;
  return [
    {
      name: `held request → dialog painted, p95 vs ${TARGET_P95_MS} ms`,
      ratios: samples.map((ms) => ms / TARGET_P95_MS),
      quantile: 0.95,
      target: 1,
      detail: `${RUNS} runs (after ${WARM_UP} warm-up) in Chromium: median ${fmt(quantile(samples, 0.5))}, p95 ${fmt(quantile(samples, 0.95))}, min–max ${range(samples, 1)}`,
    },
  ];
}
