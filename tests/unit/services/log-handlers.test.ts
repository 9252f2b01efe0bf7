// Settings' business hours become the log's schedule exactly (a day may end at midnight); exports go where the user chose.
import { describe, expect, it } from 'vitest';
import { defaultSettings, type Locale } from '../../../shared/accounts/settings.ts';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { logHandlers, scheduleOf } from '../../../electron/main/services/log/log-handlers.ts';
import { LogService } from '../../../electron/main/services/log/log-service.ts';
import type { FilePort } from '../../../electron/main/services/file-port.ts';
import { defaultSchedule } from '../../../shared/log/business-hours.ts';
import { brand, fakeDecode, tempDir } from './log/test-helpers.ts';

/** The log's IPC handlers at 2026-03-31T12:00Z in `locale`, over a file port that cancels every dialog unless told. */
function handlersOver(log: LogService, locale: Locale, files: Partial<FilePort> = {}) {
  const port: FilePort = { saveAs: async () => null, openFile: async () => null, htmlToPdf: async () => new Uint8Array(), ...files };
  return logHandlers(
    log,
    port,
    () => undefined,
    () => new Date('2026-03-31T12:00:00Z'),
    () => locale,
  );
}

describe('scheduleOf', () => {
  it('turns HH:MM into fractional hours in the settings time zone', () => {
    const settings = { ...defaultSettings('Europe/Paris'), businessHours: { days: [1, 2, 3], start: '08:30', end: '17:45', timeZone: 'Europe/Paris' } };
    expect(scheduleOf(settings)).toEqual({ zone: 'Europe/Paris', days: [1, 2, 3], startHour: 8.5, endHour: 17.75 });
  });

  it('reads a closing time of 00:00 as the end of the day', () => {
    const settings = { ...defaultSettings('UTC'), businessHours: { days: [6, 7], start: '10:00', end: '00:00', timeZone: 'UTC' } };
    expect(scheduleOf(settings).endHour).toBe(24);
  });
});

describe('log:export', () => {
  it('saves an XLSX workbook where the user chose, in the app language', async () => {
    const t = tempDir();
    try {
      const log = await LogService.open(t.file, {
        decodeItemTime: fakeDecode,
        now: () => new Date('2026-03-31T12:00:00Z'),
        schedule: defaultSchedule('Europe/Paris'),
      });
      await log.recordReply({ account: brand, platform: 'x', replyToId: 't2026-03-30T07:00:00Z', sentAt: '2026-03-30T08:00:00Z', excerpt: null });
      const target = join(t.dir, 'chosen.xlsx');
      const asked: string[][] = [];
      const handlers = handlersOver(log, 'fr', { saveAs: async (name, extensions) => (asked.push([name, ...extensions]), target) });
      expect(await handlers['log:export']('xlsx', {})).toEqual({ path: target, count: 1 });
      expect(asked).toEqual([['hatrack-response-times-2026-03-31.xlsx', 'xlsx']]);
      await log.close();
      const book = new ExcelJS.Workbook();
      await book.xlsx.readFile(target);
      expect(book.worksheets.map((sheet) => sheet.name)).toEqual(['Résumé', 'Réponses']);
      expect(book.getWorksheet('Réponses')?.getRow(2).getCell(10).value).toBe(60);
    } finally {
      t.cleanup();
    }
  });
});

describe('log:set-start', () => {
  it('refuses a start after the reply or in the future, as imports do, and keeps a valid one', async () => {
    const t = tempDir();
    try {
      const log = await LogService.open(t.file, { decodeItemTime: fakeDecode, now: () => new Date('2026-03-31T12:00:00Z') });
      const id = await log.recordReply({ account: brand, platform: 'x', replyToId: 'no-time-in-this-id', sentAt: '2026-03-30T08:00:00Z', excerpt: null });
      const handlers = handlersOver(log, 'en');
      await expect(handlers['log:set-start'](id, '2026-03-30T09:00:00Z')).rejects.toThrow('errors.startAfterReply');
      await expect(handlers['log:set-start'](id, '2026-04-02T09:00:00Z')).rejects.toThrow('errors.startInFuture');
      expect(log.entry(id)?.startAt).toBeNull();
      expect((await handlers['log:set-start'](id, '2026-03-30T07:30:00Z')).responseMs).toBe(30 * 60_000);
      await log.close();
    } finally {
      t.cleanup();
    }
  });
});
