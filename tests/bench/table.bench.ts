// Entries-table bench: the dashboard's virtualised table in Chromium, fed from memory with 100 vs 100k rows;
// time to first rows on screen plus a scroll to the middle. Virtualisation should make the two cost about the same.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { chromium } from 'playwright-core';
import { build, type Plugin } from 'vite';

type Result = { name: string; ratio: number; target: number; detail: string };
interface Timing {
  first: number;
  scroll: number;
  total: number;
  rowsInDom: number;
}

const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
const SMALL = 100;
const LARGE = 100_000;
const RUNS = 9;
const ENTRY_ID = 'virtual:table-bench-entry';

// The page under test: mounts EntryTable over an in-memory RowSource and times it with performance.now().
// Rows are built before the clock starts: the bench measures the table, not the data generator.
const entrySource = `
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { createI18n } from ${JSON.stringify(join(ROOT, 'renderer/src/i18n/index.ts'))};
import { EntryTable, ROW_HEIGHT } from ${JSON.stringify(join(ROOT, 'renderer/src/dashboard/entry-table.tsx'))};
import { memoryRowSource } from ${JSON.stringify(join(ROOT, 'renderer/src/dashboard/row-source.ts'))};

const i18n = createI18n('en');
const platforms = ['x', 'mastodon', 'bluesky', 'linkedin'];
const accounts = [0, 1, 2, 3].map((i) => ({ id: 'acct-' + i, handle: 'account' + i, name: 'Account ' + i, kind: i % 2 ? 'brand' : 'personal' }));

function makeRows(n) {
  const base = Date.parse('2025-06-01T00:00:00Z');
  const rows = new Array(n);
  for (let i = 0; i < n; i++) {
    const sent = base + (n - i) * 60000;
    const wait = (i * 7919) % (36 * 3600000);
    rows[i] = {
      id: 'entry-' + i, account: accounts[i % 4], platform: platforms[i % 4], replyToId: String(1800000000000000000n + BigInt(i)),
      targetCreatedAt: new Date(sent - wait).toISOString(), startAt: new Date(sent - wait).toISOString(), startSource: 'decoded',
      sentAt: new Date(sent).toISOString(), responseMs: wait, businessMs: wait / 3, targetMinutes: 60, withinTarget: wait <= 3600000,
      excerpt: 'Thanks for reaching out, we are on it (#' + i + ')', history: [],
    };
  }
  return rows;
}

// A macrotask yield finer than setTimeout's clamp, so waiting adds well under a millisecond per check.
const channel = new MessageChannel();
const queue = [];
channel.port1.onmessage = () => queue.shift()?.();
const tick = () => new Promise((resolve) => { queue.push(resolve); channel.port2.postMessage(0); });
async function until(check) {
  for (;;) {
    if (check()) return;
    await tick();
  }
}

window.benchTable = async (n) => {
  const rows = makeRows(n);
  const host = document.createElement('div');
  host.style.width = '1000px';
  document.body.append(host);
  const root = createRoot(host);
  const t0 = performance.now();
  root.render(createElement(I18nextProvider, { i18n }, createElement(EntryTable, { source: memoryRowSource(rows), height: 600 })));
  await until(() => host.querySelector('[data-testid=entry-row]') !== null);
  void host.getBoundingClientRect();
  const t1 = performance.now();
  const body = host.querySelector('.entry-body');
  const middle = Math.floor(n / 2);
  body.scrollTop = middle * ROW_HEIGHT;
  // Done when the middle row is on screen with its data (not a loading placeholder).
  await until(() => host.querySelector('[data-entry-id="entry-' + middle + '"]') !== null);
  void host.getBoundingClientRect();
  const t2 = performance.now();
  const rowsInDom = host.querySelectorAll('[role=row]').length;
  root.unmount();
  host.remove();
  return { first: t1 - t0, scroll: t2 - t1, total: t2 - t0, rowsInDom };
};
`;

const virtualEntry: Plugin = {
  name: 'table-bench-entry',
  enforce: 'pre',
  // Library mode hands the entry over as a path under the root: match its end.
  resolveId: (id) => (id.endsWith(ENTRY_ID) ? `\0${ENTRY_ID}.jsx` : null),
  load: (id) => (id === `\0${ENTRY_ID}.jsx` ? entrySource : null),
};

async function bundle(outDir: string): Promise<string> {
  await build({
    configFile: false,
    root: ROOT,
    logLevel: 'warn',
    plugins: [react(), virtualEntry],
    // Library mode leaves process.env alone; React needs it replaced to pick its production build, as the app ships.
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    build: {
      outDir,
      emptyOutDir: true,
      minify: true,
      lib: { entry: ENTRY_ID, formats: ['iife'], name: 'tableBench', fileName: () => 'table-bench.js' },
    },
  });
  return join(outDir, 'table-bench.js');
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};

export async function bench(): Promise<Result[]> {
  const outDir = mkdtempSync(join(tmpdir(), 'hatrack-table-bench-'));
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const script = await bundle(outDir);
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.setContent('<!doctype html><html lang="en"><head><meta charset="utf-8"></head><body></body></html>');
    await page.addStyleTag({ path: join(ROOT, 'renderer/src/styles.css') });
    await page.addScriptTag({ path: script });
    const run = (n: number) => page.evaluate((size) => (window as unknown as { benchTable: (n: number) => Promise<Timing> }).benchTable(size), n);

    // Warm-up: JIT, fonts and style caches, so the first measured run is not a cold start.
    for (let i = 0; i < 2; i++) {
      await run(SMALL);
      await run(LARGE);
    }
    const small: Timing[] = [];
    const large: Timing[] = [];
    // Interleaved, so drift in the machine's load hits both sizes alike.
    for (let i = 0; i < RUNS; i++) {
      small.push(await run(SMALL));
      large.push(await run(LARGE));
    }
    const pick = (timings: Timing[], key: keyof Timing) => median(timings.map((timing) => timing[key]));
    const smallTotal = pick(small, 'total');
    const largeTotal = pick(large, 'total');
    const fmt = (ms: number) => `${ms.toFixed(1)} ms`;
    return [
      {
        name: 'entries table: first rows + scroll to middle, 100k vs 100 rows',
        ratio: largeTotal / smallTotal,
        target: 1.5,
        detail:
          `median of ${RUNS}: 100 rows ${fmt(smallTotal)} (first ${fmt(pick(small, 'first'))}, scroll ${fmt(pick(small, 'scroll'))}); ` +
          `100k rows ${fmt(largeTotal)} (first ${fmt(pick(large, 'first'))}, scroll ${fmt(pick(large, 'scroll'))}); ` +
          `rows in the DOM after the scroll: ${pick(small, 'rowsInDom')} vs ${pick(large, 'rowsInDom')}`,
      },
    ];
  } finally {
    await browser.close();
    rmSync(outDir, { recursive: true, force: true });
  }
}
