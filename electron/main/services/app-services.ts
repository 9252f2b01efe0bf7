// The composition root: the one place that builds the main-process services, for the Electron entry point and the Chromium test harness alike.
import { createHash, randomUUID } from 'node:crypto';
import type { EventChannel, EventPayloads, InvokeHandlers } from '../../../shared/ipc/contract.ts';
import { decodeItemTime } from '../../../shared/platforms/index.ts';
import { AccountService, type ShellPort } from './accounts/account-service.ts';
import { openAppStore, type StoreBackend } from './accounts/app-store.ts';
import { GateService } from './gate/gate-service.ts';
import { MediaStore } from './gate/media-store.ts';
import { gateClassifier } from './gate/session-context.ts';
import type { GateAuditInput } from './gate/types.ts';
import type { FilePort } from './file-port.ts';
import type { RequestGate } from './request-gate.ts';
import { createDispatcher, type Dispatch } from './ipc-dispatch.ts';
import { configureLog, logHandlers } from './log/log-handlers.ts';
import { LogService } from './log/log-service.ts';
import { harToRows } from '../../../shared/gate/har.ts';
import type { CustomRule } from '../../../shared/platforms/custom-rules.ts';
import { memoryByAccount } from '../../../shared/accounts/memory.ts';
import type { UnreadNotice } from '../../../shared/accounts/unread-notice.ts';
import { PresenceService, type PageEvents } from './accounts/presence-service.ts';
import { NO_VIEWS, type ViewsPort } from './accounts/views-port.ts';
import { UserError } from './user-error.ts';
import { systemTimers } from './system-timers.ts';

/** What the shell (Electron's ViewManager, the harness's browser contexts) calls back into. */
export interface ShellPorts {
  /** Every account request goes through here. */
  gate: RequestGate;
  /** How long an unused account view may stay alive (the hibernation setting). */
  hibernateMs(): number;
  /** Ctrl+1…9 pressed inside an account view: activate the account at that rail position. */
  onShortcut(index: number): void;
  /** Accounts with a post held at the gate: their views are never hibernated (the draft would be lost). */
  heldAccounts(): ReadonlySet<string>;
  /** Where titles, navigations and cookie changes of account pages go (unread counts, signed out). */
  pageEvents: PageEvents;
  /** The manager's own gated endpoints, for the shell's "could this request publish?" shortcut. */
  customRules(): readonly CustomRule[];
  /** Cancels the held posts of one account (its page crashed or closed), audited with `reason`. */
  cancelHeldOf(accountId: string, reason: string): void;
}

export interface AppServicesOptions<S extends ShellPort = ShellPort> {
  /** The accounts-and-settings file (electron-store's path). */
  storePath: string;
  createStoreBackend: () => StoreBackend;
  /** The JSONL event log. */
  logPath: string;
  /**
   * Builds the shell adapter once the services it calls exist. The ports may be kept but not called from inside
   * the factory (the account service is built just after, with the shell it needs).
   */
  createShell: (ports: ShellPorts) => S;
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
  /** The account views' processes, metrics and reload, for memory in settings (given the shell once built). */
  views?: (shell: S) => ViewsPort;
  /** Puts the total unread count on the app icon (0 clears it). */
  setBadge?: (total: { count: number; more: boolean }) => void;
  /** Shows a desktop notice for an account that opted in. */
  notify?: (notice: UnreadNotice) => void;
}

export interface AppServices<S extends ShellPort = ShellPort> {
  /** The shell adapter createShell built. */
  shell: S;
  accounts: AccountService;
  gate: GateService;
  log: LogService;
  /** Unread counts and signed-out state; the shell forwards page events to it. */
  presence: PresenceService;
  handlers: InvokeHandlers;
  dispatch: Dispatch;
  /** The app renderer crashed, reloaded or its window closed: every held post is cancelled. */
  rendererGone(reason: string): void;
  dispose(): Promise<void>;
}

