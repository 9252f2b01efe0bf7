// Log benchmarks, each compared with the same work done the plain way, over at least five runs: loading 1M lines of
// the mix the app writes, the summary of the result, CSV export memory (in a fresh process), and appends.
import { spawn } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomUUID } from 'node:crypto';
import Conf from 'conf';
import { LogService } from '../../electron/main/services/log/log-service.ts';
import type { CorrectionLine, GateLine, GateResultLine, LogLine, ReplyLine } from '../../shared/log/entry-schema.ts';
import { RUNS, ms, sampled, since, type Result } from './stats.ts';

const N = 1_000_000;
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const ACCOUNTS = Array.from({ length: 8 }, (_, i) => ({
  id: randomUUID(),
  handle: `acct${i}`,
  name: `Account ${i}`,
  kind: (i % 2 ? 'brand' : 'personal') as 'brand' | 'personal',
}));
const PLATFORMS = ['x', 'mastodon', 'bluesky', 'linkedin'] as const;
const SCHEDULE = { zone: 'Europe/Paris', days: [1, 2, 3, 4, 5], startHour: 9, endHour: 17 };

function reply(i: number, sent: number): ReplyLine {
  const wait = Math.floor(Math.random() * Math.random() * 36 * 3_600_000);
  const unknown = i % 12 === 0;
  return {
    v: 1,
    type: 'reply',
    id: randomUUID(),
    account: ACCOUNTS[i % ACCOUNTS.length] as ReplyLine['account'],
    platform: PLATFORMS[i % PLATFORMS.length] as ReplyLine['platform'],
    replyToId: String(1_800_000_000_000_000_000n + BigInt(i)),
    targetCreatedAt: unknown ? null : new Date(sent - wait).toISOString(),
    startSource: unknown ? 'unknown' : 'decoded',
    sentAt: new Date(sent).toISOString(),
    responseMs: unknown ? null : wait,
    excerpt: `Thanks for reaching out, we are on it (#${i})`,
  };
}

function gate(i: number, at: number, requestId: string): GateLine {
  return {
    v: 1,
    type: 'gate',
    at: new Date(at).toISOString(),
    requestId,
    account: ACCOUNTS[(i * 3) % ACCOUNTS.length] as GateLine['account'],
    platform: PLATFORMS[i % PLATFORMS.length] as GateLine['platform'],
    action: i % 5 === 0 ? 'reply' : 'post',
    decision: i % 10 === 0 ? 'cancelled' : 'confirmed',
    text: i % 4 === 0 ? null : `Our spring collection is out today, come and see it in store (#${i})`,
    textHash: 'ab'.repeat(32),
  };
}

/**
 * Writes `n` lines in blocks of 20, as a busy brand account produces them: 12 replies, 3 gated posts (a gate line
 * and its result line each), and 2 corrections of a start time entered by hand. As in the app, a correction names
 * an entry the log has: one whose start was unknown, else another reply of the block.
 */
function writeFixture(file: string, n: number): number {
  const fd = openSync(file, 'w');
  let sent = Date.parse('2025-06-01T00:00:00Z');
  let bytes = 0;
  let chunk = '';
  let unknownIds: string[] = [];
  let blockIds: string[] = [];
  let written = 0;
  const put = (line: LogLine) => {
    chunk += JSON.stringify(line) + '\n';
    written++;
  };
  for (let block = 0; written < n; block++) {
    for (let k = 0; k < 12 && written < n; k++) {
      const line = reply(block * 12 + k, (sent += 30_000));
      if (line.startSource === 'unknown') unknownIds.push(line.id);
      else blockIds.push(line.id);
      put(line);
    }
    for (let k = 0; k < 3 && written < n; k++) {
      const requestId = randomUUID();
      put(gate(block * 3 + k, (sent += 5_000), requestId));
      if (written < n) put({ v: 1, type: 'gate-result', at: new Date(sent + 800).toISOString(), requestId, status: 200, error: null } satisfies GateResultLine);
    }
    for (let k = 0; k < 2 && written < n; k++) {
      const targetId = unknownIds.pop() ?? blockIds.pop() ?? randomUUID();
      put({
        v: 1,
        type: 'correction',
        targetId,
        receivedAt: new Date(sent - 3_600_000).toISOString(),
        at: new Date(sent).toISOString(),
        note: 'from the inbox',
      } satisfies CorrectionLine);
    }
    if (unknownIds.length > 100) unknownIds = unknownIds.slice(-10);
    blockIds = [];
    if (chunk.length > 1 << 20) {
      bytes += writeSync(fd, chunk);
      chunk = '';
    }
  }
  bytes += writeSync(fd, chunk);
  closeSync(fd);
  return bytes;
}

