// Entries-table bench: the dashboard's virtualised table in Chromium, fetching its pages as the dashboard does
// (`log:rows` over the contract bridge into the real log service), 100 vs 100k entries; time to first rows on screen
// plus a scroll to the middle. Virtualisation and paging should make the two cost about the same.
// The bridge's transport stands in for Electron's IPC with a JSON POST to 127.0.0.1 (well under a millisecond a
// call, as IPC is): Playwright's exposeBinding, which the e2e tests use, spends 15–40 ms per page in its own
// serialiser, and the 100k case, which needs one more page, measured Playwright rather than the table.
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { chromium } from 'playwright-core';
import { build, type Plugin } from 'vite';
import { createDispatcher, type Dispatch } from '../../electron/main/services/ipc-dispatch.ts';
import { logHandlers } from '../../electron/main/services/log/log-handlers.ts';
import { LogService } from '../../electron/main/services/log/log-service.ts';
import type { InvokeHandlers } from '../../shared/ipc/contract.ts';
import type { ReplyLine } from '../../shared/log/entry-schema.ts';
import { RUNS, ms, sampled, type Result } from './stats.ts';
interface Timing {
  first: number;
  scroll: number;
  total: number;
  rowsInDom: number;
}

const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
const SMALL = 100;
const LARGE = 100_000;
const ENTRY_ID = 'virtual:table-bench-entry';

// The page under test: the same contract bridge as the app (window.hatrack over a binding into the real IPC
// dispatcher), and EntryTable over ipcRowSource, exactly as the dashboard mounts it.
const entrySource = `
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { createHatrackApi } from ${JSON.stringify(join(ROOT, 'shared/ipc/bridge.ts'))};
import { createI18n } from ${JSON.stringify(join(ROOT, 'renderer/src/i18n/index.ts'))};
import { EntryTable, ROW_HEIGHT } from ${JSON.stringify(join(ROOT, 'renderer/src/dashboard/entry-table.tsx'))};
import { ipcRowSource } from ${JSON.stringify(join(ROOT, 'renderer/src/dashboard/row-source.ts'))};

async function invoke(channel, args) {
  const response = await fetch('/ipc', { method: 'POST', body: JSON.stringify({ channel, args }) });
  const answer = await response.json();
  if ('error' in answer) throw new Error(answer.error);
  return answer.result;
}
window.hatrack = createHatrackApi({ invoke, subscribe: () => () => {} });
const i18n = createI18n('en');

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
  const host = document.createElement('div');
  host.style.width = '1000px';
  document.body.append(host);
  const root = createRoot(host);
  const t0 = performance.now();
  root.render(createElement(I18nextProvider, { i18n }, createElement(EntryTable, { source: ipcRowSource({}), height: 600 })));
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

/** A log of `n` replies whose row k (newest first) is entry-k, as the page expects. */
async function logOf(dir: string, n: number): Promise<LogService> {
  const file = join(dir, `log-${n}.jsonl`);
  const fd = openSync(file, 'w');
  const base = Date.parse('2025-06-01T00:00:00Z');
  const accounts = [0, 1, 2, 3].map((i) => ({ id: `acct-${i}`, handle: `account${i}`, name: `Account ${i}`, kind: i % 2 ? 'brand' : 'personal' }) as const);
  const platforms = ['x', 'mastodon', 'bluesky', 'linkedin'] as const;
  let chunk = '';
  for (let i = n - 1; i >= 0; i--) {
    const sent = base + (n - i) * 60_000;
    const wait = (i * 7919) % (36 * 3_600_000);
    const line: ReplyLine = {
      v: 1,
      type: 'reply',
      id: `entry-${i}`,
      account: accounts[i % 4] as ReplyLine['account'],
      platform: platforms[i % 4] as ReplyLine['platform'],
      replyToId: String(1_800_000_000_000_000_000n + BigInt(i)),
      targetCreatedAt: new Date(sent - wait).toISOString(),
      startSource: 'decoded',
      sentAt: new Date(sent).toISOString(),
      responseMs: wait,
      excerpt: `Thanks for reaching out, we are on it (#${i})`,
    };
    chunk += JSON.stringify(line) + '\n';
    if (chunk.length > 1 << 20) {
      writeSync(fd, chunk);
      chunk = '';
    }
  }
  writeSync(fd, chunk);
  closeSync(fd);
  return LogService.open(file, { decodeItemTime: () => null, readOnly: true });
}

