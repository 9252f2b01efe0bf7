// The test stand-in for Electron's ViewManager: one Playwright BrowserContext per account partition,
// its requests routed through the same RequestGate the webRequest adapter calls.
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page, Request } from 'playwright-core';
import type { Account } from '../../../shared/accounts/account.ts';
import type { ViewBounds } from '../../../shared/ipc/contract.ts';
import type { ShellPort } from '../../../electron/main/services/accounts/account-service.ts';
import type { PageEvents } from '../../../electron/main/services/accounts/presence-service.ts';
import type { ViewsPort } from '../../../electron/main/services/accounts/views-port.ts';
import type { ProcessMemory, ViewProcess } from '../../../shared/accounts/memory.ts';
import { identityFromTwid } from '../../../shared/platforms/x.ts';
import type { RequestGate } from '../../../electron/main/services/request-gate.ts';
import { isSafeMethod } from '../../../shared/gate/methods.ts';
import { CoverOwners } from '../../../electron/main/shell/cover-owners.ts';
import { FIXTURE_HOSTS } from './chromium.ts';

interface AccountView {
  context: BrowserContext;
  page: Page;
}

// Reports every title the page's main frame takes, as Electron's 'page-title-updated' does.
const TITLE_WATCH = `(() => {
  if (window.top !== window) return;
  let last = null;
  const report = () => {
    if (document.title === last) return;
    last = document.title;
    window.__hatrackTitle(document.title);
  };
  new MutationObserver(report).observe(document, { subtree: true, childList: true, characterData: true });
  document.addEventListener('DOMContentLoaded', report);
})();`;

export class HarnessShell implements ShellPort, ViewsPort {
  readonly views = new Map<string, Promise<AccountView>>();
  visibleId: string | null = null;
  bounds: ViewBounds | null = null;
  /** The same owner set the Electron ViewManager keeps. */
  readonly covers = new CoverOwners();
  readonly stopped = new Set<string>();
  reloads: string[] = [];
  /** Set by the app harness: tells the renderer which pages stopped (Electron's view:stopped event). */
  stoppedChanged: (stopped: string[]) => void = () => undefined;
  /** Set by the app harness: cancels one account's held posts (GateService.cancelWhere). */
  cancelHeldOf: (accountId: string, reason: string) => void = () => undefined;
  title = 'Hatrack';
  private accounts: readonly Account[] = [];
  private nextRequest = 0;

  constructor(
    private readonly browser: Browser,
    private readonly partitionsDir: string,
    private readonly gate: () => RequestGate,
    private readonly pageEvents: () => PageEvents | null = () => null,
  ) {
    mkdirSync(partitionsDir, { recursive: true });
  }

  show(account: Account | null): void {
    this.visibleId = account?.id ?? null;
    this.title = account ? `${account.name} (@${account.handle})` : 'Hatrack';
    if (account && !this.views.has(account.id)) this.views.set(account.id, this.open(account));
  }

  async forget(account: Account): Promise<void> {
    const view = this.views.get(account.id);
    this.views.delete(account.id);
    if (view) await (await view).context.close();
    rmSync(this.storageFile(account), { force: true });
  }

  accountsChanged(accounts: readonly Account[]): void {
    this.accounts = accounts;
  }

  setViewBounds(bounds: ViewBounds): void {
    this.bounds = bounds;
  }

  setCovered(owner: string, covered: boolean): void {
    this.covers.set(owner, covered);
  }

  get covered(): boolean {
    return this.covers.covered;
  }

  reloadView(accountId: string): void {
    this.reloads.push(accountId);
    this.stopped.delete(accountId);
    this.stoppedChanged(this.stoppedViews());
  }

  /** What ViewManager does on an account page's render-process-gone: its posts cancelled, the frame told. */
  crashPage(accountId: string): void {
    this.cancelHeldOf(accountId, 'account page stopped: crashed');
    this.stopped.add(accountId);
    this.stoppedChanged(this.stoppedViews());
  }

  stoppedViews(): string[] {
    return [...this.stopped];
  }

  /** Playwright does not say which OS process renders a context: no view is measured here (the match is unit-tested). */
  processes(): ViewProcess[] {
    return [];
  }

  metrics(): ProcessMemory[] {
    return [];
  }

  /** Loads the account's start page again, as the Electron adapter does. */
  reload(accountId: string): void {
    const account = this.accounts.find((candidate) => candidate.id === accountId);
    const view = this.views.get(accountId);
    if (account && view) void view.then(({ page }) => page.goto(account.startUrl)).catch(() => undefined);
  }

  async page(accountId: string): Promise<Page> {
    const view = this.views.get(accountId);
    if (!view) throw new Error(`no view for account ${accountId}`);
    return (await view).page;
  }

