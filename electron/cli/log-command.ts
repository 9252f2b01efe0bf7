// `hatrack log import|export|stats`: the response-time log from a terminal, on the app's own file by default.
// Exit codes: 2 for bad arguments, 1 for unreadable or corrupt files (set on process.exitCode, never process.exit).
import { createWriteStream, existsSync, mkdirSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, extname } from 'node:path';
import { once } from 'node:events';
import { Command, Option } from 'commander';
import { DateTime } from 'luxon';
import { decodeItemTime as realDecodeItemTime } from '../../shared/platforms/index.ts';
import { PLATFORM_IDS, type PlatformId } from '../../shared/platforms/platform-id.ts';
import type { DecodeItemTime } from '../../shared/log/entry-schema.ts';
import type { LogFilter } from '../../shared/log/model.ts';
import { defaultSchedule } from '../../shared/log/business-hours.ts';
import { formatDuration } from '../../shared/log/duration-format.ts';
import type { LogSummary, TimeStats } from '../../shared/log/statistics.ts';
import { LogService } from '../main/services/log/log-service.ts';
import { defaultLogPath } from '../main/services/log/paths.ts';
import { decodeImportBytes, freshLines, importLines, parseImport } from '../main/services/log/log-transfer.ts';
import { ENGLISH_REPORT_TEXT } from '../../shared/log/html-report.ts';
import { FRENCH_REPORT_TEXT } from '../../shared/log/report-text-fr.ts';
import { describeFileError } from './file-errors.ts';

/** What the command needs from outside; defaults are the real ones. */
export interface LogCommandDeps {
  decodeItemTime?: DecodeItemTime;
  stdout?: NodeJS.WritableStream;
  stderr?: NodeJS.WritableStream;
  logPath?: () => string;
}

class UsageError extends Error {}
class FileError extends Error {}

interface CommonOptions {
  log?: string;
  zone?: string;
  start?: string;
  target?: string;
}

interface FilterOptions {
  from?: string;
  to?: string;
  account?: string[];
  platform?: string[];
  kind?: 'personal' | 'brand';
}

function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

/** A DATE argument: 'YYYY-MM-DD' is a local day in `zone` (`to` includes that whole day), else an ISO time. */
function dateBound(text: string, zone: string, edge: 'from' | 'to'): string {
  const day = /^\d{4}-\d{2}-\d{2}$/.test(text);
  const parsed = day ? DateTime.fromISO(text, { zone }) : DateTime.fromISO(text, { zone, setZone: true });
  if (!parsed.isValid) throw new UsageError(`--${edge} is not a date: ${text} (use YYYY-MM-DD or an ISO 8601 time)`);
  const bound = day && edge === 'to' ? parsed.plus({ days: 1 }).startOf('day') : parsed;
  return bound.toUTC().toISO() ?? '';
}

function buildFilter(options: FilterOptions, zone: string): LogFilter {
  const filter: LogFilter = {};
  if (options.from) filter.from = dateBound(options.from, zone, 'from');
  if (options.to) filter.to = dateBound(options.to, zone, 'to');
  if (options.account?.length) filter.accounts = options.account;
  if (options.platform?.length) {
    const bad = options.platform.filter((name) => !(PLATFORM_IDS as readonly string[]).includes(name.toLowerCase()));
    if (bad.length) throw new UsageError(`unknown platform: ${bad.join(', ')} (one of ${PLATFORM_IDS.join(', ')})`);
    filter.platforms = options.platform.map((name) => name.toLowerCase() as PlatformId);
  }
  if (options.kind) filter.kind = options.kind;
  return filter;
}

function addFilterOptions(command: Command): Command {
  return command
    .option('--from <date>', 'first day (YYYY-MM-DD, local) or ISO time')
    .option('--to <date>', 'last day, inclusive (YYYY-MM-DD, local) or exclusive ISO time')
    .option('--account <handle>', 'account handle or id (repeatable)', collect)
    .option('--platform <name>', 'platform (repeatable)', collect)
    .addOption(new Option('--kind <kind>', 'account kind').choices(['personal', 'brand']));
}

function stat(ms: number | null): string {
  return ms === null ? '—' : formatDuration(ms);
}

function statsText(summary: LogSummary, zone: string): string {
  const line = (label: string, pick: (s: TimeStats) => string): string =>
    `  ${label.padEnd(16)}${pick(summary.calendar).padEnd(20)}${pick(summary.business)}\n`;
  const pct = (value: number | null): string => (value === null ? '—' : `${(value * 100).toFixed(1)} %`);
  let text = `Entries: ${summary.total} (unknown start: ${summary.unknownStart})\n`;
  text += `  ${''.padEnd(16)}${'calendar'.padEnd(20)}business hours (${zone})\n`;
  text += line('median', (s) => stat(s.median));
  text += line('count', (s) => String(s.count));
  text += line('mean', (s) => stat(s.mean));
  text += line('p90', (s) => stat(s.p90));
  text += line('fastest', (s) => stat(s.fastest));
  text += line('slowest', (s) => stat(s.slowest));
  text += line('within target', (s) => pct(s.withinTarget));
  text += 'Buckets (calendar / business):\n';
  for (const bucket of summary.buckets) text += `  ${bucket.label.padEnd(12)}${String(bucket.calendar).padStart(8)} /${String(bucket.business).padStart(8)}\n`;
  if (summary.perAccount.length) text += 'Per account:\n';
  for (const a of summary.perAccount) {
    text += `  @${a.account.handle} (${a.account.kind}): ${a.total} repl${a.total === 1 ? 'y' : 'ies'}, median ${stat(a.calendar.median)}, business median ${stat(a.business.median)}, within ${a.targetMinutes} min: ${pct(a.calendar.withinTarget)}\n`;
  }
  return text;
}