/** The app's IPC dispatcher over the log handlers of `log` (sender checks and argument schemas included). */
function dispatcherOf(log: LogService, appOrigin: string): Dispatch {
  const noFiles = { saveAs: async () => null, openFile: async () => null, htmlToPdf: async () => new Uint8Array() };
  const handlers = logHandlers(
    log,
    noFiles,
    () => undefined,
    () => new Date(),
    () => 'en',
  );
  return createDispatcher(handlers as unknown as InvokeHandlers, appOrigin);
}

async function bodyOf(request: IncomingMessage): Promise<string> {
  let text = '';
  for await (const chunk of request) text += String(chunk);
  return text;
}

export async function bench(): Promise<Result[]> {
  const outDir = mkdtempSync(join(tmpdir(), 'hatrack-table-bench-'));
  const logs = { [SMALL]: await logOf(outDir, SMALL), [LARGE]: await logOf(outDir, LARGE) } as Record<number, LogService>;
  let current = SMALL;
  let dispatchers: Record<number, Dispatch> = {};
  let script = '';
  const html =
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="stylesheet" href="/styles.css"></head><body><script src="/table-bench.js"></script></body></html>';
  const server = createServer((request, response) => {
    const send = (type: string, body: string) => response.writeHead(200, { 'content-type': type }).end(body);
    if (request.url === '/table-bench.js') return send('text/javascript', script);
    if (request.url === '/styles.css') return send('text/css', readFileSync(join(ROOT, 'renderer/src/styles.css'), 'utf8'));
    if (request.url !== '/ipc') return send('text/html', html);
    void bodyOf(request).then(async (text) => {
      const { channel, args } = JSON.parse(text) as { channel: string; args: unknown[] };
      try {
        const result = await (dispatchers[current] as Dispatch)(channel, { url: `${origin}/`, isMainFrame: true }, args);
        send('application/json', JSON.stringify({ result }));
      } catch (error) {
        send('application/json', JSON.stringify({ error: error instanceof Error ? error.message : String(error) }));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  dispatchers = { [SMALL]: dispatcherOf(logs[SMALL] as LogService, origin), [LARGE]: dispatcherOf(logs[LARGE] as LogService, origin) };
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    script = readFileSync(await bundle(outDir), 'utf8');
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${origin}/`);
    const run = (n: number) => {
      current = n;
      return page.evaluate((size) => (window as unknown as { benchTable: (n: number) => Promise<Timing> }).benchTable(size), n);
    };

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
    const of = (timings: Timing[], key: keyof Timing) => sampled(timings.map((timing) => timing[key]));
    return [
      {
        name: 'entries table over log:rows: first rows + scroll to middle, 100k vs 100 entries',
        ratios: large.map((timing, k) => timing.total / (small[k] as Timing).total),
        target: 1.5,
        detail:
          `${RUNS} interleaved runs; 100 entries ${ms(of(small, 'total'), 1)} (first ${ms(of(small, 'first'), 1)}, scroll ${ms(of(small, 'scroll'), 1)}); ` +
          `100k entries ${ms(of(large, 'total'), 1)} (first ${ms(of(large, 'first'), 1)}, scroll ${ms(of(large, 'scroll'), 1)}); ` +
          `rows in the DOM after the scroll: ${of(small, 'rowsInDom').median} vs ${of(large, 'rowsInDom').median}`,
      },
    ];
  } finally {
    await browser.close();
    server.close();
    for (const log of Object.values(logs)) await log.close();
    rmSync(outDir, { recursive: true, force: true });
  }
}
