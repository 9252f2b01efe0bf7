// The identity the gate reads from X's twid cookie, shared by the Electron adapter and the test harness.
import { describe, expect, it } from 'vitest';
import { identityFromTwid } from '../../../../shared/platforms/x.ts';

describe('identityFromTwid', () => {
  it.each([
    ['u%3D1790000000000000001', 'x:1790000000000000001'],
    ['"u=12"', 'x:12'],
  ])('reads %s as %s', (value, identity) => {
    expect(identityFromTwid(value)).toBe(identity);
  });

  it.each([undefined, null, '', 'guest', 'u%3D'])('names nobody for %s', (value) => {
    expect(identityFromTwid(value)).toBeNull();
  });
});
