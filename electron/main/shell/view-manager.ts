// Owns every account WebContentsView: creation in its partition, bounds inside the frame, guards, crashes, hibernation and wakes.
import { BaseWindow, WebContentsView, type Session, type WebContents } from 'electron';
import type { Account } from '../../../shared/accounts/account.ts';
import { accountsToHibernate } from '../../../shared/accounts/hibernation.ts';
import type { ViewProcess } from '../../../shared/accounts/memory.ts';
import { Sleepers, WakeSchedule, wokenLastActiveAt } from '../../../shared/accounts/wake-schedule.ts';
import { switchShortcutIndex } from '../../../shared/accounts/switch-shortcut.ts';
import { allowNavigation } from '../../../shared/accounts/site-policy.ts';
import { windowTitle } from '../../../shared/i18n/main-strings.ts';
import type { ViewBounds } from '../../../shared/ipc/contract.ts';
import type { ShellPort } from '../services/accounts/account-service.ts';
import type { PageEvents } from '../services/accounts/presence-service.ts';
import { accountSession, type GateAdapter } from './account-session.ts';
import { CoverOwners } from './cover-owners.ts';
import { openLoginPopup } from './login-popup.ts';
import { safeOpenExternal } from './open-external.ts';
import { blockFrameNavigation, planPopup, viewBoundsAtZoom } from './site-rules.ts';

/** Every sleeping account wakes once per period (the sleepers spread across it). */
const WAKE_PERIOD_MS = 15 * 60_000;
/** How long a woken view stays open to load and report its title. */
const WAKE_FOR_MS = 90_000;

interface LiveView {
  view: WebContentsView;
  lastActiveAt: number;
}

export interface ViewManagerOptions {
  hibernateMs: () => number;
  onShortcut: (index: number) => void;
  /** The resolved UI locale, for the window title and popups. */
  locale: () => string;
  /** Accounts with a post held at the gate: never hibernated (closing the view would drop the draft). */
  heldAccounts: () => ReadonlySet<string>;
  /** Where titles, navigations and cookie changes of account pages go (null until the services exist). */
  pageEvents: () => PageEvents | null;
  /** The app UI's contents: focused when a dialog covers the view, and its zoom scales the bounds. */
  ui: () => WebContents | null;
  /** A view's page stopped (crash) or came back: the renderer shows "This account's page stopped — Reload". */
  onStoppedChanged: (stopped: string[]) => void;
  /** Cancels the held posts of one account (fail closed), with a reason for the audit. */
  cancelHeldOf: (accountId: string, reason: string) => void;
  report: (where: string, error: unknown) => void;
}

export class ViewManager implements ShellPort {
  private readonly views = new Map<string, LiveView>();
  private readonly stopped = new Set<string>();
  private readonly covers = new CoverOwners();
  private accounts: readonly Account[] = [];
  private activeId: string | null = null;
  private bounds: ViewBounds = { x: 0, y: 0, width: 0, height: 0 };
  private readonly timer: NodeJS.Timeout;
  private disposed = false;
  // Hibernated accounts wake in turn to refresh their unread counts, then sleep again.
  private readonly sleepers = new Sleepers(new WakeSchedule(WAKE_PERIOD_MS));
  private readonly watchedSessions = new WeakSet<Session>();

  constructor(
    private readonly window: BaseWindow,
    private readonly gate: GateAdapter,
    private readonly options: ViewManagerOptions,
  ) {
    this.timer = setInterval(() => this.hibernateIdle(), 60_000);
  }

  accountsChanged(accounts: readonly Account[]): void {
    this.accounts = accounts;
    this.updateTitle();
  }

  show(account: Account | null): void {
    if (this.disposed) return;
    const previous = this.activeId ? this.views.get(this.activeId) : undefined;
    if (previous && previous !== this.views.get(account?.id ?? '')) previous.lastActiveAt = Date.now();
    const switched = this.activeId !== (account?.id ?? null);
    this.activeId = account?.id ?? null;
    if (account && !this.views.has(account.id)) this.create(account);
    const live = account ? this.views.get(account.id) : undefined;
    if (live) {
      live.lastActiveAt = Date.now();
      live.view.setBounds(this.scaled());
    }
    if (account) this.sleepers.woke(account.id);
    this.applyVisibility();
    this.updateTitle();
    // Switching accounts gives the keyboard to the site, unless a dialog holds it.
    if (switched && live && this.visible(this.activeId ?? '')) live.view.webContents.focus();
  }

