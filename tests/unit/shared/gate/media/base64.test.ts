// base64Bytes accepts exactly what atob accepts (with the URL-safe alphabet too), so the platforms can share it.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { base64Bytes } from '../../../../../shared/gate/media/base64.ts';

/** What atob makes of the text once `-` and `_` read as `+` and `/`, as bytes; null where atob throws. */
function viaAtob(text: string): Uint8Array | null {
  try {
    return Uint8Array.from(atob(text.replace(/-/g, '+').replace(/_/g, '/')), (char) => char.charCodeAt(0));
  } catch {
    return null;
  }
}

const base64ish = fc.string({ unit: fc.constantFrom(...'AQgw09+/-_= \n\t\u00a0!'.split('')), maxLength: 24 });

describe('base64Bytes', () => {
  it('decodes standard and URL-safe base64, padded or not', () => {
    expect(base64Bytes(btoa('feedback:123'))).toEqual(new TextEncoder().encode('feedback:123'));
    expect(base64Bytes('-_8')).toEqual(new Uint8Array([0xfb, 0xff]));
    expect(base64Bytes('+/8=')).toEqual(new Uint8Array([0xfb, 0xff]));
    expect(base64Bytes('iVBO\r\nRw0K')).toEqual(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a]));
  });
  it('refuses what is not base64: a lone trailing character, padding inside, other characters', () => {
    expect(base64Bytes('QUJDR')).toBeNull();
    expect(base64Bytes('QQ==QUJD')).toBeNull();
    expect(base64Bytes('QUJD\u00a0')).toBeNull();
    expect(base64Bytes('not base64!')).toBeNull();
  });
  it('agrees with atob on any text', () => {
    fc.assert(
      fc.property(base64ish, (text) => {
        expect(base64Bytes(text)).toEqual(viaAtob(text));
      }),
      { numRuns: 2000 },
    );
  });
});
