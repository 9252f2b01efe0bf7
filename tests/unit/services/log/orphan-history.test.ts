// Corrections and deletions written before the entry they aim at (lines may arrive out of order) wait for it and
// apply when it loads, whichever path reads the entry: the byte-level fast path or JSON.parse (escaped ids,
// lone surrogates); entries loaded while they wait are left alone.
import { describe, it, expect } from 'vitest';
import { writeFileSync } from 'node:fs';
import { LogService } from '../../../../electron/main/services/log/log-service.ts';
import type { LogLine, ReplyLine } from '../../../../shared/log/entry-schema.ts';
import { fakeDecode, replyLine, tempDirForTest } from './test-helpers.ts';

/** A reply with no known start (what a correction sets) and no excerpt. */
const reply = (id: string): ReplyLine => replyLine(id, { targetCreatedAt: null, startSource: 'unknown', responseMs: null, excerpt: null });

describe('history before its entry', () => {
  it('applies when the entry arrives, on either load path', async () => {
    const t = tempDirForTest();
    const odd = 'lone \ud800 id';
    const escaped = 'caf\u00e9 "quoted"';
    const lines: LogLine[] = [
      { v: 1, type: 'correction', targetId: 'plain', receivedAt: '2026-03-10T09:00:00.000Z', at: '2026-03-10T11:00:00.000Z' },
      { v: 1, type: 'correction', targetId: odd, receivedAt: '2026-03-10T09:30:00.000Z', at: '2026-03-10T11:00:00.000Z' },
      { v: 1, type: 'deletion', targetId: escaped, at: '2026-03-10T11:00:00.000Z' },
      ...Array.from({ length: 50 }, (_, i) => reply(`other-${i}`)),
      reply('plain'),
      reply(odd),
      reply(escaped),
    ];
    writeFileSync(t.file, lines.map((line) => JSON.stringify(line)).join('\n') + '\n');
    const log = await LogService.open(t.file, { decodeItemTime: fakeDecode, readOnly: true });
    expect(log.loadReport.skipped).toEqual([]);
    expect(log.entry('plain')).toMatchObject({ startSource: 'manual', startAt: '2026-03-10T09:00:00.000Z', responseMs: 3_600_000 });
    expect(log.entry(odd)).toMatchObject({ startSource: 'manual', startAt: '2026-03-10T09:30:00.000Z', history: [{ targetId: odd }] });
    expect(log.entry(escaped)?.history).toEqual([{ v: 1, type: 'deletion', targetId: escaped, at: '2026-03-10T11:00:00.000Z' }]);
    expect(log.query({}).total).toBe(52);
    expect(log.entry('other-7')).toMatchObject({ startSource: 'unknown', history: [] });
    await log.close();
  });
});
