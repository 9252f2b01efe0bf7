// Account form and patch validation: what the manager types is refused with the right message or cleaned up before storing.
import { describe, it, expect } from 'vitest';
import { accountInputSchema, accountPatchSchema, accountSchema, defaultGatePolicy, type AccountInput } from '../../../../shared/accounts/account.ts';
import { POST_ACTIONS } from '../../../../shared/gate/types.ts';

const valid: AccountInput = { name: 'Acme', handle: 'acme', platform: 'x', kind: 'brand', color: '#1d4ed8' };

/** The message keys zod reports for `input`, by first path segment. */
function errorsOf(input: unknown): Record<string, string> {
  const result = accountInputSchema.safeParse(input);
  if (result.success) return {};
  const found: Record<string, string> = {};
  for (const issue of result.error.issues) found[String(issue.path[0])] ??= issue.message;
  return found;
}

describe('accountInputSchema', () => {
  it('accepts a complete form and returns it unchanged', () => {
    expect(accountInputSchema.parse(valid)).toEqual(valid);
  });

  it.each(['', '   ', '\t\n'])('refuses a blank name %j with errors.name', (name) => {
    expect(errorsOf({ ...valid, name })).toEqual({ name: 'errors.name' });
  });

  it('trims the name and allows exactly 80 characters but not 81', () => {
    expect(accountInputSchema.parse({ ...valid, name: '  Acme Support  ' }).name).toBe('Acme Support');
    expect(accountInputSchema.safeParse({ ...valid, name: 'a'.repeat(80) }).success).toBe(true);
    expect(errorsOf({ ...valid, name: 'a'.repeat(81) })).toEqual({ name: 'errors.nameLength' });
  });

  it.each([
    ['@ada', 'ada'],
    ['  @ada  ', 'ada'],
    ['ada', 'ada'],
    ['ada@mastodon.social', 'ada@mastodon.social'],
  ])('stores handle %j as %j (one leading @ stripped)', (handle, stored) => {
    expect(accountInputSchema.parse({ ...valid, handle }).handle).toBe(stored);
  });

  it.each(['', '   ', '@', ' @ '])('refuses an empty handle %j with errors.handle', (handle) => {
    expect(errorsOf({ ...valid, handle })).toEqual({ handle: 'errors.handle' });
  });

  it('refuses a handle longer than 120 characters after the @ is stripped', () => {
    expect(accountInputSchema.safeParse({ ...valid, handle: `@${'a'.repeat(120)}` }).success).toBe(true);
    expect(errorsOf({ ...valid, handle: 'a'.repeat(121) })).toEqual({ handle: 'errors.handle' });
  });

  it.each(['#1D4ED8', '#000000', '#ffffff', '#aBc123'])('accepts the hex colour %s', (color) => {
    expect(accountInputSchema.safeParse({ ...valid, color }).success).toBe(true);
  });

  it.each(['1d4ed8', '#1d4ed', '#1d4ed8ff', '#fff', 'blue', '#gggggg', 'rgb(0,0,0)', ''])('refuses the colour %j with errors.color', (color) => {
    expect(errorsOf({ ...valid, color })).toEqual({ color: 'errors.color' });
  });

  it.each(['https://example.com/', 'http://localhost:8080/feed', 'https://social.example.org/@brand'])('accepts the start URL %s', (startUrl) => {
    expect(accountInputSchema.parse({ ...valid, platform: 'custom', startUrl }).startUrl).toBe(startUrl);
  });

  it('trims spaces around the start URL', () => {
    expect(accountInputSchema.parse({ ...valid, startUrl: '  https://example.com/  ' }).startUrl).toBe('https://example.com/');
  });

  it.each([
    'ftp://example.com/',
    'javascript:alert(1)',
    'file:///etc/passwd',
    'data:text/html,<b>hi</b>',
    'example.com',
    'https://',
    'app://hatrack/index.html',
    '',
  ])('refuses the start URL %j with errors.url', (startUrl) => {
    expect(errorsOf({ ...valid, startUrl })).toEqual({ startUrl: 'errors.url' });
  });

  it('refuses unknown platforms and kinds', () => {
    expect(Object.keys(errorsOf({ ...valid, platform: 'myspace' }))).toEqual(['platform']);
    expect(Object.keys(errorsOf({ ...valid, kind: 'company' }))).toEqual(['kind']);
  });

  it('reports every broken field at once so the form can mark each', () => {
    expect(errorsOf({ name: '', handle: '@', platform: 'x', kind: 'brand', color: 'red' })).toEqual({
      name: 'errors.name',
      handle: 'errors.handle',
      color: 'errors.color',
    });
  });
});

