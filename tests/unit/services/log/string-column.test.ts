// The paged string column and id table behave like an array of strings and a Map, whatever the values.
import { describe, it, expect } from 'vitest';
import { IdTable, StringColumn } from '../../../../electron/main/services/log/string-column.ts';

describe('StringColumn and IdTable', () => {
  it('round-trip every kind of value and find ids across rehashes', () => {
    const values: Array<string | null> = ['', 'a', null, 'é😀', '\ud800 lone', 'x'.repeat(100), 'big'.repeat(2_000_000)];
    for (let i = 0; i < 5000; i++) values.push(`id-${i}-${'z'.repeat(i % 70)}`);
    const column = new StringColumn();
    const table = new IdTable(column);
    const seen = new Map<string, number>();
    values.forEach((value, i) => {
      column.push(value);
      if (value !== null && !seen.has(value)) {
        table.insert(i);
        seen.set(value, i);
      }
    });
    values.forEach((value, i) => expect(column.get(i)).toBe(value));
    for (const [value, i] of seen) expect(table.get(value)).toBe(i);
    expect(table.has('id-5000')).toBe(false);
    expect(table.get('\ud800')).toBeUndefined();
  });
});