export async function createAppServices<S extends ShellPort>(options: AppServicesOptions<S>): Promise<AppServices<S>> {
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
  const { invalidUtf8 } = log.loadReport;
  if (invalidUtf8.count > 0) {
    warnings.push({
      id: 'log-invalid-utf8',
      messageKey: 'warnings.logInvalidUtf8',
      values: { count: invalidUtf8.count, lines: invalidUtf8.lines.slice(0, 10).join(', '), file: options.logPath },
    });
  }
  const media = new MediaStore({ sha256: (bytes) => createHash('sha256').update(bytes).digest() });
  const settings = () => accounts.state().settings;
  const logged = (where: string, write: Promise<unknown>) =>
    write.then(() => options.send('log:changed', null)).catch((error: unknown) => report(where, error));

  // The cycle shell → gate → accounts → shell is broken by order, not by a nullable variable: the gate and the
  // shell only call `accounts` when a request or a shortcut arrives, after this function has returned.
  const gate: GateService = new GateService({
    accounts: { get: (id) => accounts.get(id) },
    // Each request is classified in its session's context (platform, own server, Fediverse hosts seen).
    classify: gateClassifier(() => settings().customRules),
    clock: { now: () => now().getTime(), ...systemTimers },
    settings: () => ({ timeoutMs: settings().gateTimeoutSeconds * 1000, storeText: settings().logText }),
    audit: (entry) => void logged('gate audit', recordAudit(log, entry)),
    auditResult: (requestId, status, error) => void logged('gate result', log.recordGateResult({ requestId, status, error })),
    replyCompleted: (reply) =>
      void logged(
        'reply',
        log.recordReply({
          account: reply.account,
          platform: reply.platform,
          replyToId: reply.replyToId,
          sentAt: reply.sentAt,
          excerpt: reply.text === null ? null : excerpt(reply.text),
        }),
      ),
    emitQueue: (queue) => {
      // Main hides the account view itself while anything is held: the dialog can be neither covered nor bypassed.
      shell.setCovered('gate', queue.length > 0);
      options.send('gate:queue', queue);
    },
    newId,
    hash: (text) => createHash('sha256').update(text).digest('hex'),
    // Read from the store: the account service that owns it later is not built yet.
    initialIdentities: { ...store.snapshot.identities },
    identitiesChanged: (identities) => accounts.rememberIdentities(identities),
    reportError: report,
    media,
  });

  const presence = new PresenceService({
    accounts: () => accounts.state().accounts,
    locale: () => accounts.state().locale,
    emit: (map) => options.send('presence:changed', map),
    setBadge: options.setBadge ?? (() => undefined),
    notify: options.notify ?? (() => undefined),
  });

  const shell = options.createShell({
    gate,
    hibernateMs: () => accounts.state().settings.hibernateMinutes * 60_000,
    onShortcut: (index) => {
      // While a post is held, the dialog stays bound to its account: no switching, from any key or click.
      const account = accounts.state().accounts[index];
      if (account && gate.queue().length === 0) accounts.activate(account.id);
    },
    heldAccounts: () => new Set(gate.queue().map((post) => post.account.id)),
    pageEvents: presence,
    customRules: () => settings().customRules,
    cancelHeldOf: (accountId, reason) => void gate.cancelWhere((post) => post.account.id === accountId, reason),
  });
  const views = options.views?.(shell) ?? NO_VIEWS;
  const accounts = new AccountService({
    store,
    // A removed account's captured uploads and learned Fediverse hosts go with its session.
    shell: {
      show: (account) => shell.show(account),
      forget: (account) => (media.forget(account.id), gate.forgetSession(account.id), shell.forget(account)),
      accountsChanged: (list) => shell.accountsChanged(list),
      setViewBounds: (bounds) => shell.setViewBounds(bounds),
      setCovered: (owner, covered) => shell.setCovered(owner, covered),
      reloadView: (id) => shell.reloadView(id),
      stoppedViews: () => shell.stoppedViews(),
    },
    emitState: (state) => {
      configureLog(log, state.settings, state.accounts);
      presence.accountsChanged();
      options.send('state:changed', state);
    },
    newId,
    now,
    systemLocale: options.systemLocale,
    warnings,
  });
  configureLog(log, settings(), accounts.state().accounts);

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
    'view:bounds': (bounds) => shell.setViewBounds(bounds),
    // Namespaced, so the renderer can never lift main's own 'gate' cover.
    'view:covered': (owner, covered) => shell.setCovered(`ui:${owner}`, covered),
    'view:reload': (id) => shell.reloadView(id),
    'view:stopped': () => shell.stoppedViews(),
    'gate:queue': () => gate.queue(),
    'gate:decide': (pendingId, decision) => gate.decide(pendingId, decision),
    'gate:undo': (pendingId) => gate.undo(pendingId),
    'gate:recent': (limit) => log.recentGate(limit),
    'gate:reset-identity': (accountId) => gate.resetIdentity(accountId),
    'gate:check-har': (text) => harToRows(text, { customRules: settings().customRules, now: now() }),
    'presence:state': () => presence.snapshot(),
    'accounts:memory': () => {
      const ids = accounts.state().accounts.map((account) => account.id);
      return memoryByAccount(ids, views.processes(), views.metrics());
    },
    'accounts:reload': (id) => {
      if (!accounts.get(id)) throw new UserError('errors.unknownAccount');
      // What the rail says stays until the fresh page reports its own URL and title: an asleep view is
      // not reloaded, and a gone identity cookie stays gone whatever the page does.
      views.reload(id);
    },
    ...logHandlers(
      log,
      options.files,
      () => options.send('log:changed', null),
      now,
      () => accounts.state().locale,
    ),
  };
  shell.accountsChanged(accounts.state().accounts);
  shell.show(accounts.active());
  return {
    shell,
    accounts,
    gate,
    log,
    presence,
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
    account: {
      id: entry.account.id || 'unknown',
      handle: entry.account.handle || 'unknown',
      name: entry.account.name ?? '',
      kind: entry.account.kind ?? 'personal',
    },
    platform: entry.platform ?? 'custom',
    action: entry.action ?? 'post',
    decision: entry.decision,
    requestId: entry.requestId,
    text: entry.text,
    textHash: entry.textHash,
    at: new Date(entry.at),
  });
}
