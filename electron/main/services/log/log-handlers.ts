// The dashboard's IPC handlers over the log service: queries, manual starts, exports through a save dialog, imports.
import { createWriteStream } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import type { Account } from '../../../../shared/accounts/account.ts';
import type { Locale, Settings } from '../../../../shared/accounts/settings.ts';
import { ENGLISH_REPORT_TEXT, type ReportText } from '../../../../shared/log/html-report.ts';
import { FRENCH_REPORT_TEXT } from '../../../../shared/log/report-text-fr.ts';
import type { BusinessSchedule } from '../../../../shared/log/business-hours.ts';
import type { InvokeHandlers } from '../../../../shared/ipc/contract.ts';
import type { FilePort } from '../file-port.ts';
import type { LogService } from './log-service.ts';
import { decodeImportBytes } from './log-transfer.ts';

type LogHandlers = Pick<InvokeHandlers, 'log:query' | 'log:rows' | 'log:unknown' | 'log:set-start' | 'log:export' | 'log:import'>;

/** Settings' "HH:MM" business hours as the log's schedule. */
export function scheduleOf(settings: Settings): BusinessSchedule {
  const hours = (value: string) => {
    const [h = 0, m = 0] = value.split(':').map(Number);
    return h + m / 60;
  };
  const { businessHours } = settings;
  return { zone: businessHours.timeZone, days: businessHours.days, startHour: hours(businessHours.start), endHour: hours(businessHours.end) || 24 };
}

/** Keeps the log's schedule and per-account targets in step with settings and accounts. */
export function configureLog(log: LogService, settings: Settings, accounts: readonly Account[]): void {
  log.configure({ schedule: scheduleOf(settings), targets: Object.fromEntries(accounts.map((account) => [account.id, account.targetMinutes])) });
}

/** The report's labels in the app's language. */
function reportText(locale: Locale): ReportText {
  return locale === 'fr' ? FRENCH_REPORT_TEXT : ENGLISH_REPORT_TEXT;
}

export function logHandlers(log: LogService, files: FilePort, changed: () => void, now: () => Date, locale: () => Locale): LogHandlers {
  return {
    'log:query': (filter, page) => log.query(filter, page),
    // The table's pages: rows only, without recomputing the summary of the whole selection.
    'log:rows': (filter, page) => log.page(filter, page),
    'log:unknown': (limit) => log.unknownStarts(limit),
    'log:set-start': async (entryId, receivedAt) => {
      // The service refuses a start in the future or after the reply, as imports do.
      const row = await log.setManualStart(entryId, receivedAt);
      changed();
      return row;
    },
    'log:export': async (format, filter) => {
      const day = now().toISOString().slice(0, 10);
      const path = await files.saveAs(`hatrack-response-times-${day}.${format}`, [format]);
      if (!path) return { path: null, count: 0 };
      if (format === 'pdf') {
        let html = '';
        const sink = new Writable({
          write(chunk: Buffer | string, _encoding, done) {
            html += chunk.toString();
            done();
          },
        });
        const count = await log.exportTo('html', filter, sink, { text: reportText(locale()), locale: locale() });
        await writeFile(path, await files.htmlToPdf(html));
        return { path, count };
      }
      const out = createWriteStream(path);
      const count = await log.exportTo(format, filter, out, { text: reportText(locale()), locale: locale() });
      out.end();
      await finished(out);
      return { path, count };
    },
    'log:import': async () => {
      const path = await files.openFile(['csv', 'json']);
      if (!path) return null;
      const decoded = decodeImportBytes(await readFile(path));
      if (!decoded.ok) return decoded;
      const result = await log.importFile(decoded.text, path.toLowerCase().endsWith('.json') ? 'json' : 'csv');
      if (result.ok) changed();
      return result;
    },
  };
}
