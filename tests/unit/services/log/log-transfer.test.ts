// Exports and imports through LogService on real files: CSV safety, round trips, JSON dedupe, HTML escaping, all-or-nothing import.
import { describe, it, expect, afterEach } from 'vitest';
import { readFileSync } from 'node:fs';
import { PassThrough } from 'node:stream';
import { LogService } from '../../../../electron/main/services/log/log-service.ts';
import { parseCsv } from '../../../../shared/log/csv.ts';
import { FRENCH_REPORT_TEXT } from '../../../../shared/log/report-text-fr.ts';
import { decodeImportBytes } from '../../../../electron/main/services/log/log-transfer.ts';
import { brand, fakeDecode, personal, sequentialIds, tempDir } from './test-helpers.ts';

const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

async function openTemp(prefix = 'e') {
  const t = tempDir();
  cleanups.push(t.cleanup);
  const log = await LogService.open(t.file, {
    decodeItemTime: fakeDecode,
    newId: sequentialIds(prefix),
    now: () => new Date('2026-03-31T12:00:00Z'),
    schedule: { zone: 'Europe/Paris', days: [1, 2, 3, 4, 5], startHour: 9, endHour: 17 },
  });
  cleanups.push(() => void log.close());
  return { log, file: t.file };
}

async function exported(log: LogService, format: 'csv' | 'json' | 'html', filter = {}): Promise<string> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  await log.exportTo(format, filter, out);
  out.end();
  return Buffer.concat(chunks).toString('utf8');
}

async function seed(log: LogService) {
  await log.recordReply({
    account: brand,
    platform: 'x',
    replyToId: 't2026-03-27T15:00:00Z',
    sentAt: '2026-03-30T08:00:00Z',
    excerpt: '=HYPERLINK("http://evil")',
  });
  await log.recordReply({
    account: personal,
    platform: 'bluesky',
    replyToId: 't2026-03-30T08:00:00Z',
    sentAt: '2026-03-30T08:10:00Z',
    excerpt: 'Merci, "voilà", à bientôt\nJo',
  });
  await log.recordReply({ account: brand, platform: 'mastodon', replyToId: 'unknown-id', sentAt: '2026-03-30T09:00:00Z', excerpt: null });
}

