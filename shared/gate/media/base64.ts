// Base64 decoding without Buffer (shared/ runs in Node and the browser): X's `media_data`, data: URLs, Facebook feedback IDs, YouTube params.

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const LOOKUP = new Int16Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) LOOKUP[ALPHABET.charCodeAt(i)] = i;
LOOKUP['-'.charCodeAt(0)] = 62;
LOOKUP['_'.charCodeAt(0)] = 63;

/**
 * Decodes standard or URL-safe base64 by WHATWG's forgiving-base64 rules (what `atob` accepts, with `-` and
 * `_` also read as `+` and `/`): ASCII whitespace is ignored, padding only at the end; null when it is not base64.
 */
export function base64Bytes(text: string): Uint8Array | null {
  let clean = text.replace(/[\t\n\f\r ]/g, '');
  if (clean.length % 4 === 0) clean = clean.replace(/={1,2}$/, '');
  // One character left over carries fewer than 8 bits: no byte ends there, so it is not base64.
  if (clean.length % 4 === 1) return null;
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let buffer = 0;
  let bits = 0;
  let at = 0;
  for (let i = 0; i < clean.length; i++) {
    const code = clean.charCodeAt(i);
    const value = code < 128 ? (LOOKUP[code] ?? -1) : -1;
    if (value < 0) return null;
    buffer = ((buffer << 6) | value) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[at++] = (buffer >> bits) & 0xff;
    }
  }
  return out.subarray(0, at);
}
