// The one session factory for account partitions: UA, deny-by-default permissions, downloads, and the request gate.
import { session, type Session, type UploadData } from 'electron';
import type { Account } from '../../../shared/accounts/account.ts';
import { allowPermission } from '../../../shared/accounts/site-policy.ts';
import { chromeUserAgent } from '../../../shared/accounts/user-agent.ts';
import { canonicalHost } from '../../../shared/platforms/rule.ts';
import type { OutgoingRequest } from '../../../shared/gate/types.ts';
import { identityFromTwid, isXHost } from '../../../shared/platforms/x.ts';
import type { RequestGate } from '../services/request-gate.ts';
import { isSafeMethod } from '../../../shared/gate/methods.ts';

/** Returns the configured session of `account`'s partition (configured once per partition). */
export function accountSession(account: Account, lookup: (id: string) => Account | undefined, gate: RequestGate): Session {
  const ses = session.fromPartition(account.partition);
  if (configured.has(ses)) return ses;
  configured.add(ses);
  const current = () => lookup(account.id) ?? account;

  ses.setUserAgent(chromeUserAgent(ses.getUserAgent()));
  ses.setPermissionRequestHandler((_contents, permission, callback) => callback(allowPermission(permission, current())));
  ses.setPermissionCheckHandler((_contents, permission) => allowPermission(permission, current()));
  // No save path is set, so Electron asks where to save: downloads are never silent.
  ses.on('will-download', (_event, item) => {
    item.setSaveDialogOptions({ title: `${current().name} (@${current().handle})` });
  });
  installGate(ses, account.id, gate);
  return ses;
}

const configured = new WeakSet<Session>();

/**
 * Electron keeps only the last listener per webRequest event and session, so this is the single
 * dispatcher: it answers the callback later for a held request, and cancels on any failure.
 */
function installGate(ses: Session, accountId: string, gate: RequestGate): void {
  ses.webRequest.onBeforeRequest((details, callback) => {
    if (isSafeMethod(details.method)) return callback({});
    const requestId = String(details.id);
    readBody(ses, details.uploadData)
      .then(async (body) => {
        const request: OutgoingRequest = { method: details.method, url: details.url, body: body.bytes, bodyUnreadable: body.unreadable };
        const sessionIdentity = await xIdentity(ses, details.url);
        return gate.intercept(accountId, requestId, request, { sessionIdentity });
      })
      .then((verdict) => callback({ cancel: verdict !== 'continue' }))
      .catch(() => callback({ cancel: true }));
  });
  ses.webRequest.onCompleted((details) => gate.completed(String(details.id), details.statusCode));
  ses.webRequest.onErrorOccurred((details) => gate.failed(String(details.id), details.error));
}

async function readBody(ses: Session, parts: UploadData[] | undefined): Promise<{ bytes: Uint8Array | null; unreadable: boolean }> {
  if (!parts || parts.length === 0) return { bytes: null, unreadable: false };
  const chunks: Uint8Array[] = [];
  for (const part of parts) {
    if (part.bytes) chunks.push(part.bytes);
    else if (part.blobUUID) chunks.push(await ses.getBlobData(part.blobUUID));
    else return { bytes: null, unreadable: true }; // a file on disk: media upload, never a post body we can read
  }
  return { bytes: Buffer.concat(chunks), unreadable: false };
}

/** X names the logged-in user in the `twid` cookie (`u=<id>`); other platforms say it in the request. */
async function xIdentity(ses: Session, url: string): Promise<string | null> {
  const host = new URL(url).hostname;
  if (!isXHost(canonicalHost(host))) return null;
  const [cookie] = await ses.cookies.get({ url: `https://${host}`, name: 'twid' });
  return identityFromTwid(cookie?.value);
}
