// The one session factory for account partitions: UA, deny-by-default permissions, downloads, and the request gate.
import { session, type Session } from 'electron';
import type { Account } from '../../../shared/accounts/account.ts';
import { allowPermission } from '../../../shared/accounts/site-policy.ts';
import { chromeUserAgent } from '../../../shared/accounts/user-agent.ts';
import type { OutgoingRequest } from '../../../shared/gate/types.ts';
import { accountValues, fill, mainStrings } from '../../../shared/i18n/main-strings.ts';
import { identityFromTwid } from '../../../shared/platforms/x.ts';
import { NEVER_PUBLISHING_METHODS, type RequestGate } from '../services/request-gate.ts';
import { gateRequestFilter } from './site-rules.ts';
import { assembleBody, type UploadPart } from './upload-body.ts';

/** The gate as the session adapter sees it: the RequestGate, plus a cheap "could a rule match this URL?" test. */
export interface GateAdapter extends RequestGate {
  /** False when no rule (built-in or custom) could match `method` + `url` whatever the body: the body is not read. */
  mightPublish(method: string, url: string): boolean;
}

/** Returns the configured session of `account`'s partition (configured once per partition). */
export function accountSession(account: Account, lookup: (id: string) => Account | undefined, gate: GateAdapter, locale: () => string): Session {
  const ses = session.fromPartition(account.partition);
  if (configured.has(ses)) return ses;
  configured.add(ses);
  const current = () => lookup(account.id) ?? account;

  ses.setUserAgent(chromeUserAgent(ses.getUserAgent()));
  ses.setPermissionRequestHandler((_contents, permission, callback) => callback(allowPermission(permission, current())));
  ses.setPermissionCheckHandler((_contents, permission) => allowPermission(permission, current()));
  // No save path is set, so Electron asks where to save: downloads are never silent.
  ses.on('will-download', (_event, item) => {
    const strings = mainStrings(locale());
    item.setSaveDialogOptions({ title: fill(strings.downloadTitle, accountValues(current(), strings)) });
  });
  installGate(ses, account.id, gate);
  return ses;
}

const configured = new WeakSet<Session>();

/**
 * Electron keeps only the last listener per webRequest event and session, so this is the single
 * dispatcher: it answers the callback later for a held request, and cancels on any failure. The filter
 * keeps images, fonts, media, scripts and stylesheets out of main-process JavaScript altogether.
 */
export function installGate(ses: Pick<Session, 'webRequest' | 'getBlobData' | 'cookies'>, accountId: string, gate: GateAdapter): void {
  const filter = gateRequestFilter();
  ses.webRequest.onBeforeRequest(filter, (details, callback) => {
    if (NEVER_PUBLISHING_METHODS.has(details.method)) return callback({});
    const requestId = String(details.id);
    // The body is read only when a rule could match the URL; other traffic goes to the gate without it.
    const read = gate.mightPublish(details.method, details.url)
      ? assembleBody(details.uploadData as UploadPart[] | undefined, {
          getBlobData: (uuid) => ses.getBlobData(uuid),
          setTimeout: (fn, ms) => setTimeout(fn, ms),
          clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
        })
      : Promise.resolve({ bytes: null, unreadable: false });
    read
      .then(async (body) => {
        const request: OutgoingRequest = { method: details.method, url: details.url, body: body.bytes, bodyUnreadable: body.unreadable };
        const sessionIdentity = await xIdentity(ses, details.url);
        return gate.intercept(accountId, requestId, request, { sessionIdentity });
      })
      .then((verdict) => callback({ cancel: verdict !== 'continue' }))
      .catch(() => callback({ cancel: true }));
  });
  ses.webRequest.onCompleted(filter, (details) => gate.completed(String(details.id), details.statusCode));
  // Also how a held request the page aborted (or whose view closed) reaches the gate: error 'net::ERR_ABORTED'.
  ses.webRequest.onErrorOccurred(filter, (details) => gate.failed(String(details.id), details.error));
}

/** X names the logged-in user in the `twid` cookie (`u=<id>`); other platforms say it in the request. */
async function xIdentity(ses: Pick<Session, 'cookies'>, url: string): Promise<string | null> {
  const host = new URL(url).hostname;
  if (!/(^|\.)(x|twitter)\.com$/.test(host)) return null;
  const [cookie] = await ses.cookies.get({ url: `https://${host}`, name: 'twid' });
  return identityFromTwid(cookie?.value);
}
