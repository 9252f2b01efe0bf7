// Owns every account WebContentsView: creation in its partition, bounds inside the frame, guards, hibernation.
import { BaseWindow, WebContentsView, type Session, type WebContents } from 'electron';
import type { Account } from '../../../shared/accounts/account.ts';
import { accountsToHibernate } from '../../../shared/accounts/hibernation.ts';
import type { ViewProcess } from '../../../shared/accounts/memory.ts';
import { Sleepers, WakeSchedule, wokenLastActiveAt } from '../../../shared/accounts/wake-schedule.ts';
import { PLATFORM_NAMES } from '../../../shared/accounts/platforms.ts';
import { allowNavigation, popupTarget } from '../../../shared/accounts/site-policy.ts';
import type { ViewBounds } from '../../../shared/ipc/contract.ts';
import type { ShellPort } from '../services/accounts/account-service.ts';
import type { PageEvents } from '../services/accounts/presence-service.ts';
import type { RequestGate } from '../services/request-gate.ts';
import { accountSession } from './account-session.ts';
import { openLoginPopup } from './login-popup.ts';
import { safeOpenExternal } from './open-external.ts';

/** Every sleeping account wakes once per period (the sleepers spread across it). */
const WAKE_PERIOD_MS = 15 * 60_000;
/** How long a woken view stays open to load and report its title. */
const WAKE_FOR_MS = 90_000;

interface LiveView {
  view: WebContentsView;
  lastActiveAt: number;
}

export class ViewManager implements ShellPort {
  private readonly views = new Map<string, LiveView>();
  private accounts: readonly Account[] = [];
  private activeId: string | null = null;
  private bounds: ViewBounds = { x: 0, y: 0, width: 0, height: 0 };
  private covered = false;
  private readonly timer: NodeJS.Timeout;
  // Hibernated accounts wake in turn to refresh their unread counts, then sleep again.
  private readonly sleepers = new Sleepers(new WakeSchedule(WAKE_PERIOD_MS));
  private readonly watchedSessions = new WeakSet<Session>();

  constructor(
    private readonly window: BaseWindow,
    private readonly gate: RequestGate,
    private readonly options: {
      hibernateMs: () => number;
      onShortcut: (index: number) => void;
      heldAccounts: () => ReadonlySet<string>;
      /** Where titles, navigations and cookie changes of account pages go (null until the services exist). */
      pageEvents: () => PageEvents | null;
    },
  ) {
    this.timer = setInterval(() => this.hibernateIdle(), 60_000);
  }

  accountsChanged(accounts: readonly Account[]): void {
    this.accounts = accounts;
  }

  show(account: Account | null): void {
    const previous = this.activeId ? this.views.get(this.activeId) : undefined;
    if (previous && previous !== this.views.get(account?.id ?? '')) previous.lastActiveAt = Date.now();
    this.activeId = account?.id ?? null;
    for (const [id, live] of this.views) live.view.setVisible(id === this.activeId && !this.covered);
    if (!account) {
      this.window.setTitle('Hatrack');
      return;
    }
    this.sleepers.woke(account.id);
    const live = this.views.get(account.id) ?? this.create(account);
    live.lastActiveAt = Date.now();
    live.view.setBounds(this.bounds);
    live.view.setVisible(!this.covered);
    const kind = account.kind === 'brand' ? 'BRAND' : 'PERSONAL';
    this.window.setTitle(`${account.name} (@${account.handle}) · ${PLATFORM_NAMES[account.platform]} · ${kind} — Hatrack`);
  }

  async forget(account: Account): Promise<void> {
    this.close(account.id);
    const ses = accountSession(account, (id) => this.lookup(id), this.gate);
    await ses.clearStorageData();
    await ses.clearCache();
    await ses.clearAuthCache();
  }

  setViewBounds(bounds: ViewBounds): void {
    this.bounds = bounds;
    if (this.activeId) this.views.get(this.activeId)?.view.setBounds(bounds);
  }

  setCovered(covered: boolean): void {
    this.covered = covered;
    if (this.activeId) this.views.get(this.activeId)?.view.setVisible(!covered);
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

  dispose(): void {
    clearInterval(this.timer);
    for (const id of [...this.views.keys()]) this.close(id);
  }

  private lookup(id: string): Account | undefined {
    return this.accounts.find((account) => account.id === id);
  }

  private create(account: Account): LiveView {
    const ses = accountSession(account, (id) => this.lookup(id), this.gate);
    const view = new WebContentsView({
      webPreferences: { session: ses, sandbox: true, contextIsolation: true, nodeIntegration: false, webSecurity: true },
    });
    this.guard(view.webContents, account);
    this.forwardPageEvents(view.webContents, ses, account.id);
    this.window.contentView.addChildView(view);
    void view.webContents.loadURL(account.startUrl);
    const live = { view, lastActiveAt: Date.now() };
    this.views.set(account.id, live);
    return live;
  }

  private guard(contents: WebContents, account: Account): void {
    contents.on('will-navigate', (event) => {
      if (!allowNavigation(event.url)) event.preventDefault();
    });
    contents.on('will-frame-navigate', (event) => {
      if (!allowNavigation(event.url)) event.preventDefault();
    });
    contents.setWindowOpenHandler(({ url }) => {
      const current = this.lookup(account.id) ?? account;
      const target = popupTarget(url, current);
      if (target === 'external') safeOpenExternal(url);
      if (target !== 'child') return { action: 'deny' };
      return {
        action: 'allow',
        overrideBrowserWindowOptions: {
          webPreferences: { session: contents.session, sandbox: true, contextIsolation: true, nodeIntegration: false },
        },
        createWindow: (options) => openLoginPopup(current, options),
      };
    });
    // Ctrl/Cmd+1..9 must switch accounts even while a site has the keyboard focus.
    contents.on('before-input-event', (event, input) => {
      if (input.type === 'keyDown' && (input.control || input.meta) && !input.alt && /^[1-9]$/.test(input.key)) {
        event.preventDefault();
        this.options.onShortcut(Number(input.key) - 1);
      }
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

  private close(id: string): void {
    const live = this.views.get(id);
    if (!live) return;
    this.views.delete(id);
    this.window.contentView.removeChildView(live.view);
    live.view.webContents.close();
  }

  /** Closes idle inactive views (reloaded from their start page when activated again). */
  private hibernateIdle(): void {
    const live = new Map([...this.views].map(([id, view]) => [id, view.lastActiveAt]));
    const now = Date.now();
    const closing = accountsToHibernate(this.accounts, live, this.activeId, now, this.options.hibernateMs(), this.options.heldAccounts());
    for (const id of closing) this.close(id);
    this.sleepers.fellAsleep(closing);
    // The next due sleeper opens hidden to refresh its count; this check closes it again WAKE_FOR_MS later.
    const wake = this.sleepers.toWake(this.accounts.map((account) => account.id), new Set(this.views.keys()), now);
    const account = wake ? this.lookup(wake) : undefined;
    if (!account) return;
    const woken = this.create(account);
    woken.view.setVisible(false);
    woken.lastActiveAt = wokenLastActiveAt(now, this.options.hibernateMs(), WAKE_FOR_MS);
  }
}
