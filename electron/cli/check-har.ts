// `hatrack check-har <file.har> [--json]`: shows which requests in a HAR the gate would hold, and what they say.
import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { HarFormatError, harToRows, type HarRow } from '../../shared/gate/har.ts';
import { describeFileError } from './file-errors.ts';

const BOLD = '\u001b[1m';
const RESET = '\u001b[0m';

function oneLine(text: string | null, max: number): string {
  if (text === null) return '';
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** The human table: every row listed, held rows marked HOLD (bold on a terminal). */
export function formatTable(rows: readonly HarRow[], color: boolean): string {
  const lines = [`${'#'.padStart(4)}  ${'VERDICT'.padEnd(7)}  ${'METHOD'.padEnd(7)}  ${'PLATFORM/ACTION'.padEnd(20)}  URL / TEXT`];
  for (const row of rows) {
    const verdict = row.gated ? 'HOLD' : 'pass';
    const what = row.gated ? `${row.platform}/${row.action}` : row.note === 'never-held-method' ? 'never held' : '';
    let line = `${String(row.index).padStart(4)}  ${verdict.padEnd(7)}  ${row.method.padEnd(7)}  ${what.padEnd(20)}  ${oneLine(row.url, 80)}`;
    if (row.gated) {
      const extra = [
        row.text === null ? '(content could not be read)' : `"${oneLine(row.text, 60)}"`,
        row.mediaCount > 0 ? `${row.mediaCount} media` : '',
        row.replyToId ? `reply to ${row.replyToId}${row.replyToCreatedAt ? ` (${row.replyToCreatedAt})` : ''}` : '',
        row.quotedId ? `quotes ${row.quotedId}` : '',
        ...row.details.map((d) => `${d.key}: ${oneLine(d.value, 40)}`),
      ].filter(Boolean);
      line += `\n${' '.repeat(45)}${extra.join(' · ')}`;
      if (color) line = `${BOLD}${line}${RESET}`;
    }
    lines.push(line);
  }
  const held = rows.filter((r) => r.gated).length;
  lines.push(`${rows.length} request${rows.length === 1 ? '' : 's'}, ${held} would be held`);
  return `${lines.join('\n')}\n`;
}

/** Registers `check-har` on the program. Exit codes: 1 unreadable/invalid file; usage errors are commander's (2). */
export function registerCheckHar(program: Command): void {
  program
    .command('check-har')
    .description('classify every request in a HAR file as the posting gate would')
    .argument('<file>', 'HAR file exported from the browser dev tools')
    .option('--json', 'one JSON object per line')
    .action(async (file: string, options: { json?: boolean }) => {
      let text: string;
      try {
        text = await readFile(file, 'utf8');
      } catch (error) {
        process.stderr.write(`hatrack check-har: ${describeFileError(file, error)}\n`);
        process.exitCode = 1;
        return;
      }
      let rows: HarRow[];
      try {
        rows = harToRows(text);
      } catch (error) {
        const why = error instanceof HarFormatError ? error.message : String(error);
        process.stderr.write(`hatrack check-har: ${file} is not a valid HAR file (${why})\n`);
        process.exitCode = 1;
        return;
      }
      if (options.json) {
        process.stdout.write(rows.map((row) => JSON.stringify(row)).join('\n') + (rows.length > 0 ? '\n' : ''));
      } else {
        process.stdout.write(formatTable(rows, process.stdout.isTTY === true));
      }
    });
}
