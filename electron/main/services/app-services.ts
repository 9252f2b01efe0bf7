// Composition of the main-process services, shared by the Electron entry point and the Chromium test harness.
import { createHash, randomUUID } from 'node:crypto';
import { classify } from '../../../shared/gate/classify.ts';
import type { EventChannel, EventPayloads, InvokeHandlers } from '../../../shared/ipc/contract.ts';
import { decodeItemTime } from '../../../shared/platforms/index.ts';
import { AccountService, type ShellPort } from './accounts/account-service.ts';
import { openAppStore, type StoreBackend } from './accounts/app-store.ts';
import { GateService } from './gate/gate-service.ts';
import type { GateAuditInput } from './gate/types.ts';
import type { FilePort } from './file-port.ts';
import { createDispatcher, type Dispatch } from './ipc-dispatch.ts';
import { configureLog, logHandlers } from './log/log-handlers.ts';
import { LogService } from './log/log-service.ts';
import { harToRows } from '../../../shared/gate/har.ts';

export interface AppServicesOptions {
  /** The accounts-and-settings file (electron-store's path). */
  storePath: string;
  createStoreBackend: () => StoreBackend;
  /** The JSONL event log. */
  logPath: string;
  shell: ShellPort;
  files: FilePort;
  /** Sends an event to the app renderer. */
  send: <E extends EventChannel>(channel: E, payload: EventPayloads[E]) => void;
  /** Origin the app renderer is served from; IPC from anywhere else is refused. */
  appOrigin: string;
  systemLocale: string;
  timeZone: string;
  now?: () => Date;
  newId?: () => string;
  /** Where swallowed errors go (the console in the app). */
  reportError?: (where: string, error: unknown) => void;
}

export interface AppServices {
  accounts: AccountService;
  gate: GateService;
  log: LogService;
  handlers: InvokeHandlers;
  dispatch: Dispatch;
  /** The app renderer crashed, reloaded or its window closed: every held post is cancelled. */
  rendererGone(reason: string): void;
  dispose(): Promise<void>;
}

export async function createAppServices(options: AppServicesOptions): Promise<AppServices> {
  const now = options.now ?? (() => new Date());
  const newId = options.newId ?? randomUUID;
  const report = options.reportError ?? ((where, error) => console.error(`[hatrack] ${where}:`, error));
  const { store, warnings } = openAppStore(options.storePath, options.createStoreBackend, { timeZone: options.timeZone, now });
  const log = await LogService.open(options.logPath, { decodeItemTime, now, newId });
  if (log.loadReport.skipped.length > 0) {
    const first = log.loadReport.skipped[0];
    warnings.push({
      id: 'log-skipped',
      messageKey: 'warnings.logSkipped',
      values: { count: log.loadReport.skipped.length, line: first?.line ?? 0, file: options.logPath },
    });
  }
  const accounts = new AccountService({
    store,
    shell: options.shell,
    emitState: (state) => {
      configureLog(log, state.settings, state.accounts);
      options.send('state:changed', state);
    },
    newId,
    now,
    systemLocale: options.systemLocale,
    warnings,
  });
  const settings = () => accounts.state().settings;
  configureLog(log, settings(), accounts.state().accounts);
  const logged = (where: string, write: Promise<unknown>) =>
    write.then(() => options.send('log:changed', null)).catch((error: unknown) => report(where, error));

  const gate = new GateService({
    accounts: { get: (id) => accounts.get(id) },
    classify: (request) => classify(request, { customRules: settings().customRules }),
    clock: { now: () => now().getTime(), setTimeout: (fn, ms) => setTimeout(fn, ms), clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout) },
    settings: () => ({ timeoutMs: settings().gateTimeoutSeconds * 1000, storeText: settings().logText }),
    audit: (entry) => void logged('gate audit', recordAudit(log, entry)),
    auditResult: (requestId, status, error) => void logged('gate result', log.recordGateResult({ requestId, status, error })),
    replyCompleted: (reply) =>
      void logged(
        'reply',
        log.recordReply({ account: reply.account, platform: reply.platform, replyToId: reply.replyToId, sentAt: reply.sentAt, excerpt: reply.text === null ? null : excerpt(reply.text) }),
      ),
    emitQueue: (queue) => {
      // Main hides the account view itself while anything is held: the dialog can be neither covered nor bypassed.
      options.shell.setCovered(queue.length > 0);
      options.send('gate:queue', queue);
    },
    newId,
    hash: (text) => createHash('sha256').update(text).digest('hex'),
    initialIdentities: accounts.identities(),
    identitiesChanged: (identities) => accounts.rememberIdentities(identities),
    reportError: report,
  });

  const handlers: InvokeHandlers = {
    'app:state': () => accounts.state(),
    'accounts:create': (input) => accounts.create(input),
    'accounts:update': (id, patch) => accounts.update(id, patch),
    'accounts:remove': (id) => accounts.remove(id),
    'accounts:reorder': (ids) => accounts.reorder(ids),
    // While a post is held its dialog speaks for the account that made it: switching under it is refused.
    'accounts:activate': (id) => (gate.queue().length > 0 ? undefined : accounts.activate(id)),
    'settings:update': (patch) => accounts.updateSettings(patch),
    'warnings:dismiss': (id) => accounts.dismissWarning(id),
    'view:bounds': (bounds) => options.shell.setViewBounds(bounds),
    'view:covered': (covered) => options.shell.setCovered(covered || gate.queue().length > 0),
    'gate:queue': () => gate.queue(),
    'gate:decide': (pendingId, decision) => gate.decide(pendingId, decision),
    'gate:undo': (pendingId) => gate.undo(pendingId),
    'gate:recent': (limit) => log.recentGate(limit),
    'gate:reset-identity': (accountId) => gate.resetIdentity(accountId),
    'gate:check-har': (text) => harToRows(text, { customRules: settings().customRules, now: now() }),
    ...logHandlers(log, options.files, () => options.send('log:changed', null), now, () => accounts.state().locale),
  };
  options.shell.accountsChanged(accounts.state().accounts);
  options.shell.show(accounts.active());
  return {
    accounts,
    gate,
    log,
    handlers,
    dispatch: createDispatcher(handlers, options.appOrigin),
    rendererGone: (reason) => gate.rendererGone(reason),
    async dispose() {
      gate.dispose();
      await log.close();
    },
  };
}

/** The first 140 characters of a reply, for the log (the privacy setting turns text off entirely). */
function excerpt(text: string): string {
  const characters = Array.from(text.replace(/\s+/g, ' ').trim());
  return characters.length > 140 ? `${characters.slice(0, 139).join('')}…` : characters.join('');
}

function recordAudit(log: LogService, entry: GateAuditInput): Promise<unknown> {
  // Requests refused before they could be classified have no platform or action: logged as such.
  return log.recordGate({
    account: { id: entry.account.id || 'unknown', handle: entry.account.handle || 'unknown', name: entry.account.name ?? '', kind: entry.account.kind ?? 'personal' },
    platform: entry.platform ?? 'custom',
    action: entry.action ?? 'post',
    decision: entry.decision,
    requestId: entry.requestId,
    text: entry.text,
    textHash: entry.textHash,
    at: new Date(entry.at),
  });
}
