// The webRequest dispatcher's logic in plain Node: joins a request's body (onBeforeRequest) to its headers
// (onBeforeSendHeaders) by request id, reads it inside the gate's timeout, and refuses blocked channels.
import type { Account } from '../../../../shared/accounts/account.ts';
import { blocksRequest } from '../../../../shared/gate/coverage.ts';
import { identityFromTwid, isXHost } from '../../../../shared/platforms/x.ts';
import type { RequestGate } from '../request-gate.ts';
import { isSafeMethod } from '../../../../shared/gate/methods.ts';
import { canonicalHost } from '../../../../shared/platforms/rule.ts';
import { uploadRoute } from '../../../../shared/gate/media/match.ts';
import { remember } from './held.ts';
import { assembleBody, type BodyReader, type UploadPart } from './upload-body.ts';
import { systemTimers } from '../system-timers.ts';

/** What the dispatcher needs from the Electron session. */
export interface SessionReader {
  getBlobData(uuid: string): Promise<Uint8Array>;
  /** The value of the cookie `name` sent to `url`, or null. */
  cookie(url: string, name: string): Promise<string | null>;
  /** False when no rule could match `method` + `url` whatever the body: the body is then not read. */
  mightPublish?(method: string, url: string): boolean;
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
   * Chromium dispatches onBeforeSendHeaders for http(s) requests and for WebSocket handshakes
   * (ProxyingWebSocket::OnBeforeRequestComplete): a write to any other scheme is decided here, without
   * headers, rather than never.
   */
  async beforeRequest(details: BeforeRequest): Promise<{ cancel: boolean }> {
    try {
      const account = this.account();
      if (account !== undefined && blocksRequest(account, details.url, details.resourceType)) return { cancel: true };
    } catch {
      // Deciding about a channel failed: a socket handshake is refused, anything else goes on to the gate.
      if (details.resourceType === 'webSocket') return { cancel: true };
    }
    if (isSafeMethod(details.method)) return { cancel: false };
    if (!/^(https?|wss?):/i.test(details.url)) return this.decide(details.id, details.method, details.url, {}, details.uploadData);
    remember(this.bodies, details.id, details.uploadData, MAX_WAITING);
    return { cancel: false };
  }

  /** onBeforeSendHeaders: a write goes through the gate with its body and headers; never rejects. */
  beforeSendHeaders(details: BeforeSendHeaders): Promise<{ cancel: boolean }> {
    if (isSafeMethod(details.method)) return Promise.resolve({ cancel: false });
    const parts = this.bodies.has(details.id) ? this.bodies.get(details.id) : details.uploadData;
    this.bodies.delete(details.id);
    return this.decide(details.id, details.method, details.url, details.requestHeaders, parts);
  }

  private async decide(
    id: number,
    method: string,
    url: string,
    requestHeaders: Record<string, string>,
    parts: UploadPart[] | undefined,
  ): Promise<{ cancel: boolean }> {
    try {
      const verdict = await this.gate.interceptRead(this.accountId, String(id), async () => {
        const platform = this.account()?.platform;
        // A media upload is read whole (its file parts too), so the gate dialog can show what a post attaches.
        const media = platform !== undefined && uploadRoute(platform, method, url) !== null;
        const worthReading = media || (this.session.mightPublish?.(method, url) ?? true);
        const reader = bodyTimers(this.session, media);
        const body = worthReading ? await assembleBody(parts, reader) : { bytes: null, unreadable: false };
        // Who is logged in matters only for a request a rule could match: other traffic skips the cookie lookup.
        const sessionIdentity = worthReading ? await this.xIdentity(url) : null;
        return { request: { method, url, headers: requestHeaders, body: body.bytes, bodyUnreadable: body.unreadable }, sessionIdentity };
      });
      return { cancel: verdict !== 'continue' };
    } catch {
      return { cancel: true };
    }
  }

  /** onCompleted, for every request the filter lets through (GETs too: the gate learns Fediverse hosts from them). */
  completed(id: number, statusCode: number, method: string, url: string): void {
    this.bodies.delete(id);
    this.gate.completed(String(id), statusCode, { accountId: this.accountId, method, url });
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
    if (!isXHost(canonicalHost(host))) return null;
    return identityFromTwid(await this.session.cookie(`https://${host}`, 'twid'));
  }
}

/** The body reader with real timers: reading stops at BODY_READ_TIMEOUT_MS (the gate's own timeout is longer). */
function bodyTimers(session: SessionReader, readFiles: boolean): BodyReader {
  const readFile = readFiles ? session.readFile?.bind(session) : undefined;
  return {
    getBlobData: (uuid) => session.getBlobData(uuid),
    ...(readFile !== undefined ? { readFile } : {}),
    ...systemTimers,
  };
}
