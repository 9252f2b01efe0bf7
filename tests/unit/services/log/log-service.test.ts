// LogService against real files: recording, folding corrections and deletions, torn and corrupt lines, queries.
import { describe, it, expect } from 'vitest';
import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { LogService } from '../../../../electron/main/services/log/log-service.ts';
import { brand, fakeDecode, personal, sequentialIds, tempDir, tempDirForTest } from './test-helpers.ts';

async function openLog(file: string) {
  return LogService.open(file, { decodeItemTime: fakeDecode, newId: sequentialIds(), now: () => new Date('2026-03-10T12:00:00Z') });
}

describe('LogService', () => {
  it('records a reply with a decoded start and reloads it from disk', async () => {
    const { file } = tempDirForTest();
    const log = await openLog(file);
    const id = await log.recordReply({
      account: brand,
      platform: 'x',
      replyToId: 't2026-03-10T10:00:00Z',
      sentAt: '2026-03-10T10:12:00Z',
      excerpt: 'Thanks!',
    });
    expect(log.entry(id)).toMatchObject({ id: 'e1', startSource: 'decoded', responseMs: 12 * 60_000, withinTarget: true, excerpt: 'Thanks!' });
    const unknown = await log.recordReply({ account: personal, platform: 'custom', replyToId: 'abc', sentAt: new Date('2026-03-10T11:00:00Z'), excerpt: null });
    expect(log.entry(unknown)).toMatchObject({ startSource: 'unknown', responseMs: null, withinTarget: null });
    await log.close();

    const lines = readFileSync(file, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines[0]).toMatchObject({ v: 1, type: 'reply', id: 'e1', targetCreatedAt: '2026-03-10T10:00:00.000Z' });

    const again = await openLog(file);
    expect(again.loadReport).toEqual({ total: 2, skipped: [], invalidUtf8: { count: 0, lines: [] } });
    const result = again.query({});
    expect(result.total).toBe(2);
    expect(result.rows.map((r) => r.id)).toEqual(['e2', 'e1']);
    expect(result.summary.calendar.median).toBe(12 * 60_000);
    expect(result.summary.unknownStart).toBe(1);
    expect(again.unknownStarts().map((r) => r.id)).toEqual(['e2']);
    await again.close();
  });

  it('pages the same filter again after an append or a deletion with the change in (the cached selection follows)', async () => {
    const { file } = tempDirForTest();
    const log = await openLog(file);
    await log.recordReply({ account: brand, platform: 'x', replyToId: 't2026-03-10T10:00:00Z', sentAt: '2026-03-10T10:30:00Z', excerpt: null });
    expect(log.page({}, { limit: 10 }).rows.map((r) => r.id)).toEqual(['e1']);
    await log.recordReply({ account: brand, platform: 'x', replyToId: 't2026-03-10T10:00:00Z', sentAt: '2026-03-10T10:40:00Z', excerpt: null });
    expect(log.page({}, { limit: 10 }).rows.map((r) => r.id)).toEqual(['e2', 'e1']);
    await log.deleteEntry('e2', 'duplicate');
    expect(log.page({}, { limit: 10 })).toMatchObject({ total: 1, rows: [{ id: 'e1' }] });
    expect(log.query({}, { limit: 10 }).summary.total).toBe(1);
    await log.close();
  });

  it('keeps manual starts and deletions as history without overwriting', async () => {
    const { file } = tempDirForTest();
    const log = await openLog(file);
    await log.recordReply({ account: brand, platform: 'x', replyToId: 'nope', sentAt: '2026-03-10T10:30:00Z', excerpt: null });
    await log.setManualStart('e1', '2026-03-10T10:00:00Z', 'from the inbox');
    const corrected = await log.setManualStart('e1', '2026-03-10T10:20:00Z');
    expect(corrected).toMatchObject({ startSource: 'manual', responseMs: 10 * 60_000, targetCreatedAt: null });
    expect(corrected.history.map((h) => h.type)).toEqual(['correction', 'correction']);
    await log.deleteEntry('e1', 'test post');
    expect(log.query({}).total).toBe(0);
    await expect(log.setManualStart('missing', '2026-03-10T10:00:00Z')).rejects.toThrow(/no log entry/);
    await log.close();
    expect(readFileSync(file, 'utf8').trim().split('\n')).toHaveLength(4);
    const again = await openLog(file);
    expect(again.query({}).total).toBe(0);
    expect(again.entry('e1')?.history.map((h) => h.type)).toEqual(['correction', 'correction', 'deletion']);
    expect(again.entry('e1')?.responseMs).toBe(10 * 60_000);
    await again.close();
  });

  it('refuses a manual start that is not a date, is in the future or comes after the reply, for every caller, writing nothing', async () => {
    const { file } = tempDirForTest();
    const log = await openLog(file);
    await log.recordReply({ account: brand, platform: 'x', replyToId: 'nope', sentAt: '2026-03-10T10:30:00Z', excerpt: null });
    // The service itself refuses (not only the IPC handler), with the i18n key the dashboard shows translated.
    await expect(log.setManualStart('e1', 'yesterday')).rejects.toMatchObject({ name: 'UserError', message: 'errors.startInvalid' });
    await expect(log.setManualStart('e1', '2026-03-10T12:00:01Z')).rejects.toMatchObject({ name: 'UserError', message: 'errors.startInFuture' });
    await expect(log.setManualStart('e1', '2026-03-10T10:30:01Z')).rejects.toMatchObject({ name: 'UserError', message: 'errors.startAfterReply' });
    expect(log.entry('e1')).toMatchObject({ startSource: 'unknown', history: [] });
    // The reply's own second is allowed: a zero response time is a time.
    expect(await log.setManualStart('e1', '2026-03-10T10:30:00Z')).toMatchObject({ startSource: 'manual', responseMs: 0 });
    await log.close();
    expect(readFileSync(file, 'utf8').trim().split('\n')).toHaveLength(2);
  });

  it('skips and reports a corrupt line in the middle, keeping the lines around it', async () => {
    const { file } = tempDirForTest();
    const log = await openLog(file);
    for (let i = 0; i < 3; i++)
      await log.recordReply({ account: brand, platform: 'x', replyToId: `t2026-03-10T10:0${i}:00Z`, sentAt: '2026-03-10T11:00:00Z', excerpt: null });
    await log.close();
    const lines = readFileSync(file, 'utf8').split('\n');
    lines.splice(1, 0, '{"v":1,"type":"reply","id":', '{"v":1,"type":"reply","id":"x","sentAt":"soon"}', '{"v":2,"type":"future"}');
    writeFileSync(file, lines.join('\n'));
    const again = await openLog(file);
    expect(again.loadReport.total).toBe(3);
    expect(again.loadReport.skipped).toEqual([
      { line: 2, reason: 'invalid JSON' },
      { line: 3, reason: expect.stringMatching(/^schema: /) },
      { line: 4, reason: 'unsupported schema version 2' },
    ]);
    expect(
      again
        .query({})
        .rows.map((r) => r.id)
        .sort(),
    ).toEqual(['e1', 'e2', 'e3']);
    await again.close();
  });

  it('reports a torn last line and starts the next append on a new line', async () => {
    const { file } = tempDirForTest();
    const log = await openLog(file);
    await log.recordReply({ account: brand, platform: 'x', replyToId: 't2026-03-10T10:00:00Z', sentAt: '2026-03-10T10:05:00Z', excerpt: null });
    await log.recordReply({ account: brand, platform: 'x', replyToId: 't2026-03-10T10:00:00Z', sentAt: '2026-03-10T10:06:00Z', excerpt: null });
    await log.close();
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.slice(0, text.length - 20)); // cut inside the second line, newline gone
    const again = await LogService.open(file, { decodeItemTime: fakeDecode, newId: sequentialIds('n') });
    expect(again.loadReport.total).toBe(1);
    expect(again.loadReport.skipped).toHaveLength(1);
    expect(again.loadReport.skipped[0]).toMatchObject({ line: 2, reason: expect.stringMatching(/torn last line/) });
    await again.recordReply({ account: brand, platform: 'x', replyToId: 'q', sentAt: '2026-03-10T10:07:00Z', excerpt: null });
    await again.close();
    const third = await openLog(file);
    expect(third.loadReport.total).toBe(2);
    expect(third.loadReport.skipped).toEqual([{ line: 2, reason: 'invalid JSON' }]);
    expect(third.entry('n1')).not.toBeNull();
    await third.close();
  });

  it('keeps a complete last line that only lost its newline', async () => {
    const { file } = tempDirForTest();
    const log = await openLog(file);
    await log.recordReply({ account: brand, platform: 'x', replyToId: 'a', sentAt: '2026-03-10T10:05:00Z', excerpt: null });
    await log.close();
    writeFileSync(file, readFileSync(file, 'utf8').trimEnd());
    const again = await openLog(file);
    expect(again.loadReport).toEqual({ total: 1, skipped: [], invalidUtf8: { count: 0, lines: [] } });
    await again.recordReply({ account: brand, platform: 'x', replyToId: 'b', sentAt: '2026-03-10T10:06:00Z', excerpt: null });
    await again.close();
    expect(
      readFileSync(file, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l).replyToId),
    ).toEqual(['a', 'b']);
  });

  it('group-commits concurrent appends, each resolving after the write', async () => {
    const { file } = tempDirForTest();
    const log = await LogService.open(file, { decodeItemTime: fakeDecode, groupCommitMs: 5 });
    await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        log.recordReply({ account: brand, platform: 'x', replyToId: `r${i}`, sentAt: '2026-03-10T10:05:00Z', excerpt: null }),
      ),
    );
    expect(readFileSync(file, 'utf8').trim().split('\n')).toHaveLength(200);
    await log.close();
  });

  it('records gate decisions with their results, newest first', async () => {
    const { file } = tempDirForTest();
    const log = await openLog(file);
    await log.recordGate({ account: brand, platform: 'x', action: 'reply', decision: 'confirmed', requestId: 'r1', text: null, textHash: 'ab'.repeat(32) });
    await log.recordGate({ account: brand, platform: 'x', action: 'post', decision: 'cancelled', requestId: 'r2', text: 'hello', textHash: null });
    await log.recordGateResult({ requestId: 'r1', status: 200, error: null });
    await log.close();
    const again = await openLog(file);
    const gates = again.recentGate(10);
    expect(gates.map((g) => g.requestId)).toEqual(['r2', 'r1']);
    expect(gates[1]?.result).toMatchObject({ status: 200, error: null });
    expect(gates[0]?.result).toBeNull();
    await again.close();
  });

  it('filters by dates, accounts, platforms and kind', async () => {
    const { file } = tempDirForTest();
    const log = await openLog(file);
    appendFileSync(file, '');
    await log.recordReply({ account: brand, platform: 'x', replyToId: 'a', sentAt: '2026-03-01T10:00:00Z', excerpt: null });
    await log.recordReply({ account: brand, platform: 'bluesky', replyToId: 'b', sentAt: '2026-03-05T10:00:00Z', excerpt: null });
    await log.recordReply({ account: personal, platform: 'x', replyToId: 'c', sentAt: '2026-03-09T10:00:00Z', excerpt: null });
    const ids = (filter: Parameters<typeof log.query>[0]) =>
      log
        .query(filter)
        .rows.map((r) => r.replyToId)
        .sort();
    expect(ids({ from: '2026-03-02T00:00:00Z' })).toEqual(['b', 'c']);
    expect(ids({ to: '2026-03-05T10:00:00Z' })).toEqual(['a']);
    expect(ids({ accounts: ['@ACME'] })).toEqual(['a', 'b']);
    expect(ids({ accounts: [personal.id] })).toEqual(['c']);
    expect(ids({ platforms: ['x'] })).toEqual(['a', 'c']);
    expect(ids({ kind: 'personal' })).toEqual(['c']);
    expect(log.query({}, { offset: 1, limit: 1 }).rows.map((r) => r.replyToId)).toEqual(['b']);
    expect(() => log.query({ from: 'yesterday' })).toThrow(/from is not a date/);
    await log.close();
  });
});

describe('writing', () => {
  it('refuses a line the next load would reject, and writes nothing', async () => {
    const { file, cleanup } = tempDir();
    const log = await LogService.open(file, { decodeItemTime: () => null });
    await expect(
      log.recordGate({
        account: { id: 'a', handle: '', name: '', kind: 'brand' },
        platform: 'x',
        action: 'post',
        decision: 'cancelled',
        requestId: 'r1',
        text: null,
        textHash: null,
      }),
    ).rejects.toThrow(/invalid log line/);
    await log.close();
    expect(existsSync(file) ? readFileSync(file, 'utf8') : '').toBe('');
    cleanup();
  });
});
