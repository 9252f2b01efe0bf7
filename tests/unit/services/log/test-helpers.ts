// Shared bits for the log service tests: temp folders, a fake ID decoder, fixed clocks and accounts.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DecodeItemTime } from '../../../../shared/log/entry-schema.ts';
import type { AccountRef } from '../../../../shared/log/entry-schema.ts';

export const brand: AccountRef = { id: '11111111-1111-4111-8111-111111111111', handle: 'acme', name: 'Acme', kind: 'brand' };
export const personal: AccountRef = { id: '22222222-2222-4222-8222-222222222222', handle: 'jo', name: 'Jo', kind: 'personal' };

/** Item IDs of the form "t<ISO time>" decode to that time; anything else carries none. */
export const fakeDecode: DecodeItemTime = (_platform, id) => (id.startsWith('t') ? new Date(id.slice(1)) : null);

export function tempDir(): { dir: string; file: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'hatrack-log-'));
  return { dir, file: join(dir, 'hatrack-log.jsonl'), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export function sequentialIds(prefix = 'e'): () => string {
  let n = 0;
  return () => `${prefix}${++n}`;
}
