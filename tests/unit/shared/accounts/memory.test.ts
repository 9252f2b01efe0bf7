// Matching app.getAppMetrics() to each account view's OS process.
import { describe, expect, it } from 'vitest';
import { memoryByAccount } from '../../../../shared/accounts/memory.ts';

describe('memoryByAccount', () => {
  const metrics = [
    { pid: 100, memory: { workingSetSize: 90_000 } }, // the browser process
    { pid: 201, memory: { workingSetSize: 250_000, privateBytes: 180_000 } },
    { pid: 202, memory: { workingSetSize: 400_000 } },
  ];

  it('gives each account its own process figure, private bytes where the OS reports them', () => {
    const result = memoryByAccount(
      ['a', 'b'],
      [
        { accountId: 'a', pid: 201 },
        { accountId: 'b', pid: 202 },
      ],
      metrics,
    );
    expect(result).toEqual([
      { accountId: 'a', kilobytes: 180_000, sharedWith: [] },
      { accountId: 'b', kilobytes: 400_000, sharedWith: [] },
    ]);
  });

  it('says nothing for an asleep view, a view without a process yet, or a process missing from the metrics', () => {
    const result = memoryByAccount(
      ['asleep', 'starting', 'gone'],
      [
        { accountId: 'starting', pid: 0 },
        { accountId: 'gone', pid: 999 },
      ],
      metrics,
    );
    expect(result.map((entry) => entry.kilobytes)).toEqual([null, null, null]);
  });

  it('names the accounts that share one process instead of counting it twice silently', () => {
    const result = memoryByAccount(
      ['a', 'b', 'c'],
      [
        { accountId: 'a', pid: 202 },
        { accountId: 'b', pid: 202 },
        { accountId: 'c', pid: 201 },
      ],
      metrics,
    );
    expect(result[0]).toEqual({ accountId: 'a', kilobytes: 400_000, sharedWith: ['b'] });
    expect(result[1]).toEqual({ accountId: 'b', kilobytes: 400_000, sharedWith: ['a'] });
    expect(result[2]?.sharedWith).toEqual([]);
  });

  it('keeps the order of the accounts asked for', () => {
    const result = memoryByAccount(
      ['b', 'a'],
      [
        { accountId: 'a', pid: 201 },
        { accountId: 'b', pid: 202 },
      ],
      metrics,
    );
    expect(result.map((entry) => entry.accountId)).toEqual(['b', 'a']);
  });
});