/** The floor: the same chunked read, and JSON.parse of every line (nothing kept). */
async function readAndParse(file: string): Promise<number> {
  const handle = await open(file, 'r');
  const buffer = Buffer.allocUnsafe(1 << 22);
  let carry = '';
  let count = 0;
  for (;;) {
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
    if (bytesRead === 0) break;
    const lines = (carry + buffer.toString('utf8', 0, bytesRead)).split('\n');
    carry = lines.pop() ?? '';
    for (const text of lines) if (text !== '' && JSON.parse(text)) count++;
  }
  await handle.close();
  return count;
}

const gc = (): void => (globalThis as { gc?: () => void }).gc?.();

/** (a) load and (b) cold summary: each run loads the file afresh, so every summary is a first one. */
async function loadAndSummary(file: string, bytes: number): Promise<Result[]> {
  const floor: number[] = [];
  const load: number[] = [];
  const summary: number[] = [];
  const sort: number[] = [];
  let total = 0;
  let skipped = 0;
  let parsed = 0;
  let accounts = 0;
  for (let run = 0; run < RUNS; run++) {
    gc();
    let t = process.hrtime.bigint();
    parsed = await readAndParse(file);
    floor.push(since(t));
    gc();
    t = process.hrtime.bigint();
    const log = await LogService.open(file, { decodeItemTime: () => null, readOnly: true, schedule: SCHEDULE });
    load.push(since(t));
    total = log.loadReport.total;
    skipped = log.loadReport.skipped.length;

    const doubles = Float64Array.from({ length: N }, () => Math.random() * 1e8);
    t = process.hrtime.bigint();
    doubles.sort();
    sort.push(since(t));
    t = process.hrtime.bigint();
    accounts = log.query({}, { limit: 50 }).summary.perAccount.length;
    summary.push(since(t));
    await log.close();
  }
  const ratio = (a: number[], b: number[]) => a.map((value, k) => value / (b[k] as number));
  return [
    {
      name: 'log: load 1M lines of the app’s mix vs read + JSON.parse',
      ratios: ratio(load, floor),
      target: 1.5,
      detail:
        `${total} lines (${(bytes / 1e6).toFixed(0)} MB; 60% replies, 30% gate + result lines, 10% corrections; ${skipped} skipped), each validated, ` +
        `folded, business hours computed: ${ms(sampled(load))}; read + JSON.parse of ${parsed} lines ${ms(sampled(floor))}`,
    },
    {
      name: 'log: cold summary of the loaded log vs sorting 1M doubles',
      ratios: ratio(summary, sort),
      target: 2,
      detail: `first query after each load (calendar + business hours, buckets, daily medians, ${accounts} accounts): ${ms(sampled(summary))}; Float64Array.sort of 1M ${ms(sampled(sort))}`,
    },
  ];
}

