// grownTo: the one way the log's typed-array columns grow (kept as is when big enough, doubled, new slots filled).
import { describe, expect, it } from 'vitest';
import { grownTo } from '../../../../electron/main/services/log/typed-arrays.ts';

describe('grownTo', () => {
  it('keeps an array that already holds the size', () => {
    const array = new Int32Array(2048);
    expect(grownTo(array, 2048)).toBe(array);
  });

  it('grows to at least twice the length (1024 at least), same type, values kept, new slots filled', () => {
    const small = Float64Array.from([1, 2, 3]);
    const grown = grownTo(small, 4);
    expect(grown).toBeInstanceOf(Float64Array);
    expect(grown.length).toBe(1024);
    expect(Array.from(grown.subarray(0, 4))).toEqual([1, 2, 3, 0]);
    const chain = grownTo(
      Int32Array.from({ length: 1024 }, (_, i) => i),
      1025,
      -1,
    );
    expect(chain.length).toBe(2048);
    expect([chain[1023], chain[1024], chain[2047]]).toEqual([1023, -1, -1]);
    expect(grownTo(new Uint8Array(1024), 5000).length).toBe(5000);
  });
});
