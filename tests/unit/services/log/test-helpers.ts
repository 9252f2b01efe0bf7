// Shared bits for the log service tests: temp folders, a fake ID decoder, fixed clocks and accounts.
import { newTempDir, type TempDir } from '../../temp-dir.ts';
import type { DecodeItemTime } from '../../../../shared/log/entry-schema.ts';
import type { AccountRef } from '../../../../shared/log/entry-schema.ts';

export const brand: AccountRef = { id: '11111111-1111-4111-8111-111111111111', handle: 'acme', name: 'Acme', kind: 'brand' };
export const personal: AccountRef = { id: '22222222-2222-4222-8222-222222222222', handle: 'jo', name: 'Jo', kind: 'personal' };

/** Item IDs of the form "t<ISO time>" decode to that time; anything else carries none. */
export const fakeDecode: DecodeItemTime = (_platform, id) => (id.startsWith('t') ? new Date(id.slice(1)) : null);

/** A fresh temp folder whose `file` is a log, removed by the returned cleanup. */
export const tempDir = (): TempDir => newTempDir('hatrack-log.jsonl');

export function sequentialIds(prefix = 'e'): () => string {
  let n = 0;
  return () => `${prefix}${++n}`;
}