  async forget(account: Account): Promise<void> {
    this.close(account.id, 'account removed');
    if (this.stopped.delete(account.id)) this.options.onStoppedChanged(this.stoppedViews());
    const ses = accountSession(account, (id) => this.lookup(id), this.gate, this.options.locale);
    await ses.clearStorageData();
    await ses.clearCache();
    await ses.clearAuthCache();
  }

  setViewBounds(bounds: ViewBounds): void {
    this.bounds = bounds;
    if (this.activeId) this.views.get(this.activeId)?.view.setBounds(this.scaled());
  }

  setCovered(owner: string, covered: boolean): void {
    if (!this.covers.set(owner, covered)) return;
    this.coverChanged();
  }

  /** Each live view's renderer process, for memory per account. */
  processes(): ViewProcess[] {
    return [...this.views].map(([accountId, live]) => ({ accountId, pid: live.view.webContents.getOSProcessId() }));
  }

  /** Reloads an account's view from its start page, freeing what the site had piled up. */
  reload(accountId: string): void {
    const live = this.views.get(accountId);
    const account = this.lookup(accountId);
    if (live && account) void live.view.webContents.loadURL(account.startUrl);
  }

  /** The app UI reloaded or crashed: its own covers (modals, dashboard) are gone with it. */
  uiReset(): void {
    if (this.covers.clearRenderer()) this.coverChanged();
  }

  get covered(): boolean {
    return this.covers.covered;
  }

  stoppedViews(): string[] {
    return [...this.stopped];
  }

  /** "Reload" on a stopped page: a fresh view from the account's start page. */
  reloadView(accountId: string): void {
    const account = this.lookup(accountId);
    this.close(accountId, 'page reloaded');
    if (this.stopped.delete(accountId)) this.options.onStoppedChanged(this.stoppedViews());
    if (account && this.activeId === accountId) this.show(account);
  }

  /** View › Reload: the active account's page (a stopped one gets a fresh view). */
  reloadActive(): void {
    if (!this.activeId) return;
    const contents = this.views.get(this.activeId)?.view.webContents;
    if (this.stopped.has(this.activeId) || !contents || contents.isDestroyed()) this.reloadView(this.activeId);
    else contents.reload();
  }

  /** Zoom of the active site (View menu); the app UI stays at 100 %. */
  zoomActive(step: 'in' | 'out' | 'reset'): void {
    const contents = this.activeId ? this.views.get(this.activeId)?.view.webContents : undefined;
    if (contents) zoom(contents, step);
  }

