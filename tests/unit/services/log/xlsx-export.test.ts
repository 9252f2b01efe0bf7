// The XLSX export read back with exceljs: IDs as text, dates as real dates in the chosen zone, durations as
// minutes, formula injection neutralised, and a summary sheet with the period, filters and business hours.
import { describe, it, expect, afterEach } from 'vitest';
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { LogService } from '../../../../electron/main/services/log/log-service.ts';
import { brand, fakeDecode, personal, sequentialIds, tempDir } from './test-helpers.ts';

const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

const LONG_ID = '1899999999999999999';

async function seeded() {
  const t = tempDir();
  cleanups.push(t.cleanup);
  const log = await LogService.open(t.file, {
    decodeItemTime: fakeDecode,
    newId: sequentialIds(),
    now: () => new Date('2026-03-31T12:00:00Z'),
    schedule: { zone: 'Europe/Paris', days: [1, 2, 3, 4, 5], startHour: 9, endHour: 17.5 },
  });
  cleanups.push(() => void log.close());
  await log.recordReply({
    account: brand,
    platform: 'x',
    replyToId: 't2026-03-27T15:00:00Z',
    sentAt: '2026-03-30T08:00:00Z',
    excerpt: '=HYPERLINK("http://evil","x")',
  });
  await log.recordReply({ account: brand, platform: 'x', replyToId: LONG_ID, sentAt: '2026-03-30T08:30:00Z', excerpt: '@SUM(A1)' });
  await log.setManualStart('e2', '2026-03-30T08:00:00Z');
  await log.recordReply({ account: personal, platform: 'bluesky', replyToId: 'unknown-id', sentAt: '2026-03-30T09:00:00Z', excerpt: 'Merci, à bientôt' });
  return log;
}

async function workbookOf(log: LogService, filter = {}, locale?: string): Promise<ExcelJS.Workbook> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  const count = await log.exportTo('xlsx', filter, out, locale ? { locale } : {});
  out.end();
  expect(count).toBeGreaterThan(0);
  const book = new ExcelJS.Workbook();
  const bytes = Buffer.concat(chunks);
  // exceljs types its Buffer against older @types/node; the bytes are what it reads.
  await book.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length) as ArrayBuffer);
  return book;
}

function column(sheet: ExcelJS.Worksheet, header: string): number {
  const headers = (sheet.getRow(1).values as unknown[]).map((value) => String(value ?? ''));
  const at = headers.indexOf(header);
  expect(at, `column "${header}" in ${headers.join(' | ')}`).toBeGreaterThan(0);
  return at;
}

describe('XLSX export', () => {
  it('writes item IDs as text, local dates as dates, durations as minutes, and neutralises formulas', async () => {
    const log = await seeded();
    const sheet = (await workbookOf(log)).getWorksheet('Replies');
    expect(sheet).toBeDefined();
    if (!sheet) return;
    expect(sheet.rowCount).toBe(4);
    const first = sheet.getRow(2);
    const second = sheet.getRow(3);
    const item = second.getCell(column(sheet, 'Item'));
    expect(item.type).toBe(ExcelJS.ValueType.String);
    expect(item.value).toBe(LONG_ID);
    // Excel dates carry no zone: the cell holds the wall-clock time in Europe/Paris (UTC+1 before 29 March, +2 after).
    const received = first.getCell(column(sheet, 'Received (Europe/Paris)'));
    expect(received.type).toBe(ExcelJS.ValueType.Date);
    expect(received.value).toEqual(new Date('2026-03-27T16:00:00Z'));
    expect(received.numFmt).toBe('yyyy-mm-dd hh:mm:ss');
    expect(first.getCell(column(sheet, 'Replied (Europe/Paris)')).value).toEqual(new Date('2026-03-30T10:00:00Z'));
    const minutes = first.getCell(column(sheet, 'Response (minutes)'));
    expect(minutes.type).toBe(ExcelJS.ValueType.Number);
    expect(minutes.value).toBe(65 * 60);
    expect(first.getCell(column(sheet, 'Business hours (minutes)')).value).toBe(150); // Fri 16:00–17:30, Mon 09:00–10:00
    expect(second.getCell(column(sheet, 'Response (minutes)')).value).toBe(30);
    expect(first.getCell(column(sheet, 'Excerpt')).value).toBe(`'=HYPERLINK("http://evil","x")`);
    expect(second.getCell(column(sheet, 'Excerpt')).value).toBe(`'@SUM(A1)`);
    expect(first.getCell(column(sheet, 'Within target')).value).toBe('no');
    const third = sheet.getRow(4);
    expect(third.getCell(column(sheet, 'Received (Europe/Paris)')).value).toBeNull();
    expect(third.getCell(column(sheet, 'Response (minutes)')).value).toBeNull();
    expect(third.getCell(column(sheet, 'Start')).value).toBe('unknown');
  });

  it('has a summary sheet with the period, the filters and the business-hours schedule used', async () => {
    const log = await seeded();
    // The dashboard filters by account id: the sheet names the account by its handle.
    const book = await workbookOf(log, { from: '2026-03-29T22:00:00Z', to: '2026-03-30T22:00:00Z', accounts: [brand.id], platforms: ['x'] });
    expect(book.worksheets.map((sheet) => sheet.name)).toEqual(['Summary', 'Replies']);
    const summary = book.getWorksheet('Summary');
    if (!summary) throw new Error('no summary sheet');
    const facts = new Map<string, unknown>();
    summary.eachRow((row) => facts.set(String(row.getCell(1).value), row.getCell(2).value));
    expect(facts.get('Period')).toBe('2026-03-30 00:00 – 2026-03-31 00:00 (Europe/Paris)');
    expect(facts.get('Accounts')).toBe('@acme');
    expect(facts.get('Platforms')).toBe('x');
    expect(facts.get('Account kind')).toBe('all');
    expect(facts.get('Time zone')).toBe('Europe/Paris');
    expect(facts.get('Business hours')).toBe('Mon–Fri 09:00–17:30 (Europe/Paris)');
    expect(facts.get('Generated')).toEqual(new Date('2026-03-31T14:00:00Z'));
    expect(facts.get('Replies')).toBe(2);
    expect(facts.get('Median (minutes)')).toBe((65 * 60 + 30) / 2);
    expect(book.getWorksheet('Replies')?.rowCount).toBe(3);
  });

  it('speaks French when asked', async () => {
    const log = await seeded();
    const book = await workbookOf(log, {}, 'fr');
    expect(book.worksheets.map((sheet) => sheet.name)).toEqual(['Résumé', 'Réponses']);
    const summary = book.getWorksheet('Résumé');
    const facts = new Map<string, unknown>();
    summary?.eachRow((row) => facts.set(String(row.getCell(1).value), row.getCell(2).value));
    expect(facts.get('Période')).toBe('toutes les entrées');
    expect(facts.get('Heures ouvrées')).toBe('lun.–ven. 09:00–17:30 (Europe/Paris)');
  });
});
