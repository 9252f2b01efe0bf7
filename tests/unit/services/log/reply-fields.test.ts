// A reply line's fields are defined once (replyLineSchema): the writer, the byte reader, the column index, the rows
// and the exports all carry each of them, and this test fails the day one of them does not.
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LogService } from '../../../../electron/main/services/log/log-service.ts';
import { CSV_COLUMNS, csvRow } from '../../../../shared/log/csv-export.ts';
import { ACCOUNT_REF_KEYS, REPLY_LINE_KEYS, validateLogLine, type ReplyLine } from '../../../../shared/log/entry-schema.ts';
import { jsonEntry } from '../../../../shared/log/json-export.ts';
import { LocalTimeFormatter } from '../../../../shared/log/local-time.ts';
import type { ReplyRow } from '../../../../shared/log/model.ts';
import { newReplyScan, scanReplyLine } from '../../../../shared/log/reply-scan.ts';
import { brand, fakeDecode, sequentialIds, tempDirForTest } from './test-helpers.ts';

type CsvColumn = (typeof CSV_COLUMNS)[number];

/** How each line field reads back from a row. Typed by the schema: a new field does not compile until it is here. */
const LINE_TO_ROW: { readonly [K in keyof ReplyLine]-?: (row: ReplyRow) => unknown } = {
  v: () => 1,
  type: () => 'reply',
  id: (row) => row.id,
  account: (row) => row.account,
  platform: (row) => row.platform,
  replyToId: (row) => row.replyToId,
  targetCreatedAt: (row) => row.targetCreatedAt,
  startSource: (row) => row.startSource,
  sentAt: (row) => row.sentAt,
  responseMs: (row) => row.responseMs,
  excerpt: (row) => row.excerpt,
};

/** The CSV columns each line field appears in (the exports are derived from rows; this is their divergence check). */
const LINE_TO_CSV: { readonly [K in keyof ReplyLine]-?: readonly CsvColumn[] } = {
  v: [],
  type: [],
  id: ['id'],
  account: ['account', 'account_id', 'account_name', 'kind'],
  platform: ['platform'],
  replyToId: ['item'],
  targetCreatedAt: ['received_at', 'received_local'],
  startSource: ['start_source'],
  sentAt: ['replied_at', 'replied_local'],
  responseMs: ['response_seconds', 'response'],
  excerpt: ['excerpt'],
};
/** CSV columns that come from the settings rather than the line. */
const DERIVED_CSV: readonly CsvColumn[] = ['business_seconds', 'business_response', 'target_minutes', 'within_target'];

async function written(): Promise<{ file: string; lines: ReplyLine[]; raw: string[] }> {
  const t = tempDirForTest();
  const log = await LogService.open(t.file, { decodeItemTime: fakeDecode, newId: sequentialIds(), now: () => new Date('2026-03-10T12:00:00Z') });
  await log.recordReply({ account: brand, platform: 'x', replyToId: 't2026-03-10T10:00:00.000Z', sentAt: '2026-03-10T10:12:00Z', excerpt: 'Thanks, "é" 😀' });
  await log.recordReply({ account: { ...brand, name: '' }, platform: 'mastodon', replyToId: 'opaque', sentAt: '2026-03-10T11:00:00Z', excerpt: null });
  await log.close();
  const raw = readFileSync(t.file, 'utf8').trim().split('\n');
  const lines = raw.map((text) => {
    const result = validateLogLine(JSON.parse(text));
    if (!result.ok || result.line.type !== 'reply') throw new Error(`not a reply line: ${text}`);
    return result.line;
  });
  return { file: t.file, lines, raw };
}

async function rowsOf(file: string): Promise<ReplyRow[]> {
  const log = await LogService.open(file, { decodeItemTime: fakeDecode, now: () => new Date('2026-03-10T12:00:00Z') });
  const rows = log.query({}).rows;
  await log.close();
  return [...rows].sort((a, b) => a.id.localeCompare(b.id));
}

describe('one definition of a reply line', () => {
  it('the app writes the schema’s keys in the schema’s order, and the byte reader takes every such line', async () => {
    const { raw } = await written();
    const bytes = new TextEncoder();
    for (const text of raw) {
      const value = JSON.parse(text) as Record<string, unknown>;
      expect(Object.keys(value)).toEqual(REPLY_LINE_KEYS);
      expect(Object.keys(value.account as object)).toEqual(ACCOUNT_REF_KEYS);
      const b = bytes.encode(text);
      expect(scanReplyLine(b, 0, b.length, newReplyScan()), text).toBe(true);
    }
  });

  it('every field comes back out of the column index, by the byte reader and by the JSON path alike', async () => {
    const { file, lines } = await written();
    const fast = await rowsOf(file);
    // The same lines with their keys reversed: the byte reader declines them and JSON.parse + schema load them.
    writeFileSync(file, lines.map((line) => JSON.stringify(Object.fromEntries(Object.entries(line).reverse()))).join('\n') + '\n');
    const slow = await rowsOf(file);
    for (const rows of [fast, slow]) {
      expect(rows).toHaveLength(lines.length);
      lines.forEach((line, k) => {
        for (const key of REPLY_LINE_KEYS) expect(LINE_TO_ROW[key](rows[k] as ReplyRow), key).toEqual(line[key]);
      });
    }
  });

  it('every CSV column is a line field or a named derived value, and each field’s value is in its columns', async () => {
    const { file, lines } = await written();
    const rows = await rowsOf(file);
    const mapped = [...REPLY_LINE_KEYS.flatMap((key) => LINE_TO_CSV[key]), ...DERIVED_CSV];
    expect([...mapped].sort()).toEqual([...CSV_COLUMNS].sort());
    const local = new LocalTimeFormatter('UTC');
    rows.forEach((row, k) => {
      const line = lines[k] as ReplyLine;
      const cells = csvRow(row, local).trimEnd().split(',');
      const cell = (column: CsvColumn) => cells[CSV_COLUMNS.indexOf(column)];
      expect(cell('id')).toBe(line.id);
      expect(cell('account_id')).toBe(line.account.id);
      expect(cell('platform')).toBe(line.platform);
      expect(cell('item')).toBe(line.replyToId);
      expect(cell('received_at')).toBe(line.targetCreatedAt ?? '');
      expect(cell('replied_at')).toBe(line.sentAt);
      expect(cell('start_source')).toBe(line.startSource);
      expect(cell('response_seconds')).toBe(line.responseMs === null ? '' : String(Math.round(line.responseMs / 1000)));
    });
  });

  it('the JSON export carries every field of every row', async () => {
    const { file, lines } = await written();
    const rows = await rowsOf(file);
    rows.forEach((row, k) => {
      const entry = JSON.parse(jsonEntry(row, true)) as ReplyRow;
      for (const key of REPLY_LINE_KEYS) expect(LINE_TO_ROW[key](entry), key).toEqual((lines[k] as ReplyLine)[key]);
    });
  });
});
