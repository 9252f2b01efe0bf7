// Versioned migrations of the stored accounts and settings file; each step is pure and tested.

/** The schema version this build writes. */
export const STORE_SCHEMA_VERSION = 1;

type Stored = Record<string, unknown>;

/**
 * Migration from version N to N+1 at index N. Version 0 is any file without `schemaVersion`:
 * a hand-written file or one from a pre-release build, whose accounts may lack the fields added later.
 */
const MIGRATIONS: Array<(data: Stored) => Stored> = [
  (data) => ({
    ...data,
    accounts: Array.isArray(data.accounts) ? data.accounts.map((account: unknown) => migrateAccountV0(account)) : [],
    schemaVersion: 1,
  }),
];

function migrateAccountV0(account: unknown): unknown {
  if (!account || typeof account !== 'object') return account;
  const record = account as Stored;
  const kind = record.kind === 'brand' ? 'brand' : 'personal';
  return {
    watchWords: [],
    targetMinutes: 60,
    notifications: false,
    hibernate: true,
    createdAt: new Date(0).toISOString(),
    ...record,
    gate: record.gate ?? {
      mode: kind === 'brand' ? 'confirm' : 'off',
      delaySeconds: 10,
      actions: { post: true, reply: true, quote: true, edit: true, schedule: true, repost: true, message: true },
    },
  };
}

/** Result of bringing stored data up to date. */
export interface MigrationResult {
  data: Stored;
  from: number;
  /** True when the file comes from a newer build than this one (kept as is, read leniently). */
  newer: boolean;
}

/** Applies every migration from the stored version up to STORE_SCHEMA_VERSION. */
export function migrate(raw: unknown): MigrationResult {
  const data: Stored = raw && typeof raw === 'object' && !Array.isArray(raw) ? { ...(raw as Stored) } : {};
  const from = typeof data.schemaVersion === 'number' && Number.isInteger(data.schemaVersion) ? data.schemaVersion : 0;
  if (from > STORE_SCHEMA_VERSION) return { data, from, newer: true };
  let current = data;
  for (let version = from; version < STORE_SCHEMA_VERSION; version++) {
    const step = MIGRATIONS[version];
    if (step) current = step(current);
  }
  return { data: { ...current, schemaVersion: STORE_SCHEMA_VERSION }, from, newer: false };
}
