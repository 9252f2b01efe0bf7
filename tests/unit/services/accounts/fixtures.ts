// Shared bits for the account store and service tests: temp folders, a conf-backed store, stored accounts.
import { join } from 'node:path';
import Conf from 'conf';
import { newTempDir, newTempDirForTest, type TempDir } from '../../temp-dir.ts';
import { openAppStore, type OpenedStore } from '../../../../electron/main/services/accounts/app-store.ts';
import { defaultGatePolicy, type Account } from '../../../../shared/accounts/account.ts';

export const NOW = new Date('2026-03-10T12:00:00.000Z');
/** The backup name openAppStore derives from NOW. */
export const BACKUP_SUFFIX = '.corrupt-2026-03-10T12-00-00-000Z';

/** A fresh temp folder whose `file` is the store's, removed by the returned cleanup. */
export const tempDir = (): TempDir => newTempDir('hatrack.json');
/** The same, removed when the running test ends. */
export const tempDirForTest = (): TempDir => newTempDirForTest('hatrack.json');

/** Opens the store in `dir` as the app does, with conf standing in for electron-store. */
export function openStore(dir: string, now: Date = NOW): OpenedStore {
  return openAppStore(
    join(dir, 'hatrack.json'),
    () => new Conf<Record<string, unknown>>({ cwd: dir, configName: 'hatrack', clearInvalidConfig: false, projectName: 'hatrack' }),
    { timeZone: 'Europe/Paris', now: () => now },
  );
}

/** A valid uuid (v4 layout) numbered n. */
export function uuid(n: number): string {
  return `${n.toString(16).padStart(8, '0')}-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
}

/** A valid stored account numbered n. */
export function storedAccount(n: number, overrides: Partial<Account> = {}): Account {
  const id = uuid(n);
  return {
    id,
    partition: `persist:account-${id}`,
    name: `Account ${n}`,
    handle: `account${n}`,
    platform: 'x',
    startUrl: 'https://x.com/home',
    kind: 'brand',
    color: '#1d4ed8',
    gate: defaultGatePolicy('brand'),
    watchWords: [],
    targetMinutes: 60,
    notifications: false,
    hibernate: true,
    createdAt: '2026-03-01T09:00:00.000Z',
    ...overrides,
  };
}
