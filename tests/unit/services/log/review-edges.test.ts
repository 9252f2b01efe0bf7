// Lines the byte readers take must fold to exactly the values in the line: strings that start with U+FEFF (which a
// default TextDecoder drops), accounts whose fields hold U+0000, hand-written escapes and CRLF files.
import { describe, it, expect } from 'vitest';
import { writeFileSync } from 'node:fs';
import { LogService } from '../../../../electron/main/services/log/log-service.ts';
import type { AccountRef, LogLine } from '../../../../shared/log/entry-schema.ts';
import { brand, fakeDecode, replyLine, tempDirForTest } from './test-helpers.ts';

const deps = { decodeItemTime: fakeDecode };

async function load(lines: string[], eol = '\n'): Promise<LogService> {
  const t = tempDirForTest();
  writeFileSync(t.file, lines.join(eol) + eol);
  return LogService.open(t.file, { ...deps, readOnly: true });
}

describe('folding what the byte readers take', () => {
  it('keeps a leading U+FEFF in account fields and correction targets', async () => {
    const bom: AccountRef = { id: '\ufeffa', handle: '\ufeffh', name: '\ufeffn', kind: 'brand' };
    const plain: AccountRef = { id: 'a', handle: 'h', name: 'n', kind: 'brand' };
    const lines: LogLine[] = [
      { v: 1, type: 'correction', targetId: '\ufeffe1', receivedAt: '2026-03-09T08:00:00.000Z', at: '2026-03-10T00:00:00.000Z' },
      replyLine('e0', { account: plain }),
      replyLine('e1', { account: bom }),
    ];
    const service = await load(lines.map((line) => JSON.stringify(line)));
    expect(service.entry('e0')?.account).toEqual(plain);
    expect(service.entry('e1')?.account).toEqual(bom);
    expect(service.index.groups).toEqual([plain, bom]);
    // The correction names "\ufeffe1", not "e1": it waits for its own entry.
    expect(service.entry('e1')?.history).toEqual([]);
    expect(service.entry('e1')?.startSource).toBe('decoded');
  });

  it('keeps apart accounts whose fields differ only in where a U+0000 sits', async () => {
    const one: AccountRef = { id: 'a', handle: 'b\u0000c', name: 'n', kind: 'brand' };
    const two: AccountRef = { id: 'a\u0000b', handle: 'c', name: 'n', kind: 'brand' };
    for (const text of [(line: LogLine) => JSON.stringify(line), (line: LogLine) => JSON.stringify(line, null, 1).replace(/\n/g, '')]) {
      const service = await load([replyLine('e1', { account: one }), replyLine('e2', { account: two })].map(text));
      expect(service.entry('e1')?.account).toEqual(one);
      expect(service.entry('e2')?.account).toEqual(two);
      expect(service.index.groups).toEqual([one, two]);
    }
  });

  it('keeps the first line of a file that starts with a byte order mark (saved by an editor)', async () => {
    const service = await load(['\ufeff' + JSON.stringify(replyLine('e1')), JSON.stringify(replyLine('e2'))]);
    expect(service.loadReport.skipped).toEqual([]);
    expect(service.loadReport.total).toBe(2);
    expect(service.entry('e1')?.id).toBe('e1');
  });

  it('reads hand-written escapes as their values (ids, targets, account), on both load paths', async () => {
    const escaped = [
      String.raw`{"v":1,"type":"reply","id":"e\/1","account":{"id":"${brand.id}","handle":"\u0061cme","name":"Acme","kind":"brand"},"platform":"x","replyToId":"\ud83d\ude00","targetCreatedAt":null,"startSource":"unknown","sentAt":"2026-03-10T10:00:00.000Z","responseMs":null,"excerpt":"\u00e9"}`,
      String.raw`{"v":1,"type":"correction","targetId":"\u0065/1","receivedAt":"2026-03-09T08:00:00.000Z","at":"2026-03-10T00:00:00.000Z"}`,
    ];
    for (const eol of ['\n', '\r\n']) {
      const service = await load(escaped, eol);
      expect(service.loadReport.skipped).toEqual([]);
      const row = service.entry('e/1');
      expect(row?.account).toEqual(brand);
      expect(row?.replyToId).toBe('😀');
      expect(row?.excerpt).toBe('é');
      expect(row?.startAt).toBe('2026-03-09T08:00:00.000Z');
      expect(row?.history).toHaveLength(1);
      expect(service.index.groups).toEqual([brand]);
    }
  });
});
