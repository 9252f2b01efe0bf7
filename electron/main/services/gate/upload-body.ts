// Assembles a request body from webRequest uploadData parts (plain, no 'electron'), within a time limit.
import { withTimeout, type TimerClock } from '../../../../shared/with-timeout.ts';

/**
 * The part shapes Electron 45 passes (shell/common/gin_converters/net_converter.cc): `rawData` with
 * `bytes`; `file` with `file`/`filePath` (a file picked in a form: media); `blob` with `blobUUID`
 * (read through `session.getBlobData`). electron.d.ts types every part as having `bytes`, which a file
 * or blob part does not; anything else (a streamed body) has none of these.
 */
export interface UploadPart {
  type?: string;
  bytes?: Uint8Array;
  blobUUID?: string;
  file?: string;
}

export interface AssembledBody {
  bytes: Uint8Array | null;
  /** True when the body could not be read in full (a stream, a stalled blob, an error): the gate fails closed on a matched endpoint. */
  unreadable: boolean;
  reason: 'stream' | 'timeout' | 'blob-error' | 'file-error' | 'files-only' | null;
  /** File parts left out (their bytes are media, never post text); the text parts around them are kept. */
  filesOmitted: number;
}

/** Reads the parts that are not inline bytes, on a clock that bounds the whole read. */
export interface BodyReader extends TimerClock {
  getBlobData(uuid: string): Promise<Uint8Array>;
  /** Reads a file part from disk; given only for media uploads, whose bytes the gate dialog previews. */
  readFile?(path: string): Promise<Uint8Array>;
}

/** How long reading the blobs of one body may take before the request is treated as unreadable. */
export const BODY_READ_TIMEOUT_MS = 5000;

export async function assembleBody(parts: readonly UploadPart[] | undefined, reader: BodyReader, timeoutMs = BODY_READ_TIMEOUT_MS): Promise<AssembledBody> {
  if (!parts || parts.length === 0) return { bytes: null, unreadable: false, reason: null, filesOmitted: 0 };
  return withTimeout<AssembledBody, AssembledBody>(
    () => readParts(parts, reader),
    timeoutMs,
    reader,
    () => ({
      bytes: null,
      unreadable: true,
      reason: 'timeout',
      filesOmitted: 0,
    }),
  );
}

async function readParts(parts: readonly UploadPart[], reader: BodyReader): Promise<AssembledBody> {
  const chunks: Uint8Array[] = [];
  let filesOmitted = 0;
  for (const part of parts) {
    if (part.file !== undefined || part.type === 'file') {
      if (part.file !== undefined && reader.readFile !== undefined) {
        try {
          chunks.push(await reader.readFile(part.file));
        } catch {
          return { bytes: null, unreadable: true, reason: 'file-error', filesOmitted };
        }
        continue;
      }
      filesOmitted++;
      continue;
    }
    if (part.blobUUID !== undefined) {
      try {
        chunks.push(await reader.getBlobData(part.blobUUID));
      } catch {
        return { bytes: null, unreadable: true, reason: 'blob-error', filesOmitted };
      }
      continue;
    }
    if (part.bytes !== undefined) {
      chunks.push(part.bytes);
      continue;
    }
    return { bytes: null, unreadable: true, reason: 'stream', filesOmitted };
  }
  // A body made only of files is media: the gate cannot say what it publishes.
  if (chunks.length === 0 && filesOmitted > 0) return { bytes: null, unreadable: true, reason: 'files-only', filesOmitted };
  const bytes = concatBytes(chunks);
  return { bytes, unreadable: false, reason: null, filesOmitted };
}

/** The chunks as one array; a single chunk is returned as it is (a 5 MB upload is kept by reference, not copied). */
export function concatBytes(chunks: readonly Uint8Array[]): Uint8Array {
  if (chunks.length === 1 && chunks[0] !== undefined) return chunks[0];
  const out = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.byteLength, 0));
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}
