// `npm run bench`: runs every benchmark and prints, for each, the median and min–max of its runs next to its target.
import { sampled } from './stats.ts';

type Legacy = { name: string; ratio: number; target: number; detail: string };
type Reported = { name: string; ratios: number[]; target: number; atLeast?: boolean; detail: string };

const suites = ['./classify.bench.ts', './log.bench.ts', './table.bench.ts', './gate-dialog.bench.ts', './media.bench.ts'];
const only = process.argv.slice(2);

for (const suite of suites) {
  if (only.length > 0 && !only.some((name) => suite.includes(name))) continue;
  const started = Date.now();
  const { bench } = (await import(suite)) as { bench: () => Promise<Array<Legacy | Reported>> };
  for (const result of await bench()) {
    if ('ratios' in result) {
      const s = sampled(result.ratios);
      const met = result.atLeast ? s.median >= result.target : s.median <= result.target;
      process.stdout.write(
        `${result.name}: ratio ${s.median.toFixed(2)} median of ${s.values.length} (min–max ${s.min.toFixed(2)}–${s.max.toFixed(2)}), ` +
          `target ${result.atLeast ? '≥' : '≤'} ${result.target} ${met ? 'met' : 'NOT MET'} — ${result.detail}\n`,
      );
    } else {
      process.stdout.write(`${result.name}: ratio ${result.ratio.toFixed(2)} (target ${result.target}) — ${result.detail}\n`);
    }
  }
  process.stdout.write(`(${suite}: ${((Date.now() - started) / 1000).toFixed(0)} s)\n`);
}
