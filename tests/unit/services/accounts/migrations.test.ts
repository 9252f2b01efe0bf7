// Stored-file migrations: an old file gains each account's later fields, a newer one is flagged, garbage becomes an empty store.
import { describe, it, expect } from 'vitest';
import { migrate, STORE_SCHEMA_VERSION } from '../../../../electron/main/services/accounts/migrations.ts';
import { accountSchema } from '../../../../shared/accounts/account.ts';
import { storedAccount } from './fixtures.ts';

/** An account as a pre-release build wrote it: none of the fields added later. */
function v0Account(n: number, kind: 'brand' | 'personal') {
  const { gate: _gate, watchWords: _w, targetMinutes: _t, notifications: _n, hibernate: _h, createdAt: _c, ...rest } = storedAccount(n, { kind });
  return rest;
}

describe('migrate', () => {
  it('brings a file without schemaVersion to the current version, each account with defaults', () => {
    const result = migrate({ accounts: [v0Account(1, 'brand'), v0Account(2, 'personal')], activeId: null });
    expect(result.from).toBe(0);
    expect(result.newer).toBe(false);
    expect(result.data.schemaVersion).toBe(STORE_SCHEMA_VERSION);
    const [brand, personal] = result.data.accounts as Array<Record<string, unknown>>;
    expect(brand).toMatchObject({
      watchWords: [],
      targetMinutes: 60,
      notifications: false,
      hibernate: true,
      createdAt: '1970-01-01T00:00:00.000Z',
      gate: { mode: 'confirm', delaySeconds: 10 },
    });
    expect(personal).toMatchObject({ gate: { mode: 'off' } });
    // A migrated account is a valid stored account: nothing is lost when the store loads it.
    expect(accountSchema.safeParse(brand).success).toBe(true);
    expect(accountSchema.safeParse(personal).success).toBe(true);
  });

  it('holds every publishing action of a migrated BRAND account', () => {
    const [brand] = migrate({ accounts: [v0Account(1, 'brand')] }).data.accounts as Array<{ gate: { actions: Record<string, boolean> } }>;
    expect(Object.values(brand?.gate.actions ?? {})).toEqual(Array(7).fill(true));
    expect(Object.keys(brand?.gate.actions ?? {}).sort()).toEqual(['edit', 'message', 'post', 'quote', 'reply', 'repost', 'schedule']);
  });

  it('keeps what an old account already had rather than overwriting it with defaults', () => {
    const gate = {
      mode: 'delay',
      delaySeconds: 30,
      actions: { post: true, reply: false, quote: true, edit: true, schedule: true, repost: false, message: false },
    };
    const old = { ...v0Account(1, 'brand'), hibernate: false, watchWords: ['refund'], gate, createdAt: '2025-12-24T08:00:00.000Z' };
    const [migrated] = migrate({ accounts: [old] }).data.accounts as Array<Record<string, unknown>>;
    expect(migrated).toMatchObject({ hibernate: false, watchWords: ['refund'], gate, createdAt: '2025-12-24T08:00:00.000Z', name: 'Account 1' });
  });

  it('treats an account of unknown kind as personal for its default gate', () => {
    const [migrated] = migrate({ accounts: [{ ...v0Account(1, 'brand'), kind: undefined }] }).data.accounts as Array<{ gate: { mode: string } }>;
    expect(migrated?.gate.mode).toBe('off');
  });

  it('leaves a current file as it is', () => {
    const current = {
      schemaVersion: STORE_SCHEMA_VERSION,
      accounts: [storedAccount(1)],
      activeId: storedAccount(1).id,
      removedPartitions: ['persist:account-x'],
    };
    const result = migrate(current);
    expect(result).toEqual({ data: current, from: STORE_SCHEMA_VERSION, newer: false });
  });

  it('flags a file from a newer build and keeps it untouched', () => {
    const future = { schemaVersion: STORE_SCHEMA_VERSION + 1, accounts: [{ ...storedAccount(1), futureField: 'x' }], somethingNew: true };
    const result = migrate(future);
    expect(result.newer).toBe(true);
    expect(result.from).toBe(STORE_SCHEMA_VERSION + 1);
    expect(result.data).toEqual(future);
  });

  it.each([
    ['null', null],
    ['undefined', undefined],
    ['a string', 'accounts'],
    ['a number', 42],
    ['an array', [storedAccount(1)]],
    ['true', true],
  ])('turns %s into an empty current store', (_what, raw) => {
    const result = migrate(raw);
    expect(result.newer).toBe(false);
    expect(result.data).toEqual({ accounts: [], schemaVersion: STORE_SCHEMA_VERSION });
  });

  it('treats a non-integer or textual schemaVersion as an old file and migrates it', () => {
    for (const schemaVersion of ['1', 0.5, null, Number.NaN]) {
      const result = migrate({ schemaVersion, accounts: [v0Account(1, 'brand')] });
      expect(result.from, String(schemaVersion)).toBe(0);
      expect(result.data.schemaVersion).toBe(STORE_SCHEMA_VERSION);
      expect((result.data.accounts as Array<{ hibernate: boolean }>)[0]?.hibernate).toBe(true);
    }
  });

  it('replaces an accounts field that is not a list with an empty one', () => {
    expect(migrate({ accounts: { a: 1 } }).data.accounts).toEqual([]);
  });

  it('does not modify the object it was given', () => {
    const raw = { accounts: [v0Account(1, 'brand')] };
    const copy = structuredClone(raw);
    migrate(raw);
    expect(raw).toEqual(copy);
  });
});
