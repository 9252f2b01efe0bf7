// `hatrack log` on real temp files: import, export (stdout and --out), stats, and exit codes for bad input.
import { describe, it, expect, afterEach, beforeEach } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { Command, CommanderError } from 'commander';
import ExcelJS from 'exceljs';
import { registerLog } from '../../../electron/cli/log-command.ts';
import type { DecodeItemTime } from '../../../shared/log/entry-schema.ts';

const decode: DecodeItemTime = (_platform, id) => (id.startsWith('t') ? new Date(id.slice(1)) : null);

function sink(): { stream: Writable; text: () => string } {
  const chunks: Buffer[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      chunks.push(Buffer.from(chunk));
      done();
    },
  });
  return { stream, text: () => Buffer.concat(chunks).toString('utf8') };
}

let dir = '';
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'hatrack-cli-'));
  process.exitCode = undefined;
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
  process.exitCode = undefined;
});

/** Runs like electron/cli/main.ts does: commander errors become exit code 2. */
async function hatrack(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  return hatrackWith(decode, ...argv);
}

/** `hatrack` with the item-time decoder given (a counting one, say). */
async function hatrackWith(decodeItemTime: DecodeItemTime, ...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out = sink();
  const err = sink();
  process.exitCode = undefined;
  const program = new Command('hatrack')
    .exitOverride()
    .configureOutput({ writeErr: (text) => err.stream.write(text), writeOut: (text) => out.stream.write(text) });
  registerLog(program, { decodeItemTime, stdout: out.stream, stderr: err.stream, logPath: () => join(dir, 'default', 'hatrack-log.jsonl') });
  let code: number;
  try {
    await program.parseAsync(argv, { from: 'user' });
    code = typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error;
    code = error.exitCode === 0 ? 0 : 2;
  }
  process.exitCode = undefined;
  return { code, out: out.text(), err: err.text() };
}

const CSV =
  'account,platform,item,received_at,replied_at\nacme,x,https://x.com/acme/status/1,2026-03-30T08:00:00Z,2026-03-30T08:10:00Z\nacme,x,2,2026-03-30T08:00:00Z,2026-03-30T10:00:00Z\njo,mastodon,t2026-03-31T08:00:00Z,,2026-03-31T08:30:00Z\n';

