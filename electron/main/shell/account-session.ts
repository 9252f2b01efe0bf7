// The one session factory for account partitions: UA, deny-by-default permissions, downloads, and the request gate.
import { readFile } from 'node:fs/promises';
import { session, type Session } from 'electron';
import type { Account } from '../../../shared/accounts/account.ts';
import { allowPermission } from '../../../shared/accounts/site-policy.ts';
import { chromeUserAgent } from '../../../shared/accounts/user-agent.ts';
import { accountValues, fill, mainStrings } from '../../../shared/i18n/main-strings.ts';
import { WebRequestDispatch } from '../services/gate/web-request-dispatch.ts';
import type { RequestGate } from '../services/request-gate.ts';
import { gateRequestFilter } from './site-rules.ts';

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
  installGate(ses, account.id, current, gate);
  return ses;
}

const configured = new WeakSet<Session>();

/**
 * Electron keeps only the last listener per webRequest event and session, so this is the single
 * dispatcher; its logic (body/header join by request id, bounded reads, blocked sockets) is plain Node
 * in WebRequestDispatch. A held request's callback is answered later; any failure cancels. The filter
 * keeps images, fonts, media, scripts and stylesheets out of main-process JavaScript altogether.
 */
export function installGate(ses: Pick<Session, 'webRequest' | 'getBlobData' | 'cookies'>, accountId: string, current: () => Account, gate: GateAdapter): void {
  const dispatch = new WebRequestDispatch(accountId, current, gate, {
    getBlobData: (uuid) => ses.getBlobData(uuid),
    cookie: async (url, name) => (await ses.cookies.get({ url, name }))[0]?.value ?? null,
    mightPublish: (method, url) => gate.mightPublish(method, url),
    readFile: (path) => readFile(path),
  });
  const filter = gateRequestFilter();
  ses.webRequest.onBeforeRequest(filter, (details, callback) => {
    dispatch.beforeRequest(details).then(callback, () => callback({ cancel: true }));
  });
  ses.webRequest.onBeforeSendHeaders(filter, (details, callback) => {
    dispatch.beforeSendHeaders(details).then(
      ({ cancel }) => callback(cancel ? { cancel } : { requestHeaders: details.requestHeaders }),
      () => callback({ cancel: true }),
    );
  });
  ses.webRequest.onCompleted(filter, (details) => dispatch.completed(details.id, details.statusCode, details.method, details.url));
  // Also how a held request the page aborted (or whose view closed) reaches the gate: error 'net::ERR_ABORTED'.
  ses.webRequest.onErrorOccurred(filter, (details) => dispatch.errorOccurred(details.id, details.error));
}
