// `npm run bench`: runs every benchmark once and prints each ratio next to its target (no assertions).
export {};
const suites = ['./classify.bench.ts', './log.bench.ts', './table.bench.ts', './gate-dialog.bench.ts', './media.bench.ts'];

for (const suite of suites) {
  const { bench } = (await import(suite)) as { bench: () => Promise<Array<{ name: string; ratio: number; target: number; detail: string }>> };
  for (const result of await bench()) {
    process.stdout.write(`${result.name}: ratio ${result.ratio.toFixed(2)} (target ${result.target}) — ${result.detail}\n`);
  }
}