  /** Persists each partition's cookies and storage, as Electron's persist: partitions do. */
  async close(): Promise<void> {
    for (const [id, pending] of this.views) {
      const view = await pending;
      const account = this.accounts.find((candidate) => candidate.id === id);
      if (account) await view.context.storageState({ path: this.storageFile(account) });
      await view.context.close();
    }
    this.views.clear();
  }

  private storageFile(account: Account): string {
    return join(this.partitionsDir, `${account.partition.replace(/[^a-z0-9-]/gi, '_')}.json`);
  }

  private async open(account: Account): Promise<AccountView> {
    const storage = this.storageFile(account);
    const context = await this.browser.newContext({
      ignoreHTTPSErrors: true,
      viewport: { width: 900, height: 600 },
      ...(existsSync(storage) ? { storageState: storage } : {}),
    });
    await this.routeThroughGate(context, account.id);
    await this.forwardPageEvents(context, account.id);
    this.forwardCookieChanges(context, account.id);
    const page = await context.newPage();
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame()) this.pageEvents()?.navigated(account.id, frame.url());
    });
    // Only fixture sites are loaded: nothing leaves this machine.
    const start = new URL(account.startUrl);
    if ((FIXTURE_HOSTS as readonly string[]).includes(start.hostname) && start.port !== '') await page.goto(account.startUrl);
    return { context, page };
  }

  /** The Playwright twin of the 'page-title-updated' forwarding in electron/main/shell/view-manager.ts (navigations: see open()). */
  private async forwardPageEvents(context: BrowserContext, accountId: string): Promise<void> {
    await context.exposeBinding('__hatrackTitle', (source, title: string) => {
      if (source.frame === source.page.mainFrame()) this.pageEvents()?.title(accountId, title);
    });
    await context.addInitScript(TITLE_WATCH);
  }

  /**
   * The twin of the session's cookies 'changed' forwarding. Playwright has no cookie event, so the
   * jar is compared after every response (where a server sets or clears a cookie, as X's logout
   * clears twid) and each difference is reported in Electron's shape.
   */
  private forwardCookieChanges(context: BrowserContext, accountId: string): void {
    let known: Map<string, string> | null = null;
    let queue = Promise.resolve();
    context.on('response', () => {
      queue = queue.then(async () => {
        const jar = await context.cookies().catch(() => null);
        if (!jar) return;
        const now = new Map(jar.map((cookie) => [`${cookie.name}\u0000${cookie.domain}`, cookie.value]));
        const before = known ?? new Map<string, string>();
        known = now;
        for (const key of before.keys()) {
          if (now.has(key)) continue;
          const [name = '', domain = ''] = key.split('\u0000');
          this.pageEvents()?.cookie(accountId, { name, domain, removed: true, cause: 'explicit' });
        }
        for (const [key, value] of now) {
          if (before.get(key) === value) continue;
          const [name = '', domain = ''] = key.split('\u0000');
          this.pageEvents()?.cookie(accountId, { name, domain, removed: false, cause: 'explicit' });
        }
      });
    });
  }

  /** The Playwright twin of the webRequest dispatcher in electron/main/shell/account-session.ts. */
  private async routeThroughGate(context: BrowserContext, accountId: string): Promise<void> {
    const ids = new WeakMap<Request, string>();
    await context.route('**/*', async (route) => {
      const request = route.request();
      if (isSafeMethod(request.method())) return route.continue();
      const requestId = `pw-${++this.nextRequest}`;
      ids.set(request, requestId);
      // Headers and cookies are read inside the gate's timeout, as the Electron dispatcher reads them.
      const verdict = await this.gate()
        .interceptRead(accountId, requestId, async () => {
          const cookies = await context.cookies(request.url());
          const sessionIdentity = identityFromTwid(cookies.find((cookie) => cookie.name === 'twid')?.value);
          const headers = await request.allHeaders();
          return { request: { method: request.method(), url: request.url(), headers, body: request.postDataBuffer() }, sessionIdentity };
        })
        .catch(() => 'cancel' as const);
      // The page may have given up on the request while it was held: then there is nothing left to answer.
      try {
        if (verdict === 'continue') await route.continue();
        else await route.abort('blockedbyclient');
      } catch {
        // The request is gone; the gate has already been told by 'requestfailed'.
      }
    });
    context.on('requestfinished', (request) => {
      // Every request, GETs included (as Electron's onCompleted): the gate learns Fediverse hosts from them.
      const id = ids.get(request) ?? `pw-${++this.nextRequest}`;
      const seen = { accountId, method: request.method(), url: request.url() };
      // The context may close before the response is read (the test ended): nothing left to record then.
      request.response().then(
        (response) => response && this.gate().completed(id, response.status(), seen),
        () => undefined,
      );
    });
    context.on('requestfailed', (request) => {
      const id = ids.get(request);
      if (id) this.gate().failed(id, request.failure()?.errorText ?? 'failed');
    });
  }
}