describe('exports', () => {
  it('writes a spreadsheet-safe CSV with BOM, UTC and local times, durations and target flags', async () => {
    const { log } = await openTemp();
    await seed(log);
    const text = await exported(log, 'csv');
    expect(text.startsWith('\uFEFFid,account,account_id,')).toBe(true);
    const [header, first, second, third] = parseCsv(text).map((r) => r.cells);
    const col = (row: string[] | undefined, name: string) => row?.[header?.indexOf(name) ?? -1];
    expect(col(first, 'received_at')).toBe('2026-03-27T15:00:00.000Z');
    expect(col(first, 'received_local')).toBe('2026-03-27 16:00:00');
    expect(col(first, 'replied_local')).toBe('2026-03-30 10:00:00');
    expect(col(first, 'response_seconds')).toBe(String(65 * 3600));
    expect(col(first, 'response')).toBe('2 d 17 h');
    expect(col(first, 'business_response')).toBe('2 h 00 min');
    expect(col(first, 'within_target')).toBe('no');
    expect(col(first, 'excerpt')).toBe(`'=HYPERLINK("http://evil")`);
    expect(col(second, 'excerpt')).toBe('Merci, "voilà", à bientôt\nJo');
    expect(col(second, 'within_target')).toBe('yes');
    expect(col(third, 'start_source')).toBe('unknown');
    expect(col(third, 'response')).toBe('');
  });

  it('round-trips CSV: export, import into an empty log, export again gives the same rows', async () => {
    const { log } = await openTemp();
    await seed(log);
    await log.setManualStart('e3', '2026-03-30T08:30:00Z');
    const first = await exported(log, 'csv');
    const { log: other } = await openTemp('z');
    expect(await other.importFile(first, 'csv')).toEqual({ ok: true, added: 3, duplicates: 0 });
    expect(await exported(other, 'csv')).toBe(first);
    expect(await other.importFile(first, 'csv')).toEqual({ ok: true, added: 0, duplicates: 3 });
  });

  it('exports JSON with filter and summary, and imports it elsewhere de-duplicated by id', async () => {
    const { log } = await openTemp();
    await seed(log);
    const text = await exported(log, 'json', { accounts: ['acme'] });
    const document = JSON.parse(text);
    expect(document).toMatchObject({ schema: 'hatrack.log.export', v: 1, filter: { accounts: ['acme'] } });
    expect(document.summary.total).toBe(2);
    expect(document.entries.map((e: { id: string }) => e.id)).toEqual(['e1', 'e3']);
    const { log: other, file } = await openTemp('z');
    await other.recordReply({ account: personal, platform: 'x', replyToId: 'mine', sentAt: '2026-03-30T10:00:00Z', excerpt: null });
    expect(await other.importFile(text, 'json')).toEqual({ ok: true, added: 2, duplicates: 0 });
    expect(await other.importFile(text, 'json')).toEqual({ ok: true, added: 0, duplicates: 2 });
    expect(other.query({}).total).toBe(3);
    expect(readFileSync(file, 'utf8').trim().split('\n')).toHaveLength(3);
  });

  it('builds a self-contained HTML report with user text escaped', async () => {
    const { log } = await openTemp();
    await seed(log);
    await log.recordReply({
      account: { ...brand, name: '<script>alert(1)</script>' },
      platform: 'x',
      replyToId: 't2026-03-30T08:00:00Z',
      sentAt: '2026-03-30T09:00:00Z',
      excerpt: '<img src=x onerror=alert(1)>',
    });
    const html = await exported(log, 'html');
    expect(html).toContain('<svg');
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(html).toContain('&#60;img src=x onerror=alert(1)&#62;');
    expect(html).not.toMatch(/(src|href)=["']?https?:/);
    expect(html).toContain('&#60;script&#62;alert(1)&#60;/script&#62;');
    expect(html).toContain('Slowest replies');
  });

  it('prints every time of the HTML report in the chosen zone, with the filter and the business hours used', async () => {
    const { log } = await openTemp();
    await seed(log);
    // The account named by id and by two spellings of its handle is listed once, as @handle.
    const html = await exported(log, 'html', { from: '2026-03-29T22:00:00Z', accounts: [brand.id, '@ACME', 'acme', 'someone-else'] });
    // now() is 2026-03-31T12:00:00Z: 14:00 in Paris (summer time since 29 March).
    expect(html).toContain('Generated: 2026-03-31 14:00 (Europe/Paris)');
    // No UTC time anywhere (the fake item IDs "t<ISO>" are IDs, not times).
    expect(html).not.toMatch(/(?<!t)\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z/);
    expect(html).toContain('from 2026-03-30 00:00 (Europe/Paris)');
    expect(html).toContain('Accounts: @acme, someone-else');
    expect(html).toContain('Business hours: Mon–Fri 09:00–17:00 (Europe/Paris)');
    // "Sent" of the slowest reply (08:00Z) in Paris time.
    expect(html).toMatch(/<td class="t">2026-03-30 10:00<\/td>/);
  });

  it('writes the French report with French typography and French period words', async () => {
    const { log } = await openTemp();
    await seed(log);
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (chunk: Buffer) => chunks.push(chunk));
    await log.exportTo('html', { to: '2026-03-31T22:00:00Z' }, out, { text: FRENCH_REPORT_TEXT });
    out.end();
    const html = Buffer.concat(chunks).toString('utf8');
    expect(html).toContain('<html lang="fr">');
    expect(html).toContain('Généré le\u00a0: 2026-03-31 14:00 (Europe/Paris)');
    expect(html).toContain('Période\u00a0: jusqu’au 2026-04-01 00:00 (Europe/Paris)');
    expect(html).toContain('Heures ouvrées\u00a0: lun.–ven. 09:00–17:00 (Europe/Paris)');
    expect(html).toContain('2 j 17 h');
    expect(html).toContain('Acme (@acme, marque)');
    expect(html).toContain('Jo (@jo, personnel)');
  });

  it('draws the business-hours series in the daily chart, with its legend', async () => {
    const { log } = await openTemp();
    await seed(log);
    const html = await exported(log, 'html');
    const daily = /<svg[^>]*aria-label="Daily median"[\s\S]*?<\/svg>/.exec(html)?.[0] ?? '';
    expect(daily.match(/<polyline /g)).toHaveLength(2);
    expect(daily).toContain('>Calendar time</text>');
    expect(daily).toContain('>Business hours</text>');
    expect(daily).toMatch(/<title>2026-03-30 · Business hours: 1 h 05 min<\/title>/);
  });
});

const ACCEPTED_DATES =
  'accepted dates: ISO 8601 with an offset (2026-03-30T08:30:00Z, 2026-03-30T10:30:00+02:00), or a local time in Europe/Paris written 2026-03-30 10:30, 2026-03-30 10:30:00 or 2026-03-30T10:30';

describe('import', () => {
  it('refuses a file that is not UTF-8, naming its lines, instead of importing replacement characters', () => {
    const latin1 = Buffer.from(
      'account,platform,item,received_at,replied_at,excerpt\nacme,x,1,,2026-03-30T08:30:00Z,ok\nacme,x,2,,2026-03-30T08:30:00Z,caf\u00e9\n',
      'latin1',
    );
    expect(decodeImportBytes(latin1)).toEqual({ ok: false, errors: ['line 3: not UTF-8 text (save the file as "CSV UTF-8")'] });
    const utf8 = Buffer.from('\uFEFFaccount\ncafé\n', 'utf8');
    expect(decodeImportBytes(utf8)).toEqual({ ok: true, text: '\uFEFFaccount\ncafé\n' });
  });

  it('imports the same CSV twice without adding anything the second time', async () => {
    const { log, file } = await openTemp();
    const csv =
      'account,platform,item,received_at,replied_at\nacme,x,1,2026-03-30T08:00:00Z,2026-03-30T08:10:00Z\nacme,x,2,,2026-03-30T08:20:00Z\njo,bluesky,t2026-03-30T08:00:00Z,,2026-03-30T09:00:00Z\njo,x,3,2026-03-30 09:00,2026-03-30T09:00:00Z\n';
    expect(await log.importFile(csv, 'csv')).toEqual({ ok: true, added: 4, duplicates: 0 });
    expect(await log.importFile(csv, 'csv')).toEqual({ ok: true, added: 0, duplicates: 4 });
    // The same rows in another shape (semicolons, URL, @handle, upper case) are the same replies.
    const again = 'Account;Platform;Item;Received_At;Replied_At\r\n@ACME;X;https://x.com/acme/status/1;2026-03-30T10:00:00+02:00;2026-03-30T08:10:00.000Z\r\n';
    expect(await log.importFile(again, 'csv')).toEqual({ ok: true, added: 0, duplicates: 1 });
    expect(log.query({}).total).toBe(4);
    expect(readFileSync(file, 'utf8').trim().split('\n')).toHaveLength(4);
  });

  it('rejects, with line numbers, a reply dated before its item and dates in the future', async () => {
    const { log } = await openTemp();
    const csv = [
      'account,platform,item,received_at,replied_at',
      'acme,x,1,2026-03-30T08:00:00Z,2026-03-30T07:59:00Z',
      'acme,x,2,,2026-04-02T08:00:00Z',
      'acme,x,3,2026-04-01T08:00:00Z,2026-03-30T08:00:00Z',
      'acme,x,t2026-03-30T09:00:00Z,,2026-03-30T08:00:00Z',
      'acme,x,5,2026-03-30T08:00:00Z,2026-03-30T08:00:00Z',
      '',
    ].join('\n');
    expect(await log.importFile(csv, 'csv')).toEqual({
      ok: false,
      errors: [
        'line 2: replied_at 2026-03-30T07:59:00Z is before received_at 2026-03-30T08:00:00Z',
        'line 3: replied_at 2026-04-02T08:00:00Z is in the future',
        'line 4: received_at 2026-04-01T08:00:00Z is in the future',
        'line 5: replied_at 2026-03-30T08:00:00Z is before the item was created (2026-03-30T09:00:00.000Z, from its ID)',
      ],
    });
    expect(log.query({}).total).toBe(0);
  });

  it('applies the same date checks to JSON imports, naming the entry', async () => {
    const { log } = await openTemp();
    const entry = (id: string, startAt: string | null, sentAt: string) => ({
      id,
      account: brand,
      platform: 'x',
      replyToId: id,
      startAt,
      startSource: 'import',
      sentAt,
      excerpt: null,
    });
    const json = JSON.stringify({
      schema: 'hatrack.log.export',
      v: 1,
      entries: [entry('a', '2026-03-30T08:00:00Z', '2026-03-30T07:00:00Z'), entry('b', null, '2027-01-01T00:00:00Z')],
    });
    expect(await log.importFile(json, 'json')).toEqual({
      ok: false,
      errors: ['entry 1: sentAt 2026-03-30T07:00:00Z is before startAt 2026-03-30T08:00:00Z', 'entry 2: sentAt 2027-01-01T00:00:00Z is in the future'],
    });
  });

  it('imports a CSV of past replies with URLs and case-insensitive headers', async () => {
    const { log } = await openTemp();
    const csv =
      'Account,PLATFORM,Item,Received_At,Replied_At\n@acme,x,https://x.com/acme/status/42,2026-03-30 10:00,2026-03-30T08:30:00Z\njo,Bluesky,t2026-03-30T08:00:00Z,,2026-03-30T08:05:00Z\nacme,x,zz,,2026-03-30T08:05:00Z\n';
    expect(await log.importFile(csv, 'csv')).toEqual({ ok: true, added: 3, duplicates: 0 });
    const rows = log.query({}).rows;
    expect(rows.find((r) => r.replyToId === '42')).toMatchObject({ startSource: 'import', responseMs: 30 * 60_000, account: { handle: 'acme' } });
    expect(rows.find((r) => r.platform === 'bluesky')).toMatchObject({ startSource: 'decoded', responseMs: 5 * 60_000 });
    expect(rows.find((r) => r.replyToId === 'zz')).toMatchObject({ startSource: 'unknown', responseMs: null });
  });

  it('rejects a file with bad rows entirely, naming each line', async () => {
    const { log, file } = await openTemp();
    const csv = 'account,platform,item,received_at,replied_at\nacme,x,1,,2026-03-30T08:30:00Z\nacme,myspace,2,,2026-03-30T08:30:00Z\n\nacme,x,3,,soon\n';
    const result = await log.importFile(csv, 'csv');
    expect(result).toEqual({
      ok: false,
      errors: [
        'line 3: platform "myspace" is not one of x, mastodon, bluesky, threads, linkedin, facebook, instagram, reddit, youtube, custom',
        'line 5: replied_at "soon" is not a date',
        ACCEPTED_DATES,
      ],
    });
    expect(log.query({}).total).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe('');
    expect(await log.importFile('account,item\n', 'csv')).toEqual({ ok: false, errors: ['line 1: missing column(s): platform, received_at, replied_at'] });
    expect(await log.importFile('{"schema":"other"}', 'json')).toMatchObject({ ok: false });
  });
});