/** Registers `log` and its subcommands on the `hatrack` program. */
export function registerLog(program: Command, deps: LogCommandDeps = {}): void {
  const decode = deps.decodeItemTime ?? realDecodeItemTime;
  const stdout = deps.stdout ?? process.stdout;
  const stderr = deps.stderr ?? process.stderr;
  const logPath = deps.logPath ?? (() => defaultLogPath());

  const log = program
    .command('log')
    .description('import, export and summarise the response-time log')
    .option('--log <file>', "log file (default: the app's own)")
    .option('--zone <iana>', 'time zone for local days, local times and business hours', Intl.DateTimeFormat().resolvedOptions().timeZone)
    .option('--hours <start-end>', 'business hours, Monday to Friday, e.g. 9-17', '9-17')
    .option('--target <minutes>', 'response target in minutes', '60');

  /** Opens the log: `read` needs the file, `import` reads it when there (missing = empty), never creating it. */
  type Opener = (readOnly: boolean) => Promise<LogService>;

  async function run(
    command: Command,
    action: (service: LogService, filePath: string, zone: string, reopen: Opener) => Promise<void>,
    mode: 'read' | 'import',
  ): Promise<void> {
    try {
      const options = command.optsWithGlobals<CommonOptions & { hours?: string }>();
      const zone = options.zone ?? 'UTC';
      if (!DateTime.local().setZone(zone).isValid) throw new UsageError(`unknown time zone: ${zone}`);
      const hours = /^(\d{1,2}(?:\.\d+)?)-(\d{1,2}(?:\.\d+)?)$/.exec(options.hours ?? '9-17');
      if (!hours || Number(hours[1]) >= Number(hours[2]) || Number(hours[2]) > 24) throw new UsageError(`--hours must look like 9-17 (got ${options.hours})`);
      const target = Number(options.target ?? '60');
      if (!Number.isFinite(target) || target <= 0) throw new UsageError(`--target must be a positive number of minutes (got ${options.target})`);
      const filePath = options.log ?? logPath();
      if (mode === 'read' && !existsSync(filePath)) throw new FileError(`no log file at ${filePath}: it does not exist`);
      if (existsSync(filePath) && !statSync(filePath).isFile()) throw new FileError(`${filePath} is a folder, not a file`);
      const open: Opener = async (readOnly) => {
        if (!readOnly) {
          try {
            mkdirSync(dirname(filePath), { recursive: true });
          } catch (error) {
            throw new FileError(describeFileError(dirname(filePath), error, true));
          }
        }
        try {
          return await LogService.open(filePath, {
            decodeItemTime: decode,
            schedule: { ...defaultSchedule(zone), startHour: Number(hours[1]), endHour: Number(hours[2]) },
            defaultTargetMinutes: target,
            readOnly,
          });
        } catch (error) {
          throw new FileError(describeFileError(filePath, error, !readOnly));
        }
      };
      // Read-only first, for imports too: a rejected or empty import must not create the log file.
      const service = await open(true);
      warnAboutLoad(service, filePath);
      try {
        await action(service, filePath, zone, open);
      } finally {
        await service.close();
      }
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      stderr.write(`hatrack log: ${message}\n`);
      process.exitCode = error instanceof UsageError ? 2 : 1;
    }
  }

  function warnAboutLoad(service: LogService, filePath: string): void {
    const { skipped, invalidUtf8 } = service.loadReport;
    if (invalidUtf8.count > 0) {
      const shown = invalidUtf8.lines.slice(0, 10).join(', ') + (invalidUtf8.count > 10 ? ', …' : '');
      stderr.write(
        `hatrack: warning: ${invalidUtf8.count} line(s) of ${filePath} are not valid UTF-8 (line${invalidUtf8.count === 1 ? '' : 's'} ${shown}): the bad bytes read as \uFFFD\n`,
      );
    }
    if (skipped.length > 0) {
      const shown = skipped
        .slice(0, 5)
        .map((s) => `line ${s.line}: ${s.reason}`)
        .join('; ');
      stderr.write(`hatrack: warning: skipped ${skipped.length} unreadable line(s) in ${filePath}: ${shown}${skipped.length > 5 ? '; …' : ''}\n`);
    }
  }

  log
    .command('import')
    .description('import a CSV of past replies (account, platform, item, received_at, replied_at) or a JSON export')
    .addHelpText(
      'after',
      '\nCSV: UTF-8, comma, semicolon or tab separated. Dates: ISO 8601 with an offset (2026-03-30T08:30:00Z,\n' +
        '2026-03-30T10:30:00+02:00) or a local time in --zone (2026-03-30 10:30[:00]). A reply dated before its item,\n' +
        'or in the future, rejects the file. Rows already in the log are counted, not added again.\n',
    )
    .argument('<file>', 'CSV or JSON file')
    .addOption(new Option('--format <format>', 'file format (default: from the extension)').choices(['csv', 'json']))
    .action(async (file: string, options: { format?: 'csv' | 'json' }, command: Command) => {
      await run(
        command,
        async (service, filePath, _zone, open) => {
          let bytes: Uint8Array;
          try {
            bytes = await readFile(file);
          } catch (error) {
            throw new FileError(describeFileError(file, error));
          }
          const decoded = decodeImportBytes(bytes);
          if (!decoded.ok) throw new FileError(`${file} was not imported (nothing written):\n  ${decoded.errors.join('\n  ')}`);
          const text = decoded.text;
          const kind = options.format ?? (extname(file).toLowerCase() === '.json' ? 'json' : 'csv');
          const parse = (log: LogService) => {
            const parsed = parseImport(log, text, kind, { decodeItemTime: decode, now: () => new Date() });
            if (!parsed.ok) throw new FileError(`${file} was not imported (nothing written):\n  ${parsed.errors.join('\n  ')}`);
            return parsed.lines;
          };
          const lines = parse(service);
          const plan = freshLines(service, lines);
          let result = { added: 0, duplicates: plan.duplicates };
          if (plan.fresh.length > 0) {
            const writer = await open(false);
            try {
              // The app may have written in between. Duplicates are set aside again on the writable log; the file is
              // parsed again only if the app logged an account (or a new name of one) in between, which a row naming it
              // by handle must resolve to. The log only grows, so an unchanged count of variants is the same accounts.
              const accountsChanged = writer.index.variants.length !== service.index.variants.length;
              result = await importLines(writer, accountsChanged ? parse(writer) : lines);
            } finally {
              await writer.close();
            }
          }
          stdout.write(
            `imported ${result.added} entr${result.added === 1 ? 'y' : 'ies'} into ${filePath}` +
              (result.duplicates ? ` (${result.duplicates} already present)` : '') +
              '\n',
          );
        },
        'import',
      );
    });

  addFilterOptions(
    log
      .command('export')
      .description('export entries as CSV, JSON, XLSX or an HTML report (stdout unless --out)')
      .addOption(new Option('--format <format>', 'output format').choices(['csv', 'json', 'html', 'xlsx']).default('csv'))
      .addOption(new Option('--lang <language>', 'language of the HTML report and the XLSX sheets').choices(['en', 'fr']).default('en'))
      .option('--out <file>', 'write to this file instead of stdout'),
  ).action(async (options: FilterOptions & { format: 'csv' | 'json' | 'html' | 'xlsx'; lang: 'en' | 'fr'; out?: string }, command: Command) => {
    await run(
      command,
      async (service, _filePath, zone) => {
        const filter = buildFilter(options, zone);
        const exportOptions = { locale: options.lang, text: options.lang === 'fr' ? FRENCH_REPORT_TEXT : ENGLISH_REPORT_TEXT };
        if (!options.out) {
          // A zip file on a terminal is noise and can upset it; piping it elsewhere is fine.
          if (options.format === 'xlsx' && (stdout as NodeJS.WriteStream).isTTY === true) throw new UsageError('--format xlsx needs --out <file> (or a pipe)');
          await service.exportTo(options.format, filter, stdout, exportOptions);
          return;
        }
        const target = options.out;
        const fail = (error: unknown): never => {
          throw new FileError(describeFileError(target, error, true));
        };
        const out = createWriteStream(target);
        // Opening first turns a missing folder or a denied path into a sentence before anything is exported.
        await once(out, 'open').catch(fail);
        const failed = once(out, 'error').then(([error]) => fail(error));
        failed.catch(() => undefined); // handled by the race below; avoids an unhandled rejection afterwards
        const count = await Promise.race([service.exportTo(options.format, filter, out, exportOptions), failed]);
        out.end();
        await once(out, 'finish').catch(fail);
        stderr.write(`exported ${count} entr${count === 1 ? 'y' : 'ies'} to ${options.out}\n`);
      },
      'read',
    );
  });

  addFilterOptions(log.command('stats').description('print the response-time statistics').option('--json', 'print the summary as JSON')).action(
    async (options: FilterOptions & { json?: boolean }, command: Command) => {
      await run(
        command,
        async (service, _filePath, zone) => {
          const summary = service.query(buildFilter(options, zone), { limit: 0 }).summary;
          stdout.write(options.json ? `${JSON.stringify(summary, null, 2)}\n` : statsText(summary, zone));
        },
        'read',
      );
    },
  );
}
