// The typed wrapper over electron-store (conf in tests): validated accounts and settings, migrations, corrupt-file recovery.
import { copyFileSync, existsSync, renameSync } from 'node:fs';
import { z } from 'zod';
import { accountSchema, type Account } from '../../../../shared/accounts/account.ts';
import { defaultSettings, settingsSchema, type Settings } from '../../../../shared/accounts/settings.ts';
import type { StoreWarning } from '../../../../shared/ipc/contract.ts';
import { migrate, STORE_SCHEMA_VERSION } from './migrations.ts';

/** The few calls Hatrack needs from electron-store / conf (both implement them). */
export interface StoreBackend {
  readonly store: Record<string, unknown>;
  /** Sets several keys in one write. */
  set(values: Record<string, unknown>): void;
}

/** What is persisted. */
export interface StoredData {
  schemaVersion: number;
  accounts: Account[];
  activeId: string | null;
  settings: Settings;
  /** Partitions of removed accounts: a new account never gets one of these. */
  removedPartitions: string[];
  /** Identity first confirmed in each account's frame (the gate's identity check). */
  identities: Record<string, string>;
}

export interface OpenedStore {
  store: AppStore;
  warnings: StoreWarning[];
}

/**
 * Opens the store file at `filePath` through `createBackend` (which throws on an unparsable file, as
 * electron-store and conf do with clearInvalidConfig off). A corrupt or hand-edited file is copied next to
 * itself, the user is warned, and everything valid in it is kept: never a crash, never a silent loss.
 */
export function openAppStore(
  filePath: string,
  createBackend: () => StoreBackend,
  options: { timeZone: string; now: () => Date },
): OpenedStore {
  const warnings: StoreWarning[] = [];
  const stamp = options.now().toISOString().replace(/[:.]/g, '-');
  const backupPath = `${filePath}.corrupt-${stamp}`;
  let backend: StoreBackend;
  try {
    backend = createBackend();
  } catch (error) {
    if (!existsSync(filePath)) throw error;
    renameSync(filePath, backupPath);
    warnings.push({ id: `store-unreadable-${stamp}`, messageKey: 'warnings.storeUnreadable', values: { backup: backupPath } });
    backend = createBackend();
  }
  const { data, dropped, newer } = salvage(backend.store, options.timeZone);
  if (dropped > 0 || newer) {
    if (existsSync(filePath)) copyFileSync(filePath, backupPath);
    warnings.push({
      id: `store-repaired-${stamp}`,
      messageKey: newer ? 'warnings.storeNewer' : 'warnings.storeRepaired',
      values: { backup: backupPath, dropped },
    });
  }
  const store = new AppStore(backend, data);
  store.save();
  return { store, warnings };
}

/** Keeps every valid piece of possibly damaged data; counts what had to be dropped. */
export function salvage(raw: unknown, timeZone: string): { data: StoredData; dropped: number; newer: boolean } {
  const { data: migrated, newer } = migrate(raw);
  let dropped = 0;
  const accounts: Account[] = [];
  const seen = new Set<string>();
  for (const candidate of Array.isArray(migrated.accounts) ? migrated.accounts : []) {
    const parsed = accountSchema.safeParse(candidate);
    if (parsed.success && !seen.has(parsed.data.id)) {
      accounts.push(parsed.data);
      seen.add(parsed.data.id);
    } else dropped++;
  }
  if (migrated.accounts !== undefined && !Array.isArray(migrated.accounts)) dropped++;
  const settings = salvageSettings(migrated.settings, timeZone);
  dropped += settings.dropped;
  const activeId = typeof migrated.activeId === 'string' && seen.has(migrated.activeId) ? migrated.activeId : (accounts[0]?.id ?? null);
  const removed = z.array(z.string()).safeParse(migrated.removedPartitions);
  const identities = z.record(z.string(), z.string()).safeParse(migrated.identities ?? {});
  if (migrated.removedPartitions !== undefined && !removed.success) dropped++;
  return {
    data: {
      schemaVersion: STORE_SCHEMA_VERSION,
      accounts,
      activeId,
      settings: settings.value,
      removedPartitions: removed.success ? removed.data : [],
      identities: identities.success ? identities.data : {},
    },
    dropped,
    newer,
  };
}

function salvageSettings(raw: unknown, timeZone: string): { value: Settings; dropped: number } {
  const defaults = defaultSettings(timeZone);
  if (raw === undefined) return { value: defaults, dropped: 0 };
  if (!raw || typeof raw !== 'object') return { value: defaults, dropped: 1 };
  const value: Record<string, unknown> = { ...defaults };
  let dropped = 0;
  for (const [key, fieldSchema] of Object.entries(settingsSchema.shape)) {
    const field = (raw as Record<string, unknown>)[key];
    if (field === undefined) continue;
    const parsed = (fieldSchema as z.ZodType).safeParse(field);
    if (parsed.success) value[key] = parsed.data;
    else dropped++;
  }
  return { value: value as Settings, dropped };
}

/** Typed access to the stored data; every write goes through `save()`. */
export class AppStore {
  constructor(
    private readonly backend: StoreBackend,
    private data: StoredData,
  ) {}

  get snapshot(): Readonly<StoredData> {
    return this.data;
  }

  update(change: (data: StoredData) => StoredData): void {
    this.data = change(this.data);
    this.save();
  }

  save(): void {
    this.backend.set({ ...this.data });
  }
}
