// A service that wrote lines holds what a service loading the same file holds: entries, history, gate rows,
// accounts and summaries, with odd ids (lone surrogates, U+0000, U+FEFF, quotes), reused request ids, history
// before and after its entry, a deletion then a correction, and corrections appended after the load.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { readFileSync, writeFileSync } from 'node:fs';
import { LogService } from '../../../../electron/main/services/log/log-service.ts';
import type { AccountRef, LogLine } from '../../../../shared/log/entry-schema.ts';
import { brand, fakeDecode, gateLine, replyLine, tempDirForTest } from './test-helpers.ts';

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

const ID_POOL = ['e1', 'e2', 'lone \ud800', '\ufeffe1', 'e\u0000', 'é😀', 'q"\\'];
// Reply and start times stay within the business calendar's years (1990–2100: it clamps beyond, and its day labels there
// depend on how far it was laid out); a line's own \`at\` also takes a year past 9999, which the byte readers leave to JSON.parse.
const TIME_POOL = ['2026-03-10T10:00:00.000Z', '2026-03-10T09:00:00.000Z', '2026-03-10T11:00:00+01:00', '2026-03-09T08:00:00Z'];
const AT_POOL = [...TIME_POOL, '+010000-01-01T00:00:00.000Z'];
const ACCOUNT_POOL: AccountRef[] = [
  brand,
  odd,
  { ...brand, handle: 'acme_new' },
  { id: 'a', handle: 'b\u0000c', name: '', kind: 'brand' },
  { id: 'a\u0000b', handle: 'c', name: '', kind: 'brand' },
];
const pick = <T>(pool: readonly T[]) => fc.nat(pool.length - 1).map((k) => pool[k] as T);
const anyLine: fc.Arbitrary<LogLine> = fc.oneof(
  fc
    .record({ id: pick(ID_POOL), account: pick(ACCOUNT_POOL), sentAt: pick(TIME_POOL), target: fc.option(pick(TIME_POOL)), excerpt: fc.option(pick(ID_POOL)) })
    .map(({ id, account, sentAt, target, excerpt }) =>
      replyLine(id, { account, sentAt, targetCreatedAt: target, startSource: target === null ? 'unknown' : 'decoded', responseMs: null, excerpt }),
    ),
  fc
    .record({ targetId: pick(ID_POOL), receivedAt: pick(TIME_POOL), at: pick(TIME_POOL), note: fc.option(pick(ID_POOL)) })
    .map(({ note, ...rest }): LogLine => ({ v: 1, type: 'correction', ...rest, ...(note === null ? {} : { note }) })),
  fc.record({ targetId: pick(ID_POOL), at: pick(AT_POOL) }).map((rest): LogLine => ({ v: 1, type: 'deletion', ...rest })),
  fc
    .record({ requestId: pick(ID_POOL), account: pick(ACCOUNT_POOL), at: pick(TIME_POOL), text: fc.option(pick(ID_POOL)) })
    .map(({ requestId, account, at, text }): LogLine => gateLine(requestId, { account, at, action: 'reply', text })),
  fc
    .record({ requestId: pick(ID_POOL), at: pick(AT_POOL), status: fc.option(fc.nat(999)), error: fc.option(pick(ID_POOL)) })
    .map((rest): LogLine => ({ v: 1, type: 'gate-result', ...rest })),
);

describe('written and loaded, any mix of lines', () => {
  it('fold to the same state, appended in one batch or one by one', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(anyLine, { maxLength: 25 }), fc.boolean(), async (lines, oneByOne) => {
        const t = tempDirForTest();
        const writer = await LogService.open(t.file, { decodeItemTime: fakeDecode, schedule });
        if (oneByOne) for (const line of lines) await writer.appendLines([line]);
        else await writer.appendLines(lines);
        const loaded = await LogService.open(t.file, { decodeItemTime: fakeDecode, schedule, readOnly: true });
        expect(loaded.loadReport.skipped).toEqual([]);
        expect(snapshot(writer, [...ID_POOL, 'none'])).toEqual(snapshot(loaded, [...ID_POOL, 'none']));
        // And each entry holds its first reply line's values (the account exactly as written).
        for (const id of ID_POOL) {
          const first = lines.find((line) => line.type === 'reply' && line.id === id);
          expect(loaded.entry(id)?.account ?? null).toEqual(first?.type === 'reply' ? first.account : null);
          expect(loaded.entry(id)?.excerpt).toEqual(first?.type === 'reply' ? first.excerpt : undefined);
        }
        await writer.close();
      }),
      { numRuns: 60 },
    );
  }, 120_000);
});
