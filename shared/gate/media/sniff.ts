// What an uploaded file is, from its first bytes (the site's declared type can lie), and a video's or GIF's duration.

/** How the dialog shows an attachment: images as thumbnails; GIFs and videos with type, size and duration. */
export type MediaKind = 'image' | 'gif' | 'video' | 'other';

/** The MIME type the bytes say, or `declared` when they are not a format we know. */
export function sniffMime(bytes: Uint8Array, declared: string | null): string {
  const at = (i: number) => bytes[i] ?? -1;
  const ascii = (from: number, text: string) => [...text].every((ch, i) => at(from + i) === ch.charCodeAt(0));
  if (at(0) === 0x89 && ascii(1, 'PNG')) return 'image/png';
  if (at(0) === 0xff && at(1) === 0xd8 && at(2) === 0xff) return 'image/jpeg';
  if (ascii(0, 'GIF8')) return 'image/gif';
  if (ascii(0, 'RIFF') && ascii(8, 'WEBP')) return 'image/webp';
  if (ascii(4, 'ftyp')) {
    if (ascii(8, 'avif') || ascii(8, 'avis')) return 'image/avif';
    if (ascii(8, 'heic') || ascii(8, 'heix') || ascii(8, 'mif1')) return 'image/heic';
    if (ascii(8, 'qt  ')) return 'video/quicktime';
    return 'video/mp4';
  }
  if (at(0) === 0x1a && at(1) === 0x45 && at(2) === 0xdf && at(3) === 0xa3) return 'video/webm';
  return declared ?? 'application/octet-stream';
}

/** The kind a MIME type is shown as. */
export function kindOf(mime: string): MediaKind {
  if (mime === 'image/gif') return 'gif';
  if (mime.startsWith('image/')) return 'image';
  if (mime.startsWith('video/')) return 'video';
  return 'other';
}

/** Image types every Chromium decodes in an <img>: shown as thumbnails. (HEIC is not among them.) */
export function isDisplayableImage(mime: string): boolean {
  return ['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'image/avif'].includes(mime);
}

function u32(bytes: Uint8Array, at: number): number {
  return (((bytes[at] ?? 0) << 24) | ((bytes[at + 1] ?? 0) << 16) | ((bytes[at + 2] ?? 0) << 8) | (bytes[at + 3] ?? 0)) >>> 0;
}

/**
 * Duration in milliseconds, where the file says it: an MP4/QuickTime movie header (`moov/mvhd`), or
 * the sum of a GIF's frame delays. Null when unknown (a truncated file, WebM, a still image).
 */
export function durationMs(bytes: Uint8Array, mime: string): number | null {
  if (mime === 'image/gif') return gifDuration(bytes);
  if (mime === 'video/mp4' || mime === 'video/quicktime') return mp4Duration(bytes, 0, bytes.length);
  return null;
}

function mp4Duration(bytes: Uint8Array, from: number, to: number): number | null {
  let at = from;
  while (at + 8 <= to) {
    let size = u32(bytes, at);
    const type = String.fromCharCode(bytes[at + 4] ?? 0, bytes[at + 5] ?? 0, bytes[at + 6] ?? 0, bytes[at + 7] ?? 0);
    let header = 8;
    if (size === 1) {
      size = u32(bytes, at + 8) * 2 ** 32 + u32(bytes, at + 12);
      header = 16;
    } else if (size === 0) {
      size = to - at;
    }
    if (size < header) return null;
    if (type === 'moov') return mp4Duration(bytes, at + header, Math.min(to, at + size));
    if (type === 'mvhd') {
      const body = at + header;
      const version = bytes[body] ?? 0;
      const timescale = version === 1 ? u32(bytes, body + 20) : u32(bytes, body + 12);
      const duration = version === 1 ? u32(bytes, body + 24) * 2 ** 32 + u32(bytes, body + 28) : u32(bytes, body + 16);
      return timescale > 0 && body + 32 <= to ? Math.round((duration / timescale) * 1000) : null;
    }
    at += size;
  }
  return null;
}

function gifDuration(bytes: Uint8Array): number | null {
  let total = 0;
  let frames = 0;
  // Graphic Control Extension: 21 F9 04 <packed> <delay lo> <delay hi> <transparent> 00; delay in 1/100 s.
  for (let i = 13; i + 7 < bytes.length; i++) {
    if (bytes[i] === 0x21 && bytes[i + 1] === 0xf9 && bytes[i + 2] === 0x04 && bytes[i + 7] === 0x00) {
      total += ((bytes[i + 4] ?? 0) | ((bytes[i + 5] ?? 0) << 8)) * 10;
      frames++;
      i += 7;
    }
  }
  return frames > 1 ? total : null;
}
