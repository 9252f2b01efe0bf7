// One CSV export in a fresh process (run with --expose-gc): loads the log, collects, then samples RSS during the export alone.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { LogService } from '../../electron/main/services/log/log-service.ts';

const [file, out] = process.argv.slice(2);
if (!file || !out) throw new Error('usage: csv-export-child.ts <log file> <csv out>');
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with --expose-gc');

const log = await LogService.open(file, { decodeItemTime: () => null, readOnly: true });
gc();
gc();
const before = process.memoryUsage().rss;
let peak = before;
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 2);
const t = process.hrtime.bigint();
const stream = createWriteStream(out);
const rows = await log.exportTo('csv', {}, stream);
stream.end();
await once(stream, 'finish');
const ms = Number(process.hrtime.bigint() - t) / 1e6;
clearInterval(sampler);
peak = Math.max(peak, process.memoryUsage().rss);
await log.close();
process.stdout.write(JSON.stringify({ rows, growthMb: (peak - before) / 1e6, ms }));
