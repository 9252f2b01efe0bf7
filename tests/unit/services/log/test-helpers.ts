// Shared bits for the log service tests: temp folders, a fake ID decoder, fixed clocks and accounts.
import { newTempDir, newTempDirForTest, type TempDir } from '../../temp-dir.ts';
import type { AccountRef, DecodeItemTime, GateLine, ReplyLine } from '../../../../shared/log/entry-schema.ts';

export const brand: AccountRef = { id: '11111111-1111-4111-8111-111111111111', handle: 'acme', name: 'Acme', kind: 'brand' };
export const personal: AccountRef = { id: '22222222-2222-4222-8222-222222222222', handle: 'jo', name: 'Jo', kind: 'personal' };

/** Item IDs of the form "t<ISO time>" decode to that time; anything else carries none. */
export const fakeDecode: DecodeItemTime = (_platform, id) => (id.startsWith('t') ? new Date(id.slice(1)) : null);

/** A fresh temp folder whose `file` is a log, removed by the returned cleanup. */
export const tempDir = (): TempDir => newTempDir('hatrack-log.jsonl');
/** The same, removed when the running test ends. */
export const tempDirForTest = (): TempDir => newTempDirForTest('hatrack-log.jsonl');

/** A reply line as the app writes it (a decoded start), for writing a log by hand; `extra` sets any field. */
export function replyLine(id: string, extra: Partial<ReplyLine> = {}): ReplyLine {
  return {
    v: 1,
    type: 'reply',
    id,
    account: brand,
    platform: 'x',
    replyToId: `r-${id}`,
    targetCreatedAt: '2026-03-06T16:00:00.000Z',
    startSource: 'decoded',
    sentAt: '2026-03-10T10:00:00.000Z',
    responseMs: 1,
    excerpt: `hello ${id}`,
    ...extra,
  };
}

/** A gate decision line as the app writes it (a confirmed post of the brand account on X); `extra` sets any field. */
export function gateLine(requestId: string, extra: Partial<GateLine> = {}): GateLine {
  return {
    v: 1,
    type: 'gate',
    at: '2026-03-10T10:00:00.000Z',
    requestId,
    account: brand,
    platform: 'x',
    action: 'post',
    decision: 'confirmed',
    text: null,
    textHash: null,
    ...extra,
  };
}

export function sequentialIds(prefix = 'e'): () => string {
  let n = 0;
  return () => `${prefix}${++n}`;
}