describe('accountPatchSchema', () => {
  it('accepts an empty patch and a partial one', () => {
    expect(accountPatchSchema.parse({})).toEqual({});
    expect(accountPatchSchema.parse({ name: ' Renamed ' })).toEqual({ name: 'Renamed' });
  });

  it('strips the @ of a new handle and still refuses an empty one', () => {
    expect(accountPatchSchema.parse({ handle: '@newname' })).toEqual({ handle: 'newname' });
    expect(accountPatchSchema.safeParse({ handle: '@' }).success).toBe(false);
  });

  it('drops id and partition: they can never be edited', () => {
    const parsed = accountPatchSchema.parse({
      id: '33333333-3333-4333-8333-333333333333',
      partition: 'persist:account-33333333-3333-4333-8333-333333333333',
      name: 'Renamed',
    });
    expect(parsed).toEqual({ name: 'Renamed' });
  });

  it('validates the gate policy: delay between 1 and 600 seconds, known modes only', () => {
    const gate = defaultGatePolicy('brand');
    expect(accountPatchSchema.safeParse({ gate: { ...gate, mode: 'delay', delaySeconds: 600 } }).success).toBe(true);
    expect(accountPatchSchema.safeParse({ gate: { ...gate, delaySeconds: 0 } }).success).toBe(false);
    expect(accountPatchSchema.safeParse({ gate: { ...gate, delaySeconds: 601 } }).success).toBe(false);
    expect(accountPatchSchema.safeParse({ gate: { ...gate, delaySeconds: 2.5 } }).success).toBe(false);
    expect(accountPatchSchema.safeParse({ gate: { ...gate, mode: 'never' } }).success).toBe(false);
    const { repost: _repost, ...missingOne } = gate.actions;
    expect(accountPatchSchema.safeParse({ gate: { ...gate, actions: missingOne } }).success).toBe(false);
  });

  it('trims watch words and refuses blank ones or more than 50', () => {
    expect(accountPatchSchema.parse({ watchWords: [' refund ', 'lawsuit'] }).watchWords).toEqual(['refund', 'lawsuit']);
    expect(accountPatchSchema.safeParse({ watchWords: ['  '] }).success).toBe(false);
    expect(accountPatchSchema.safeParse({ watchWords: Array.from({ length: 51 }, (_, i) => `w${i}`) }).success).toBe(false);
  });

  it('keeps the response target between one minute and thirty days, in whole minutes', () => {
    expect(accountPatchSchema.safeParse({ targetMinutes: 1 }).success).toBe(true);
    expect(accountPatchSchema.safeParse({ targetMinutes: 43_200 }).success).toBe(true);
    expect(accountPatchSchema.safeParse({ targetMinutes: 0 }).success).toBe(false);
    expect(accountPatchSchema.safeParse({ targetMinutes: 43_201 }).success).toBe(false);
    expect(accountPatchSchema.safeParse({ targetMinutes: 1.5 }).success).toBe(false);
  });

  it('still refuses a bad colour or start URL in a patch', () => {
    expect(accountPatchSchema.safeParse({ color: 'red' }).success).toBe(false);
    expect(accountPatchSchema.safeParse({ startUrl: 'javascript:alert(1)' }).success).toBe(false);
  });
});

describe('accountSchema', () => {
  const stored = {
    id: '11111111-1111-4111-8111-111111111111',
    partition: 'persist:account-11111111-1111-4111-8111-111111111111',
    name: 'Acme',
    handle: 'acme',
    platform: 'x',
    startUrl: 'https://x.com/home',
    kind: 'brand',
    color: '#1d4ed8',
    gate: defaultGatePolicy('brand'),
    watchWords: [],
    targetMinutes: 60,
    notifications: false,
    hibernate: true,
    createdAt: '2026-03-10T12:00:00.000Z',
  };

  it('accepts a stored account', () => {
    expect(accountSchema.safeParse(stored).success).toBe(true);
  });

  it.each([
    'account-11111111-1111-4111-8111-111111111111',
    'persist:11111111-1111-4111-8111-111111111111',
    'persist:account-',
    'persist:account-shared',
    'persist:account-11111111-1111-4111-8111-111111111111-x',
  ])('refuses the partition %j (only persist:account-<uuid>)', (partition) => {
    expect(accountSchema.safeParse({ ...stored, partition }).success).toBe(false);
  });

  it('refuses an id that is not a uuid', () => {
    expect(accountSchema.safeParse({ ...stored, id: 'acme' }).success).toBe(false);
  });
});

describe('defaultGatePolicy', () => {
  it('confirms every action of a BRAND account', () => {
    const policy = defaultGatePolicy('brand');
    expect(policy.mode).toBe('confirm');
    for (const action of POST_ACTIONS) expect(policy.actions[action], action).toBe(true);
  });

  it('leaves a PERSONAL account ungated', () => {
    expect(defaultGatePolicy('personal').mode).toBe('off');
  });

  it('gives a valid delay so switching to delay mode needs no other change', () => {
    const policy = defaultGatePolicy('brand');
    expect(accountPatchSchema.safeParse({ gate: { ...policy, mode: 'delay' } }).success).toBe(true);
    expect(policy.delaySeconds).toBeGreaterThanOrEqual(1);
  });

  it('returns a fresh object each time: editing one account never changes the next one', () => {
    const first = defaultGatePolicy('brand');
    first.mode = 'off';
    first.actions.post = false;
    const second = defaultGatePolicy('brand');
    expect(second.mode).toBe('confirm');
    expect(second.actions.post).toBe(true);
  });
});
