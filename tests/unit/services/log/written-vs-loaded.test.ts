// A service that wrote lines holds what a service loading the same file holds: entries, history, gate rows,
// accounts and summaries, with odd ids (lone surrogates, U+0000, U+FEFF, quotes), reused request ids, history
// before and after its entry, a deletion then a correction, and corrections appended after the load.
import { describe, it, expect } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { LogService } from '../../../../electron/main/services/log/log-service.ts';
import type { AccountRef, LogLine } from '../../../../shared/log/entry-schema.ts';
import { brand, fakeDecode, replyLine, tempDirForTest } from './test-helpers.ts';

const IDS = ['plain', 'lone \ud800', '\ufeffbom', 'nul\u0000l', 'quote "\\/"', 'é😀', '\udc00\ud800'];
const odd: AccountRef = { id: '\ufeffa', handle: 'h\ud800', name: '"N" \\ é\u0000', kind: 'personal' };
const schedule = { zone: 'Europe/Paris', days: [1, 2, 3, 4, 5], startHour: 9, endHour: 17 };

function snapshot(log: LogService, ids: readonly string[]): unknown {
  return {
    entries: ids.map((id) => log.entry(id)),
    query: log.query({}, { limit: 100 }),
    deleted: log.query({ accounts: [odd.handle] }),
    unknown: log.unknownStarts(),
    gate: log.recentGate(100),
    variants: log.index.variants,
    groups: log.index.groups,
  };
}

describe('written and loaded', () => {
  it('fold to the same state', async () => {
    const t = tempDirForTest();
    let n = 0;
    const deps = { decodeItemTime: fakeDecode, schedule, now: () => new Date('2026-03-20T12:00:00.000Z'), newId: () => IDS[n++] ?? `id-${n}` };
    const writer = await LogService.open(t.file, deps);
    for (const [k, requestId] of ['r1', '\ud800', 'r1', 'nul\u0000', 'r1'].entries()) {
      await writer.recordGate({
        account: k % 2 === 0 ? brand : odd,
        platform: 'x',
        action: 'post',
        decision: 'confirmed',
        requestId,
        text: `t${k}\ud800`,
        textHash: null,
      });
      await writer.recordGateResult({ requestId, status: 200 + k, error: k === 3 ? 'net::ERR "x"' : null });
    }
    await writer.recordGateResult({ requestId: 'nobody', status: null, error: null });
    for (const [k, id] of IDS.entries()) {
      const replyToId = k % 2 === 0 ? `t2026-03-1${k}T08:00:00.000Z` : `unknown-${k}`;
      expect(
        await writer.recordReply({ account: k % 3 === 0 ? odd : brand, platform: 'x', replyToId, sentAt: `2026-03-1${k}T10:00:00.000Z`, excerpt: id }),
      ).toBe(id);
    }
    await writer.setManualStart('lone \ud800', '2026-03-11T09:00:00.000Z', 'first');
    await writer.deleteEntry('\ufeffbom', 'gone');
    await writer.setManualStart('\ufeffbom', '2026-03-12T09:30:00.000Z');
    await writer.setManualStart('lone \ud800', '2026-03-11T09:30:00.000Z');
    // Imports: history before its entry, a duplicate id, a time the scanners leave to the parse path.
    const imported: LogLine[] = [
      { v: 1, type: 'correction', targetId: 'late \ud800', receivedAt: '2026-03-18T09:00:00.000Z', at: '2026-03-19T00:00:00.000Z' },
      { v: 1, type: 'deletion', targetId: 'late gone', at: '2026-03-19T00:00:00.000Z' },
      replyLine('late \ud800', { sentAt: '2026-03-18T10:00:00Z', account: odd }),
      replyLine('late gone', { sentAt: '2026-03-18T11:00:00.000Z' }),
      replyLine('plain', { sentAt: '2026-03-18T12:00:00.000Z', excerpt: 'duplicate: the first is kept' }),
      { v: 1, type: 'correction', targetId: 'late \ud800', receivedAt: '2026-03-18T09:30:00+01:00', at: '2026-03-19T01:00:00.000Z' },
    ];
    await writer.appendLines(imported);
    const ids = [...IDS, 'late \ud800', 'late gone', 'none'];
    const loaded = await LogService.open(t.file, { ...deps, readOnly: true });
    expect(loaded.loadReport.skipped).toEqual([]);
    expect(snapshot(writer, ids)).toEqual(snapshot(loaded, ids));
    expect(writer.entry('lone \ud800')?.history).toHaveLength(2);
    expect(writer.recentGate(100)).toHaveLength(5);
    expect(loaded.entry('plain')?.account).toEqual(odd);
    expect(loaded.recentGate(100).map((row) => row.account)).toEqual([brand, odd, brand, odd, brand]);

    // The same file with CRLF line ends (edited on Windows): every line takes the parse path, to the same state.
    const crlf = tempDirForTest();
    writeFileSync(crlf.file, readFileSync(t.file, 'utf8').replace(/\n/g, '\r\n'));
    const windows = await LogService.open(crlf.file, { ...deps, readOnly: true });
    expect(windows.loadReport.skipped).toEqual([]);
    expect(snapshot(windows, ids)).toEqual(snapshot(loaded, ids));

    // A correction appended after the load keeps business times current, as a fresh load computes them.
    await writer.setManualStart('é😀', '2026-03-15T08:00:00.000Z');
    const again = await LogService.open(t.file, { ...deps, readOnly: true });
    expect(snapshot(writer, ids)).toEqual(snapshot(again, ids));
    await writer.close();
  });
});