describe('hatrack log', () => {
  it('imports, exports and summarises a log file', async () => {
    const log = join(dir, 'log.jsonl');
    writeFileSync(join(dir, 'past.csv'), CSV);
    const imported = await hatrack('log', 'import', join(dir, 'past.csv'), '--log', log);
    expect(imported).toMatchObject({ code: 0, out: expect.stringContaining('imported 3 entries') });

    const csv = await hatrack('log', '--log', log, '--zone', 'UTC', 'export', '--format', 'csv', '--account', 'acme');
    expect(csv.code).toBe(0);
    expect(csv.out.startsWith('\uFEFFid,')).toBe(true);
    expect(csv.out.trim().split('\r\n')).toHaveLength(3);

    const out = join(dir, 'report.html');
    const html = await hatrack('log', 'export', '--log', log, '--format', 'html', '--out', out, '--from', '2026-03-31', '--to', '2026-03-31', '--zone', 'UTC');
    expect(html.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('@jo');
    expect(readFileSync(out, 'utf8')).not.toContain('@acme');

    const stats = await hatrack('log', 'stats', '--log', log, '--json', '--zone', 'UTC');
    expect(stats.code).toBe(0);
    const summary = JSON.parse(stats.out);
    expect(summary.total).toBe(3);
    expect(summary.calendar.median).toBe(30 * 60_000);
    const text = await hatrack('log', 'stats', '--log', log, '--platform', 'x');
    expect(text.out).toContain('Entries: 2');
    expect(text.out).toMatch(/median\s+1 h 05 min/);
    expect(text.out).toContain('@acme (brand): 2 replies');
    expect((await hatrack('log', 'stats', '--log', log, '--platform', 'mastodon')).out).toContain('@jo (brand): 1 reply,');

    const again = await hatrack('log', 'import', join(dir, 'past.csv'), '--log', log);
    expect(again.out).toContain('imported 0 entries');
    expect(again.out).toContain('(3 already present)');
    const json = join(dir, 'export.json');
    await hatrack('log', 'export', '--log', log, '--format', 'json', '--out', json);
    const reimport = await hatrack('log', 'import', json, '--log', log);
    expect(reimport.out).toContain('imported 0 entries');
    expect(reimport.out).toContain('3 already present');
  });

  it('parses an import file once, though it checks it on the read-only log before writing', async () => {
    const log = join(dir, 'log.jsonl');
    // A row without received_at: the parser asks the decoder for the item's time, once per parse of the file.
    writeFileSync(join(dir, 'one.csv'), 'account,platform,item,received_at,replied_at\njo,mastodon,t2026-03-31T08:00:00Z,,2026-03-31T08:30:00Z\n');
    const asked: string[] = [];
    const counting: DecodeItemTime = (platform, id, now) => (asked.push(id), decode(platform, id, now));
    expect(await hatrackWith(counting, 'log', 'import', join(dir, 'one.csv'), '--log', log)).toMatchObject({
      code: 0,
      out: expect.stringContaining('imported 1 entry'),
    });
    expect(asked).toEqual(['t2026-03-31T08:00:00Z']);
    // Already there: parsed once again, nothing written.
    asked.length = 0;
    expect(await hatrackWith(counting, 'log', 'import', join(dir, 'one.csv'), '--log', log)).toMatchObject({
      out: expect.stringContaining('(1 already present)'),
    });
    expect(asked).toEqual(['t2026-03-31T08:00:00Z']);
  });

  it('imports against the log as the app left it when the app wrote between the check and the write', async () => {
    const log = join(dir, 'log.jsonl');
    writeFileSync(
      join(dir, 'two.csv'),
      'id,account,platform,item,received_at,replied_at\n' +
        'imp-1,newbrand,mastodon,t2026-03-31T08:00:00Z,,2026-03-31T08:30:00Z\n' +
        'imp-2,newbrand,mastodon,t2026-03-31T09:00:00Z,2026-03-31T09:00:00Z,2026-03-31T09:20:00Z\n',
    );
    // The running app, while the CLI checks the file on the read-only log: the account's first reply, and imp-2 (the
    // same file imported from the dashboard).
    const account = { id: '33333333-3333-4333-8333-333333333333', handle: 'newbrand', name: 'New Brand', kind: 'brand' };
    const reply = (id: string, sentAt: string) =>
      JSON.stringify({
        v: 1,
        type: 'reply',
        id,
        account,
        platform: 'mastodon',
        replyToId: `r-${id}`,
        targetCreatedAt: null,
        startSource: 'unknown',
        sentAt,
        responseMs: null,
        excerpt: null,
      });
    let appWrote = false;
    const appWrites: DecodeItemTime = (platform, id, now) => {
      if (!appWrote) writeFileSync(log, `${reply('app-1', '2026-03-31T07:00:00.000Z')}\n${reply('imp-2', '2026-03-31T09:20:00.000Z')}\n`);
      appWrote = true;
      return decode(platform, id, now);
    };
    expect(await hatrackWith(appWrites, 'log', 'import', join(dir, 'two.csv'), '--log', log)).toMatchObject({
      code: 0,
      out: expect.stringContaining('imported 1 entry into'),
    });
    const lines = readFileSync(log, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { id: string; account: { id: string } });
    expect(lines.map((line) => line.id)).toEqual(['app-1', 'imp-2', 'imp-1']);
    // @newbrand is the account the app logged, not a second "import:" account of the same handle.
    expect(lines[2]?.account).toEqual(account);
  });

  it('exports XLSX with --format xlsx, item IDs kept as text', async () => {
    const log = join(dir, 'log.jsonl');
    writeFileSync(join(dir, 'ids.csv'), 'account,platform,item,received_at,replied_at\nacme,x,1899999999999999999,2026-03-30T08:00:00Z,2026-03-30T08:10:00Z\n');
    expect((await hatrack('log', 'import', join(dir, 'ids.csv'), '--log', log)).code).toBe(0);
    const out = join(dir, 'report.xlsx');
    const result = await hatrack('log', 'export', '--log', log, '--zone', 'Europe/Paris', '--format', 'xlsx', '--out', out);
    expect(result).toMatchObject({ code: 0, err: `exported 1 entry to ${out}\n` });
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    const sheet = book.getWorksheet('Replies');
    expect(sheet?.getRow(2).getCell(6).value).toBe('1899999999999999999');
    expect(sheet?.getRow(2).getCell(8).value).toEqual(new Date('2026-03-30T10:10:00Z'));
    expect(book.getWorksheet('Summary')?.getRow(8).getCell(2).value).toBe('Mon–Fri 09:00–17:00 (Europe/Paris)');
  });

  it('exits 2 on bad arguments', async () => {
    const log = join(dir, 'log.jsonl');
    writeFileSync(log, '');
    expect((await hatrack('log', 'export', '--log', log, '--format', 'docx')).code).toBe(2);
    expect((await hatrack('log', 'export', '--log', log, '--from', 'last week')).code).toBe(2);
    expect((await hatrack('log', 'export', '--log', log, '--platform', 'myspace')).code).toBe(2);
    expect((await hatrack('log', 'stats', '--log', log, '--zone', 'Mars/Base')).code).toBe(2);
    expect((await hatrack('log', 'stats', '--log', log, '--bogus')).code).toBe(2);
    expect((await hatrack('log', 'import')).code).toBe(2);
  });

  it('exits 1 on missing, unreadable or corrupt files, writing nothing', async () => {
    const log = join(dir, 'log.jsonl');
    const missing = await hatrack('log', 'stats', '--log', join(dir, 'nope.jsonl'));
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('no log file');
    const noCsv = await hatrack('log', 'import', join(dir, 'nope.csv'), '--log', log);
    expect(noCsv.code).toBe(1);
    expect(noCsv.err).toBe(`hatrack log: ${join(dir, 'nope.csv')} does not exist\n`);
    expect(existsSync(log)).toBe(false);
    writeFileSync(join(dir, 'bad.csv'), 'account,platform,item,received_at,replied_at\nacme,x,1,,yesterday-ish\n');
    const bad = await hatrack('log', 'import', join(dir, 'bad.csv'), '--log', log);
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('line 2: replied_at "yesterday-ish" is not a date');
    expect(bad.err).toContain('accepted dates: ISO 8601');
    writeFileSync(join(dir, 'latin1.csv'), Buffer.from('account,platform,item,received_at,replied_at\nacm\u00e9,x,1,,2026-03-30T08:30:00Z\n', 'latin1'));
    const latin1 = await hatrack('log', 'import', join(dir, 'latin1.csv'), '--log', log);
    expect(latin1).toMatchObject({ code: 1, err: expect.stringContaining('line 2: not UTF-8 text (save the file as "CSV UTF-8")') });
    expect(existsSync(log)).toBe(false);
    const folder = await hatrack('log', 'stats', '--log', dir);
    expect(folder.code).toBe(1);
    expect(folder.err).toBe(`hatrack log: ${dir} is a folder, not a file\n`);
  });

  it('rejects a CSV whose last line was cut short, instead of importing the stub (a cut date reads as another time)', async () => {
    const log = join(dir, 'log.jsonl');
    const whole = 'account,platform,item,received_at,replied_at,excerpt\nacme,x,1,2026-03-30T08:30:00Z,2026-03-30T08:45:00Z,thanks\n';
    // Cut inside the last line: "2026-03-30T08:45" would be read as a local time and the excerpt lost.
    writeFileSync(join(dir, 'cut.csv'), whole.slice(0, whole.indexOf(':00Z,thanks')));
    const cut = await hatrack('log', 'import', join(dir, 'cut.csv'), '--log', log, '--zone', 'Europe/Paris');
    expect(cut).toMatchObject({ code: 1, err: expect.stringContaining('line 2: 5 cells where the header has 6, and no line end: the file looks cut short') });
    expect(existsSync(log)).toBe(false);
    // The same file whole, with or without its final line end, imports.
    writeFileSync(join(dir, 'whole.csv'), whole.trimEnd());
    expect(await hatrack('log', 'import', join(dir, 'whole.csv'), '--log', log)).toMatchObject({ code: 0, out: expect.stringContaining('imported 1 entry') });
  });

  it('names the missing folder when --out cannot be created, never a bare ENOENT', async () => {
    writeFileSync(join(dir, 'past.csv'), CSV);
    const log = join(dir, 'log.jsonl');
    expect((await hatrack('log', 'import', join(dir, 'past.csv'), '--log', log)).code).toBe(0);
    const out = join(dir, 'no-such-folder', 'out.csv');
    const result = await hatrack('log', 'export', '--log', log, '--out', out);
    expect(result.code).toBe(1);
    expect(result.err).toBe(`hatrack log: cannot write ${out}: the folder ${join(dir, 'no-such-folder')} does not exist\n`);
    // A folder that exists but refuses new files is not called missing.
    const proc = await hatrack('log', 'export', '--log', log, '--out', '/proc/hatrack-export.csv');
    expect(proc).toMatchObject({ code: 1, err: 'hatrack log: cannot create /proc/hatrack-export.csv in /proc\n' });
  });

  it('warns about lines that are not valid UTF-8, with their count and numbers, and still reads them', async () => {
    writeFileSync(join(dir, 'past.csv'), CSV);
    const log = join(dir, 'log.jsonl');
    expect((await hatrack('log', 'import', join(dir, 'past.csv'), '--log', log)).code).toBe(0);
    const lines = readFileSync(log).toString('latin1').split('\n');
    // A Windows-1252 "é" (one byte, 0xE9) pasted into the handle of lines 1 and 3.
    const damaged = lines.map((line, i) =>
      i === 0 || i === 2 ? line.replace('"handle":"acme"', '"handle":"acm\u00e9"').replace('"handle":"jo"', '"handle":"j\u00e9"') : line,
    );
    writeFileSync(log, Buffer.from(damaged.join('\n'), 'latin1'));
    const stats = await hatrack('log', 'stats', '--log', log);
    expect(stats.code).toBe(0);
    expect(stats.out).toContain('Entries: 3');
    expect(stats.err).toBe(`hatrack: warning: 2 line(s) of ${log} are not valid UTF-8 (lines 1, 3): the bad bytes read as \uFFFD\n`);
  });

  it('uses the default log path and warns about skipped lines without failing', async () => {
    writeFileSync(join(dir, 'past.csv'), CSV);
    expect((await hatrack('log', 'import', join(dir, 'past.csv'))).code).toBe(0);
    const file = join(dir, 'default', 'hatrack-log.jsonl');
    writeFileSync(file, readFileSync(file, 'utf8') + '{"torn":');
    const stats = await hatrack('log', 'stats');
    expect(stats.code).toBe(0);
    expect(stats.err).toMatch(/skipped 1 unreadable line\(s\).*line 4: torn last line/);
  });
});
