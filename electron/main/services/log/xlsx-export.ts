// Writes the XLSX export with exceljs's streaming writer (rows are committed as they come, so a large log does
// not sit in memory twice): a summary sheet, then one row per reply, laid out by shared/log/xlsx-layout.ts.
import { PassThrough } from 'node:stream';
import { finished } from 'node:stream/promises';
import ExcelJS from 'exceljs';
import { LocalTimeFormatter } from '../../../../shared/log/local-time.ts';
import type { ReplyRow } from '../../../../shared/log/model.ts';
import { replyCells, replyColumns, summaryRows, xlsxText, type XlsxSummaryInput } from '../../../../shared/log/xlsx-layout.ts';

/** Streams the workbook into `out` (which is left open for the caller to end). */
export async function writeXlsx(out: NodeJS.WritableStream, input: XlsxSummaryInput, rows: Iterable<ReplyRow>): Promise<void> {
  const t = xlsxText(input.locale);
  const local = new LocalTimeFormatter(input.schedule.zone);
  // exceljs ends the stream it writes to; the caller owns `out`, so the zip goes through a pipe that leaves it open.
  const zip = new PassThrough();
  zip.pipe(out as NodeJS.WritableStream, { end: false });
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: zip, useStyles: true, useSharedStrings: false });
  book.creator = 'Hatrack';
  book.created = new Date(input.generatedMs);

  const summary = book.addWorksheet(t.summarySheet);
  summary.columns = [{ width: 28 }, { width: 44 }, { width: 18 }];
  for (const line of summaryRows(input, local, t)) {
    const row = summary.addRow([line.label, ...line.values]);
    if (line.numFmt) for (let c = 2; c <= line.values.length + 1; c++) row.getCell(c).numFmt = line.numFmt;
    if (line.values.length === 0 || line.label === '') row.font = { bold: true };
    row.commit();
  }
  summary.commit();

  const sheet = book.addWorksheet(t.repliesSheet, { views: [{ state: 'frozen', ySplit: 1 }] });
  const columns = replyColumns(t, input.schedule.zone);
  sheet.columns = columns.map((column) => ({ header: column.header, width: column.width, ...(column.numFmt ? { style: { numFmt: column.numFmt } } : {}) }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) sheet.addRow(replyCells(row, local, t)).commit();
  sheet.commit();
  await book.commit();
  await finished(zip);
}
