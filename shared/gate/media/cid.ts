// Bluesky blob CIDs from uploaded bytes: CIDv1, raw codec, sha2-256, base32 — the `ref.$link` a post's image names.

const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';

/** RFC 4648 base32, lowercase, unpadded (the multibase 'b' alphabet). */
export function base32(bytes: Uint8Array): string {
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(buffer >>> (bits - 5)) & 31];
      bits -= 5;
    }
    buffer &= (1 << bits) - 1;
  }
  if (bits > 0) out += BASE32[(buffer << (5 - bits)) & 31];
  return out;
}

/**
 * The CID of a blob whose SHA-256 digest is `sha256`: version 1, raw codec (0x55), multihash
 * sha2-256 (0x12, 32 bytes), in multibase base32 ('b'). This is what the PDS answers to
 * `com.atproto.repo.uploadBlob` and what the post record's image `ref.$link` carries, so an upload
 * is matched to its post by content, exactly. The digest is passed in so this stays pure (the caller
 * hashes with node:crypto or WebCrypto).
 */
export function rawBlobCid(sha256: Uint8Array): string {
  if (sha256.length !== 32) throw new Error('a sha2-256 digest is 32 bytes');
  const cid = new Uint8Array(4 + 32);
  cid.set([0x01, 0x55, 0x12, 0x20]);
  cid.set(sha256, 4);
  return `b${base32(cid)}`;
}
