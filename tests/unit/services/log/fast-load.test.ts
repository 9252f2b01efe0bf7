// Loading lines through the byte-level fast paths (replies, gate decisions and results, corrections) gives the same
// entries, history and gate rows as the JSON.parse path.
import { describe, it, expect } from 'vitest';
import { writeFileSync } from 'node:fs';
import { LogService } from '../../../../electron/main/services/log/log-service.ts';
import type { LogLine, ReplyLine } from '../../../../shared/log/entry-schema.ts';
import { brand, fakeDecode, gateLine, personal, replyLine, tempDirForTest } from './test-helpers.ts';

const reply = (id: string, sentAt: string, extra: Partial<ReplyLine> = {}): ReplyLine => replyLine(id, { sentAt, ...extra });

describe('fast load', () => {
  it('matches the parse path entry for entry', async () => {
    const t = tempDirForTest();
    const lines: LogLine[] = [
      { v: 1, type: 'correction', targetId: 'e3', receivedAt: '2026-03-09T08:00:00.000Z', at: '2026-03-10T00:00:00.000Z', note: 'early' },
      reply('e1', '2026-03-09T09:30:00.000Z'),
      reply('e2', '2026-03-08T09:30:00.000Z', {
        account: personal,
        platform: 'bluesky',
        excerpt: 'Merci ! "quoted"\n🎉 \\ done',
        targetCreatedAt: null,
        startSource: 'unknown',
        responseMs: null,
      }),
      reply('e3', '2026-03-10T09:30:00.000Z', { account: { ...brand, handle: 'acme_new' }, excerpt: null }),
      reply('e1', '2026-03-11T09:30:00.000Z', { excerpt: 'duplicate id: the first one is kept' }),
      reply('\ud800lone', '2026-03-12T09:30:00.000Z', { replyToId: 'é\ud801' }),
      reply('e5', '2026-03-29T01:30:00.000Z', { targetCreatedAt: '2026-03-28T23:00:00.000Z', excerpt: 'x'.repeat(2000) }),
      { v: 1, type: 'deletion', targetId: 'e2', at: '2026-03-10T00:00:00.000Z' },
      { v: 1, type: 'correction', targetId: 'e1', receivedAt: '2026-03-09T07:00:00.000Z', at: '2026-03-10T01:00:00.000Z' },
      { v: 1, type: 'correction', targetId: 'e1', receivedAt: '2026-03-09T07:30:00.000Z', at: '2026-03-10T02:00:00.000Z', note: 'second "look" 🎉' },
      { v: 1, type: 'correction', targetId: '\ud800lone', receivedAt: '2026-03-12T07:30:00.000Z', at: '2026-03-12T10:00:00.000Z' },
      gateLine('r1', { text: 'Spring \\ "sale" 🎉' }),
      { v: 1, type: 'gate-result', at: '2026-03-10T10:00:01.000Z', requestId: 'r1', status: 201, error: null },
      { v: 1, type: 'gate-result', at: '2026-03-10T10:00:02.000Z', requestId: 'nobody', status: null, error: 'net::ERR_FAILED' },
    ];
    writeFileSync(t.file, lines.map((line) => JSON.stringify(line)).join('\n') + '\n');
    const deps = { decodeItemTime: fakeDecode, schedule: { zone: 'Europe/Paris', days: [1, 2, 3, 4, 5], startHour: 9, endHour: 17 } };
    const fast = await LogService.open(t.file, { ...deps, readOnly: true });
    const parsed = await LogService.open(`${t.file}.2`, deps);
    await parsed.appendLines(lines);
    expect(fast.loadReport).toEqual({ total: lines.length, skipped: [], invalidUtf8: { count: 0, lines: [] } });
    for (const id of ['e1', 'e2', 'e3', '\ud800lone', 'e5', 'nope']) expect(fast.entry(id)).toEqual(parsed.entry(id));
    expect(fast.query({}, { limit: 10 })).toEqual(parsed.query({}, { limit: 10 }));
    expect(fast.query({ accounts: ['acme'] })).toEqual(parsed.query({ accounts: ['acme'] }));
    expect(fast.index.variants).toEqual(parsed.index.variants);
    expect(fast.index.groups).toEqual(parsed.index.groups);
    expect(fast.entry('e1')?.history).toHaveLength(2);
    expect(fast.recentGate(10)).toEqual(parsed.recentGate(10));
    expect(fast.recentGate(10)).toHaveLength(1);
    await parsed.close();
  });

  it('keeps business times current through appends, corrections and schedule changes', async () => {
    const t = tempDirForTest();
    const schedule = { zone: 'Europe/Paris', days: [1, 2, 3, 4, 5], startHour: 9, endHour: 17 };
    const log = await LogService.open(t.file, { decodeItemTime: fakeDecode, schedule });
    await log.recordReply({
      account: brand,
      platform: 'x',
      replyToId: 't2026-03-27T16:00:00Z',
      sentAt: '2026-03-30T09:30:00Z',
      excerpt: 'over the DST weekend',
    });
    const first = log.query({}).summary.business.median;
    await log.recordReply({ account: brand, platform: 'x', replyToId: 'unknown', sentAt: '2026-03-30T12:00:00Z', excerpt: null });
    const [entry] = log.unknownStarts();
    await log.setManualStart(entry?.id ?? '', '2026-03-30T08:00:00Z');
    const fresh = async () => {
      const again = await LogService.open(t.file, { decodeItemTime: fakeDecode, schedule, readOnly: true });
      return again.query({});
    };
    expect(log.query({})).toEqual(await fresh());
    // Friday 17:00 Paris (CET) to Monday 11:30 Paris (CEST): 2.5 business hours across the DST change.
    expect(first).toBe(2.5 * 3_600_000);
    const night = { ...schedule, startHour: 0, endHour: 24, days: [1, 2, 3, 4, 5, 6, 7] };
    log.configure({ schedule: night });
    expect(log.query({}).summary.business).toEqual(log.query({}).summary.calendar);
    await log.close();
  });
});
