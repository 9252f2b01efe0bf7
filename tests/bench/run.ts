// `npm run bench`: runs every benchmark and prints, for each, the median and min–max of its runs next to its target.
import { quantile, sampled, type Result } from './stats.ts';

const suites = ['./classify.bench.ts', './log.bench.ts', './table.bench.ts', './gate-dialog.bench.ts', './media.bench.ts'];
const only = process.argv.slice(2);

for (const suite of suites) {
  if (only.length > 0 && !only.some((name) => suite.includes(name))) continue;
  const started = Date.now();
  const { bench } = (await import(suite)) as { bench: () => Promise<Result[]> };
  for (const result of await bench()) {
    const s = sampled(result.ratios);
    const held = result.quantile === undefined ? s.median : quantile(result.ratios, result.quantile);
    const what = result.quantile === undefined ? 'median' : `p${Math.round(result.quantile * 100)}`;
    const met = result.atLeast ? held >= result.target : held <= result.target;
    process.stdout.write(
      `${result.name}: ratio ${held.toFixed(2)} ${what} of ${s.values.length} (min–max ${s.min.toFixed(2)}–${s.max.toFixed(2)}), ` +
        `target ${result.atLeast ? '≥' : '≤'} ${result.target} ${met ? 'met' : 'NOT MET'} — ${result.detail}\n`,
    );
  }
  process.stdout.write(`(${suite}: ${((Date.now() - started) / 1000).toFixed(0)} s)\n`);
}
