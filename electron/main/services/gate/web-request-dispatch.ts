// The webRequest dispatcher's logic in plain Node: joins a request's body (onBeforeRequest) to its headers
// (onBeforeSendHeaders) by request id, reads it inside the gate's timeout, and refuses blocked channels.
import type { Account } from '../../../../shared/accounts/account.ts';
import { blocksRequest } from '../../../../shared/gate/coverage.ts';
import { uploadRoute } from '../../../../shared/gate/media/match.ts';
import { identityFromTwid } from '../../../../shared/platforms/x.ts';
import { NEVER_PUBLISHING_METHODS, type RequestGate } from '../request-gate.ts';
import { remember } from './held.ts';

/** One element of Electron's `uploadData` (bytes in memory, a blob to fetch, or a file on disk). */
export interface UploadPart {
  bytes?: Uint8Array | undefined;
  blobUUID?: string | undefined;
  file?: string | undefined;
}

/** What the dispatcher needs from the Electron session. */
export interface SessionReader {
  getBlobData(uuid: string): Promise<Uint8Array>;
  /** The value of the cookie `name` sent to `url`, or null. */
  cookie(url: string, name: string): Promise<string | null>;
  /** A file on disk that an upload sends (a picked file in a form); only media uploads read it. */
  readFile?(path: string): Promise<Uint8Array>;
}

/** The fields of onBeforeRequest details the dispatcher reads. */
export interface BeforeRequest {
  id: number;
  method: string;
  url: string;
  resourceType: string;
  uploadData?: UploadPart[] | undefined;
}

/** The fields of onBeforeSendHeaders details the dispatcher reads. */
export interface BeforeSendHeaders {
  id: number;
  method: string;
  url: string;
  requestHeaders: Record<string, string>;
  uploadData?: UploadPart[] | undefined;
}

// Bodies waiting for their headers; a request that never reaches onBeforeSendHeaders ends in an error event.
const MAX_WAITING = 500;

/**
 * The body bytes of an upload: memory bytes and blobs in order; files on disk (a media part of a
 * multipart form) are left out, so the form's text parts stay readable. A body made only of files is
 * unreadable: it is media, and the gate cannot say what it publishes.
 */
export async function readUploadData(
  parts: readonly UploadPart[] | undefined,
  getBlobData: (uuid: string) => Promise<Uint8Array>,
  readFile?: (path: string) => Promise<Uint8Array>,
): Promise<{ bytes: Uint8Array | null; unreadable: boolean }> {
  if (parts === undefined || parts.length === 0) return { bytes: null, unreadable: false };
  const chunks: Uint8Array[] = [];
  let files = 0;
  for (const part of parts) {
    if (part.bytes !== undefined) chunks.push(part.bytes);
    else if (part.blobUUID !== undefined) chunks.push(await getBlobData(part.blobUUID));
    // A media upload's file is read in place, so the gate dialog can show what the post attaches.
    else if (part.file !== undefined && readFile !== undefined) chunks.push(await readFile(part.file));
    else files++;
  }
  if (chunks.length === 0) return { bytes: null, unreadable: files > 0 };
  if (chunks.length === 1 && chunks[0] !== undefined) return { bytes: chunks[0], unreadable: false };
  const bytes = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  return { bytes, unreadable: false };
}

/**
 * One account session's dispatcher. Electron keeps one listener per webRequest event and session, so
 * the adapter forwards each event here. The gate decides in onBeforeSendHeaders: that is the first
 * event that has the request headers (content type, Authorization, X's act-as header), and it can
 * still cancel. The body is taken from onBeforeRequest, joined by request id.
 */
export class WebRequestDispatch {
  private readonly bodies = new Map<number, UploadPart[] | undefined>();

  constructor(
    private readonly accountId: string,
    private readonly account: () => Account | undefined,
    private readonly gate: RequestGate,
    private readonly session: SessionReader,
  ) {}

  /**
   * onBeforeRequest: refuses a blocked channel's handshake; remembers a write's body for its headers.
   * Chromium dispatches onBeforeSendHeaders only for http(s) (the NOTE in ContinueToBeforeSendHeaders of
   * its proxying URL loader factory, which Electron's copies): a write to any other scheme is decided
   * here, without headers, rather than never.
   */
  async beforeRequest(details: BeforeRequest): Promise<{ cancel: boolean }> {
    try {
      const account = this.account();
      if (account !== undefined && blocksRequest(account, details.url, details.resourceType)) return { cancel: true };
    } catch {
      // Deciding about a channel failed: a socket handshake is refused, anything else goes on to the gate.
      if (details.resourceType === 'webSocket') return { cancel: true };
    }
    if (NEVER_PUBLISHING_METHODS.has(details.method)) return { cancel: false };
    if (!/^https?:/i.test(details.url)) return this.decide(details.id, details.method, details.url, {}, details.uploadData);
    remember(this.bodies, details.id, details.uploadData, MAX_WAITING);
    return { cancel: false };
  }

  /** onBeforeSendHeaders: a write goes through the gate with its body and headers; never rejects. */
  beforeSendHeaders(details: BeforeSendHeaders): Promise<{ cancel: boolean }> {
    if (NEVER_PUBLISHING_METHODS.has(details.method)) return Promise.resolve({ cancel: false });
    const parts = this.bodies.has(details.id) ? this.bodies.get(details.id) : details.uploadData;
    this.bodies.delete(details.id);
    return this.decide(details.id, details.method, details.url, details.requestHeaders, parts);
  }

  private async decide(id: number, method: string, url: string, requestHeaders: Record<string, string>, parts: UploadPart[] | undefined): Promise<{ cancel: boolean }> {
    try {
      const verdict = await this.gate.interceptRead(this.accountId, String(id), async () => {
        const platform = this.account()?.platform;
        const readFile = this.session.readFile?.bind(this.session);
        const media = readFile !== undefined && platform !== undefined && uploadRoute(platform, method, url) !== null;
        const body = await readUploadData(parts, (uuid) => this.session.getBlobData(uuid), media ? readFile : undefined);
        const sessionIdentity = await this.xIdentity(url);
        return { request: { method, url, headers: requestHeaders, body: body.bytes, bodyUnreadable: body.unreadable }, sessionIdentity };
      });
      return { cancel: verdict !== 'continue' };
    } catch {
      return { cancel: true };
    }
  }

  /** onCompleted. */
  completed(id: number, statusCode: number): void {
    this.bodies.delete(id);
    this.gate.completed(String(id), statusCode);
  }

  /** onErrorOccurred: the page aborted it, its view closed: a held request leaves the queue. */
  errorOccurred(id: number, error: string): void {
    this.bodies.delete(id);
    this.gate.failed(String(id), error);
  }

  /** X names the logged-in user in the `twid` cookie (`u=<id>`); other platforms say it in the request. */
  private async xIdentity(url: string): Promise<string | null> {
    let host: string;
    try {
      host = new URL(url).hostname;
    } catch {
      return null;
    }
    if (!/(^|\.)(x|twitter)\.com$/.test(host)) return null;
    return identityFromTwid(await this.session.cookie(`https://${host}`, 'twid'));
  }
}
