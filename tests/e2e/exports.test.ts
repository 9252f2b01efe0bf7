// Exports and imports from the dashboard in Chromium: the XLSX button (IDs kept whole, a summary sheet) and
// a CSV imported twice, which adds nothing the second time.
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { freshDir, openDashboard } from './harness/fixtures.ts';
import { useWorld } from './harness/world.ts';

const world = useWorld();

describe('dashboard exports and imports', () => {
  it('exports XLSX from its button: the 19-digit item ID stays whole, with a summary sheet', async () => {
    const app = await world.start();
    const account = { id: randomUUID(), handle: 'acme', name: 'Acme Coffee', kind: 'brand' as const };
    const itemId = '1899999999999999999';
    await app.services.log.recordReply({ account, platform: 'x', replyToId: itemId, sentAt: new Date(), excerpt: '=1+1' });
    const dashboard = await openDashboard(app);
    const path = join(freshDir(), 'export.xlsx');
    app.files.nextSavePath = path;
    await dashboard.getByTestId('export-xlsx').click();
    await expect.poll(() => dashboard.getByTestId('transfer-status').textContent()).toBe(`Saved 1 entry to ${path}`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(path);
    expect(book.worksheets.map((sheet) => sheet.name)).toEqual(['Summary', 'Replies']);
    const row = book.getWorksheet('Replies')?.getRow(2);
    expect(row?.getCell(6).value).toBe(itemId);
    expect(row?.getCell(14).value).toBe("'=1+1");
    const facts = new Map<string, unknown>();
    book.getWorksheet('Summary')?.eachRow((r) => facts.set(String(r.getCell(1).value), r.getCell(2).value));
    expect(facts.get('Period')).toBe('all entries');
    expect(facts.get('Replies')).toBe(1);
  });

  it('warns at start-up about log lines that are not UTF-8, naming them, and still shows their entries', async () => {
    const dataDir = freshDir();
    const account = { id: randomUUID(), handle: 'acme', name: 'Acme', kind: 'brand' };
    const line = (id: string, excerpt: string) =>
      JSON.stringify({
        v: 1,
        type: 'reply',
        id,
        account,
        platform: 'x',
        replyToId: 'no-time',
        targetCreatedAt: '2026-11-02T09:00:00.000Z',
        startSource: 'import',
        sentAt: '2026-11-02T09:30:00.000Z',
        responseMs: 1_800_000,
        excerpt,
      }) + '\n';
    // Line 2 holds a Windows-1252 "é" (one byte, 0xE9), as a hand edit in another editor would leave it.
    writeFileSync(join(dataDir, 'hatrack-log.jsonl'), Buffer.concat([Buffer.from(line('a', 'fine')), Buffer.from(line('b', 'caf\u00e9'), 'latin1')]));
    const app = await world.start({ dataDir });
    const warning = app.page.getByTestId('warnings');
    await warning.waitFor();
    expect(await warning.textContent()).toContain(
      `1 line of the response-time log holds bytes that are not UTF-8 (line 2 of ${join(dataDir, 'hatrack-log.jsonl')})`,
    );
    expect(app.services.log.query({}).total).toBe(2);
  });

  it('imports the same CSV twice: the second time adds nothing and says so', async () => {
    const app = await world.start();
    const file = join(freshDir(), 'past.csv');
    writeFileSync(
      file,
      'account,platform,item,received_at,replied_at\nacme,x,1790000000000000001,2026-11-02T09:00:00Z,2026-11-02T09:30:00Z\nacme,mastodon,113000000000000001,2026-11-02T09:00:00Z,2026-11-02T09:45:00Z\n',
    );
    const dashboard = await openDashboard(app);
    app.files.nextOpenPath = file;
    await dashboard.getByTestId('import').click();
    await expect.poll(() => app.services.log.query({}).total).toBe(2);
    await expect.poll(() => dashboard.getByTestId('transfer-status').textContent()).toMatch(/Imported 2 entries/);
    await dashboard.getByTestId('import').click();
    await expect.poll(() => dashboard.getByTestId('transfer-status').textContent()).toBe('Imported 0 entries; 2 already present.');
    expect(app.services.log.query({}).total).toBe(2);
  });
});
