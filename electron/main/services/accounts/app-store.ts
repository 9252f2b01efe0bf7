// The typed wrapper over electron-store (conf in tests): validated accounts and settings, migrations, corrupt-file recovery.
import { copyFileSync, existsSync, readFileSync, renameSync } from 'node:fs';
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
export function openAppStore(filePath: string, createBackend: () => StoreBackend, options: { timeZone: string; now: () => Date }): OpenedStore {
  const warnings: StoreWarning[] = [];
  const stamp = options.now().toISOString().replace(/[:.]/g, '-');
  const backupPath = `${filePath}.corrupt-${stamp}`;
  let backend: StoreBackend;
  const setAside = () => {
    renameSync(filePath, backupPath);
    warnings.push({ id: `store-unreadable-${stamp}`, messageKey: 'warnings.storeUnreadable', values: { backup: backupPath } });
  };
  try {
    backend = createBackend();
    // conf reads valid JSON that is not an object (a hand-edited array) as {}: set such a file aside too.
    if (!holdsObject(filePath)) {
      setAside();
      backend = createBackend();
    }
  } catch (error) {
    if (!existsSync(filePath)) throw error;
    setAside();
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

/** False when the file exists and holds JSON whose top level is not an object. */
function holdsObject(filePath: string): boolean {
  if (!existsSync(filePath)) return true;
  try {
    const value: unknown = JSON.parse(readFileSync(filePath, 'utf8'));
    return value !== null && typeof value === 'object' && !Array.isArray(value);
  } catch {
    return false;
  }
}

const STORED_KEYS = new Set(['schemaVersion', 'accounts', 'activeId', 'settings', 'removedPartitions', 'identities']);

/** Keeps every valid piece of possibly damaged data; counts what had to be dropped. */
export function salvage(raw: unknown, timeZone: string): { data: StoredData; dropped: number; newer: boolean } {
  const { data: migrated, newer } = migrate(raw);
  // Valid JSON that is not an object (a hand-edited array, a number) holds nothing we can keep: say so.
  let dropped = raw !== undefined && (raw === null || typeof raw !== 'object' || Array.isArray(raw)) ? 1 : 0;
  // Keys this version does not know (conf turns a top-level array into {"0": …}) would be lost on save.
  if (dropped === 0 && !newer && raw && typeof raw === 'object') dropped += Object.keys(raw).filter((key) => !STORED_KEYS.has(key)).length;
  const accounts: Account[] = [];
  const seen = new Set<string>();
  const partitions = new Set<string>();
  for (const candidate of Array.isArray(migrated.accounts) ? migrated.accounts : []) {
    const parsed = accountSchema.safeParse(candidate);
    // Two accounts must never share a session: a duplicate id or partition is dropped.
    if (parsed.success && !seen.has(parsed.data.id) && !partitions.has(parsed.data.partition)) {
      accounts.push(parsed.data);
      seen.add(parsed.data.id);
      partitions.add(parsed.data.partition);
    } else dropped++;
  }
  if (migrated.accounts !== undefined && !Array.isArray(migrated.accounts)) dropped++;
  const settings = salvageSettings(migrated.settings, timeZone);
  dropped += settings.dropped;
  const activeId = typeof migrated.activeId === 'string' && seen.has(migrated.activeId) ? migrated.activeId : (accounts[0]?.id ?? null);
  const removed = z.array(z.string()).safeParse(migrated.removedPartitions);
  if (migrated.removedPartitions !== undefined && !removed.success) dropped++;
  const identities = salvageIdentities(migrated.identities);
  dropped += identities.dropped;
  return {
    data: {
      schemaVersion: STORE_SCHEMA_VERSION,
      accounts,
      activeId,
      settings: settings.value,
      removedPartitions: removed.success ? removed.data : [],
      identities: identities.value,
    },
    dropped,
    newer,
  };
}

/** Keeps every identity that is a string; counts the rest. */
function salvageIdentities(raw: unknown): { value: Record<string, string>; dropped: number } {
  if (raw === undefined) return { value: {}, dropped: 0 };
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return { value: {}, dropped: 1 };
  const entries = Object.entries(raw as Record<string, unknown>);
  const kept = entries.filter((entry): entry is [string, string] => typeof entry[1] === 'string');
  return { value: Object.fromEntries(kept), dropped: entries.length - kept.length };
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
