// Bluesky blob CIDs computed from bytes match the CIDs the AT Protocol tools print for the same bytes.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { base32, rawBlobCid } from '../../../../../shared/gate/media/cid.ts';

const sha256 = (text: string) => new Uint8Array(createHash('sha256').update(text).digest());

describe('rawBlobCid', () => {
  it('gives the known CIDv1 (raw, sha2-256, base32) of known bytes', () => {
    // Printed by multiformats' CID.createV1(raw.code, await sha256.digest(bytes)).toString().
    expect(rawBlobCid(sha256(''))).toBe('bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku');
    expect(rawBlobCid(sha256('hello world'))).toBe('bafkreifzjut3te2nhyekklss27nh3k72ysco7y32koao5eei66wof36n5e');
    expect(rawBlobCid(sha256('hatrack'))).toBe('bafkreidogmk7nxhwxazfuqr4dj5w7izapdhyk3wmxuuivghsvo5oqirmua');
  });

  it('refuses a digest that is not 32 bytes', () => {
    expect(() => rawBlobCid(new Uint8Array(20))).toThrow();
  });

  it('encodes base32 per RFC 4648 (lowercase, unpadded)', () => {
    const ascii = (text: string) => new TextEncoder().encode(text);
    expect(base32(ascii('f'))).toBe('my');
    expect(base32(ascii('fo'))).toBe('mzxq');
    expect(base32(ascii('foobar'))).toBe('mzxw6ytboi');
  });
});