/** (c) CSV export memory, each run in a fresh Node with --expose-gc: load, collect, then measure the export alone. */
async function exportMemory(file: string, dir: string): Promise<Result> {
  const child = fileURLToPath(new URL('./csv-export-child.ts', import.meta.url));
  const growth: number[] = [];
  const times: number[] = [];
  let rows = 0;
  for (let run = 0; run < RUNS; run++) {
    const out = await new Promise<string>((resolve, reject) => {
      const proc = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', child, file, join(dir, 'export.csv')], {
        cwd: ROOT,
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      let text = '';
      proc.stdout.on('data', (chunk: Buffer) => (text += chunk.toString()));
      proc.on('exit', (code) => (code === 0 ? resolve(text) : reject(new Error(`csv export child exited with ${code}`))));
    });
    const result = JSON.parse(out) as { rows: number; growthMb: number; ms: number };
    growth.push(result.growthMb);
    times.push(result.ms);
    rows = result.rows;
  }
  return {
    name: 'log: CSV export of the loaded log, peak RSS growth / 300 MB',
    ratios: growth.map((mb) => mb / 300),
    target: 1,
    detail: `${rows} rows; peak RSS growth during the export alone ${sampled(growth).median.toFixed(0)} MB (${sampled(growth).min.toFixed(0)}–${sampled(growth).max.toFixed(0)}), in ${ms(sampled(times))}`,
  };
}

/** (d) appends against conf.set of a growing array (what electron-store would do), at the same count, no extrapolation. */
async function appends(dir: string): Promise<Result[]> {
  const COUNT = 500;
  const account = ACCOUNTS[0] as ReplyLine['account'];
  const serial: number[] = [];
  const grouped: number[] = [];
  const conf: number[] = [];
  // Run 0 warms the JIT on both sides (an app appends all day, warm) and is not counted.
  for (let run = 0; run <= RUNS; run++) {
    const file = join(dir, `append-${run}.jsonl`);
    writeFileSync(file, '');
    const log = await LogService.open(file, { decodeItemTime: () => null });
    let t = process.hrtime.bigint();
    for (let i = 0; i < COUNT; i++) await log.recordReply({ account, platform: 'x', replyToId: `s${i}`, sentAt: new Date(), excerpt: 'Thanks!' });
    serial.push(since(t));
    t = process.hrtime.bigint();
    const pending: Promise<unknown>[] = [];
    for (let i = 0; i < COUNT; i++) pending.push(log.recordReply({ account, platform: 'x', replyToId: `g${i}`, sentAt: new Date(), excerpt: 'Thanks!' }));
    await Promise.all(pending);
    grouped.push(since(t));
    await log.close();

    const store = new Conf<{ entries: unknown[] }>({ cwd: join(dir, `conf-${run}`), configName: 'log', projectName: 'hatrack-bench' });
    const entries: unknown[] = [];
    const base = Date.now();
    t = process.hrtime.bigint();
    for (let i = 0; i < COUNT; i++) {
      entries.push(reply(i, base + i));
      store.set('entries', entries);
    }
    conf.push(since(t));
    if (run === 0) [serial, grouped, conf].forEach((times) => times.pop());
  }
  const ratio = (a: number[], b: number[]) => a.map((value, k) => value / (b[k] as number));
  return [
    {
      name: `log: ${COUNT} serial awaited appends vs ${COUNT} serial conf.set of the growing array`,
      ratios: ratio(conf, serial),
      target: 1,
      atLeast: true,
      detail: `recordReply awaited one at a time (one write + fsync each) ${ms(sampled(serial))}; conf.set ${ms(sampled(conf))}; after a warm-up run of both`,
    },
    {
      name: `log: ${COUNT} concurrent appends (group commit) vs ${COUNT} serial conf.set`,
      ratios: ratio(conf, grouped),
      target: 100,
      atLeast: true,
      detail: `recordReply issued together, one write + fsync per batch ${ms(sampled(grouped))}; conf.set ${ms(sampled(conf))}; after a warm-up run of both`,
    },
  ];
}

export async function bench(): Promise<Result[]> {
  const dir = mkdtempSync(join(tmpdir(), 'hatrack-log-bench-'));
  try {
    const file = join(dir, 'big.jsonl');
    const bytes = writeFixture(file, N);
    return [...(await loadAndSummary(file, bytes)), await exportMemory(file, dir), ...(await appends(dir))];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
