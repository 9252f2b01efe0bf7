// Line validation: the quick checks never accept what the zod schema rejects, agree with it on the result, and reasons are readable.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { logLineSchema, validateLogLine, validateParsedLine } from '../../../../shared/log/entry-schema.ts';

/** Both entry points agree with zod: acceptance, values, and key order (the loader's adopted lines are not copies). */
function expectLikeZod(line: Record<string, unknown>, strict: boolean): void {
  const zod = logLineSchema.safeParse(line);
  for (const ours of [validateLogLine(line), validateParsedLine(structuredClone(line))]) {
    expect(ours.ok).toBe(zod.success);
    if (ours.ok && zod.success) {
      if (strict) expect(ours.line).toStrictEqual(zod.data);
      else expect(ours.line).toEqual(zod.data);
      expect(Object.keys(ours.line)).toEqual(Object.keys(zod.data));
      if ('account' in zod.data) expect(Object.keys((ours.line as typeof zod.data).account)).toEqual(Object.keys(zod.data.account));
    }
  }
}

const good = {
  v: 1,
  type: 'reply',
  id: 'e1',
  account: { id: 'a', handle: 'acme', name: 'Acme', kind: 'brand' },
  platform: 'x',
  replyToId: '123',
  targetCreatedAt: '2026-03-10T10:00:00.000Z',
  startSource: 'decoded',
  sentAt: '2026-03-10T10:05:00.000Z',
  responseMs: 300000,
  excerpt: 'hi',
};

const oddValue = fc.oneof(
  fc.constant(null),
  fc.constant(undefined),
  fc.constant(''),
  fc.constant('x'.repeat(2001)),
  fc.constant('not a time'),
  fc.constant('2026-03-10T10:00:00+02:00'),
  fc.constant(Number.NaN),
  fc.constant(Infinity),
  fc.constant([]),
  fc.constant({}),
  fc.integer(),
  fc.string(),
);

describe('validateLogLine', () => {
  it('accepts a reply line and drops unknown keys, like zod', () => {
    const result = validateLogLine({ ...good, extra: 1, account: { ...good.account, extra: 2 } });
    expect(result).toEqual({ ok: true, line: logLineSchema.parse(good) });
  });

  it('never accepts a mutated reply line that zod rejects, and agrees with zod on the result', () => {
    const keys = [
      'v',
      'type',
      'id',
      'account',
      'platform',
      'replyToId',
      'targetCreatedAt',
      'startSource',
      'sentAt',
      'responseMs',
      'excerpt',
      'account.id',
      'account.handle',
      'account.name',
      'account.kind',
    ];
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...keys), oddValue, fc.boolean()), { maxLength: 3 }), (mutations) => {
        const line: Record<string, unknown> = structuredClone(good);
        for (const [key, value, remove] of mutations) {
          const [head, sub] = key.split('.') as [string, string | undefined];
          const target = sub ? (line.account as Record<string, unknown>) : line;
          if (typeof target !== 'object' || target === null) continue;
          if (remove) delete target[sub ?? head];
          else target[sub ?? head] = structuredClone(value); // a fresh copy: log lines come from JSON.parse and are never cyclic
        }
        expectLikeZod(line, false);
      }),
      { numRuns: 2000 },
    );
  });

  // The quick paths of the other lines loaded by the million: gate decisions, their results, corrections.
  const others: Record<string, Record<string, unknown>> = {
    gate: {
      v: 1,
      type: 'gate',
      at: '2026-03-10T10:00:00.000Z',
      requestId: 'r1',
      account: { id: 'a', handle: 'acme', name: 'Acme', kind: 'brand' },
      platform: 'x',
      action: 'post',
      decision: 'confirmed',
      text: 'Spring is here',
      textHash: 'ab'.repeat(32),
    },
    'gate-result': { v: 1, type: 'gate-result', at: '2026-03-10T10:00:01.000Z', requestId: 'r1', status: 200, error: null },
    correction: { v: 1, type: 'correction', targetId: 'e1', receivedAt: '2026-03-10T09:00:00.000Z', at: '2026-03-10T10:00:00.000Z', note: 'inbox' },
  };
  const moreOdd = fc.oneof(
    oddValue,
    fc.constant(1.5),
    fc.constant(-1),
    fc.constant(1000),
    fc.constant(2 ** 60),
    fc.constant('x'.repeat(129)),
    fc.constantFrom('reply', 'gate', 'post', 'cancelled', 'personal', 'mastodon'),
  );

  it.each(Object.keys(others))('agrees with zod on mutated %s lines', (type) => {
    const base = others[type] as Record<string, unknown>;
    const keys = [
      ...Object.keys(base),
      'note',
      'extra',
      ...('account' in base ? ['account.id', 'account.handle', 'account.name', 'account.kind', 'account.extra'] : []),
    ];
    expect(validateLogLine(base)).toEqual({ ok: true, line: logLineSchema.parse(base) });
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...keys), moreOdd, fc.boolean()), { maxLength: 3 }), (mutations) => {
        const line: Record<string, unknown> = structuredClone(base);
        for (const [key, value, remove] of mutations) {
          const [head, sub] = key.split('.') as [string, string | undefined];
          const target = sub ? (line.account as Record<string, unknown>) : line;
          if (typeof target !== 'object' || target === null) continue;
          if (remove) delete target[sub ?? head];
          else target[sub ?? head] = structuredClone(value);
        }
        expectLikeZod(line, true);
      }),
      { numRuns: 1500 },
    );
  });

  it('explains what is wrong', () => {
    expect(validateLogLine({ ...good, sentAt: 'sometime soon' })).toEqual({ ok: false, reason: 'schema: sentAt: not an ISO 8601 time' });
    expect(validateLogLine({ ...good, v: 2 })).toEqual({ ok: false, reason: 'unsupported schema version 2' });
    expect(validateLogLine({ v: 1, type: 'nope' })).toMatchObject({ ok: false });
  });
});
