// check-har: HAR → one row per request (JSON lines or a table), clear errors and exit codes.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Command } from 'commander';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { registerCheckHar } from '../../../electron/cli/check-har.ts';
import { harToRows } from '../../../shared/gate/har.ts';

const SAMPLE = join(import.meta.dirname, '../../fixtures/har/sample.har');

async function run(args: string[]): Promise<{ out: string; err: string; code: number }> {
  let out = '';
  let err = '';
  const outSpy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  });
  const errSpy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    err += String(chunk);
    return true;
  });
  process.exitCode = undefined;
  const program = new Command('hatrack').exitOverride().configureOutput({ writeErr: (t) => (err += t), writeOut: (t) => (out += t) });
  registerCheckHar(program);
  let code: number;
  try {
    await program.parseAsync(args, { from: 'user' });
    code = typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch {
    code = 2;
  } finally {
    outSpy.mockRestore();
    errSpy.mockRestore();
    process.exitCode = undefined;
  }
  return { out, err, code };
}

describe('check-har', () => {
  beforeEach(() => {
    process.exitCode = undefined;
  });
  afterEach(() => {
    process.exitCode = undefined;
  });

  it('prints one JSON object per entry, in order, with the documented fields', async () => {
    const { out, code } = await run(['check-har', SAMPLE, '--json']);
    expect(code).toBe(0);
    const rows = out
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(rows).toHaveLength(8);
    expect(Object.keys(rows[0] ?? {})).toEqual([
      'index',
      'method',
      'url',
      'gated',
      'platform',
      'action',
      'text',
      'mediaCount',
      'replyToId',
      'quotedId',
      'replyToCreatedAt',
      'note',
      'details',
    ]);
    expect(rows.map((r) => r['gated'])).toEqual([false, true, false, true, true, false, true, true]);
    expect(rows[1]).toMatchObject({
      index: 1,
      platform: 'x',
      action: 'reply',
      text: '@jack congrats',
      replyToId: '1212092628029698048',
      replyToCreatedAt: '2019-12-31T19:26:16.771Z',
    });
    expect(rows[6]).toMatchObject({ platform: 'bluesky', action: 'post', text: '1/2 thread start\n\n2/2 ✨ end', replyToId: null });
    expect(rows[7]).toMatchObject({ platform: 'mastodon', action: 'reply', text: 'Merci !', replyToId: '103270115826048975' });
    expect(String(rows[7]?.['replyToCreatedAt'])).toMatch(/^2019-12-08T03:48:33/);
  });

  it('prints a table listing every row and marking held ones', async () => {
    const { out, code } = await run(['check-har', SAMPLE]);
    expect(code).toBe(0);
    expect(out.match(/HOLD/g)).toHaveLength(5);
    expect(out.match(/ pass /g)).toHaveLength(3);
    expect(out).toContain('8 requests, 5 would be held');
  });

  it('fails with exit code 1 and a clear message for a missing or invalid file', async () => {
    const missing = await run(['check-har', '/nonexistent/file.har']);
    expect(missing.code).toBe(1);
    expect(missing.err).toBe('hatrack check-har: /nonexistent/file.har does not exist\n');
    expect(missing.err).not.toContain('ENOENT');
    const dir = mkdtempSync(join(tmpdir(), 'har-'));
    const bad = join(dir, 'bad.har');
    writeFileSync(bad, '{"not":"a har"}');
    const invalid = await run(['check-har', bad]);
    expect(invalid.code).toBe(1);
    expect(invalid.err).toContain('not a valid HAR');
    writeFileSync(bad, '');
    expect((await run(['check-har', bad])).err).toBe(`hatrack check-har: ${bad} is not a valid HAR file (the file is empty)\n`);
    writeFileSync(bad, '{"log":{"entries":[{"request":{"method":"PO');
    expect((await run(['check-har', bad])).err).toMatch(/is not a valid HAR file \(not JSON: .*position \d+/);
  });

  it('names the malformed entry, and refuses an entry without a method instead of reading it as a GET', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'har-'));
    const file = join(dir, 'damaged.har');
    const ok = { request: { method: 'GET', url: 'https://x.com/home', headers: [] } };
    const write = (entries: unknown[]) => writeFileSync(file, JSON.stringify({ log: { entries } }));
    write([ok, ok, { request: { url: 'https://x.com/i/api/graphql/abc/CreateTweet', headers: [] } }]);
    const noMethod = await run(['check-har', file]);
    expect(noMethod.code).toBe(1);
    expect(noMethod.out).toBe('');
    expect(noMethod.err).toBe(`hatrack check-har: ${file} is not a valid HAR file (log.entries[2]: request.method is missing)\n`);
    write([ok, 'oops']);
    expect((await run(['check-har', file])).err).toContain('(log.entries[1]: not an object with a request)');
    write([ok, { request: { method: 'POST', headers: [] } }]);
    expect((await run(['check-har', file])).err).toContain('(log.entries[1]: request.url is missing)');
    write([{ request: { method: 'POST', url: 'https://x.com/', headers: 'x' } }]);
    expect((await run(['check-har', file])).err).toContain('(log.entries[0]: request.headers is not a list)');
    expect(() => harToRows(JSON.stringify({ log: { entries: [{ request: { method: 7, url: 'https://a/' } }] } }))).toThrow(
      'log.entries[0]: request.method is missing',
    );
  });

  it('says when the path is a folder', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'har-'));
    const folder = await run(['check-har', dir]);
    expect(folder.code).toBe(1);
    expect(folder.err).toBe(`hatrack check-har: ${dir} is a folder, not a file\n`);
  });

  it('is a usage error (2) without a file argument', async () => {
    expect((await run(['check-har'])).code).toBe(2);
  });

  it('reads a HAR saved with a byte order mark and CRLF line ends (HAR 1.2: readers must ignore a BOM)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hatrack-har-'));
    const file = join(dir, 'bom.har');
    writeFileSync(file, '\ufeff' + readFileSync(SAMPLE, 'utf8').replace(/\n/g, '\r\n'));
    const { out, err, code } = await run(['check-har', file]);
    expect({ code, err }).toEqual({ code: 0, err: '' });
    expect(out).toContain('8 requests, 5 would be held');
  });

  it('counts one request in the singular', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hatrack-har-'));
    const file = join(dir, 'one.har');
    writeFileSync(file, '{"log":{"entries":[{"request":{"method":"GET","url":"https://x.com/home"}}]}}');
    const { out, code } = await run(['check-har', file]);
    expect(code).toBe(0);
    expect(out).toContain('\n1 request, 0 would be held\n');
  });

  it('harToRows is usable without the CLI', () => {
    expect(() => harToRows('nope')).toThrow(/not JSON/);
    expect(harToRows('{"log":{"entries":[]}}')).toEqual([]);
  });
});