  /** Window 'close' or app quit: every view leaves the window while it still exists. Safe to call twice. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    clearInterval(this.timer);
    for (const id of [...this.views.keys()]) this.close(id, 'window closed');
  }

  private visible(id: string): boolean {
    return id === this.activeId && !this.covers.covered && !this.stopped.has(id);
  }

  private applyVisibility(): void {
    for (const [id, live] of this.views) live.view.setVisible(this.visible(id));
  }

  private coverChanged(): void {
    this.applyVisibility();
    if (this.disposed) return;
    // A dialog over the view takes the keyboard at once (the typed-@handle field); closing the last one gives it back.
    if (this.covers.covered) {
      const ui = this.options.ui();
      if (ui && !ui.isDestroyed()) ui.focus();
    } else if (this.activeId && this.visible(this.activeId)) {
      this.views.get(this.activeId)?.view.webContents.focus();
    }
  }

  private scaled(): ViewBounds {
    const ui = this.options.ui();
    return viewBoundsAtZoom(this.bounds, ui && !ui.isDestroyed() ? ui.getZoomFactor() : 1);
  }

  private updateTitle(): void {
    if (this.window.isDestroyed()) return;
    const active = this.activeId ? (this.lookup(this.activeId) ?? null) : null;
    this.window.setTitle(windowTitle(active, this.options.locale()));
  }

  private lookup(id: string): Account | undefined {
    return this.accounts.find((account) => account.id === id);
  }

  private create(account: Account): LiveView {
    const ses = accountSession(account, (id) => this.lookup(id), this.gate, this.options.locale);
    const view = new WebContentsView({
      webPreferences: { session: ses, sandbox: true, contextIsolation: true, nodeIntegration: false, webSecurity: true },
    });
    this.guard(view.webContents, account);
    this.forwardPageEvents(view.webContents, ses, account.id);
    this.window.contentView.addChildView(view);
    void view.webContents.loadURL(account.startUrl).catch((error: unknown) => this.options.report('load account page', error));
    const live = { view, lastActiveAt: Date.now() };
    this.views.set(account.id, live);
    return live;
  }

  private guard(contents: WebContents, account: Account): void {
    contents.on('will-navigate', (event) => {
      if (!allowNavigation(event.url)) event.preventDefault();
    });
    // Every frame fires will-frame-navigate; only the main frame is guarded (blob: and about:srcdoc editors work).
    contents.on('will-frame-navigate', (event) => {
      if (blockFrameNavigation(event.url, event.isMainFrame)) event.preventDefault();
    });
    contents.setWindowOpenHandler(({ url }) => {
      const current = this.lookup(account.id) ?? account;
      const plan = planPopup(url, current);
      if (plan.action === 'deny') {
        if (plan.openExternal !== null) safeOpenExternal(plan.openExternal);
        return { action: 'deny' };
      }
      return {
        action: 'allow',
        overrideBrowserWindowOptions: {
          webPreferences: { session: contents.session, sandbox: true, contextIsolation: true, nodeIntegration: false },
        },
        createWindow: (options) =>
          openLoginPopup(current, url, options, { session: contents.session, locale: this.options.locale(), report: this.options.report }),
      };
    });
    // Ctrl/Cmd+1..9 must switch accounts even while a site has the keyboard focus (matched on the physical key).
    contents.on('before-input-event', (event, input) => {
      const index = switchShortcutIndex(input);
      if (index === null) return;
      event.preventDefault();
      this.options.onShortcut(index);
    });
    // Ctrl+wheel asks for a zoom (Electron applies none by itself): the site zooms, never the app UI.
    contents.on('zoom-changed', (_event, direction) => zoom(contents, direction));
    // A crashed page: its held posts are cancelled (fail closed) and the frame offers Reload.
    contents.on('render-process-gone', (_event, details) => {
      if (this.views.get(account.id)?.view.webContents !== contents) return;
      this.options.cancelHeldOf(account.id, `account page stopped: ${details.reason}`);
      this.stopped.add(account.id);
      this.applyVisibility();
      this.options.onStoppedChanged(this.stoppedViews());
    });
  }

  /** Titles (unread counts), main-frame URLs (sign-in pages) and cookie changes (identity cookies) go to the presence service. */
  private forwardPageEvents(contents: WebContents, ses: Session, accountId: string): void {
    contents.on('page-title-updated', (_event, title) => this.options.pageEvents()?.title(accountId, title));
    contents.on('did-navigate', (_event, url) => this.options.pageEvents()?.navigated(accountId, url));
    contents.on('did-navigate-in-page', (_event, url, isMainFrame) => {
      if (isMainFrame) this.options.pageEvents()?.navigated(accountId, url);
    });
    if (this.watchedSessions.has(ses)) return;
    this.watchedSessions.add(ses);
    ses.cookies.on('changed', (_event, cookie, cause, removed) =>
      this.options.pageEvents()?.cookie(accountId, { name: cookie.name, domain: cookie.domain ?? '', removed, cause }),
    );
  }

  private close(id: string, reason: string): void {
    const live = this.views.get(id);
    if (!live) return;
    this.views.delete(id);
    // A held post of a closed page can never be sent: cancelled now rather than left to time out.
    this.options.cancelHeldOf(id, reason);
    if (!this.window.isDestroyed()) this.window.contentView.removeChildView(live.view);
    if (!live.view.webContents.isDestroyed()) live.view.webContents.close();
  }

  /** Closes idle inactive views (reloaded from their start page when activated again). */
  private hibernateIdle(): void {
    const live = new Map([...this.views].map(([id, view]) => [id, view.lastActiveAt]));
    const now = Date.now();
    const closing = accountsToHibernate(this.accounts, live, this.activeId, now, this.options.hibernateMs(), this.options.heldAccounts());
    for (const id of closing) this.close(id, 'page hibernated');
    this.sleepers.fellAsleep(closing);
    // The next due sleeper opens hidden to refresh its count; this check closes it again WAKE_FOR_MS later.
    const wake = this.sleepers.toWake(
      this.accounts.map((account) => account.id),
      new Set(this.views.keys()),
      now,
    );
    const account = wake ? this.lookup(wake) : undefined;
    if (!account) return;
    const woken = this.create(account);
    woken.view.setVisible(false);
    woken.lastActiveAt = wokenLastActiveAt(now, this.options.hibernateMs(), WAKE_FOR_MS);
  }
}

/** One zoom step of a site, between 50 % and 300 %. */
function zoom(contents: WebContents, step: 'in' | 'out' | 'reset'): void {
  if (contents.isDestroyed()) return;
  const current = contents.getZoomFactor();
  const next = step === 'reset' ? 1 : Math.min(3, Math.max(0.5, Math.round((current + (step === 'in' ? 0.1 : -0.1)) * 10) / 10));
  contents.setZoomFactor(next);
}
