// A log with bytes that are not UTF-8 loads every entry and says which lines had them, instead of replacing
// the bytes silently (the CLI warns; the app shows a warning with the count and the first lines).
import { describe, it, expect } from 'vitest';
import { writeFileSync } from 'node:fs';
import { LogService } from '../../../../electron/main/services/log/log-service.ts';
import { loadJsonl } from '../../../../electron/main/services/log/jsonl-file.ts';
import { fakeDecode, replyLine, tempDirForTest } from './test-helpers.ts';

function reply(id: string, excerpt: string): string {
  const times = { targetCreatedAt: '2026-03-30T08:00:00.000Z', sentAt: '2026-03-30T08:10:00.000Z', responseMs: 600_000 };
  return JSON.stringify(replyLine(id, { replyToId: 't2026-03-30T08:00:00Z', ...times, excerpt }));
}

describe('invalid UTF-8 in the log', () => {
  it('loads the entries and reports the count and line numbers of lines with invalid bytes', async () => {
    const t = tempDirForTest();
    // Line 2: a Latin-1 "é" (0xE9) where UTF-8 needs two bytes; line 4: a lone continuation byte. Line 3 is valid "é".
    const bytes = Buffer.concat([
      Buffer.from(`${reply('a', 'fine')}\n`),
      Buffer.from(`${reply('b', 'caf#')}\n`.replace('#', '\u0000')).map((byte) => (byte === 0 ? 0xe9 : byte)),
      Buffer.from(`${reply('c', 'café')}\n`),
      Buffer.from(`${reply('d', 'x#y')}\n`.replace('#', '\u0000')).map((byte) => (byte === 0 ? 0x80 : byte)),
    ]);
    writeFileSync(t.file, bytes);
    const log = await LogService.open(t.file, { decodeItemTime: fakeDecode, readOnly: true });
    expect(log.query({}).total).toBe(4);
    expect(log.loadReport.invalidUtf8).toEqual({ count: 2, lines: [2, 4] });
    expect(log.entry('b')?.excerpt).toBe('caf\uFFFD');
    await log.close();
  });

  it('finds invalid bytes in lines that straddle the loader’s read chunks', async () => {
    const t = tempDirForTest();
    const long = 'é'.repeat(3 << 20); // 6 MB of two-byte characters: the first 4 MB chunk ends inside a line
    const bytes = Buffer.concat([Buffer.from(`${reply('a', long)}\n`), Buffer.from([0x7b, 0xff, 0x7d, 0x0a])]);
    writeFileSync(t.file, bytes);
    const result = await loadJsonl(t.file, () => null);
    expect(result.invalidUtf8).toEqual({ count: 1, lines: [2] });
  });
});
