// A byte-exact multipart/form-data reader: file parts keep their bytes (the gate's text reader decodes them as UTF-8).
import type { MultipartPart } from './types.ts';

const latin1 = new TextDecoder('latin1');
const utf8 = new TextDecoder('utf-8');

function indexOf(haystack: Uint8Array, needle: Uint8Array, from: number): number {
  const first = needle[0];
  if (first === undefined) return -1;
  let at = haystack.indexOf(first, from);
  while (at >= 0 && at + needle.length <= haystack.length) {
    let i = 1;
    while (i < needle.length && haystack[at + i] === needle[i]) i++;
    if (i === needle.length) return at;
    at = haystack.indexOf(first, at + 1);
  }
  return -1;
}

/** The boundary of a multipart Content-Type, or null. */
export function boundaryOf(contentType: string): string | null {
  return /boundary="?([^";]+)"?/i.exec(contentType)?.[1] ?? null;
}

/**
 * Splits a multipart body into its parts. With no boundary given, the body's first line names it (as
 * browsers always start with it). Parts without a name are skipped; a malformed body yields [].
 */
export function parseMultipartBytes(body: Uint8Array, boundaryHint: string | null): MultipartPart[] {
  let boundary = boundaryHint;
  if (boundary === null) {
    const eol = body.indexOf(0x0a);
    const first = latin1.decode(body.subarray(0, eol < 0 ? Math.min(body.length, 200) : eol)).trim();
    if (!first.startsWith('--')) return [];
    boundary = first.slice(2);
  }
  const delimiter = new TextEncoder().encode(`--${boundary}`);
  const parts: MultipartPart[] = [];
  let at = indexOf(body, delimiter, 0);
  while (at >= 0) {
    const start = at + delimiter.length;
    if (body[start] === 0x2d && body[start + 1] === 0x2d) break;
    const next = indexOf(body, delimiter, start);
    if (next < 0) break;
    const chunk = body.subarray(start, next);
    const headEnd = indexOf(chunk, new Uint8Array([0x0d, 0x0a, 0x0d, 0x0a]), 0);
    if (headEnd >= 0) {
      const head = utf8.decode(chunk.subarray(0, headEnd));
      let end = chunk.length;
      if (chunk[end - 2] === 0x0d && chunk[end - 1] === 0x0a) end -= 2;
      const name = /name="([^"]*)"/i.exec(head)?.[1];
      if (name !== undefined) {
        parts.push({
          name,
          filename: /filename="([^"]*)"/i.exec(head)?.[1] ?? null,
          contentType: /content-type:\s*([^\r\n;]+)/i.exec(head)?.[1]?.trim().toLowerCase() ?? null,
          data: chunk.subarray(headEnd + 4, end),
        });
      }
    }
    at = next;
  }
  return parts;
}

/** A text part's value. */
export function textOf(part: MultipartPart | undefined): string | null {
  return part === undefined ? null : utf8.decode(part.data);
}
